// End-to-end tests of the org chart (the widget's default view) on the demo page
// (dist/, built by `make dist`), in headless Debian Chromium driven by playwright-core,
// with real key presses and clicks: the WAI-ARIA tree-view keyboard pattern in both
// orientations, axe (WCAG 2.0/2.1 A + AA) in every state, SVG/PNG export, print,
// deep links, 320 px and reduced motion.
//
//   make dist && node --test tests/e2e/chart.test.mjs     (or SK_E2E_DIST=<dir>)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { DATA, TIMEOUT, until, useBrowser, withPage } from './harness.mjs';
import { widgetDataset } from '../../bench/trees.mjs';

const clustersOf = (regionId) => DATA.clusters.filter((c) => c.region === regionId);

const env = useBrowser();

/** Open the demo at `query` and wait for the chart's first tree item. */
const withChart = (query, body, contextOptions = {}) =>
  withPage(env, query, '#app .sk-widget .sk-chart-svg[role="tree"] [role="treeitem"]', body, contextOptions);

const tree = (page) => page.locator('.sk-chart-svg[role="tree"]');
const item = (page, id) => page.locator(`[role="treeitem"][data-node="${id}"]`);
const attr = (page, id, name) => item(page, id).getAttribute(name);
/** `data-node` of the focused element, or a description of it when it is no tree item. */
const focused = (page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    if (!a) return null;
    return a.getAttribute('role') === 'treeitem' ? a.getAttribute('data-node') : `<${a.tagName.toLowerCase()} class="${a.getAttribute('class') ?? ''}">`;
  });

/** Wait until the focused tree item is `id`, and it alone has the tab stop. */
async function expectFocus(page, id, after = '') {
  await until(() => focused(page), (f) => f === id, `focus on ${id}${after ? ` after ${after}` : ''}`);
  const stops = await page.locator('[role="treeitem"][tabindex="0"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node')));
  assert.deepEqual(stops, [id], 'exactly the focused item has tabindex="0" (roving tab stop)');
}

async function press(page, key, id) {
  await page.keyboard.press(key);
  await expectFocus(page, id, key);
}

const expectExpanded = (page, id, value, why) =>
  until(() => attr(page, id, 'aria-expanded'), (v) => v === value, `aria-expanded="${value}" on ${id} (${why})`);

/** A real mouse click on an item's own box (not on its children). */
const clickItem = (page, id) => item(page, id).locator(':scope > .sk-node-visual').click();

/** Tab from the last control before the drawing (the zoom bar's full screen) into the tree. */
async function tabIntoTree(page) {
  await page.locator('.sk-fullscreen').focus();
  await page.keyboard.press('Tab');
}

/** The visible tree items in document (= display) order. */
const itemIds = (page) =>
  page.locator('[role="treeitem"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node')));

/** The first child item of `id` in the DOM. */
const firstChild = (page, id) =>
  item(page, id).evaluate((e) => e.querySelector(':scope > [role="group"] > [role="treeitem"]')?.getAttribute('data-node') ?? null);

async function axe(page, what) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`,
  );
  assert.deepEqual(summary, [], `axe violations (${what})`);
}

// ------------------------------------------------------------------ 1. keyboard

test('keyboard: the APG tree-view keys on region RN (top-down)', { timeout: TIMEOUT }, async () => {
  const clusters = clustersOf('RN');
  const [first, second] = clusters;
  const last = clusters.at(-1);
  await withChart('?region=RN', async (page) => {
    assert.equal(await tree(page).getAttribute('aria-orientation'), null, 'a top-down tree is vertical');
    assert.ok(await tree(page).getAttribute('aria-label'), 'the tree has an accessible name');
    // One tab stop: Tab enters on one item, Tab again leaves the tree, Shift+Tab comes back.
    assert.equal(await page.locator('[role="treeitem"][tabindex="0"]').count(), 1);
    await tabIntoTree(page);
    await expectFocus(page, 'RN', 'Tab');
    await page.keyboard.press('Tab');
    const outside = await focused(page);
    assert.ok(outside === null || outside.startsWith('<'), `a second Tab stays in the tree (${outside})`);
    await page.keyboard.press('Shift+Tab');
    await expectFocus(page, 'RN', 'Shift+Tab');

    // ↓ / ↑: next and previous visible item.
    await press(page, 'ArrowDown', 'RN/ssu');
    await press(page, 'ArrowDown', first.id);
    await press(page, 'ArrowUp', 'RN/ssu');
    await press(page, 'ArrowDown', first.id);
    // The clusters start closed (their bodies would not fit readably): → opens one.
    await press(page, 'ArrowRight', first.id);
    await expectExpanded(page, first.id, 'true', '→ on a closed cluster');
    const political = `${first.id}/political`;
    await press(page, 'ArrowDown', political);
    assert.equal(await attr(page, political, 'aria-expanded'), 'false');

    // →: opens a closed parent (focus stays), then moves to its first child; nothing on a leaf.
    await press(page, 'ArrowRight', political);
    await expectExpanded(page, political, 'true', '→ on a closed parent');
    const seat = await until(() => firstChild(page, political), (c) => c !== null, `a child item of ${political}`);
    assert.ok(seat.startsWith(`${political}#`), `the first child of ${political} is a seat (${seat})`);
    assert.equal(await attr(page, seat, 'aria-level'), '4');
    assert.equal(await attr(page, seat, 'aria-posinset'), '1');
    assert.equal(await attr(page, seat, 'aria-expanded'), null, 'a seat is no parent: no aria-expanded');
    await press(page, 'ArrowRight', seat);
    await press(page, 'ArrowRight', seat);

    // ←: from a child to its parent; closes an open parent; from a closed one to its parent.
    await press(page, 'ArrowLeft', political);
    assert.equal(await attr(page, political, 'aria-expanded'), 'true', '← on a child does not close its parent');
    await press(page, 'ArrowLeft', political);
    await expectExpanded(page, political, 'false', '← on an open parent');
    assert.equal(await item(page, seat).count(), 0, 'the closed parent\'s seats left the tree');
    await press(page, 'ArrowLeft', first.id);

    // Home / End: first and last visible item (the last cluster, opened, then its last level).
    await press(page, 'End', last.id);
    await press(page, 'ArrowRight', last.id);
    await press(page, 'End', (await itemIds(page)).at(-1));
    const end = await focused(page);
    assert.ok(end.startsWith(`${last.id}/`), `End goes to a level of the last cluster ${last.id} (${end})`);
    assert.equal(await attr(page, end, 'aria-level'), '3');
    await press(page, 'Home', 'RN');

    // *: expands every sibling of the focused item, focus stays.
    await press(page, 'End', end);
    const siblings = [`${last.id}/political`, `${last.id}/professional`];
    for (const s of siblings) assert.equal(await attr(page, s, 'aria-expanded'), 'false', `${s} starts closed`);
    await press(page, '*', end);
    for (const s of siblings) await expectExpanded(page, s, 'true', '*');
    // Items far from the focus are virtualised out of the DOM; fit the chart to see them all.
    await page.locator('.sk-fit').click();
    assert.equal(await attr(page, political, 'aria-expanded'), 'false', '* opened an item that is no sibling');
    await item(page, end).focus();

    // Type-ahead: "k" moves to the next item whose name starts with K.
    await press(page, 'Home', 'RN');
    assert.ok(first.name.startsWith('K') && second.name.startsWith('K'), 'the RN cluster names start with K');
    await press(page, 'k', first.id);
    await press(page, 'k', second.id);

    // Enter selects: aria-selected, and the detail panel shows the node.
    assert.equal(await attr(page, second.id, 'aria-selected'), 'false');
    await page.keyboard.press('Enter');
    await until(() => attr(page, second.id, 'aria-selected'), (v) => v === 'true', `aria-selected on ${second.id}`);
    const selected = await page.locator('[role="treeitem"][aria-selected="true"]').evaluateAll((els) => els.map((e) => e.dataset.node));
    assert.deepEqual(selected, [second.id], 'exactly one item is selected');
    const detail = page.locator(`aside.sk-detail[data-node="${second.id}"]`);
    await detail.waitFor({ timeout: 5_000 });
    assert.ok((await detail.locator('h3').innerText()).includes(second.name), 'the detail panel is headed by the node\'s name');
    await expectFocus(page, second.id, 'Enter');
  });
});

test('keyboard: left-to-right orientation is a horizontal tree with the arrows swapped', { timeout: TIMEOUT }, async () => {
  const [first] = clustersOf('RN');
  const political = `${first.id}/political`;
  await withChart('?region=RN', async (page) => {
    await page.locator('.sk-orientation').click();
    await until(() => tree(page).getAttribute('aria-orientation'), (v) => v === 'horizontal', 'aria-orientation="horizontal"');
    assert.equal(await page.locator('.sk-orientation').getAttribute('aria-pressed'), 'true');
    await tabIntoTree(page);
    await expectFocus(page, 'RN', 'Tab');
    // → / ←: next and previous visible item.
    await press(page, 'ArrowRight', 'RN/ssu');
    await press(page, 'ArrowLeft', 'RN');
    // ↓ on an open parent: first child; ↑: back to the parent.
    await press(page, 'ArrowDown', 'RN/ssu');
    await press(page, 'ArrowUp', 'RN');
    await press(page, 'ArrowRight', 'RN/ssu');
    await press(page, 'ArrowRight', first.id);
    await press(page, 'ArrowDown', first.id);
    await expectExpanded(page, first.id, 'true', '↓ opens the closed cluster (horizontal)');
    await press(page, 'ArrowRight', political);
    // ↓ opens a closed parent, then moves in; ↑ goes back out, then closes.
    await press(page, 'ArrowDown', political);
    await expectExpanded(page, political, 'true', '↓ (horizontal)');
    const seat = await until(() => firstChild(page, political), (c) => c !== null, `a child item of ${political}`);
    await press(page, 'ArrowDown', seat);
    await press(page, 'ArrowUp', political);
    await press(page, 'ArrowUp', political);
    await expectExpanded(page, political, 'false', '↑ (horizontal)');
    await press(page, 'ArrowLeft', first.id);

    // Back to top-down: vertical again, ↓ moves to the next item.
    await page.locator('.sk-arrange-top-down').click();
    await until(() => tree(page).getAttribute('aria-orientation'), (v) => v === null, 'no aria-orientation (vertical)');
    assert.equal(await page.locator('.sk-orientation').getAttribute('aria-pressed'), 'false');
    await item(page, first.id).focus();
    await press(page, 'ArrowDown', political);
    assert.equal(await attr(page, political, 'aria-expanded'), 'false', '↓ in a vertical tree does not open');
  });
});

// ------------------------------------------------------------------ 2. axe

test('axe: no WCAG 2.0/2.1 A+AA violations: initial, expanded, search, detail panel, error', { timeout: TIMEOUT }, async () => {
  await withChart('?region=RN', async (page) => {
    await axe(page, 'initial');

    const before = await page.locator('[role="treeitem"]').count();
    await page.locator('.sk-expand-all').click();
    await until(() => page.locator('[role="treeitem"][aria-expanded="false"]').count(), (n) => n === 0, 'every parent open');
    assert.ok((await page.locator('[role="treeitem"]').count()) > before, 'expand all shows more items');
    await axe(page, 'all expanded');

    // Search with region RM.
    await page.getByRole('combobox', { name: 'Region', exact: true }).selectOption('RM');
    await until(() => page.locator('[data-cluster-id]').evaluateAll((els) => els.map((e) => e.dataset.clusterId).sort()),
      (ids) => JSON.stringify(ids) === JSON.stringify(clustersOf('RM').map((c) => c.id).sort()), 'the clusters of RM');
    await page.locator('input.sk-search-input').click();
    await page.keyboard.type('Horsens');
    const count = page.locator('.sk-hit-count');
    const shown = await until(() => count.innerText(), (t) => /^\d+ fund$/.test(t.trim()), 'a hit count');
    const hits = Number.parseInt(shown, 10);
    assert.ok(hits >= 1, `"Horsens" gives no hits in RM (${shown})`);
    await page.keyboard.press('Enter');
    await until(() => count.innerText(), (t) => t.trim() === `Fund 1 af ${hits}`, 'the first hit');
    const current = page.locator('[role="treeitem"].sk-hit-current');
    await until(() => current.count(), (n) => n === 1, 'the current hit marked');
    assert.match(await current.getAttribute('aria-label'), /Horsens/i);
    await axe(page, 'search active');

    // Detail panel of a seat, selected by a click.
    const cluster = clustersOf('RM')[0].id;
    const political = `${cluster}/political`;
    await page.locator('.sk-expand-all').click();
    const seat = await until(() => firstChild(page, political), (c) => c !== null, `a seat of ${political}`);
    await page.locator('.sk-fit').click();
    await item(page, political).focus();
    await press(page, 'ArrowRight', seat);
    await page.locator('.sk-centre').click();
    await clickItem(page, seat);
    await until(() => attr(page, seat, 'aria-selected'), (v) => v === 'true', `${seat} selected by a click`);
    await page.locator(`aside.sk-detail[data-node="${seat}"]`).waitFor({ timeout: 5_000 });
    await axe(page, 'detail panel open');

    // Data that are no JSON: a json-syntax finding, the page around the widget intact.
    const h1 = await page.locator('main h1').innerText();
    await page.evaluate(() => window.sk.update({ data: '{ not json' }));
    const finding = page.locator('section[data-testid="findings"] li[data-code="json-syntax"]');
    await finding.waitFor({ timeout: 5_000 });
    assert.equal(await page.locator('main h1').innerText(), h1, 'the host page heading changed');
    assert.equal(await page.locator('main #app .sk-widget').count(), 1);
    await axe(page, 'error shown');
    await page.evaluate(() => window.sk.update({ data: null }));
    await until(() => finding.count(), (n) => n === 0, 'the json-syntax finding to go');
    await page.locator('[role="treeitem"][data-cluster-id]').first().waitFor({ timeout: 5_000 });
    // The restored chart still works.
    await page.locator('.sk-expand-all').click();
    await until(() => page.locator('[role="treeitem"][aria-expanded="false"]').count(), (n) => n === 0, 'expand all after the error');
  });
});

test('axe: no violations in English and in the dark theme', { timeout: TIMEOUT }, async () => {
  await withChart('?region=RN&lang=en', async (page) => {
    assert.equal(await page.locator('.sk-widget').getAttribute('lang'), 'en');
    assert.match(await tree(page).getAttribute('aria-label'), /^Organisation chart/);
    await axe(page, 'English');
    await page.evaluate(() => window.sk.update({ theme: 'dark' }));
    await until(() => page.locator('.sk-widget').getAttribute('class'), (c) => /\bsk-theme-dark\b/.test(c), 'the dark theme class');
    await page.locator('.sk-expand-all').click();
    await axe(page, 'English, dark, expanded');
  });
});

// ------------------------------------------------------------------ 3. export

test('export: the SVG download is an SVG document with the region\'s clusters', { timeout: TIMEOUT }, async () => {
  await withChart('?region=RN', async (page) => {
    const message = page.locator('.sk-export-message');
    const download = page.waitForEvent('download', { timeout: 10_000 });
    await page.locator('.sk-export-svg').click();
    const file = await download.catch(async (e) => assert.fail(`no SVG download (${e.message}); .sk-export-message: "${await message.innerText()}"`));
    assert.match(file.suggestedFilename(), /\.svg$/);
    const svg = readFileSync(await file.path(), 'utf8');
    assert.match(svg, /<svg[\s>]/);
    assert.match(svg, /<\/svg>\s*$/);
    for (const c of clustersOf('RN')) assert.ok(svg.includes(c.name), `the SVG lacks the cluster name ${c.name}`);
    // It parses as an SVG document (in a blank page: the demo's CSP, style-src 'self',
    // would log the file's own <style> as a violation of the page).
    const blank = await page.context().newPage();
    const parsed = await blank.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { root: doc.documentElement.localName, ns: doc.documentElement.namespaceURI, error: doc.querySelector('parsererror')?.textContent ?? null };
    }, svg);
    await blank.close();
    assert.deepEqual(parsed, { root: 'svg', ns: 'http://www.w3.org/2000/svg', error: null });
    assert.equal((await message.innerText()).trim(), '', 'an export message is shown');
  });
});

test(
  'export: the PNG download is a PNG',
  { timeout: TIMEOUT },
  async () => {
    await withChart('?region=RN', async (page) => {
      const message = page.locator('.sk-export-message');
      const download = page.waitForEvent('download', { timeout: 5_000 });
      await page.locator('.sk-export-png').click();
      const file = await download.catch(async (e) => assert.fail(`no PNG download (${e.message.split('\n')[0]}); .sk-export-message: "${await message.innerText()}"`));
      assert.match(file.suggestedFilename(), /\.png$/);
      const png = readFileSync(await file.path());
      assert.ok(png.length > 100, `the PNG has ${png.length} bytes`);
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
      assert.equal((await message.innerText()).trim(), '', 'an export message is shown');
    });
  },
);

// ------------------------------------------------------------------ 4. print

test('print: the toolbar is hidden and the chart shown', { timeout: TIMEOUT }, async () => {
  await withChart('?region=RN', async (page) => {
    assert.ok(await page.locator('.sk-toolbar').isVisible(), 'the toolbar is visible on screen');
    await page.emulateMedia({ media: 'print' });
    await until(() => page.locator('.sk-toolbar').isVisible(), (v) => !v, 'the toolbar hidden in print');
    assert.ok(await tree(page).isVisible(), 'the chart is not visible in print');
    const box = await tree(page).boundingBox();
    assert.ok(box && box.width > 100 && box.height > 100, `the chart has no size in print (${JSON.stringify(box)})`);
    for (const c of clustersOf('RN')) assert.ok(await item(page, c.id).isVisible(), `cluster ${c.id} is not visible in print`);
    await page.emulateMedia({ media: 'screen' });
    await until(() => page.locator('.sk-toolbar').isVisible(), (v) => v, 'the toolbar back on screen');
  });
});

// ------------------------------------------------------------------ 5. deep link

test('deep link: off by default; with deepLink the selection is in the hash and survives a reload', { timeout: TIMEOUT }, async () => {
  const [, cluster] = clustersOf('RN');
  await withChart('?region=RN', async (page) => {
    // Off by default: selecting does not touch the URL.
    await clickItem(page, cluster.id);
    await until(() => attr(page, cluster.id, 'aria-selected'), (v) => v === 'true', 'selected by a click');
    assert.equal(await page.evaluate(() => location.hash), '', 'selecting changed the hash without deepLink');

    // On: the selection goes to #sk-node=<id>.
    await page.evaluate(() => window.sk.update({ deepLink: true }));
    await item(page, 'RN/ssu').focus();
    await page.keyboard.press('Enter');
    await until(() => page.evaluate(() => location.hash), (h) => h === `#sk-node=${encodeURIComponent('RN/ssu')}`, 'the hash of RN/ssu');
    await clickItem(page, cluster.id);
    await until(() => page.evaluate(() => location.hash), (h) => h === `#sk-node=${encodeURIComponent(cluster.id)}`, `the hash of ${cluster.id}`);
    const url = page.url();
    assert.ok(url.includes('sk-node='));

    // Reload with that hash and mount with deepLink: the same node is selected.
    await page.reload();
    await page.locator('#app .sk-widget [role="treeitem"]').first().waitFor({ timeout: 15_000 });
    assert.equal(page.url(), url);
    await page.evaluate(async () => {
      const { mount } = await import(new URL('pkg/index.js', location.href).href);
      const app = document.getElementById('app');
      window.sk.destroy();
      window.sk = mount(app, { region: new URLSearchParams(location.search).get('region'), deepLink: true });
    });
    await until(() => attr(page, cluster.id, 'aria-selected'), (v) => v === 'true', `${cluster.id} selected from the hash`);
    await page.locator(`aside.sk-detail[data-node="${cluster.id}"]`).waitFor({ timeout: 5_000 });
    const selected = await page.locator('[role="treeitem"][aria-selected="true"]').evaluateAll((els) => els.map((e) => e.dataset.node));
    assert.deepEqual(selected, [cluster.id]);
  });
});

// ------------------------------------------------------------------ 6. the overview

/**
 * A box of the overview well inside the drawing: its world rectangle (from the path data)
 * and its centre on screen (through the viewport group's transform).
 */
const overviewBox = (page, selector) =>
  page.evaluate((selector) => {
    const svg = document.querySelector('.sk-chart-svg');
    const m = svg.querySelector('g.sk-viewport').getScreenCTM();
    const r = svg.getBoundingClientRect();
    for (const path of svg.querySelectorAll(selector)) {
      for (const [, x, y, w, h] of path.getAttribute('d').matchAll(/M(-?[\d.]+) (-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)/g)) {
        const [cx, cy] = [Number(x) + Number(w) / 2, Number(y) + Number(h) / 2];
        const [sx, sy] = [m.a * cx + m.c * cy + m.e, m.b * cx + m.d * cy + m.f];
        if (sx > r.left + 60 && sx < r.right - 60 && sy > r.top + 4 && sy < r.bottom - 4) {
          return { x: Number(x), y: Number(y), w: Number(w), h: Number(h), sx, sy };
        }
      }
    }
    return null;
  }, selector);

test('overview: thousands of seats zoomed out are boxes without text; keyboard, click-to-zoom and axe work', { timeout: TIMEOUT }, async () => {
  // bench/trees.mjs: region R1, 45 clusters, 6,000 chart nodes; seats in one row per body.
  const data = widgetDataset(6_000);
  await withChart(
    '?region=RN',
    async (page) => {
      await page.evaluate((d) => window.sk.update({ data: d, region: 'R1' }), data);
      await item(page, 'R1').waitFor({ timeout: 15_000 });
      const svg = tree(page);
      const hint = page.locator('.sk-chart-frame .sk-overview-hint[role="status"]');
      assert.equal(await svg.getAttribute('data-overview'), null, 'the collapsed chart (bodies closed) is drawn in full');
      assert.equal((await hint.innerText()).trim(), '', 'no hint without the overview');

      // Expand all, then zoom out (fit stops at the readable size; the overview is a choice).
      await page.locator('.sk-expand-all').click();
      for (let i = 0; i < 14; i++) await page.locator('.sk-zoom-out').click();
      await until(() => svg.getAttribute('data-overview'), (v) => v === 'true', 'data-overview="true" after expand all and zooming out');
      const items = await page.locator('[role="treeitem"]').count();
      assert.ok(items >= 1 && items < 50, `${items} tree items in the DOM in the overview`);
      assert.equal(await svg.getAttribute('data-nodes-in-dom'), String(items), 'data-nodes-in-dom counts the tree items');
      assert.equal(await page.locator('[role="treeitem"][tabindex="0"]').count(), 1, 'the tab stop is a real tree item');
      const boxes = await page.locator('path.sk-overview').evaluateAll((ps) => ps.map((p) => Number(p.dataset.boxes)));
      assert.ok(boxes.length >= 2, `one path per box style (${boxes.length})`);
      const drawn = boxes.reduce((a, b) => a + b, 0);
      assert.ok(drawn > 150, `the overview holds the boxes near the screen (${drawn})`);
      assert.equal(await page.locator('.sk-overview-boxes').getAttribute('aria-hidden'), 'true');
      assert.equal(await page.locator('.sk-overview-boxes text').count(), 0, 'no text in the overview');
      assert.equal(await page.locator('.sk-links path').count(), 1, 'all links are one path');
      assert.equal((await hint.innerText()).trim(), 'Zoom ind for at læse navnene. Klik på et felt for at zoome ind på det.');
      assert.equal(await hint.getAttribute('aria-live'), 'polite');
      assert.equal(await page.locator('path.sk-overview').first().evaluate((p) => getComputedStyle(p).cursor), 'zoom-in');
      await page.evaluate(() => window.sk.update({ lang: 'en' }));
      await until(() => hint.innerText(), (t) => t.trim() === 'Zoom in to read the names. Click a box to zoom in on it.', 'the English hint');
      await page.evaluate(() => window.sk.update({ lang: 'da' }));
      await axe(page, 'overview');

      // Search hits in the overview are outlined boxes ("Person 12…" names 111 seats).
      await page.locator('input.sk-search-input').fill('Person 12');
      const outlined = () => page.locator('path.sk-overview-hits').evaluateAll((ps) => ps.map((p) => p.getAttribute('d').split('M').length - 1));
      await until(outlined, (n) => n.length === 1 && n[0] >= 1, 'hit outlines in the overview');
      await page.locator('input.sk-search-input').fill('');
      await until(outlined, (n) => n.length === 0, 'no hit outlines without a search');

      // Forced colours: the boxes are drawn in the system colours, outline and fill apart.
      await page.emulateMedia({ forcedColors: 'active' });
      const colours = await page.locator('path.sk-overview.sk-kind-seat').first().evaluate((p) => {
        const probe = document.createElement('span');
        probe.style.color = 'CanvasText';
        probe.style.backgroundColor = 'Canvas';
        p.closest('.sk-widget').append(probe);
        const c = getComputedStyle(probe);
        const out = { fill: getComputedStyle(p).fill, stroke: getComputedStyle(p).stroke, canvas: c.backgroundColor, text: c.color };
        probe.remove();
        return out;
      });
      assert.deepEqual([colours.fill, colours.stroke], [colours.canvas, colours.text], `overview boxes in forced colours ${JSON.stringify(colours)}`);
      await page.emulateMedia({ forcedColors: 'none' });

      // The keyboard goes on as before: ↓ from the tab stop moves to the next real tree item.
      await item(page, 'R1').focus();
      await press(page, 'ArrowDown', 'R1/ssu');
      assert.equal(await attr(page, 'R1/ssu', 'aria-level'), '2');
      // The focused item is brought into view at a readable size: the overview is left.
      await until(() => svg.getAttribute('data-overview'), (v) => v === null, 'the overview left after ↓ (the focus is shown readable)');
      assert.match(await page.locator('g.sk-viewport').getAttribute('transform'), /scale\(1\)$/, '100 % after ↓');
      for (let i = 0; i < 14; i++) await page.locator('.sk-zoom-out').click();
      await until(() => svg.getAttribute('data-overview'), (v) => v === 'true', 'the overview again after zooming out');

      // A click on a seat's box selects that seat and zooms in on it: tree items again.
      const box = await overviewBox(page, 'path.sk-overview.sk-kind-seat');
      assert.ok(box, 'a seat box on screen');
      await page.mouse.click(box.sx, box.sy);
      await until(() => svg.getAttribute('data-overview'), (v) => v === null, 'the overview gone after a click on it');
      const selected = page.locator('[role="treeitem"][aria-selected="true"]');
      assert.equal(await selected.count(), 1, 'one item selected by the click');
      const id = await selected.getAttribute('data-node');
      assert.ok(id.startsWith('R1-K') || id.startsWith('R1/ssu#'), `a seat is selected (${id})`);
      const [tx, ty] = (await selected.locator(':scope > .sk-node-visual').getAttribute('transform')).match(/-?[\d.]+/g).map(Number);
      assert.ok(Math.abs(tx - box.x) <= 0.1 && Math.abs(ty - box.y) <= 0.1, `the selected box (${tx}, ${ty}) is the one clicked (${box.x}, ${box.y})`);
      assert.match(await page.locator('g.sk-viewport').getAttribute('transform'), /scale\(1\)$/, 'zoomed to 100 %');
      await page.locator(`aside.sk-detail[data-node="${id}"]`).waitFor({ timeout: 5_000 });
      assert.ok((await page.locator('[role="treeitem"]').count()) > items, 'full tree items around the selection');
      assert.ok((await selected.locator('text').count()) > 0, 'the selected item has its text');
      assert.equal((await hint.innerText()).trim(), '', 'the hint goes with the overview');
      await expectFocus(page, id, 'the click on the overview');
      const next = await page.keyboard.press('ArrowDown').then(() => until(() => focused(page), (f) => f !== id, 'focus to move on ↓'));
      assert.ok(!next.startsWith('<'), `↓ moves to a tree item (${next})`);
    },
    { viewport: { width: 1600, height: 900 } },
  );
});

// ------------------------------------------------------------------ 7. 320 px, reduced motion

test(
  'the demo page at 320 px has no horizontal scroll',
  { timeout: TIMEOUT },
  async () => {
    await withChart(
      '?region=RN',
      async (page) => {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 320, `horizontal scroll at 320 px (scrollWidth ${width})`);
      },
      { viewport: { width: 320, height: 640 } },
    );
  },
);

test('320 px wide with reduced motion: the widget fits, the toolbar wraps, the chart works', { timeout: TIMEOUT }, async () => {
  const [first] = clustersOf('RN');
  await withChart(
    '?region=RN',
    async (page) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      assert.equal(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true);
      // Nothing in the widget sticks out of it (wide tables scroll in their own box).
      const fits = () =>
        page.locator('.sk-widget').evaluate((w) => ({ scroll: w.scrollWidth, client: w.clientWidth, right: w.getBoundingClientRect().right }));
      const check = async (when) => {
        const f = await fits();
        assert.ok(f.scroll <= f.client && f.right <= 320, `the widget is wider than 320 px ${when} (${JSON.stringify(f)})`);
      };
      await check('at start');
      // The first row of tools wraps onto more than one line, inside the viewport.
      const rows = await page.locator('.sk-toolbar .sk-tool-row').first().evaluate((row) => {
        const tops = new Set();
        let right = 0;
        for (const el of row.querySelectorAll('button, output')) {
          const r = el.getBoundingClientRect();
          tops.add(Math.round(r.top));
          right = Math.max(right, r.right);
        }
        return { lines: tops.size, right };
      });
      assert.ok(rows.lines > 1, `the toolbar does not wrap (${JSON.stringify(rows)})`);
      assert.ok(rows.right <= 320, `a tool sticks out (${JSON.stringify(rows)})`);

      // Everything still works: zoom, expand and collapse all, keyboard, selection.
      const viewport = page.locator('g.sk-viewport');
      const t0 = await viewport.getAttribute('transform');
      await page.locator('.sk-zoom-in').click();
      await until(() => viewport.getAttribute('transform'), (t) => t !== t0, 'zoom in to change the transform');
      await page.locator('.sk-expand-all').click();
      await until(() => page.locator('[role="treeitem"][aria-expanded="false"]').count(), (n) => n === 0, 'every parent open');
      await page.locator('.sk-collapse-all').click();
      await until(() => page.locator('[role="treeitem"]').count(), (n) => n === 1, 'only the root after collapse all');
      await tabIntoTree(page);
      await expectFocus(page, 'RN', 'Tab');
      await press(page, 'ArrowRight', 'RN');
      await expectExpanded(page, 'RN', 'true', '→');
      await press(page, 'ArrowDown', 'RN/ssu');
      await press(page, 'ArrowDown', first.id);
      await page.keyboard.press('Enter');
      await page.locator(`aside.sk-detail[data-node="${first.id}"]`).waitFor({ timeout: 5_000 });
      await check('with the detail panel open');
    },
    { viewport: { width: 320, height: 640 } },
  );
});
