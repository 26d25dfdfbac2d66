#!/bin/sh
# Smoke test of the frozen folder (dist/legalsec-desktop/, from packaging/build.py), run with an empty
# environment (env -i: no virtual environment, no Python on the path). Usage: sh packaging/smoke.sh [FOLDER]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
app=${1:-$here/dist/legalsec-desktop}
[ -x "$app/legalsec" ] || { echo "no frozen build at $app: run python3 packaging/build.py first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() { env -i HOME="$work" LANG=C.UTF-8 "$@"; }
db=$work/demo.db
run "$app/legalsec" --help >"$work/help.txt"
grep -q "usage: legalsec" "$work/help.txt"
run "$app/legalsec" --db "$db" demo >/dev/null
run "$app/legalsec" --db "$db" docket --out "$work/docket.pdf" >/dev/null
head -c 5 "$work/docket.pdf" | grep -q "%PDF-"
run "$app/legalsec" --db "$db" timesheet --from 2026-01-01 --to 2026-12-31 --out "$work/time.xlsx" >/dev/null
[ -s "$work/time.xlsx" ]
# The letter is rendered in a spawned process: this checks multiprocessing works frozen.
run "$app/legalsec" --db "$db" letter --matter 2026-0002 --template "Closing letter" \
    --to "Cascade Auto Sales Inc." --set "outcome=The case settled." --set "retention=seven years" \
    --set "documents=We hold none" --out "$work/closing.docx" >/dev/null
[ -s "$work/closing.docx" ]
# The window: starts offscreen, opens the demo, closes itself (as the user would) and exits 0.
run QT_QPA_PLATFORM=offscreen timeout 60 "$app/legalsec-desktop" --db "$db" --quit-after-open 2>"$work/window.txt" \
    || { cat "$work/window.txt" >&2; echo "the frozen window did not start and quit cleanly" >&2; exit 1; }
echo "smoke test passed: $app"
