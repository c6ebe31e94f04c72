// The custom element entry: `import 'sundhedsklynger/element'` defines
// <sundhedsklynger-diagram> (unless the tag is already defined). The .wasm is
// fetched beside web/sundhedsklynger.js when the first element is connected.
//
//   import 'sundhedsklynger/element';
//   <sundhedsklynger-diagram region="RM" lang="da"></sundhedsklynger-diagram>
import init, * as api from './web/sundhedsklynger.js';
import { defineSundhedsklyngerElement } from './element-core.js';

let loading;
/** Instantiates the wasm module once (shared with the main entry) and resolves to the API. */
export function load() {
  loading ??= init().then(() => api);
  return loading;
}

export const SundhedsklyngerDiagram = defineSundhedsklyngerElement(load);
export { defineSundhedsklyngerElement };
