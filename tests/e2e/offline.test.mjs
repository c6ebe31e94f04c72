// End-to-end tests of the offline demo (dist/, built by `make dist`) served with the
// strict Content-Security-Policy as an HTTP header, in headless Debian Chromium driven by
// playwright-core: every request intercepted (none may leave 127.0.0.1), loading your own
// JSON (file picker, drag-and-drop, the 20 MB limit), downloading the data shown and the
// JSON Schema, the embedding snippets, the page following the widget's language, and axe.
// Expectations come from the files in www/data/, schema/ and src/web/widget.css and from
// the widget's own validate() in the page: nothing about the content is hard-coded.
//
//   make dist && node --test tests/e2e/offline.test.mjs     (or SK_E2E_DIST=<dir>)
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { DATA, DIST, ROOT, TIMEOUT, until, useBrowser, watchProblems, OPEN_DETAILS } from './harness.mjs';
import { serveStatic, STRICT_CSP } from './static-server.mjs';

const env = useBrowser();
/** A second server for this file: the same dist/, every response with the CSP header. */
let csp;
before(async () => {
  csp = await serveStatic(DIST, { headers: { 'content-security-policy': STRICT_CSP } });
});
after(async () => {
  await csp?.close();
});

const DEMO_TEXT = readFileSync(join(ROOT, 'www/data/demo.json'), 'utf8');
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schema/sundhedsklynger.schema.json'), 'utf8'));
const WIDGET_CSS = readFileSync(join(ROOT, 'src/web/widget.css'), 'utf8');
const MAX_BYTES = 20 * 1024 * 1024; // src/read/limits.rs MAX_INPUT_BYTES

/**
 * Open the demo at `query` on the CSP server in a fresh context, with every request routed
 * through `requests` (anything not on 127.0.0.1:<port>, data: or blob: is aborted and
 * recorded), CSP violations collected in the page, then run `body(page, ctx)` and fail on a
 * page error, console error, failed request, HTTP error or CSP violation.
 * `ctx`: { context, requests, violations, response, problems }.
 */
async function withDemo(query, body, { contextOptions = {}, initScript, expectedConsole, origin = csp.url } = {}) {
  const context = await env.browser.newContext({ acceptDownloads: true, ...contextOptions });
  const requests = [];
  const foreign = [];
  const isLocal = (url) => url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (isLocal(url)) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  if (initScript) await context.addInitScript(initScript);
  await context.addInitScript(OPEN_DETAILS);
  const page = await context.newPage();
  const problems = watchProblems(page, expectedConsole);
  page.on('request', (r) => {
    if (!isLocal(r.url())) foreign.push(r.url());
  });
  const violations = () => page.evaluate(() => window.__cspViolations);
  try {
    const response = await page.goto(`${origin}/${query}`);
    await page.locator('#app .sk-widget').first().waitFor({ timeout: 15_000 });
    await body(page, { context, requests, violations, response, problems });
    assert.deepEqual(foreign, [], 'requests that left 127.0.0.1');
    if (!expectedConsole) assert.deepEqual(await violations(), [], 'CSP violations');
    assert.deepEqual(problems, [], 'the page reported errors');
  } catch (e) {
    if (problems.length) e.message += `\npage problems:\n  ${problems.join('\n  ')}`;
    throw e;
  } finally {
    await context.close();
  }
}

const widget = (page) => page.locator('.sk-widget');
const regionSelect = (page) => page.getByRole('combobox', { name: 'Region', exact: true });
const status = (page) => page.locator('#demo-status');
const clusterIdsOf = (data, regionId) => data.clusters.filter((c) => c.region === regionId).map((c) => c.id).sort();
const renderedClusterIds = (page) =>
  page.locator('#app [data-cluster-id]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-cluster-id')))].sort());

async function selectRegion(page, data, regionId) {
  await regionSelect(page).selectOption(regionId);
  await until(
    () => renderedClusterIds(page),
    (ids) => JSON.stringify(ids) === JSON.stringify(clusterIdsOf(data, regionId)),
    `the clusters of ${regionId}`,
  );
}

async function switchLanguage(page, lang) {
  await page.getByRole('button', { name: lang === 'en' ? 'English' : 'Dansk', exact: true }).click();
  await until(() => widget(page).getAttribute('lang'), (l) => l === lang, `lang="${lang}" on the widget`);
}

/** The names of the clusters shown in the chart (SVG text and aria labels). */
const textShownInWidget = (page) =>
  page.evaluate(() => {
    const w = document.querySelector('.sk-widget');
    return [w.innerText, ...[...w.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')), ...[...w.querySelectorAll('text')].map((t) => t.textContent)].join('\n');
  });

/** A valid data set: the default structure with one cluster renamed (a marker to look for). */
function renamedData(marker) {
  const data = structuredClone(DATA);
  const cluster = data.clusters.find((c) => c.region === data.regions[0].id);
  cluster.name = marker;
  return { data, cluster };
}

/** A data set with errors: a cluster in an unknown region and a duplicated cluster id. */
function brokenData() {
  const data = structuredClone(DATA);
  data.clusters[0].region = 'XX';
  data.clusters[2].id = data.clusters[1].id;
  return data;
}

/** validate() of `text`, run by the widget's own module in the page. */
const validateInPage = (page, text) =>
  page.evaluate(async (t) => (await import(new URL('pkg/index.js', location.href).href)).validate(t, {}), text);

/** Assert each error finding of `text` is listed once in the widget, with its JSON path. */
async function expectFindingsListed(page, text) {
  const { ok, findings } = await validateInPage(page, text);
  assert.equal(ok, false, 'validate() finds no error in the broken data');
  const errors = findings.filter((f) => f.severity === 'error');
  assert.ok(errors.length > 0);
  const section = page.locator('#app section[data-testid="findings"]');
  await section.waitFor();
  for (const f of errors) {
    const item = section.locator(`li[data-code="${f.code}"][data-path="${f.path}"]`);
    await until(() => item.count(), (n) => n === 1, `finding ${f.code} at ${JSON.stringify(f.path)} listed once`);
    assert.ok((await item.innerText()).includes(f.message.da), `finding ${f.code} does not show its message`);
    if (f.path) assert.ok((await item.innerText()).includes(f.path), `finding ${f.code} does not show its path ${f.path}`);
  }
  return errors;
}

/** Drop `files` ({name, text} or {name, size}) on the drop zone with a synthetic drop event. */
const dropFiles = (page, files) =>
  page.evaluate((fs) => {
    const dt = new DataTransfer();
    for (const f of fs) {
      const content = f.text ?? new Uint8Array(f.size);
      dt.items.add(new File([content], f.name, { type: 'application/json' }));
    }
    const zone = document.getElementById('drop-zone');
    zone.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    const over = zone.classList.contains('is-over');
    const accepted = !zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    return { over, accepted, after: zone.classList.contains('is-over') };
  }, files);

async function download(page, trigger) {
  const [dl] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), text: readFileSync(path, 'utf8'), url: dl.url(), path };
}

test('no request leaves 127.0.0.1 while the demo is used, and the page is served with the CSP header', { timeout: TIMEOUT * 2 }, async () => {
  await withDemo('', async (page, { requests, response }) => {
    assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
    // All 5 regions.
    assert.equal(DATA.regions.length, 5);
    for (const region of DATA.regions) await selectRegion(page, DATA, region.id);
    // Both languages.
    await switchLanguage(page, 'en');
    await switchLanguage(page, 'da');
    // The chart: open a node's details, zoom, the list view and back.
    await selectRegion(page, DATA, DATA.regions[0].id);
    await page.locator('[role="treeitem"]').nth(1).locator(':scope > .sk-node-visual').click();
    await page.locator('aside.sk-detail[data-node]').waitFor({ timeout: 5_000 });
    await page.getByRole('button', { name: 'Liste', exact: true }).click();
    await page.getByRole('button', { name: 'Diagram', exact: true }).click();
    await page.locator('[role="treeitem"]').first().waitFor();
    // Load a file and download the data.
    const { data } = renamedData('Klynge fra fil');
    await page.locator('#file-input').setInputFiles({ name: 'egne.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });
    await until(() => status(page).innerText(), (t) => t.includes('egne.json'), 'the loaded file in the status');
    const dl = await download(page, () => page.getByRole('button', { name: 'Hent data', exact: true }).click());
    assert.ok(dl.url.startsWith('blob:'), `the download is a blob: URL (${dl.url})`);
    // The schema, through its link.
    await page.locator('#schema-link').click();
    await page.waitForURL(/sundhedsklynger\.schema\.json$/);
    await page.goBack();
    await page.locator('#app .sk-widget').waitFor();

    // The interception saw the page's own loads: it is not a test that cannot fail.
    const paths = requests.map((u) => new URL(u).pathname);
    for (const p of ['/', '/demo.js', '/demo.css', '/pkg/web/sundhedsklynger_bg.wasm', '/data/demo.json', '/schema/sundhedsklynger.schema.json']) {
      assert.ok(paths.includes(p), `no request for ${p} was intercepted (${paths.join(', ')})`);
    }
    for (const url of requests) {
      assert.ok(
        url.startsWith(`${csp.url}/`) || url.startsWith('data:') || url.startsWith('blob:'),
        `a request left 127.0.0.1: ${url}`,
      );
    }
  });
});

test('strict CSP header: the widget renders, the chart works, no violation, no style attribute, the widget CSS applies', { timeout: TIMEOUT }, async () => {
  await withDemo('', async (page, { response }) => {
    assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
    const items = page.locator('[role="treeitem"]');
    await until(() => items.count(), (n) => n > 0, 'chart tree items');
    // The chart works: a click selects a node and fills the detail panel, zoom in changes the zoom level.
    const first = items.nth(1);
    const id = await first.getAttribute('data-node');
    await first.locator(':scope > .sk-node-visual').click();
    await until(() => first.getAttribute('aria-selected'), (s) => s === 'true', `the clicked node ${id} selected`);
    await page.locator(`aside.sk-detail[data-node="${id}"]`).waitFor({ timeout: 5_000 });
    const zoom = page.locator('.sk-widget .sk-zoom');
    const before = await zoom.innerText();
    await page.locator('.sk-widget button.sk-zoom-in').click();
    await until(() => zoom.innerText(), (t) => t !== before, 'the zoom level to change');
    // The SVG export downloads (through a blob: URL, which needs no CSP directive).
    const svg = await download(page, () => page.locator('.sk-widget .sk-export-svg').click());
    assert.match(svg.name, /\.svg$/);
    assert.match(svg.text, /<svg[\s>]/);
    await switchLanguage(page, 'en');
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await page.locator('#app [data-cluster-id]').first().waitFor();

    assert.equal(await page.locator('[style]').count(), 0, 'an element has a style attribute');
    const applied = await page.evaluate(() => {
      const w = document.querySelector('.sk-widget');
      const cs = getComputedStyle(w);
      const toolbar = document.querySelector('.sk-widget .sk-finding-list, .sk-widget .sk-toolbar');
      return {
        sheets: document.adoptedStyleSheets.length,
        region: cs.getPropertyValue('--sk-color-region').trim(),
        font: cs.fontFamily,
        list: toolbar ? getComputedStyle(toolbar).display : null,
      };
    });
    const region = WIDGET_CSS.match(/--sk-color-region:\s*(#[0-9a-f]+)/i)[1];
    assert.ok(applied.sheets >= 1, 'no adopted stylesheet');
    assert.equal(applied.region, region, 'the widget CSS custom property is not applied');
    assert.match(applied.font, /system-ui/);
    assert.ok(['grid', 'flex'].includes(applied.list), `widget layout CSS not applied (display: ${applied.list})`);
  });
});

test('the CSP violation listener reports an inline style attribute (control)', { timeout: TIMEOUT }, async () => {
  await withDemo(
    '',
    async (page, { violations }) => {
      await page.evaluate(() => document.querySelector('main h1').setAttribute('style', 'color: red'));
      await until(violations, (v) => v.some((s) => s.startsWith('style-src')), 'a style-src violation');
      assert.notEqual(await page.locator('main h1').evaluate((h) => getComputedStyle(h).color), 'rgb(255, 0, 0)');
    },
    { expectedConsole: /violates the following Content Security Policy directive 'style-src/ },
  );
});

test('loading your own JSON with the file input: a valid file, then a broken one; the controls keep working', { timeout: TIMEOUT }, async () => {
  await withDemo('', async (page) => {
    const input = page.locator('#file-input');
    assert.equal(await input.getAttribute('accept'), '.json,application/json');
    assert.equal(await page.getByLabel('Indlæs egne data (JSON, højst 20 MB)').count(), 1, 'the file input has its label');

    const { data, cluster } = renamedData('Klynge fra egen fil');
    const text = JSON.stringify(data, null, 1);
    await input.setInputFiles({ name: 'mine-data.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await until(() => textShownInWidget(page), (t) => t.includes(cluster.name), `the renamed cluster "${cluster.name}"`);
    const info = await page.locator('#file-info').innerText();
    assert.ok(info.includes('mine-data.json'), `file name not shown: ${info}`);
    assert.match(info, /\d+(,\d)? kB/, `file size not shown: ${info}`);
    // All regions of the file can be shown.
    for (const region of data.regions) await selectRegion(page, data, region.id);
    const { findings } = await validateInPage(page, text);
    const errors = findings.filter((f) => f.severity === 'error').length;
    assert.equal(errors, 0);
    assert.ok((await status(page).innerText()).includes(`${findings.length} fund, heraf 0 fejl`));

    // A broken file: the findings are listed with their JSON paths, nothing throws.
    const broken = JSON.stringify(brokenData());
    await input.setInputFiles({ name: 'fejl.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await until(() => status(page).innerText(), (t) => t.includes('fejl.json'), 'the broken file in the status');
    const listed = await expectFindingsListed(page, broken);
    assert.ok((await status(page).innerText()).includes(`heraf ${listed.length} fejl`));
    assert.equal(await status(page).getAttribute('class'), 'demo-status error');

    // Not JSON at all.
    await input.setInputFiles({ name: 'ikke-json.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": ') });
    await until(() => status(page).innerText(), (t) => t.includes('ikke-json.json'), 'the non-JSON file in the status');
    await page.locator('#app section[data-testid="findings"] li[data-code]').first().waitFor();

    // The page's controls and the widget still work: language, download, and a valid file again.
    await switchLanguage(page, 'en');
    assert.equal(await page.locator('#download-data').innerText(), 'Download data');
    const dl = await download(page, () => page.locator('#download-data').click());
    assert.equal(dl.text, '{ "format": ');
    assert.equal(dl.name, 'ikke-json.json');
    await input.setInputFiles({ name: 'mine-data.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await until(() => textShownInWidget(page), (t) => t.includes(cluster.name), 'the valid file again');
    await selectRegion(page, data, data.regions[1].id);
    // And back to the demo data.
    await page.locator('#reset-data').click();
    await until(() => page.locator('#file-info').innerText(), (t) => t.includes('demo.json'), 'demo.json shown again');
  });
});

test('loading your own JSON by drag-and-drop, and the 20 MB limit', { timeout: TIMEOUT }, async () => {
  await withDemo('', async (page) => {
    const { data, cluster } = renamedData('Klynge fra trukket fil');
    const dropped = await dropFiles(page, [{ name: 'trukket.json', text: JSON.stringify(data) }]);
    assert.deepEqual(dropped, { over: true, accepted: true, after: false }, 'the drop zone highlights and takes the drop');
    await until(() => textShownInWidget(page), (t) => t.includes(cluster.name), `the dropped file's cluster "${cluster.name}"`);
    assert.ok((await page.locator('#file-info').innerText()).includes('trukket.json'));

    // A broken file by drop.
    const broken = JSON.stringify(brokenData());
    await dropFiles(page, [{ name: 'trukket-fejl.json', text: broken }]);
    await expectFindingsListed(page, broken);

    // Over the limit: refused with a message, the data shown stay.
    await dropFiles(page, [{ name: 'stor.json', size: MAX_BYTES + 1 }]);
    await until(() => status(page).innerText(), (t) => t.includes('stor.json'), 'the refusal');
    assert.match(await status(page).innerText(), /for stor .*højst 20 MB/);
    assert.equal(await status(page).getAttribute('class'), 'demo-status error');
    assert.ok((await page.locator('#file-info').innerText()).includes('trukket-fejl.json'), 'the refused file replaced the data shown');
    // Exactly at the limit is read (and the widget reports it is not JSON).
    await dropFiles(page, [{ name: 'graense.json', size: MAX_BYTES }]);
    await until(() => page.locator('#file-info').innerText(), (t) => t.includes('graense.json'), 'a file of exactly 20 MB read', 20_000);

    // Two files at once: one message, nothing loaded.
    await dropFiles(page, [{ name: 'a.json', text: '{}' }, { name: 'b.json', text: '{}' }]);
    await until(() => status(page).innerText(), (t) => t.includes('én JSON-fil'), 'the one-file message');
    assert.ok((await page.locator('#file-info').innerText()).includes('graense.json'));
  });
});

test('downloading the data shown (demo data, a loaded file, the built-in data) and the JSON Schema', { timeout: TIMEOUT }, async () => {
  await withDemo('', async (page) => {
    const demo = await download(page, () => page.getByRole('button', { name: 'Hent data', exact: true }).click());
    assert.equal(demo.name, 'demo.json');
    assert.equal(demo.text, DEMO_TEXT, 'the download is not the demo data verbatim');
    assert.ok((await status(page).innerText()).includes('demo.json'));

    const text = `${JSON.stringify(renamedData('Hentet klynge').data, null, 3)}\n`;
    await page.locator('#file-input').setInputFiles({ name: 'egen', mimeType: 'application/json', buffer: Buffer.from(text) });
    await until(() => textShownInWidget(page), (t) => t.includes('Hentet klynge'), 'the loaded file');
    const own = await download(page, () => page.locator('#download-data').click());
    assert.equal(own.text, text, 'the loaded text is not downloaded verbatim');
    assert.equal(own.name, 'egen.json');

    // The schema: the link serves the schema the widget itself reports, and downloads.
    const href = await page.locator('#schema-link').getAttribute('href');
    const served = await page.evaluate(async (h) => {
      const res = await fetch(h);
      const mod = await import(new URL('pkg/index.js', location.href).href);
      return { type: res.headers.get('content-type'), body: await res.json(), schema: await mod.schema() };
    }, href);
    assert.match(served.type, /^application\/json/);
    assert.deepEqual(served.body, SCHEMA);
    assert.deepEqual(served.body, served.schema, 'the schema file differs from schema() of the widget');
    assert.match(served.body.$schema, /json-schema\.org/);
    assert.equal(served.body.type, 'object');
    const schemaFile = await download(page, () => page.locator('#schema-download').click());
    assert.equal(schemaFile.name, 'sundhedsklynger.schema.json');
    assert.deepEqual(JSON.parse(schemaFile.text), SCHEMA);
  });
  await withDemo('?data=default', async (page) => {
    const dl = await download(page, () => page.locator('#download-data').click());
    const builtIn = await page.evaluate(async () => (await import(new URL('pkg/index.js', location.href).href)).defaultData());
    assert.deepEqual(JSON.parse(dl.text), builtIn);
    // The built-in data are the real structure in force today, in format /2.
    assert.equal(JSON.parse(dl.text).format, 'sundhedsklynger/2');
    assert.ok(['klynger-2022', 'sundhedsraad-2027'].includes(JSON.parse(dl.text).id));
  });
});

test('the embedding snippets, each with a working copy button (clipboard and fallback)', { timeout: TIMEOUT }, async () => {
  const expected = {
    element: /<script type="module" src="[^"]*element\.js"><\/script>\s*<sundhedsklynger-diagram region="RH"><\/sundhedsklynger-diagram>/,
    inline: /<script src="[^"]*inline[^"]*\.js"><\/script>/,
    mount: /import init, \{ mount \} from 'sundhedsklynger';[\s\S]*mount\(/,
    react: /from 'react'/,
  };
  // The snippets name files the npm package ships, and React is the npm README's example.
  const pkg = JSON.parse(readFileSync(join(ROOT, 'npm/package.json'), 'utf8'));
  const npmReadme = readFileSync(join(ROOT, 'npm/README.md'), 'utf8');
  const reactExample = npmReadme.match(/### React\s+```jsx\n([\s\S]*?)\n```/)?.[1];
  assert.ok(reactExample, 'npm/README.md has no React example');
  await withDemo(
    '',
    async (page) => {
      const element = await page.locator('#snippet-element').textContent();
      const elementFile = element.match(/src="\/path\/to\/sundhedsklynger\/([^"]+)"/)[1];
      assert.equal(pkg.exports['./element'].default, `./${elementFile}`);
      const inline = await page.locator('#snippet-inline').textContent();
      const inlineFile = inline.match(/src="\/path\/to\/sundhedsklynger\/([^"]+)"/)[1];
      assert.equal(pkg.exports['./inline'].default, `./${inlineFile}`);
      assert.equal(await page.locator('#snippet-react').textContent(), reactExample);
      for (const [id, re] of Object.entries(expected)) {
        const code = await page.locator(`pre > code#snippet-${id}`).textContent();
        assert.match(code, re, `snippet ${id}`);
        const button = page.locator(`#copy-${id}`);
        assert.match(await button.evaluate((b) => b.tagName), /^BUTTON$/);
        await button.click();
        await until(() => page.evaluate(() => navigator.clipboard.readText()), (t) => t === code, `snippet ${id} on the clipboard`);
        assert.equal(await status(page).innerText(), 'Kopieret til udklipsholderen.');
      }
      // Each copy button is named after its snippet.
      const name = await page.getByRole('button', { name: /^Kopiér React$/ }).count();
      assert.equal(name, 1);
    },
    { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } },
  );
  // Without a clipboard API: the code is selected and the message says how to copy.
  await withDemo(
    '',
    async (page) => {
      await page.locator('#copy-mount').click();
      await until(() => status(page).innerText(), (t) => t.includes('Ctrl+C'), 'the fallback message');
      const selected = await page.evaluate(() => getSelection().toString());
      assert.equal(selected, await page.locator('#snippet-mount').textContent());
    },
    { initScript: () => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }) },
  );
});

test("the page's labels follow the widget's language switch", { timeout: TIMEOUT }, async () => {
  await withDemo('', async (page) => {
    assert.equal(await page.locator('html').getAttribute('lang'), 'da');
    assert.equal(await page.getByRole('button', { name: 'Hent data', exact: true }).count(), 1);
    await switchLanguage(page, 'en');
    await until(() => page.locator('html').getAttribute('lang'), (l) => l === 'en', 'html lang="en"');
    assert.equal(await page.getByRole('button', { name: 'Download data', exact: true }).count(), 1);
    assert.equal(await page.getByLabel('Load your own data (JSON, at most 20 MB)').count(), 1);
    assert.equal(await page.getByRole('heading', { name: 'Embedding', exact: true }).count(), 1);
    assert.notEqual(await page.locator('main h1').innerText(), 'Sundhedsklynger og sundhedssamarbejdsudvalg');
    await switchLanguage(page, 'da');
    await until(() => page.locator('html').getAttribute('lang'), (l) => l === 'da', 'html lang="da" again');
    assert.equal(await page.locator('main h1').innerText(), 'Sundhedsklynger og sundhedssamarbejdsudvalg');
  });
  await withDemo('?lang=en', async (page) => {
    await until(() => page.locator('#download-data').innerText(), (t) => t === 'Download data', 'English labels from ?lang=en');
  });
});

test('no WCAG 2.1 A/AA violations found by axe on the demo with its controls, in Danish and English', { timeout: TIMEOUT }, async () => {
  await withDemo('', async (page) => {
    // A state with a message and the findings of a broken file shown.
    const broken = JSON.stringify(brokenData());
    await page.locator('#file-input').setInputFiles({ name: 'fejl.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await until(() => status(page).innerText(), (t) => t.includes('fejl.json'), 'the broken file in the status');
    for (const lang of ['da', 'en']) {
      if (lang === 'en') await switchLanguage(page, 'en');
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const summary = result.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`,
      );
      assert.deepEqual(summary, [], `axe violations (${lang})`);
    }
  });
});

/** A free TCP port on 127.0.0.1. */
async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

test('make demo (scripts/serve.sh) sends the page\'s strict CSP as a header; the demo and the PNG export work under it', { timeout: TIMEOUT }, async () => {
  const port = await freePort();
  const child = spawn(join(ROOT, 'scripts/serve.sh'), [], {
    env: { ...process.env, PORT: String(port), SK_DIST_DIR: DIST },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const exited = once(child, 'exit');
  try {
    const origin = `http://127.0.0.1:${port}`;
    const status = () => fetch(`${origin}/`).then((r) => r.status, () => 0);
    await until(status, (s) => s === 200, 'scripts/serve.sh to answer', 15_000);
    const res = await fetch(`${origin}/`);
    const meta = readFileSync(join(ROOT, 'www/index.html'), 'utf8').match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)[1];
    assert.equal(res.headers.get('content-security-policy'), meta, 'the header and the page\'s <meta> differ');
    for (const directive of STRICT_CSP.split('; ')) assert.ok(meta.includes(directive), `the policy lacks ${directive}`);
    const wasm = await fetch(`${origin}/pkg/web/sundhedsklynger_bg.wasm`, { method: 'HEAD' });
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    // The server compresses each file once (brotli 11 of the wasm takes seconds on a busy
    // 2-core machine): do it before the page's 15 s wait starts.
    await fetch(`${origin}/pkg/web/sundhedsklynger_bg.wasm`, { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer());
    await withDemo(
      '?region=RN',
      async (page) => {
        await page.locator('[role="treeitem"]').first().waitFor();
        const png = await download(page, () => page.locator('.sk-widget .sk-export-png').click());
        assert.match(png.name, /\.png$/);
        assert.equal(readFileSync(png.path).subarray(1, 4).toString('latin1'), 'PNG');
      },
      { origin },
    );
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
});
