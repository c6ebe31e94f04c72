#!/usr/bin/env bash
# `make bench`: the widget measured against its anchors (d3-org-chart, d3-flextree,
# d3-hierarchy) in headless Chromium. Installs what it needs, builds the package
# (release + wasm-opt) and runs bench/run.mjs, which prints the tables and writes
# target/bench/results.json. See BENCHMARKS.md.
#
#   BENCH_QUICK=1 scripts/bench.sh         100 and 1,000 nodes, 3 runs, 100 cycles
#   BENCH_ONLY=layout,widget scripts/bench.sh   a part: layout, widget, memory, keyfigures
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/ensure-tools.sh" rust wasm-bindgen chromium npm

# The anchors' npm packages live in bench/, out of the main devDependencies.
if [ ! -d bench/node_modules ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  log "bench: npm ci --prefix bench"
  npm ci --prefix bench --no-audit --no-fund
fi

# The whole package: the bench loads pkg/index.js (which fetches pkg/data/<id>.json) and
# measures every entry's size.
scripts/package.sh

# The key-figure benchmark's input (the same as bench/keyfigures.mjs reads).
if [ ! -f target/bench-keyfigures.json ]; then
  timed "key-figure data" cargo run --release --example bench_keyfigures target/bench-keyfigures.json
fi

node bench/run.mjs
