#!/usr/bin/env bash
# Runs every benchmark in bench/ (Release build in build/bench unless BENCH_BUILD_DIR is set) and prints each
# one's ratio against its anchor measured in the same run. Usage: bench/run.sh
# Exits non-zero when a benchmark misses its target (diagnosis macro-F1 < 0.95, diagnosis > 20 ms per MiB log,
# log-pattern grouping accuracy < 0.93 or < 1M lines/s, log engine: index < 2 GB/s or > 2 B/line, first screen
# >= 50 ms, search slower than 1.5x rg -c; the log pane's UI thread stalling over 50 ms; KB search p95 >= 10 ms;
# service intake < 1,000 reports/s or the delta feed < 5,000 rps / p99 >= 20 ms; tier 1's outbox draining
# under 50 tickets/s to 95 %; a metrics endpoint's median at 100 ms or more). LOG_MB=200 bench/run.sh makes the log
# engine run quick.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${BENCH_BUILD_DIR:-$root/build/bench}"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRELAYDESK_BUILD_BENCH=ON >/dev/null
cmake --build "$build" --target diagnosis_quality diagnosis_speed log_patterns_bench log_engine_bench ui_stall_bench \
    kb_search_bench relaydesk-cli server_load_bench relaydesk-server outbox_drain_bench metrics_bench

status=0
echo "== diagnosis_quality"
"$build/bench/diagnosis_quality" --count "${QUALITY_COUNT:-6000}" || status=1
echo
echo "== diagnosis_speed"
"$build/bench/diagnosis_speed" --iterations "${SPEED_ITERATIONS:-30}" || status=1
echo
echo "== log_patterns_bench"
"$build/bench/log_patterns_bench" --lines "${PATTERN_LINES:-2000000}" --iterations "${PATTERN_ITERATIONS:-3}" || status=1
echo
echo "== log_engine_bench"
# A LOG_MB MiB logcat (default 1024; LOG_MB=200 for a quick run), generated once under bench/out/ (git-ignored).
log_mb="${LOG_MB:-1024}"
big_log="$here/out/big_logcat_${log_mb}m.log"
[[ -s "$big_log" ]] || "$here/make_big_log.sh" "$log_mb" "$big_log"
"$build/bench/log_engine_bench" --file "$big_log" --iterations "${LOG_ITERATIONS:-3}" \
    --cli "$build/app/relaydesk-cli/relaydesk-cli" || status=1
echo
echo "== ui_stall_bench"
"$build/bench/ui_stall_bench" --file "$big_log" || status=1
echo
echo "== kb_search_bench"
# KB_ARTICLES generated articles (default 100000; KB_ARTICLES=10000 for a quick run), KB_QUERIES per class.
"$build/bench/kb_search_bench" --articles "${KB_ARTICLES:-100000}" --queries "${KB_QUERIES:-200}" || status=1
echo
echo "== server_load_bench"
# The real service on loopback: SERVER_TICKETS reports posted, then the delta feed; each beside GET /health.
"$build/bench/server_load_bench" --server "$build/app/relaydesk-server/relaydesk-server" \
    --tickets "${SERVER_TICKETS:-5000}" --seconds "${SERVER_SECONDS:-10}" || status=1
echo
echo "== outbox_drain_bench"
# DRAIN_REPORTS reports tier 1 resends (default 1000) through the simulator's gateway, beside GET /health.
"$build/bench/outbox_drain_bench" --server "$build/app/relaydesk-server/relaydesk-server" \
    --reports "${DRAIN_REPORTS:-1000}" || status=1
echo
echo "== metrics_bench"
# METRICS_TICKETS tickets over 30 days written into a fresh database (default 100000; 1000000 for the goal's
# size), the real service's rollups, every metrics endpoint beside a plain SQLite GROUP BY over the same rows.
"$build/bench/metrics_bench" --server "$build/app/relaydesk-server/relaydesk-server" \
    --tickets "${METRICS_TICKETS:-100000}" || status=1
exit $status
