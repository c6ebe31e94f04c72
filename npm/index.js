// Browser entry of the `sundhedsklynger` package: the wasm-bindgen `--target web`
// build, with the .wasm as a separate file beside it (web/sundhedsklynger_bg.wasm).
//
//   import init, { mount, validate, defaultData, schema } from 'sundhedsklynger';
//   await init();                       // fetches and instantiates the .wasm once
//   const widget = mount(document.getElementById('app'), { region: 'RH', lang: 'da' });
//
// `init()` accepts `{ module_or_path }` (a URL, Response, bytes or WebAssembly.Module)
// to load the .wasm from elsewhere; `initSync({ module })` instantiates from bytes. The
// .wasm is compiled while it downloads (`WebAssembly.instantiateStreaming`) where the
// server sends it as `application/wasm`, else from its bytes.
// `widget.on('select', (node) => …)` listens to the widget's events (ready, select, error).
// The custom element: 'sundhedsklynger/element' (ES module) or 'sundhedsklynger/inline'
// (one classic script with the .wasm inside). In Node use 'sundhedsklynger/node' instead
// (no init step, no widget).
//
// The real data sets and the JSON Schema are not inside the .wasm: they are files of the
// package (data/<id>.json, schema.json), fetched once per page when a widget shows a data
// set, or `defaultData(id)` / `schema()` — which therefore return Promises — ask for one.
// A page that brings its own data fetches neither.
import wasmInit, * as wasm from './web/sundhedsklynger.js';

export * from './web/sundhedsklynger.js';

// Literal `new URL(…, import.meta.url)`s, so that bundlers (Vite, webpack, esbuild with
// its file loader) copy the files and rewrite the addresses.
const DATA_URLS = {
  'klynger-2022': new URL('./data/klynger-2022.json', import.meta.url),
  'sundhedsraad-2027': new URL('./data/sundhedsraad-2027.json', import.meta.url),
};
const SCHEMA_URL = new URL('./schema.json', import.meta.url);

const fetches = new Map(); // id → Promise of the text
const registered = new Map(); // id → Promise of the registration

/** Fetches `url` as text; an HTTP error is an Error naming the address. */
async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return response.text();
}

/** A real data set's text, fetched once per page; a failed fetch is forgotten (the next call tries again). */
function fetchDataSet(id) {
  let p = fetches.get(id);
  if (!p) {
    const url = DATA_URLS[id];
    if (!url) return Promise.reject(new Error(`unknown data set ${JSON.stringify(id)}`));
    p = fetchText(url);
    p.catch(() => fetches.delete(id));
    fetches.set(id, p);
  }
  return p;
}

/**
 * Gives the wasm a real data set's text (the loader `mount` calls; it runs after `init`).
 * @param {string} id
 */
function loadDataSet(id) {
  let p = registered.get(id);
  if (!p) {
    p = fetchDataSet(id).then((text) => {
      wasm.__registerDataSet(id, text);
    });
    p.catch(() => registered.delete(id));
    registered.set(id, p);
  }
  return p;
}

/**
 * Starts fetching a data set's file while the .wasm still loads (the custom element does,
 * for its `dataset` attribute): one round trip less before the first chart. Unknown ids
 * are ignored (the widget reports them).
 * @param {string | null | undefined} id
 */
export function __prefetchDataSet(id) {
  if (id && Object.hasOwn(DATA_URLS, id)) fetchDataSet(id).catch(() => {});
}

/**
 * A page's first `Intl.NumberFormat` and `Intl.Collator` load the locale data (≈ 30 ms and
 * ≈ 7 ms in Chromium here): made once, each in a task of its own while the .wasm downloads
 * and compiles, so that neither lengthens a step of the widget's first render (the
 * formatters it keeps are made in src/web/format.rs, then in well under a millisecond).
 */
function warmLocales() {
  const make = (f) => () => {
    try {
      f();
    } catch {
      // No Intl: src/web/format.rs has its own fallback.
    }
  };
  // The collator first: the first Intl object of a page also starts ICU, and this split
  // left the shorter first task (≈ 12 + 7 ms, against ≈ 33 + 7 ms the other way round).
  setTimeout(make(() => new Intl.Collator('da-DK').compare('a', 'b')), 0);
  setTimeout(make(() => new Intl.NumberFormat('da-DK').format(0)), 0);
}

let initialised;
/** Instantiates the .wasm once (later calls return the same promise) and connects the data sets' loader. */
export default function init(options) {
  if (!initialised) warmLocales();
  // Resolved a task after the instantiation, so that what the caller does next (`mount`)
  // does not lengthen the task that instantiated the module.
  initialised ??= wasmInit(options).then((exports) => {
    wasm.__setDataSetLoader(loadDataSet);
    return new Promise((resolve) => setTimeout(() => resolve(exports), 0));
  });
  return initialised;
}

/** Instantiates the .wasm from bytes or a compiled module, synchronously. */
export function initSync(options) {
  const exports = wasm.initSync(options);
  wasm.__setDataSetLoader(loadDataSet);
  initialised ??= Promise.resolve(exports);
  return exports;
}

/**
 * A real data set: the one `id` names, or the one in force today. Fetches its file the
 * first time (once per page). Rejects with an Error naming the known ids for an unknown one.
 * @param {string} [id]
 */
export async function defaultData(id) {
  await init();
  const want = id ?? wasm.dataSetInForce();
  if (Object.hasOwn(DATA_URLS, want)) await loadDataSet(want);
  return wasm.defaultData(id);
}

let schemaText;
/** The JSON Schema of the data format (schema.json, fetched the first time). */
export async function schema() {
  schemaText ??= fetchText(SCHEMA_URL).catch((e) => {
    schemaText = undefined;
    throw e;
  });
  return JSON.parse(await schemaText);
}
