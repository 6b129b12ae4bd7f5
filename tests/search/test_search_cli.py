"""`storyline search` as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def run(db, *args):
    return subprocess.run([sys.executable, "-m", "storyline", "--db", str(db), "search", *args],
                          capture_output=True, text=True, check=False, timeout=300,
                          env=dict(os.environ, COLUMNS="200"))


def test_search_cli_json(seed_db) -> None:
    proc = run(seed_db, "airport attack", "--limit", "2", "--mode", "keyword", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["kind"] == "sentences" and len(data["hits"]) == 2
    hit = data["hits"][0]
    for field in ("article", "title", "outlet", "published", "start", "end", "text", "snippet",
                  "score", "highlights", "citation"):
        assert field in hit
    assert "<mark>" in hit["snippet"]


def test_search_cli_filters_and_human_output(seed_db) -> None:
    proc = run(seed_db, "fire", "--articles", "--outlet", "Coastal Gazette", "--since", "2019",
               "--mode", "keyword")
    assert proc.returncode == 0, proc.stderr
    assert "Fire at the harbour warehouse" in proc.stdout and "harbour-fire" in proc.stdout


def test_search_cli_errors_are_coded(seed_db) -> None:
    for args in (["fire", "--until", "soon"], ["--", "-Putin"], ["fire", "--mode", "fuzzy"],
                 ["fire", "--limit", "0"]):
        proc = run(seed_db, *args)
        assert proc.returncode == 1 and "[E015]" in proc.stderr, (args, proc.stderr)
