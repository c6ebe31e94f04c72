#!/usr/bin/env bash
# Serve dist/ on http://127.0.0.1:$PORT/ (default 8080) until interrupted, compressed (brotli
# or gzip, as a production server; scripts/serve.mjs), with the strict
# Content-Security-Policy as an HTTP header (the page repeats it in a <meta>): no inline
# script or style, wasm allowed, everything from this origin; img-src data: for the PNG export.
# SK_DIST_DIR serves another directory (tests/e2e/offline.test.mjs uses it).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

PORT="${PORT:-8080}"
DIR="${SK_DIST_DIR:-dist}"
CSP="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'"
[ -f "$DIR/index.html" ] || die "$DIR/ is not built (run 'make dist')"
log "demo: http://127.0.0.1:$PORT/  (Ctrl-C stops it)"
exec node scripts/serve.mjs "$DIR" "$PORT" "$CSP"
