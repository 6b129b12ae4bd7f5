"""Semantic search: sentence vectors stored per article, searched exactly with numpy.

Cost decides the layout. A 100k-article store has ~2.5M sentences; one float32 vector each would be
2.5 GB and a full scan per query far too slow. So every article keeps one float16 vector (title +
mean of its sentences: 100k x 256 x 2 bytes = 51 MB, scanned in memory in a few ms) and its
sentences' vectors as int8 with a per-vector scale (~260 bytes a sentence), read from the store
only for the best articles of a query. Sentence search therefore ranks the sentences of the
``ARTICLE_DEPTH`` articles closest to the query.

``index_embeddings(store, ids)`` computes them (the static model embeds ~3-10k sentences/s).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from storyline.store.search import RowFilter, VectorRow, searchable

DEFAULT_MODEL = "static"
LEAD_CHARS = 2000  # an article without sentences is embedded from its title and first characters
BATCH = 256  # articles embedded and written per transaction


def _quantize(vecs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows and their float16 scales: each row uses the full int8 range."""
    peak = np.abs(vecs).max(axis=1, keepdims=True) if len(vecs) else np.zeros((0, 1), np.float32)
    scale = np.maximum(peak, 1e-12) / 127.0
    q = np.clip(np.rint(vecs / scale), -127, 127).astype(np.int8)
    return q, scale[:, 0].astype(np.float16)


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


def index_embeddings(store: object, article_ids: Sequence[str] | None = None, *,
                     model: str = DEFAULT_MODEL, embedder: object | None = None,
                     only_missing: bool | None = None) -> int:
    """Compute and store the search vectors of ``article_ids``; returns how many articles were
    embedded. Call it after analysis (sentences come from the analysis): the given articles are
    embedded again even when their text did not change, since their sentences may have. With
    ``article_ids=None``, every article whose vectors are missing or stale is embedded."""
    if only_missing is None:
        only_missing = article_ids is None
    if embedder is None:
        from storyline.stories.embed import Embedder

        embedder = Embedder.get(model)
    store = searchable(store)
    ids = list(article_ids) if article_ids is not None else None
    todo = store.ids_needing_vectors(model, ids) if only_missing else (  # type: ignore[attr-defined]
        ids if ids is not None else store.all_ids())  # type: ignore[attr-defined]
    done = 0
    for k in range(0, len(todo), BATCH):
        rows = _embed_batch(store.vector_sources(todo[k:k + BATCH]), model, embedder)  # type: ignore[attr-defined]
        store.save_search_vectors(rows)  # type: ignore[attr-defined]
        done += len(rows)
    return done


def index_search(store: object, model: str, article_ids: Sequence[str] | None = None
                 ) -> dict[str, object]:
    """``index_embeddings`` as ingest runs it: ``model`` "none" skips it, and a model that cannot
    load leaves search keyword-only with the reason in the report instead of failing the ingest.
    ``article_ids=None``: every article still without vectors (an earlier failure's too)."""
    if model == "none" or article_ids == []:
        return {"model": model, "articles": 0}
    from storyline.errors import StorylineError

    try:
        return {"model": model, "articles": index_embeddings(store, article_ids, model=model)}
    except StorylineError as exc:
        return {"model": model, "articles": 0, "error": str(exc)}


def _embed_batch(sources: list, model: str, embedder: object) -> list[VectorRow]:
    texts: dict[str, int] = {}  # wire copies repeat sentences: embed each text once

    def slot(text: str) -> int:
        return texts.setdefault(text, len(texts))

    plans = []
    for pk, _id, content_hash, title, clean, spans in sources:
        sent_slots = [slot(clean[s:e]) for s, e in spans]
        lead = None if spans else slot(((title or "") + "\n" + clean[:LEAD_CHARS]).strip())
        title_slot = slot(title) if title and title.strip() else None
        plans.append((pk, content_hash, spans, sent_slots, lead, title_slot))
    vecs = embedder.encode(list(texts)) if texts else np.zeros((0, 0), np.float32)  # type: ignore[attr-defined]
    rows = []
    for pk, content_hash, spans, sent_slots, lead, title_slot in plans:
        if sent_slots:
            sv = vecs[sent_slots]
            article = sv.mean(axis=0)
        else:
            sv = np.zeros((0, vecs.shape[1]), np.float32)
            article = vecs[lead] if lead is not None else np.zeros(vecs.shape[1], np.float32)
        if title_slot is not None:
            article = _unit(article) + vecs[title_slot]  # the headline weighs as much as the body
        q, scales = _quantize(sv)
        starts = np.array([s for s, _ in spans], dtype="<i4")
        ends = np.array([e for _, e in spans], dtype="<i4")
        rows.append(VectorRow(pk, model, content_hash, int(vecs.shape[1]),
                              _unit(article).astype("<f2").tobytes(), starts.tobytes(),
                              ends.tobytes(), scales.astype("<f2").tobytes(), q.tobytes()))
    return rows


# -- the in-memory article matrix --------------------------------------------------------------

def _day(value: str | None, missing: int) -> int:
    if not value:
        return missing
    return int(value[:10].replace("-", ""))


@dataclass(slots=True)
class VectorIndex:
    """Every article's vector of one model, with its day range as yyyymmdd integers."""

    version: int
    pks: np.ndarray  # int64, sorted
    matrix: np.ndarray  # float32 (n, dim), unit rows
    lo: np.ndarray  # int32; unknown dates never pass a date filter
    hi: np.ndarray

    def mask(self, f: RowFilter) -> np.ndarray | None:
        keep: np.ndarray | None = None
        if f.pks is not None:
            # pks is sorted: a binary search per allowed pk, not a sort of both (np.isin)
            allowed = np.fromiter(f.pks, dtype=np.int64, count=len(f.pks))
            pos = np.minimum(np.searchsorted(self.pks, allowed), max(len(self.pks) - 1, 0))
            keep = np.zeros(len(self.pks), dtype=bool)
            keep[pos[self.pks[pos] == allowed]] = True
        if f.since is not None:
            m = self.hi >= int(f.since.replace("-", ""))
            keep = m if keep is None else keep & m
        if f.until is not None:
            m = self.lo <= int(f.until.replace("-", ""))
            keep = m if keep is None else keep & m
        return keep

    def top(self, q: np.ndarray, f: RowFilter, k: int) -> list[tuple[int, float]]:
        """(pk, cosine) of the ``k`` articles closest to ``q`` that pass ``f``, best first."""
        if not len(self.pks) or f.empty:
            return []
        keep = self.mask(f)
        if keep is None:
            rows, scores = None, _dot(self.matrix, q)
        else:
            rows = np.flatnonzero(keep)
            if not len(rows):
                return []
            # a narrow filter scores only its rows; a broad one scores all and picks
            scores = (_dot(self.matrix[rows], q) if 2 * len(rows) < len(self.pks)
                      else _dot(self.matrix, q)[rows])
        k = min(k, len(scores))
        part = np.argpartition(-scores, k - 1)[:k]
        part = part[np.argsort(-scores[part], kind="stable")]
        found = part if rows is None else rows[part]
        return [(int(self.pks[i]), float(c)) for i, c in zip(found, scores[part])]


def _dot(matrix: np.ndarray, q: np.ndarray) -> np.ndarray:
    """``matrix @ q`` on this thread: BLAS would spread one matrix-vector product over every
    core, which costs more than it saves when the cores are busy (a server, other searches);
    the product is bound by memory speed anyway."""
    return np.einsum("ij,j->i", matrix, q)


_lock = threading.Lock()
_indexes: dict[tuple[str, str], VectorIndex] = {}


def _key(store: object, model: str) -> tuple[str, str]:
    path = str(getattr(store, "path", id(store)))
    try:
        st = os.stat(path)
        path = f"{os.path.realpath(path)}#{st.st_ino}"
    except OSError:
        pass
    return path, model


def vector_index(store: object, model: str) -> VectorIndex:
    """The article matrix of ``store``, loaded once per process and again only after a change."""
    version = store.search_version()  # type: ignore[attr-defined]
    key = _key(store, model)
    with _lock:
        found = _indexes.get(key)
        if found is not None and found.version == version:
            return found
    rows = store.article_vector_rows(model)  # type: ignore[attr-defined]
    if rows:
        dim = len(rows[0][1]) // 2
        matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype="<f2").reshape(-1, dim)
        matrix = matrix.astype(np.float32)
    else:
        matrix = np.zeros((0, 0), np.float32)
    index = VectorIndex(version, np.array([r[0] for r in rows], dtype=np.int64), matrix,
                        np.array([_day(r[2], 99999999) for r in rows], dtype=np.int32),
                        np.array([_day(r[3], -1) for r in rows], dtype=np.int32))
    with _lock:
        _indexes[key] = index
    return index


_models: dict[tuple[str, str], tuple[int, str | None]] = {}


def available_model(store: object) -> str | None:
    """The model most articles have current vectors of (None: no vectors), re-read only after the
    store's search data changed."""
    version = store.search_version()  # type: ignore[attr-defined]
    key = _key(store, "")
    with _lock:
        found = _models.get(key)
    if found is not None and found[0] == version:
        return found[1]
    models = store.vector_models()  # type: ignore[attr-defined]
    best = models[0][0] if models else None
    with _lock:
        _models[key] = (version, best)
    return best


def embed_query(text: str, model: str, embedder: object | None = None) -> np.ndarray:
    if embedder is None:
        from storyline.stories.embed import Embedder

        embedder = Embedder.get(model)
    return np.asarray(embedder.encode([text])[0], dtype=np.float32)  # type: ignore[attr-defined]


def semantic_articles(store: object, q: np.ndarray, f: RowFilter, k: int, model: str
                      ) -> list[tuple[int, float]]:
    return vector_index(store, model).top(q, f, k)


def best_sentences(store: object, q: np.ndarray, pks: Sequence[int], model: str
                   ) -> list[tuple[int, int, int, float]]:
    """(pk, start, end, cosine) of every sentence of ``pks``, best first."""
    rows = [r for r in store.sentence_vector_rows(pks, model)  # type: ignore[attr-defined]
            if r.sentences]
    if not rows:
        return []
    # All the articles' sentences in one matrix. A row's int8 values times its scale are the
    # vector, and the scale (positive) cancels out of the cosine, so it is not applied.
    vecs = np.frombuffer(b"".join(r.sentences for r in rows), dtype=np.int8)
    vecs = vecs.reshape(-1, rows[0].dim).astype(np.float32)
    scores = _dot(vecs, q) / np.maximum(np.sqrt(np.einsum("ij,ij->i", vecs, vecs)), 1e-12)
    pk = np.repeat([r.pk for r in rows], [len(r.starts) // 4 for r in rows])
    starts = np.frombuffer(b"".join(r.starts for r in rows), dtype="<i4")
    ends = np.frombuffer(b"".join(r.ends for r in rows), dtype="<i4")
    order = np.argsort(-scores, kind="stable")
    return list(zip(pk[order].tolist(), starts[order].tolist(), ends[order].tolist(),
                    scores[order].tolist()))


def semantic_sentences(store: object, q: np.ndarray, f: RowFilter, k: int, model: str,
                       depth: int) -> list[tuple[int, int, int, float]]:
    """The ``k`` sentences closest to ``q`` among those of the ``depth`` closest articles."""
    arts = semantic_articles(store, q, f, depth, model)
    return best_sentences(store, q, [pk for pk, _ in arts], model)[:k]
