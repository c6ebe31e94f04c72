// The bench page: every measurement runs here, in headless Chromium, driven by bench/run.mjs
// through `window.bench`. The page is served from the repository root, so it loads the
// widget's ES entry from /pkg/index.js (which fetches /pkg/data/<id>.json for the built-in
// data) and the anchors' bundle from /target/bench/.
import init, { layoutTree, mount, keyFigures, validate } from '/pkg/index.js';
import { OrgChart, flextree, tree, stratify, hierarchy, timerFlush } from '/target/bench/anchors.js';
import { orgTree, widgetShape, widgetDataset, flatData, rowsFromDataset } from './trees.mjs';
import { keyFigureTimes, median } from './measure.mjs';

const wasm = await init();
const stage = document.getElementById('stage');


/** A macrotask: every microtask queued before it (Yew's scheduler runs in microtasks) has run. */
const macrotask = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
/** The next frame: its animation-frame callbacks, style, layout and paint, then a macrotask. */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => macrotask().then(resolve)));
/** Style and layout now (what the browser would otherwise do before the next paint). */
const forceLayout = () => stage.getBoundingClientRect() && document.body.offsetHeight;

/**
 * Times `action` twice over: `work` = until the DOM is updated and laid out (the action,
 * the work it queued — Yew's render for the widget, the zero-length transitions for
 * d3-org-chart — and a forced style + layout); `frame` = until the next frame after that
 * has been painted. `flush` finishes the queued work (awaited).
 */
async function timed(action, flush) {
  const t0 = performance.now();
  await action();
  await flush();
  forceLayout();
  const work = performance.now() - t0;
  await nextFrame();
  return { work, frame: performance.now() - t0 };
}

// ---------------------------------------------------------------- layout alone

/** Nested `{ i, children }` data for d3-flextree's hierarchy. */
function nested(parents) {
  const nodes = Array.from(parents, (_, i) => ({ i, children: [] }));
  for (let i = 1; i < parents.length; i++) nodes[parents[i]].children.push(nodes[i]);
  return nodes[0];
}

/**
 * Layout alone of one generated tree, median over `runs`: ours (`layoutTree`, the arrays
 * copied in and out), d3-flextree (variable node size: each node's width/height plus the
 * same gaps as ours) and d3-hierarchy's `tree()` (fixed nodeSize, the way it is used),
 * each with and without building the hierarchy first.
 */
export function layoutCase(n, fanOut, runs) {
  const { parents, widths, heights } = orgTree(n, fanOut);
  const rows = flatData(parents);
  const data = nested(parents);
  const out = {};
  // performance.now() has 0.1 ms steps here: a run repeats a call often enough to last
  // about 5 ms (calibrated on a first, warm-up call) and reports the time per call.
  const time = (f) => {
    let t = performance.now();
    f();
    const once = performance.now() - t;
    const reps = Math.max(1, Math.min(1000, Math.ceil(5 / Math.max(once, 0.01))));
    const ms = [];
    for (let r = 0; r < runs; r++) {
      t = performance.now();
      for (let k = 0; k < reps; k++) f();
      ms.push((performance.now() - t) / reps);
    }
    return median(ms);
  };
  let check;
  out.ours = time(() => {
    check = layoutTree(parents, widths, heights);
  });
  if (!check || !check.x || check.x.length !== n) throw new Error('layoutTree returned no positions');
  const gapX = 20;
  const gapY = 40;
  const flex = flextree({ nodeSize: (node) => [widths[node.data.i] + gapX, heights[node.data.i] + gapY] });
  out.flextreeWithHierarchy = time(() => flex(flex.hierarchy(data)));
  const flexRoot = flex.hierarchy(data);
  out.flextree = time(() => flex(flexRoot));
  const fixed = tree().nodeSize([200 + gapX, 70 + gapY]);
  const strat = stratify().id((d) => d.id).parentId((d) => d.parentId);
  out.d3treeWithStratify = time(() => fixed(strat(rows)));
  const root = strat(rows);
  out.d3tree = time(() => fixed(root));
  out.d3treeWithHierarchy = time(() => fixed(hierarchy(data)));
  return out;
}

// ---------------------------------------------------------------- full widget vs d3-org-chart

function clearStage() {
  stage.replaceChildren();
}

/** The data of a widget case: `n` = a generated chart of ~n nodes; 0 = the embedded default data. */
function widgetCase(n, persons) {
  if (n === 0) return { data: null, query: 'Borgmester', target: null };
  const shape = widgetShape(n);
  const data = widgetDataset(n, { persons });
  // `target`: the text of the node searched for.
  if (!persons) {
    // Seats without holders: search for the last cluster instead.
    const c = shape.clusters - 1;
    return { data, query: `Klynge ${c}`, target: `Klynge ${c}` };
  }
  // The last seat's holder: no other number contains the largest one, so one hit.
  const name = data.persons[shape.seats - 1].name;
  return { data, query: name, target: name };
}

const q = (sel) => stage.querySelector(sel);

/** Distance (px) between the centres of `el` and of the drawing area `frame`. */
function offsetFromCentre(el, frame) {
  const a = el.getBoundingClientRect();
  const b = frame.getBoundingClientRect();
  return Math.round(Math.hypot(a.x + a.width / 2 - (b.x + b.width / 2), a.y + a.height / 2 - (b.y + b.height / 2)));
}

/** Waits (macrotask by macrotask) until `probe()` is truthy; fails after `ms`. */
async function until(probe, what, ms = 120_000) {
  const end = performance.now() + ms;
  while (!probe()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await macrotask();
  }
}

/** Yew renders in microtasks; two macrotasks later the DOM and every effect's re-render are done. */
const yewFlush = async () => {
  await macrotask();
  await macrotask();
};

/**
 * One run of the widget on the case `n`: first render (mount → chart SVG in the DOM and
 * laid out), expand all, collapse all, search-and-centre — all through the toolbar's real
 * controls (click, and typing in the search field) — then destroy. `persons: false`: the
 * same chart with empty seats.
 */
export async function widgetRun(n, persons = true) {
  clearStage();
  const { data, query, target } = widgetCase(n, persons);
  const out = {};
  let handle;
  const options = { view: 'chart', lang: 'da', region: 'R1' };
  if (data) options.data = data;
  else delete options.region;
  out.firstRender = await timed(
    () => {
      handle = mount(stage, options);
    },
    () => until(() => q('svg.sk-chart-svg g.sk-node'), 'the chart'),
  );
  // The sections below the chart come a task later (aria-busy until then); the
  // interactions are measured on the whole widget.
  await until(() => q('.sk-widget:not([aria-busy])'), 'the widget drawn whole');
  const svg = q('svg.sk-chart-svg');
  out.total = Number(svg.getAttribute('data-nodes-total'));
  out.inDomFirst = Number(svg.getAttribute('data-nodes-in-dom'));
  out.expandAll = await timed(() => q('button.sk-expand-all').click(), yewFlush);
  out.inDomExpanded = Number(q('svg.sk-chart-svg').getAttribute('data-nodes-in-dom'));
  out.collapseAll = await timed(() => q('button.sk-collapse-all').click(), yewFlush);
  const input = q('input.sk-search-input');
  out.search = await timed(
    async () => {
      input.value = query;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: query }));
      await macrotask(); // the hits are computed; "next" is enabled
      q('button.sk-next-hit').click();
    },
    yewFlush,
  );
  out.hits = q('.sk-hit-count')?.textContent ?? '';
  // Where the searched node ended up: its distance from the middle of the chart, in px.
  // Found by its text (the deepest item that has it): the widget orders a body's seats by
  // role, so a seat's chart id need not be its place in the data.
  const items = target ? [...stage.querySelectorAll('svg.sk-chart-svg [data-node]')].filter((e) => e.textContent.includes(target)) : [];
  const found = items.at(-1)?.querySelector('.sk-node-box') ?? null;
  out.centredOffset = found ? offsetFromCentre(found, q('svg.sk-chart-svg')) : null;
  handle.destroy();
  await yewFlush();
  clearStage();
  return out;
}

/** The same tree for d3-org-chart: flat rows, default node template, no transitions. */
function orgChartCase(n) {
  if (n === 0) return null;
  const shape = widgetShape(n);
  return { rows: flatData(shape.parents, shape.ids), target: shape.ids[shape.ids.length - 1] };
}

const d3Flush = async () => {
  await macrotask();
  timerFlush();
};

/** One run of d3-org-chart (duration 0) on the same tree as `widgetRun(n)`. */
export async function orgChartRun(n) {
  clearStage();
  const { rows, target } = orgChartCase(n);
  const out = {};
  let chart;
  out.firstRender = await timed(() => {
    chart = new OrgChart().container(stage).data(rows).svgWidth(1200).svgHeight(560).duration(0).render();
  }, d3Flush);
  out.total = rows.length;
  out.inDomFirst = stage.querySelectorAll('g.node').length;
  out.expandAll = await timed(() => chart.expandAll(), d3Flush);
  out.inDomExpanded = stage.querySelectorAll('g.node').length;
  out.collapseAll = await timed(() => chart.collapseAll(), d3Flush);
  out.search = await timed(() => {
    chart.setHighlighted(target).setCentered(target).render();
  }, d3Flush);
  out.inDomSearch = stage.querySelectorAll('g.node').length;
  const node = [...stage.querySelectorAll('g.node')].find((g) => g.__data__?.id === target);
  const box = node?.querySelector('foreignObject') ?? node;
  out.centredOffset = box ? offsetFromCentre(box, stage.querySelector('svg.svg-chart-container')) : null;
  chart.clear();
  clearStage();
  return out;
}

// ---------------------------------------------------------------- first render, fairly

/**
 * First render with both given the same JSON text (the data set of `widgetRun(n)`): ours
 * `mount(stage, { data: text })` (reads and checks it), d3-org-chart `JSON.parse(text)`,
 * the region's rows from it (bench/trees.mjs rowsFromDataset: the same nodes) and
 * `render()`. Each run until the chart is in the DOM and laid out (work) and the next
 * frame (frame); the median of `runs` less the first two (warm), and the first run (cold).
 */
export async function fairFirstRender(n, runs) {
  const text = JSON.stringify(widgetDataset(n));
  const ours = [];
  const d3 = [];
  let nodes = 0;
  for (let i = 0; i < runs; i++) {
    clearStage();
    let handle;
    ours.push(
      await timed(
        () => {
          // Marked, so that a trace or bench/trace-load.mjs can place the widget's sk: marks.
          performance.mark('bench:mount');
          handle = mount(stage, { data: text, view: 'chart', lang: 'da', region: 'R1' });
        },
        () => until(() => q('svg.sk-chart-svg g.sk-node'), 'the chart'),
      ),
    );
    handle.destroy();
    await yewFlush();
    clearStage();
    let chart;
    d3.push(
      await timed(() => {
        const rows = rowsFromDataset(JSON.parse(text), 'R1');
        nodes = rows.length;
        chart = new OrgChart().container(stage).data(rows).svgWidth(1200).svgHeight(560).duration(0).render();
      }, d3Flush),
    );
    chart.clear();
    clearStage();
  }
  // The median of the runs after the first two (both sides' code compiled and warm, as on
  // a page that has drawn before), and the first run alone (the first draw on the page).
  const m = (xs, k) => median(xs.slice(xs.length > 2 ? 2 : 0).map((x) => x[k]));
  return {
    nodes, bytes: text.length, runs,
    ours: { work: m(ours, 'work'), frame: m(ours, 'frame'), first: ours[0].work },
    orgChart: { work: m(d3, 'work'), frame: m(d3, 'frame'), first: d3[0].work },
  };
}

// ---------------------------------------------------------------- memory

let cycleHandle = null;
const REGIONS = ['RH', 'RSJ', 'RSD', 'RM', 'RN'];

/**
 * `count` mount / update (another region, then other data) / destroy cycles of the widget
 * on the embedded data, each step rendered (awaited) before the next.
 */
export async function cycles(count, start = 0) {
  const small = widgetDataset(100);
  for (let i = start; i < start + count; i++) {
    clearStage();
    cycleHandle = mount(stage, { view: 'chart', region: REGIONS[i % REGIONS.length] });
    await yewFlush();
    cycleHandle.update({ region: REGIONS[(i + 2) % REGIONS.length] });
    await yewFlush();
    cycleHandle.update({ data: small, region: 'R1' });
    await yewFlush();
    cycleHandle.destroy();
    cycleHandle = null;
    await yewFlush();
  }
  clearStage();
  return memory();
}

export function memory() {
  return {
    wasm: wasm.memory.buffer.byteLength,
    jsHeap: performance.memory?.usedJSHeapSize ?? null,
    domNodes: document.getElementsByTagName('*').length,
  };
}

// ---------------------------------------------------------------- key figures

/** The key-figure benchmark of bench/keyfigures.mjs, in the browser (web entry). */
export async function keyFigureCase(url, runs) {
  return keyFigureTimes(await (await fetch(url)).text(), { validate, keyFigures }, runs);
}

window.bench = { layoutCase, widgetRun, orgChartRun, cycles, memory, keyFigureCase, fairFirstRender, ready: true };
