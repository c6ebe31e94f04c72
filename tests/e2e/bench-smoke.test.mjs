// Smoke test of `make bench`: the bench page and its drivers still return numbers for every
// contender (our layout, d3-flextree, d3.tree, the widget, d3-org-chart, the memory cycles),
// on the smallest trees, one run each. Skipped when the bench's own npm packages
// (bench/node_modules, installed by `make bench`) or the web build (pkg/web) are missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const missing = ['bench/node_modules/d3-org-chart', 'bench/node_modules/esbuild', 'pkg/web/sundhedsklynger.js', 'pkg/index.js'].filter(
  (p) => !existsSync(join(ROOT, p)),
);
const number = (x, what) => assert.ok(typeof x === 'number' && Number.isFinite(x) && x >= 0, `${what}: ${x}`);

test('bench page: every contender returns numbers', { skip: missing.length ? `missing: ${missing.join(', ')}` : false, timeout: 120_000 }, async () => {
  const { buildAnchors, launch, openPage, serveStatic } = await import('../../bench/run.mjs');
  await buildAnchors();
  const server = await serveStatic(ROOT);
  const browser = await launch();
  try {
    const { page, check } = await openPage(browser, `${server.url}/bench/page.html`);
    const layout = await page.evaluate(() => window.bench.layoutCase(100, 12, 1));
    for (const k of ['ours', 'flextree', 'flextreeWithHierarchy', 'd3tree', 'd3treeWithStratify', 'd3treeWithHierarchy']) number(layout[k], `layout ${k}`);

    const ours = await page.evaluate(() => window.bench.widgetRun(100));
    const theirs = await page.evaluate(() => window.bench.orgChartRun(100));
    for (const [name, run] of [['widget', ours], ['d3-org-chart', theirs]]) {
      for (const step of ['firstRender', 'expandAll', 'collapseAll', 'search']) {
        number(run[step].work, `${name} ${step} work`);
        assert.ok(run[step].frame >= run[step].work, `${name} ${step}: the frame comes after the work`);
      }
      assert.equal(run.total, 100, `${name} draws the 100-node tree`);
      // Both centre the node searched for (within a pixel or two of the middle).
      assert.ok(run.centredOffset != null && run.centredOffset <= 2, `${name} centred: ${run.centredOffset}`);
    }
    assert.ok(ours.inDomExpanded > ours.inDomFirst, 'expand all shows more of our chart');
    assert.equal(theirs.inDomExpanded, 100, 'd3-org-chart draws every node when expanded');
    assert.equal(ours.hits, 'Fund 1 af 1');

    const mem = await page.evaluate(() => window.bench.cycles(2));
    number(mem.wasm, 'wasm memory');
    number(mem.jsHeap, 'JS heap');
    check();
  } finally {
    await browser.close();
    await server.close();
  }
});
