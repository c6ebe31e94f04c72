// The shipped JSON Schemas (schema/*.schema.json) use only standard keywords and formats:
// ajv (JSON Schema 2020-12) in strict mode compiles them without a warning or an error,
// accepts the embedded and demo data and refuses broken data.
//
//   node --test tests/node/schema-strict.test.mjs      (after npm ci; no wasm build needed)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCHEMA_DIR = join(ROOT, 'schema');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

// A fresh strict ajv whose every log line is kept: strict mode throws on what it refuses,
// and the logger catches what it only warns about.
function strictAjv() {
  const logged = [];
  const keep = (level) => (...args) => logged.push(`${level}: ${args.map(String).join(' ')}`);
  const ajv = new Ajv2020({ strict: true, allErrors: true, logger: { log: keep('log'), warn: keep('warn'), error: keep('error') } });
  addFormats(ajv);
  return { ajv, logged };
}

const schemaFiles = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort();

test('there is a schema to check', () => {
  assert.ok(schemaFiles.includes('sundhedsklynger.schema.json'), `schema/ holds ${schemaFiles.join(', ')}`);
});

for (const file of schemaFiles) {
  test(`${file} compiles in ajv's strict mode without warnings`, () => {
    const { ajv, logged } = strictAjv();
    assert.doesNotThrow(() => ajv.compile(readJson(join(SCHEMA_DIR, file))));
    assert.deepEqual(logged, []);
  });
}

// The schemas of the two formats, compiled once for the data tests below: the documents of
// format /1 (default.json, demo.json, the broken examples) against the /1 schema as shipped,
// the real data sets of format /2 against the schema generated from the types.
const { ajv } = strictAjv();
const validate = ajv.compile(readJson(join(SCHEMA_DIR, 'sundhedsklynger-1.schema.json')));
const errorsOf = (v = validate) => (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join('\n');
const validateV2 = strictAjv().ajv.compile(readJson(join(SCHEMA_DIR, 'sundhedsklynger.schema.json')));

for (const name of ['default.json', 'demo.json']) {
  test(`www/data/${name} is valid (format /1)`, () => {
    assert.equal(validate(readJson(join(ROOT, 'www', 'data', name))), true, errorsOf());
  });
}

for (const name of ['klynger-2022.json', 'sundhedsraad-2027.json']) {
  test(`www/data/${name} is valid (format /2), and not under the /1 schema`, () => {
    const data = readJson(join(ROOT, 'www', 'data', name));
    assert.equal(validateV2(data), true, errorsOf(validateV2));
    assert.equal(validate(data), false);
  });
}

const base = readJson(join(ROOT, 'www', 'data', 'demo.json'));
const population = { value: 1000, date: '2024-01-01', source: 'https://www.dst.dk/' };
const broken = {
  'missing format': (d) => delete d.format,
  'another format': (d) => (d.format = 'sundhedsklynger/3'),
  'a kommunekode as a number': (d) => (d.municipalities[0].code = 101),
  'an unknown field': (d) => (d.regions[0].colour = 'red'),
  'an unknown status': (d) => (d.clusters[0].status = 'maybe'),
  'a share above 1': (d) => (d.clusters[0].members[0].share = 1.5),
  'clusters as an object': (d) => (d.clusters = {}),
  // The bounds that replace the schema's former "format": "uint32".
  'a negative population': (d) => (d.municipalities[0].population = { ...population, value: -1 }),
  'a fractional population': (d) => (d.municipalities[0].population = { ...population, value: 1.5 }),
  'a population above 4294967295': (d) => (d.municipalities[0].population = { ...population, value: 4294967296 }),
  'a text without English': (d) => (d.title = { da: 'Titel' }),
  'a text with an unknown key': (d) => (d.title = { da: 'Titel', en: 'Title', de: 'Titel' }),
  'a text as a number': (d) => (d.title = 1),
};

for (const [what, breakIt] of Object.entries(broken)) {
  test(`the schema refuses ${what}`, () => {
    const data = structuredClone(base);
    breakIt(data);
    assert.equal(validate(data), false);
  });
}

test('a text may be a plain string (the Danish text, used for English too)', () => {
  const data = structuredClone(base);
  data.title = 'Sundhedsklynger';
  data.indicators[0].unit = 'pr. 1.000';
  data.seats = [{ id: 's1', body: 'RH/ssu', role: 'other', title: 'Direktør' }];
  assert.equal(validate(data), true, errorsOf());
});

test('a population of 4294967295 is still valid', () => {
  const data = structuredClone(base);
  data.municipalities[0].population = { ...population, value: 4294967295 };
  assert.equal(validate(data), true, errorsOf());
});
