#!/usr/bin/env bash
# Install what the build and the tests need, idempotently: each step checks
# first and skips what is already there. Only package registries are used
# (rustup's target, crates.io, Debian's packages, npm).
#
#   scripts/ensure-tools.sh [rust] [wasm-bindgen] [chromium] [npm]   (no argument: all)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

STEPS=("$@")
[ ${#STEPS[@]} -eq 0 ] && STEPS=(rust wasm-bindgen chromium npm)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root for: $* (no sudo)"
  fi
}

ensure_rust() {
  command -v cargo >/dev/null || die "cargo not found (install Rust with rustup first)"
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "rust: wasm32-unknown-unknown target present"
  else
    log "rust: rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

wasm_bindgen_wanted() {
  if [ ! -f Cargo.lock ]; then
    log "wasm-bindgen: no Cargo.lock yet, cargo generate-lockfile"
    cargo generate-lockfile >&2
  fi
  local v
  v="$(lock_version wasm-bindgen)"
  if [ -z "$v" ]; then
    # Fall back to the '=x.y.z' pin in Cargo.toml.
    v="$(sed -n 's/^wasm-bindgen *= *"=\([0-9.]*\)".*/\1/p' Cargo.toml | head -n1)"
  fi
  [ -n "$v" ] || die "cannot tell the wasm-bindgen version from Cargo.lock or Cargo.toml"
  echo "$v"
}

ensure_wasm_bindgen() {
  local want have=""
  want="$(wasm_bindgen_wanted)"
  if command -v wasm-bindgen >/dev/null; then
    have="$(wasm-bindgen --version | awk '{print $2}')"
  fi
  if [ "$have" = "$want" ] && command -v wasm-bindgen-test-runner >/dev/null; then
    log "wasm-bindgen: $have present (Cargo.lock wants $want)"
    return
  fi
  log "wasm-bindgen: have '${have:-none}', Cargo.lock wants $want: cargo install wasm-bindgen-cli --version $want (about 10 minutes)"
  # No --locked: the registry mirror lacks one of the locked dependency versions.
  timed "cargo install wasm-bindgen-cli" cargo install wasm-bindgen-cli --version "$want" --force
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" || true
  [ "$have" = "$want" ] || die "after cargo install, wasm-bindgen --version says '${have:-nothing}', not $want (is ~/.cargo/bin first on PATH?)"
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    log "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo '?'); $(/usr/bin/chromedriver --version 2>/dev/null | cut -d' ' -f1-2)"
    return
  fi
  log "chromium: apt-get install chromium chromium-driver"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
}

ensure_npm() {
  command -v npm >/dev/null || die "npm not found"
  # npm writes node_modules/.package-lock.json on every install: older than
  # package-lock.json means the lock changed since.
  if [ -d node_modules ] && [ -f node_modules/.package-lock.json ] \
     && [ ! package-lock.json -nt node_modules/.package-lock.json ] \
     && [ -x node_modules/.bin/wasm-opt ]; then
    log "npm: node_modules up to date ($(node_modules/.bin/wasm-opt --version))"
    return
  fi
  log "npm: npm ci"
  npm ci --no-audit --no-fund
}

for step in "${STEPS[@]}"; do
  case "$step" in
    rust) ensure_rust ;;
    wasm-bindgen) ensure_wasm_bindgen ;;
    chromium) ensure_chromium ;;
    npm) ensure_npm ;;
    *) die "unknown tool '$step' (rust, wasm-bindgen, chromium, npm)" ;;
  esac
done
