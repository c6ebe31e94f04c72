// Where the bytes of a .wasm go: the size of each function body (code section) and data
// segment, by the function's name (the "name" custom section, which cargo's output keeps
// and wasm-opt drops), summed by crate. twiggy is not installed here; this is enough.
//   node scripts/wasm-sizes.mjs <module.wasm> [top=40]
import { readFileSync } from 'node:fs';

const [file, topArg = '40'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/wasm-sizes.mjs <module.wasm> [top]');
  process.exit(2);
}
const b = readFileSync(file);
let p = 8;
const leb = () => {
  let r = 0, s = 0, x;
  do { x = b[p++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
  return r;
};
const str = () => { const n = leb(); const t = b.toString('utf8', p, p + n); p += n; return t; };
let imported = 0;
const bodies = [];
const names = new Map();
const sections = [];
let dataBytes = 0;
while (p < b.length) {
  const id = b[p++];
  const size = leb();
  const start = p, end = p + size;
  let label = String(id);
  if (id === 0) {
    const name = str();
    label = `custom:${name}`;
    if (name === 'name') {
      while (p < end) {
        const sub = b[p++], len = leb(), subEnd = p + len;
        if (sub === 1) {
          const n = leb();
          for (let i = 0; i < n; i++) { const idx = leb(); names.set(idx, str()); }
        }
        p = subEnd;
      }
    }
  } else if (id === 2) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      str(); str();
      const kind = b[p++];
      if (kind === 0) { leb(); imported++; } else if (kind === 1) { p++; leb(); const f = b[p++]; leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = b[p++]; leb(); if (f & 1) leb(); } else if (kind === 3) { p += 2; } else if (kind === 4) { p++; leb(); }
    }
    label = 'import';
  } else if (id === 10) {
    const n = leb();
    for (let i = 0; i < n; i++) { const s = leb(); bodies.push(s); p += s; }
    label = 'code';
  } else if (id === 11) {
    label = 'data'; dataBytes = size;
  }
  sections.push([label, size]);
  p = end;
}
// Legacy (_ZN…) names: the length-prefixed path, with $LT$ … decoded; v0 (_R…) names: the
// crate is the first `C<len><name>`. The crate of an impl is that of its self type
// (`<serde_json::de::Deserializer as …>` counts as serde_json, whatever it reads).
const demangle = (name) => {
  if (name.startsWith('_ZN')) {
    const parts = [];
    let i = 3;
    while (i < name.length && /[0-9]/.test(name[i])) {
      const m = name.slice(i).match(/^[0-9]+/)[0];
      i += m.length;
      parts.push(name.slice(i, i + Number(m)));
      i += Number(m);
    }
    return parts
      .join('::')
      .replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\$RF\$/g, '&')
      .replace(/\$C\$/g, ',').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}').replace(/\.\./g, '::')
      .replace(/::h[0-9a-f]{16}$/, '');
  }
  if (name.startsWith('_R')) {
    const m = name.match(/C[sa-zA-Z0-9_]*?_?([0-9]+)([a-z_][a-z0-9_]*)/);
    return m ? `${m[2]}::${name}` : name;
  }
  return name;
};
const crateOf = (name) => {
  const d = demangle(name ?? '');
  const m = d.match(/([a-z_][a-z0-9_]*)::/);
  return m ? m[1] : 'other';
};
const fns = bodies.map((s, i) => ({ size: s, name: names.get(imported + i) ?? `f${imported + i}` }));
const byCrate = new Map();
for (const f of fns) byCrate.set(crateOf(f.name), (byCrate.get(crateOf(f.name)) ?? 0) + f.size);
const total = b.length;
console.log(`${file}: ${total} bytes`);
for (const [l, s] of sections) console.log(`  section ${l.padEnd(28)} ${String(s).padStart(9)}`);
console.log('\nby crate (function bodies):');
for (const [c, s] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${c.padEnd(28)} ${String(s).padStart(9)}  ${(100 * s / total).toFixed(1)} %`);
// The crate's own code by module (second path segment: read, rules, web, chart, …).
const byModule = new Map();
for (const f of fns) {
  const m = demangle(f.name).match(/sundhedsklynger(?:_layout)?::([a-z_]+)/);
  if (m) byModule.set(m[1], (byModule.get(m[1]) ?? 0) + f.size);
}
console.log('\nsundhedsklynger by module (function bodies whose name mentions it):');
for (const [c, s] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${c.padEnd(28)} ${String(s).padStart(9)}  ${(100 * s / total).toFixed(1)} %`);
console.log(`\nlargest functions:`);
for (const f of fns.sort((a, b) => b.size - a.size).slice(0, Number(topArg))) console.log(`  ${String(f.size).padStart(7)}  ${demangle(f.name).slice(0, 150)}`);
