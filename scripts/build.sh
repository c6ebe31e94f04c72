#!/usr/bin/env bash
# Build one entry of the npm package into pkg/:
#   scripts/build.sh web    browser ES module (feature "view" only: no embedded data sets
#                           or schema; wasm-bindgen --target web)                       -> pkg/web/
#   scripts/build.sh node   Node >= 20 ES module, loads synchronously (feature
#                           "embedded-data" only: pure functions, data inside)          -> pkg/node/
#   scripts/build.sh inline one classic script, wasm embedded as base64, with the custom
#                           element (wasm-bindgen --target no-modules; needs pkg/web/)  -> pkg/inline/
# Each feature set has its own --target-dir so the two never rebuild each other.
# wasm-bindgen and wasm-opt are skipped when cargo's output did not change.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

entry="${1:-}"
case "$entry" in
  # The browser build leaves the data sets and the schema out (no "embedded-data"): the
  # ES entries fetch data/<id>.json and schema.json, the inline build carries them as text.
  web)  features=(--no-default-features --features view);   bindgen_target=web ;;
  node) features=(--no-default-features --features embedded-data); bindgen_target=experimental-nodejs-module ;;
  inline) features=(--no-default-features --features view); bindgen_target=no-modules ;;
  *) die "usage: $0 web|node|inline" ;;
esac

if [ "$entry" = inline ]; then
  # The cargo build of `web`; wasm-bindgen emits the same .wasm for both targets
  # (checked below), so the inline build embeds pkg/web's optimised one. Bring pkg/web
  # up to date with cargo's output first, and run no cargo build in between.
  "$0" web
  target_dir=target/web
  wasm_in="$target_dir/wasm32-unknown-unknown/release/$CRATE.wasm"
  web_wasm="pkg/web/${CRATE}_bg.wasm"
  [ ! "$wasm_in" -nt "$target_dir/.pkg-web.stamp" ] || die "$web_wasm is older than $wasm_in (a build ran meanwhile): run again"
  work="target/inline"
  rm -rf "$work" && mkdir -p "$work/no-modules" "$work/web"
  wasm-bindgen --target no-modules --out-dir "$work/no-modules" --out-name "$CRATE" "$wasm_in"
  wasm-bindgen --target web --out-dir "$work/web" --out-name "$CRATE" "$wasm_in"
  cmp -s "$work/no-modules/${CRATE}_bg.wasm" "$work/web/${CRATE}_bg.wasm" \
    || die "wasm-bindgen's no-modules and web .wasm differ: the inline build cannot reuse pkg/web's"
  rm -rf pkg/inline && mkdir -p pkg/inline
  data_args=()
  for id in "${DATA_SETS[@]}"; do data_args+=("$id=www/data/$id.json"); done
  node scripts/inline.mjs "$work/no-modules/$CRATE.js" "$web_wasm" npm/element-core.js \
    "pkg/inline/$CRATE.js" "$(crate_version)" schema/sundhedsklynger.schema.json \
    "${data_args[@]}"
  cp npm/inline.d.ts "pkg/inline/$CRATE.d.ts"
  exit 0
fi

target_dir="target/$entry"
wasm_in="$target_dir/wasm32-unknown-unknown/release/$CRATE.wasm"
out_dir="pkg/$entry"
stamp="$target_dir/.pkg-$entry.stamp"
wasm_opt="$ROOT/node_modules/.bin/wasm-opt"

# The CLI must be the exact version of the wasm-bindgen crate in Cargo.lock.
check_bindgen_version() {
  local want have
  want="$(lock_version wasm-bindgen)"
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" || true
  [ "$want" = "$have" ] || die "wasm-bindgen CLI is '${have:-missing}' but Cargo.lock has $want: run 'make tools'"
}

timed "cargo build ($entry)" cargo build --release --target wasm32-unknown-unknown \
  --target-dir "$target_dir" "${features[@]}"
check_bindgen_version
[ -x "$wasm_opt" ] || die "$wasm_opt missing: run 'make tools' (npm ci)"

if [ -f "$stamp" ] && [ -f "$out_dir/${CRATE}_bg.wasm" ] && [ ! "$wasm_in" -nt "$stamp" ] \
   && [ ! "$0" -nt "$stamp" ]; then
  log "$entry: $out_dir is up to date"
  exit 0
fi

rm -rf "$out_dir"
timed "wasm-bindgen ($entry)" wasm-bindgen --target "$bindgen_target" --out-dir "$out_dir" \
  --out-name "$CRATE" "$wasm_in"
# experimental-nodejs-module writes a package.json ({"type":"module"}); the
# package's own package.json already says so.
rm -f "$out_dir/package.json"

raw_before=$(stat -c %s "$out_dir/${CRATE}_bg.wasm")
# wasm-opt reads the enabled features from the module's target_features section.
# --low-memory-unused (3.5 KB gzip less): Rust's wasm puts the stack first, at 0–1 MB
# growing down, and its data above, so the lowest 1 KB is touched only by a stack within
# 1 KB of overflowing; wasm-opt may then fold constant offsets into loads and stores.
timed "wasm-opt -Oz ($entry)" "$wasm_opt" -Oz --low-memory-unused "$out_dir/${CRATE}_bg.wasm" -o "$out_dir/${CRATE}_bg.opt.wasm"
mv "$out_dir/${CRATE}_bg.opt.wasm" "$out_dir/${CRATE}_bg.wasm"
log "$entry: wasm-opt $raw_before -> $(stat -c %s "$out_dir/${CRATE}_bg.wasm") bytes"
touch "$stamp"
