"""Report content (docket, timesheet, conflicts) built without Qt."""
