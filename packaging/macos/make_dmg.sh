#!/bin/sh
# Make the macOS disk image: the .app beside a link to /Applications, compressed (run on a Mac, after the build).
#
#   sh packaging/macos/make_dmg.sh ["dist/Legal Secretary.app"]
#
# Writes dist/legalsec-desktop-<version>.dmg. Sign and notarize the .app first, then the .dmg
# (packaging/README.md, "Signing"): a .dmg made from an unsigned .app opens only by right-click, Open.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
APP="${1:-$ROOT/dist/Legal Secretary.app}"
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/src/legalsec_desktop/__init__.py")
OUT=$ROOT/dist/legalsec-desktop-$VERSION.dmg

command -v hdiutil >/dev/null 2>&1 || { echo "hdiutil not found: make_dmg.sh runs on macOS" >&2; exit 2; }
[ -d "$APP/Contents/MacOS" ] || { echo "$APP is not an app bundle; run packaging/build.py first" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
STAGE="$WORK/Legal Secretary"
mkdir "$STAGE"
# ditto keeps the bundle's symlinks, extended attributes and signature intact (cp -R may not)
ditto "$APP" "$STAGE/$(basename "$APP")"
ln -s /Applications "$STAGE/Applications"
rm -f "$OUT"
hdiutil create -volname "Legal Secretary" -srcfolder "$STAGE" -fs HFS+ -format UDZO -imagekey zlib-level=9 -ov "$OUT"
hdiutil verify "$OUT"
echo "wrote $OUT"
