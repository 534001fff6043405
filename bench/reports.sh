#!/usr/bin/env bash
# Board report rendering (issue 7, goal 3): profkpi's PDF renderer against
# reportlab drawing the same pages, in the same run. Renders COUNT board
# reports of one period from a store (default: the store bench/nightly.sh
# ingests), RUNS times each, one process, one thread; prints reports/s
# (median, min, max) and sizes for both, checks a sample of ours with qpdf,
# pdffonts and pdftotext, and prints the load average.
#   bench/reports.sh [COUNT] [RUNS] [CONFIG] [PERIOD]   (default 100 5)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100}
runs=${2:-5}
build=${PROFKPI_BUILD_DIR:-build}
data=${PROFKPI_BENCH_DIR:-/tmp/profkpi-nightly-5000x8}
config=${3:-}
period=${4:-2025-26-Q2}
work=$(mktemp -d /tmp/profkpi-reports.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ -z "$config" ]; then
  [ -f "$data/ingested.done" ] || { echo "no store: run bench/nightly.sh first, or give CONFIG" >&2; exit 2; }
  config="$work/bench.properties"
  printf 'store.connection = %s/ingested.db\nregistry.file = %s/data.registry.xml\nlogging.loggers.root.level = warning\n' \
    "$data" "$data" > "$config"
fi
mkdir -p "$work/profkpi" "$work/reportlab"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/bench/board-reports" --config "$config" --period "$period" --count "$count" --runs "$runs" \
  --out "$work/profkpi" --ops "$work/ops.json" 2> "$work/profkpi.err" | grep -v '^size '
/usr/bin/python3 bench/reportlab-board.py "$work/ops.json" --runs "$runs" --out "$work/reportlab" 2> "$work/reportlab.err"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
sample=$(ls "$work/profkpi"/*.pdf | head -1)
qpdf --check "$sample" > /dev/null && echo "qpdf --check: ok ($(basename "$sample"))"
pdffonts "$sample" | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { print bad ? "pdffonts: a font is not embedded" : "pdffonts: every font embedded" }'
text=$(pdftotext "$sample" -)
case "$text" in *"PROFESSIONALISATION INDEX"*) echo "pdftotext: text readable" ;; *) echo "pdftotext: text NOT readable" ;; esac
