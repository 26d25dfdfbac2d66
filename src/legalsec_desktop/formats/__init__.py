"""Every file format the program reads or writes, in one place: Word, Excel, LEDES, iCalendar, and the checked
write that keeps a file whole or leaves the earlier one."""
