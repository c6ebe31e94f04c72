#!/usr/bin/env bash
# Serve dist/ on http://127.0.0.1:$PORT/ (default 8080) until interrupted, with the strict
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
exec python3 - "$PORT" "$CSP" "$DIR" <<'PY'
import functools, http.server, sys

port, csp, directory = int(sys.argv[1]), sys.argv[2], sys.argv[3]

class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json',
        '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.css': 'text/css',
    }

    def end_headers(self):
        self.send_header('Content-Security-Policy', csp)
        self.send_header('X-Content-Type-Options', 'nosniff')
        self.send_header('Cache-Control', 'no-store')
        super().end_headers()

server = http.server.ThreadingHTTPServer(('127.0.0.1', port), functools.partial(Handler, directory=directory))
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
PY
