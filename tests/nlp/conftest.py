"""Shared fixtures: the example corpus (raw and clean) and one NER model for the whole session."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean.cleaner import clean
from storyline.records import SourceDoc

EXAMPLES = Path(__file__).parents[2] / "examples" / "russia-turkey"
SEED_NAMES = ["csmonitor-ap", "independent-yahoo", "nhandan", "strategic-culture", "telegraph"]


@pytest.fixture(scope="session")
def raw_seeds() -> dict[str, str]:
    """The five seed articles exactly as scraped."""
    return {name: (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8") for name in SEED_NAMES}


@pytest.fixture(scope="session")
def clean_seeds(raw_seeds: dict[str, str]) -> dict[str, str]:
    """The clean text of each seed, as the pipeline stores it."""
    return {
        name: clean(SourceDoc(origin=name, format="txt", text=text, title_in_text=True)).text
        for name, text in raw_seeds.items()
    }


@pytest.fixture(scope="session")
def tagger():
    """The spaCy model takes seconds to load: once for every NLP test."""
    from storyline.nlp.ner import EntityTagger

    return EntityTagger()
