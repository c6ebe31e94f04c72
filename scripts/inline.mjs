// Assemble the single-file inline build: a classic script with the wasm embedded as
// base64, the wasm-bindgen `--target no-modules` glue and the custom element.
//   node scripts/inline.mjs <glue.js> <module.wasm> <element-core.js> <out.js> <version>
// The script defines <sundhedsklynger-diagram> and `globalThis.Sundhedsklynger`
// (see npm/inline.d.ts). It works from file:// (no fetch, no ES modules) and, imported
// by a bundler, for its side effects.
import { readFileSync, writeFileSync } from 'node:fs';

const [glue, wasm, core, out, version = ''] = process.argv.slice(2);
if (!out) {
  console.error('usage: node scripts/inline.mjs <glue.js> <module.wasm> <element-core.js> <out.js> [version]');
  process.exit(2);
}
const glueSrc = readFileSync(glue, 'utf8');
if (!/^let wasm_bindgen = \(function\(exports\) \{/m.test(glueSrc)) {
  throw new Error(`${glue}: not wasm-bindgen --target no-modules output`);
}
let coreSrc = readFileSync(core, 'utf8');
const exported = coreSrc.match(/^export .*/gm) ?? [];
if (exported.length !== 1 || !exported[0].startsWith('export function defineSundhedsklyngerElement(') || /^import /m.test(coreSrc)) {
  throw new Error(`${core}: expected exactly one export (defineSundhedsklyngerElement) and no import`);
}
coreSrc = coreSrc.replace(/^export function/m, 'function');
const base64 = readFileSync(wasm).toString('base64');

const text = `/*! sundhedsklynger ${version} — inline build (the WebAssembly module is embedded). MIT licence. */
(function () {
'use strict';
if (globalThis.Sundhedsklynger) return; // loaded twice: keep the first

${glueSrc}

${coreSrc}

const WASM_BASE64 = "${base64}";

function wasmBytes() {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(WASM_BASE64);
  const s = atob(WASM_BASE64);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

const api = {};
let loading;
function load() {
  loading ??= wasm_bindgen({ module_or_path: wasmBytes() }).then(() => {
    for (const [name, value] of Object.entries(wasm_bindgen)) {
      if (name !== 'initSync') api[name] = value;
    }
    return api;
  });
  return loading;
}
api.load = load;
api.ready = load();
api.ready.catch((e) => console.error('sundhedsklynger: the WebAssembly module could not be instantiated', e));
api.defineSundhedsklyngerElement = (tagName) => defineSundhedsklyngerElement(load, tagName);
api.SundhedsklyngerDiagram = defineSundhedsklyngerElement(load);
globalThis.Sundhedsklynger = api;
})();
`;
writeFileSync(out, text);
console.error(`${out}: ${text.length} bytes (wasm ${readFileSync(wasm).length} bytes as ${base64.length} base64)`);
