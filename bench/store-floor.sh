#!/usr/bin/env bash
# Issue 21's restated SQLite goal: serve's store path (build/bench/store-accept,
# THREADS callers, group commit) at most 1.2x the CPU of SQLite's own floor for
# the same statements and durability (build/bench/sqlite-floor, BATCH a
# transaction), taken in turn in each round, each on a fresh file.
# With PROFKPI_STORE_ACCEPT_BEFORE=PATH (a store-accept built from another
# commit), that one runs in each round too, for before/after figures taken in
# the same minutes.
# Prints every run, the medians and the ratio store/floor per round.
# Usage: bench/store-floor.sh [ROUNDS [SUBMISSIONS [THREADS [BATCH]]]]   (defaults 5 16000 32 16)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
submissions=${2:-16000}
threads=${3:-32}
batch=${4:-16}
build=${PROFKPI_BUILD_DIR:-build}
before=${PROFKPI_STORE_ACCEPT_BEFORE:-}
work=$(mktemp -d /tmp/profkpi-store-floor.XXXXXX)
trap 'rm -rf "$work"' EXIT

cpu_us() { sed -E 's/.*CPU ([0-9]+) us each.*/\1/'; }
echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $rounds rounds of $submissions submissions"
: > "$work/results"
for round in $(seq "$rounds"); do
  rm -f "$work"/*.db*
  old=0
  if [ -n "$before" ]; then
    old=$("$before" "$work/before.db" "$submissions" "$threads")
    echo "round $round: before       $old"
    old=$(cpu_us <<< "$old")
  fi
  store=$("$build/bench/store-accept" "$work/store.db" "$submissions" "$threads")
  floor=$("$build/bench/sqlite-floor" "$work/floor.db" "$submissions" "$batch")
  echo "round $round: store-accept $store"
  echo "round $round: sqlite-floor $floor"
  echo "$(cpu_us <<< "$store") $(cpu_us <<< "$floor") $old" >> "$work/results"
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m, v[1], v[NR] }'; }
read -r s slo shi <<< "$(awk '{ print $1 }' "$work/results" | median)"
read -r f flo fhi <<< "$(awk '{ print $2 }' "$work/results" | median)"
read -r r rlo rhi <<< "$(awk '{ printf "%.3f\n", $1 / $2 }' "$work/results" | median)"
if [ -n "$before" ]; then
  read -r b blo bhi <<< "$(awk '{ print $3 }' "$work/results" | median)"
  read -r br brlo brhi <<< "$(awk '{ printf "%.3f\n", $3 / $2 }' "$work/results" | median)"
  echo "before ($threads callers): $b us CPU a submission ($blo-$bhi); before/floor ${br}x ($brlo-$brhi)"
fi
echo "store-accept ($threads callers): $s us CPU a submission ($slo-$shi)"
echo "sqlite-floor ($batch a transaction): $f us CPU a submission ($flo-$fhi)"
echo "store/floor, median of rounds: ${r}x ($rlo-$rhi) (goal <= 1.2x)"
