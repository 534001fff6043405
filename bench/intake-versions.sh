#!/usr/bin/env bash
# Intake of version 1.1 against 1.0 (issue 19): `profkpi validate` on the same
# Workforce document as 1.0 and as 1.1 with BoardNotes (a Summary of 2,000
# characters and ten Actions), at 10 MB and 100 MB, alternating the two within
# each run of hyperfine; and peak RSS at 100 MB. Baseline: the 1.0 document.
# Usage: bench/intake-versions.sh [RUNS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
build=${PROFKPI_BUILD_DIR:-build}
work=$(mktemp -d /tmp/profkpi-bench-versions.XXXXXX)
trap 'rm -rf "$work"' EXIT

notes() {
  printf '<BoardNotes><Summary>'
  for i in $(seq 20); do printf 'Sentence %02d of the summary, ŵ ŷ, ninety-odd characters long to make two thousand.. ' "$i"; done | cut -c1-2000 | tr -d '\n'
  printf '</Summary>'
  for i in $(seq 10); do printf '<Action kpi="K%d" owner="Head of ICT" due="2010-03-31">Action %d.</Action>' $(( (i - 1) % 5 + 1 )) "$i"; done
  printf '</BoardNotes>'
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); hyperfine, $runs runs each"
printf '| document | 1.0 median s | 1.1 median s | ratio 1.1/1.0 | 1.0 peak RSS | 1.1 peak RSS |\n|---|---|---|---|---|---|\n'
for size in 10000000 100000000; do
  v10="$work/workforce-$size-1.0.xml"
  v11="$work/workforce-$size-1.1.xml"
  "$build/bench/make-workforce" "$v10" "$size" > /dev/null
  { sed -e 's/schemaVersion="1.0"/schemaVersion="1.1"/' -e '$d' "$v10"; notes; echo; tail -n 1 "$v10"; } > "$v11"
  "$build/profkpi" validate "$v11" > /dev/null 2>&1 || { echo "the 1.1 document is refused" >&2; "$build/profkpi" validate "$v11" | head; exit 1; }
  hyperfine -N --style none --runs "$runs" --export-json "$work/h.json" \
    "$build/profkpi validate $v10" "$build/profkpi validate $v11" > /dev/null 2>&1
  read -r m10 m11 < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print("%.3f %.3f" % (r[0]["median"], r[1]["median"]))' "$work/h.json")
  rss() { /usr/bin/time -f %M "$build/profkpi" validate "$1" 2>&1 >/dev/null | tail -n 1; }
  printf '| %s MB | %s | %s | %s | %s MB | %s MB |\n' $((size / 1000000)) "$m10" "$m11" \
    "$(python3 -c "print('%.3f' % ($m11 / $m10))")" $(( $(rss "$v10") / 1024 )) $(( $(rss "$v11") / 1024 ))
done
