"""A kill -9 in the middle of an ingest leaves a store that opens; the re-run loses and doubles nothing."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_json

N_FILES, PER_FILE = 40, 50


def build_pile(folder: Path) -> int:
    """JSONL files of distinct articles made from the example corpus' real paragraphs."""
    paragraphs = [p.strip() for f in sorted(EXAMPLES.glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n") if len(p.split()) > 12]
    n = 0
    for f in range(N_FILES):
        with (folder / f"part-{f:03d}.jsonl").open("w", encoding="utf-8") as fh:
            for r in range(PER_FILE):
                i = f * PER_FILE + r
                body = "\n\n".join(paragraphs[(i + k * 7) % len(paragraphs)] for k in range(4))
                fh.write(json.dumps({"id": f"a{i:05d}", "title": f"Report {i}", "text": f"{body}\n\nReport number {i}."}) + "\n")
                n += 1
    return n


def count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_cli_kill_9_mid_ingest_then_rerun_loses_and_doubles_nothing(tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    pile.mkdir()
    expected = build_pile(pile)
    db = tmp_path / "crash.db"
    proc = subprocess.Popen([sys.executable, "-m", "storyline", "--db", str(db), "ingest", str(pile),
                             "--batch-size", "25", "--no-progress", "--no-analyze"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while count(db) < 100 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed; make the pile bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = count(db)
    assert 0 < partial < expected

    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()

    report = run_json("ingest", str(pile), "--no-analyze", db=db)
    assert report["quarantined"] == 0
    listing = run_json("articles", db=db)
    ids = [a["id"] for a in listing["articles"]]
    assert listing["total"] == expected == len(ids) == len(set(ids))
    assert set(ids) == {f"a{i:05d}" for i in range(expected)}
    again = run_json("ingest", str(pile), "--no-analyze", db=db)
    assert again["articles_added"] == 0
