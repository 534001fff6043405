#!/usr/bin/env bash
# Open-data export at scale (issue 23): `profkpi export --all` of 5,000
# organisations x 8 quarters from SQLite (the data and store of bench/nightly.sh,
# generated and ingested once into the same folder), RUNS times under
# /usr/bin/time -v: wall, CPU, peak RSS, rows written. Baseline in the same run:
# `sqlite3 -csv` dumping the current submissions' rows (reading the same store
# and writing CSV, no KPIs), as the floor for reading the data.
#   bench/opendata.sh [RUNS] [ORGS] [QUARTERS]      (default 5 5000 8)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
runs=${1:-5}
orgs=${2:-5000}
quarters=${3:-8}
work=${PROFKPI_BENCH_DIR:-/tmp/profkpi-nightly-${orgs}x${quarters}}
mkdir -p "$work"

if [ ! -f "$work/ingested.done" ]; then
  # bench/nightly.sh with no runs generates and ingests the data.
  PROFKPI_BENCH_DIR="$work" bench/nightly.sh 0 "$orgs" "$quarters" > /dev/null
fi
bench_store_config "$work/export.properties" "$work/ingested.db" "$work/data.registry.xml" warning

walls=(); rsss=(); cpus=(); base_walls=(); base_rsss=(); base_cpus=()
for run in $(seq 1 "$runs"); do
  rm -rf "$work/export" && mkdir -p "$work/export"
  /usr/bin/time -v "$profkpi" export --config "$work/export.properties" --all --out "$work/export" \
    2> "$work/export-time.txt" > /dev/null || { tail -30 "$work/export-time.txt"; exit 1; }
  /usr/bin/time -v sqlite3 -csv "$work/ingested.db" \
    "SELECT * FROM submissions WHERE is_current = 1 ORDER BY period, organisation" \
    > "$work/baseline.csv" 2> "$work/baseline-time.txt"
  walls+=("$(bench_wall_seconds "$work/export-time.txt")"); rsss+=("$(bench_peak_megabytes "$work/export-time.txt")")
  cpus+=("$(bench_cpu_seconds "$work/export-time.txt")")
  base_walls+=("$(bench_wall_seconds "$work/baseline-time.txt")"); base_rsss+=("$(bench_peak_megabytes "$work/baseline-time.txt")")
  base_cpus+=("$(bench_cpu_seconds "$work/baseline-time.txt")")
  rows=$(($(wc -l < "$work/export/results.csv") - 1))
  echo "run $run: export ${walls[-1]} s wall, ${cpus[-1]} s CPU, ${rsss[-1]} MB peak RSS, $rows results rows," \
       "$(du -k "$work/export/results.csv" | cut -f1) KB results.csv; sqlite3 -csv ${base_walls[-1]} s wall," \
       "${base_cpus[-1]} s CPU, ${base_rsss[-1]} MB; load $(cut -d' ' -f1 /proc/loadavg)"
done
w=$(bench_median "${walls[@]}"); b=$(bench_median "${base_walls[@]}"); c=$(bench_median "${cpus[@]}"); bc=$(bench_median "${base_cpus[@]}")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b > 0) ? a / b : 0 }'; }
echo "median of $runs: export $w s wall, $c s CPU, $(bench_median "${rsss[@]}") MB peak RSS; sqlite3 -csv $b s wall," \
     "$bc s CPU, $(bench_median "${base_rsss[@]}") MB; ratios $(ratio "$w" "$b")x wall, $(ratio "$c" "$bc")x CPU;" \
     "load average $(cut -d' ' -f1-3 /proc/loadavg)"
