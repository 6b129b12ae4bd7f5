"""`storyline timex FILE --dct YYYY-MM-DD` as a user runs it: a child process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "examples" / "russia-turkey" / "telegraph.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, COLUMNS="200")
    return subprocess.run([sys.executable, "-m", "storyline", "timex", *args], input=stdin,
                          capture_output=True, env=env, timeout=120, check=False)


def test_temporal_cli_json_on_a_real_article() -> None:
    proc = run(str(EXAMPLE), "--dct", "2016-07-01", "--json")
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    assert data["dct"] == "2016-07-01"
    text = EXAMPLE.read_text(encoding="utf-8")
    rows = data["timexes"]
    assert {"start", "end", "text", "type", "value", "granularity", "mod"} <= set(rows[0])
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]
    got = {(r["text"], r["value"]) for r in rows}
    assert ("Friday", "2016-07-01") in got
    assert ("November last year", "2015-11") in got


def test_temporal_cli_stdin_table() -> None:
    proc = run("-", "--dct", "2017-09-28", stdin=b"Putin visited Turkey on Thursday.")
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert "Thursday" in out and "2017-09-28" in out and "DATE" in out


def test_temporal_cli_without_dct_uses_placeholders() -> None:
    proc = run("-", "--json", stdin=b"on Thursday, in 2015")
    data = json.loads(proc.stdout)
    assert data["dct"] is None
    assert [(r["text"], r["value"]) for r in data["timexes"]] == [
        ("Thursday", "XXXX-XX-XX"), ("2015", "2015")]


def test_temporal_cli_bad_dct_is_a_coded_error() -> None:
    proc = run("-", "--dct", "28/09/2017", stdin=b"on Thursday")
    assert proc.returncode == 1
    assert "[E010]" in proc.stderr.decode()


def test_temporal_cli_missing_file_is_a_coded_error(tmp_path: Path) -> None:
    proc = run(str(tmp_path / "nope.txt"), "--dct", "2017-09-28")
    assert proc.returncode == 1
    assert "[E001]" in proc.stderr.decode()


def test_temporal_cli_binary_file_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "x.png"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    proc = run(str(f))
    assert proc.returncode == 1
    assert "[Q102]" in proc.stderr.decode()
