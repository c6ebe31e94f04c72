#!/usr/bin/env bash
# Serve dist/ on http://127.0.0.1:$PORT/ (default 8080) until interrupted.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

PORT="${PORT:-8080}"
[ -f dist/index.html ] || die "dist/ is not built (run 'make dist')"
log "demo: http://127.0.0.1:$PORT/  (Ctrl-C stops it)"
exec python3 -m http.server --bind 127.0.0.1 --directory dist "$PORT"
