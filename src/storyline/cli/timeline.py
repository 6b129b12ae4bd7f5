"""`storyline timeline`: filled in by its issue."""
