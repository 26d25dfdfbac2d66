"""Lets `python -m legalsec_desktop` behave exactly like the `legalsec` command."""

from legalsec_desktop.cli import main

if __name__ == "__main__":  # not when a letter's render process (spawned) imports this module again
    raise SystemExit(main())
