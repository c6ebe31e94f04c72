#!/usr/bin/env bash
# Build one entry of the npm package into pkg/:
#   scripts/build.sh web    browser ES module (feature "view", wasm-bindgen --target web)  -> pkg/web/
#   scripts/build.sh node   Node >= 20 ES module, loads synchronously (no default
#                           features: pure functions only)                               -> pkg/node/
# Each feature set has its own --target-dir so the two never rebuild each other.
# wasm-bindgen and wasm-opt are skipped when cargo's output did not change.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

entry="${1:-}"
case "$entry" in
  web)  features=();                        bindgen_target=web ;;
  node) features=(--no-default-features);   bindgen_target=experimental-nodejs-module ;;
  *) die "usage: $0 web|node" ;;
esac

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
timed "wasm-opt -Oz ($entry)" "$wasm_opt" -Oz "$out_dir/${CRATE}_bg.wasm" -o "$out_dir/${CRATE}_bg.opt.wasm"
mv "$out_dir/${CRATE}_bg.opt.wasm" "$out_dir/${CRATE}_bg.wasm"
log "$entry: wasm-opt $raw_before -> $(stat -c %s "$out_dir/${CRATE}_bg.wasm") bytes"
touch "$stamp"
