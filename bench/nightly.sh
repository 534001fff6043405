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
runs=${1:-5}
orgs=${2:-5000}
quarters=${3:-8}
build=${PROFKPI_BUILD_DIR:-build}
profkpi="$PWD/$build/profkpi"
work=${PROFKPI_BENCH_DIR:-/tmp/profkpi-nightly-${orgs}x${quarters}}
mkdir -p "$work"

cat > "$work/ingest.properties" <<PROPERTIES
store.connection = $work/ingested.db
registry.file = $work/data.registry.xml
logging.loggers.root.level = information
PROPERTIES

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
  cat > "$work/run/nightly.properties" <<PROPERTIES
store.connection = $work/run/store.db
registry.file = $work/data.registry.xml
reports.dir = $work/run/reports
logging.loggers.root.level = warning
PROPERTIES
  sync
  /usr/bin/time -v "$profkpi" nightly --config "$work/run/nightly.properties" > "$work/run/out.txt" 2> "$work/run/time.txt" || {
    echo "run $run failed:"; cat "$work/run/out.txt"; tail -30 "$work/run/time.txt"; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/run/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/run/time.txt")
  # Each language's document counts (issue 25: CODE.cy.pdf beside CODE.pdf, sector.cy.pdf).
  boards=$(find "$work/run/reports" -name '*.pdf' ! -name 'sector.pdf' ! -name 'sector.*.pdf' | wc -l)
  sectors=$(find "$work/run/reports" \( -name 'sector.pdf' -o -name 'sector.*.pdf' \) | wc -l)
  welsh=$(find "$work/run/reports" -name '*.cy.pdf' | wc -l)
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.1f", u + s }' "$work/run/time.txt")
  echo "run $run: ${wall} s wall, ${cpu} s CPU (user + system), ${rss} MB peak RSS, $boards board and $sectors sector PDFs ($welsh of them in Welsh), load $(cut -d' ' -f1 /proc/loadavg); $(head -1 "$work/run/out.txt")"
  cpus+=("$cpu")
  walls+=("$wall")
  rsss+=("$rss")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "median of $runs: $(median "${walls[@]}") s wall, $(median "${cpus[@]}") s CPU (min $(printf '%s\n' "${walls[@]}" | sort -g | head -1), max $(printf '%s\n' "${walls[@]}" | sort -g | tail -1)), $(median "${rsss[@]}") MB peak RSS; load average $(cut -d' ' -f1-3 /proc/loadavg)"
