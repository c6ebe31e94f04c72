// Check pkg/package.json: every file named in exports, types, main, module and
// browser exists, and every path in `files` exists.   node scripts/check-package.mjs pkg
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
const missing = [...targets].filter((p) => !existsSync(join(dir, p)));
if (missing.length) {
  console.error(`${dir}/package.json names missing files: ${missing.join(', ')}`);
  process.exit(1);
}
console.error(`${dir}/package.json: ${targets.size} paths present`);
