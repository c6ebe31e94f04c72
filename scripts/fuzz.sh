#!/usr/bin/env bash
# Fuzz the whole pipeline (read → validate → key figures → chart → layout) with cargo-fuzz
# (libFuzzer) for a fixed time per target, on stable Rust: RUSTC_BOOTSTRAP=1 lets the
# stable compiler take cargo-fuzz's -Z flags, and `-s none` leaves out the sanitizer
# (AddressSanitizer needs a nightly std). Safe Rust cannot corrupt memory; what the
# fuzzer looks for is a panic, an abort, a hang or a run-away allocation.
#
#   scripts/fuzz.sh [seconds per target] [target…]     (default: 600 s; pipeline structured)
#
# Seeds: fuzz/corpus/<target>/ (committed, minimised: `cargo fuzz cmin -s none -O -a <target>`,
# then files over 8 KB dropped to keep it under 2 MB — the large seeds come back from
# tests/corpus/ and www/data/*.json, which every run of the byte target reads too).
# A crash stops the run and leaves its input in fuzz/artifacts/<target>/: add it to
# tests/corpus/ (make-corpus.py) with the finding it must give, then fix the core; an input
# where the two readings differ goes to tests/corpus/fuzz-regressions/ (tests/reading.rs).
# At the end it prints "# pass N" / "# fail M" (one per target) for scripts/test-all.sh.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT/fuzz"

seconds="${1:-${FUZZ_SECONDS:-600}}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(pipeline structured)

if ! cargo fuzz --version >/dev/null 2>&1; then
  log "installing cargo-fuzz (crates.io)"
  # --locked fails on this registry mirror (see toolchain notes); plain install works.
  cargo install cargo-fuzz || die "cargo install cargo-fuzz failed"
fi

export RUSTC_BOOTSTRAP=1
# -O: optimised; -s none: no sanitizer (stable std); debug assertions stay on (-a) so
# overflow and other debug checks count as crashes.
FUZZ_FLAGS=(-s none -O -a)
for t in "${targets[@]}"; do
  timed "build $t" cargo fuzz build "${FUZZ_FLAGS[@]}" "$t"
done

pass=0 fail=0
for t in "${targets[@]}"; do
  corpus="corpus/$t"
  mkdir -p "$corpus" "artifacts/$t"
  # New inputs go to a scratch dir; the committed corpus only changes with FUZZ_UPDATE_CORPUS=1.
  work="$(mktemp -d "${TMPDIR:-/tmp}/sk-fuzz-work.XXXXXX")"
  seeds="$(mktemp -d "${TMPDIR:-/tmp}/sk-fuzz-seeds.XXXXXX")"
  if [ "$t" = pipeline ]; then
    # Byte-level seeds: the bad-input corpus and the real data.
    cp "$ROOT"/tests/corpus/[0-9][0-9][0-9]-* "$ROOT"/tests/corpus/fuzz-regressions/* "$seeds"/
    cp "$ROOT"/www/data/*.json "$seeds"/ 2>/dev/null || true
  fi
  log "fuzz $t for $seconds s"
  log_file="$(mktemp "${TMPDIR:-/tmp}/sk-fuzz-$t.XXXXXX")"
  # -rss_limit_mb: a run-away allocation is a crash; -timeout: a hang of 10 s is a crash.
  # The byte target reads seeds of up to ~40 KB; the structured one turns a few hundred
  # bytes into mutations, so its inputs stay short from the start.
  if [ "$t" = pipeline ]; then len=(-max_len=65536); else len=(-max_len=1024 -len_control=0); fi
  set +e
  cargo fuzz run "${FUZZ_FLAGS[@]}" "$t" "$work" "$corpus" "$seeds" -- \
      -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 "${len[@]}" \
      -print_final_stats=1 >"$log_file" 2>&1
  rc=$?
  set -e
  grep -E '^(#[0-9]+.*(INITED|DONE)|stat::|SUMMARY)|panicked|deadly signal|Test unit written' "$log_file" || true
  if [ "$rc" -eq 0 ] && [ "${FUZZ_UPDATE_CORPUS:-0}" = 1 ]; then
    # Keep what adds coverage (libFuzzer's merge), and no file over 8 KB.
    cargo fuzz run "${FUZZ_FLAGS[@]}" "$t" "$corpus" "$work" -- -merge=1 "${len[@]}" >>"$log_file" 2>&1 || warn "$t: merge failed"
    find "$corpus" -type f -size +8k -delete
    log "$t: corpus now $(ls "$corpus" | wc -l) files, $(du -sh --apparent-size "$corpus" | cut -f1)"
  fi
  rm -rf "$seeds" "$work"
  execs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$log_file" | tail -1)
  rate=$(awk '/stat::average_exec_per_sec/ { print $2 }' "$log_file" | tail -1)
  if [ "$rc" -eq 0 ] && [ -n "$execs" ]; then
    pass=$((pass + 1))
    log "$t: no crash in $seconds s: ${execs} runs, ${rate}/s"
  else
    fail=$((fail + 1))
    warn "$t: crash or error (exit $rc); input in fuzz/artifacts/$t/, log $log_file"
    tail -40 "$log_file" >&2
  fi
done
echo "# pass $pass"
echo "# fail $fail"
[ "$fail" -eq 0 ]
