# Common helpers for the build/test scripts. Source it: . "$(dirname "$0")/lib.sh"
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
CRATE=sundhedsklynger
# The real data sets (www/data/<id>.json): embedded in the native and Node builds, files of
# their own for the browser entries (pkg/data/, dist/pkg/data/), text in the inline build.
# The same list as src/lib.rs `datasets::KNOWN` and npm/index.js (tests/node checks both).
DATA_SETS=(klynger-2022 sundhedsraad-2027)

# Writes the real data sets, compact (whitespace is a fifth of their bytes), and the JSON
# Schema into <dir>/data/<id>.json and <dir>/schema.json: what the browser entries fetch.
write_data_files() {
  local dir="$1" id
  mkdir -p "$dir/data"
  for id in "${DATA_SETS[@]}"; do
    node -e 'const fs = require("fs"); fs.writeFileSync(process.argv[2], JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1], "utf8"))))' \
      "$ROOT/www/data/$id.json" "$dir/data/$id.json"
  done
  cp "$ROOT/schema/sundhedsklynger.schema.json" "$dir/schema.json"
}

# cargo-installed tools (wasm-bindgen, wasm-bindgen-test-runner) and the npm
# wasm-opt (Debian's binaryen is too old) come first.
case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) PATH="$HOME/.cargo/bin:$PATH" ;; esac
export PATH

if [ -t 2 ] && [ -z "${NO_COLOR:-}" ]; then
  _c_log=$'\033[1;34m' _c_warn=$'\033[1;33m' _c_err=$'\033[1;31m' _c_off=$'\033[0m'
else
  _c_log='' _c_warn='' _c_err='' _c_off=''
fi
log() { printf '%s==>%s %s\n' "$_c_log" "$_c_off" "$*" >&2; }
warn() { printf '%swarn:%s %s\n' "$_c_warn" "$_c_off" "$*" >&2; }
die() { printf '%serror:%s %s\n' "$_c_err" "$_c_off" "$*" >&2; exit 1; }

# Run a command, print how long it took.
timed() {
  local label="$1"; shift
  local start=$SECONDS
  log "$label: $*"
  "$@"
  log "$label: done in $((SECONDS - start)) s"
}

# The version of a package in Cargo.lock (first match).
lock_version() {
  awk -v name="$1" '
    $0 == "[[package]]" { inpkg = 1; found = 0; next }
    inpkg && $1 == "name" { found = ($3 == "\"" name "\"") }
    inpkg && found && $1 == "version" { gsub(/"/, "", $3); print $3; exit }
  ' "$ROOT/Cargo.lock"
}

# The version of this crate, from Cargo.toml's [package] section.
crate_version() {
  awk '
    /^\[/ { section = $0 }
    section == "[package]" && $1 == "version" { gsub(/"/, "", $3); print $3; exit }
  ' "$ROOT/Cargo.toml"
}
