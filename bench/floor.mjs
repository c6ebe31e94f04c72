// The floor under the first-render target "≥ 5× faster than d3-org-chart": how long the
// widget's reading and checking alone take — `validate(text)` of the web entry on the data
// set `make bench` mounts, no drawing — beside `JSON.stringify` of the same data and
// `keyFigures(text)`. Median of 9 runs per size, in the same headless Chromium.
//   node bench/floor.mjs [sizes=100,1000,10000]   (after scripts/bench.sh has built pkg/web)
import { launch, openPage, serveStatic, ROOT } from './run.mjs';

const SIZES = (process.argv[2] ?? '100,1000,10000').split(',').map(Number);

const server = await serveStatic(ROOT);
const browser = await launch();
try {
  const { page } = await openPage(browser, `${server.url}/bench/page.html`);
  const rows = await page.evaluate(async (sizes) => {
    const { widgetDataset } = await import('/bench/trees.mjs');
    const { timed } = await import('/bench/measure.mjs');
    const sk = await import('/pkg/web/sundhedsklynger.js');
    const out = [];
    for (const n of sizes) {
      const data = widgetDataset(n, { persons: true });
      const text = JSON.stringify(data);
      const [validate, report] = timed(() => sk.validate(text), 9);
      // The bench's data sets are valid: the check must get through every rule, not stop early.
      if (!report.ok) throw new Error(`the ${n}-node data set has errors`);
      const [stringify] = timed(() => JSON.stringify(data), 9);
      const [keyFigures] = timed(() => sk.keyFigures(text), 9);
      out.push({ n, bytes: text.length, stringify, validate, keyFigures });
    }
    return out;
  }, SIZES);
  console.log('nodes   | JSON bytes | JSON.stringify | validate(text) | keyFigures(text)   (ms, median of 9)');
  for (const r of rows) {
    console.log(`${String(r.n).padStart(7)} | ${String(r.bytes).padStart(10)} | ${r.stringify.toFixed(1).padStart(14)} | ${r.validate.toFixed(1).padStart(14)} | ${r.keyFigures.toFixed(1).padStart(16)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
