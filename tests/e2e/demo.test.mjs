// End-to-end tests of the demo page (dist/, built by `make dist`) in headless
// Debian Chromium, driven by playwright-core (which never downloads a browser).
// The expectations come from the structure the demo shows (www/data/default.json; the
// demo's www/data/demo.json is that structure plus a synthetic key-figure set), and from
// the widget's own validate(): nothing about the content is hard-coded.
//
//   node --test tests/e2e/demo.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { DATA, ROOT, TIMEOUT, until, useBrowser, withPage } from './harness.mjs';

const env = useBrowser();

/** Open the demo at `query` and wait for the widget. */
const withDemo = (query, body) => withPage(env, query, '#app .sk-widget', body);

const widget = (page) => page.locator('.sk-widget');
const regionSelect = (page) => page.getByRole('combobox', { name: 'Region', exact: true });
const renderedClusterIds = (page) =>
  page.locator('[data-cluster-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cluster-id')).sort());
const clusterIdsOf = (regionId) =>
  DATA.clusters.filter((c) => c.region === regionId).map((c) => c.id).sort();

/** Select a region with the switcher and wait until exactly its clusters are shown. */
async function selectRegion(page, regionId) {
  await regionSelect(page).selectOption(regionId);
  await until(
    () => renderedClusterIds(page),
    (ids) => JSON.stringify(ids) === JSON.stringify(clusterIdsOf(regionId)),
    `the clusters of ${regionId} (${clusterIdsOf(regionId).join(', ')})`,
  );
}

/** The findings validate() gives for the demo's data, computed in the page itself. */
function findingsInPage(page) {
  return page.evaluate(async () => {
    const m = await import(new URL('pkg/index.js', location.href).href);
    const data = await (await fetch(new URL('data/default.json', location.href))).json();
    return m.validate(data).findings;
  });
}

test('the demo page loads and mounts the widget in Danish', { timeout: TIMEOUT }, async () => {
  await withDemo('', async (page) => {
    assert.equal(await page.locator('html').getAttribute('lang'), 'da');
    assert.equal(await page.locator('main h1').count(), 1);
    assert.equal(await page.locator('main #app .sk-widget').count(), 1);
    assert.equal(await widget(page).getAttribute('lang'), 'da');
    assert.equal(await page.getByRole('button', { name: 'English', exact: true }).count(), 1);
    const options = await regionSelect(page).locator('option').evaluateAll((os) => os.map((o) => o.value).sort());
    assert.deepEqual(options, DATA.regions.map((r) => r.id).sort());
  });
});

/** The cluster names a cluster element shows: its headings, its aria-label, its SVG text. */
const namesShown = (el) =>
  el.evaluate((e) => [
    ...[...e.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')].map((h) => h.textContent),
    e.getAttribute('aria-label') ?? '',
    ...[...e.querySelectorAll('text')].map((t) => t.textContent),
  ]);

test('the region switcher shows the clusters of each of the 5 regions (default view)', { timeout: TIMEOUT }, async () => {
  assert.equal(DATA.regions.length, 5);
  await withDemo('', async (page) => {
    for (const region of DATA.regions) {
      await selectRegion(page, region.id);
      assert.equal(await regionSelect(page).inputValue(), region.id);
      const clusters = DATA.clusters.filter((c) => c.region === region.id);
      assert.ok(clusters.length > 0, `no clusters for ${region.id} in the data`);
      for (const cluster of clusters) {
        const el = page.locator(`[data-cluster-id="${cluster.id}"]`);
        assert.ok(await el.isVisible(), `cluster ${cluster.id} is not visible`);
        const shown = await namesShown(el);
        assert.ok(
          shown.some((t) => t.includes(cluster.name)),
          `cluster ${cluster.id}: "${cluster.name}" is not shown (${JSON.stringify(shown)})`,
        );
      }
    }
  });
});

test('the list view shows every cluster of each region under a heading with its name', { timeout: TIMEOUT }, async () => {
  await withDemo('', async (page) => {
    const listButton = page.getByRole('button', { name: 'Liste', exact: true });
    if (await listButton.count()) {
      await listButton.click();
      await until(
        () => page.locator('[data-cluster-id]').first().getByRole('heading').count(),
        (n) => n > 0,
        'the list view',
      );
    }
    for (const region of DATA.regions) {
      await selectRegion(page, region.id);
      for (const cluster of DATA.clusters.filter((c) => c.region === region.id)) {
        const card = page.locator(`[data-cluster-id="${cluster.id}"]`);
        assert.ok(await card.isVisible(), `cluster ${cluster.id} is not visible`);
        const headings = await card.getByRole('heading').allInnerTexts();
        assert.ok(
          headings.some((h) => h.includes(cluster.name)),
          `cluster ${cluster.id}: no heading with "${cluster.name}" (headings: ${JSON.stringify(headings)})`,
        );
      }
    }
  });
});

test('the language switch changes the UI between Danish and English', { timeout: TIMEOUT }, async () => {
  await withDemo('', async (page) => {
    const danish = await widget(page).innerText();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await until(() => widget(page).getAttribute('lang'), (l) => l === 'en', 'lang="en" on the widget');
    assert.equal(await page.getByRole('button', { name: 'Dansk', exact: true }).count(), 1);
    assert.equal(await page.getByRole('button', { name: 'English', exact: true }).count(), 0);
    assert.equal(await regionSelect(page).count(), 1, 'the region switcher is still named "Region"');
    const english = await widget(page).innerText();
    assert.notEqual(english, danish, 'the widget text did not change with the language');

    await page.getByRole('button', { name: 'Dansk', exact: true }).click();
    await until(() => widget(page).getAttribute('lang'), (l) => l === 'da', 'lang="da" again');
    assert.equal(await widget(page).innerText(), danish, 'switching back did not restore the Danish UI');
  });
});

test('the findings list shows the unplaced municipality Faxe, in both languages', { timeout: TIMEOUT }, async () => {
  const index = DATA.municipalities.findIndex((m) => m.name === 'Faxe');
  assert.ok(index >= 0, 'Faxe is not in www/data/default.json');
  const faxe = DATA.municipalities[index];
  await withDemo('', async (page) => {
    const expected = (await findingsInPage(page)).filter(
      (f) =>
        f.message.da.includes('Faxe') ||
        (f.code === 'municipality-unplaced' && f.path === `/municipalities/${index}`),
    );
    assert.ok(expected.length > 0, "validate() of the demo data reports nothing about Faxe");

    await selectRegion(page, faxe.region);
    const section = page.locator('section[data-testid="findings"]');
    assert.equal(await section.count(), 1, 'no findings section');
    for (const [lang, button] of [['da', null], ['en', 'English']]) {
      if (button) {
        await page.getByRole('button', { name: button, exact: true }).click();
        await until(() => widget(page).getAttribute('lang'), (l) => l === lang, `lang="${lang}"`);
      }
      for (const f of expected) {
        const item = section.locator(`li[data-code="${f.code}"][data-path="${f.path}"]`);
        assert.equal(await item.count(), 1, `finding ${f.code} at ${f.path} is not listed once`);
        const text = await item.innerText();
        assert.ok(text.includes('Faxe'), `finding ${f.code} at ${f.path} does not name Faxe: ${text}`);
        assert.ok(text.includes(f.message[lang]), `finding ${f.code} (${lang}) shows "${text}", not "${f.message[lang]}"`);
      }
    }
    // Every listed finding carries its code and a JSON Pointer.
    const attrs = await section.locator('li').evaluateAll((lis) =>
      lis.map((li) => [li.getAttribute('data-code'), li.getAttribute('data-path')]),
    );
    assert.ok(attrs.length > 0);
    for (const [code, path] of attrs) {
      assert.ok(code, 'a finding without data-code');
      assert.ok(path === '' || path?.startsWith('/'), `data-path ${JSON.stringify(path)} is not a JSON Pointer`);
    }
  });
});

test('the demo takes region and lang from the URL', { timeout: TIMEOUT }, async () => {
  await withDemo('?region=RN&lang=en', async (page) => {
    assert.equal(await widget(page).getAttribute('lang'), 'en');
    assert.equal(await regionSelect(page).inputValue(), 'RN');
    await until(() => renderedClusterIds(page), (ids) => JSON.stringify(ids) === JSON.stringify(clusterIdsOf('RN')), 'the clusters of RN');
  });
});

test('the handle returned by mount() updates and destroys the widget', { timeout: TIMEOUT }, async () => {
  await withDemo('', async (page) => {
    await page.evaluate(() => window.sk.update({ region: 'RSD', lang: 'en' }));
    await until(() => widget(page).getAttribute('lang'), (l) => l === 'en', 'lang="en" after update()');
    await until(() => renderedClusterIds(page), (ids) => JSON.stringify(ids) === JSON.stringify(clusterIdsOf('RSD')), 'the clusters of RSD after update()');
    assert.equal(await regionSelect(page).inputValue(), 'RSD');

    await page.evaluate(() => window.sk.destroy());
    await until(() => page.locator('.sk-widget').count(), (n) => n === 0, 'the widget to be removed by destroy()');
  });
});

test('no WCAG 2.1 A/AA violations found by axe, in Danish and in English', { timeout: TIMEOUT }, async () => {
  await withDemo('', async (page) => {
    for (const lang of ['da', 'en']) {
      if (lang === 'en') {
        await page.getByRole('button', { name: 'English', exact: true }).click();
        await until(() => widget(page).getAttribute('lang'), (l) => l === 'en', 'lang="en"');
      }
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const summary = result.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`,
      );
      assert.deepEqual(summary, [], `axe violations (${lang})`);
    }
  });
});

test('the demo shows key figures, every one labelled as example data', { timeout: TIMEOUT }, async () => {
  const demo = JSON.parse(readFileSync(join(ROOT, 'www/data/demo.json'), 'utf8'));
  assert.ok(demo.indicators.length > 0 && demo.indicators.every((i) => i.synthetic === true));
  await withDemo('?region=RM&view=list', async (page) => {
    await page.getByRole('button', { name: /^Liste$/ }).click();
    const section = page.locator('[data-testid="key-figures"]');
    await section.waitFor();
    const figures = page.locator('.sk-figure[data-indicator]');
    await until(() => figures.count(), (n) => n > 0, 'key-figure panels');
    // Every shown figure carries the label, in Danish, next to it.
    const labels = await page.locator('.sk-figure[data-indicator] .sk-synthetic').count();
    assert.equal(labels, await figures.count(), 'one example-data label per figure');
    await assert.doesNotReject(page.locator('.sk-synthetic').first().waitFor({ state: 'visible' }));
    assert.match(await page.locator('.sk-synthetic').first().innerText(), /Eksempeldata – ikke officielle tal/);
    // A value in da-DK: decimal comma.
    assert.match(await page.locator('.sk-figure[data-status="ok"] .sk-value').first().innerText(), /\d,\d/);
  });
  // With ?data=default there are no indicators and no example-data label.
  await withDemo('?data=default', async (page) => {
    await page.locator('.sk-widget').waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.locator('.sk-synthetic').count(), 0);
  });
});

test('the demo shows both real structures, each with its period, and the widget switches between them', { timeout: TIMEOUT }, async () => {
  const periodText = (page) => page.locator('.sk-period').innerText();
  const datasetSelect = (page) => page.getByRole('combobox', { name: 'Struktur', exact: true });
  await withDemo('', async (page) => {
    await page.getByRole('button', { name: 'Sundhedsråd fra 2027' }).click();
    await until(() => periodText(page).catch(() => ''), (t) => t.includes('Gælder fra 1. januar 2027'), 'the 2027 period in the header');
    assert.equal(await datasetSelect(page).inputValue(), 'sundhedsraad-2027');
    const regions = await regionSelect(page).locator('option').allInnerTexts();
    assert.deepEqual(regions.sort(), ['Region Midtjylland', 'Region Nordjylland', 'Region Syddanmark', 'Region Østdanmark'].sort());
    // The widget's own switch goes back to the clusters of 2022.
    await datasetSelect(page).selectOption('klynger-2022');
    await until(() => periodText(page), (t) => t.includes('Gælder 1. juli 2022 – 31. december 2026'), 'the 2022 period');
    assert.equal((await regionSelect(page).locator('option').allInnerTexts()).length, 5);
    const results = await new AxeBuilder({ page }).include('.sk-header').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    assert.deepEqual(results.violations.map((v) => v.id), []);
  });
  await withDemo('?dataset=sundhedsraad-2027&region=RN', async (page) => {
    await until(() => periodText(page).catch(() => ''), (t) => t.includes('2027'), 'the structure named in the address');
    assert.equal(await regionSelect(page).inputValue(), 'RN');
  });
});

test('the structure switch used before the other structure has arrived waits for it: no "unknown data set"', { timeout: TIMEOUT }, async () => {
  // The other structure's file comes in the background once the first is shown; here it is
  // held until the switch has been used.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const route = (context) =>
    context.route('**/data/sundhedsraad-2027.json', async (r) => {
      await held;
      await r.continue();
    });
  const invalid = (page) => page.locator('li[data-code="invalid-option"]').count();
  const notice = (page) => page.locator('.sk-notice[role="status"]', { hasText: 'Henter strukturen' });
  await withPage(
    env,
    '?data=default&dataset=klynger-2022&region=RH',
    '#app .sk-widget [role="treeitem"]',
    async (page) => {
      const structure = page.getByRole('combobox', { name: 'Struktur', exact: true });
      const period = () => page.locator('.sk-period').innerText();
      await structure.selectOption('sundhedsraad-2027');
      await notice(page).waitFor({ timeout: 5_000 });
      assert.equal(await invalid(page), 0, 'no finding calls the structure unknown while it is fetched');
      assert.match(await period(), /2022/, 'the 2022 structure stays until the other has come');
      // Chosen back before the file came: that fetch, when it ends, changes nothing.
      await structure.selectOption('klynger-2022');
      await until(() => notice(page).count(), (n) => n === 0, 'the notice to go with the choice');
      const arrived = page.waitForResponse('**/data/sundhedsraad-2027.json');
      release();
      await arrived;
      await page.waitForTimeout(300);
      assert.match(await period(), /2022/, 'the last choice (2022) stays after the earlier one\'s file came');
      assert.equal(await structure.inputValue(), 'klynger-2022');
      // Now at hand: the switch shows it at once.
      await structure.selectOption('sundhedsraad-2027');
      await until(period, (t) => t.includes('Gælder fra 1. januar 2027'), 'the 2027 structure');
      assert.equal(await notice(page).count(), 0);
      assert.equal(await invalid(page), 0);
      assert.deepEqual((await regionSelect(page).locator('option').allInnerTexts()).sort(), ['Region Midtjylland', 'Region Nordjylland', 'Region Syddanmark', 'Region Østdanmark'].sort());
    },
    { route },
  );
});
