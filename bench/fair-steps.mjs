// Where the fair first render's time goes (issue 14), step by step: `fairFirstRender` of
// bench/page.mjs, warm (after 3 runs of each side), RUNS more runs, each one mount of the
// widget on the JSON text and one d3-org-chart render of the same; prints the medians of
// both and of the time between the widget's sk: marks (src/web/timing.rs), from `mount`.
//
//   node bench/fair-steps.mjs [nodes=1000] (after make package; RUNS=15, VERBOSE=1 per run)
import { launchChromium } from '../tests/e2e/chromium.mjs';
import { serveStatic } from '../tests/e2e/static-server.mjs';
import { median } from './measure.mjs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const n = Number(process.argv[2] ?? 1000);
const STEPS = ['sk:formats', 'sk:read', 'sk:checked', 'sk:figures', 'sk:composed', 'sk:header', 'sk:drawn'];
const server = await serveStatic(ROOT);
const browser = await launchChromium([]);
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${server.url}/bench/page.html`);
  await page.waitForFunction(() => window.bench?.ready, null, { timeout: 60_000 });
  await page.evaluate((n) => window.bench.fairFirstRender(n, 3), n);
  const rows = [];
  for (let i = 0; i < Number(process.env.RUNS ?? 15); i++) {
    const r = await page.evaluate(async (n) => {
      performance.clearMarks();
      const r = await window.bench.fairFirstRender(n, 1);
      const marks = performance.getEntriesByType('mark');
      const t0 = marks.find((m) => m.name === 'bench:mount')?.startTime ?? 0;
      return { ours: r.ours.work, d3: r.orgChart.work, at: Object.fromEntries(marks.map((m) => [m.name, m.startTime - t0])) };
    }, n);
    rows.push(r);
    if (process.env.VERBOSE) console.log(`ours ${r.ours.toFixed(1)}, d3-org-chart ${r.d3.toFixed(1)} ms:`, STEPS.map((s) => `${s.slice(3)} ${r.at[s]?.toFixed(1)}`).join(', '));
  }
  const m = (f) => median(rows.map(f).filter(Number.isFinite)).toFixed(1);
  const steps = STEPS.map((s, i) => `${s.slice(3)} +${m((r) => r.at[s] - (i ? r.at[STEPS[i - 1]] : 0))}`);
  console.log(`${n} nodes, median of ${rows.length} (ms): ours ${m((r) => r.ours)}, d3-org-chart ${m((r) => r.d3)}; ours from mount: ${steps.join(', ')}; drawn → laid out +${m((r) => r.ours - r.at['sk:drawn'])}`);
} finally {
  await browser.close();
  await server.close();
}
