// Layout benchmark in wasm (Node entry): org-chart-shaped trees, wide and deep,
// 100 … 100,000 nodes; median of 9 runs, including copying the arrays in and out.
//   make package && node bench/layout.mjs
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
// The same trees as examples/bench_layout.rs and `make bench`.
import { orgTree } from './trees.mjs';

const require = createRequire(import.meta.url);
const { layoutTree } = require('../pkg/node/sundhedsklynger.js');

for (const [name, fan] of [['wide', 12], ['deep', 3]]) {
  for (const n of [100, 1_000, 10_000, 100_000]) {
    const { parents, widths, heights } = orgTree(n, fan);
    const ms = [];
    for (let r = 0; r < 9; r++) {
      const t = performance.now();
      layoutTree(parents, widths, heights);
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    console.log(`wasm layout ${name.padStart(4)} ${String(n).padStart(7)} nodes: median ${ms[4].toFixed(2)} ms`);
  }
}
