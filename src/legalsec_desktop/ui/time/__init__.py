"""The Time feature: the time tab, the entry bar, timers, timesheet and LEDES exports."""
