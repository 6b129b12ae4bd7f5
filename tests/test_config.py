"""Settings: overrides, files and the errors a user meets."""

from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.errors import StorylineError


def test_config_rejects_sizes_that_cannot_work() -> None:
    with pytest.raises(StorylineError, match=r"\[E006\].*batch_size"):
        Settings().override(batch_size=0)
    with pytest.raises(StorylineError, match=r"\[E006\]"):
        Settings().override(no_such_setting=1)


def test_config_file_values_and_errors(tmp_path: Path) -> None:
    good = tmp_path / "s.toml"
    good.write_text('[storyline]\nalias_files = "mine.tsv"\nnear_duplicate_threshold = 0.9\n')
    s = Settings.from_file(good)
    assert s.alias_files == ("mine.tsv",) and s.near_duplicate_threshold == 0.9
    bad = tmp_path / "bad.toml"
    bad.write_text("[storyline\nbatch_size = ")
    with pytest.raises(StorylineError, match=r"\[E006\]"):
        Settings.from_file(bad)
