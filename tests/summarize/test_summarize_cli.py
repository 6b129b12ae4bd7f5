"""`storyline summarize` as a user runs it (a child process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [str(p) for p in sorted((ROOT / "examples" / "russia-turkey").glob("*.txt"))]


def run_cli(*args: str, tmp: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, COLUMNS="200")
    return subprocess.run([sys.executable, "-m", "storyline", "--db", str(tmp / "s.db"), *args],
                          capture_output=True, env=env, timeout=600, check=False)


def test_summarize_cli_json_shape(tmp_path: Path) -> None:
    proc = run_cli("summarize", *SEEDS, "--words", "80", "--json", tmp=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    assert set(data) >= {"sentences"}
    assert data["sentences"]
    total = 0
    for s in data["sentences"]:
        assert isinstance(s["text"], str) and s["text"]
        assert s["citations"]
        for c in s["citations"]:
            assert set(c) == {"article", "start", "end"}
            assert isinstance(c["start"], int) and isinstance(c["end"], int)
            assert 0 <= c["start"] < c["end"]
        total += len(s["text"].split())
    assert total <= 80
    cited = {c["article"] for s in data["sentences"] for c in s["citations"]}
    assert cited == {src["article"] for src in data["sources"]}


def test_summarize_cli_human_output_numbers_sentences_and_sources(tmp_path: Path) -> None:
    proc = run_cli("summarize", *SEEDS, "--bytes", "400", tmp=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    lines = out.splitlines()
    assert lines[0].startswith("1. ") and "[1]" in lines[0]
    assert "Sources:" in out
    assert any(line.startswith("[1] ") for line in lines[lines.index("Sources:"):])


def test_summarize_cli_empty_input_is_e014(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    proc = run_cli("summarize", str(empty), "--json", tmp=tmp_path)
    assert proc.returncode == 1
    assert "[E014]" in proc.stderr.decode()


def test_summarize_cli_bad_options_are_e015(tmp_path: Path) -> None:
    proc = run_cli("summarize", *SEEDS, "--words", "50", "--bytes", "300", tmp=tmp_path)
    assert proc.returncode == 1
    assert "[E015]" in proc.stderr.decode()
    proc = run_cli("summarize", tmp=tmp_path)
    assert proc.returncode == 1
    assert "[E015]" in proc.stderr.decode()
