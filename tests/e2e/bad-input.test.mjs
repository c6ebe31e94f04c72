// End-to-end tests of bad input on the demo page (dist/, built by `make dist`), through
// the demo's widget handle (`window.sk.update({ data })`):
//  1. injection: data whose every text field carries markup, script, `javascript:` URLs,
//     direction overrides, invisible characters, emoji and very long strings stay text —
//     no element and no attribute in the widget comes from a payload, in the list view, the
//     org chart, the detail panel, the findings list and the key-figure panel;
//  2. corpus cases (tests/corpus/) mounted as JSON text: the widget shows its findings, the
//     page around it keeps working, and good data afterwards restore it.
//
//   make dist && node --test tests/e2e/bad-input.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TIMEOUT, until, useBrowser, withPage } from './harness.mjs';

const env = useBrowser();
const withDemo = (body) => withPage(env, '', '#app .sk-widget', body);

const CORPUS = join(ROOT, 'tests/corpus');
const corpusText = (file) => readFileSync(join(CORPUS, file), 'utf8'); // bad bytes → U+FFFD, as a browser decodes
/** The corpus's small valid data set (the byte-order-mark case without its BOM). */
const BASE = JSON.parse(corpusText('013-byte-order-mark.txt').replace(/^\uFEFF/, ''));

// Each payload sets window.__pwned when it runs; none may.
const P = {
  img: '<img src=x onerror="window.__pwned=\'img\'">',
  script: '<script>window.__pwned="script"</script>',
  svg: '"><svg onload="window.__pwned=\'svg\'">',
  iframe: "<iframe src=\"javascript:window.__pwned='iframe'\"></iframe>",
  rtl: 'Region \u202Eadnalyjdron\u202C',
  zw: 'Mor\u200Bs\u200C\u200D\u2060ø',
  emoji: 'Klynge 🏥👩‍⚕️🇩🇰',
  attr: '" onmouseover="window.__pwned=\'attr\'" x="',
  long: `Lang${'x'.repeat(100_000)}`,
};
const JS_URL = 'javascript:window.__pwned="href"';
const JS_URL_2 = ' JaVaScRiPt:window.__pwned="href2"';

/** The base data set with a payload in every text field and every id. */
function payloadData() {
  const d = structuredClone(BASE);
  const region = `RN${P.img}`;
  const cluster = `RN-VEST${P.svg}`;
  const [chair, mayor] = [`p-chair${P.attr}`, `p-mayor${P.script}`];
  d.title = { da: `Titel ${P.script}`, en: `Title ${P.img}` };
  d.description = { da: P.iframe, en: P.svg };
  d.regions[0] = { id: region, name: `Region ${P.img} ${P.rtl}`, code: '1081', sources: [JS_URL, `https://example.org/${P.svg}`] };
  for (const m of d.municipalities) m.region = region;
  d.municipalities[0].name = `Morsø ${P.script} ${P.zw}`;
  d.municipalities[1].name = `Thisted ${P.attr}`;
  d.municipalities[1].population = { value: 43000, date: '2024-01-01', source: JS_URL_2 };
  const c = d.clusters[0];
  Object.assign(c, {
    id: cluster, region, name: `Klynge ${P.svg} ${P.emoji}`, acute_hospitals: [P.img, P.long],
    sources: [JS_URL, JS_URL_2, 'data:text/html,<script>window.__pwned=1</script>'], notes: P.iframe,
  });
  c.members[0].sources = [JS_URL];
  d.persons[0] = { id: chair, name: `Anne ${P.img}`, party: P.script, sources: [JS_URL] };
  d.persons[1] = { id: mayor, name: `Bo ${P.rtl} ${P.attr}`, party: P.emoji };
  for (const s of d.seats) {
    s.body = s.body.replace(/^RN-VEST\//, `${cluster}/`).replace(/^RN\//, `${region}/`);
    if (s.cluster) s.cluster = cluster;
    if (s.person === 'p-chair') s.person = chair;
    if (s.person === 'p-mayor') s.person = mayor;
    s.sources = [JS_URL];
  }
  d.seats.push({ id: `s-other${P.img}`, body: `${region}/ssu`, role: 'other', title: { da: `Titel ${P.svg}`, en: P.iframe }, person: chair });
  const ind = d.indicators[0];
  Object.assign(ind, {
    id: `ind${P.attr}`, synthetic: true, source: JS_URL,
    name: { da: `Indlæggelser ${P.img}`, en: `Admissions ${P.script}` },
    unit: { da: `pr. 1.000 ${P.svg}`, en: P.iframe },
    numerator: { da: P.script, en: P.script }, denominator: { da: P.img, en: P.img },
    period: { da: P.rtl, en: P.zw },
  });
  for (const v of d.values) v.indicator = ind.id;
  // An unknown field and a bad source: findings whose messages and paths quote payloads.
  d[P.img] = P.script;
  return { data: d, region, cluster, chair };
}

/** Tag names, on* attributes, javascript: links and the text of the widget. */
const inspect = (page) =>
  page.locator('#app').evaluate((app) => {
    const els = [...app.querySelectorAll('*')];
    const onAttrs = [];
    const jsLinks = [];
    for (const e of els) {
      for (const a of e.attributes) {
        if (/^on/i.test(a.name)) onAttrs.push(`${e.tagName}[${a.name}]`);
        if (['href', 'src', 'xlink:href', 'action', 'formaction', 'data'].includes(a.name.toLowerCase())
            && /^\s*(javascript|data|vbscript):/i.test(a.value)) jsLinks.push(`${e.tagName}[${a.name}=${a.value.slice(0, 40)}]`);
      }
    }
    return {
      tags: [...new Set(els.map((e) => e.tagName.toLowerCase()))].sort(),
      onAttrs,
      jsLinks,
      text: app.textContent,
      labels: els.map((e) => e.getAttribute('aria-label') ?? '').join('\n'),
      pwned: window.__pwned ?? null,
    };
  });

const BANNED = ['img', 'script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'link', 'meta', 'base', 'form', 'audio', 'video', 'foreignobject', 'image', 'use', 'animate', 'set'];

/** The widget holds nothing a payload made; `texts` are shown as text. */
async function assertInert(page, baseline, texts, where) {
  const got = await inspect(page);
  assert.equal(got.pwned, null, `${where}: a payload ran (${got.pwned})`);
  assert.deepEqual(got.tags.filter((t) => BANNED.includes(t)), [], `${where}: elements a payload could have made`);
  const extra = got.tags.filter((t) => !baseline.tags.includes(t));
  assert.deepEqual(extra, [], `${where}: element kinds the widget does not make with good data`);
  assert.deepEqual(got.onAttrs, [], `${where}: on* attributes`);
  assert.deepEqual(got.jsLinks, [], `${where}: javascript:/data: links`);
  for (const t of texts) assert.ok(got.text.includes(t) || got.labels.includes(t), `${where}: ${JSON.stringify(t.slice(0, 60))} is not shown as text`);
}

test('injection: every text from data stays text in list, chart, detail, findings and key figures', { timeout: 3 * TIMEOUT }, async () => {
  const { data, region, cluster, chair } = payloadData();
  await withDemo(async (page) => {
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
    // What the widget makes with good data, in both views, all expanded.
    await page.evaluate(() => window.sk.update({ view: 'list' }));
    await page.locator('.sk-key-figures').first().waitFor({ timeout: 10_000 });
    const listBase = await inspect(page);
    await page.evaluate(() => window.sk.update({ view: 'chart' }));
    await page.locator('.sk-expand-all').click();
    const chartBase = await inspect(page);
    const baseline = { tags: [...new Set([...listBase.tags, ...chartBase.tags, 'aside', 'dl', 'dt', 'dd'])] };
    assert.ok(!baseline.tags.some((t) => BANNED.includes(t) && t !== 'use'), `the widget itself makes ${baseline.tags}`);

    // List view: headings, cards, findings and key-figure panels.
    await page.evaluate(([d, r]) => window.sk.update({ data: d, region: r, view: 'list' }), [data, region]);
    const clusterEl = page.locator('[data-cluster-id]').first();
    await until(() => clusterEl.getAttribute('data-cluster-id'), (id) => id === cluster, 'the payload cluster in the list');
    await page.locator('section[data-testid="findings"] li[data-code="json-unknown-field"]').first().waitFor({ timeout: 10_000 });
    await assertInert(page, baseline, [
      data.regions[0].name, data.clusters[0].name, data.municipalities[0].name, data.persons[0].name,
      P.long, data.indicators[0].name.da,
    ], 'list view');
    // The findings quote the payloads as text: the unknown field's path and the sources.
    const findingsText = await page.locator('section[data-testid="findings"]').textContent();
    assert.ok(findingsText.includes(`/${P.img}`), 'the unknown field is named by its path, as text');
    assert.ok(findingsText.includes(JS_URL), 'the javascript: source is quoted as text');
    assert.ok((await page.locator('section[data-testid="findings"] li[data-code="invalid-source-url"]').count()) >= 5);
    // Key figures: the payload indicator's panel, labelled synthetic.
    const kf = page.locator('.sk-key-figures').first();
    await until(() => kf.textContent(), (t) => t.includes(data.indicators[0].name.da), 'the payload indicator in a key-figure panel');
    await assertInert(page, baseline, [data.indicators[0].unit.da], 'key-figure panel');

    // Org chart, all expanded, and the detail panel of the chair's seat.
    await page.evaluate(() => window.sk.update({ view: 'chart' }));
    await page.locator('[role="treeitem"]').first().waitFor({ timeout: 10_000 });
    await page.locator('.sk-expand-all').click();
    await until(() => page.locator('[role="treeitem"][aria-expanded="false"]').count(), (n) => n === 0, 'every parent open');
    await assertInert(page, baseline, [data.regions[0].name], 'org chart');
    const seat = `${region}/ssu#0`;
    const seatItem = page.locator('[role="treeitem"]').filter({ has: page.locator(':scope > .sk-node-visual') })
      .and(page.locator(`[data-node="${seat.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"]`));
    await page.locator('.sk-fit').click();
    await seatItem.locator(':scope > .sk-node-visual').click();
    const detail = page.locator('aside.sk-detail');
    await detail.waitFor({ timeout: 5_000 });
    assert.equal(await detail.getAttribute('data-node'), seat, 'the detail panel is for the seat clicked (its id from data, as an attribute value)');
    await until(() => detail.textContent(), (t) => t.includes(data.persons[0].name), 'the chair in the detail panel');
    await assertInert(page, baseline, [data.persons[0].name, data.persons[0].party], 'detail panel');
    assert.ok(data.persons[0].id === chair);

    // English: the other half of every text pair.
    await page.evaluate(() => window.sk.update({ lang: 'en', view: 'list' }));
    await until(() => page.locator('.sk-key-figures').first().textContent(), (t) => t.includes(data.indicators[0].name.en), 'the English indicator name');
    await assertInert(page, baseline, [data.indicators[0].name.en, data.indicators[0].unit.en], 'list view in English');

    assert.deepEqual(dialogs, [], 'a dialog opened');
    assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  });
});

/** Cases from tests/corpus mounted as JSON text, each with a code it must show. */
const CASES = [
  ['001-empty.txt', 'json-syntax'],
  ['003-truncated.txt', 'json-syntax'],
  ['009-lone-surrogate-escape.txt', 'json-syntax'],
  ['014-two-byte-order-marks.txt', 'json-syntax'],
  ['015-invalid-utf8.txt', null],
  ['017-array-at-top.json', 'json-not-object'],
  ['020-wrong-format.json', 'format-unsupported'],
  ['024-regions-is-object.json', 'json-type'],
  ['038-population-huge-float.json', 'json-type'],
  ['041-population-negative.json', 'json-type'],
  ['070-clusters-region-cycle.json', 'unknown-reference'],
];

test('corpus cases: the widget shows its findings, the page keeps working, good data restore it', { timeout: 3 * TIMEOUT }, async () => {
  const manifest = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8'));
  await withDemo(async (page) => {
    // A control of the host page, outside the widget.
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'host-button';
      b.textContent = 'Vært';
      b.dataset.clicks = '0';
      b.addEventListener('click', () => { b.dataset.clicks = String(Number(b.dataset.clicks) + 1); });
      document.querySelector('main').prepend(b);
    });
    const h1 = await page.locator('main h1').innerText();
    let clicks = 0;
    const hostStillWorks = async (what) => {
      await page.locator('#host-button').click();
      clicks += 1;
      assert.equal(await page.locator('#host-button').getAttribute('data-clicks'), String(clicks), `${what}: the host button stopped working`);
      assert.equal(await page.locator('main h1').innerText(), h1, `${what}: the host heading changed`);
      assert.equal(await page.locator('main #app .sk-widget').count(), 1, `${what}: the widget is gone`);
    };
    const shows = async (what, code) => {
      const findings = page.locator('section[data-testid="findings"]');
      await findings.waitFor({ timeout: 15_000 });
      if (code) await findings.locator(`li[data-code="${code}"]`).first().waitFor({ timeout: 15_000 });
      const text = (await page.locator('#app .sk-widget').innerText()).trim();
      assert.ok(text.length > 20, `${what}: the widget is blank`);
      await hostStillWorks(what);
    };

    for (const [file, code] of CASES) {
      const entry = manifest.find((c) => c.file === file);
      assert.ok(entry, `${file} is in the manifest`);
      if (code) assert.ok(entry.expect.some((e) => e.code === code), `${file}: the manifest expects ${code}`);
      await page.evaluate((text) => window.sk.update({ data: text }), corpusText(file));
      await shows(file, code);
    }
    // Generated in the page: too deep, too large, too many elements.
    await page.evaluate(() => window.sk.update({ data: '['.repeat(100_000) }));
    await shows('100,000 levels of nesting', 'json-syntax');
    await page.evaluate(() => window.sk.update({ data: `{"format":"sundhedsklynger/1","title":"${'x'.repeat(21 * 1024 * 1024)}"}` }));
    await shows('21 MB of text', 'input-too-large');
    await page.evaluate((base) => {
      const d = structuredClone(base);
      d.municipalities = d.municipalities.concat(Array.from({ length: 1_000_000 }, () => ({})));
      window.sk.update({ data: d });
    }, BASE);
    await shows('a million municipalities', 'too-many-elements');

    // Good data again: the org chart is back and works.
    await page.evaluate(() => window.sk.update({ data: null }));
    await until(() => page.locator('section[data-testid="findings"] li[data-code="too-many-elements"]').count(), (n) => n === 0, 'the findings of the bad data to go');
    await page.locator('[role="treeitem"][data-cluster-id]').first().waitFor({ timeout: 10_000 });
    await page.locator('.sk-expand-all').click();
    await until(() => page.locator('[role="treeitem"][aria-expanded="false"]').count(), (n) => n === 0, 'expand all after bad data');
    await hostStillWorks('after recovery');
  });
});
