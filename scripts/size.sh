#!/usr/bin/env bash
# Raw, gzip -9 and (if brotli is installed) brotli sizes of the given files,
# or of every .wasm and .js under pkg/ when none are given.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  mapfile -t files < <(find pkg -type f \( -name '*.wasm' -o -name '*.js' \) | sort)
fi
[ ${#files[@]} -gt 0 ] || die "nothing to measure (run 'make package' first)"

have_brotli=0
command -v brotli >/dev/null && have_brotli=1

if [ $have_brotli -eq 1 ]; then
  printf '%-44s %10s %10s %10s\n' file raw gzip-9 brotli
else
  printf '%-44s %10s %10s\n' file raw gzip-9
fi
for f in "${files[@]}"; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  if [ $have_brotli -eq 1 ]; then
    br=$(brotli -q 11 -c "$f" | wc -c)
    printf '%-44s %10d %10d %10d\n' "$f" "$raw" "$gz" "$br"
  else
    printf '%-44s %10d %10d\n' "$f" "$raw" "$gz"
  fi
done
