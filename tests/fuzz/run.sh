#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (separate from the main g++ build) and runs each for a bounded
# time. Usage: tests/fuzz/run.sh [SECONDS_PER_TARGET]   (default 60)
# Env: FUZZ_BUILD_DIR (default build/fuzz), SIM (relaydesk-sim binary for extra seeds; default
# build/sim/app/relaydesk-sim/relaydesk-sim if it exists). Exits non-zero when a target crashes, leaks,
# trips a sanitizer or breaks an invariant; the reproducer is left in $FUZZ_BUILD_DIR/artifacts/.
set -euo pipefail

seconds="${1:-60}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build/fuzz}"
sim="${SIM:-$root/build/sim/app/relaydesk-sim/relaydesk-sim}"

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build"

mkdir -p "$build/artifacts"
targets=(report ticket_page gunzip log_parser rules article_file http_request byte_range)
for t in "${targets[@]}"; do
    mkdir -p "$build/corpus/$t"
done
# Realistic seeds from the simulator (small logs keep the inputs short enough to mutate well).
if [[ -x "$sim" ]]; then
    rm -rf "$build/sim-dump"
    "$sim" --dump "$build/sim-dump" --count 30 --seed 4242 --log-scale 0.02 >/dev/null
    cp "$build"/sim-dump/report-*.json "$build/corpus/report/"
fi

status=0
summary=()
for t in "${targets[@]}"; do
    log="$build/fuzz_$t.log"
    echo "== fuzz_$t for ${seconds}s"
    set +e
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
        "$build/fuzz_$t" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" \
        "$build/corpus/$t" "$here/corpus/$t" >"$log" 2>&1
    rc=$?
    set -e
    execs="$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo '?')"
    corpus="$(grep -Eo 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1 || true)"
    if [[ $rc -ne 0 ]]; then
        status=1
        summary+=("fuzz_$t: FAILED (exit $rc) after $execs execs, see $log and $build/artifacts/")
        tail -40 "$log"
    else
        summary+=("fuzz_$t: ok, $execs execs in ${seconds}s, $corpus")
    fi
done
printf '%s\n' "${summary[@]}"
exit $status
