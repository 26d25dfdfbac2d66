"""Lets `python -m legalsec_desktop` behave exactly like the `legalsec` command."""

from legalsec_desktop.cli import main

raise SystemExit(main())
