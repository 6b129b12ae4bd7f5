"""`storyline disagreements`: filled in by its issue."""
