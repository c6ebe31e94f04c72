// The npm package as its users get it, in a real browser:
//   (a) a fresh Vite + React + TypeScript app (tests/consumers/vite-react, `npm ci` from
//       its committed lock) with the packed tarball installed: `tsc --noEmit` checks the
//       .d.ts files against real use, `vite build`, then the built app in headless Chromium;
//   (b) a plain HTML page opened from file:// with the inline build (one classic script);
//   (c) the inline build under a strict Content-Security-Policy, served over http.
// The Node entry from the installed tarball is tested by tests/node/package.test.mjs.
//
//   node --test tests/consumers/   (after `make package`)
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../e2e/chromium.mjs';
import { CHROMIUM, DATA, ROOT, until } from '../e2e/harness.mjs';
import { serveStatic } from '../e2e/static-server.mjs';

const PKG = join(ROOT, 'pkg');
const FIXTURE = join(ROOT, 'tests/consumers/vite-react');
const regionName = (id) => DATA.regions.find((r) => r.id === id).name;

let tmp;
let tarball;
let browser;

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
}

before(async () => {
  assert.ok(existsSync(join(PKG, 'package.json')), `${PKG}/package.json missing: run 'make package' first`);
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} missing: run 'make tools'`);
  tmp = mkdtempSync(join(tmpdir(), 'sk-consumers-'));
  const [packed] = JSON.parse(run('npm', ['pack', PKG, '--json', '--pack-destination', tmp, '--loglevel=error'], tmp));
  tarball = join(tmp, packed.filename);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A fresh page that records page errors, console errors and failed requests. */
async function openPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  return { context, page, problems };
}

// ------------------------------------------------------------------ (a) Vite + React

describe('(a) a fresh Vite + React + TypeScript app', () => {
  let app;
  let server;
  before(() => {
    app = join(tmp, 'vite-react');
    cpSync(FIXTURE, app, { recursive: true, filter: (src) => !/[/\\](node_modules|dist)([/\\]|$)/.test(src) });
    run('npm', ['ci', '--loglevel=error'], app);
    run('npm', ['install', '--no-save', '--prefer-offline', '--loglevel=error', tarball], app);
  });
  after(async () => {
    await server?.close();
  });

  test('tsc --noEmit accepts the app against the package types', () => {
    try {
      run(join(app, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'tsconfig.json'], app);
    } catch (e) {
      assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
    }
  });

  test('vite build bundles the app with the .wasm as a separate asset', () => {
    const out = run(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], app);
    assert.ok(existsSync(join(app, 'dist/index.html')), `no dist/index.html:\n${out}`);
    const assets = execFileSync('ls', [join(app, 'dist/assets')], { encoding: 'utf8' }).split('\n');
    assert.ok(assets.some((f) => f.endsWith('.wasm')), `no .wasm among the assets: ${assets.join(', ')}`);
  });

  test('the built app renders both widgets, reports select events, and logs no error', async () => {
    server = await serveStatic(join(app, 'dist'));
    const { context, page, problems } = await openPage();
    try {
      await page.goto(`${server.url}/`);
      // mount() in a React effect (StrictMode mounts, destroys and mounts again).
      await until(() => page.locator('#mounted .sk-region > h2').allTextContents(), (t) => t.length === 1 && t[0] === regionName('RM'), 'the mounted widget');
      await until(() => page.locator('#mounted').getAttribute('data-ready'), (v) => v === 'RM:true', 'ready event of the mounted widget');
      assert.equal(await page.locator('#mounted .sk-widget').count(), 1, 'StrictMode left two widgets');
      // The custom element (open shadow root: locators pierce it).
      await until(() => page.locator('#element .sk-region > h2').allTextContents(), (t) => t[0] === regionName('RN'), 'the element');
      await until(() => page.locator('#validate').textContent(), (t) => t === 'validate ok: false; keyFigures ok: true', 'validate and keyFigures');

      await page.locator('#mounted [role="treeitem"][data-node="RM"] > .sk-node-visual').click();
      await until(() => page.locator('#selected').textContent(), (t) => t === `region RM ${regionName('RM')}`, 'select from mount()');
      await page.locator('#element [role="treeitem"][data-node="RN/ssu"] > .sk-node-visual').click();
      await until(() => page.locator('#element-selected').textContent(), (t) => t === 'ssu RN/ssu', 'select from the element');
      assert.equal(await page.locator('#selected').textContent(), `region RM ${regionName('RM')}`, 'the other widget reported too');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});

// ------------------------------------------------------------------ (b) inline, file://

// The host page's CSS: inherited properties forced on everything (they reach the host
// element), and common elements and the widget's own class names hidden. Not the root
// font size: the widget's sizes are in rem, so html { font-size } (the user's setting)
// scales it on purpose — checked apart.
const HOSTILE_CSS = `
  html { color: rgb(255, 0, 0) !important; font-family: serif !important; line-height: 3 !important;
      letter-spacing: 4px !important; text-transform: uppercase !important; font-style: italic !important; }
  body, body * { color: rgb(255, 0, 0) !important; font-size: 31px !important; font-family: serif !important;
      line-height: 3 !important; letter-spacing: 4px !important; text-transform: uppercase !important;
      font-style: italic !important; text-align: right !important; }
  div, p, h2, h3, section, header, button, select, svg, g, text, span, ul, li { display: none !important; background: rgb(0, 255, 0) !important; }
  .sk-widget, .sk-root, .sk-title, .sk-header, [role="treeitem"] { display: none !important; border: 9px solid rgb(0, 0, 255) !important; }
`;

const INLINE_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>inline build</title></head>
<body>
  <div class="sk-widget" id="probe"><p class="sk-title" id="probe-title">Host text</p><button class="sk-view-chart" id="probe-button">Host</button></div>
  <div class="ref-widget" id="ref"><p class="ref-title" id="ref-title">Host text</p><button class="ref-button" id="ref-button">Host</button></div>
  <sundhedsklynger-diagram id="a" region="RM" shadow="open"></sundhedsklynger-diagram>
  <sundhedsklynger-diagram id="b" region="RN" lang="en" shadow="open"></sundhedsklynger-diagram>
  <div id="nested-host"></div>
  <script>
    window.events = [];
    for (const type of ['ready', 'select', 'error']) {
      document.addEventListener(type, (e) => {
        if (!(e instanceof CustomEvent)) return;
        events.push({ type, target: e.target.id, bubbles: e.bubbles, composed: e.composed, detail: e.detail });
      });
    }
    // A property set before the element is defined (the script comes last).
    document.getElementById('a').keyFigureOptions = { level: 0.9 };
    // A widget inside another shadow root: its events reach the document only if composed.
    const inner = document.getElementById('nested-host').attachShadow({ mode: 'open' });
    inner.innerHTML = '<sundhedsklynger-diagram id="nested" region="RH"></sundhedsklynger-diagram>';
  </script>
  <script src="sundhedsklynger.js"></script>
</body>
</html>`;

const STYLE_PROPS = ['color', 'font-size', 'font-family', 'line-height', 'letter-spacing', 'text-transform', 'font-style', 'text-align', 'display', 'background-color', 'border-top-width'];

/** Computed styles of elements found by `selectors` (each inside `hostId`'s shadow root, or the document). */
const styles = (page, hostId, selectors) =>
  page.evaluate(
    ({ hostId, selectors, props }) => {
      const root = hostId ? document.getElementById(hostId).shadowRoot : document;
      return selectors.map((s) => {
        const el = root.querySelector(s);
        if (!el) return `${s}: missing`;
        const cs = getComputedStyle(el);
        return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      });
    },
    { hostId, selectors, props: STYLE_PROPS },
  );

describe('(b) a plain HTML page from file:// with the inline build', () => {
  let dir;
  before(() => {
    dir = join(tmp, 'plain');
    execFileSync('mkdir', ['-p', dir]);
    // The file a user copies from the installed package.
    const project = join(tmp, 'plain-install');
    execFileSync('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), '{"name":"plain","version":"1.0.0","private":true}');
    run('npm', ['install', '--offline', '--loglevel=error', tarball], project);
    copyFileSync(join(project, 'node_modules/sundhedsklynger/inline/sundhedsklynger.js'), join(dir, 'sundhedsklynger.js'));
    writeFileSync(join(dir, 'index.html'), INLINE_PAGE);
    writeFileSync(
      join(dir, 'missing-src.html'),
      `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>src</title></head><body>
      <sundhedsklynger-diagram id="m" src="does-not-exist.json" shadow="open"></sundhedsklynger-diagram>
      <script>window.events = []; document.addEventListener('error', (e) => { if (e instanceof CustomEvent) events.push({ target: e.target.id, bubbles: e.bubbles, composed: e.composed, detail: e.detail }); });</script>
      <script src="sundhedsklynger.js"></script></body></html>`,
    );
  });

  const open = async (file) => {
    const opened = await openPage();
    await opened.page.goto(pathToFileURL(join(dir, file)).href);
    return opened;
  };
  const heading = (page, id) => page.locator(`#${id} .sk-region > h2`).textContent();

  test('two instances render their own region, fire ready (bubbling, composed), and stay independent', async () => {
    const { context, page, problems } = await open('index.html');
    try {
      await until(() => page.evaluate(() => events.filter((e) => e.type === 'ready').map((e) => e.target).sort()), (t) => t.length === 3, 'three ready events');
      assert.equal(await heading(page, 'a'), regionName('RM'));
      assert.equal(await heading(page, 'b'), regionName('RN'));
      assert.equal(await page.locator('#b .sk-widget').getAttribute('lang'), 'en');
      assert.equal(await page.locator('#a .sk-widget').getAttribute('lang'), 'da');
      const ready = await page.evaluate(() => events.filter((e) => e.type === 'ready'));
      for (const e of ready) {
        assert.equal(e.bubbles, true);
        assert.equal(e.composed, true);
        assert.equal(e.detail.ok, true);
      }
      // The nested one is reached through its shadow host: retargeted, and only because composed.
      assert.deepEqual(ready.map((e) => `${e.target}:${e.detail.region}`).sort(), ['a:RM', 'b:RN', 'nested-host:RH']);
      assert.equal(await page.evaluate(() => events.filter((e) => e.type === 'error').length), 0, 'default data fire no error event');

      // select: only the clicked instance, with the node in its language.
      await page.locator('#b [role="treeitem"][data-node="RN/ssu"] > .sk-node-visual').click();
      const selects = await until(() => page.evaluate(() => events.filter((e) => e.type === 'select')), (s) => s.length === 1, 'a select event');
      assert.equal(selects[0].target, 'b');
      assert.equal(selects[0].bubbles && selects[0].composed, true);
      assert.deepEqual({ ...selects[0].detail, label: typeof selects[0].detail.label }, { id: 'RN/ssu', kind: 'ssu', region: 'RN', label: 'string' });
      assert.match(selects[0].detail.label, /committee/i, 'English label');
      assert.equal(await page.locator('#a [aria-selected="true"]').count(), 0, 'the other instance has no selection');

      // An attribute changes one instance only.
      await page.evaluate(() => { document.getElementById('a').region = 'RSD'; });
      await until(() => heading(page, 'a'), (t) => t === regionName('RSD'), 'a shows Region Syddanmark');
      assert.equal(await heading(page, 'b'), regionName('RN'));
      assert.equal(await page.locator('#a').getAttribute('region'), 'RSD', 'the property reflects to the attribute');
      await page.evaluate(() => document.getElementById('b').setAttribute('view', 'list'));
      await until(() => page.locator('#b .sk-widget .sk-view-list').getAttribute('aria-pressed'), (v) => v === 'true', 'b in the list view');
      assert.equal(await page.locator('#a .sk-widget .sk-view-list').getAttribute('aria-pressed'), 'false');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('the host page CSS does not change the widget, and the widget CSS does not leak out', async () => {
    const { context, page, problems } = await open('index.html');
    try {
      await until(() => page.locator('#a .sk-region > h2').count(), (n) => n === 1, 'widget a');
      // Leak: the host's .sk-widget / .sk-title / button look like the same markup with other class names.
      const probe = await styles(page, null, ['#probe', '#probe-title', '#probe-button']);
      const reference = await styles(page, null, ['#ref', '#ref-title', '#ref-button']);
      assert.deepEqual(probe, reference, 'the widget stylesheet applies to the host page');

      const inside = ['.sk-widget', '.sk-region > h2', '.sk-title', '.sk-view-list', '[role="treeitem"]', '.sk-node-visual'];
      const before = await styles(page, 'a', inside);
      assert.ok(before.every((s) => typeof s === 'object'), `widget elements missing: ${JSON.stringify(before)}`);
      await page.addStyleTag({ content: HOSTILE_CSS });
      // The hostile sheet took effect on the page itself.
      assert.equal((await styles(page, null, ['#ref-title']))[0].display, 'none');
      const afterStyles = await styles(page, 'a', inside);
      assert.deepEqual(afterStyles, before, 'the host page CSS changed the widget');
      // The root font size scales the widget (rem), as it scales the page's own text.
      await page.addStyleTag({ content: 'html { font-size: 20px !important; }' });
      const scaled = await styles(page, 'a', ['.sk-widget']);
      assert.equal(scaled[0]['font-size'], '20px');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('registration is guarded: a second copy of the script and a second define change nothing', async () => {
    const { context, page, problems } = await open('index.html');
    try {
      await until(() => page.locator('#a .sk-region > h2').count(), (n) => n === 1, 'widget a');
      const result = await page.evaluate(async () => {
        const before = customElements.get('sundhedsklynger-diagram');
        const global = window.Sundhedsklynger;
        await new Promise((ok, fail) => {
          const s = document.createElement('script');
          s.src = 'sundhedsklynger.js';
          s.onload = ok;
          s.onerror = fail;
          document.body.append(s);
        });
        return {
          sameClass: customElements.get('sundhedsklynger-diagram') === before,
          sameGlobal: window.Sundhedsklynger === global,
          defineAgain: global.defineSundhedsklyngerElement() === before,
          elementClass: global.SundhedsklyngerDiagram === before,
        };
      });
      assert.deepEqual(result, { sameClass: true, sameGlobal: true, defineAgain: true, elementClass: true });
      assert.equal(await page.locator('sundhedsklynger-diagram#a .sk-widget').count(), 1);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('properties: data replaces the data set, bad data fire error with findings, keyFigures computes', async () => {
    const { context, page, problems } = await open('index.html');
    try {
      await until(() => page.locator('#a .sk-region > h2').count(), (n) => n === 1, 'widget a');
      assert.deepEqual(
        await page.evaluate(() => { const a = document.getElementById('a'); return [Object.hasOwn(a, 'keyFigureOptions'), a.keyFigureOptions?.level]; }),
        [false, 0.9],
        'a property set before the definition goes through the accessor',
      );
      const kf = await page.evaluate(() => {
        const k = document.getElementById('a').keyFigures;
        return { ok: k.ok, hasGovernance: typeof k.governance === 'object', indicators: k.indicators.length };
      });
      assert.deepEqual(kf, { ok: true, hasGovernance: true, indicators: 0 });
      await page.evaluate(() => {
        document.getElementById('a').data = {
          format: 'sundhedsklynger/1',
          as_of: '2024-01-01',
          regions: [{ id: 'RN', name: 'Region Nordjylland' }],
          municipalities: [{ code: '787', name: 'Thisted', region: 'RN' }],
          clusters: [{
            id: 'RN-VEST', region: 'NOPE', name: 'Klynge VEST', acute_hospitals: ['Thisted'], status: 'confirmed',
            sources: ['https://rn.dk/'], members: [{ municipality: '787' }],
          }],
        };
      });
      const error = await until(() => page.evaluate(() => events.find((e) => e.type === 'error')), Boolean, 'an error event');
      assert.equal(error.target, 'a');
      assert.equal(error.bubbles && error.composed, true);
      const unknown = error.detail.findings.find((f) => f.path === '/clusters/0/region');
      assert.ok(unknown, `no finding at /clusters/0/region: ${JSON.stringify(error.detail.findings)}`);
      assert.equal(unknown.severity, 'error');
      assert.ok(unknown.message.da && unknown.message.en);
      assert.ok(error.detail.findings.every((f) => f.severity === 'error'));
      await until(() => page.locator('#a .sk-alert[role="alert"]').count(), (n) => n === 1, 'the error banner in the widget');
      assert.equal(await heading(page, 'a'), 'Region Nordjylland');
      assert.equal(await heading(page, 'b'), regionName('RN'));
      // `keyFigures` is read-only: assigning throws in strict code and changes nothing.
      assert.deepEqual(
        await page.evaluate(() => {
          'use strict';
          const a = document.getElementById('a');
          let thrown = null;
          try { a.keyFigures = { ok: 'mine' }; } catch (e) { thrown = e.name; }
          return [thrown, a.keyFigures.ok];
        }),
        ['TypeError', false],
      );
      // null returns to the data set built in.
      await page.evaluate(() => { document.getElementById('a').data = null; });
      await until(() => page.locator('#a .sk-alert').count(), (n) => n === 0, 'the error banner gone');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('the attributes dataset and date choose the structure; a bad value is a finding naming it', async () => {
    const { context, page, problems } = await open('index.html');
    try {
      await until(() => page.locator('#b .sk-region > h2').count(), (n) => n === 1, 'widget b');
      const structure = () => page.evaluate(() => document.querySelector('#b').shadowRoot.querySelector('select.sk-dataset')?.value);
      const period = () => page.evaluate(() => document.querySelector('#b').shadowRoot.querySelector('.sk-period')?.textContent ?? '');
      await page.evaluate(() => document.getElementById('b').setAttribute('dataset', 'sundhedsraad-2027'));
      await until(structure, (v) => v === 'sundhedsraad-2027', 'the 2027 structure');
      assert.match(await period(), /from 1 January 2027/);
      assert.deepEqual(
        await page.evaluate(() => { const b = document.getElementById('b'); return [b.dataSet, b.dataset instanceof DOMStringMap]; }),
        ['sundhedsraad-2027', true],
        'reflected as the property dataSet; dataset stays the data-* map',
      );
      await page.evaluate(() => { const b = document.getElementById('b'); b.removeAttribute('dataset'); b.setAttribute('date', '2026-12-31'); });
      await until(structure, (v) => v === 'klynger-2022', 'the structure in force on 31 December 2026');
      await page.evaluate(() => document.getElementById('b').setAttribute('date', 'soon'));
      const finding = await until(
        () => page.evaluate(() => document.querySelector('#b').shadowRoot.querySelector('.sk-finding[data-code="invalid-option"]')?.textContent),
        Boolean,
        'the invalid-option finding',
      );
      assert.match(finding, /"soon" \(date\)/);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('a src that cannot be loaded fires error and shows an error state, Danish first', async () => {
    const { context, page, problems } = await open('missing-src.html');
    try {
      const errors = await until(() => page.evaluate(() => events), (e) => e.length === 1, 'an error event');
      assert.equal(errors[0].target, 'm');
      assert.equal(errors[0].bubbles && errors[0].composed, true);
      assert.equal(errors[0].detail.src, 'does-not-exist.json');
      assert.equal(errors[0].detail.findings[0].code, 'load-failed');
      const alert = page.locator('#m .sk-status[role="alert"]');
      await alert.waitFor();
      const lines = await alert.locator('p').allTextContents();
      assert.match(lines[0], /^Data kunne ikke hentes fra does-not-exist\.json/);
      assert.match(lines[1], /^The data could not be loaded from does-not-exist\.json/);
      assert.equal(await page.locator('#m .sk-widget').count(), 0, 'no widget with made-up data');
      // From file:// the fetch itself fails: Chromium logs it. Nothing else may.
      assert.deepEqual(problems.filter((p) => !/does-not-exist\.json|Failed to load resource|Fetch API cannot load/.test(p)), []);
    } finally {
      await context.close();
    }
  });

  test('the global API: mount, on/off, a throwing listener, destroy, validate, keyFigures', async () => {
    const { context, page, problems } = await open('index.html');
    try {
      const result = await page.evaluate(async () => {
        const api = await Sundhedsklynger.ready;
        const host = document.createElement('div');
        document.body.append(host);
        const widget = api.mount(host, { region: 'RH', lang: 'da' });
        const got = [];
        widget.on('ready', (d) => got.push(`ready:${d.region}`));
        widget.on('select', () => { throw new Error('listener fails on purpose'); });
        const second = (d) => got.push(`select:${d.id}`);
        widget.on('select', second);
        let unknown = null;
        try { widget.on('nope', () => {}); } catch (e) { unknown = e.name; }
        // `ready` comes once the chart is in the DOM (its first render comes in tasks).
        await new Promise((r) => widget.on('ready', r));
        host.querySelector('[role="treeitem"][data-node="RH"] > .sk-node-visual').dispatchEvent(new MouseEvent('click', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 300));
        widget.off('select', second);
        host.querySelector('[role="treeitem"][data-node="RH/ssu"] > .sk-node-visual').dispatchEvent(new MouseEvent('click', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 300));
        const stillWorks = host.querySelector('[role="treeitem"][data-node="RH/ssu"]').getAttribute('aria-selected');
        widget.destroy();
        const left = host.children.length;
        widget.on('ready', () => {}); // after destroy: ignored
        widget.free();
        return {
          got,
          unknown,
          stillWorks,
          left,
          validate: api.validate('{').ok,
          keyFigures: api.keyFigures(await api.defaultData()).ok,
        };
      });
      assert.deepEqual(result, {
        got: ['ready:RH', 'select:RH'],
        unknown: 'TypeError',
        stillWorks: 'true',
        left: 0,
        validate: false,
        keyFigures: true,
      });
      // The throwing listener is reported like one in a DOM event listener, twice (two selects).
      assert.deepEqual(problems, ['page error: listener fails on purpose', 'page error: listener fails on purpose']);
    } finally {
      await context.close();
    }
  });
});

// ------------------------------------------------------------------ (c) CSP, over http

describe('(c) the inline build under a Content-Security-Policy', () => {
  let server;
  let dir;
  const page = (csp) => `<!doctype html><html lang="da"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${csp}"><title>csp</title></head><body>
    <sundhedsklynger-diagram id="s" src="data.json" region="RM" shadow="open"></sundhedsklynger-diagram>
    <script src="sundhedsklynger.js"></script></body></html>`;
  before(async () => {
    dir = join(tmp, 'csp');
    execFileSync('mkdir', ['-p', dir]);
    copyFileSync(join(PKG, 'inline/sundhedsklynger.js'), join(dir, 'sundhedsklynger.js'));
    copyFileSync(join(ROOT, 'www/data/default.json'), join(dir, 'data.json'));
    writeFileSync(join(dir, 'strict.html'), page("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'"));
    writeFileSync(join(dir, 'no-wasm.html'), page("default-src 'none'; script-src 'self'; connect-src 'self'"));
    server = await serveStatic(dir);
  });
  after(async () => {
    await server?.close();
  });

  const violations = async (p) => {
    await p.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective}`));
    });
  };

  test("script-src 'self' 'wasm-unsafe-eval' and connect-src for src are all it needs (no style-src, no 'unsafe-eval')", async () => {
    const { context, page: p, problems } = await openPage();
    try {
      await violations(p);
      await p.goto(`${server.url}/strict.html`);
      await until(() => p.locator('#s .sk-region > h2').allTextContents(), (t) => t[0] === regionName('RM'), 'the widget from src under the CSP');
      assert.deepEqual(await p.evaluate(() => violations), []);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test("without 'wasm-unsafe-eval' the wasm is refused (the requirement is real)", async () => {
    const { context, page: p } = await openPage();
    try {
      await violations(p);
      await p.goto(`${server.url}/no-wasm.html`);
      const v = await until(() => p.evaluate(() => violations), (x) => x.length > 0, 'a CSP violation');
      assert.ok(v.includes('script-src'), JSON.stringify(v));
      assert.equal(await p.locator('#s .sk-widget').count(), 0);
    } finally {
      await context.close();
    }
  });
});
