"""The Calendar feature: the calendar tab and views, events, court deadlines, the docket, calendar files."""
