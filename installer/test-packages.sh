#!/usr/bin/env bash
# Acceptance test of the Debian packages, on this machine, as root (it installs and purges them):
#   1. builds both packages (installer/package.sh) and a newer inkwell-server (the same code, version +1);
#   2. lintian on both (its whole output is printed; any E: fails), desktop-file-validate, appstreamcli;
#   3. dpkg -i both; starts the service's ExecStart as its User= with its Environment= (there is no systemd
#      in a container: setpriv stands in for it), waits for /health, writes a user and articles;
#   4. an online backup as root while the service runs (the cluster belongs to the service's user);
#   5. installs the newer package over the old one, starts it again: same data, migrations checked at start;
#   6. stops it, restores the backup with --force as root, starts it: the backup's data is there;
#   7. purges both packages: /etc/inkwell goes, /var/lib/inkwell stays (postrm says so), then this test removes
#      the data folder and the user itself.
# Uses port 0 (INKWELL_PORT in the service's environment, as `systemctl edit` would set it) so that it does not
# collide with anything on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

[ "$(id -u)" -eq 0 ] || { echo "test-packages: run as root (it installs packages)" >&2; exit 1; }
tools=(lintian desktop-file-utils appstream curl python3)
missing=()
for p in "${tools[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

step() { printf '\n== %s\n' "$*"; }
fail() { echo "test-packages: FAILED: $*" >&2; exit 1; }

if dpkg-query -W -f='${Status}' inkwell-server 2>/dev/null | grep -q 'ok installed'; then
    fail "inkwell-server is installed already; this test installs and purges it, so remove it first"
fi

work=$(mktemp -d /tmp/inkwell-packages.XXXXXX)
# A /var/lib/inkwell of a root-run inkwelld (root's default data folder) is put aside and back afterwards.
saved_data=""
if [ -e /var/lib/inkwell ]; then
    saved_data=$work/var-lib-inkwell
    mv /var/lib/inkwell "$saved_data"
fi
had_user=$(getent passwd inkwell >/dev/null && echo yes || echo no)
server_pid=""
stop_server() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid"
        wait "$server_pid" || true
    fi
    server_pid=""
}
cleanup() {
    stop_server
    if [ -n "$saved_data" ] && [ -e "$saved_data" ]; then
        rm -rf /var/lib/inkwell
        mv "$saved_data" /var/lib/inkwell
    fi
    rm -rf "$work"
}
trap cleanup EXIT

step "build the packages"
bash installer/package.sh >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; fail "package.sh"; }
mkdir "$work/old" "$work/new"
cp build/release/packages/*.deb "$work/old/"
old_version=$(dpkg-deb -f "$work"/old/inkwell-server_*.deb Version)
new_version="${old_version}+1"
bash installer/package.sh "$new_version" >>"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; fail "package.sh $new_version"; }
cp build/release/packages/inkwell-server_*.deb "$work/new/"
bash installer/package.sh >>"$work/build.log" 2>&1 # leave build/release at the project's version
ls -l "$work"/old/*.deb "$work"/new/*.deb

step "lintian $(lintian --version | cut -d' ' -f2)"
lintian --tag-display-limit 0 --display-info "$work"/old/*.deb 2>&1 | grep -v '^running with root privileges' |
    tee "$work/lintian.txt" || true
! grep -q '^E:' "$work/lintian.txt" || fail "lintian reports errors"
echo "lintian: $(grep -c '^E:' "$work/lintian.txt") error(s), $(grep -c '^W:' "$work/lintian.txt") warning(s)"

step "dpkg -i"
dpkg -i "$work"/old/*.deb
dpkg-query -W inkwell inkwell-server
getent passwd inkwell
stat -c '%A %U:%G %n' /var/lib/inkwell /etc/inkwell/inkwelld.conf
desktop-file-validate /usr/share/applications/inkwell.desktop && echo "desktop-file-validate: clean"
appstreamcli validate --no-net /usr/share/metainfo/invalid.inkwell.Inkwell.metainfo.xml
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify /lib/systemd/system/inkwelld.service 2>&1 && echo "systemd-analyze verify: clean" || true
fi

unit=/lib/systemd/system/inkwelld.service
unit_value() { sed -n "s/^$1=//p" "$unit"; }
# Starts the unit's ExecStart as its User=/Group= with its Environment= and UMask=, as systemd would
# (StateDirectory= made by postinst already); writes the URL it listens on to $url.
start_service() {
    local user group env_args=() line
    user=$(unit_value User)
    group=$(unit_value Group)
    while IFS= read -r line; do env_args+=("$line"); done < <(unit_value Environment)
    env_args+=(INKWELL_PORT=0)
    read -r -a command <<<"$(unit_value ExecStart)"
    : >"$work/service.out"
    (
        umask "$(unit_value UMask)"
        cd /
        exec setpriv --reuid="$user" --regid="$group" --init-groups --no-new-privs \
            env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "${env_args[@]}" "${command[@]}"
    ) >"$work/service.out" 2>"$work/service.err" &
    server_pid=$!
    url=""
    for _ in $(seq 1 600); do
        url=$(sed -n 's/^listening on \(http:[^ ]*\)$/\1/p' "$work/service.out" | head -n 1)
        [ -n "$url" ] && break
        kill -0 "$server_pid" 2>/dev/null || { cat "$work/service.err"; fail "inkwelld did not start"; }
        sleep 0.2
    done
    [ -n "$url" ] || fail "inkwelld did not listen within 2 minutes"
    echo "started as $(ps -o user=,args= -p "$server_pid"), listening on $url"
}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
api() { curl -sf -H 'Content-Type: application/json' ${token:+-H "Authorization: Bearer $token"} "$@"; }

step "start the service's command line as its user"
start_service
curl -sf "$url/health"; echo
ps -o user=,pid=,args= -u inkwell | sed 's/^/  /'

step "write data"
token=$(api -X POST "$url/api/v1/auth/register" \
    -d '{"email":"admin@example.com","password":"a long enough passphrase","full_name":"Admin"}' | json "d['access_token']")
for i in 1 2 3; do
    api -X POST "$url/api/v1/articles" -d "{\"title\":\"Packaged article $i\",\"content\":\"Body $i\"}" >/dev/null
done
articles() { api "$url/api/v1/sync/changes?limit=100" | json "sorted(c['article']['title'] for c in d['changes'])"; }
before=$(articles)
echo "articles: $before"

step "online backup as root while the service runs"
inkwelld backup "$work/backup.dump"
stat -c '%A %U %n' "$work/backup.dump"
api -X POST "$url/api/v1/articles" -d '{"title":"Written after the backup","content":"x"}' >/dev/null

step "install the newer package (systemd would restart the service from postinst; here: stop, dpkg -i, start)"
stop_server
echo "the first start applied $(grep -c 'applied migration' "$work/service.err" || true) migration(s)"
dpkg -i "$work"/new/inkwell-server_*.deb
dpkg-query -W inkwell-server
start_service
curl -sf "$url/health"; echo
token=$(api -X POST "$url/api/v1/auth/login" -d '{"email":"admin@example.com","password":"a long enough passphrase"}' |
    json "d['access_token']")
after=$(articles)
echo "articles: $after"
[ "$after" = "$(python3 -c "print(sorted($before + ['Written after the backup']))")" ] || fail "the upgrade lost data"
echo "the start after the upgrade applied $(grep -c 'applied migration' "$work/service.err" || true) migration(s)"

step "restore the backup as root (service stopped)"
stop_server
runuser -u inkwell -- inkwelld --config /etc/inkwell/inkwelld.conf migrate --status
if inkwelld restore "$work/backup.dump" 2>"$work/refused.txt"; then fail "restore into a non-empty database went through"; fi
cat "$work/refused.txt"
inkwelld restore "$work/backup.dump" --force
stat -c '%A %U:%G %n' /var/lib/inkwell/postgres /var/lib/inkwell/db-password
start_service
token=$(api -X POST "$url/api/v1/auth/login" -d '{"email":"admin@example.com","password":"a long enough passphrase"}' |
    json "d['access_token']")
restored=$(articles)
echo "articles: $restored"
[ "$restored" = "$before" ] || fail "the restore does not hold the backup's articles"
stop_server

step "purge"
dpkg --purge inkwell inkwell-server
[ ! -e /etc/inkwell ] || fail "/etc/inkwell is left after the purge"
ls -ld /var/lib/inkwell
# The test's own cleanup (a purge keeps the data and the user on purpose).
rm -rf /var/lib/inkwell
[ "$had_user" = yes ] || deluser --system --quiet inkwell
echo
echo "test-packages: all checks passed"
