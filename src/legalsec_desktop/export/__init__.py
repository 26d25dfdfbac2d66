"""Writers for Word, Excel, iCalendar and LEDES files."""
