"""The frozen command line's entry point (legalsec): what the console-script launcher runs."""

import sys

from legalsec_desktop.cli import main

if __name__ == "__main__":  # not when a letter's render process (spawned) starts from this program
    sys.exit(main())
