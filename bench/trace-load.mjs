// Where a page's long tasks come from: loads a page of bench/load.mjs (or any URL) cold,
// with a Chromium trace of the main thread, and prints each task over a threshold with
// what it spent its time on (script, style, layout, paint, compile …) and the widget's
// User Timing marks inside it.
//   node bench/trace-load.mjs element:klynger-2022 [runs]     (after make package, make dist)
//   node bench/trace-load.mjs /dist/index.html?data=default&dataset=sundhedsraad-2027
// Environment: MIN_MS (threshold, 30), PHONE=1 (CPU 4×; no network throttling).
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../tests/e2e/static-server.mjs';
import { launchChromium } from '../tests/e2e/chromium.mjs';
import { writePages } from './load.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MIN_MS = Number(process.env.MIN_MS ?? 30);
const [target = 'element:klynger-2022', runsArg = '1'] = process.argv.slice(2);

/** The page of bench/load.mjs for `contender:dataset` (it writes them), or a path as given. */
function pagePath(spec) {
  if (spec.startsWith('/')) return spec;
  const page = writePages()[spec];
  if (!page) throw new Error(`no page ${spec} in bench/load.mjs (contender:data set, e.g. element:klynger-2022)`);
  return page;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'toplevel', ...(process.env.CATS ? process.env.CATS.split(',') : [])];

async function traceOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (process.env.PHONE) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const finished = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('#w')?.shadowRoot?.querySelector('[role="treeitem"]') || document.querySelector('#app [role="treeitem"]'), null, { timeout: 60_000, polling: 50 });
  await page.waitForTimeout(1500);
  await cdp.send('Tracing.end');
  await finished;
  await context.close();
  return events;
}

function report(events) {
  // The renderer's main thread where the page ran: the CrRendererMain with most events.
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const count = (m) => events.filter((e) => e.pid === m.pid && e.tid === m.tid).length;
  const main = mains.sort((a, b) => count(b) - count(a))[0];
  const on = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const marks = events.filter((e) => e.cat?.includes('user_timing') && /^(sk|js):/.test(e.name));
  const all = on.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur / 1000 >= MIN_MS);
  // Only the outermost of nested task events.
  const tasks = all.filter((t) => !all.some((o) => o !== t && o.ts <= t.ts && o.ts + o.dur >= t.ts + t.dur && (o.dur > t.dur || o.ts < t.ts)));
  const t0 = Math.min(...on.map((e) => e.ts));
  for (const t of tasks) {
    const end = t.ts + t.dur;
    const inside = on.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= end);
    const by = new Map();
    for (const e of inside) {
      if (['RunTask', 'ThreadControllerImpl::RunTask'].includes(e.name)) continue;
      by.set(e.name, (by.get(e.name) ?? 0) + e.dur / 1000);
    }
    const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 9).map(([n, ms]) => `${n} ${ms.toFixed(1)}`);
    // How much was laid out: Layout's objects, UpdateLayoutTree's elements.
    const layouts = inside.filter((e) => e.name === 'Layout').map((e) => `${e.args?.beginData?.dirtyObjects ?? '?'}/${e.args?.beginData?.totalObjects ?? '?'} objects ${(e.dur / 1000).toFixed(0)} ms`);
    const styles = inside.filter((e) => e.name === 'UpdateLayoutTree' && e.dur > 1000).map((e) => `${e.args?.elementCount ?? '?'} elements ${(e.dur / 1000).toFixed(0)} ms`);
    if (layouts.length) top.push(`\n    layout: ${layouts.join(', ')}`);
    if (styles.length) top.push(`\n    style: ${styles.join(', ')}`);
    const within = marks.filter((m) => m.ts >= t.ts && m.ts <= end).map((m) => m.name);
    console.log(`task at ${((t.ts - t0) / 1000).toFixed(0)} ms: ${(t.dur / 1000).toFixed(1)} ms  marks [${within.join(' ')}]\n    ${top.join(' · ')}`);
  }
  console.log(`marks: ${marks.map((m) => `${m.name}@${((m.ts - t0) / 1000).toFixed(0)}`).join(' ')}`);
}

const server = await serveStatic(ROOT, { compress: true });
const browser = await launchChromium();
try {
  const url = `${server.url}${pagePath(target)}`;
  for (let i = 0; i < Number(runsArg); i++) {
    console.log(`--- ${target} run ${i + 1}`);
    report(await traceOnce(browser, url));
  }
} finally {
  await browser.close();
  await server.close();
}
