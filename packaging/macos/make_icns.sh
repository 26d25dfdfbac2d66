#!/bin/sh
# Make packaging/macos/legalsec.icns, the .app bundle's icon, with macOS's iconutil (run on a Mac, before the build).
#
#   sh packaging/macos/make_icns.sh [SOURCE.png]
#
# SOURCE defaults to the 512-pixel render of resources/icons/app.svg (packaging/linux/icons/512.png), or to
# resources/icons/app.png when that is missing. sips scales it to every size an iconset holds.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SOURCE=${1:-$ROOT/packaging/linux/icons/512.png}
[ -f "$SOURCE" ] || SOURCE=$ROOT/resources/icons/app.png
OUT=$HERE/legalsec.icns

for tool in sips iconutil; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool not found: make_icns.sh runs on macOS" >&2; exit 2; }
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SET=$WORK/legalsec.iconset
mkdir "$SET"
for size in 16 32 128 256 512; do
    sips -z "$size" "$size" "$SOURCE" --out "$SET/icon_${size}x${size}.png" >/dev/null
    double=$((size * 2))
    sips -z "$double" "$double" "$SOURCE" --out "$SET/icon_${size}x${size}@2x.png" >/dev/null
done
iconutil --convert icns --output "$OUT" "$SET"
echo "wrote $OUT"
