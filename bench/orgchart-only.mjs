// d3-org-chart alone, to measure its bundle size (min + gzip) the way anchors.md does.
export { OrgChart } from 'd3-org-chart';
