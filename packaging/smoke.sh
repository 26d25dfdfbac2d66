#!/bin/sh
# Smoke test of the frozen folder (dist/legalsec-desktop/, from packaging/build.py), run with an empty
# environment (env -i: no virtual environment, no Python on the path). Usage: sh packaging/smoke.sh [FOLDER]
# Works on Linux, macOS and Windows (Git Bash); any date: the demo is dated 2026-06-15 whatever today is.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
app=${1:-$here/dist/legalsec-desktop}
exe=""
[ -f "$app/legalsec.exe" ] && exe=.exe
[ -f "$app/legalsec$exe" ] || { echo "no frozen build at $app: run python3 packaging/build.py first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A bare environment; Windows programs need SYSTEMROOT (and a temporary folder) to start at all.
bare() {
    exec env -i HOME="$work" USERPROFILE="$work" LOCALAPPDATA="$work/local" APPDATA="$work/roaming" TEMP="$work" \
        TMP="$work" TMPDIR="$work" SYSTEMROOT="${SYSTEMROOT:-${SystemRoot:-C:\\Windows}}" XDG_DATA_HOME="$work/data" \
        XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" LANG=C.UTF-8 "$@"
}
run() { ( bare "$@" ); }
step() { echo "smoke: $*"; }
db=$work/demo.db
step "legalsec --help"
run "$app/legalsec$exe" --help >"$work/help.txt"
grep -q "usage: legalsec" "$work/help.txt"
step "legalsec demo"
run "$app/legalsec$exe" --db "$db" demo --today 2026-06-15 >/dev/null
step "legalsec docket (PDF)"
run "$app/legalsec$exe" --db "$db" docket --date 2026-06-15 --out "$work/docket.pdf" >/dev/null
head -c 5 "$work/docket.pdf" | grep -q "%PDF-"
step "legalsec timesheet (Excel)"
run "$app/legalsec$exe" --db "$db" timesheet --from 2026-01-01 --to 2026-12-31 --out "$work/time.xlsx" >/dev/null
head -c 2 "$work/time.xlsx" | grep -q "PK"
# The letter is rendered in a spawned process: this checks multiprocessing works frozen.
step "legalsec letter (Word, rendered in a spawned process)"
run "$app/legalsec$exe" --db "$db" letter --matter 2026-0002 --template "Closing letter" \
    --to "Cascade Auto Sales Inc." --set "outcome=The case settled." --set "retention=seven years" \
    --set "documents=We hold none" --out "$work/closing.docx" >/dev/null
head -c 2 "$work/closing.docx" | grep -q "PK"
# The window: starts offscreen, opens the database, closes itself (as the user would) and exits 0. A watchdog kills
# it after two minutes (timeout(1) is not on every system, and env -i would not find it on the path anyway).
window_opens() {
    ( bare QT_QPA_PLATFORM=offscreen "$app/legalsec-desktop$exe" --db "$1" --quit-after-open ) 2>"$work/window.txt" &
    window=$!  # the program itself: the subshell execs env, which execs it
    ( sleep 120; kill -9 "$window" 2>/dev/null ) &
    watchdog=$!
    status=0
    wait "$window" || status=$?
    kill "$watchdog" 2>/dev/null || true
    if [ "$status" != 0 ]; then
        cat "$work/window.txt" >&2
        echo "the frozen window did not start on $1 and quit cleanly (exit $status)" >&2
        exit 1
    fi
}
step "legalsec-desktop --quit-after-open on the demo (offscreen)"
window_opens "$db"
step "legalsec-desktop --quit-after-open on a new database, as on the first start after installing"
window_opens "$work/first start.db"
[ -s "$work/first start.db" ] || { echo "the first start made no database" >&2; exit 1; }
echo "smoke test passed: $app"
