"""`storyline summarize`: filled in by its issue."""
