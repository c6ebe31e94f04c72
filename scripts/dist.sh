#!/usr/bin/env bash
# Lay out dist/: the demo page (www/) plus the browser entry of the package:
#   dist/index.html, dist/demo.js, dist/data/…   from www/
#   dist/pkg/index.js, dist/pkg/web/…            the browser build (scripts/build.sh web)
#   dist/pkg/element.js, element-core.js         the custom element (tests/e2e/lazy)
#   dist/pkg/data/<id>.json, dist/pkg/schema.json what it fetches
#   dist/schema/sundhedsklynger.schema.json      the JSON Schema of the data format
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/build.sh" web
log "dist: www/ + browser entry -> dist/"
rm -rf dist
mkdir -p dist/pkg
cp -R www/. dist/
cp npm/index.js npm/element.js npm/element-core.js dist/pkg/
cp -R pkg/web dist/pkg/web
write_data_files dist/pkg   # dist/pkg/data/<id>.json, dist/pkg/schema.json
mkdir -p dist/schema
cp schema/sundhedsklynger.schema.json dist/schema/
[ -f dist/index.html ] || die "dist/index.html missing (www/index.html?)"
"$ROOT/scripts/size.sh" dist/pkg/index.js dist/pkg/web/*.js dist/pkg/web/*.wasm dist/pkg/data/*.json
