#!/usr/bin/env bash
# scripts/timed.sh LABEL command…   runs the command and prints how long it took.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
label="$1"; shift
timed "$label" "$@"
