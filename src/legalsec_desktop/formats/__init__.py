"""Every file format the program reads or writes, in one place: Word, Excel, LEDES, and the checked write
that keeps a file whole or leaves the earlier one, and reading iCalendar (its writer is still in services/ical.py)."""
