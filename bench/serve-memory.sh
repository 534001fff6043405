#!/usr/bin/env bash
# Memory of `profkpi serve` (issue 7, goal 5): on a fresh SQLite store, idle RSS,
# then after each quarter of TOTAL accepted submissions (5 KB, distinct ids,
# wrk -t2 -c32 with bench/http-ingest.lua in 5-second bursts until the store
# holds the quarter), VmRSS and VmHWM from
# /proc/PID/status. Growth beyond caches with fixed bounds would show as RSS
# rising quarter after quarter. Usage: bench/serve-memory.sh [TOTAL]  (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
total=${1:-100000}
port=${PROFKPI_BENCH_PORT:-18097}
work=$(mktemp -d /tmp/profkpi-memory.XXXXXX)
trap bench_cleanup EXIT
bench_serve_config "$work/profkpi.properties" "$port" "$work/store.db"
key=$("$profkpi" keys add --config "$work/profkpi.properties" --org E09000001 --role admin 2>/dev/null)
bench_start_serve "$work/profkpi.properties" "$work/serve.log"
server=${pids[0]}
bench_wait_listening "$port"

memory() { awk '/^VmRSS|^VmHWM/ { printf "%s %6.1f MB  ", $1, $2 / 1024 }' "/proc/$server/status"; }
stored() { sqlite3 "$work/store.db" 'select count(*) from submissions'; }
echo "# $(date -u +%FT%TZ) load average $(cut -d' ' -f1-3 /proc/loadavg); $total submissions in 4 steps"
echo "idle (store opened, one /healthz): $(memory)"
started=$(date +%s)
for step in 1 2 3 4; do
  target=$((total * step / 4))
  while [ "$(stored)" -lt "$target" ]; do
    PROFKPI_KEY=$key wrk -t2 -c32 -d5s -s bench/http-ingest.lua "http://127.0.0.1:$port/api/v1/submissions" |
      grep -E "Non-2xx|Socket errors" || true
  done
  printf "after %6d stored (%4d s): %s\n" "$(stored)" "$(($(date +%s) - started))" "$(memory)"
done
echo "store: $(du -sh "$work" | cut -f1) on disk; serve errors logged: $(grep -c -E ' (Error|Critical|Fatal) ' "$work/serve.log" || true)"
