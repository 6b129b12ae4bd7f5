"""`storyline stories`: filled in by its issue."""
