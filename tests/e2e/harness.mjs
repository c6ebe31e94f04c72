// What the end-to-end suites share: one static server on 127.0.0.1 and one headless
// Debian Chromium per file (playwright-core never downloads a browser), polling, and
// a page helper that fails a test on any page error, console error or failed request.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, launchChromium } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.SK_E2E_DIST ?? join(ROOT, 'dist');
export { CHROMIUM };
/** The structure the demo shows (its demo.json is this plus synthetic key figures). */
export const DATA = JSON.parse(readFileSync(join(ROOT, 'www/data/default.json'), 'utf8'));
export const TIMEOUT = 60_000;

/**
 * Registers the file's before/after hooks: serve `DIST` and launch Chromium once.
 * Returns `{ server, browser }`, filled in when the hooks have run.
 */
export function useBrowser() {
  const env = { server: undefined, browser: undefined };
  before(async () => {
    assert.ok(existsSync(join(DIST, 'index.html')), `${DIST}/index.html missing: run 'make dist' first`);
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} missing: run 'make tools'`);
    env.server = await serveStatic(DIST);
    // A plain launch gives Chromium a fresh, temporary user-data-dir of its own,
    // removed again by browser.close().
    env.browser = await launchChromium();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Poll `probe` until `accept(value)` holds; fail with `what` and the last value. */
export async function until(probe, accept, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  let value;
  for (;;) {
    value = await probe();
    if (accept(value)) return value;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * What goes wrong on `page`, collected as it happens: page errors, console errors (but
 * those `ignoreConsole` matches), failed requests, HTTP errors and a crash.
 */
export function watchProblems(page, ignoreConsole) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !ignoreConsole?.test(m.text())) problems.push(`console.error: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.on('crash', () => problems.push('page crashed'));
  return problems;
}

/**
 * Open the demo at `query` in a fresh browser context (`contextOptions`: viewport,
 * reduced motion …), wait for `ready` (a selector), run `body(page, context)`, then
 * fail if the page threw, logged a console error or a request failed.
 */
/** Opens every `<details>` of the page now and whenever one is added. */
export const OPEN_DETAILS = () => {
  const open = (root) => root.querySelectorAll?.('details:not([open])').forEach((d) => { d.open = true; });
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) { if (n.matches('details')) n.open = true; open(n); }
  }).observe(document, { childList: true, subtree: true });
};

export async function withPage(env, query, ready, body, contextOptions = {}) {
  const { keepCollapsed, route, ...options } = contextOptions;
  const context = await env.browser.newContext(options);
  // `route(context)`: requests held or changed before the page loads.
  if (route) await route(context);
  const page = await context.newPage();
  const problems = watchProblems(page);
  // The widget opens compact (findings groups, key figures, more tools collapsed). These
  // suites test what is inside, so every <details> is opened as it appears; the suite that
  // looks (look.test.mjs) checks the compact first view itself.
  if (!contextOptions.keepCollapsed) await page.addInitScript(OPEN_DETAILS);
  try {
    await page.goto(`${env.server.url}/${query}`);
    await page.locator(ready).first().waitFor({ timeout: 15_000 });
    // The widget draws the chart first and the sections below it a task later (aria-busy).
    await until(() => page.locator('.sk-widget[aria-busy="true"]').count(), (n) => n === 0, 'the widget drawn whole');
    await body(page, context);
    assert.deepEqual(problems, [], 'the page reported errors');
  } catch (e) {
    if (problems.length) e.message += `\npage problems:\n  ${problems.join('\n  ')}`;
    throw e;
  } finally {
    await context.close();
  }
}
