// Sizes of each entry of the npm package in pkg/: raw, gzip -9 and brotli (quality 11,
// Node's zlib) of its wasm + JS, per file and in total.
//   node scripts/size.mjs [pkg]          (or: node scripts/size.mjs --files f1 f2 …)
// The CSS is not a file of its own: src/web/widget.css is compiled into the wasm
// (include_str!) and adopted as a constructable stylesheet; its share is shown apart.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const measure = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length,
});
const row = (name, s) =>
  console.log(`${name.padEnd(46)} ${String(s.raw).padStart(10)} ${String(s.gzip).padStart(9)} ${String(s.brotli).padStart(9)}`);
const header = () => console.log(`${'file'.padEnd(46)} ${'raw'.padStart(10)} ${'gzip-9'.padStart(9)} ${'brotli'.padStart(9)}`);

const args = process.argv.slice(2);
if (args[0] === '--files') {
  header();
  for (const f of args.slice(1)) row(f, measure(readFileSync(f)));
  process.exit(0);
}
const dir = args[0] ?? 'pkg';
const entries = {
  'web (sundhedsklynger)': ['index.js', 'web/sundhedsklynger.js', 'web/sundhedsklynger_bg.wasm'],
  'element (sundhedsklynger/element)': ['element.js', 'element-core.js', 'web/sundhedsklynger.js', 'web/sundhedsklynger_bg.wasm'],
  'inline (sundhedsklynger/inline)': ['inline/sundhedsklynger.js'],
  'node (sundhedsklynger/node)': ['node/sundhedsklynger.js', 'node/sundhedsklynger_bg.wasm'],
};
let missing = 0;
for (const [entry, files] of Object.entries(entries)) {
  console.log(`\n${entry}`);
  header();
  const present = files.filter((f) => existsSync(join(dir, f)));
  for (const f of files.filter((f) => !present.includes(f))) {
    console.log(`  ${f}: missing (run 'make package')`);
    missing++;
  }
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of present) {
    const s = measure(readFileSync(join(dir, f)));
    row(`  ${f}`, s);
    for (const k of Object.keys(total)) total[k] += s[k];
  }
  row('  total (each file compressed on its own)', total);
}
const css = 'src/web/widget.css';
if (existsSync(css)) {
  console.log(`\nCSS: no file of its own — ${css} is inside the wasm (include_str!), counted above:`);
  row(`  ${css}`, measure(readFileSync(css)));
}
process.exit(missing ? 1 : 0);
