#!/usr/bin/env bash
# HTTP ingest on PostgreSQL against SQLite (issue 21): 5 KB aggregate
# submissions posted by wrk (2 threads, 32 connections, bench/http-ingest.lua)
# to two `profkpi serve` in the same run, RUNS rounds of SECONDS each, taken in
# turn in every round:
#   sqlite  a fresh SQLite store, synchronous=FULL (each 201 after its fsync)
#   pg      the PostgreSQL database of scripts/with-postgres, synchronous_commit
#           = on (the same durability: each 201 after
#           the WAL is flushed)
# Prints every run, the medians, the ratio pg/sqlite of the rates per round,
# CPU per accepted submission of serve and of PostgreSQL's processes (from
# /proc), and the statements and transactions PostgreSQL saw per submission
# (a short run with log_statement = all).
# Usage: bench/pg-ingest.sh [SECONDS [RUNS]]   (defaults 10 and 5)
# PROFKPI_BENCH_PG_SETTINGS="commit_delay=20 commit_siblings=2": server settings
# for the database's sessions (ALTER DATABASE ... SET), e.g. docs/OPERATIONS.md's
# PostgreSQL tuning; PROFKPI_BUILD_DIR: the build whose profkpi is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${PROFKPI_TEST_PG-}" ]; then exec scripts/with-postgres "$0" "$@"; fi
. bench/lib.sh
seconds=${1:-10}
runs=${2:-5}
base_port=${PROFKPI_BENCH_PORT:-18199}
work=$(mktemp -d /tmp/profkpi-pg-ingest.XXXXXX)
trap bench_cleanup EXIT

psql_() { psql -X -q -t -A "$PROFKPI_TEST_PG" -c "$1"; }
psql_ "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
data_dir=$(psql_ "SHOW data_directory")
postmaster=$(head -n1 "$data_dir/postmaster.pid")
server_log="$(dirname "$data_dir")/server.log"

configure() {  # name port connector connection
  bench_serve_config "$work/$1.properties" "$2" "$4" "store.connector = $3" "inbox.claimName = $1"
}
# Settings for the database's new sessions (Poco's connector does not pass a
# libpq options= on): the same durability as SQLite's synchronous=FULL.
psql_ "ALTER DATABASE profkpi_test SET synchronous_commit = on"
for setting in ${PROFKPI_BENCH_PG_SETTINGS-}; do
  psql_ "ALTER DATABASE profkpi_test SET ${setting%%=*} = '${setting#*=}'"
done
configure sqlite "$base_port" sqlite "$work/store.db"
configure pg $((base_port + 1)) postgresql "$PROFKPI_TEST_PG"
configure pglog $((base_port + 2)) postgresql "$PROFKPI_TEST_PG"
for name in sqlite pg; do
  key=$("$profkpi" keys add --config "$work/$name.properties" --org E09000001 --role admin 2>/dev/null)
  echo "$key" > "$work/$name.key"
done
bench_start_serve "$work/sqlite.properties" "$work/sqlite.log"
bench_start_serve "$work/pg.properties" "$work/pg.log"
bench_wait_listening $base_port $((base_port + 1))

# CPU ticks (user + system) of a process, and of PostgreSQL: the postmaster,
# its reaped children and its live ones (the backends serving serve).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
pg_ticks() {
  local total
  total=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat")
  for child in $(pgrep -P "$postmaster"); do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

# wrk's text, serve's and PostgreSQL's ticks -> "req/s p50 p99 non2xx errors serve_us pg_us"
summarise() {
  awk -v serve="$1" -v pg="$2" -v hz="$(getconf CLK_TCK)" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } / requests in / { n = $1 }
    /Requests\/sec/ { rate = $2 } /Non-2xx/ { bad = $NF } /Socket errors/ { errors = $NF }
    END { printf "%.0f %.2f %.2f %d %d %.0f %.0f\n", rate, p50, p99, bad, errors,
          (n > 0 ? serve * 1e6 / hz / n : 0), (n > 0 ? pg * 1e6 / hz / n : 0) }'
}

# WAL flushes so far (fewer than commits when PostgreSQL groups them).
wal_syncs() { psql_ "SELECT wal_sync FROM pg_stat_wal"; }

run_one() {  # name pid port
  local s0 s1 p0 p1 w0 w1
  w0=$(wal_syncs); s0=$(cpu_ticks "$2"); p0=$(pg_ticks)
  PROFKPI_KEY=$(cat "$work/$1.key") wrk -t2 -c32 -d"${seconds}s" --latency -s bench/http-ingest.lua \
    "http://127.0.0.1:$3/api/v1/submissions" > "$work/wrk.txt"
  s1=$(cpu_ticks "$2"); p1=$(pg_ticks); sleep 1; w1=$(wal_syncs)  # statistics are flushed within 1 s
  summarise $((s1 - s0)) $((p1 - p0)) < "$work/wrk.txt" | sed "s/^/$1 /"
  if [ "$1" = pg ]; then
    awk -v f=$((w1 - w0)) '/ requests in / { printf "#   round: %d WAL flushes for %d submissions (%.2f each)\n", f, $1, f / $1 }' \
      "$work/wrk.txt" >&2
  fi
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); ${runs} runs of ${seconds}s, wrk -t2 -c32; $build; PostgreSQL settings: ${PROFKPI_BENCH_PG_SETTINGS:-defaults}"
printf "%-7s %4s %8s %8s %8s %7s %7s %14s %14s\n" target run "req/s" "p50 ms" "p99 ms" non2xx errors "serve us/req" "pg us/req"
: > "$work/results"
for run in $(seq "$runs"); do
  for target in sqlite pg; do
    case $target in
      sqlite) line=$(run_one sqlite "${pids[0]}" "$base_port") ;;
      pg) line=$(run_one pg "${pids[1]}" $((base_port + 1))) ;;
    esac
    read -r name rate p50 p99 bad errors serve pg <<< "$line"
    echo "$name $rate $p50 $p99 $bad $errors $run $serve $pg" >> "$work/results"
    printf "%-7s %4s %8s %8s %8s %7s %7s %14s %14s\n" "$name" "$run" "$rate" "$p50" "$p99" "$bad" "$errors" "$serve" "$pg"
  done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() {  # target column -> "median min max"
  awk -v t="$1" -v c="$2" '$1 == t { print $c }' "$work/results" | sort -g |
    awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m, v[1], v[NR] }'
}
echo
printf "%-7s %-20s %-20s %-20s %-20s %s\n" target "req/s (min-max)" "p99 ms (min-max)" "serve us/req" "pg us/req" "non2xx+errors"
for target in sqlite pg; do
  read -r r rlo rhi <<< "$(median "$target" 2)"
  read -r b blo bhi <<< "$(median "$target" 4)"
  read -r c clo chi <<< "$(median "$target" 8)"
  read -r d dlo dhi <<< "$(median "$target" 9)"
  errors=$(awk -v t="$target" '$1 == t { n += $5 + $6 } END { print n + 0 }' "$work/results")
  printf "%-7s %-20s %-20s %-20s %-20s %s\n" "$target" "$r ($rlo-$rhi)" "$b ($blo-$bhi)" "$c ($clo-$chi)" "$d ($dlo-$dhi)" "$errors"
done
awk '$1 == "sqlite" { s[$7] = $2 } $1 == "pg" { p[$7] = $2 }
     END { for (r in p) if (s[r] > 0) printf "%.3f\n", p[r] / s[r] }' "$work/results" | sort -g |
  awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "pg/sqlite rate, median of rounds: %.2fx (goal >= 0.5x)\n", m }'
awk '$1 == "pg" { print ($8 + $9) / 1000 }' "$work/results" | sort -g |
  awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "CPU per accepted submission, serve + PostgreSQL, median: %.2f ms (goal <= 1.5 ms)\n", m }'

# What PostgreSQL is asked per submission: 100 posts to a serve whose
# connections log every statement.
bench_stop_servers
psql_ "ALTER DATABASE profkpi_test SET log_statement = 'all'"
bench_start_serve "$work/pglog.properties" "$work/pglog.log"
bench_wait_listening $((base_port + 2))
before=$(wc -l < "$server_log")
# Transactions that wrote take a transaction id each: read with the count.
read -r start xid_before <<< "$(psql_ "SELECT count(*) || ' ' || txid_current() FROM submissions")"
PROFKPI_KEY=$(cat "$work/pg.key") wrk -t1 -c1 -d30s -s bench/http-ingest.lua \
  "http://127.0.0.1:$((base_port + 2))/api/v1/submissions" > /dev/null &
wrk_pid=$!
# wrk has no request count: stop it once 100 submissions are in.
while [ "$(psql_ "SELECT count(*) FROM submissions")" -lt $((start + 100)) ]; do sleep 0.05; done
kill "$wrk_pid"; wait "$wrk_pid" 2>/dev/null || true
sleep 0.5
read -r end xid_after <<< "$(psql_ "SELECT count(*) || ' ' || txid_current() FROM submissions")"
posted=$((end - start))
writes=$((xid_after - xid_before - 1))  # less the asking transaction's own
tail -n +"$((before + 1))" "$server_log" > "$work/statements.log"
statements=$(grep -c -E 'LOG:  (statement|execute)' "$work/statements.log" || true)
commits=$(grep -c -E 'LOG:  statement: COMMIT' "$work/statements.log" || true)
deallocs=$(grep -c -i 'DEALLOCATE' "$work/statements.log" || true)
echo "statement log, $posted submissions: $statements statements ($(awk -v s="$statements" -v n="$posted" 'BEGIN { printf "%.1f", s / n }') each), $commits COMMITs, $deallocs DEALLOCATEs, $writes writing transactions"
grep -E 'LOG:  (statement|execute)' "$work/statements.log" | sed -E 's/.*LOG:  //; s/\$[0-9]+/?/g' | cut -c1-60 | sort | uniq -c | sort -rn | head -12
