// <sundhedsklynger-diagram loading="lazy"> below the fold: nothing of the widget — neither
// the .wasm nor a data set — is requested until it is scrolled near; then two elements
// share one fetch and compilation of the .wasm and one fetch of the data set they show,
// each shows a placeholder and reserves its height until drawn, and a bad `loading` value
// is an invalid-option finding naming `loading`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, TIMEOUT, until, watchProblems } from './harness.mjs';
import { launchChromium } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';

let dir;
let server;
let browser;

const filler = (n) => Array.from({ length: n }, (_, i) => `<p>Afsnit ${i + 1}: tekst på siden, før widgetten.</p>`).join('\n');

before(async () => {
  assert.ok(existsSync(join(DIST, 'pkg/element.js')), `${DIST}/pkg/element.js missing: run 'make dist'`);
  dir = mkdtempSync(join(tmpdir(), 'sk-lazy-'));
  cpSync(join(DIST, 'pkg'), join(dir, 'pkg'), { recursive: true });
  writeFileSync(
    join(dir, 'lazy.html'),
    `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>lazy</title><link rel="icon" href="data:,">
<script type="module" src="pkg/element.js"></script>
<style>body{font:16px/1.5 sans-serif;margin:0 1rem}</style></head><body>
${filler(120)}
<sundhedsklynger-diagram id="a" loading="lazy" shadow="open" region="RN"></sundhedsklynger-diagram>
<sundhedsklynger-diagram id="b" loading="lazy" shadow="open" region="RM"></sundhedsklynger-diagram>
<p id="below">Tekst under widgetten.</p>
</body></html>`,
  );
  writeFileSync(
    join(dir, 'bad.html'),
    `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>bad loading</title><link rel="icon" href="data:,">
<script type="module" src="pkg/element.js"></script></head><body>
<sundhedsklynger-diagram id="c" loading="sometimes" shadow="open"></sundhedsklynger-diagram>
</body></html>`,
  );
  server = await serveStatic(dir);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const widgetFiles = (urls) => urls.filter((u) => /\.wasm$|\/data\/[^/]+\.json$/.test(u));

test('loading="lazy" below the fold requests no .wasm and no data set until scrolled to; then one of each for two elements', { timeout: TIMEOUT }, async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  try {
    await page.goto(`${server.url}/lazy.html`);
    await page.waitForFunction(() => customElements.get('sundhedsklynger-diagram') !== undefined);
    // Time enough for an eager element to have fetched and drawn everything.
    await page.waitForTimeout(1500);
    assert.deepEqual(widgetFiles(requests), [], 'requested before the element came near the viewport');
    // Placeholder and reserved height while it waits.
    const waiting = await page.evaluate(() => {
      const el = document.getElementById('a');
      return {
        text: el.shadowRoot.querySelector('.sk-placeholder')?.textContent ?? null,
        height: el.getBoundingClientRect().height,
        drawn: el.hasAttribute('data-sk-drawn'),
      };
    });
    assert.match(waiting.text ?? '', /Indlæser diagram …/);
    assert.ok(waiting.height >= 600, `reserved height ${waiting.height}`);
    assert.equal(waiting.drawn, false);

    await page.evaluate(() => document.getElementById('a').scrollIntoView());
    await until(
      () => page.evaluate(() => ['a', 'b'].map((id) => document.getElementById(id).hasAttribute('data-sk-drawn'))),
      (d) => d.every(Boolean),
      'both elements drawn',
      30_000,
    );
    await until(
      () => page.locator('#a [role="treeitem"][data-node="RN"]').count(),
      (n) => n === 1,
      'the chart of the first element',
      15_000,
    );
    const files = widgetFiles(requests);
    assert.equal(files.filter((f) => f.endsWith('.wasm')).length, 1, `one fetch of the .wasm: ${files}`);
    for (const f of new Set(files)) assert.equal(files.filter((g) => g === f).length, 1, `${f} fetched once: ${files}`);
    assert.ok(files.some((f) => /\/data\/.+\.json$/.test(f)), `a data set fetched: ${files}`);
    assert.equal(await page.locator('#a .sk-placeholder').count(), 0, 'the placeholder is gone');
    // Nothing shows above the drawn widget: the hidden status line takes no room (its
    // `all: initial; display: block` once showed it as an empty grey bar, 16 px high).
    const gap = await page.evaluate(() => {
      const el = document.getElementById('a');
      return el.shadowRoot.querySelector('.sk-widget').getBoundingClientRect().top - el.getBoundingClientRect().top;
    });
    assert.ok(Math.abs(gap) < 1, `the widget starts ${gap} px below the element's top`);
    assert.deepEqual(problems, [], 'the page reported errors');
  } finally {
    await context.close();
  }
});

test('a bad loading value is an invalid-option finding naming `loading`, and the widget loads', { timeout: TIMEOUT }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchProblems(page);
  try {
    await page.goto(`${server.url}/bad.html`);
    const finding = page.locator('#c .sk-finding[data-code="invalid-option"]');
    await finding.first().waitFor({ timeout: 30_000 });
    assert.match(await finding.first().textContent(), /"loading"/);
    assert.deepEqual(problems, [], 'the page reported errors');
  } finally {
    await context.close();
  }
});
