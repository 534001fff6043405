#!/usr/bin/env bash
# HTTP ingest benchmark (issue 7, goal 2): 5 KB aggregate submissions posted by
# wrk (2 threads, 32 connections, bench/http-ingest.lua) to four servers in the
# same run, RUNS rounds of SECONDS each, the four taken in turn in every round:
#   noop      build/bench/validate-only-server --noop: read the body, answer 201
#   validate  build/bench/validate-only-server: read and validate with serve's
#             intake, answer 201, no store (the baseline of the goal)
#   ingest    `profkpi serve` on a fresh SQLite store, synchronous=FULL: each 201
#             only after its own commit
#   healthz   GET /healthz of the same serve (the ceiling)
# Prints every run, then medians (min-max), the ratio ingest/validate of the
# rates per round, and of the servers' CPU time per request (from /proc: it
# does not depend on how a loaded machine's scheduler shares the cores).
# Usage: bench/http.sh [SECONDS [RUNS]]   (defaults 10 and 5)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
seconds=${1:-10}
runs=${2:-5}
base_port=${PROFKPI_BENCH_PORT:-18099}
noop_port=$((base_port + 1))
validate_port=$((base_port + 2))
serve_port=$base_port
work=$(mktemp -d /tmp/profkpi-http.XXXXXX)
trap bench_cleanup EXIT

bench_serve_config "$work/profkpi.properties" "$serve_port" "$work/store.db"
key=$("$profkpi" keys add --config "$work/profkpi.properties" --org E09000001 --role admin 2>/dev/null)
bench_start_serve "$work/profkpi.properties" "$work/serve.log"
"$build/bench/validate-only-server" "$noop_port" --noop 2> "$work/noop.log" & pids+=($!)
"$build/bench/validate-only-server" "$validate_port" 2> "$work/validate.log" & pids+=($!)
bench_wait_listening $serve_port $noop_port $validate_port

# wrk's text and the server's CPU ticks used -> "requests/s p50_ms p99_ms non2xx timeouts cpu_us_per_request"
summarise() {
  awk -v ticks="$1" -v hz="$(getconf CLK_TCK)" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } / requests in / { n = $1 }
    /Requests\/sec/ { rate = $2 } /Non-2xx/ { bad = $NF } /Socket errors/ { timeouts = $NF }
    END { printf "%.0f %.2f %.2f %d %d %.0f\n", rate, p50, p99, bad, timeouts, (n > 0 ? ticks * 1e6 / hz / n : 0) }'
}

# The CPU time (user + system, clock ticks) a process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

run_one() {  # name pid url [script]
  local args=(-t2 -c32 -d"${seconds}s" --latency)
  [ $# -gt 3 ] && args+=(-s "$4")
  local before after
  before=$(cpu_ticks "$2")
  PROFKPI_KEY=$key wrk "${args[@]}" "$3" > "$work/wrk.txt"
  after=$(cpu_ticks "$2")
  summarise $((after - before)) < "$work/wrk.txt" | sed "s/^/$1 /"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); ${runs} runs of ${seconds}s, wrk -t2 -c32"
printf "%-9s %4s %9s %9s %9s %7s %8s %10s\n" target run "req/s" "p50 ms" "p99 ms" non2xx timeouts "CPU us/req"
: > "$work/results"
for run in $(seq "$runs"); do
  for target in noop validate ingest healthz; do
    case $target in
      noop) line=$(run_one noop "${pids[1]}" "http://127.0.0.1:$noop_port/api/v1/submissions" bench/http-ingest.lua) ;;
      validate) line=$(run_one validate "${pids[2]}" "http://127.0.0.1:$validate_port/api/v1/submissions" bench/http-ingest.lua) ;;
      ingest) line=$(run_one ingest "${pids[0]}" "http://127.0.0.1:$serve_port/api/v1/submissions" bench/http-ingest.lua) ;;
      healthz) line=$(run_one healthz "${pids[0]}" "http://127.0.0.1:$serve_port/healthz") ;;
    esac
    read -r name rate p50 p99 bad timeouts cpu <<< "$line"
    echo "$name $rate $p50 $p99 $bad $timeouts $run $cpu" >> "$work/results"
    printf "%-9s %4s %9s %9s %9s %7s %8s %10s\n" "$name" "$run" "$rate" "$p50" "$p99" "$bad" "$timeouts" "$cpu"
  done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() {  # target column -> "median min max"
  awk -v t="$1" -v c="$2" '$1 == t { print $c }' "$work/results" | sort -g |
    awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m, v[1], v[NR] }'
}
echo
printf "%-9s %-22s %-22s %-24s %-22s %s\n" target "req/s median (min-max)" "p50 ms median (min-max)" "p99 ms median (min-max)" "CPU us/req (min-max)" "non2xx+timeouts"
for target in noop validate ingest healthz; do
  read -r r rlo rhi <<< "$(median "$target" 2)"
  read -r a alo ahi <<< "$(median "$target" 3)"
  read -r b blo bhi <<< "$(median "$target" 4)"
  read -r c clo chi <<< "$(median "$target" 8)"
  errors=$(awk -v t="$target" '$1 == t { n += $5 + $6 } END { print n + 0 }' "$work/results")
  printf "%-9s %-22s %-22s %-24s %-22s %s\n" "$target" "$r ($rlo-$rhi)" "$a ($alo-$ahi)" "$b ($blo-$bhi)" "$c ($clo-$chi)" "$errors"
done
# The ratio within each round (same moment, same load), then its median.
ratios=$(awk '$1 == "validate" { v[$7] = $2 } $1 == "ingest" { i[$7] = $2 }
              END { for (r in i) if (v[r] > 0) printf "%.3f\n", i[r] / v[r] }' "$work/results" | sort -g | tr '\n' ' ')
echo "ingest/validate per round: $ratios"
echo "$ratios" | tr ' ' '\n' | grep . |
  awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "ingest/validate median: %.2fx (goal >= 0.5x)\n", m }'
# CPU per request does not depend on how the scheduler shares a loaded machine.
awk '$1 == "validate" { v[$7] = $8 } $1 == "ingest" { i[$7] = $8 }
     END { for (r in i) if (i[r] > 0) printf "%.3f\n", v[r] / i[r] }' "$work/results" | sort -g |
  awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "CPU per request, validate/ingest median: %.2fx\n", m }'

kill -TERM "${pids[0]}"; wait "${pids[0]}" || true
stored=$(sqlite3 "$work/store.db" 'select count(*) from submissions')
echo "stored: $stored submissions; serve errors logged: $(grep -c -E ' (Error|Critical|Fatal) ' "$work/serve.log" || true)"
