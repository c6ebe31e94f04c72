// What the loading bench records from navigation on (an init script of bench/load.mjs,
// or bench/load-page.mjs itself when the page is opened by hand): layout shifts and long
// tasks, in window.__sk.
export const OBSERVE_SOURCE = `
  const rec = (window.__sk = { shifts: [], longTasks: [] });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      if (!e.hadRecentInput) rec.shifts.push({ value: e.value, at: e.startTime, sources: (e.sources || []).map((s) => (s.node && (s.node.id || s.node.nodeName)) || '?') });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) rec.longTasks.push({ at: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });`;
