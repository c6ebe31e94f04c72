// What the benchmark drivers share, in the browser (bench/page.mjs) and in Node
// (bench/keyfigures.mjs): the median, and the key-figure case on either entry.

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** `[median time in ms, last result]` of `runs` calls of `f`. */
export function timed(f, runs) {
  const ms = [];
  let out;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    out = f();
    ms.push(performance.now() - t);
  }
  return [median(ms), out];
}

/**
 * The key-figure benchmark on the JSON `text` with an entry's `validate` and `keyFigures`:
 * validate(text), keyFigures(object) and keyFigures(text), median of `runs` each.
 */
export function keyFigureTimes(text, { validate, keyFigures }, runs) {
  const data = JSON.parse(text);
  const [validateMs, v] = timed(() => validate(text), runs);
  if (!v.ok) throw new Error('the key-figure data should validate');
  const [objectMs] = timed(() => keyFigures(data), runs);
  const [textMs, kf] = timed(() => keyFigures(text), runs);
  const figures = kf.indicators.reduce((n, i) => n + i.figures.length, 0);
  return { rows: data.values.length, figures, bytes: text.length, validateMs, textMs, objectMs, runs };
}
