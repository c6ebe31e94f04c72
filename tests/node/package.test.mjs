// The npm package as a user gets it: `npm pack` pkg/ (built by `make package`),
// install the tarball into a fresh project, import it from an ES module there.
//
//   node --test tests/node/package.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = join(ROOT, 'pkg');

let tmp; // everything this suite writes lives here, removed in after()
let project; // the consumer project the tarball is installed into
let packed; // npm pack --json output for the tarball
let lib; // the 'sundhedsklynger/node' module, imported from the consumer project

function npm(args, cwd) {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    // A project-level npmrc or CI variables must not redirect the install.
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
}

// Import a module from inside the consumer project, so that the bare specifier is
// resolved the way a user's code resolves it (through package.json "exports").
async function importFromProject(name, source) {
  const file = join(project, name);
  writeFileSync(file, source);
  return import(pathToFileURL(file).href);
}

const clone = (value) => structuredClone(value);
const errors = (report) => report.findings.filter((f) => f.severity === 'error');

function assertFindingShape(f) {
  assert.ok(['error', 'warning', 'info'].includes(f.severity), `severity ${f.severity}`);
  assert.equal(typeof f.code, 'string');
  assert.ok(f.code.length > 0, 'code is empty');
  assert.equal(typeof f.path, 'string');
  assert.ok(f.path === '' || f.path.startsWith('/'), `path ${JSON.stringify(f.path)} is not a JSON Pointer`);
  assert.equal(typeof f.message?.da, 'string');
  assert.equal(typeof f.message?.en, 'string');
  assert.ok(f.message.da.trim().length > 0, `empty Danish message for ${f.code}`);
  assert.ok(f.message.en.trim().length > 0, `empty English message for ${f.code}`);
}

before(() => {
  assert.ok(
    existsSync(join(PKG, 'package.json')),
    `${PKG}/package.json is missing: build the package first with 'make package'`,
  );
  tmp = mkdtempSync(join(tmpdir(), 'sk-node-test-'));
  [packed] = JSON.parse(npm(['pack', PKG, '--json', '--pack-destination', tmp], tmp));
  project = join(tmp, 'consumer');
  execFileSync('mkdir', [project]);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }, null, 2),
  );
  // The tarball has no dependencies: nothing needs the network.
  npm(['install', '--offline', join(tmp, packed.filename)], project);
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('the tarball holds every entry, their types, the data format\'s types, the schema and the README, and nothing else', () => {
  const files = packed.files.map((f) => f.path).sort();
  for (const f of [
    'package.json',
    'README.md',
    'index.js',
    'index.d.ts',
    'schema.json',
    'data.d.ts',
    'web/sundhedsklynger.js',
    'web/sundhedsklynger.d.ts',
    'web/sundhedsklynger_bg.wasm',
    'node/sundhedsklynger.js',
    'node/sundhedsklynger.d.ts',
    'node/sundhedsklynger_bg.wasm',
    'element.js',
    'element-core.js',
    'element.d.ts',
    'inline/sundhedsklynger.js',
    'inline/sundhedsklynger.d.ts',
    // The real data sets, fetched by the browser entries when shown.
    'data/klynger-2022.json',
    'data/sundhedsraad-2027.json',
  ]) {
    assert.ok(files.includes(f), `${f} missing from the tarball: ${files.join(', ')}`);
  }
  const stray = files.filter(
    (f) =>
      !/^(package\.json|README\.md|LICENSE.*|(index|element)\.(js|d\.ts)|element-core\.js|schema\.json|data\.d\.ts|(web|node)\/.+|data\/[a-z0-9-]+\.json|inline\/sundhedsklynger\.(js|d\.ts))$/.test(f),
  );
  assert.deepEqual(stray, [], 'unexpected files in the tarball');
  assert.ok(!files.some((f) => f.endsWith('.stamp')), 'build stamps leaked into the tarball');

  const meta = JSON.parse(readFileSync(join(project, 'node_modules/sundhedsklynger/package.json'), 'utf8'));
  assert.equal(meta.name, 'sundhedsklynger');
  assert.equal(meta.type, 'module');
  assert.equal(meta.license, 'MIT');
  assert.equal(meta.engines.node, '>=20');
  const cargoVersion = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version\s*=\s*"([^"]+)"/m)[1];
  assert.equal(meta.version, cargoVersion, 'package version differs from Cargo.toml');
});

test("import { defaultData, validate, schema, dataSets, upgrade, transition } from 'sundhedsklynger/node' loads synchronously", async () => {
  // No init step: the named exports work right after the import.
  lib = await importFromProject(
    'probe-node.mjs',
    "export { defaultData, validate, schema, dataSets, upgrade, transition } from 'sundhedsklynger/node';\n",
  );
  for (const name of ['defaultData', 'validate', 'schema', 'dataSets', 'upgrade', 'transition']) {
    assert.equal(typeof lib[name], 'function', `${name} is not exported`);
  }
  // The Node entry is built without the widget.
  const all = await importFromProject('probe-node-all.mjs', "export * from 'sundhedsklynger/node';\n");
  assert.equal(all.mount, undefined, 'the Node entry should not export mount()');
});

test("defaultData('klynger-2022') has the 5 regions, 22 clusters and 98 municipalities", () => {
  const data = lib.defaultData('klynger-2022');
  assert.equal(data.format, 'sundhedsklynger/2');
  assert.equal(data.regions.length, 5);
  assert.equal(data.areas.length, 22);
  assert.equal(data.municipalities.length, 98);
  assert.deepEqual(
    data.regions.map((r) => r.id).sort(),
    ['RH', 'RM', 'RN', 'RSD', 'RSJ'],
  );
  // Every call returns a fresh object: mutating one must not change the next.
  data.regions.pop();
  assert.equal(lib.defaultData('klynger-2022').regions.length, 5);
});

test('dataSets() lists the embedded data sets; defaultData() is the one in force today', () => {
  const sets = lib.dataSets();
  assert.deepEqual(sets.map((s) => s.id), ['klynger-2022', 'sundhedsraad-2027']);
  const today = new Date().toISOString().slice(0, 10);
  const inForce = sets.find((s) => (!s.valid_from || s.valid_from <= today) && (!s.valid_to || today <= s.valid_to)) ?? sets[0];
  assert.equal(lib.defaultData().id, inForce.id);
  assert.equal(lib.defaultData('sundhedsraad-2027').areas.length, 17);
  assert.throws(() => lib.defaultData('nope'), (e) => e instanceof Error && /Ukendt datasæt "nope".*Unknown data set "nope"/.test(e.message));
});

test('upgrade() writes a data set as format /2, and throws for what cannot be read', () => {
  const v1 = readFileSync(join(ROOT, 'www/data/default.json'), 'utf8');
  const up = lib.upgrade(v1);
  assert.equal(up.format, 'sundhedsklynger/2');
  assert.equal(up.areas.length, 22);
  assert.equal(up.clusters, undefined);
  assert.throws(() => lib.upgrade('{ not json'), Error);
});

test('transition() of the 2022 clusters to the 2027 sundhedsråd', () => {
  const t = lib.transition(lib.defaultData('klynger-2022'), JSON.stringify(lib.defaultData('sundhedsraad-2027')));
  assert.equal(t.municipalities.length, 98);
  assert.equal(t.summary.areas_from, 22);
  assert.equal(t.summary.areas_to, 17);
  const into = t.flows.filter((f) => f.to === 'RN-LIMFJORDEN').map((f) => f.from);
  assert.deepEqual(into, ['RN-MIDT', 'RN-SYD', 'RN-VEST']);
  assert.throws(() => lib.transition(null, '{}'), Error);
});

test('keyFigures() of the demo data: the national crude rate equals the sum of the counts', async () => {
  const { keyFigures } = await importFromProject('probe-kf.mjs', "export { keyFigures } from 'sundhedsklynger/node';\n");
  const demo = JSON.parse(readFileSync(join(ROOT, 'www/data/demo.json'), 'utf8'));
  const result = keyFigures(demo);
  assert.equal(result.ok, true);
  assert.equal(result.governance.clusters.length, 22);
  const id = 'faerdigbehandlingsdage';
  const indicator = result.indicators.find((i) => i.id === id);
  assert.equal(indicator.synthetic, true);
  const period = indicator.periods.at(-1);
  const rows = demo.values.filter((v) => v.indicator === id && v.period === period);
  const events = rows.reduce((n, v) => n + v.numerator[0], 0);
  const population = rows.reduce((n, v) => n + v.denominator[0], 0);
  const nation = indicator.figures.find((f) => f.level === 'nation' && f.period === period);
  assert.ok(Math.abs(nation.value - (events / population) * 1000) < 1e-9);
  assert.ok(nation.lower < nation.value && nation.value < nation.upper);
  // A cluster is its members' summed counts, not the mean of their rates.
  const cluster = demo.clusters.find((c) => c.id === 'RM-HORSENS');
  const codes = new Set(cluster.members.map((m) => m.municipality));
  const own = rows.filter((v) => codes.has(v.municipality));
  const horsens = indicator.figures.find((f) => f.area === 'RM-HORSENS' && f.period === period);
  assert.equal(horsens.numerator, own.reduce((n, v) => n + v.numerator[0], 0));
  // Options reach the engine: everything suppressed, never shown as 0.
  const suppressed = keyFigures(demo, { suppressBelow: 1e12 }).indicators[0].figures;
  assert.ok(suppressed.every((f) => f.status === 'suppressed' && f.value === null));
  // The level as a fraction or a percentage (99 is 99 %); anything else is an invalid-option
  // finding naming the option, with no indicator figure at a level nobody asked for.
  const at = (level) => keyFigures(demo, { level }).indicators.find((i) => i.id === id).figures.find((f) => f.level === 'nation' && f.period === period);
  assert.deepEqual(at(99), at(0.99));
  assert.ok(at(99).lower < nation.lower && nation.upper < at(99).upper);
  for (const [options, name] of [[{ level: 5 }, 'level'], [{ suppressBelow: -1 }, 'suppressBelow'], [{ proportionMethod: 'bayes' }, 'proportionMethod']]) {
    const r = keyFigures(demo, options);
    assert.equal(r.ok, false);
    assert.equal(r.indicators.length, 0);
    const f = r.findings.find((x) => x.code === 'invalid-option');
    assert.ok(f && f.severity === 'error' && f.message.en.includes(`"${name}"`) && f.message.da.includes(`"${name}"`), JSON.stringify(r.findings));
  }
  // Bad input: findings, not an exception.
  const bad = keyFigures('{ not json');
  assert.equal(bad.ok, false);
  assert.equal(bad.findings[0].code, 'json-syntax');
});

test('layoutTree() centres a parent over its children and rejects a cycle', async () => {
  const { layoutTree } = await importFromProject('probe-layout.mjs', "export { layoutTree } from 'sundhedsklynger/node';\n");
  const widths = new Float64Array([100, 80, 120]);
  const l = layoutTree(new Int32Array([-1, 0, 0]), widths, new Float64Array([40, 40, 40]));
  const centre = (i) => l.x[i] + widths[i] / 2;
  assert.ok(Math.abs(centre(0) - (centre(1) + centre(2)) / 2) < 1e-9);
  assert.ok(l.y[1] > l.y[0] && l.y[1] === l.y[2]);
  assert.ok(l.x[2] >= l.x[1] + widths[1]);
  assert.throws(() => layoutTree(new Int32Array([1, 0]), new Float64Array(2), new Float64Array(2)), RangeError);
});

test('the default data validate with no error, as an object and as a JSON string', () => {
  for (const input of [lib.defaultData('klynger-2022'), JSON.stringify(lib.defaultData('klynger-2022'))]) {
    const report = lib.validate(input);
    assert.equal(report.ok, true, JSON.stringify(errors(report), null, 2));
    assert.ok(Array.isArray(report.findings));
    assert.deepEqual(errors(report), []);
    report.findings.forEach(assertFindingShape);
  }
});

test('an area in a region that does not exist is an error at /areas/0/region', () => {
  const data = clone(lib.defaultData('klynger-2022'));
  data.areas[0].region = 'NOWHERE';
  const report = lib.validate(data);
  assert.equal(report.ok, false);
  report.findings.forEach(assertFindingShape);
  const hit = errors(report).find((f) => f.path === '/areas/0/region');
  assert.ok(hit, `no error at /areas/0/region in ${JSON.stringify(report.findings, null, 2)}`);
  assert.equal(hit.code, 'unknown-reference');
});

test('a municipality with code: 7 is an error at /municipalities/0/code', () => {
  const data = clone(lib.defaultData('klynger-2022'));
  data.municipalities[0].code = 7;
  const report = lib.validate(data);
  assert.equal(report.ok, false);
  report.findings.forEach(assertFindingShape);
  const hit = errors(report).find((f) => f.path === '/municipalities/0/code');
  assert.ok(hit, `no error at /municipalities/0/code in ${JSON.stringify(report.findings, null, 2)}`);
});

test('both breakages in one input are reported, each at its own path', () => {
  const data = clone(lib.defaultData('klynger-2022'));
  data.areas[0].region = 'NOWHERE';
  data.municipalities[0].code = 7;
  const report = lib.validate(data);
  assert.equal(report.ok, false);
  const paths = errors(report).map((f) => f.path);
  assert.ok(paths.includes('/areas/0/region'), `paths: ${paths.join(', ')}`);
  assert.ok(paths.includes('/municipalities/0/code'), `paths: ${paths.join(', ')}`);
});

test('the same broken input given as a JSON string gives the same findings', () => {
  const data = clone(lib.defaultData('klynger-2022'));
  data.areas[0].region = 'NOWHERE';
  assert.deepEqual(lib.validate(JSON.stringify(data)), lib.validate(data));
});

test('validate("{ not json") returns ok:false with an error finding instead of throwing', () => {
  let report;
  assert.doesNotThrow(() => {
    report = lib.validate('{ not json');
  });
  assert.equal(report.ok, false);
  assert.ok(errors(report).length > 0, 'no error finding');
  report.findings.forEach(assertFindingShape);
  assert.equal(errors(report)[0].code, 'json-syntax');
});

test('validate() of values that are not a data set reports errors, never throws', () => {
  for (const input of [{}, [], 42, 'null', '[]', { format: 'sundhedsklynger/999' }]) {
    let report;
    assert.doesNotThrow(() => {
      report = lib.validate(input);
    }, `validate(${JSON.stringify(input)}) threw`);
    assert.equal(report.ok, false, `validate(${JSON.stringify(input)}) said ok`);
    assert.ok(errors(report).length > 0);
    report.findings.forEach(assertFindingShape);
  }
});

test('schema() is a JSON Schema for the data set and equals sundhedsklynger/schema.json', async () => {
  const s = lib.schema();
  assert.equal(typeof s, 'object');
  assert.ok(s.$schema, 'no $schema keyword');
  assert.ok(s.properties?.regions && s.properties?.areas && s.properties?.municipalities);
  const file = await importFromProject(
    'probe-schema.mjs',
    "import s from 'sundhedsklynger/schema.json' with { type: 'json' };\nexport default s;\n",
  );
  assert.deepEqual(file.default, s);
});

test("the browser entry 'sundhedsklynger' exports init, initSync, mount, validate", async () => {
  const web = await importFromProject('probe-web.mjs', "export * from 'sundhedsklynger';\nexport { default } from 'sundhedsklynger';\n");
  assert.equal(typeof web.default, 'function', 'the default export is the init function');
  for (const name of ['initSync', 'mount', 'validate', 'defaultData', 'schema']) {
    assert.equal(typeof web[name], 'function', `${name} is not exported`);
  }
  // The .wasm ships as a separate file; instantiate it from bytes (no fetch in a test)
  // and check that the browser build computes the same as the Node build.
  const wasm = readFileSync(join(project, 'node_modules/sundhedsklynger/web/sundhedsklynger_bg.wasm'));
  web.initSync({ module: wasm });
  // The data sets and the schema are files beside it, fetched (Node's fetch reads no
  // file: URLs: serve them from disk) once each, and only when asked for.
  const fetched = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => {
    fetched.push(String(url).replace(/^.*\/node_modules\/sundhedsklynger\//, ''));
    return new Response(readFileSync(fileURLToPath(url)));
  };
  try {
    const data = web.defaultData();
    assert.ok(data instanceof Promise, 'defaultData() returns a Promise in the browser entry');
    assert.deepEqual(await data, lib.defaultData());
    assert.deepEqual(await web.defaultData('sundhedsraad-2027'), lib.defaultData('sundhedsraad-2027'));
    assert.deepEqual(await web.defaultData('klynger-2022'), lib.defaultData('klynger-2022'));
    await assert.rejects(web.defaultData('nope'), /Ukendt datasæt "nope".*Unknown data set "nope"/);
    assert.deepEqual(await web.schema(), lib.schema());
    assert.deepEqual(web.dataSets(), lib.dataSets(), 'dataSets() stays synchronous');
    assert.equal(web.validate(await web.defaultData()).ok, true);
    assert.deepEqual([...fetched].sort(), ['data/klynger-2022.json', 'data/sundhedsraad-2027.json', 'schema.json'], 'each file once');
  } finally {
    globalThis.fetch = realFetch;
  }
});

test('the browser entries fetch every data set dataSets() lists, and the files are the data sets', () => {
  const index = readFileSync(join(PKG, 'index.js'), 'utf8');
  const urls = [...index.matchAll(/'([a-z0-9-]+)': new URL\('\.\/data\/([a-z0-9-]+)\.json', import\.meta\.url\)/g)];
  const ids = lib.dataSets().map((d) => d.id);
  assert.deepEqual(urls.map((m) => m[1]), ids, 'npm/index.js DATA_URLS');
  assert.deepEqual(urls.map((m) => m[2]), ids);
  const libSh = readFileSync(join(ROOT, 'scripts/lib.sh'), 'utf8');
  assert.deepEqual(libSh.match(/^DATA_SETS=\(([^)]*)\)/m)?.[1].split(' '), ids, 'scripts/lib.sh DATA_SETS');
  for (const id of ids) {
    assert.deepEqual(JSON.parse(readFileSync(join(PKG, 'data', `${id}.json`), 'utf8')), lib.defaultData(id), `pkg/data/${id}.json`);
  }
});

test('CommonJS consumers can require() the Node entry', { skip: !process.features.require_module && 'this Node has no require(esm)' }, () => {
  const require = createRequire(join(project, 'index.cjs'));
  const cjs = require('sundhedsklynger/node');
  assert.equal(cjs.defaultData().regions.length, 5);
});

test("'sundhedsklynger/inline' (a classic script) also works as an import, for its side effects", async () => {
  // What a bundler does with it; in Node there are no custom elements, the API is there.
  await importFromProject('probe-inline.mjs', "import 'sundhedsklynger/inline';\n");
  const api = await globalThis.Sundhedsklynger.ready;
  assert.equal(api, globalThis.Sundhedsklynger, 'ready resolves to the global');
  assert.equal(typeof api.mount, 'function');
  assert.equal(api.SundhedsklyngerDiagram, undefined, 'no element without customElements');
  // As in the ES entry, defaultData and schema return Promises (the texts are inside).
  assert.deepEqual(await api.defaultData(), lib.defaultData());
  assert.deepEqual(await api.defaultData('sundhedsraad-2027'), lib.defaultData('sundhedsraad-2027'));
  assert.deepEqual(await api.schema(), lib.schema());
  assert.equal(api.validate('{ not json').ok, false);
  assert.equal(api.keyFigures(await api.defaultData()).ok, true);
});

test('the element and inline entries are listed in sideEffects, the pure ones are not; every entry has its types', () => {
  const meta = JSON.parse(readFileSync(join(project, 'node_modules/sundhedsklynger/package.json'), 'utf8'));
  assert.deepEqual([...meta.sideEffects].sort(), ['./element.js', './inline/sundhedsklynger.js']);
  for (const entry of ['.', './element', './inline', './node']) {
    const types = meta.exports[entry].types;
    assert.ok(existsSync(join(project, 'node_modules/sundhedsklynger', types)), `${entry}: ${types} missing`);
  }
});
