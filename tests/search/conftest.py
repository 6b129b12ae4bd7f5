"""A store with the example corpus and a few constructed articles, indexed for search."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.store.sqlite import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "russia-turkey"

# Text written for these tests (not from any data set).
CONSTRUCTED = [
    {"id": "harbour-fire", "title": "Fire at the harbour warehouse", "source": "Coastal Gazette",
     "published": "2019-03-02",
     "text": "A fire broke out at the harbour warehouse on Tuesday night.\n\n"
             "Firefighters contained the blaze within two hours, the port authority said.\n\n"
             "Nobody was hurt, but crates of imported tea were destroyed."},
    {"id": "bus-fares", "title": "Council backs dearer tickets", "source": "Mountain Times",
     "published": "2020-05-10",
     "text": "The city council voted on Monday to raise the price of bus tickets from next year.\n\n"
             "Councillors said the extra money would pay for new electric buses.\n\n"
             "Commuter groups called the decision unfair to low-paid workers."},
    {"id": "hostile", "title": "<script>alert('t')</script> Breaking: markup in news",
     "source": "Evil Example", "published": "2018-01-15",
     "text": "The page said <script>alert(document.cookie)</script> and then "
             "<img src=x onerror=alert(1)> twice.\n\n"
             'Search syntax like "quoted" AND (x OR y) NEAR(a b) col:val ^start * - stays text.\n\n'
             "An Ümlaut café in Zürich serves crème brûlée."},
]


SearchStore = Store  # Store has the search queries among its bases


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "storyline", "--db", str(db), *args],
                          capture_output=True, text=True, check=False, timeout=900,
                          env=dict(os.environ, COLUMNS="200"))


def embedder_kind() -> str:
    """The static model when it is already distilled on this machine, else the bundled MiniLM."""
    from storyline.stories.embed import static_model_dir

    try:
        return "static" if (static_model_dir() / "config.json").exists() else "minilm"
    except (ImportError, OSError):  # model2vec not installed: no static model to look for
        return "minilm"


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("search")
    extra = folder / "constructed.jsonl"
    extra.write_text("".join(json.dumps(r) + "\n" for r in CONSTRUCTED), encoding="utf-8")
    db = folder / "s.db"
    proc = _cli(db, "ingest", str(EXAMPLES), str(extra), "--json", "--no-progress")
    assert proc.returncode in (0, 3), proc.stderr
    from storyline.search import index_embeddings

    with SearchStore(db) as store:
        # ingest builds the vectors of its settings' model; this makes sure of the test's model
        index_embeddings(store, model=embedder_kind())
        assert store.ids_needing_vectors(embedder_kind()) == []
        assert sum(n for _, n in store.vector_models()) == 8
    return db


@pytest.fixture
def store(seed_db: Path) -> Iterator[SearchStore]:
    with SearchStore(seed_db, readonly=True) as s:
        yield s


@pytest.fixture
def names(store: SearchStore) -> dict[str, str]:
    """Seed file stem or constructed id -> article id."""
    out = {}
    for a in store.list_articles():
        out[Path(a.origin).stem if a.origin.endswith(".txt") else a.id] = a.id
    return out


@pytest.fixture
def store_cls() -> type[SearchStore]:
    return SearchStore
