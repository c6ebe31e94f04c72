// TypeScript types of the data format, generated from its JSON Schema (which is itself
// generated from the Rust types by schemars): `SundhedsklyngerData` and every part of it.
//   node scripts/data-types.mjs schema/sundhedsklynger.schema.json pkg/data.d.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { compile } from 'json-schema-to-typescript';

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error('usage: node scripts/data-types.mjs <schema.json> <out.d.ts>');
  process.exit(2);
}
const schema = JSON.parse(readFileSync(from, 'utf8'));
const root = 'SundhedsklyngerDataSet';
const types = await compile(schema, root, {
  bannerComment: '// The data format "sundhedsklynger/1", generated from schema.json (scripts/data-types.mjs).',
  additionalProperties: false,
  unreachableDefinitions: true,
  format: true,
});
if (!types.includes(`export interface ${root} `)) {
  console.error(`${from}: expected the root type ${root} in the generated types`);
  process.exit(1);
}
writeFileSync(to, `${types}\n/** A data set in the format "sundhedsklynger/1" (see schema.json). */\nexport type SundhedsklyngerData = ${root};\n`);
console.error(`${to}: ${(types.match(/^export (interface|type) /gm) ?? []).length} types`);
