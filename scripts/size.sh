#!/usr/bin/env bash
# Raw, gzip -9 and brotli (Node's zlib; there is no brotli CLI here) sizes of the wasm +
# JS of each entry of the npm package in pkg/ (web, element, inline, node), or of the
# given files. The widget's CSS is compiled into the wasm; the output says so. Fails when
# an entry is above its `max` in size-budget.json (make size, make test).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

if [ $# -gt 0 ]; then
  exec node scripts/size.mjs --files "$@"
fi
[ -f pkg/package.json ] || die "nothing to measure (run 'make package' first)"
exec node scripts/size.mjs pkg --budget size-budget.json
