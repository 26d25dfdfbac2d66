"""The Correspondence feature: the correspondence tab and logging calls and letters on a matter."""
