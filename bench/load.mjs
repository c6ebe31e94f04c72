// Loading as part of a page (issue 14), measured in headless Chromium from navigation on,
// each load with a cold cache, the page served from 127.0.0.1 by a server that compresses
// (brotli where accepted, as a production server; tests/e2e/static-server.mjs):
//   - layout shift (CLS) of bench/load.html, text below the widget, desktop 1280 × 900:
//     the ES custom element and the inline build, each data set;
//   - long tasks (> 50 ms, PerformanceObserver `longtask`) while the element, the inline
//     build and the demo (dist/index.html) load and draw each real data set;
//   - time to first chart on a phone: CDP CPU throttling 4×, 1.6 Mbps down / 750 kbps up /
//     150 ms RTT (Lighthouse's mobile preset), navigation → the first chart of real data
//     painted, for the element, the inline build and d3-org-chart drawing the same region's
//     nodes from the same JSON file (bench/trees.mjs rowsFromDataset).
// Used by bench/run.mjs (BENCH_ONLY=load); `node bench/load.mjs` runs it alone.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../tests/e2e/static-server.mjs';
import { launchChromium } from '../tests/e2e/chromium.mjs';
import { OBSERVE_SOURCE } from './load-observe.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Largest session window of layout shifts (gap < 1 s, window ≤ 5 s), as CLS is defined. */
function cls(shifts) {
  let best = 0, sum = 0, start = -Infinity, last = -Infinity;
  for (const s of [...shifts].sort((a, b) => a.at - b.at)) {
    if (s.at - last > 1000 || s.at - start > 5000) {
      sum = 0;
      start = s.at;
    }
    sum += s.value;
    last = s.at;
    best = Math.max(best, sum);
  }
  return best;
}

const PHONE = { cpu: 4, latency: 150, down: 1.6e6 / 8, up: 750e3 / 8 };

/** One cold load of `url`; resolves to what the page recorded, after `settle` ms more. */
async function load(browser, url, { phone = false, settle = 1000, done = () => window.loadBench?.painted || window.loadBench?.error } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && problems.push(`console.error: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} for ${r.url()}`));
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (phone) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: PHONE.latency, downloadThroughput: PHONE.down, uploadThroughput: PHONE.up });
    }
    await page.addInitScript(OBSERVE_SOURCE);
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(done, null, { timeout: phone ? 120_000 : 60_000, polling: 50 });
    await page.waitForTimeout(settle);
    const r = await page.evaluate(() => ({ ...(window.loadBench ?? {}), shifts: window.__sk.shifts, longTasks: window.__sk.longTasks, demoPainted: window.__skDemoPainted ?? null }));
    if (r.error) throw new Error(`${url}: ${r.error}`);
    if (problems.length) throw new Error(`${url}:\n  ${problems.join('\n  ')}`);
    return { ...r, bytes };
  } finally {
    await context.close();
  }
}

/**
 * One page per contender, from bench/load.html: the element in the HTML with its script —
 * the ES entry's module, or the inline build's classic script in <head> — or nothing (the
 * d3-org-chart contender draws from bench/load-page.mjs).
 */
export function writePages() {
  const template = readFileSync(join(ROOT, 'bench/load.html'), 'utf8');
  const dir = join(ROOT, 'target/bench');
  mkdirSync(dir, { recursive: true });
  const pages = {};
  for (const c of ['element', 'preload', 'inline', 'orgchart', 'none']) {
    for (const [d, r] of [['klynger-2022', 'RH'], ['sundhedsraad-2027', 'RN']]) {
      const element = '<script type="module" src="/pkg/element.js"></script>';
      // `preload`: the element with README's preload hints ("Sooner on a slow line").
      const hints = [
        '<link rel="preload" href="/pkg/web/sundhedsklynger_bg.wasm" as="fetch" type="application/wasm" crossorigin>',
        `<link rel="preload" href="/pkg/data/${d}.json" as="fetch" type="application/json" crossorigin>`,
        '<link rel="modulepreload" href="/pkg/element.js">',
      ].join('\n');
      const head = c === 'element' ? element : c === 'preload' ? `${hints}\n${element}` : c === 'inline' ? '<script src="/pkg/inline/sundhedsklynger.js"></script>' : '';
      const widget = ['element', 'preload', 'inline'].includes(c) ? `<sundhedsklynger-diagram id="w" shadow="open" dataset="${d}" region="${r}"></sundhedsklynger-diagram>` : '';
      const name = `load-${c}-${d}.html`;
      writeFileSync(join(dir, name), template.replace('<!--HEAD-->', head).replace('<!--WIDGET-->', widget));
      pages[`${c}:${d}`] = `/target/bench/${name}?c=${c}&d=${d}&r=${r}`;
    }
  }
  return pages;
}

/** Runs every loading measurement; `runs` loads of each case (median). */
export async function loadBench({ log = console.error, runs = 3 } = {}) {
  const pages = writePages();
  const server = await serveStatic(ROOT, { compress: true });
  const browser = await launchChromium();
  const page = (c, d) => `${server.url}${pages[`${c}:${d}`]}`;
  // The server compresses each file once and keeps it (as a production server serves
  // precompressed files): compress everything a page loads before the first measurement.
  const files = ['pkg/index.js', 'pkg/element.js', 'pkg/element-core.js', 'pkg/web/sundhedsklynger.js', 'pkg/web/sundhedsklynger_bg.wasm',
    'pkg/inline/sundhedsklynger.js', 'pkg/data/klynger-2022.json', 'pkg/data/sundhedsraad-2027.json', 'target/bench/anchors.js',
    ...Object.values(pages).map((p) => p.slice(1, p.indexOf('?'))), 'bench/load-page.mjs', 'bench/load-observe.mjs', 'bench/trees.mjs', 'dist/index.html', 'dist/demo.js', 'dist/demo.css',
    'dist/pkg/index.js', 'dist/pkg/web/sundhedsklynger.js', 'dist/pkg/web/sundhedsklynger_bg.wasm', 'dist/pkg/data/klynger-2022.json',
    'dist/pkg/data/sundhedsraad-2027.json', 'dist/data/demo.json'];
  for (const f of files) {
    if (!existsSync(join(ROOT, f))) continue;
    for (const enc of ['br', 'gzip']) await (await fetch(`${server.url}/${f}`, { headers: { 'accept-encoding': enc } })).arrayBuffer();
  }
  const out = { method: { server: 'brotli 11 / gzip 9 on the fly (cached), no HTTP cache', phone: PHONE, runs }, cls: [], longTasks: [], ttfc: [] };
  try {
    const sets = [['klynger-2022', 'RH'], ['sundhedsraad-2027', 'RN']];
    // Desktop: layout shift and long tasks.
    for (const [d, r] of sets) {
      for (const c of ['element', 'inline']) {
        const loads = [];
        for (let i = 0; i < runs; i++) loads.push(await load(browser, page(c, d)));
        const row = {
          contender: c, dataset: d, region: r,
          cls: median(loads.map((l) => cls(l.shifts))),
          shifted: [...new Set(loads.flatMap((l) => l.shifts.flatMap((s) => s.sources)))],
          longTasks: loads.map((l) => l.longTasks.map((t) => Math.round(t.ms))),
          maxLongTask: median(loads.map((l) => Math.max(0, ...l.longTasks.map((t) => t.ms)))),
          painted: median(loads.map((l) => l.painted)),
          height: median(loads.map((l) => l.height)),
        };
        out.cls.push(row);
        log(`load: ${c} ${d}: CLS ${row.cls.toFixed(3)} (shifted: ${row.shifted.join(', ')}), long tasks ${JSON.stringify(row.longTasks)} ms, first chart ${row.painted.toFixed(0)} ms, drawn height ${row.height?.toFixed(0)} px`);
      }
    }
    // The demo, each structure (its own page: ?data=default&dataset=…).
    if (existsSync(join(ROOT, 'dist/index.html'))) {
      for (const [d, r] of sets) {
        const loads = [];
        for (let i = 0; i < runs; i++) {
          loads.push(
            await load(browser, `${server.url}/dist/index.html?data=default&dataset=${d}&region=${r}`, {
              done: () => document.querySelector('#app [role="treeitem"]') !== null,
            }),
          );
        }
        const row = { page: 'demo', dataset: d, longTasks: loads.map((l) => l.longTasks.map((t) => Math.round(t.ms))), maxLongTask: median(loads.map((l) => Math.max(0, ...l.longTasks.map((t) => t.ms)))) };
        out.longTasks.push(row);
        log(`load: demo ${d}: long tasks ${JSON.stringify(row.longTasks)} ms`);
      }
    }
    // Where the long tasks come from: reading + checking (validate) and reading + checking +
    // key figures (keyFigures) of each data set's text, through the ES entry, unthrottled;
    // the rest of the first render's task is composing the bodies, the chart and Yew's DOM.
    {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(page('none', 'klynger-2022'));
      out.phases = await tab.evaluate(async (sets) => {
        const sk = await import('/pkg/index.js');
        await sk.default();
        const rows = [];
        for (const [d] of sets) {
          const text = JSON.stringify(await sk.defaultData(d));
          const time = (f) => {
            const xs = [];
            for (let i = 0; i < 7; i++) {
              const t0 = performance.now();
              f();
              xs.push(performance.now() - t0);
            }
            return xs.sort((a, b) => a - b)[3];
          };
          rows.push({ dataset: d, bytes: text.length, validateMs: time(() => sk.validate(text)), keyFiguresMs: time(() => sk.keyFigures(text)) });
        }
        return rows;
      }, sets);
      for (const p of out.phases) log(`load: ${p.dataset}: validate(text) ${p.validateMs.toFixed(1)} ms, keyFigures(text) ${p.keyFiguresMs.toFixed(1)} ms`);
      await context.close();
    }
    // Phone: time to first chart, the widget (element, inline) vs d3-org-chart.
    for (const [d, r] of [['sundhedsraad-2027', 'RN'], ['klynger-2022', 'RH']]) {
      for (const c of ['element', 'preload', 'inline', 'orgchart']) {
        if (c === 'orgchart' && d === 'klynger-2022') continue; // it lists no seats: d3-org-chart would draw 6 nodes
        const loads = [];
        for (let i = 0; i < runs; i++) loads.push(await load(browser, page(c, d), { phone: true, settle: 500 }));
        const row = {
          contender: c, dataset: d, region: r,
          ms: median(loads.map((l) => l.painted)), all: loads.map((l) => Math.round(l.painted)),
          bytes: median(loads.map((l) => l.bytes)), nodes: loads[0].nodes ?? null,
          longTasks: loads.map((l) => l.longTasks.map((t) => Math.round(t.ms))),
        };
        out.ttfc.push(row);
        log(`load: phone ${c} ${d}: first chart ${row.ms.toFixed(0)} ms (${JSON.stringify(row.all)}), ${row.bytes} bytes over the wire`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await loadBench({ runs: Number(process.env.BENCH_LOAD_RUNS ?? 3) });
  console.log(JSON.stringify(r, null, 2));
}
