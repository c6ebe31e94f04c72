// Check pkg/package.json: every file named in exports, types, main, module and
// browser exists, every path in `files` exists, the entries the README documents are
// exported with types, and the side-effect entries are listed in `sideEffects`.
//   node scripts/check-package.mjs pkg
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'pkg';
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const targets = new Set();
const walk = (v) => {
  if (typeof v === 'string') targets.add(v);
  else if (v && typeof v === 'object') Object.values(v).forEach(walk);
};
walk(pkg.exports);
for (const k of ['main', 'module', 'browser', 'types']) if (pkg[k]) targets.add(pkg[k]);
for (const f of pkg.files ?? []) targets.add(f);
for (const f of Array.isArray(pkg.sideEffects) ? pkg.sideEffects : []) targets.add(f);
// A subpath pattern ("./data/*") names the files under its directory.
const missing = [...targets].filter((p) => !existsSync(join(dir, p.includes('*') ? p.slice(0, p.indexOf('*')) : p)));
if (missing.length) {
  console.error(`${dir}/package.json names missing files: ${missing.join(', ')}`);
  process.exit(1);
}
const problems = [];
if (!existsSync(join(dir, 'data.d.ts'))) problems.push('data.d.ts (the data format\'s types) is missing');
for (const entry of ['.', './element', './inline', './node']) {
  const e = pkg.exports?.[entry];
  if (!e?.types || !e?.default) problems.push(`exports["${entry}"] needs "types" and "default"`);
}
for (const entry of ['./element', './inline']) {
  const file = pkg.exports?.[entry]?.default;
  if (!Array.isArray(pkg.sideEffects) || !pkg.sideEffects.includes(file)) {
    problems.push(`${file} defines a custom element: list it in "sideEffects"`);
  }
}
const inline = join(dir, pkg.exports?.['./inline']?.default ?? 'inline/missing.js');
if (existsSync(inline) && /^\s*(import|export)\s/m.test(readFileSync(inline, 'utf8').slice(0, 200000))) {
  problems.push(`${inline} must be a classic script (no import/export)`);
}
if (problems.length) {
  console.error(`${dir}/package.json:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.error(`${dir}/package.json: ${targets.size} paths present`);
