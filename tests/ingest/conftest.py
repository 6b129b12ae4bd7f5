"""Fixtures for the ingest tests: the seed articles and default settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.config import Settings

EXAMPLES = Path(__file__).parents[2] / "examples" / "russia-turkey"


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """The five seed articles, by outlet file stem (e.g. "telegraph")."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))}


@pytest.fixture()
def settings() -> Settings:
    return Settings()
