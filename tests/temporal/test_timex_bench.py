"""bench/timex.py scores the held-out TempEval-3 platinum set when it is there, as its own block,
and says so when it is not. The TimeML files here are written for the test (no evaluation data)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "timex.py"

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>{name}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-05-08" functionInDocument="CREATION_TIME">\
2024-05-08</TIMEX3></DCT>
<TEXT>
The council <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1" type="DATE" \
value="2024-05-02">Thursday</TIMEX3> and meets again <TIMEX3 tid="t2" type="DATE" \
value="2024-W20">next week</TIMEX3>. It has &quot;waited&quot; for <TIMEX3 tid="t3" \
type="DURATION" value="P3Y">three years</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
</TimeML>
"""


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("timex_bench", BENCH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up while being built
    spec.loader.exec_module(mod)
    return mod


def _release(root: Path, with_test: bool) -> Path:
    """A folder laid out as the TempEval-3 release, holding documents written here."""
    train = root / "data" / "TempEval3" / "Training" / "TBAQ-cleaned"
    for corpus in ("TimeBank", "AQUAINT"):
        (train / corpus).mkdir(parents=True)
        (train / corpus / f"dev_{corpus}.tml").write_text(DOC.format(name=corpus))
    if with_test:
        plat = root / "data" / "TempEval3" / "Evaluation" / "te3-platinum"
        plat.mkdir(parents=True)
        (plat / "test_1.tml").write_text(DOC.format(name="test_1"))
    return root


def test_timex_bench_reads_a_platinum_document(bench: ModuleType, tmp_path: Path) -> None:
    root = _release(tmp_path, with_test=True)
    plat = bench.find_platinum(root, None)
    assert plat == root / "data" / "TempEval3" / "Evaluation" / "te3-platinum"
    (doc,) = bench.load_platinum(plat)
    assert doc.dct == "2024-05-08"
    assert [(g["text"], g["value"]) for g in doc.gold] == [
        ("Thursday", "2024-05-02"), ("next week", "2024-W20"), ("three years", "P3Y")]
    assert '"waited"' in doc.text  # entities decoded, tags stripped
    results, chars, _ = bench.tag([doc])
    assert chars == len(doc.text)
    s = bench.score(results)
    assert s["value"][2] == pytest.approx(1.0)


def test_timex_bench_without_platinum_finds_none(bench: ModuleType, tmp_path: Path) -> None:
    assert bench.find_platinum(_release(tmp_path, with_test=False), None) is None


def test_timex_bench_prints_the_platinum_block_next_to_heideltime(tmp_path: Path) -> None:
    root = _release(tmp_path, with_test=True)
    out = subprocess.run([sys.executable, str(BENCH), "--data", str(root), "--errors", "5"],
                         capture_output=True, text=True, check=True).stdout
    assert "platinum TEST set (held out" in out
    assert "HeidelTime" in out and "77.61" in out
    # Errors are listed for the development set only: the test document never shows.
    assert "test_1" not in out.split("MISSED")[1]


def test_timex_bench_says_when_platinum_is_missing(tmp_path: Path) -> None:
    root = _release(tmp_path, with_test=False)
    out = subprocess.run([sys.executable, str(BENCH), "--data", str(root)],
                         capture_output=True, text=True, check=True).stdout
    assert "platinum TEST set: not in this copy" in out
