#!/usr/bin/env bash
# package_tests: builds the .deb from this build folder with cpack and checks it
# as an operator would meet it: its files, dependencies and conffile; the
# systemd units (systemd-analyze verify); then installs it with dpkg into a
# temporary root under fakeroot (maintainer scripts run with DPKG_ROOT; the real
# system is never touched), runs the installed binary on the installed
# configuration and shipped data, reinstalls, removes (data kept) and purges
# (data gone). Also checks `cmake --install` to another prefix.
#
#   tests/package/package_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail

build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
mkdir -p "$build/test-tmp"
work=$(mktemp -d "$build/test-tmp/package.XXXXXX")
trap 'rm -rf "$work"' EXIT

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
die() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

for tool in cpack dpkg dpkg-deb fakeroot systemd-analyze; do
  command -v "$tool" >/dev/null || die "$tool is not installed (scripts/setup installs it)"
done

step "cpack -G DEB"
(cd "$build" && cpack -G DEB -B "$work/out") >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log" >&2; die "cpack failed"; }
debs=("$work"/out/profkpi_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then die "expected one profkpi_*.deb in $work/out"; fi
deb=${debs[0]}
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"

step "contents"
dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/contents"
for path in \
  /usr/bin/profkpi /usr/libexec/profkpi/profkpi-full /usr/libexec/profkpi/profkpi-validate \
  /usr/share/profkpi/xsd/submission-1.0.xsd /usr/share/profkpi/xsd/submission-1.1.xsd /usr/share/profkpi/xsd/registry-1.xsd /usr/share/profkpi/xsd/catalogue-1.xsd \
  /usr/share/profkpi/registry.xml /usr/share/profkpi/catalogue.xml \
  /usr/share/profkpi/profkpi.properties.example /usr/share/profkpi/nginx/profkpi.conf \
  /usr/share/doc/profkpi/OPERATIONS.md \
  /etc/profkpi/profkpi.properties \
  /usr/lib/systemd/system/profkpi.service /usr/lib/systemd/system/profkpi-nightly.service \
  /usr/lib/systemd/system/profkpi-nightly.timer; do
  grep -qx "$path" "$work/contents" || fail "package lacks $path"
done
if grep -v -e '^/usr/' -e '^/etc/' "$work/contents" | grep -qv '^/$'; then
  fail "files outside /usr and /etc: $(grep -v -e '^/usr/' -e '^/etc/' "$work/contents" | tr '\n' ' ')"
fi
grep -q '^/usr/local' "$work/contents" && fail "files under /usr/local"
# The man page is someone else's install rule: when the source has one, the package must carry it.
if [ -n "$(find "$source" -path "$source/build*" -prune -o -name 'profkpi.1*' -print | head -1)" ]; then
  grep -q '^/usr/share/man/man1/profkpi\.1' "$work/contents" || fail "the source has a man page, the package none"
fi

step "control: dependencies and conffiles"
depends=$(dpkg-deb --field "$deb" Depends)
echo "Depends: $depends"
# libpq5 comes through libpocodatapostgresql80.
for dep in libpocofoundation libpoconet libpocoutil libpocodata libpocodatasqlite libpocodatapostgresql \
           libxerces-c3 libhpdf libharfbuzz-subset0 libdate-tz3 libsqlite3-0 'libstdc++6' fonts-dejavu-core tzdata adduser; do
  grep -q "$dep" <<<"$depends" || fail "Depends lacks $dep"
done
dpkg-deb --ctrl-tarfile "$deb" | tar -x -C "$work" ./conffiles ./postinst ./prerm ./postrm
grep -qx /etc/profkpi/profkpi.properties "$work/conffiles" || fail "/etc/profkpi/profkpi.properties is not a conffile"
for script in postinst prerm postrm; do
  [ -x "$work/$script" ] || fail "$script is not executable"
  sh -n "$work/$script" || fail "$script: syntax"
done

step "systemd units"
mkdir "$work/extract"
dpkg-deb -x "$deb" "$work/extract"
grep -qx 'ExecStart=/usr/bin/profkpi serve --config /etc/profkpi/profkpi.properties' \
  "$work/extract/usr/lib/systemd/system/profkpi.service" || fail "profkpi.service: ExecStart"
grep -qx 'ReadWritePaths=/var/lib/profkpi' "$work/extract/usr/lib/systemd/system/profkpi.service" ||
  fail "profkpi.service: ReadWritePaths"
# verify --root needs the targets the units hang off (sysinit.target, ...):
# the host's units go beside the package's, which they never replace.
units="$work/extract/usr/lib/systemd/system"
cp -rn /usr/lib/systemd/system/. "$units/" 2>/dev/null || true
set +e
(cd "$work/extract" && SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --root="$work/extract" --man=no \
  usr/lib/systemd/system/profkpi.service usr/lib/systemd/system/profkpi-nightly.service \
  usr/lib/systemd/system/profkpi-nightly.timer) >"$work/verify.log" 2>&1
verified=$?
set -e
# Unknown keys and bad values are only warnings (exit 0): any output fails too.
if [ "$verified" -ne 0 ] || [ -s "$work/verify.log" ]; then
  cat "$work/verify.log" >&2
  fail "systemd-analyze verify reported problems"
fi
systemd-analyze security --offline=yes --root="$work/extract" --threshold=25 profkpi.service \
  >"$work/security.log" 2>&1 || { cat "$work/security.log" >&2; fail "profkpi.service exposure above 2.5"; }
tail -1 "$work/security.log"

step "config: the shipped file with its state paths under /var/lib/profkpi"
installed="$work/extract/etc/profkpi/profkpi.properties"
for line in 'store.connection = /var/lib/profkpi/profkpi.db' 'inbox.dir = /var/lib/profkpi/inbox' \
            'reports.dir = /var/lib/profkpi/reports'; do
  grep -qx "$line" "$installed" || fail "installed configuration lacks '$line'"
done
diff <(grep -v -e '^#' -e '^store.connection' -e '^inbox.dir' -e '^reports.dir' "$source/etc/profkpi.properties") \
     <(grep -v -e '^#' -e '^store.connection' -e '^inbox.dir' -e '^reports.dir' "$installed") >&2 ||
  fail "installed configuration differs from etc/profkpi.properties beyond the state paths"

step "dpkg --root: install (maintainer scripts under fakeroot)"
root="$work/root"
mkdir -p "$root/etc" "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
touch "$root/var/lib/dpkg/status"
echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
echo 'root:x:0:' >"$root/etc/group"
echo 'root:*:19000:0:99999:7:::' >"$root/etc/shadow"
echo 'root:*::' >"$root/etc/gshadow"
state="$work/fakeroot.state"
touch "$state"
as_root() { fakeroot -i "$state" -s "$state" -- "$@"; }
dpkg_root() { as_root dpkg --root="$root" --log="$work/dpkg.log" --force-depends --force-script-chrootless "$@"; }
dpkg_root --install "$deb" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; die "dpkg --install failed"; }

grep -q '^Status: install ok installed' "$root/var/lib/dpkg/status" || fail "dpkg does not record profkpi as installed"
grep -q '^ /etc/profkpi/profkpi.properties [0-9a-f]\{32\}$' "$root/var/lib/dpkg/status" || fail "dpkg has no conffile record"
user=$(grep '^profkpi:' "$root/etc/passwd" || true)
[ -n "$user" ] || die "postinst created no profkpi user"
IFS=: read -r _ _ uid gid _ home shell <<<"$user"
[ "$uid" -lt 1000 ] || fail "profkpi is not a system user (uid $uid)"
[ "$home" = /var/lib/profkpi ] || fail "profkpi's home is $home"
[ "$shell" = /usr/sbin/nologin ] || fail "profkpi's shell is $shell"
grep -q "^profkpi:x:$gid:" "$root/etc/group" || fail "no profkpi group with gid $gid"
for dir in /var/lib/profkpi /var/lib/profkpi/inbox /var/lib/profkpi/reports; do
  got=$(as_root stat -c '%u:%g %a' "$root$dir" 2>/dev/null || echo missing)
  [ "$got" = "$uid:$gid 750" ] || fail "$dir is '$got', not '$uid:$gid 750'"
done
got=$(as_root stat -c '%u:%g %a' "$root/etc/profkpi/profkpi.properties")
[ "$got" = "0:$gid 640" ] || fail "/etc/profkpi/profkpi.properties is '$got', not '0:$gid 640'"

step "the installed binary, configuration and data"
bin="$root/usr/bin/profkpi"
"$bin" --help >"$work/help.txt" || fail "profkpi --help"
grep -q '^usage: profkpi COMMAND' "$work/help.txt" || fail "profkpi --help: no usage line"
"$bin" serve --help | grep -q -- '--config' || fail "profkpi serve --help"
"$bin" validate "$source"/samples/valid/*.xml >"$work/validate.out" 2>&1 || { cat "$work/validate.out" >&2; fail "validate valid samples"; }
refusals=("$source"/samples/refused/*.xml)
set +e
"$bin" validate "${refusals[0]}" >/dev/null 2>&1
refused=$?
set -e
[ "$refused" -eq 1 ] || fail "validate of ${refusals[0]} exited $refused, not 1"
# The installed configuration with its state folder inside the temporary root,
# and the registry and catalogue read from /usr/share/profkpi instead of the embedded copies.
config="$work/installed.properties"
sed "s|/var/lib/profkpi|$root/var/lib/profkpi|" "$root/etc/profkpi/profkpi.properties" >"$config"
printf 'registry.file = %s\ncatalogue.file = %s\n' "$root/usr/share/profkpi/registry.xml" \
  "$root/usr/share/profkpi/catalogue.xml" >>"$config"
"$bin" ingest --config "$config" "$source/samples/valid/aggregate-hartlepool-2009-10-Q2.xml" >"$work/receipt.json" 2>"$work/ingest.err" ||
  { cat "$work/ingest.err" >&2; fail "ingest with the installed configuration"; }
[ -f "$root/var/lib/profkpi/profkpi.db" ] || fail "the store is not in /var/lib/profkpi"
"$bin" report --config "$config" --org E06000001 --period 2009-10-Q2 --out "$work/board.pdf" 2>"$work/report.err" ||
  { cat "$work/report.err" >&2; fail "report with the installed configuration (fonts from fonts-dejavu-core)"; }
[ "$(head -c 5 "$work/board.pdf" 2>/dev/null)" = "%PDF-" ] || fail "the board report is not a PDF"

step "reinstall: same user, no errors"
dpkg_root --install "$deb" >"$work/reinstall.log" 2>&1 || { cat "$work/reinstall.log" >&2; fail "reinstall"; }
[ "$(grep -c '^profkpi:' "$root/etc/passwd")" -eq 1 ] || fail "reinstall added another profkpi user"

step "remove keeps the data, purge deletes it"
dpkg_root --remove profkpi >"$work/remove.log" 2>&1 || { cat "$work/remove.log" >&2; fail "remove"; }
[ ! -e "$root/usr/bin/profkpi" ] || fail "remove left /usr/bin/profkpi"
[ ! -e "$root/usr/libexec/profkpi" ] || fail "remove left /usr/libexec/profkpi"
[ -f "$root/var/lib/profkpi/profkpi.db" ] || fail "remove deleted the store"
[ -f "$root/etc/profkpi/profkpi.properties" ] || fail "remove deleted the configuration"
dpkg_root --purge profkpi >"$work/purge.log" 2>&1 || { cat "$work/purge.log" >&2; fail "purge"; }
[ ! -e "$root/var/lib/profkpi" ] || fail "purge left /var/lib/profkpi"
[ ! -e "$root/etc/profkpi/profkpi.properties" ] || fail "purge left the configuration"

step "cmake --install to another prefix"
prefix="$work/opt-prefix"
cmake --install "$build" --prefix "$prefix" >"$work/cmake-install.log" 2>&1 || { cat "$work/cmake-install.log" >&2; die "cmake --install"; }
[ -x "$prefix/bin/profkpi" ] || fail "cmake --install: no $prefix/bin/profkpi"
# profkpi finds the programs it starts relative to itself, wherever the prefix.
"$prefix/bin/profkpi" validate "$source/samples/valid/aggregate-hartlepool-2009-10-Q2.xml" >/dev/null 2>&1 ||
  fail "cmake --install: $prefix/bin/profkpi validate"
"$prefix/bin/profkpi" --help | grep -q '^usage: profkpi COMMAND' || fail "cmake --install: $prefix/bin/profkpi --help"
grep -qx "store.connection = $prefix/var/lib/profkpi/profkpi.db" "$prefix/etc/profkpi/profkpi.properties" ||
  fail "cmake --install: configuration not under $prefix/var/lib/profkpi"
grep -qx "ExecStart=$prefix/bin/profkpi serve --config $prefix/etc/profkpi/profkpi.properties" \
  "$prefix/lib/systemd/system/profkpi.service" || fail "cmake --install: unit does not name $prefix"
DESTDIR="$work/destdir" cmake --install "$build" --prefix /usr >"$work/destdir.log" 2>&1 || { cat "$work/destdir.log" >&2; die "DESTDIR install"; }
if [ ! -f "$work/destdir/etc/profkpi/profkpi.properties" ] || [ ! -x "$work/destdir/usr/bin/profkpi" ]; then
  fail "DESTDIR install with prefix /usr: not /etc/profkpi and /usr/bin"
fi

if [ "$failures" -gt 0 ]; then
  echo "package_tests: $failures failure(s)" >&2
  exit 1
fi
echo "package_tests: all checks passed"
