#!/usr/bin/env bash
# hardening_tests: runs profkpi confined as the shipped systemd units confine it
# (their system-call filter, address families, no new privileges, no writable
# and executable memory: tests/package/confine.py reads them from the units), on
# a build machine where systemd is not PID 1. First checks that the confinement
# bites (a mount, a packet socket and a writable-executable mapping are refused),
# then that serve answers HTTP, takes a dropped file, renders a report and stops
# cleanly under profkpi.service's, and that nightly runs under
# profkpi-nightly.service's.
#
#   tests/package/hardening_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail

build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
profkpi=$build/profkpi
confine=$source/tests/package/confine.py
serve_unit=$source/packaging/systemd/profkpi.service.in
nightly_unit=$source/packaging/systemd/profkpi-nightly.service.in
mkdir -p "$build/test-tmp"
work=$(mktemp -d "$build/test-tmp/hardening.XXXXXX")
serve_pid=
cleanup() {
  if [ -n "$serve_pid" ]; then kill -KILL "$serve_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
die() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

command -v systemd-analyze >/dev/null || die "systemd-analyze is not installed (scripts/setup installs it)"
/usr/bin/python3 -c 'import seccomp' 2>/dev/null || die "python3-seccomp is not installed (scripts/setup installs it)"

step "the confinement refuses what the units forbid"
probe=$("$confine" "$serve_unit" /usr/bin/python3 -c '
import ctypes, errno, socket
libc = ctypes.CDLL(None, use_errno=True)
libc.mount(b"none", b"/", b"tmpfs", 0, None)
print("mount", errno.errorcode.get(ctypes.get_errno()))
try:
    socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    print("packet allowed")
except OSError as e:
    print("packet", errno.errorcode[e.errno])
libc.mmap.restype = ctypes.c_void_p
address = libc.mmap(None, 4096, 7, 0x22, -1, 0)
print("mmap", "allowed" if address not in (None, ctypes.c_void_p(-1).value) else errno.errorcode[ctypes.get_errno()])
' 2>"$work/probe.err")
echo "$probe"
grep -qx "mount EPERM" <<<"$probe" || fail "a mount was not refused with EPERM under the serve unit's filter"
grep -qx "packet EAFNOSUPPORT" <<<"$probe" || fail "a packet socket was not refused (RestrictAddressFamilies)"
if grep -q "no PR_SET_MDWE" "$work/probe.err"; then
  echo "   this kernel cannot refuse writable-executable memory: MemoryDenyWriteExecute not checked"
else
  grep -qx "mmap EACCES" <<<"$probe" || fail "a writable and executable mapping was not refused (MemoryDenyWriteExecute)"
fi

port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$work/profkpi.properties" <<PROPERTIES
store.connection = $work/state/profkpi.db
inbox.dir = $work/state/inbox
reports.dir = $work/state/reports
http.port = $port
inbox.pollMilliseconds = 200
nightly.enabled = false
PROPERTIES
mkdir -p "$work/state/inbox"
config=(--config "$work/profkpi.properties")
sample=$source/samples/valid/aggregate-hartlepool-2009-10-Q2.xml
workforce=$source/samples/valid/workforce-anglesey-2009-10-Q2.xml

step "keys add and validate, confined"
key=$("$confine" "$serve_unit" "$profkpi" keys add "${config[@]}" --org E06000001 --role admin) ||
  die "keys add failed under the serve unit's confinement"
"$confine" "$serve_unit" "$profkpi" validate "$sample" "$workforce" 2>"$work/validate.err" ||
  { cat "$work/validate.err" >&2; fail "validate failed under the serve unit's confinement"; }

step "serve, confined: HTTP, inbox, report, clean stop"
"$confine" "$serve_unit" "$profkpi" serve "${config[@]}" 2>"$work/serve.log" &
serve_pid=$!
base=http://127.0.0.1:$port
for _ in $(seq 300); do
  curl -fs -o /dev/null "$base/healthz" && break
  kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.log" >&2; die "serve exited under confinement"; }
  sleep 0.1
done
status=$(curl -s -o "$work/receipt.json" -w '%{http_code}' -H "Authorization: Bearer $key" \
  -H 'Content-Type: application/xml' --data-binary "@$sample" "$base/api/v1/submissions")
[ "$status" = 201 ] || fail "POST a submission answered $status, not 201: $(cat "$work/receipt.json")"
status=$(curl -s -o "$work/report.pdf" -w '%{http_code}' -H "Authorization: Bearer $key" \
  "$base/api/v1/organisations/E06000001/periods/2009-10-Q2/report.pdf")
[ "$status" = 200 ] || fail "GET report.pdf answered $status, not 200"
head -c 5 "$work/report.pdf" | grep -q '%PDF-' || fail "report.pdf is not a PDF"
cp "$workforce" "$work/state/inbox/anglesey.xml.part"
mv "$work/state/inbox/anglesey.xml.part" "$work/state/inbox/anglesey.xml"
for _ in $(seq 300); do
  [ -e "$work/state/inbox/accepted/anglesey.xml.receipt.json" ] && break
  sleep 0.1
done
[ -e "$work/state/inbox/accepted/anglesey.xml.receipt.json" ] || fail "the dropped file was not accepted"
kill -TERM "$serve_pid"
code=0
wait "$serve_pid" || code=$?
serve_pid=
[ "$code" = 0 ] || fail "serve exited with $code after SIGTERM"
if grep -Ei "operation not permitted|bad system call|permission denied" "$work/serve.log"; then
  fail "serve logged a refused operation"
fi

step "nightly, confined as profkpi-nightly.service"
"$confine" "$nightly_unit" "$profkpi" nightly "${config[@]}" >"$work/nightly.out" 2>&1 ||
  { cat "$work/nightly.out" >&2; fail "nightly failed under its unit's confinement"; }
ls "$work"/state/reports/*/*.pdf >/dev/null 2>&1 || fail "nightly archived no report"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all hardening checks passed"
