#!/usr/bin/env bash
# Run every test suite (make test-native, test-wasm, test-node, test-size, test-e2e, test-consumers, test-fuzz), even
# after one fails; then print how long each took, the tests counted across all of
# them, and exit non-zero if any suite failed.
#   scripts/test-all.sh [suite…]      (default: native wasm node size e2e consumers fuzz)
set -uo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(native wasm node size e2e consumers fuzz)

logdir="$(mktemp -d "${TMPDIR:-/tmp}/sk-test-all.XXXXXX")"
trap 'rm -rf "$logdir"' EXIT

declare -A took status
failed_suites=()
for s in "${suites[@]}"; do
  log "test-$s"
  start=$SECONDS
  make --no-print-directory "test-$s" 2>&1 | tee "$logdir/$s.log"
  rc=${PIPESTATUS[0]}
  took[$s]=$((SECONDS - start))
  status[$s]=$([ "$rc" -eq 0 ] && echo ok || echo "FAILED (exit $rc)")
  [ "$rc" -eq 0 ] || failed_suites+=("$s")
done

# Count tests: cargo and wasm-bindgen-test-runner print
# "test result: ok. 5 passed; 0 failed; …", node --test prints "# pass 13" / "# fail 0".
count() {
  awk '
    /^test result: / {
      for (i = 1; i <= NF; i++) {
        if ($(i) ~ /^passed;?$/) p += $(i - 1)
        if ($(i) ~ /^failed;?$/) f += $(i - 1)
      }
    }
    /^# pass [0-9]+$/ { p += $3 }
    /^# fail [0-9]+$/ { f += $3 }
    END { printf "%d %d\n", p, f }
  ' "$1"
}

total_p=0 total_f=0
echo
printf '%-8s %-20s %8s %8s %8s\n' suite result seconds passed failed
for s in "${suites[@]}"; do
  read -r p f < <(count "$logdir/$s.log")
  # A suite that failed without a failing test (a build error, say) counts as one failure.
  if [ "${status[$s]}" != ok ] && [ "$f" -eq 0 ]; then f=1; fi
  total_p=$((total_p + p)); total_f=$((total_f + f))
  printf '%-8s %-20s %8d %8d %8d\n' "$s" "${status[$s]}" "${took[$s]}" "$p" "$f"
done
if [ ${#failed_suites[@]} -gt 0 ]; then
  warn "failed suites: ${failed_suites[*]}"
fi
echo "tests: $total_p passed, $total_f failed"
[ ${#failed_suites[@]} -eq 0 ]
