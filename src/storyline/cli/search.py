"""`storyline search`: filled in by its issue."""
