// Assemble the single-file inline build: a classic script with the wasm embedded as
// base64, the wasm-bindgen `--target no-modules` glue, the custom element, and the real
// data sets and the JSON Schema as text (the wasm has neither: they are given to it when
// a widget shows a data set, or `defaultData` / `schema` ask).
//   node scripts/inline.mjs <glue.js> <module.wasm> <element-core.js> <out.js> <version> \
//     <schema.json> <id>=<data set.json> …
// The script defines <sundhedsklynger-diagram> and `globalThis.Sundhedsklynger`
// (see npm/inline.d.ts). It works from file:// (no fetch, no ES modules), pasted into a
// `<script>` block of a page (no `src` to resolve anything against) and, imported by a
// bundler, for its side effects.
import { readFileSync, writeFileSync } from 'node:fs';

const [glue, wasm, core, out, version = '', schemaFile, ...dataArgs] = process.argv.slice(2);
if (!out || !schemaFile || !dataArgs.length) {
  console.error('usage: node scripts/inline.mjs <glue.js> <module.wasm> <element-core.js> <out.js> <version> <schema.json> <id>=<file.json> …');
  process.exit(2);
}
let glueSrc = readFileSync(glue, 'utf8');
if (!/^let wasm_bindgen = \(function\(exports\) \{/m.test(glueSrc)) {
  throw new Error(`${glue}: not wasm-bindgen --target no-modules output`);
}
// The glue resolves the script's own address (to find a .wasm beside it, which this build
// never needs): `new URL('', location.href)` throws where the page has no base to resolve
// against (about:blank, about:srcdoc), and the script then stopped before defining the
// element. An address it cannot make is no address.
const scriptSrc = 'script_src = new URL(document.currentScript.src, location.href).toString();';
if (!glueSrc.includes(scriptSrc)) throw new Error(`${glue}: the glue no longer resolves document.currentScript.src as expected`);
glueSrc = glueSrc.replace(scriptSrc, `try { ${scriptSrc} } catch (_) { /* no base address */ }`);
const data = Object.fromEntries(
  dataArgs.map((arg) => {
    const [id, file] = arg.split('=');
    return [id, readFileSync(file, 'utf8')];
  }),
);
// Compact: the texts are read as JSON anyway (whitespace is a fifth of the files).
const compact = (text) => JSON.stringify(JSON.parse(text));
const dataSrc = Object.entries(data)
  .map(([id, text]) => `  ${JSON.stringify(id)}: ${JSON.stringify(compact(text))},`)
  .join('\n');
const schemaSrc = JSON.stringify(compact(readFileSync(schemaFile, 'utf8')));
let coreSrc = readFileSync(core, 'utf8');
const exported = coreSrc.match(/^export .*/gm) ?? [];
if (exported.length !== 1 || !exported[0].startsWith('export function defineSundhedsklyngerElement(') || /^import /m.test(coreSrc)) {
  throw new Error(`${core}: expected exactly one export (defineSundhedsklyngerElement) and no import`);
}
coreSrc = coreSrc.replace(/^export function/m, 'function');
const base64 = readFileSync(wasm).toString('base64');
// One text of warmLocales for both entries: the ES entry's own (a classic script cannot
// import it, and a module of its own would cost the ES entry a round trip).
const esEntry = readFileSync(new URL('../npm/index.js', import.meta.url), 'utf8');
const warmLocalesSrc = esEntry.match(/^function warmLocales\(\) \{\n[\s\S]*?\n\}$/m)?.[0];
if (!warmLocalesSrc || /\b(import|export)\b/.test(warmLocalesSrc)) throw new Error('npm/index.js: no self-contained function warmLocales() { … } found');

const text = `/*! sundhedsklynger ${version} — inline build (the WebAssembly module is embedded). MIT licence. */
(function () {
'use strict';
if (globalThis.Sundhedsklynger) return; // loaded twice: keep the first

${glueSrc}

${coreSrc}

const WASM_BASE64 = "${base64}";

// The real data sets and the schema, as text: given to the wasm when first needed.
const DATA_TEXTS = {
${dataSrc}
};
const SCHEMA_TEXT = ${schemaSrc};
function loadDataSet(id) {
  if (!Object.prototype.hasOwnProperty.call(DATA_TEXTS, id)) return Promise.reject(new Error('unknown data set ' + JSON.stringify(id)));
  wasm_bindgen.__registerDataSet(id, DATA_TEXTS[id]);
  return Promise.resolve();
}

function wasmBytes() {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(WASM_BASE64);
  const s = atob(WASM_BASE64);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

// The ES entry's warmLocales, taken from npm/index.js: the locale data load, each in a task
// of its own, while the module compiles.
${warmLocalesSrc}

const api = {};
let loading;
function load() {
  if (!loading) warmLocales();
  loading ??= wasm_bindgen({ module_or_path: wasmBytes() }).then(() => {
    wasm_bindgen.__setDataSetLoader(loadDataSet);
    for (const [name, value] of Object.entries(wasm_bindgen)) {
      if (name !== 'initSync' && !name.startsWith('__')) api[name] = value;
    }
    // As in the ES entry: a Promise (there the data set or the schema is fetched first).
    api.defaultData = async (id) => {
      const want = id === undefined ? wasm_bindgen.dataSetInForce() : id;
      if (Object.prototype.hasOwnProperty.call(DATA_TEXTS, want)) await loadDataSet(want);
      return wasm_bindgen.defaultData(id);
    };
    api.schema = async () => JSON.parse(SCHEMA_TEXT);
    // A task after the instantiation, as in the ES entry: \`mount\` in a task of its own.
    return new Promise((resolve) => setTimeout(() => resolve(api), 0));
  });
  loading.catch((e) => console.error('sundhedsklynger: the WebAssembly module could not be instantiated', e));
  return loading;
}
api.load = load;
// Instantiated when first asked for (reading \`ready\`, \`load()\`, or an element that is
// connected — with loading="lazy", near the viewport), not when the script runs.
Object.defineProperty(api, 'ready', { enumerable: true, get: load });
// The element gets the wasm's own (synchronous) functions; the data sets come through
// the loader above.
const loadForElement = () => load().then(() => wasm_bindgen);
api.defineSundhedsklyngerElement = (tagName) => defineSundhedsklyngerElement(loadForElement, tagName);
api.SundhedsklyngerDiagram = defineSundhedsklyngerElement(loadForElement);
globalThis.Sundhedsklynger = api;
})();
`;
writeFileSync(out, text);
for (const [id, t] of Object.entries(data)) console.error(`${out}: data set ${id}: ${t.length} bytes, ${compact(t).length} compact`);
console.error(`${out}: ${text.length} bytes (wasm ${readFileSync(wasm).length} bytes as ${base64.length} base64)`);
