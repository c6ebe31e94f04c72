// The inline build's text pasted into a <script> block (no `src`), in a page that has no
// address to resolve anything against (about:blank, as page.setContent gives): the element
// is defined and draws the built-in data, and the inline build's defaultData/schema are
// Promises. Before 14: "Failed to construct 'URL': Invalid URL", and no element.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../e2e/chromium.mjs';
import { ROOT, until, watchProblems } from '../e2e/harness.mjs';

const INLINE = join(ROOT, 'pkg/inline/sundhedsklynger.js');
let browser;

before(async () => {
  assert.ok(existsSync(INLINE), `${INLINE} missing: run 'make package' first`);
  browser = await launchChromium();
});
after(async () => browser?.close());

test('the inline build pasted into a <script> block defines the element and draws', { timeout: 60_000 }, async () => {
  const text = readFileSync(INLINE, 'utf8');
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchProblems(page);
  try {
    await page.setContent(
      `<!doctype html><html lang="da"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<sundhedsklynger-diagram id="w" shadow="open" dataset="klynger-2022" region="RN"></sundhedsklynger-diagram>
<script>${text.replace(/<\/script/gi, '<\\/script')}</script>
</body></html>`,
    );
    assert.equal(await page.evaluate(() => location.href), 'about:blank');
    await page.waitForFunction(() => customElements.get('sundhedsklynger-diagram') !== undefined, null, { timeout: 10_000 });
    await until(() => page.locator('#w [role="treeitem"][data-node="RN"]').count(), (n) => n === 1, 'the chart', 30_000);
    const api = await page.evaluate(async () => {
      const a = await Sundhedsklynger.ready;
      const data = a.defaultData('sundhedsraad-2027');
      return { promise: data instanceof Promise, areas: (await data).areas.length, schema: typeof (await a.schema()).$schema };
    });
    assert.deepEqual(api, { promise: true, areas: 17, schema: 'string' });
    assert.deepEqual(problems, [], 'the page reported errors');
  } finally {
    await context.close();
  }
});
