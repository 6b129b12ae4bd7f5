from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "russia-turkey"


def run_cli(*args: str, db: Path, stdin: bytes | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """Run the real command line in a child process, as a user would."""
    env = dict(os.environ, COLUMNS="200")
    proc = subprocess.run([sys.executable, "-m", "storyline", "--db", str(db), *args],
                          input=stdin, capture_output=True, env=env, timeout=300)
    if check and proc.returncode not in (0, 3):
        raise AssertionError(f"exit {proc.returncode}: {proc.stderr.decode()}")
    return proc


def run_json(*args: str, db: Path, stdin: bytes | None = None) -> dict:
    proc = run_cli(*args, "--json", db=db, stdin=stdin)
    return json.loads(proc.stdout)


@pytest.fixture
def seeds() -> list[Path]:
    files = sorted(EXAMPLES.glob("*.txt"))
    assert len(files) == 5
    return files
