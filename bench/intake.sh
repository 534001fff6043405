#!/usr/bin/env bash
# Intake benchmark (issue 7, goal 1): `profkpi validate` against the bare Xerces
# validating parse (same grammar pool and settings, identity constraints off, a
# handler that does nothing) on 100 KB, 10 MB and 100 MB Workforce documents;
# also `xmllint --stream --schema`, and profkpi's peak RSS at 100 MB.
#
# The three programs run in turn within each round (the order reversed every
# other round), and the ratio baseline/profkpi is taken per round, then its
# median: this VM's speed wanders by 10-20% over minutes, which a block of runs
# of one program followed by a block of the other would turn into a false ratio.
# (Each round runs each program 20 times at 100 KB, 5 times at 10 MB, and
# takes the median.)
# Ratios are given for wall time and for CPU time (user + system).
# Usage: bench/intake.sh [ROUNDS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
build=${PROFKPI_BUILD_DIR:-build}
work=$(mktemp -d /tmp/profkpi-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# One round: each command $repeat times, in the order given (hyperfine: wall,
# user and system time to the microsecond); appends "name round wall cpu" (the
# round's median wall, mean CPU) to $work/times.
round_of() {  # round command...
  local round=$1; shift
  hyperfine -N --style none --runs "$repeat" --export-json "$work/round.json" "$@" > /dev/null 2>&1
  python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    name = r["command"].split()[0].split("/")[-1]
    print({"profkpi": "profkpi", "xerces-baseline": "baseline", "xmllint": "xmllint"}[name], sys.argv[2],
          "%.4f" % r["median"], "%.4f" % (r["user"] + r["system"]))' "$work/round.json" "$round" >> "$work/times"
}

median() { sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f", m }'; }
range() { sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f-%.2f", lo, hi }'; }

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); ${rounds} rounds"
printf '| document | profkpi wall / CPU (median s) | bare Xerces wall / CPU | ratio wall (min-max) | ratio CPU (min-max) | xmllint --stream wall | ratio |\n'
printf '|---|---|---|---|---|---|---|\n'
# Member ids ascending (HR exports sorted by employee number), and at 100 MB also
# scrambled (no order: the id check's slower path).
for document in 100000 10000000 100000000 100000000-scrambled; do
  size=${document%-scrambled}
  doc="$work/workforce-$document.xml"
  if [ "$document" = "$size" ]; then
    "$build/bench/make-workforce" "$doc" "$size" > /dev/null
  else
    "$build/bench/make-workforce" "$doc" "$size" --scrambled-ids > /dev/null
  fi
  # A 100 KB run is too short to time once, and a 10 MB one (half a second)
  # scatters on this VM: they are repeated within each round, median taken.
  repeat=$((size < 1000000 ? 20 : size < 50000000 ? 5 : 1))
  profkpi_cmd="$build/profkpi validate $doc"
  baseline_cmd="$build/bench/xerces-baseline $doc"
  xmllint_cmd="xmllint --stream --noout --schema xsd/submission-1.0.xsd $doc"
  round_of 0 "$profkpi_cmd" "$baseline_cmd" "$xmllint_cmd"  # warm-up: page cache, first-run effects
  : > "$work/times"
  for round in $(seq "$rounds"); do
    if [ $((round % 2)) -eq 1 ]; then
      round_of "$round" "$profkpi_cmd" "$baseline_cmd" "$xmllint_cmd"
    else
      round_of "$round" "$xmllint_cmd" "$baseline_cmd" "$profkpi_cmd"
    fi
  done
  # $work/times: "name round wall cpu"
  col() { awk -v n="$1" -v c="$2" '$1 == n { print $c }' "$work/times"; }
  per_round() {  # column -> baseline/profkpi per round
    awk -v c="$1" '$1 == "profkpi" { p[$2] = $c } $1 == "baseline" { b[$2] = $c }
                   END { for (r in p) if (p[r] > 0) printf "%.4f\n", b[r] / p[r] }' "$work/times"
  }
  lint_ratio=$(awk '$1 == "profkpi" { p[$2] = $3 } $1 == "xmllint" { l[$2] = $3 }
                    END { for (r in p) if (p[r] > 0) printf "%.4f\n", l[r] / p[r] }' "$work/times" | median)
  printf '| %s | %s / %s | %s / %s | **%sx** (%s) | %sx (%s) | %s | %sx |\n' "$document" \
    "$(col profkpi 3 | median)" "$(col profkpi 4 | median)" "$(col baseline 3 | median)" "$(col baseline 4 | median)" \
    "$(per_round 3 | median)" "$(per_round 3 | range)" "$(per_round 4 | median)" "$(per_round 4 | range)" \
    "$(col xmllint 3 | median)" "$lint_ratio"
done
echo
peak_rss() { /usr/bin/time -f %M -o "$work/rss" "$@" > /dev/null 2>&1 || true; echo $(( $(tail -1 "$work/rss") / 1024 )); }
echo "peak RSS at 100 MB: profkpi validate $(peak_rss "$build/profkpi" validate "$work/workforce-100000000.xml") MB (goal < 64 MB)," \
     "bare Xerces $(peak_rss "$build/bench/xerces-baseline" "$work/workforce-100000000.xml") MB"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
