// Entry of the anchors' bundle (bench/run.mjs builds it with esbuild into
// target/bench/anchors.js): d3-org-chart and the two layouts, from bench/node_modules.
// `timerFlush` is the d3-timer d3-org-chart's transitions run on: with `duration(0)`
// it applies them at once instead of in the next animation frame.
export { OrgChart } from 'd3-org-chart';
export { flextree } from 'd3-flextree';
export { tree, stratify, hierarchy } from 'd3-hierarchy';
export { timerFlush } from 'd3-timer';
