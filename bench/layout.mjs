// Layout benchmark in wasm (Node entry): org-chart-shaped trees, wide and deep,
// 100 … 100,000 nodes; median of 9 runs, including copying the arrays in and out.
//   make package && node bench/layout.mjs
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { layoutTree } = require('../pkg/node/sundhedsklynger.js');

/** The same trees as examples/bench_layout.rs. */
export function orgTree(n, fanOut) {
  const parents = new Int32Array(n);
  const widths = new Float64Array(n);
  const heights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    parents[i] = i === 0 ? -1 : Math.floor((i - 1) / fanOut);
    widths[i] = 120 + ((i * 37) % 80);
    heights[i] = 40 + ((i * 13) % 30);
  }
  return { parents, widths, heights };
}

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
