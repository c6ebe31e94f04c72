// Where the memory of mount / update / destroy cycles goes (the `make bench` memory figure
// grew by more than 1 MB): runs variants of the cycle in fresh pages and reports the growth
// of wasm memory and JS heap after forced GC, then diffs two JS heap snapshots by
// constructor name (count and self size), to name what is retained.
//   node bench/leak.mjs [cycles=300]      (after scripts/bench.sh has built pkg/web and the anchors)
import { buildAnchors, launch, openPage, serveStatic, ROOT } from './run.mjs';

const CYCLES = Number(process.argv[2] ?? 300);

const VARIANTS = {
  'mount + destroy (default data, chart)': `async (n) => { for (let i = 0; i < n; i++) { const h = B.mount(S, { view: 'chart' }); await F(); h.destroy(); await F(); } }`,
  'mount + destroy (default data, list)': `async (n) => { for (let i = 0; i < n; i++) { const h = B.mount(S, { view: 'list' }); await F(); h.destroy(); await F(); } }`,
  'mount + update(region) + destroy': `async (n) => { for (let i = 0; i < n; i++) { const h = B.mount(S, { view: 'chart', region: 'RH' }); await F(); h.update({ region: 'RM' }); await F(); h.destroy(); await F(); } }`,
  'one mount, update(region) n times': `async (n) => { const h = B.mount(S, { view: 'chart' }); await F(); for (let i = 0; i < n; i++) { h.update({ region: i % 2 ? 'RM' : 'RH' }); await F(); } h.destroy(); await F(); }`,
};

async function snapshot(cdp) {
  const chunks = [];
  const onChunk = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join(''));
  const { node_fields: fields, node_types: [types] } = snap.snapshot.meta;
  const F = fields.length;
  const iType = fields.indexOf('type');
  const iName = fields.indexOf('name');
  const iSize = fields.indexOf('self_size');
  const byName = new Map();
  for (let i = 0; i < snap.nodes.length; i += F) {
    const type = types[snap.nodes[i + iType]];
    let name = snap.strings[snap.nodes[i + iName]];
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string') name = '(string)';
    else if (type === 'code') name = '(code)';
    else if (type === 'closure') name = `(closure) ${name}`;
    else if (type !== 'object' && type !== 'native') name = `(${type})`;
    const e = byName.get(name) ?? { count: 0, size: 0 };
    e.count++;
    e.size += snap.nodes[i + iSize];
    byName.set(name, e);
  }
  return byName;
}

const server = await serveStatic(ROOT);
await buildAnchors();
const browser = await launch();
try {
  for (const [name, body] of Object.entries(VARIANTS)) {
    const { context, page, cdp, check } = await openPage(browser, `${server.url}/bench/page.html`);
    await page.evaluate(`window.__cycle = ${body}`);
    await page.evaluate(async () => {
      const m = await import('/pkg/web/sundhedsklynger.js');
      window.B = m;
      window.S = document.getElementById('stage');
      window.F = async () => {
        for (let k = 0; k < 2; k++) await new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
      };
    });
    const gc = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
    };
    await page.evaluate(() => window.__cycle(50));
    await gc();
    const a = await page.evaluate(() => window.bench.memory());
    const snapA = await snapshot(cdp);
    await page.evaluate((n) => window.__cycle(n), CYCLES);
    await gc();
    const b = await page.evaluate(() => window.bench.memory());
    const snapB = await snapshot(cdp);
    check();
    console.log(`\n${name}, ${CYCLES} cycles after 50: wasm +${b.wasm - a.wasm} B, JS heap +${b.jsHeap - a.jsHeap} B, DOM elements ${a.domNodes} → ${b.domNodes}`);
    const diff = [];
    for (const [k, v] of snapB) {
      const before = snapA.get(k) ?? { count: 0, size: 0 };
      if (v.count - before.count > 0 || v.size - before.size > 4096) diff.push([k, v.count - before.count, v.size - before.size]);
    }
    diff.sort((x, y) => y[2] - x[2]);
    for (const [k, c, s] of diff.slice(0, 12)) console.log(`  ${String(c).padStart(7)} objects ${String(s).padStart(9)} B  ${k.slice(0, 90)}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
