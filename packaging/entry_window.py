"""The frozen window's entry point (legalsec-desktop): what the gui-script launcher runs."""

import sys

from legalsec_desktop.app import main

if __name__ == "__main__":  # not when a letter's render process (spawned) starts from this program
    sys.exit(main())
