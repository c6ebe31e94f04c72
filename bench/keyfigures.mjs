// Key-figure benchmark in wasm (Node entry of the package): the same generated data as
// the native benchmark (98 municipalities × 19 age bands × 10 periods × 20 indicators).
//
//   cargo run --release --example bench_keyfigures target/bench-keyfigures.json
//   node bench/keyfigures.mjs target/bench-keyfigures.json
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { keyFigureTimes } from './measure.mjs';

const path = process.argv[2] ?? 'target/bench-keyfigures.json';
const text = readFileSync(path, 'utf8');
const require = createRequire(import.meta.url);
const { keyFigures, validate } = require('../pkg/node/sundhedsklynger.js');

const { rows, figures, validateMs, textMs, objectMs } = keyFigureTimes(text, { validate, keyFigures }, 7);
console.log(
  `wasm (node ${process.version}): ${rows} value rows, ${figures} figures; ` +
    `validate(text) median ${validateMs.toFixed(1)} ms; keyFigures(text) median ${textMs.toFixed(1)} ms; ` +
    `keyFigures(object) median ${objectMs.toFixed(1)} ms (7 runs; includes reading, validation and the JS result)`,
);
