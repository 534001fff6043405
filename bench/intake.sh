#!/usr/bin/env bash
# Intake benchmark (issue 7, goal 1): `profkpi validate` against the bare Xerces
# validating parse (same grammar pool and settings, identity constraints off, a
# handler that does nothing) on 100 KB, 10 MB and 100 MB Workforce documents, in
# the same run, as a ratio of medians; also `xmllint --stream --schema`, and
# profkpi's peak RSS at 100 MB. Usage: bench/intake.sh [RUNS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
build=${PROFKPI_BUILD_DIR:-build}
work=$(mktemp -d /tmp/profkpi-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

printf '| size | profkpi validate (median s) | bare Xerces (median s) | ratio | xmllint --stream (median s) | ratio |\n'
printf '|---|---|---|---|---|---|\n'
for size in 100000 10000000 100000000; do
  doc="$work/workforce-$size.xml"
  "$build/bench/make-workforce" "$doc" "$size" > /dev/null
  hyperfine --style none --warmup 1 --runs "$runs" --export-csv "$work/$size.csv" \
    "$build/profkpi validate $doc" \
    "$build/bench/xerces-baseline $doc" \
    "xmllint --stream --noout --schema xsd/submission-1.0.xsd $doc" > /dev/null 2>&1
  awk -F, -v size="$size" 'NR==2{p=$4} NR==3{x=$4} NR==4{l=$4}
    END{printf "| %s | %.3f | %.3f | %.2fx | %.3f | %.2fx |\n", size, p, x, x/p, l, l/p}' "$work/$size.csv"
done
rss=$( { /usr/bin/time -f '%M' "$build/profkpi" validate "$work/workforce-100000000.xml" > /dev/null 2>"$work/err"; } 2>&1; tail -1 "$work/err")
echo
echo "profkpi validate peak RSS at 100 MB: $(( $(tail -1 "$work/err") / 1024 )) MB"
