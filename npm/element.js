// The custom element entry: `import 'sundhedsklynger/element'` defines
// <sundhedsklynger-diagram> (unless the tag is already defined). The .wasm is
// fetched beside web/sundhedsklynger.js when the first element is connected (with
// loading="lazy": when the first one comes near the viewport), once for every element
// on the page; so is each data set file an element shows (data/<id>.json).
//
//   import 'sundhedsklynger/element';
//   <sundhedsklynger-diagram region="RM" lang="da"></sundhedsklynger-diagram>
import * as wasm from './web/sundhedsklynger.js';
import init, { __prefetchDataSet } from './index.js';
import { defineSundhedsklyngerElement } from './element-core.js';

let loading;
/** Instantiates the wasm module once (shared with the main entry) and resolves to the API. */
export function load() {
  loading ??= init().then(() => wasm);
  return loading;
}

// The element asks for its data set's file while the .wasm loads (see element-core.js).
load.prefetch = __prefetchDataSet;

export const SundhedsklyngerDiagram = defineSundhedsklyngerElement(load);
export { defineSundhedsklyngerElement };
