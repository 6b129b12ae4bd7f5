"""The search tables follow ingest, re-cleaning, analysis and deletion through their triggers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.search import search


@pytest.fixture
def small(tmp_path: Path, store_cls):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "quay", "title": "Ferry strike", "source": "Harbour News",
                               "published": "2021-06-01",
                               "text": "Ferry crews walked out at dawn.\n\nThe quay stood empty."})
                   + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    proc = subprocess.run([sys.executable, "-m", "storyline", "--db", str(db), "ingest", str(src),
                           "--no-analyze", "--no-progress"], capture_output=True, text=True,
                          check=False, timeout=300, env=dict(os.environ))
    assert proc.returncode == 0, proc.stderr
    with store_cls(db) as s:
        yield s


def _sentences(s, pk: int, spans: list[tuple[int, int]]) -> None:
    with s.transaction():
        s._conn.executemany('INSERT INTO sentences (pk, start, "end") VALUES (?, ?, ?)',
                            [(pk, a, b) for a, b in spans])


def test_search_index_follows_ingest_without_analysis(small) -> None:
    # No sentences yet: article search still finds it and cites the first line.
    assert search(small, "crews", mode="keyword") == []
    hits = search(small, "crews", kind="articles", mode="keyword")
    assert [h.article for h in hits] == ["quay"] and hits[0].text == "Ferry crews walked out at dawn."
    assert search(small, "strike", kind="articles", mode="keyword")[0].article == "quay"  # title
    assert search(small, "ferry", kind="articles", since="2021-06", until="2021-06",
                  mode="keyword")
    assert not search(small, "ferry", kind="articles", since="2021-07", mode="keyword")


def test_search_index_follows_sentences_reclean_and_delete(small) -> None:
    pk = small._pk("quay")
    _sentences(small, pk, [(0, 31), (33, 54)])
    assert [h.text for h in search(small, "quay", mode="keyword")] == ["The quay stood empty."]
    with small.transaction():
        small._conn.execute("UPDATE article_texts SET clean_text = ? WHERE pk = ?",
                            ("Ferry crews returned at noon.\n\nThe pier was busy.", pk))
    # Old words are gone from both indexes; the stale sentences wait for re-analysis.
    assert search(small, "quay", kind="articles", mode="keyword") == []
    assert search(small, "quay", mode="keyword") == []
    assert search(small, "pier", kind="articles", mode="keyword")[0].article == "quay"
    with small.transaction():
        small._conn.execute("DELETE FROM sentences WHERE pk = ?", (pk,))
    _sentences(small, pk, [(0, 29), (31, 49)])
    assert [h.text for h in search(small, "pier", mode="keyword")] == ["The pier was busy."]
    with small.transaction():
        small._conn.execute("DELETE FROM articles WHERE pk = ?", (pk,))
    assert small._conn.execute("SELECT COUNT(*) FROM sentence_fts").fetchone()[0] == 0
    assert search(small, "pier", kind="articles", mode="keyword") == []
    assert small._conn.execute(
        "INSERT INTO article_fts (article_fts) VALUES ('integrity-check')").fetchall() == []


def test_search_vectors_go_stale_when_the_text_changes(small) -> None:
    from storyline.search import index_embeddings
    from storyline.search.semantic import vector_index

    class Fake:  # a deterministic stand-in: this test is about bookkeeping, not meaning
        def encode(self, texts):
            import numpy as np

            return np.array([[len(t), 1.0, 0.5] for t in texts], dtype=np.float32)

    assert small.ids_needing_vectors("fake") == ["quay"]
    assert index_embeddings(small, model="fake", embedder=Fake()) == 1
    assert small.ids_needing_vectors("fake") == [] and small.vector_models() == [("fake", 1)]
    assert vector_index(small, "fake").pks.tolist() == [small._pk("quay")]
    before = small.search_version()
    with small.transaction():
        small._conn.execute("UPDATE articles SET content_hash = 'changed' WHERE id = 'quay'")
    assert small.search_version() > before
    assert small.ids_needing_vectors("fake") == ["quay"]
    assert vector_index(small, "fake").pks.tolist() == []  # stale vectors are not searched
