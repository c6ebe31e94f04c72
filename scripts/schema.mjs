// Write the JSON Schema, as the node entry's schema() returns it, to the file
// named on the command line.   node scripts/schema.mjs pkg/node/sundhedsklynger.js pkg/schema.json
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [entry, out] = process.argv.slice(2);
if (!entry || !out) {
  console.error('usage: node scripts/schema.mjs <node entry .js> <out .json>');
  process.exit(2);
}
const { schema } = await import(pathToFileURL(resolve(entry)).href);
const value = schema();
if (value === null || typeof value !== 'object') {
  throw new Error(`schema() returned ${typeof value}, expected an object`);
}
writeFileSync(out, JSON.stringify(value, null, 2) + '\n');
