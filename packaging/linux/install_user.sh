#!/bin/sh
# Install the frozen one-folder build for this user only, without root; or remove it again.
#
#   packaging/linux/install_user.sh [FOLDER]      install FOLDER (default: dist/legalsec-desktop) for this user
#   packaging/linux/install_user.sh --uninstall   remove the program, its links, menu entry and icons
#
# The program goes to ~/.local/opt/legalsec-desktop, the commands to ~/.local/bin, the menu entry to
# ~/.local/share/applications and the icons to ~/.local/share/icons/hicolor. Removing it never touches the
# user's data (the database and backups in ~/.local/share/legalsec-desktop, the documents in ~/Documents).
set -eu

NAME=legalsec-desktop
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
: "${HOME:?HOME is not set}"
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
OPT=$HOME/.local/opt/$NAME
BIN=$HOME/.local/bin
ENTRY=$DATA_HOME/applications/$NAME.desktop
ICONS=$DATA_HOME/icons/hicolor
SIZES="16 24 32 48 64 128 256 512"

refresh_menus() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA_HOME/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$ICONS/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$ICONS" 2>/dev/null || true
    fi
}

uninstall() {
    for command in legalsec legalsec-desktop; do
        # only our own links: a legalsec installed some other way stays
        if [ -L "$BIN/$command" ] && [ "$(readlink "$BIN/$command")" = "$OPT/$command" ]; then
            rm -f "$BIN/$command"
        fi
    done
    rm -f "$ENTRY" "$ICONS/scalable/apps/$NAME.svg"
    for size in $SIZES; do
        rm -f "$ICONS/${size}x${size}/apps/$NAME.png"
    done
    rm -rf "$OPT" "$OPT.new"
    rmdir "$(dirname "$OPT")" 2>/dev/null || true  # ~/.local/opt, when nothing else is in it
    refresh_menus
    echo "Removed Legal Secretary. Your data is kept in $DATA_HOME/$NAME and your documents folder."
}

install() {
    folder=$1
    for command in legalsec legalsec-desktop; do
        if [ ! -x "$folder/$command" ]; then
            echo "$folder is not a one-folder build ($command missing); run packaging/build.py first" >&2
            exit 2
        fi
    done
    mkdir -p "$HOME/.local/opt" "$BIN" "$DATA_HOME/applications" "$ICONS/scalable/apps"
    # copy beside the old version first, so a failed copy leaves the installed program as it was
    rm -rf "$OPT.new"
    cp -R "$folder" "$OPT.new"
    rm -rf "$OPT"
    mv "$OPT.new" "$OPT"
    for command in legalsec legalsec-desktop; do
        ln -sfn "$OPT/$command" "$BIN/$command"
    done
    for size in $SIZES; do
        mkdir -p "$ICONS/${size}x${size}/apps"
        cp "$HERE/icons/$size.png" "$ICONS/${size}x${size}/apps/$NAME.png"
    done
    cp "$ROOT/resources/icons/app.svg" "$ICONS/scalable/apps/$NAME.svg"
    sed "s|^Exec=.*|Exec=\"$OPT/legalsec-desktop\"|" "$ROOT/packaging/$NAME.desktop" > "$ENTRY"
    chmod 644 "$ENTRY"
    refresh_menus
    echo "Installed Legal Secretary in $OPT; it is in the applications menu."
    case ":${PATH:-}:" in
        *":$BIN:"*) ;;
        *) echo "Add $BIN to PATH to run legalsec from a terminal." ;;
    esac
}

case "${1:-}" in
    --uninstall) uninstall ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' ;;
    "") install "$ROOT/dist/$NAME" ;;
    *) install "$(cd "$1" && pwd)" ;;
esac
