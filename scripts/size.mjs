// Sizes of each entry of the npm package in pkg/: raw, gzip -9 and brotli (quality 11,
// Node's zlib) of its wasm + JS, per file and in total; the files the ES entries fetch only
// when needed (data sets, schema) apart.
//   node scripts/size.mjs [pkg] [--budget size-budget.json] [--json totals.json]
//   node scripts/size.mjs --files f1 f2 …
// With --budget, exits non-zero when an entry's total is above its `max` there (and says
// by how much), and reports each `target` as met or not.
// The CSS is not a file of its own: src/web/widget.css is compiled into the wasm
// (include_str!) and adopted as a constructable stylesheet; its share is shown apart.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : undefined;
const budgetAt = args.indexOf('--budget');
const budgetFile = budgetAt >= 0 ? args.splice(budgetAt, 2)[1] : undefined;
const budget = budgetFile ? JSON.parse(readFileSync(budgetFile, 'utf8')).entries : undefined;
const dir = args[0] ?? 'pkg';
const entries = {
  'web (sundhedsklynger)': ['index.js', 'web/sundhedsklynger.js', 'web/sundhedsklynger_bg.wasm'],
  'element (sundhedsklynger/element)': ['element.js', 'element-core.js', 'web/sundhedsklynger.js', 'web/sundhedsklynger_bg.wasm'],
  'inline (sundhedsklynger/inline)': ['inline/sundhedsklynger.js'],
  'node (sundhedsklynger/node)': ['node/sundhedsklynger.js', 'node/sundhedsklynger_bg.wasm'],
};
// Fetched by the ES entries only when a widget shows a data set or schema() is called.
const onDemand = ['data/klynger-2022.json', 'data/sundhedsraad-2027.json', 'schema.json'];
let missing = 0;
const totals = {};
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
  totals[entry] = total;
}
console.log('\nfetched when needed by the ES entries (web, element); inside the inline build');
header();
for (const f of onDemand) {
  if (existsSync(join(dir, f))) row(`  ${f}`, measure(readFileSync(join(dir, f))));
  else {
    console.log(`  ${f}: missing (run 'make package')`);
    missing++;
  }
}
const css = 'src/web/widget.css';
if (existsSync(css)) {
  console.log(`\nCSS: no file of its own — ${css} is inside the wasm (include_str!), counted above:`);
  row(`  ${css}`, measure(readFileSync(css)));
}
if (jsonFile) writeFileSync(jsonFile, JSON.stringify(totals, null, 2) + '\n');
let over = 0;
if (budget) {
  console.log(`\nbudget (${budgetFile}): max fails the check, target is the goal`);
  for (const [entry, limits] of Object.entries(budget)) {
    const total = totals[entry];
    if (!total) {
      console.log(`  ${entry}: not measured`);
      over++;
      continue;
    }
    for (const kind of ['gzip', 'brotli', 'raw']) {
      const max = limits.max?.[kind];
      const target = limits.target?.[kind];
      if (max === undefined && target === undefined) continue;
      const verdict = max !== undefined && total[kind] > max ? `OVER the max by ${total[kind] - max} bytes` : 'within the max';
      if (max !== undefined && total[kind] > max) over++;
      const goal = target === undefined ? '' : total[kind] <= target ? `; target ${target}: met` : `; target ${target}: not met (${total[kind] - target} above)`;
      console.log(`  ${entry} ${kind}: ${total[kind]} ≤ max ${max ?? '–'}? ${verdict}${goal}`);
    }
  }
  if (over) console.error(`size: ${over} budget(s) exceeded (${budgetFile})`);
}
process.exit(missing || over ? 1 : 0);
