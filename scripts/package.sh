#!/usr/bin/env bash
# Build the npm package into pkg/:
#   pkg/package.json        npm/package.json, version taken from Cargo.toml
#   pkg/README.md           npm/README.md
#   pkg/index.js, index.d.ts  browser entry (npm/index.*) re-exporting pkg/web/
#   pkg/web/                wasm-bindgen --target web build, wasm-opt -Oz
#   pkg/node/               Node >= 20 ES module build (no default features)
#   pkg/element.js, element-core.js, element.d.ts   the custom element (ES module)
#   pkg/inline/             one classic script: wasm as base64 + the element (build.sh inline)
#   pkg/data/<id>.json      the real data sets, compact: the browser entries fetch them
#   pkg/data.d.ts           TypeScript types of the data format, from the schema
#   pkg/schema.json         the JSON Schema (schema/sundhedsklynger.schema.json if the
#                           repo has it, else what the node entry's schema() returns)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/build.sh" node
"$ROOT/scripts/build.sh" inline   # builds web first

log "package: assembling pkg/"
version="$(crate_version)"
[ -n "$version" ] || die "no version in Cargo.toml"
VERSION="$version" node -e '
  const fs = require("fs");
  const p = JSON.parse(fs.readFileSync("npm/package.json", "utf8"));
  p.version = process.env.VERSION;
  fs.writeFileSync("pkg/package.json", JSON.stringify(p, null, 2) + "\n");
'
cp npm/README.md npm/index.js npm/index.d.ts npm/element.js npm/element-core.js npm/element.d.ts pkg/
for f in LICENSE LICENSE-MIT LICENSE.md LICENSE.txt; do
  if [ -f "$f" ]; then cp "$f" pkg/; fi
done

log "package: data/<id>.json and schema.json (fetched by the browser entries)"
write_data_files pkg

log "package: data.d.ts, the data format's types, from pkg/schema.json"
node scripts/data-types.mjs pkg/schema.json pkg/data.d.ts

node scripts/check-package.mjs pkg
log "package: pkg/ holds $CRATE@$version"
node scripts/size.mjs pkg
