#!/usr/bin/env python3
"""Serving benchmarks on a large store: search latency (p50/p95) and the store's size.

    python bench/serve.py --data ../shared/eval/duc2004_task2 [--n 100000] [--queries 200]
                          [--cache /tmp/storyline-bench-serve] [--rebuild] [--json]

Search latency and story-page server time on a big store, with the store's size. The store is
built once and cached under --cache (keyed by --n), so reruns only measure:

1. synthetic articles from real sentences (the example corpus, plus the DUC 2004 documents with
   --data), recombined as bench/ingest.py does (wire copies, exact copies, boilerplate), each given
   one of 200 outlets and a publication day in 2000-2024, written as JSONL;
2. a real ``storyline ingest --no-analyze`` (the full analysis of 100k articles would take hours
   on two cores); the keyword indexes are filled by the store's triggers during that ingest;
3. a cheap stand-in for the analysis: sentence spans (storyline.nlp.sentences, the analysis' own
   splitter) and entity mentions from a gazetteer of the pool's most frequent capitalised names;
4. ``index_embeddings`` with the static model (sentence texts repeat across synthetic articles, so
   the build caches vectors by text; the uncached rate is measured on a sample and printed).

Queries (~200) are drawn from the pool with a fixed seed: 2-3 content words (keyword), 5-8 word
spans of other sentences reworded by dropping words (semantic), each run in keyword, semantic and
hybrid mode, on sentences and articles, without and with filters (outlet, date range, entity, a
50-article story). Latency is the wall time of ``search()`` in this process on a warm store (the first
call, which loads the vector matrix, is reported apart), with the thread's CPU time next to it:
on a shared machine the wall time includes waiting for a core, the CPU time does not.

The story page: the example corpus is then ingested into the big store with the full analysis
(its stories, events, disagreements and the stored timeline and summary, as `storyline ingest`
makes them), and GET /api/stories/{id} is timed through the real app: a fresh server's first
request, requests with the in-memory cache emptied, and cached ones.

One function per measurement (``build_store``, ``search_latency``, ``story_page``, ``store_size``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.search import index_embeddings, search
from storyline.store.sqlite import Store

BUILD_VERSION = 1  # bump when the build changes, so a cached store is rebuilt
N_OUTLETS = 200
N_ENTITIES = 300
STOP = {"The", "A", "An", "In", "On", "At", "But", "And", "He", "She", "It", "They", "We", "I",
        "This", "That", "There", "Mr", "Mrs", "Ms", "If", "As", "For", "After", "When", "While",
        "His", "Her", "Their", "Its", "By", "With", "From", "Some", "Many", "One", "Two", "Not"}
WORD = re.compile(r"[A-Za-z][a-z]+")
NAME = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\b")


SearchStore = Store  # Store has the search queries among its bases


def _ingest_module() -> Any:
    spec = importlib.util.spec_from_file_location("bench_ingest", ROOT / "bench" / "ingest.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


# -- building ------------------------------------------------------------------------------------

def write_corpus(n: int, pool: list[list[str]], folder: Path, seed: int = 11) -> None:
    rng = random.Random(seed)
    items = _ingest_module().synthesize(n, pool, seed)
    outlets = [f"Outlet {i:03d}" for i in range(N_OUTLETS)]
    batch: list[str] = []
    for i, (_, title, body) in enumerate(items):
        day = f"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        batch.append(json.dumps({"id": f"a{i:07d}", "title": title, "text": body,
                                 "source": outlets[int(rng.paretovariate(1.2)) % N_OUTLETS],
                                 "published": day}))
        if len(batch) == 5000 or i == n - 1:
            (folder / f"part-{i // 5000:04d}.jsonl").write_text("\n".join(batch) + "\n",
                                                               encoding="utf-8")
            batch = []


def gazetteer(pool: list[list[str]]) -> list[str]:
    counts = Counter(m for doc in pool for s in doc for m in NAME.findall(s)
                     if m.split()[0] not in STOP and len(m) > 3)
    return [name for name, _ in counts.most_common(N_ENTITIES)]


def cheap_analysis(db: Path, names: list[str]) -> dict[str, float]:
    """Sentences (the analysis' splitter) and gazetteer mentions for every article, in batches."""
    from storyline.nlp.sentences import split_sentences

    t0 = time.perf_counter()
    finder = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                        + r")\b")
    ids = {n: f"E:{i}" for i, n in enumerate(names)}
    n_sent = n_ment = 0
    with SearchStore(db) as store:
        conn = store._conn
        with store.transaction():
            conn.executemany("INSERT OR IGNORE INTO entities (id, name, type) VALUES (?, ?, ?)",
                             [(eid, n, "PERSON") for n, eid in ids.items()])
        rows = conn.execute("SELECT t.pk, t.clean_text FROM article_texts t"
                            " WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.pk = t.pk)"
                            " ORDER BY t.pk").fetchall()
        for k in range(0, len(rows), 2000):
            sents, ments = [], []
            for pk, text in rows[k:k + 2000]:
                sents += [(pk, s.start, s.end) for s in split_sentences(str(pk), text)]
                ments += [(pk, m.start(), m.end(), m.group(1), "PERSON", ids[m.group(1)])
                          for m in finder.finditer(text)]
            with store.transaction():
                conn.executemany('INSERT INTO sentences (pk, start, "end") VALUES (?, ?, ?)', sents)
                conn.executemany('INSERT OR IGNORE INTO mentions (pk, start, "end", text, label,'
                                 " entity_id) VALUES (?, ?, ?, ?, ?, ?)", ments)
            n_sent += len(sents)
            n_ment += len(ments)
        with store.transaction():
            conn.execute("UPDATE entities SET n_mentions ="
                         " (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = entities.id)")
    return {"sentences": n_sent, "mentions": n_ment, "seconds": time.perf_counter() - t0}


class CachedEmbedder:
    """The static model with a text -> vector cache (synthetic articles repeat sentences)."""

    def __init__(self, model: str) -> None:
        from storyline.stories.embed import Embedder

        self.inner = Embedder.get(model)
        self.cache: dict[str, Any] = {}

    def encode(self, texts: list[str]) -> Any:
        import numpy as np

        new = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if new:
            for t, v in zip(new, self.inner.encode(new)):
                self.cache[t] = v
        return np.stack([self.cache[t] for t in texts]) if texts else np.zeros((0, 0), np.float32)


def embedding_rate(db: Path, model: str, n_articles: int = 300) -> dict[str, float]:
    """Uncached embedding speed on a sample: sentences per second of the model itself."""
    from storyline.stories.embed import Embedder

    with SearchStore(db, readonly=True) as store:
        ids = store.all_ids()[:n_articles]
        texts = [s.text for i in ids for s in store.sentences_of(i)]
    emb = Embedder.get(model)
    t0 = time.perf_counter()
    emb.encode(texts)
    dt = time.perf_counter() - t0
    return {"sentences": len(texts), "sentences_per_s": len(texts) / dt}


def build_store(n: int, data: Path | None, cache: Path, *, rebuild: bool = False,
                model: str = "static") -> tuple[Path, dict[str, Any]]:
    """The cached store of ``n`` synthetic articles, built if missing; (path, build figures)."""
    db = cache / f"serve-{n}.db"
    marker = cache / f"serve-{n}.json"
    if not rebuild and db.exists() and marker.exists():
        info = json.loads(marker.read_text())
        if info.get("version") == BUILD_VERSION:
            info["cached"] = True
            return db, info
    cache.mkdir(parents=True, exist_ok=True)
    for p in cache.glob(f"serve-{n}.db*"):
        p.unlink()
    corpus = cache / f"corpus-{n}"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir()
    pool = _ingest_module().sentence_pool(data)
    info: dict[str, Any] = {"version": BUILD_VERSION, "n": n, "pool_articles": len(pool)}
    t0 = time.perf_counter()
    write_corpus(n, pool, corpus)
    info["write_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "storyline", "--db", str(db), "ingest",
                           str(corpus), "--no-analyze", "--no-progress", "--json"],
                          capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 3):
        raise SystemExit(f"ingest failed: {proc.stderr[-2000:]}")
    info["ingest_s"] = time.perf_counter() - t0
    info["ingest"] = {k: v for k, v in json.loads(proc.stdout).items()
                      if k in ("articles_added", "duplicate_links", "quarantined")}
    info["analysis_stand_in"] = cheap_analysis(db, gazetteer(pool))

    t0 = time.perf_counter()
    with SearchStore(db) as store:
        info["embedded"] = index_embeddings(store, model=model, embedder=CachedEmbedder(model))
    info["embed_s"] = time.perf_counter() - t0
    info["embedding_rate_uncached"] = embedding_rate(db, model)
    t0 = time.perf_counter()
    with SearchStore(db) as store:
        store.optimize_search()
    info["fts_optimize_s"] = time.perf_counter() - t0
    with sqlite3.connect(db) as conn:  # fold the WAL in, so the file size is the store's size
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.rmtree(corpus, ignore_errors=True)
    marker.write_text(json.dumps(info, indent=2))
    info["cached"] = False
    return db, info


# -- measuring -----------------------------------------------------------------------------------

def make_queries(db: Path, n: int, seed: int = 5) -> list[dict[str, Any]]:
    """~n query specs: text, mode, kind and filters, reproducible from ``seed``."""
    rng = random.Random(seed)
    with SearchStore(db, readonly=True) as store:
        conn = store._conn
        max_pk = conn.execute("SELECT MAX(pk) FROM articles").fetchone()[0]
        sample = []
        while len(sample) < n:
            pk = rng.randint(1, max_pk)
            row = conn.execute("SELECT s.start, s.\"end\", t.clean_text FROM sentences s JOIN"
                               " article_texts t ON t.pk = s.pk WHERE s.pk = ? LIMIT 1 OFFSET ?",
                               (pk, rng.randint(0, 5))).fetchone()
            if row:
                sample.append(row[2][row[0]:row[1]])
        outlets = [r[0] for r in conn.execute(
            "SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet"
            " ORDER BY COUNT(*) DESC LIMIT 40")]
        entities = [r[0] for r in conn.execute(
            "SELECT name FROM entities ORDER BY n_mentions DESC LIMIT 60")]
        story_seed = rng.randint(1, max(1, max_pk - 100))
        story = [r[0] for r in conn.execute(
            "SELECT id FROM articles WHERE pk >= ? ORDER BY pk LIMIT 50", (story_seed,))]
    specs: list[dict[str, Any]] = []
    for i, sent in enumerate(sample):
        words = [w for w in WORD.findall(sent) if len(w) > 3 and w not in STOP]
        if len(words) < 3:
            continue
        if i % 2 == 0:  # a searcher's few keywords
            text = " ".join(rng.sample(words, min(len(words), rng.choice((2, 2, 3)))))
        else:  # a half-remembered sentence: a span with words dropped
            start = rng.randrange(max(1, len(words) - 6))
            span = words[start:start + rng.randint(5, 8)]
            text = " ".join(w for w in span if rng.random() > 0.25) or span[0]
        flt: dict[str, Any] = {}
        roll = rng.random()
        if roll < 0.15:
            flt["outlet"] = rng.choice(outlets)
        elif roll < 0.30:
            year = rng.randint(2000, 2023)
            flt["since"], flt["until"] = f"{year}-{rng.randint(1, 6):02d}", f"{year + 1}"
        elif roll < 0.40:
            flt["entity"] = rng.choice(entities)
        elif roll < 0.50:
            flt["story"] = story
        specs.append({"query": text, "filters": flt})
    return specs


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def search_latency(db: Path, specs: list[dict[str, Any]]) -> dict[str, Any]:
    """p50/p95 of search() per mode x kind, and with/without filters, in milliseconds."""
    out: dict[str, Any] = {}
    with SearchStore(db, readonly=True) as store:
        t0 = time.perf_counter()
        search(store, "warm up the vector matrix", mode="semantic", limit=10)
        out["first_call_ms"] = (time.perf_counter() - t0) * 1000
        groups: dict[str, list[float]] = {}
        cpu: dict[str, list[float]] = {}
        hits_found = 0
        for mode in ("keyword", "semantic", "hybrid"):
            for kind in ("sentences", "articles"):
                for spec in specs:
                    t0, c0 = time.perf_counter(), time.thread_time()
                    hits = search(store, spec["query"], mode=mode, kind=kind, limit=10,
                                  **spec["filters"])
                    ms = (time.perf_counter() - t0) * 1000
                    cpu_ms = (time.thread_time() - c0) * 1000
                    hits_found += bool(hits)
                    for key in (f"{mode}/{kind}", f"{mode}/{kind}/"
                                + ("filtered" if spec["filters"] else "unfiltered"), "all"):
                        groups.setdefault(key, []).append(ms)
                        cpu.setdefault(key, []).append(cpu_ms)
        out["queries"] = len(specs)
        out["calls"] = len(groups["all"])
        out["calls_with_hits"] = hits_found
        out["ms"] = {k: {"n": len(v), "p50": round(statistics.median(v), 2),
                         "p95": round(_pct(v, 95), 2), "max": round(max(v), 2),
                         "cpu_p50": round(statistics.median(cpu[k]), 2),
                         "cpu_p95": round(_pct(cpu[k], 95), 2)}
                     for k, v in sorted(groups.items())}
    return out


def add_seed_story(db: Path) -> tuple[str, dict[str, Any]]:
    """The example corpus ingested into the big store with the full analysis and stories, as
    `storyline ingest` does (only its 5 articles are analysed: the synthetic ones stay as built).
    Idempotent: a second run finds the story already there. Returns (story id, figures)."""
    from storyline.analyze import Analyzer
    from storyline.config import Settings
    from storyline.pipeline import IngestRunner
    from storyline.stories.runner import StoryRunner

    folder = ROOT / "examples" / "russia-turkey"
    settings = Settings()
    info: dict[str, Any] = {}
    with Store(db) as store:
        t0 = time.perf_counter()
        IngestRunner(store, settings, workers=1).run([folder], argv=["bench", "serve"])
        ids = [r[0] for r in store._conn.execute(
            "SELECT id FROM articles WHERE origin LIKE ? ORDER BY pk", (f"{folder}%",))]
        analyzer = Analyzer(store, settings)
        have = {r[0] for r in store._conn.execute(
            "SELECT a.id FROM articles a JOIN analyses n ON n.pk = a.pk WHERE a.origin LIKE ?",
            (f"{folder}%",))}
        todo = [i for i in ids if i not in have]
        if todo:
            analyzer.run(todo)
            index_embeddings(store, todo, model=settings.search_embedder)
        report = StoryRunner(store, settings).update()
        info["seconds"] = round(time.perf_counter() - t0, 1)
        info["stories_touched"] = report.stories_touched
        sid = store._conn.execute(
            "SELECT m.story_id FROM story_members m JOIN articles a ON a.pk = m.pk"
            " WHERE a.id = ?", (ids[0],)).fetchone()[0]
    return sid, info


def story_page(db: Path, story_id: str, repeat: int = 30) -> dict[str, Any]:
    """Server time of GET /api/stories/{id} (everything the story page shows) through the real
    app in this process: the first request of a fresh server, then ``repeat`` requests with the
    result cache emptied before each (what a visit costs when the view is not in memory: store
    reads, the stored summary and timeline, coverage, quotes, JSON), then ``repeat`` cached ones."""
    from fastapi.testclient import TestClient

    from storyline.web.app import create_app

    app = create_app(db)
    out: dict[str, Any] = {"story": story_id}
    with TestClient(app) as client:
        t0 = time.perf_counter()
        r = client.get(f"/api/stories/{story_id}")
        out["first_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        if r.status_code != 200:
            raise SystemExit(f"story page failed: {r.status_code} {r.text[:500]}")
        body = r.json()
        out["bytes"] = len(r.content)
        out["summary_sentences"] = len(body.get("summary", {}).get("sentences", []))
        out["timeline_entries"] = len(body.get("timeline", {}).get("entries", []))
        uncached, cached = [], []
        for _ in range(repeat):
            app.state.cache._items.clear()
            t0 = time.perf_counter()
            client.get(f"/api/stories/{story_id}")
            uncached.append((time.perf_counter() - t0) * 1000)
        for _ in range(repeat):
            t0 = time.perf_counter()
            client.get(f"/api/stories/{story_id}")
            cached.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        client.get("/api/stories")
        out["list_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    for name, xs in (("uncached", uncached), ("cached", cached)):
        out[name] = {"p50": round(statistics.median(xs), 1), "p95": round(_pct(xs, 95), 1)}
    return out


def store_size(db: Path) -> dict[str, Any]:
    """Bytes of the store file (+ WAL), and per table when SQLite's dbstat is compiled in."""
    sizes = {"file_mb": round(db.stat().st_size / 1e6, 1)}
    wal = db.with_name(db.name + "-wal")
    if wal.exists():
        sizes["wal_mb"] = round(wal.stat().st_size / 1e6, 1)
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            rows = conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"
                                " ORDER BY 2 DESC").fetchall()
        groups: Counter[str] = Counter()
        for name, size in rows:
            key = ("article_fts" if name.startswith("article_fts") else
                   "sentence_fts" if name.startswith("sentence_fts") else name)
            groups[key] += size
        sizes["tables_mb"] = {k: round(v / 1e6, 1) for k, v in groups.most_common(12)}
    except sqlite3.Error:
        pass
    return sizes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, help="DUC 2004 folder: a larger pool of real sentences")
    ap.add_argument("--n", type=int, default=100_000, help="articles in the store")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/storyline-bench-serve"))
    ap.add_argument("--rebuild", action="store_true", help="build the store even if cached")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    db, build = build_store(args.n, args.data, args.cache, rebuild=args.rebuild)
    specs = make_queries(db, args.queries)
    latency = search_latency(db, specs)
    story_id, added = add_seed_story(db)
    page = story_page(db, story_id)
    page["seed_ingest"] = added
    size = store_size(db)
    report = {"build": build, "search": latency, "story_page": page, "size": size}
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"store: {args.n} articles ({'cached' if build.get('cached') else 'built'}) at {db}")
    if "analysis_stand_in" in build:
        print(f"  build: ingest --no-analyze {build.get('ingest_s', 0):.0f}s, "
              f"sentences+gazetteer {build['analysis_stand_in']['seconds']:.0f}s "
              f"({build['analysis_stand_in']['sentences']} sentences), "
              f"vectors {build.get('embed_s', 0):.0f}s (text cache on); uncached model rate "
              f"{build['embedding_rate_uncached']['sentences_per_s']:.0f} sentences/s; FTS5 optimize "
              f"{build.get('fts_optimize_s', 0):.0f}s")
    print(f"size: {size['file_mb']} MB; " + ", ".join(
        f"{k} {v}" for k, v in size.get("tables_mb", {}).items()))
    print(f"search: {latency['queries']} queries x 3 modes x 2 kinds = {latency['calls']} calls "
          f"({latency['calls_with_hits']} with hits); first call {latency['first_call_ms']:.0f} ms")
    for key, v in latency["ms"].items():
        print(f"  {key:32s} n={v['n']:4d}  wall p50 {v['p50']:7.2f} p95 {v['p95']:7.2f}"
              f" max {v['max']:7.1f} ms | CPU p50 {v['cpu_p50']:6.2f} p95 {v['cpu_p95']:6.2f} ms")
    print(f"story page (GET /api/stories/{page['story']}, {page['bytes']} bytes, "
          f"{page['summary_sentences']} summary sentences, {page['timeline_entries']} timeline "
          f"entries): first request of a fresh server {page['first_ms']:.0f} ms; not in memory "
          f"p50 {page['uncached']['p50']:.0f} / p95 {page['uncached']['p95']:.0f} ms; cached "
          f"p50 {page['cached']['p50']:.1f} / p95 {page['cached']['p95']:.1f} ms; story list "
          f"{page['list_ms']:.0f} ms (seed story added in {added['seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
