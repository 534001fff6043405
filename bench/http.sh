#!/usr/bin/env bash
# HTTP ingest benchmark (issue 7, goal 2): 5 KB aggregate submissions posted by
# wrk over 32 connections to `profkpi serve` on a SQLite store with
# synchronous=FULL (each 201 only after its commit), against the same server's
# /healthz rate as the ceiling. Usage: bench/http.sh [SECONDS]   (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
build=${PROFKPI_BUILD_DIR:-build}
work=$(mktemp -d /tmp/profkpi-http.XXXXXX)
port=${PROFKPI_BENCH_PORT:-18099}
cat > "$work/profkpi.properties" <<PROPERTIES
store.connection = $work/store.db
inbox.dir = $work/inbox
reports.dir = $work/reports
http.port = $port
logging.loggers.root.level = warning
PROPERTIES
key=$("$build/profkpi" keys add --config "$work/profkpi.properties" --org E09000001 --role admin 2>/dev/null)
"$build/profkpi" serve --config "$work/profkpi.properties" 2> "$work/serve.log" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.1; done

echo "== POST /api/v1/submissions, 5 KB, 32 connections, ${seconds}s"
PROFKPI_KEY=$key wrk -t2 -c32 -d"${seconds}s" --latency -s bench/http-ingest.lua \
  "http://127.0.0.1:$port/api/v1/submissions" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"
echo "== GET /healthz, 32 connections, ${seconds}s (ceiling)"
wrk -t2 -c32 -d"${seconds}s" --latency "http://127.0.0.1:$port/healthz" | grep -E "Requests/sec|50%|99%"
kill -TERM "$server"; wait "$server" || true
echo "stored: $(sqlite3 "$work/store.db" 'select count(*) from submissions') submissions"
