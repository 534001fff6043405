# Sourced by the benchmark scripts (after they cd to the checkout): the build
# they run, the start-up and stop of the servers they measure, the
# configuration files they write, and the sums over /usr/bin/time -v output.
# Sets `build` (PROFKPI_BUILD_DIR, default build) and `profkpi` (its program);
# a script that starts servers sets `work` first and traps EXIT with bench_cleanup.

build=${PROFKPI_BUILD_DIR:-build}
profkpi="$PWD/$build/profkpi"
pids=()  # the servers bench_start_serve (or the script) started

# Writes FILE, a configuration for a `profkpi serve` under test: listening on
# PORT, storing in CONNECTION (SQLite unless a further line names another
# connector), its own inbox beside FILE, reports in $work/reports, no nightly
# run, warnings only. Each further argument is one more line ("key = value").
bench_serve_config() {  # FILE PORT CONNECTION [LINE...]
  local file=$1 port=$2 connection=$3
  shift 3
  {
    echo "store.connection = $connection"
    echo "inbox.dir = ${file%.properties}-inbox"
    echo "reports.dir = $work/reports"
    echo "http.port = $port"
    echo "nightly.enabled = false"
    echo "logging.loggers.root.level = warning"
    local line
    for line in "$@"; do echo "$line"; done
  } > "$file"
}

# Writes FILE, a configuration for a one-off command on a benchmark's store
# (demo-data's registry beside it): the store, the registry, the log level;
# each further argument is one more line.
bench_store_config() {  # FILE STORE REGISTRY LEVEL [LINE...]
  local file=$1 store=$2 registry=$3 level=$4
  shift 4
  {
    echo "store.connection = $store"
    echo "registry.file = $registry"
    local line
    for line in "$@"; do echo "$line"; done
    echo "logging.loggers.root.level = $level"
  } > "$file"
}

# Starts `profkpi serve --config CONFIG` in the background, its standard error
# to LOG, and adds it to pids.
bench_start_serve() {  # CONFIG LOG
  "$profkpi" serve --config "$1" 2> "$2" &
  pids+=($!)
}

# Waits until each PORT on 127.0.0.1 answers GET /healthz (any answer: it is
# listening), at most 10 s each.
bench_wait_listening() {  # PORT...
  local port
  for port in "$@"; do
    for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
  done
}

# Stops every process in pids (SIGTERM, then waits for each) and forgets them.
bench_stop_servers() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}

# The EXIT trap of a script with servers: stops them and removes $work.
bench_cleanup() {
  bench_stop_servers
  rm -rf "$work"
}

# The median of the numbers given.
bench_median() {  # NUMBER...
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# From a /usr/bin/time -v report: the wall time in seconds, the peak RSS in
# MB, the CPU time (user + system) in seconds to DECIMALS places (default 2).
bench_wall_seconds() {  # FILE
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"
}
bench_peak_megabytes() {  # FILE
  awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"
}
bench_cpu_seconds() {  # FILE [DECIMALS]
  awk -v d="${2:-2}" -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%." d "f", u + s }' "$1"
}
