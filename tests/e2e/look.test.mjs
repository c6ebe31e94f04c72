// Tests that look: what a person sees of the demo's chart at 320, 390, 768, 1280 and 1920 CSS
// px — the on-screen size of the text in view (font size × the drawing's scale), how many
// tree items are in view, and how much of the drawing area the chart covers, at first view
// and after each control; the page scrolls under a plain wheel and the chart zooms under
// Ctrl + wheel; axe in the new states. Every state is written as a screenshot to
// target/look/ (not committed) for a person to open. `LOOK_REPORT=1` prints the figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { ROOT, TIMEOUT, until, useBrowser, withPage } from './harness.mjs';

const env = useBrowser();
const OUT = join(ROOT, 'target', 'look');
mkdirSync(OUT, { recursive: true });
const WIDTHS = [320, 390, 768, 1280, 1920];
const READABLE = 12; // CSS px on screen
// Tree items in the page's first viewport (the region, its SSU, the first cluster …); on the
// smallest phone (320 px) the demo's own heading and the header's controls leave room for one.
const firstViewportItems = (width) => (width >= 390 ? 3 : 1);
const report = [];
const shot = (page, name) => page.screenshot({ path: join(OUT, `${name}.png`) });

/** Text of the chart's tree items that is in the viewport: smallest and median on-screen size. */
const measure = (page) =>
  page.evaluate(() => {
    const svg = document.querySelector('.sk-chart-svg[role="tree"]');
    const frame = svg.getBoundingClientRect();
    const sizes = [];
    const items = new Set();
    for (const t of svg.querySelectorAll('[role="treeitem"] text')) {
      const r = t.getBoundingClientRect();
      const inView = r.width > 0 && r.bottom > Math.max(0, frame.top) && r.top < Math.min(innerHeight, frame.bottom) && r.right > frame.left && r.left < frame.right;
      if (!inView || !t.textContent.trim()) continue;
      const scale = t.getScreenCTM().a;
      sizes.push(parseFloat(getComputedStyle(t).fontSize) * scale);
      items.add(t.closest('[role="treeitem"]').dataset.node);
    }
    sizes.sort((a, b) => a - b);
    // The share of the drawing area covered by boxes and cards (clipped to it).
    let covered = 0;
    for (const b of svg.querySelectorAll('.sk-node-visual > .sk-node-box, .sk-card')) {
      const r = b.getBoundingClientRect();
      const w = Math.max(0, Math.min(r.right, frame.right) - Math.max(r.left, frame.left));
      const h = Math.max(0, Math.min(r.bottom, frame.bottom) - Math.max(r.top, frame.top));
      covered += w * h;
    }
    return {
      items: items.size,
      min: sizes[0] ?? 0,
      median: sizes[sizes.length >> 1] ?? 0,
      cover: covered / (frame.width * frame.height),
      scrollY: scrollY,
      transform: svg.querySelector('g.sk-viewport').getAttribute('transform'),
    };
  });

async function axe(page, what) {
  const result = await new AxeBuilder({ page }).include('.sk-widget').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
  assert.deepEqual(summary, [], `axe violations (${what})`);
}

for (const width of WIDTHS) {
  test(`look at ${width} px: readable first view, never lost, page scrolls, chart zooms with Ctrl`, { timeout: TIMEOUT * 2 }, async () => {
    await withPage(
      env,
      '?region=RH',
      '#app .sk-widget .sk-chart-svg[role="tree"] [role="treeitem"]',
      async (page) => {
        const shot = (state) => page.screenshot({ path: join(OUT, `${width}-${state}.png`) });
        const state = async (name, { readable = true } = {}) => {
          await page.waitForTimeout(120);
          const m = await measure(page);
          report.push({ width, state: name, ...m });
          await shot(name);
          assert.ok(m.items >= 1, `${width} px, ${name}: at least one tree item in view (${JSON.stringify(m)})`);
          if (readable) assert.ok(m.min >= READABLE - 0.01, `${width} px, ${name}: text ${m.min.toFixed(1)} px on screen, below ${READABLE}`);
          return m;
        };
        // The first viewport, before any scrolling: the chart leads the page (issue 13, §5).
        const opening = await state('first-viewport');
        assert.equal(opening.scrollY, 0);
        assert.ok(opening.items >= firstViewportItems(width), `${width} px: ${opening.items} tree items readable in the first viewport, at least ${firstViewportItems(width)}`);
        await page.locator('.sk-chart-svg').scrollIntoViewIfNeeded();
        const first = await state('first-view');
        assert.ok(first.cover > 0.15, `${width} px: the chart covers ${(first.cover * 100).toFixed(0)} % of its drawing area at first view`);
        assert.ok(await page.locator('[role="treeitem"][data-node="RH"]').isVisible(), 'the region is in view');

        await page.locator('.sk-expand-all').click();
        await state('expand-all');
        await axe(page, `${width} px, seat cards`);
        for (let i = 0; i < 5; i++) await page.locator('.sk-zoom-in').click();
        await state('zoom-in-5');
        if (width >= 768) {
          assert.ok(await page.locator('.sk-minimap').isVisible(), 'the minimap shows when the drawing is larger than the view');
          await axe(page, `${width} px, minimap`);
        }
        for (let i = 0; i < 5; i++) await page.locator('.sk-zoom-out').click();
        await state('zoom-out-5');
        for (let i = 0; i < 5; i++) await page.locator('.sk-zoom-out').click();
        await state('zoom-out-10', { readable: false });
        await page.locator('.sk-fit').click();
        await state('fit');

        // The keyboard: into the tree and down three items; the focus is in view, readable.
        await page.locator('.sk-fullscreen').focus();
        await page.keyboard.press('Tab');
        for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
        const focused = await page.evaluate(() => document.activeElement?.dataset?.node ?? null);
        assert.ok(focused, 'the focus is on a tree item');
        await state('keyboard');
        const crumbs = await page.locator('.sk-breadcrumbs li').count();
        assert.ok(crumbs >= 2, `the breadcrumbs show the focused item's path (${crumbs})`);
        await axe(page, `${width} px, breadcrumbs`);

        // Search: "next" centres the hit, readable. Folded first, so that the hit is
        // revealed and the drawing area grows under it.
        await page.locator('.sk-collapse-all').click();
        await page.locator('.sk-search-input').fill('borgmester');
        await page.locator('.sk-search-input').press('Enter');
        await until(() => page.locator('.sk-hit-current').count(), (n) => n === 1, 'a current hit');
        const hit = await page.locator('.sk-hit-current').boundingBox();
        const frame = await page.locator('.sk-chart-svg').boundingBox();
        assert.ok(hit && hit.x + hit.width > frame.x && hit.x < frame.x + frame.width && hit.y + hit.height > frame.y && hit.y < frame.y + frame.height, 'the hit is in the drawing area');
        // In the middle of it, also when revealing the hit made the drawing area taller.
        const hitBox = await page.locator('.sk-hit-current .sk-node-box').first().boundingBox();
        const off = Math.hypot(hitBox.x + hitBox.width / 2 - (frame.x + frame.width / 2), hitBox.y + hitBox.height / 2 - (frame.y + frame.height / 2));
        assert.ok(off <= 3, `${width} px: the hit's box is ${off.toFixed(0)} px from the drawing area's centre`);
        await state('search');

        // A selection: the detail panel beside the chart only where there is room.
        await page.locator('.sk-hit-current').press('Enter');
        await page.locator('.sk-chart-body.sk-has-selection aside.sk-detail').waitFor({ timeout: 5_000 });
        await shot('selected');
        await axe(page, `${width} px, detail panel`);

        // Cooperative gestures: a plain wheel scrolls the page, Ctrl + wheel zooms the chart.
        await page.evaluate(() => document.querySelector('.sk-chart-svg').scrollIntoView({ block: 'start' }));
        await page.evaluate(() => scrollBy(0, -40));
        const box = await page.locator('.sk-chart-svg').boundingBox();
        await page.mouse.move(box.x + box.width / 2, Math.max(box.y, 0) + 60);
        const before = await measure(page);
        await page.mouse.wheel(0, 300);
        await until(() => page.evaluate(() => scrollY), (y) => y !== before.scrollY, 'the page to scroll under a plain wheel');
        const afterWheel = await measure(page);
        assert.equal(afterWheel.transform, before.transform, 'a plain wheel does not zoom the chart');
        assert.ok(await page.locator('.sk-gesture-hint').isVisible(), 'the hint says how to zoom');
        await shot('wheel-hint');
        const moved = await page.locator('.sk-chart-svg').boundingBox();
        const vh = page.viewportSize().height;
        await page.mouse.move(moved.x + moved.width / 2, Math.min(Math.max(moved.y + 20, 5), vh - 5, moved.y + moved.height - 5));
        const scrolled = await page.evaluate(() => scrollY);
        await page.keyboard.down('Control');
        await page.mouse.wheel(0, -200);
        await page.keyboard.up('Control');
        await until(() => measure(page).then((m) => m.transform), (t) => t !== afterWheel.transform, 'Ctrl + wheel to zoom the chart');
        assert.equal(await page.evaluate(() => scrollY), scrolled, 'Ctrl + wheel does not scroll the page');
      },
      { viewport: { width, height: width < 768 ? 844 : 800 }, keepCollapsed: true },
    );
  });
}

test('look: the figures', () => {
  if (process.env.LOOK_REPORT) {
    for (const r of report) console.log(`${r.width}\t${r.state}\titems ${r.items}\tmin ${r.min.toFixed(1)} px\tmedian ${r.median.toFixed(1)} px\tcover ${(r.cover * 100).toFixed(0)} %`);
  }
  assert.equal(new Set(report.map((r) => r.width)).size, WIDTHS.length, 'every width was measured');
});

test('full screen: the button enters and leaves it; there the plain wheel zooms the chart', { timeout: TIMEOUT }, async () => {
  await withPage(
    env,
    '?region=RH',
    '#app .sk-widget .sk-chart-svg[role="tree"] [role="treeitem"]',
    async (page) => {
      await page.locator('.sk-fullscreen').click();
      await until(() => page.evaluate(() => document.fullscreenElement?.classList.contains('sk-chart') ?? false), (v) => v, 'the chart full screen');
      await until(() => page.locator('.sk-fullscreen').getAttribute('aria-pressed'), (v) => v === 'true', 'the button pressed');
      await shot(page, 'fullscreen');
      const before = await measure(page);
      const box = await page.locator('.sk-chart-svg').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -200);
      await until(() => measure(page).then((m) => m.transform), (t) => t !== before.transform, 'a plain wheel zooms in full screen');
      await page.locator('.sk-fullscreen').click();
      await until(() => page.evaluate(() => document.fullscreenElement === null), (v) => v, 'full screen left');
      await until(() => page.locator('.sk-fullscreen').getAttribute('aria-pressed'), (v) => v === 'false', 'the button released');
    },
    { viewport: { width: 1280, height: 800 }, keepCollapsed: true },
  );
});

test('touch: one finger scrolls the page and leaves the chart; two fingers pinch-zoom it', { timeout: TIMEOUT }, async () => {
  await withPage(
    env,
    '?region=RH',
    '#app .sk-widget .sk-chart-svg[role="tree"] [role="treeitem"]',
    async (page) => {
      const cdp = await page.context().newCDPSession(page);
      const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
      await page.evaluate(() => document.querySelector('.sk-chart-svg').scrollIntoView({ block: 'center' }));
      const box = await page.locator('.sk-chart-svg').boundingBox();
      const [cx, cy] = [box.x + box.width / 2, Math.min(box.y + box.height / 2, 600)];
      // Two fingers apart: the chart zooms in, the page stays.
      const start = await measure(page);
      await touch('touchStart', [[cx - 30, cy], [cx + 30, cy]]);
      for (let i = 1; i <= 6; i++) await touch('touchMove', [[cx - 30 - 12 * i, cy], [cx + 30 + 12 * i, cy]]);
      await touch('touchEnd', []);
      const pinched = await until(() => measure(page), (m) => m.transform !== start.transform, 'two fingers to zoom the chart');
      const scale = (t) => Number(t.match(/scale\(([-\d.]+)\)/)[1]);
      assert.ok(scale(pinched.transform) > scale(start.transform), `pinching out zooms in (${start.transform} → ${pinched.transform})`);
      // One finger up: the page scrolls, the chart does not move.
      const y0 = await page.evaluate(() => scrollY);
      await touch('touchStart', [[cx, cy + 100]]);
      for (let i = 1; i <= 8; i++) await touch('touchMove', [[cx, cy + 100 - 25 * i]]);
      await touch('touchEnd', []);
      await until(() => page.evaluate(() => scrollY), (y) => y > y0, 'one finger to scroll the page');
      assert.equal((await measure(page)).transform, pinched.transform, 'one finger does not pan the chart');
    },
    { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, keepCollapsed: true },
  );
});
