#!/usr/bin/env bash
# Runs every benchmark in bench/ (Release build in build/bench unless BENCH_BUILD_DIR is set) and prints each
# one's ratio against its anchor measured in the same run. Usage: bench/run.sh
# Exits non-zero when a benchmark misses its target (diagnosis macro-F1 < 0.95, diagnosis > 20 ms per MiB log).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${BENCH_BUILD_DIR:-$root/build/bench}"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRELAYDESK_BUILD_BENCH=ON >/dev/null
cmake --build "$build" --target diagnosis_quality diagnosis_speed

status=0
echo "== diagnosis_quality"
"$build/bench/diagnosis_quality" --count "${QUALITY_COUNT:-6000}" || status=1
echo
echo "== diagnosis_speed"
"$build/bench/diagnosis_speed" --iterations "${SPEED_ITERATIONS:-30}" || status=1
exit $status
