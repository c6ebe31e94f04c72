// Key-figure benchmark in wasm (Node entry of the package): the same generated data as
// the native benchmark (98 municipalities × 19 age bands × 10 periods × 20 indicators).
//
//   cargo run --release --example bench_keyfigures target/bench-keyfigures.json
//   node bench/keyfigures.mjs target/bench-keyfigures.json
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const path = process.argv[2] ?? 'target/bench-keyfigures.json';
const text = readFileSync(path, 'utf8');
const data = JSON.parse(text);
const require = createRequire(import.meta.url);
const { keyFigures, validate } = require('../pkg/node/sundhedsklynger.js');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f, runs = 7) => {
  const ms = [];
  let out;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    out = f();
    ms.push(performance.now() - t);
  }
  return [median(ms), out];
};

const [validateMs, v] = time(() => validate(text));
if (!v.ok) throw new Error('benchmark data should validate');
const [objectMs] = time(() => keyFigures(data));
const [textMs, kf] = time(() => keyFigures(text));
const figures = kf.indicators.reduce((n, i) => n + i.figures.length, 0);
console.log(
  `wasm (node ${process.version}): ${data.values.length} value rows, ${figures} figures; ` +
    `validate(text) median ${validateMs.toFixed(1)} ms; keyFigures(text) median ${textMs.toFixed(1)} ms; ` +
    `keyFigures(object) median ${objectMs.toFixed(1)} ms (7 runs; includes reading, validation and the JS result)`,
);
