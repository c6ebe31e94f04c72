// The loading bench's pages' script (target/bench/load-*.html, written by bench/load.mjs
// from bench/load.html): one contender per page — `c=element` (the ES custom element,
// pkg/element.js; `c=preload`: the same with README's preload hints in <head>), `c=inline`
// (the one-file build, pkg/inline/), `c=orgchart` (d3-org-chart
// drawing the same region from the same JSON file) — `d=<data set id>` and `r=<region>`. It records, from
// navigation on: layout shifts, long tasks (> 50 ms) and when the first chart of real data
// was painted, in `window.loadBench`.
import { OBSERVE_SOURCE } from './load-observe.mjs';
const q = new URLSearchParams(location.search);
const contender = q.get('c') ?? 'element';
const dataset = q.get('d') ?? 'klynger-2022';
const region = q.get('r') ?? 'RH';
// The driver's init script (OBSERVE in bench/load.mjs) records shifts and long tasks from
// navigation on; opened by hand, the page installs the same observers itself.
if (!window.__sk) new Function(OBSERVE_SOURCE)();
const out = (window.loadBench = { contender, dataset, region, ...window.__sk, painted: null, error: null });

/** After the next frame is painted (rAF, then a task). */
const painted = () =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));

const slot = document.getElementById('slot');

// The element is in the page's HTML (bench/load.mjs writes one page per contender), as on
// a real page: the ES entry's module defines it when loaded, the inline build's script (in
// <head>) before the body is parsed.
async function element() {
  const el = document.getElementById('w');
  if (!el.hasAttribute('data-sk-drawn')) await new Promise((resolve) => el.addEventListener('ready', resolve, { once: true }));
  // The chart's boxes are in the DOM; the frame after that shows them.
  if (!el.shadowRoot.querySelector('[role="treeitem"]')) throw new Error('ready without a chart');
  out.painted = await painted();
  out.height = el.getBoundingClientRect().height;
}

async function orgChart() {
  const { OrgChart, timerFlush } = await import('/target/bench/anchors.js');
  const text = await (await fetch(`/pkg/data/${dataset}.json`)).text();
  const { rowsFromDataset } = await import('./trees.mjs');
  const rows = rowsFromDataset(JSON.parse(text), region);
  const stage = document.createElement('div');
  stage.className = 'stage';
  slot.append(stage);
  new OrgChart().container(stage).data(rows).svgWidth(stage.clientWidth).svgHeight(600).duration(0).render();
  timerFlush();
  out.nodes = rows.length;
  out.painted = await painted();
}

try {
  if (contender !== 'none') await (contender === 'orgchart' ? orgChart() : element());
} catch (e) {
  out.error = String(e?.stack ?? e);
}
