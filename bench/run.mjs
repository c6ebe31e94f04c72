// `make bench` driver: serves the repository on 127.0.0.1, opens bench/page.html in headless
// Debian Chromium (playwright-core) and measures there, side by side in one run:
//   - layout alone: our layoutTree vs d3-flextree vs d3-hierarchy tree(), wide and deep trees;
//   - the full widget vs d3-org-chart on the same trees: first render, expand all,
//     collapse all, search-and-centre;
//   - memory over 1,000 mount / update / destroy cycles;
//   - the key-figure benchmark; the bundle sizes (gzip and brotli of every entry).
// Prints tables and writes everything to target/bench/results.json.
//
//   node bench/run.mjs            (after scripts/build.sh web; scripts/bench.sh does it all)
//   BENCH_QUICK=1 node bench/run.mjs    100 and 1,000 nodes, 3 runs: a quick pass
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { CHROMIUM, launchChromium } from '../tests/e2e/chromium.mjs';
import { build } from 'esbuild';
import { serveStatic } from '../tests/e2e/static-server.mjs';
import { loadBench } from './load.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const OUT = join(ROOT, 'target', 'bench');
const QUICK = Boolean(process.env.BENCH_QUICK && process.env.BENCH_QUICK !== '0');
const SIZES = process.env.BENCH_SIZES
  ? process.env.BENCH_SIZES.split(',').map(Number)
  : QUICK
    ? [100, 1_000]
    : [100, 1_000, 10_000, 100_000];
const RUNS = QUICK ? 3 : 5;
const LAYOUT_RUNS = QUICK ? 3 : 7;
const CYCLES = Number(process.env.BENCH_CYCLES ?? (QUICK ? 100 : 1_000));
const WARMUP = 50;
const KEYFIGURES = join(ROOT, 'target', 'bench-keyfigures.json');
/** BENCH_ONLY=layout,widget,fair,memory,keyfigures,load runs those parts only (default: all). */
const ONLY = new Set((process.env.BENCH_ONLY ?? 'layout,widget,fair,memory,keyfigures,load').split(',').map((s) => s.trim()));
/**
 * d3-org-chart at 100,000 nodes runs once, and only when 30 × its run at 10,000 nodes (it
 * grew 28× from 10,000 to 100,000 here: 10 s → 4.5 min) stays within this.
 */
const ORGCHART_BUDGET_MS = Number(process.env.BENCH_ORGCHART_BUDGET_MS ?? 300_000);

/** How long the widget may take for one run at 100,000 nodes before its page is closed. */
const WIDGET_TIMEOUT_MS = Number(process.env.BENCH_WIDGET_TIMEOUT_MS ?? 90_000);

const started = Date.now();
const log = (...a) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...a);
const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---------------------------------------------------------------- the machine

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? '?';
  let chromium = '?';
  try {
    chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {}
  let commit = '?';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {}
  const pkg = (name) => JSON.parse(readFileSync(join(BENCH, 'node_modules', name, 'package.json'), 'utf8')).version;
  return {
    cores: os.cpus().length,
    model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium,
    commit,
    anchors: { 'd3-org-chart': pkg('d3-org-chart'), 'd3-flextree': pkg('d3-flextree'), 'd3-hierarchy': pkg('d3-hierarchy') },
    date: new Date().toISOString(),
    quick: QUICK,
  };
}

// ---------------------------------------------------------------- sizes

function sizesOf(files) {
  return files.map((file) => {
    const bytes = readFileSync(file);
    return {
      file: relative(ROOT, file),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
}

/** gzip / brotli of every entry's files (.wasm and .js) under pkg/, and of d3-org-chart min. */
async function bundleSizes() {
  const entries = {};
  for (const entry of readdirSync(join(ROOT, 'pkg'))) {
    const dir = join(ROOT, 'pkg', entry);
    if (!statSync(dir).isDirectory()) continue;
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.wasm') || f.endsWith('.js'))
      .map((f) => join(dir, f));
    if (!files.length) continue;
    const list = sizesOf(files);
    const sum = (k) => list.reduce((n, f) => n + f[k], 0);
    entries[entry] = { files: list, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
  }
  // The anchor, measured like anchors.md: esbuild bundle, minified, then gzip -9.
  const result = await build({
    entryPoints: [join(BENCH, 'orgchart-only.mjs')],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents;
  const orgChart = {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  // The package's own size table (scripts/size.mjs: every entry of pkg/ as published).
  let table = null;
  const totals = join(OUT, 'size.json');
  try {
    table = execFileSync('node', ['scripts/size.mjs', 'pkg', '--budget', 'size-budget.json', '--json', totals], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    table = e.stdout || null; // exits 1 when an entry is missing (no 'make package') or over its budget
  }
  const sizeEntries = existsSync(totals) ? JSON.parse(readFileSync(totals, 'utf8')) : null;
  return { entries, 'd3-org-chart (esbuild min, with its d3 parts)': orgChart, sizeScript: table, sizeEntries };
}

// ---------------------------------------------------------------- browser

async function buildAnchors() {
  mkdirSync(OUT, { recursive: true });
  await build({
    entryPoints: [join(BENCH, 'anchors.mjs')],
    bundle: true,
    format: 'esm',
    minify: true,
    outfile: join(OUT, 'anchors.js'),
    logLevel: 'silent',
  });
}

async function openPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('crash', () => problems.push('page crashed'));
  await page.goto(url);
  await page.waitForFunction(() => window.bench?.ready, null, { timeout: 60_000 });
  const cdp = await context.newCDPSession(page);
  const check = () => {
    if (problems.length) throw new Error(`the bench page reported:\n  ${problems.join('\n  ')}`);
  };
  return { context, page, cdp, check };
}

/**
 * Runs `body(page)` on a bench page in a browser of its own, closed after `ms` busy or not
 * (closing only the page leaves a busy renderer running on and slows whatever comes next).
 */
async function isolated(url, ms, body) {
  const browser = await launch();
  const { page, check } = await openPage(browser, url);
  let timer;
  try {
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve({ timedOut: ms }), ms);
    });
    const result = await Promise.race([body(page), timeout]);
    if (!result.timedOut) check();
    return result;
  } finally {
    clearTimeout(timer);
    await browser.close().catch(() => {});
  }
}

function launch() {
  return launchChromium(['--enable-precise-memory-info']);
}

const fmt = (ms) => (ms == null ? '—' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const ratio = (a, b) => (a == null || b == null || a === 0 ? '—' : `${(b / a).toFixed(1)}×`);
const pad = (s, n) => String(s).padStart(n);
const names = (n) => (n === 0 ? 'default' : n.toLocaleString('en-US'));

async function main() {
  if (!existsSync(join(ROOT, 'pkg/index.js'))) throw new Error("pkg/index.js missing: run 'scripts/package.sh'");
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: run 'make tools'`);
  await buildAnchors();
  const results = { machine: machine(), settings: { sizes: SIZES, runs: RUNS, layoutRuns: LAYOUT_RUNS, cycles: CYCLES, warmup: WARMUP, only: [...ONLY] } };
  log(`machine: ${results.machine.cores} × ${results.machine.model}, ${results.machine.chromium}, node ${results.machine.node}`);

  const server = await serveStatic(ROOT);
  const browser = await launch();
  const url = `${server.url}/bench/page.html`;
  try {
    // Layout alone.
    if (ONLY.has('layout')) {
      const { context, page, check } = await openPage(browser, url);
      results.layout = [];
      for (const [variant, fan] of [['wide', 12], ['deep', 3]]) {
        for (const n of SIZES) {
          const r = await page.evaluate(([n, fan, runs]) => window.bench.layoutCase(n, fan, runs), [n, fan, LAYOUT_RUNS]);
          results.layout.push({ variant, nodes: n, ...r });
          log(`layout ${variant} ${n}: ours ${fmt(r.ours)} ms, flextree ${fmt(r.flextree)} ms, d3.tree ${fmt(r.d3tree)} ms`);
        }
      }
      check();
      await context.close();
    }

    // The full widget vs d3-org-chart.
    if (ONLY.has('widget')) {
      results.widget = [];
      const { context, page, check } = await openPage(browser, url);
      const metrics = ['firstRender', 'expandAll', 'collapseAll', 'search'];
      const summarise = (runs) => {
        const out = { runs: runs.length };
        for (const m of metrics) {
          out[m] = { work: median(runs.map((r) => r[m].work)), frame: median(runs.map((r) => r[m].frame)) };
        }
        for (const k of ['total', 'inDomFirst', 'inDomExpanded', 'inDomSearch', 'hits', 'centredOffset']) {
          if (runs[0] && k in runs[0]) out[k] = runs[0][k];
        }
        return out;
      };
      // 100,000 nodes: one run, in a page of its own that is closed after WIDGET_TIMEOUT_MS.
      const oursRuns = async (n, persons) => {
        if (n < 100_000) {
          const runs = [];
          for (let r = 0; r < RUNS; r++) runs.push(await page.evaluate(([n, p]) => window.bench.widgetRun(n, p), [n, persons]));
          return summarise(runs);
        }
        const one = await isolated(url, WIDGET_TIMEOUT_MS, (p) => p.evaluate(([n, p]) => window.bench.widgetRun(n, p), [n, persons]));
        return one.timedOut ? one : summarise([one]);
      };
      for (const n of [0, ...SIZES]) {
        const row = { nodes: n, ours: await oursRuns(n, true) };
        if (row.ours.timedOut) log(`widget ${names(n)}: did not finish within ${WIDGET_TIMEOUT_MS / 1000} s`);
        else log(`widget ${names(n)}: first render ${fmt(row.ours.firstRender.work)} ms, expand all ${fmt(row.ours.expandAll.work)} ms (${row.ours.total} nodes)`);
        if (n >= 10_000) {
          row.oursNoPersons = await oursRuns(n, false);
          if (!row.oursNoPersons.timedOut) log(`widget ${names(n)}, empty seats: first render ${fmt(row.oursNoPersons.firstRender.work)} ms`);
        }
        if (n > 0) {
          const prev = results.widget.find((w) => w.nodes === n / 10)?.orgChart;
          const estimate = prev ? 30 * (prev.firstRender.frame + prev.expandAll.frame + prev.collapseAll.frame + prev.search.frame) : 0;
          if (n >= 100_000 && (!prev || estimate > ORGCHART_BUDGET_MS)) {
            row.orgChart = {
              skipped: prev
                ? `estimated ${Math.round(estimate / 1000)} s a run (30 × its time at 10,000 nodes; budget ${ORGCHART_BUDGET_MS / 1000} s)`
                : 'no 10,000-node run to estimate its time from',
            };
            log(`d3-org-chart ${names(n)}: skipped, ${row.orgChart.skipped}`);
          } else {
            const runs = n >= 100_000 ? 1 : RUNS;
            const theirs = [];
            for (let r = 0; r < runs; r++) theirs.push(await page.evaluate((n) => window.bench.orgChartRun(n), n));
            row.orgChart = summarise(theirs);
            log(`d3-org-chart ${names(n)}: first render ${fmt(row.orgChart.firstRender.work)} ms, expand all ${fmt(row.orgChart.expandAll.work)} ms (${runs} run(s))`);
          }
        }
        results.widget.push(row);
        check();
      }
      await context.close();
    }

    // Memory: a fresh page, 1,000 mount / update / destroy cycles.
    if (ONLY.has('memory')) {
      const { context, page, cdp, check } = await openPage(browser, url);
      const measure = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        return page.evaluate(() => window.bench.memory());
      };
      const before = await measure();
      await page.evaluate((n) => window.bench.cycles(n, 0), WARMUP);
      const warm = await measure();
      const t = Date.now();
      await page.evaluate(([n, s]) => window.bench.cycles(n, s), [CYCLES - WARMUP, WARMUP]);
      const end = await measure();
      check();
      results.memory = {
        cycles: CYCLES,
        warmup: WARMUP,
        before,
        afterWarmup: warm,
        end,
        wasmGrowth: end.wasm - warm.wasm,
        jsHeapGrowth: end.jsHeap - warm.jsHeap,
        msPerCycle: (Date.now() - t) / (CYCLES - WARMUP),
      };
      log(`memory: wasm ${warm.wasm} → ${end.wasm} B, JS heap ${warm.jsHeap} → ${end.jsHeap} B over ${CYCLES - WARMUP} cycles`);
      await context.close();
    }

    // Key figures in the browser.
    if (!ONLY.has('keyfigures')) {
      // not asked for
    } else if (existsSync(KEYFIGURES)) {
      const { context, page, check } = await openPage(browser, url);
      results.keyFigures = await page.evaluate(([u, runs]) => window.bench.keyFigureCase(u, runs), ['/target/bench-keyfigures.json', QUICK ? 3 : 7]);
      check();
      log(`key figures: keyFigures(text) ${fmt(results.keyFigures.textMs)} ms`);
      await context.close();
    } else {
      results.keyFigures = { skipped: `${relative(ROOT, KEYFIGURES)} missing (cargo run --release --example bench_keyfigures ${relative(ROOT, KEYFIGURES)})` };
    }
    // First render with the same JSON text for both (issue 14).
    if (ONLY.has('fair')) {
      const { context, page, check } = await openPage(browser, url);
      results.fair = [];
      for (const n of [1_000, 10_000]) {
        // Two more runs than the others: the first two warm both sides' code up.
        const r = await page.evaluate(([n, runs]) => window.bench.fairFirstRender(n, runs), [n, RUNS + 2]);
        check();
        results.fair.push({ nodes: n, ...r });
        log(`fair first render ${names(n)}: ours ${fmt(r.ours.work)} ms, d3-org-chart ${fmt(r.orgChart.work)} ms warm; first run ${fmt(r.ours.first)} vs ${fmt(r.orgChart.first)} ms (same ${r.bytes}-byte JSON text)`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }

  // Loading as part of a page: CLS, long tasks, time to first chart on a phone (issue 14).
  if (ONLY.has('load')) results.load = await loadBench({ log: (...a) => log(...a), runs: QUICK ? 1 : 3 });

  results.bundle = await bundleSizes();
  results.targets = targets(results);
  results.seconds = Math.round((Date.now() - started) / 1000);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  print(results);
  console.log(`\nwritten: ${relative(ROOT, join(OUT, 'results.json'))} (${results.seconds} s)`);
}

// ---------------------------------------------------------------- targets and tables

function targets(r) {
  const out = [];
  const layout10k = r.layout?.filter((l) => l.nodes === 10_000) ?? [];
  const widget = (n) => r.widget?.find((w) => w.nodes === n);
  const add = (target, measured, met) => out.push({ target, measured, met });
  if (layout10k.length) {
    const worst = Math.max(...layout10k.map((l) => l.ours));
    add('layout of 10,000 nodes ≤ 5 ms (wasm)', `${fmt(worst)} ms (slower of wide/deep)`, worst <= 5);
    const faster = layout10k.every((l) => l.ours < l.d3tree);
    add('layout of 10,000 nodes faster than d3.tree()', layout10k.map((l) => `${l.variant} ${fmt(l.ours)} vs ${fmt(l.d3tree)} ms`).join('; '), faster);
  }
  const w10 = widget(10_000);
  if (w10?.ours?.firstRender) {
    add('first render of 10,000 nodes ≤ 150 ms', `${fmt(w10.ours.firstRender.work)} ms (next frame ${fmt(w10.ours.firstRender.frame)} ms)`, w10.ours.firstRender.work <= 150);
    for (const [k, label] of [['expandAll', 'expand all'], ['collapseAll', 'collapse all'], ['search', 'search-and-centre']]) {
      add(`${label} ≤ 16 ms at 10,000 nodes`, `${fmt(w10.ours[k].work)} ms (next frame ${fmt(w10.ours[k].frame)} ms)`, w10.ours[k].work <= 16);
    }
  }
  const fives = (r.widget ?? []).filter((w) => w.nodes >= 1_000 && w.orgChart?.firstRender && w.ours.firstRender);
  if (fives.length) {
    const ratios = fives.map((w) => ({ n: w.nodes, x: w.orgChart.firstRender.work / w.ours.firstRender.work }));
    add('first render ≥ 5× faster than d3-org-chart from 1,000 nodes up', ratios.map((x) => `${names(x.n)}: ${x.x.toFixed(1)}×`).join('; '), ratios.every((x) => x.x >= 5));
  }
  const web = r.bundle?.entries?.web;
  if (web) add('browser entry ≤ 150 KB gzip in total', `${(web.gzip / 1024).toFixed(1)} KiB gzip (${(web.brotli / 1024).toFixed(1)} KiB brotli)`, web.gzip <= 150 * 1024);
  // Issue 14.
  const es = r.bundle?.sizeEntries?.['web (sundhedsklynger)'];
  if (es) add('ES entry (index.js + glue + wasm) ≤ 300 KB gzip and ≤ 240 KB brotli', `${es.gzip} B gzip, ${es.brotli} B brotli`, es.gzip <= 300_000 && es.brotli <= 240_000);
  const inl = r.bundle?.sizeEntries?.['inline (sundhedsklynger/inline)'];
  if (inl) add('inline build ≤ 450 KB gzip', `${inl.gzip} B gzip`, inl.gzip <= 450_000);
  if (r.fair) {
    add('first render from the same JSON text not slower than d3-org-chart (1,000 and 10,000 nodes, warm)', r.fair.map((f) => `${names(f.nodes)}: ${ratio(f.ours.work, f.orgChart.work)}`).join('; '), r.fair.every((f) => f.ours.work <= f.orgChart.work));
  }
  if (r.load) {
    const worst = Math.max(...r.load.cls.map((c) => c.cls));
    add('CLS caused by the widget ≤ 0.05 (text below it)', r.load.cls.map((c) => `${c.contender} ${c.dataset} ${c.cls.toFixed(3)}`).join('; '), worst <= 0.05);
    const tasks = [...r.load.cls.map((c) => [`${c.contender} ${c.dataset}`, c.maxLongTask]), ...r.load.longTasks.map((t) => [`demo ${t.dataset}`, t.maxLongTask])];
    add('no main-thread task > 50 ms while loading and drawing', tasks.map(([k, v]) => `${k} ${fmt(v)} ms`).join('; '), tasks.every(([, v]) => v <= 50));
    const phone = r.load.ttfc.filter((t) => t.contender !== 'orgchart');
    add('time to first chart on a phone ≤ 2.5 s', r.load.ttfc.map((t) => `${t.contender} ${t.dataset} ${fmt(t.ms)} ms`).join('; '), phone.every((t) => t.ms <= 2500));
  }
  if (r.memory) {
    const g = r.memory.wasmGrowth + r.memory.jsHeapGrowth;
    add(`memory growth over ${r.memory.cycles - r.memory.warmup} cycles ≤ 1 MB`, `wasm +${(r.memory.wasmGrowth / 1024).toFixed(0)} KiB, JS heap ${r.memory.jsHeapGrowth >= 0 ? '+' : ''}${(r.memory.jsHeapGrowth / 1024).toFixed(0)} KiB`, g <= 1_000_000);
  }
  return out;
}

function print(r) {
  const m = r.machine;
  console.log(`\n# sundhedsklynger bench${m.quick ? ' (BENCH_QUICK)' : ''}`);
  console.log(`machine: ${m.cores} cores, ${m.model}, ${m.memoryGiB} GiB, ${m.os}; ${m.chromium}; node ${m.node}; load ${m.loadAverage.join(' ')}; commit ${m.commit}`);
  console.log(`anchors: ${Object.entries(m.anchors).map(([k, v]) => `${k} ${v}`).join(', ')}`);

  console.log(`\n## Layout alone, headless Chromium, median of ${r.settings.layoutRuns} (ms)`);
  console.log('variant   nodes |     ours | flextree | +hierarchy |  d3.tree | +stratify | flextree/ours | d3.tree/ours');
  for (const l of r.layout ?? []) {
    console.log(
      `${l.variant.padEnd(5)} ${pad(names(l.nodes), 9)} | ${pad(fmt(l.ours), 8)} | ${pad(fmt(l.flextree), 8)} | ${pad(fmt(l.flextreeWithHierarchy), 10)} | ${pad(fmt(l.d3tree), 8)} | ${pad(fmt(l.d3treeWithStratify), 9)} | ${pad(ratio(l.ours, l.flextree), 13)} | ${pad(ratio(l.ours, l.d3tree), 12)}`,
    );
  }

  console.log(`\n## Widget vs d3-org-chart (duration 0), same tree, median of ${r.settings.runs} (ms until DOM updated + laid out; in brackets: until the next frame is painted)`);
  console.log('ratio = d3-org-chart ÷ ours (> 1: ours faster); "centred" = the searched node\'s distance from the middle of the chart after search-and-centre');
  console.log('   nodes | step          |              ours |      d3-org-chart | ratio');
  const steps = [['firstRender', 'first render'], ['expandAll', 'expand all'], ['collapseAll', 'collapse all'], ['search', 'search+centre']];
  const cell = (side, k) => {
    if (!side) return '—';
    if (side.skipped) return 'skipped';
    if (side.timedOut) return `> ${side.timedOut / 1000} s`;
    const x = side[k];
    return x ? `${fmt(x.work)} (${fmt(x.frame)})` : '—';
  };
  const note = (side, name) =>
    !side ? '' : side.skipped ? `${name}: skipped, ${side.skipped}` : side.timedOut ? `${name}: not done after ${side.timedOut / 1000} s (1 run)` :
      `${name}: ${side.runs} run(s), ${side.total ?? '?'} chart nodes, in DOM ${side.inDomFirst} → ${side.inDomExpanded}${side.hits ? `, search "${side.hits}"` : ''}, centred ${side.centredOffset} px`;
  for (const w of r.widget ?? []) {
    for (const [k, label] of steps) {
      const both = w.ours[k] && w.orgChart?.[k];
      console.log(`${pad(names(w.nodes), 8)} | ${label.padEnd(13)} | ${pad(cell(w.ours, k), 17)} | ${pad(cell(w.orgChart, k), 17)} | ${pad(both ? ratio(w.ours[k].work, w.orgChart[k].work) : '—', 5)}`);
    }
    if (w.oursNoPersons) {
      for (const [k, label] of steps) console.log(`${pad('', 8)} | ${`${label}*`.padEnd(13)} | ${pad(cell(w.oursNoPersons, k), 17)} |`);
    }
    for (const [side, name] of [[w.ours, 'ours'], [w.oursNoPersons, 'ours* (empty seats)'], [w.orgChart, 'd3-org-chart']]) {
      if (side) console.log(`${' '.repeat(8)} | ${note(side, name)}`);
    }
  }

  if (r.memory) {
    const mm = r.memory;
    console.log(`\n## Memory: ${mm.cycles} mount / update / update(data) / destroy cycles (${mm.msPerCycle.toFixed(1)} ms each), after forced GC`);
    console.log(`wasm memory: ${mm.before.wasm} B at start, ${mm.afterWarmup.wasm} B after ${mm.warmup}, ${mm.end.wasm} B at the end (+${mm.wasmGrowth} B)`);
    console.log(`JS heap:     ${mm.before.jsHeap} B at start, ${mm.afterWarmup.jsHeap} B after ${mm.warmup}, ${mm.end.jsHeap} B at the end (${mm.jsHeapGrowth >= 0 ? '+' : ''}${mm.jsHeapGrowth} B)`);
  }

  const k = r.keyFigures;
  if (k?.skipped) console.log(`\n## Key figures: skipped: ${k.skipped}`);
  else if (k) {
    console.log(`\n## Key figures in the browser (web entry), median of ${k.runs}: ${k.rows} value rows, ${k.figures} figures, ${(k.bytes / 1e6).toFixed(1)} MB JSON`);
    console.log(`validate(text) ${fmt(k.validateMs)} ms; keyFigures(text) ${fmt(k.textMs)} ms; keyFigures(object) ${fmt(k.objectMs)} ms`);
  }

  console.log('\n## Bundle (bytes; gzip -9 and brotli 11, Node zlib)');
  if (r.bundle.sizeScript) {
    console.log('scripts/size.mjs pkg:');
    console.log(r.bundle.sizeScript.trimEnd());
    console.log('');
  } else {
    console.log('file                                              raw      gzip    brotli');
    for (const e of Object.values(r.bundle.entries)) {
      for (const f of e.files) console.log(`${f.file.padEnd(44)} ${pad(f.raw, 9)} ${pad(f.gzip, 9)} ${pad(f.brotli, 9)}`);
    }
  }
  for (const [entry, e] of Object.entries(r.bundle.entries)) {
    console.log(`${`pkg/${entry}/ (.wasm + .js), total`.padEnd(44)} ${pad(e.raw, 9)} ${pad(e.gzip, 9)} ${pad(e.brotli, 9)}`);
  }
  for (const [name, s] of Object.entries(r.bundle)) {
    if (!['entries', 'sizeScript', 'sizeEntries'].includes(name)) console.log(`${name.padEnd(44)} ${pad(s.raw, 9)} ${pad(s.gzip, 9)} ${pad(s.brotli, 9)}`);
  }

  if (r.fair) {
    console.log(`\n## First render from the same JSON text (ours: mount({ data: text }); d3-org-chart: JSON.parse + rows + render), median of ${r.settings.runs} after 2 warm-up runs; first run apart (ms)`);
    console.log('   nodes |  JSON bytes |              ours |      d3-org-chart | ratio | first run: ours, d3-org-chart');
    for (const f of r.fair) console.log(`${pad(names(f.nodes), 8)} | ${pad(f.bytes, 11)} | ${pad(`${fmt(f.ours.work)} (${fmt(f.ours.frame)})`, 17)} | ${pad(`${fmt(f.orgChart.work)} (${fmt(f.orgChart.frame)})`, 17)} | ${pad(ratio(f.ours.work, f.orgChart.work), 5)} | ${fmt(f.ours.first)}, ${fmt(f.orgChart.first)}`);
  }
  if (r.load) {
    const l = r.load;
    console.log(`\n## Loading (cold cache, served compressed; median of ${l.method.runs})`);
    console.log('desktop 1280×900: contender, data set | CLS | long tasks per load (ms) | first chart painted (ms)');
    for (const c of l.cls) console.log(`  ${c.contender} ${c.dataset} ${c.region} | ${c.cls.toFixed(3)} (shifted: ${c.shifted.join(', ') || '—'}) | ${JSON.stringify(c.longTasks)} | ${fmt(c.painted)}`);
    for (const t of l.longTasks) console.log(`  demo ${t.dataset} | long tasks ${JSON.stringify(t.longTasks)}`);
    console.log(`phone (CPU ${l.method.phone.cpu}×, ${(l.method.phone.down * 8) / 1e6} Mbps down, ${l.method.phone.latency} ms RTT): navigation → first chart painted`);
    for (const t of l.ttfc) console.log(`  ${t.contender} ${t.dataset} ${t.region}: ${fmt(t.ms)} ms (${t.all.join(', ')}), ${t.bytes} B transferred${t.nodes ? `, ${t.nodes} nodes` : ''}; long tasks ${JSON.stringify(t.longTasks)}`);
  }

  console.log('\n## Targets (issues 5 and 14)');
  for (const t of r.targets) console.log(`${t.met ? 'met    ' : 'NOT met'} ${t.target}: ${t.measured}`);
}

export { buildAnchors, launch, openPage, serveStatic, ROOT };

// Run when executed (`node bench/run.mjs`), not when imported (tests/e2e/bench-smoke.test.mjs).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
