from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storyline.config import Settings
from storyline.corpus import Corpus, read_corpus

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "russia-turkey"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    files = sorted(EXAMPLES.glob("*.txt"))
    assert len(files) == 5
    return read_corpus(files)


class MemoEmbedder:
    """The default embedder, remembering vectors by text: each test summarizes the same sentences
    again, and the model is slow on a busy machine. Same vectors, so the same summaries."""

    def __init__(self) -> None:
        from storyline.stories.embed import Embedder

        self._model = Embedder.get(Settings().story_embedder)
        self._memo: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if todo:
            self._memo.update(zip(todo, self._model.encode(todo)))
        return np.stack([self._memo[t] for t in texts])


@pytest.fixture(scope="session")
def embedder() -> MemoEmbedder:
    return MemoEmbedder()
