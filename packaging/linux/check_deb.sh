#!/bin/sh
# Check the .deb made from the frozen build (dist/legalsec-desktop/, from packaging/build.py):
#   - its contents (the binaries, the /usr/bin links, the menu entry, the icons) and that the menu entry passes
#     desktop-file-validate;
#   - as root, with dpkg: an upgrade over an older installed version, the user's old database migrated by the
#     installed program after a backup, a second start kept off a database a running window has open, and
#     removal and purge that leave the user's data alone.
# Usage: sh packaging/linux/check_deb.sh [--contents-only]
# Refuses to run the install part on a machine where legalsec-desktop is already installed (it would remove it).
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
name=legalsec-desktop
work=$(mktemp -d)
gui=""
installed=""
stop() {  # SIGTERM (the window closes as the user would), then SIGKILL after 30 seconds
    kill -TERM "$1" 2>/dev/null || return 0
    for _ in $(seq 30); do kill -0 "$1" 2>/dev/null || return 0; sleep 1; done
    kill -9 "$1" 2>/dev/null || true
    return 1
}
cleanup() {
    [ -n "$gui" ] && { stop "$gui" || true; }
    [ -n "$installed" ] && dpkg -P "$name" >/dev/null 2>&1 || true  # a failed check leaves nothing installed
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "check_deb: FAILED: $*" >&2; exit 1; }
step() { echo "check_deb: $*"; }

step "making the .deb"
python3 "$here/packaging/linux/make_deb.py" --out "$work/new" >/dev/null
deb=$(ls "$work"/new/*.deb)
dpkg-deb --contents "$deb" >"$work/contents.txt"
for path in opt/$name/legalsec opt/$name/legalsec-desktop "usr/bin/legalsec -> /opt/$name/legalsec" \
            "usr/bin/legalsec-desktop -> /opt/$name/legalsec-desktop" usr/share/applications/$name.desktop \
            usr/share/icons/hicolor/48x48/apps/$name.png usr/share/icons/hicolor/256x256/apps/$name.png \
            usr/share/icons/hicolor/scalable/apps/$name.svg; do
    grep -q " \./$path\$" "$work/contents.txt" || fail "dpkg-deb --contents does not list $path"
done
step "contents: binaries, links, menu entry and icons are there"
dpkg-deb -x "$deb" "$work/unpacked"
desktop-file-validate "$work/unpacked/usr/share/applications/$name.desktop" || fail "desktop-file-validate"
step "the menu entry passes desktop-file-validate"

if [ "${1:-}" = "--contents-only" ] || [ "$(id -u)" != 0 ] || ! command -v dpkg >/dev/null 2>&1; then
    step "install checks skipped (they need root and dpkg)"
    exit 0
fi
if [ "$(dpkg-query -W -f='${Status}' "$name" 2>/dev/null || true)" = "install ok installed" ]; then
    fail "$name is already installed on this machine; the check would remove it (dpkg -r $name first)"
fi

# An older version, installed first: a stand-in folder with a file the new version no longer has.
old=$work/old-build
mkdir -p "$old/_internal"
for program in legalsec legalsec-desktop; do
    printf '#!/bin/sh\necho "legalsec-desktop 0.0.1"\n' >"$old/$program"
    chmod 755 "$old/$program"
done
echo "only in the old version" >"$old/_internal/old-only.txt"
python3 "$here/packaging/linux/make_deb.py" --dist "$old" --out "$work/old" --version 0.0.1 >/dev/null

# The user's data as the older version left it: a database at an older schema, in the default place.
home=$work/home
data=$home/.local/share/$name
mkdir -p "$data"
cp "$here/tests/data/migrations/rev-0010.db" "$data/legalsec.db"
as_user() { env -i HOME="$home" LANG=C.UTF-8 PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen "$@"; }
count() { python3 -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from $1').fetchone()[0])" "$2"; }
matters_before=$(count matter "$data/legalsec.db")
entries_before=$(count time_entry "$data/legalsec.db")

step "dpkg -i the older version, then the new one over it"
installed=yes
dpkg -i "$work"/old/*.deb >/dev/null
[ "$(/usr/bin/legalsec)" = "legalsec-desktop 0.0.1" ] || fail "the older version did not install"
dpkg -i "$deb" >/dev/null
[ ! -e "/opt/$name/_internal/old-only.txt" ] || fail "the upgrade left the older version's files behind"
version=$(as_user /usr/bin/legalsec --version)
step "upgraded: $version"
[ "$(readlink -f /usr/bin/legalsec-desktop)" = "/opt/$name/legalsec-desktop" ] || fail "/usr/bin/legalsec-desktop"

step "the installed program opens the older database: a backup first, then the migration, nothing lost"
as_user /usr/bin/legalsec docket --date 2026-06-15 --out "$work/docket.pdf" >/dev/null
ls "$data"/backups/*/*pre-migrate*.db >/dev/null 2>&1 || fail "no backup was made before the migration"
as_user /usr/bin/legalsec check >/dev/null || fail "the migrated database fails its check"
[ "$(count matter "$data/legalsec.db")" = "$matters_before" ] || fail "matters were lost in the upgrade"
[ "$(count time_entry "$data/legalsec.db")" = "$entries_before" ] || fail "time entries were lost in the upgrade"

step "a second start on the database a running window has open only brings that window forward"
# (env execs the program, so $! is the window's process and SIGTERM reaches it)
env -i HOME="$home" LANG=C.UTF-8 PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen /usr/bin/legalsec-desktop \
    >"$work/first.txt" 2>&1 &
gui=$!
waited=0
# its socket: in the locks folder, or in /tmp when that path is too long (paths.instance_address)
until ls "$home"/.cache/$name/locks/*.sock /tmp/legalsec-"$(id -u)"-* >/dev/null 2>&1; do
    sleep 1
    waited=$((waited + 1))
    [ $waited -lt 60 ] || { cat "$work/first.txt" >&2; fail "the installed window did not start"; }
done
second=$(as_user timeout -k 10 60 /usr/bin/legalsec-desktop --quit-after-open 2>/dev/null) \
    || fail "the second start failed"
echo "$second" | grep -q "already running" || fail "the second start did not defer to the running window: $second"
stop "$gui" || fail "the running window did not close within 30 seconds of SIGTERM"
wait "$gui" || fail "the running window did not close cleanly on SIGTERM"
gui=""

step "dpkg -r, then dpkg -P: the program goes, the user's data stays"
dpkg -r "$name" >/dev/null
for path in "/opt/$name" /usr/bin/legalsec /usr/bin/legalsec-desktop "/usr/share/applications/$name.desktop"; do
    [ ! -e "$path" ] || fail "dpkg -r left $path"
done
dpkg -P "$name" >/dev/null
installed=""
[ -f "$data/legalsec.db" ] || fail "removing the package deleted the database"
ls "$data"/backups/*/*.db >/dev/null 2>&1 || fail "removing the package deleted the backups"
[ "$(count matter "$data/legalsec.db")" = "$matters_before" ] || fail "removing the package changed the database"
echo "check_deb: passed ($version)"
