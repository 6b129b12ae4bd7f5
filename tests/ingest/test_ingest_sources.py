from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.errors import StorylineError
from storyline.ingest.sources import STDIN, count_inputs, iter_inputs
from storyline.records import Input, Quarantined


def _tree(root: Path, seeds: dict[str, str]) -> None:
    (root / "b").mkdir()
    (root / "a-sub").mkdir()
    (root / ".git").mkdir()
    (root / "b" / "telegraph.txt").write_text(seeds["telegraph"], encoding="utf-8")
    (root / "a-sub" / "z.txt").write_text(seeds["nhandan"], encoding="utf-8")
    (root / "a-sub" / "a.txt").write_text(seeds["csmonitor-ap"], encoding="utf-8")
    (root / "c.txt").write_text(seeds["independent-yahoo"], encoding="utf-8")
    (root / ".hidden.txt").write_text("secret", encoding="utf-8")
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main", encoding="utf-8")


def test_sources_folder_is_walked_recursively_in_sorted_order_skipping_hidden(tmp_path, seeds, settings):
    _tree(tmp_path, seeds)
    got = list(iter_inputs([tmp_path], settings))
    names = [Path(i.origin).relative_to(tmp_path).as_posix() for i in got]
    assert names == ["a-sub/a.txt", "a-sub/z.txt", "b/telegraph.txt", "c.txt"]
    assert all(isinstance(i, Input) for i in got)
    first = got[0]
    assert isinstance(first, Input) and first.data == seeds["csmonitor-ap"].encode() and first.name == "a.txt"
    assert count_inputs([tmp_path]) == 4
    assert [i.origin for i in iter_inputs([tmp_path], settings)] == [i.origin for i in got]


def test_sources_a_file_named_twice_is_read_once(tmp_path, seeds, settings):
    _tree(tmp_path, seeds)
    inner = tmp_path / "c.txt"
    got = [i.origin for i in iter_inputs([inner, tmp_path, str(inner)], settings)]
    assert got[0] == str(inner) and got.count(str(inner)) == 1 and len(got) == 4
    assert count_inputs([inner, tmp_path]) == 4


def test_sources_explicit_hidden_file_is_read(tmp_path, settings):
    path = tmp_path / ".notes.txt"
    path.write_text("Putin visited Ankara.", encoding="utf-8")
    (got,) = iter_inputs([path], settings)
    assert isinstance(got, Input) and got.data == b"Putin visited Ankara."


def test_sources_missing_path_raises_e001_before_anything_is_yielded(tmp_path, seeds, settings):
    good = tmp_path / "good.txt"
    good.write_text(seeds["telegraph"], encoding="utf-8")
    gen = iter_inputs([good, tmp_path / "nope.txt"], settings)
    with pytest.raises(StorylineError) as info:
        next(gen)
    assert info.value.code.code == "E001" and "nope.txt" in info.value.message
    with pytest.raises(StorylineError):
        count_inputs([good, tmp_path / "nope.txt"])


def test_sources_dash_reads_stdin(seeds, settings):
    data = seeds["strategic-culture"].encode()
    (got,) = iter_inputs(["-"], settings, stdin=io.BytesIO(data))
    assert isinstance(got, Input)
    assert (got.origin, got.name, got.data) == (STDIN, STDIN, data)
    assert count_inputs(["-"]) == 1


def test_sources_oversized_file_is_q104_without_payload(tmp_path, seeds):
    path = tmp_path / "big.txt"
    path.write_text(seeds["strategic-culture"], encoding="utf-8")
    small = Settings(max_input_bytes=1000)
    (got,) = iter_inputs([path], small)
    assert isinstance(got, Quarantined)
    assert (got.code, got.reason, got.payload, got.size) == ("Q104", "oversized", None, path.stat().st_size)
    assert "over the limit of 1000" in got.detail


def test_sources_oversized_stdin_is_q104_with_true_size(seeds):
    data = seeds["strategic-culture"].encode()
    (got,) = iter_inputs(["-"], Settings(max_input_bytes=1000), stdin=io.BytesIO(data))
    assert isinstance(got, Quarantined) and got.code == "Q104" and got.size == len(data) and got.payload is None


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_sources_unreadable_file_is_q101(tmp_path, settings):
    path = tmp_path / "locked.txt"
    path.write_text("Putin visited Ankara.", encoding="utf-8")
    path.chmod(0)
    try:
        (got,) = iter_inputs([tmp_path], settings)
    finally:
        path.chmod(0o644)
    assert isinstance(got, Quarantined) and got.code == "Q101"


def test_sources_broken_symlink_is_q101_in_a_folder_and_when_named(tmp_path, settings):
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    for given in ([tmp_path], [link]):
        (got,) = iter_inputs(given, settings)
        assert isinstance(got, Quarantined)
        assert got.code == "Q101" and "broken link" in got.detail


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_sources_named_pipe_is_q101_not_read(tmp_path, settings):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (got,) = iter_inputs([tmp_path], settings)  # would block forever if opened
    assert isinstance(got, Quarantined) and got.code == "Q101" and "not a regular file" in got.detail


def test_sources_symlink_loop_terminates(tmp_path, seeds, settings):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(seeds["telegraph"], encoding="utf-8")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    got = list(iter_inputs([tmp_path], settings))
    assert [Path(i.origin).name for i in got] == ["a.txt"]
