"""`storyline serve`: filled in by its issue."""
