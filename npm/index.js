// Browser entry of the `sundhedsklynger` package: the wasm-bindgen `--target web`
// build, with the .wasm as a separate file beside it (web/sundhedsklynger_bg.wasm).
//
//   import init, { mount, validate, defaultData, schema } from 'sundhedsklynger';
//   await init();                       // fetches and instantiates the .wasm once
//   const widget = mount(document.getElementById('app'), { region: 'RH', lang: 'da' });
//
// `init()` accepts `{ module_or_path }` (a URL, Response, bytes or WebAssembly.Module)
// to load the .wasm from elsewhere; `initSync({ module })` instantiates from bytes.
// `widget.on('select', (node) => …)` listens to the widget's events (ready, select, error).
// The custom element: 'sundhedsklynger/element' (ES module) or 'sundhedsklynger/inline'
// (one classic script with the .wasm inside). In Node use 'sundhedsklynger/node' instead
// (no init step, no widget).
export { default, initSync } from './web/sundhedsklynger.js';
export * from './web/sundhedsklynger.js';
