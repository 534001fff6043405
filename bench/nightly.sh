#!/usr/bin/env bash
# Nightly run at scale (issue 7, goal 4): `profkpi demo-data --scale ORGS
# --quarters QUARTERS` (synthetic councils beyond the registry's 84, listed in
# DATA.registry.xml), ingested once into SQLite with progress, then RUNS
# `profkpi nightly` runs under /usr/bin/time -v, each from a copy of the freshly
# ingested store and an empty reports folder, so that every run renders every
# board report (one per organisation, its latest quarter, in each language its
# registry entry asks for) and every sector report. Prints wall time and peak
# RSS of each run, and their medians.
#   bench/nightly.sh [RUNS] [ORGS] [QUARTERS]      (default 5 5000 8)
# The generated data and the ingested store are kept in $PROFKPI_BENCH_DIR
# (default /tmp/profkpi-nightly-ORGSxQUARTERS) for the next use; delete it to start over.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
runs=${1:-5}
orgs=${2:-5000}
quarters=${3:-8}
work=${PROFKPI_BENCH_DIR:-/tmp/profkpi-nightly-${orgs}x${quarters}}
mkdir -p "$work"

bench_store_config "$work/ingest.properties" "$work/ingested.db" "$work/data.registry.xml" information

if [ ! -f "$work/ingested.done" ]; then
  rm -rf "$work/data" "$work/data.registry.xml" "$work"/ingested.db*
  echo "generating $orgs organisations x $quarters quarters in $work/data"
  "$profkpi" demo-data --out "$work/data" --scale "$orgs" --quarters "$quarters"
  [ -f "$work/data.registry.xml" ] || cp data/registry.xml "$work/data.registry.xml"
  echo "ingesting (progress every 10%)"
  start=$(date +%s)
  "$profkpi" ingest --config "$work/ingest.properties" "$work/data" > /dev/null
  echo "ingested in $(( $(date +%s) - start )) s"
  touch "$work/ingested.done"
fi

walls=()
rsss=()
cpus=()
for run in $(seq 1 "$runs"); do
  rm -rf "$work/run" && mkdir -p "$work/run"
  cp "$work"/ingested.db "$work/run/store.db"
  for suffix in -wal -shm; do
    [ -f "$work/ingested.db$suffix" ] && cp "$work/ingested.db$suffix" "$work/run/store.db$suffix"
  done
  bench_store_config "$work/run/nightly.properties" "$work/run/store.db" "$work/data.registry.xml" warning \
    "reports.dir = $work/run/reports"
  sync
  /usr/bin/time -v "$profkpi" nightly --config "$work/run/nightly.properties" > "$work/run/out.txt" 2> "$work/run/time.txt" || {
    echo "run $run failed:"; cat "$work/run/out.txt"; tail -30 "$work/run/time.txt"; exit 1; }
  wall=$(bench_wall_seconds "$work/run/time.txt")
  rss=$(bench_peak_megabytes "$work/run/time.txt")
  # Each language's document counts (issue 25: CODE.cy.pdf beside CODE.pdf, sector.cy.pdf).
  boards=$(find "$work/run/reports" -name '*.pdf' ! -name 'sector.pdf' ! -name 'sector.*.pdf' | wc -l)
  sectors=$(find "$work/run/reports" \( -name 'sector.pdf' -o -name 'sector.*.pdf' \) | wc -l)
  welsh=$(find "$work/run/reports" -name '*.cy.pdf' | wc -l)
  cpu=$(bench_cpu_seconds "$work/run/time.txt" 1)
  echo "run $run: ${wall} s wall, ${cpu} s CPU (user + system), ${rss} MB peak RSS, $boards board and $sectors sector PDFs ($welsh of them in Welsh), load $(cut -d' ' -f1 /proc/loadavg); $(head -1 "$work/run/out.txt")"
  cpus+=("$cpu")
  walls+=("$wall")
  rsss+=("$rss")
done
echo "median of $runs: $(bench_median "${walls[@]}") s wall, $(bench_median "${cpus[@]}") s CPU (min $(printf '%s\n' "${walls[@]}" | sort -g | head -1), max $(printf '%s\n' "${walls[@]}" | sort -g | tail -1)), $(bench_median "${rsss[@]}") MB peak RSS; load average $(cut -d' ' -f1-3 /proc/loadavg)"
