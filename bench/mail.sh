#!/usr/bin/env bash
# The nightly run's mail (issue 20): `profkpi nightly` over the registry's 84
# councils (`profkpi demo-data --quarters 1`), each board report mailed over
# STARTTLS with AUTH XOAUTH2 to the tests' OAuth mail server
# (tests/support/mail/oauth-mail-server.py: an HTTPS token endpoint and an
# aiosmtpd server that checks the token), RUNS times with mail.attachHtml =
# false (the baseline: the PDF alone) and RUNS times with true (PDF and HTML).
# Each run starts from a copy of the freshly ingested store and an empty
# archive, so every report is rendered and mailed. Prints the wall time of each
# run, the medians and their ratio, the token requests per run and the mean
# message size.            bench/mail.sh [RUNS]      (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
profkpi="$PWD/${PROFKPI_BUILD_DIR:-build}/profkpi"
work=$(mktemp -d /tmp/profkpi-mail-bench-XXXXXX)
mkdir -p "$work/server"
bash tests/support/mail/make-test-certificates.sh "$work/server"
printf 'bench-secret\n' > "$work/secret" && chmod 600 "$work/secret"
/usr/bin/python3 tests/support/mail/oauth-mail-server.py "$work/server" bench-client bench-secret \
  kpi@bench.example.org > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -f "$work/server/ports" ] && break; sleep 0.1; done
read -r token_port smtp_port < "$work/server/ports"

"$profkpi" demo-data --out "$work/data" --quarters 1 > /dev/null
printf 'store.connection = %s\nlogging.loggers.root.level = warning\n' "$work/ingested.db" > "$work/ingest.properties"
"$profkpi" ingest --config "$work/ingest.properties" "$work/data" > /dev/null

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A medians
for html in false true; do
  walls=()
  for run in $(seq 1 "$runs"); do
    rm -rf "$work/run" && mkdir -p "$work/run"
    cp "$work/ingested.db" "$work/run/store.db"
    cat > "$work/run/nightly.properties" <<PROPERTIES
store.connection = $work/run/store.db
reports.dir = $work/run/reports
logging.loggers.root.level = warning
smtp.host = localhost
smtp.port = $smtp_port
smtp.caFile = $work/server/ca.pem
smtp.from = kpi@bench.example.org
smtp.auth = xoauth2
smtp.username = kpi@bench.example.org
smtp.oauth.tokenUrl = https://localhost:$token_port/tenant/oauth2/v2.0/token
smtp.oauth.clientId = bench-client
smtp.oauth.clientSecretFile = $work/secret
mail.attachHtml = $html
PROPERTIES
    rm -f "$work/server/events" "$work/server"/message-*.eml
    start=$(date +%s.%N)
    "$profkpi" nightly --config "$work/run/nightly.properties" > "$work/run/out.txt"
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    mailed=$(grep -c '^message ' "$work/server/events")
    tokens=$(grep -c '^token ' "$work/server/events")
    bytes=$(cat "$work/server"/message-*.eml | wc -c)
    printf 'attachHtml=%s run %d: %.2f s, %d mails, %d token request(s), %d bytes per mail\n' \
      "$html" "$run" "$wall" "$mailed" "$tokens" $((bytes / mailed))
    walls+=("$wall")
  done
  medians[$html]=$(printf '%s\n' "${walls[@]}" | median)
  echo "attachHtml=$html: median $(printf '%.2f' "${medians[$html]}") s"
done
echo "ratio attachHtml=true / false: $(echo "scale=3; ${medians[true]} / ${medians[false]}" | bc)"
