#!/usr/bin/env python3
"""Story clustering: Storyline next to a plain baseline, in one run; and incremental speed.

    python bench/stories.py --data ../shared/eval [--out DIR] [--embedder minilm|static]
    python bench/stories.py --speed 100000 [--data ../shared/eval]

Quality (``--data`` is the folder holding both data sets, or one of them):
- duc2004_task2: the 250 articles of its 25 topics shuffled into one pile (seeded); story = topic.
- ecbplus_cybulska_setup: ECB+ train + dev (topics 1-35); each document is rebuilt from the token
  files (one sentence a line); story = topic + subtopic (doc ids ``N_Mecb`` vs ``N_Mecbplus`` are
  two different seminal events of the same kind, e.g. two earthquakes).
Every article goes through Storyline's real stages: prepare_doc/build_article (cleaning), then
analyse_batch (NER, canonical entities, time, publication dates), then story features and
``cluster`` with the default Settings, one configuration for every corpus (its defaults were tuned
jointly on these two data sets: they are dev sets, not held-out tests). The analysis output and the
story features are cached under /tmp/storyline-bench-stories (keyed by the texts, ANALYSIS_VERSION,
the embedder and features.py).

Baseline: TF-IDF (scikit-learn, sublinear tf, English stop words) + average-link agglomerative
clustering on cosine distance, its threshold swept on the very data it is scored on (its best
threshold is reported: an upper bound for the baseline). Metrics: B-cubed precision, recall and F1
(per article, averaged over articles) and V-measure (scikit-learn). ``--out DIR`` writes
``DIR/<dataset>.assignments.json``: article id -> gold story and each system's cluster.

"storyline incremental" is the path ``storyline ingest`` takes: a StoryIndex given the articles
one by one in the (shuffled) arrival order, with the stored features at hand (while small, the
index re-clusters itself as it grows: StoryParams.settle_*); its mean and worst B3 F1 over
``--orders`` other arrival orders are printed under the table. When one text is filed under
two gold stories (DUC 2004 holds two articles each copied into two topics), no clustering can be
perfect: the best reachable B3 F1 is printed under the table.

Speed (``--speed N``): N stored articles (real texts of the data sets, expanded synthetically:
each copy gets its own entity ids, dates and a perturbed vector so that they form ~N/5 stories),
added one by one to a StoryIndex; reports articles/s over the last batch of arrivals and the
peak RSS of the process. Features are computed beforehand ("once articles are analysed").
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import resource
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.analyze import ANALYSIS_VERSION, analyse_batch
from storyline.config import Settings
from storyline.prepare import build_article, prepare_doc
from storyline.records import Article, SourceDoc

CACHE = Path("/tmp/storyline-bench-stories")
ECB_DIR = "data/interim/cybulska_setup"


# --- data ------------------------------------------------------------------------------------

def load_duc(folder: Path) -> list[tuple[str, str, str | None, str]]:
    """(id, text, title, gold story) for the 250 DUC articles, shuffled with a fixed seed."""
    rows = []
    for line in (folder / "duc2004_task2.jsonl").read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        for d in obj["docs"]:
            rows.append((f"{obj['topic']}/{d['name']}", d["text"], None, obj["topic"]))
    random.Random(2004).shuffle(rows)
    return rows


def load_ecb(folder: Path) -> list[tuple[str, str, str | None, str]]:
    """(id, text, title, gold story) for ECB+ train + dev; the text is rebuilt from the tokens."""
    no_space_before = {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "n't", "'re", "'ve",
                       "'ll", "'d", "'m", "''"}
    no_space_after = {"(", "[", "{", "$", "``"}
    docs: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for split in ("Train", "Dev"):
        for line in (folder / ECB_DIR / f"ECB_{split}_corpus.txt").read_text(
                encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) < 4:
                continue
            docs[cols[0]][int(cols[1])].append(cols[3])
    rows = []
    for doc_id in sorted(docs, key=lambda d: (int(d.split("_")[0]), d)):
        lines = []
        for sid in sorted(docs[doc_id]):
            out, prev = [], None
            for tok in docs[doc_id][sid]:
                tok = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}.get(tok, tok)
                if prev is not None and tok not in no_space_before and prev not in no_space_after:
                    out.append(" ")
                out.append(tok)
                prev = tok
            lines.append("".join(out))
        topic = doc_id.split("_")[0]
        sub = "ecbplus" if doc_id.endswith("ecbplus") else "ecb"
        rows.append((doc_id, "\n".join(lines), None, f"{topic}_{sub}"))
    random.Random(45).shuffle(rows)
    return rows


DATASETS = {"duc2004_task2": load_duc, "ecbplus_cybulska_setup": load_ecb}


def find_datasets(data: Path) -> dict[str, Path]:
    if data.name in DATASETS:
        return {data.name: data}
    return {name: data / name for name in DATASETS if (data / name).exists()}


def build_articles(rows: list[tuple[str, str, str | None, str]]) -> list[Article]:
    settings = Settings()
    out = []
    for doc_id, text, title, _ in rows:
        doc = SourceDoc(origin=doc_id, format="jsonl", text=text, title=title, given_id=doc_id)
        p = prepare_doc(doc, settings)
        out.append(build_article(doc, p.cleaned, doc_id))
    return out


def analyse_cached(name: str, articles: list[Article]) -> list:
    key = hashlib.sha256(("\x00".join(a.id + "\x01" + a.clean_text
                                      + (f"\x02{a.published}" if a.published else "")
                                      for a in articles)
                          + ANALYSIS_VERSION).encode()).hexdigest()[:16]
    path = CACHE / f"{name}-{key}.analysis.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    from storyline.nlp.ner import EntityTagger

    t0 = time.perf_counter()
    analyses, _, _ = analyse_batch(articles, EntityTagger(), today=date(2026, 1, 1))
    print(f"  analysed {len(articles)} articles in {time.perf_counter() - t0:.0f}s "
          f"(cached in {path})", file=sys.stderr)
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(analyses))
    return analyses


# --- metrics ---------------------------------------------------------------------------------

def bcubed(gold: list[str], pred: list[str]) -> tuple[float, float, float]:
    n = len(gold)
    if not n:
        return 1.0, 1.0, 1.0
    pair = Counter(zip(gold, pred))
    g_size, p_size = Counter(gold), Counter(pred)
    p = sum(pair[(g, c)] / p_size[c] for g, c in zip(gold, pred)) / n
    r = sum(pair[(g, c)] / g_size[g] for g, c in zip(gold, pred)) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ceiling(texts: list[str], gold: list[str]) -> tuple[float, int]:
    """The best B-cubed F1 any clustering can reach when identical texts must share a cluster
    (features of one text are one point: no deterministic system tells copies apart), and the
    number of such texts filed under more than one gold story."""
    copies: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(texts):
        copies[" ".join(t.split())].append(i)
    torn = [ix for ix in copies.values() if len({gold[i] for i in ix}) > 1]
    best = list(gold)
    if not torn:
        return 1.0, 0
    # Each torn group goes wholly to one of its gold stories; greedy, group by group, twice over.
    for _ in range(2):
        for ix in torn:
            options = sorted({gold[i] for i in ix})
            scores = []
            for g in options:
                trial = list(best)
                for i in ix:
                    trial[i] = g
                scores.append((bcubed(gold, trial)[2], g))
            pick = max(scores)[1]
            for i in ix:
                best[i] = pick
    return bcubed(gold, best)[2], len(torn)


def labels_of(clusters: list[list[str]], ids: list[str]) -> list[str]:
    where = {a: f"s{k}" for k, c in enumerate(clusters) for a in c}
    return [where[i] for i in ids]


# --- baseline --------------------------------------------------------------------------------

def baseline(texts: list[str], gold: list[str]) -> tuple[list[str], float, tuple[float, float, float]]:
    """TF-IDF + average-link agglomerative (cosine) at its best threshold on this very data."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts).toarray()
    best: tuple[float, list[str], float] | None = None
    for t in np.arange(0.30, 1.0, 0.01):
        labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                         distance_threshold=float(t)).fit_predict(x)
        pred = [str(v) for v in labels]
        f = bcubed(gold, pred)[2]
        if best is None or f > best[0]:
            best = (f, pred, float(t))
    assert best is not None
    return best[1], best[2], bcubed(gold, best[1])


# --- runs ------------------------------------------------------------------------------------

def features_for(name: str, folder: Path, embedder_kind: str):
    import storyline.stories.features as features_module
    from storyline.stories import Embedder, story_features_batch

    rows = DATASETS[name](folder)
    articles = build_articles(rows)
    analyses = analyse_cached(name, articles)
    # Features are cached too (keyed by the texts, the analysis version, the embedder and the
    # source of features.py), so a clustering experiment takes seconds.
    code = Path(features_module.__file__).read_bytes()
    key = hashlib.sha256(("\x00".join(a.id + "\x01" + a.clean_text
                                      + (f"\x02{a.published}" if a.published else "")
                                      for a in articles)
                          + ANALYSIS_VERSION + embedder_kind).encode() + code).hexdigest()[:16]
    path = CACHE / f"{name}-{key}.features.pkl"
    if path.exists():
        feats, secs = pickle.loads(path.read_bytes())
        return rows, articles, feats, secs
    t0 = time.perf_counter()
    feats = story_features_batch(articles, Embedder.get(embedder_kind), analyses)
    secs = time.perf_counter() - t0
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps((feats, secs)))
    return rows, articles, feats, secs


def quality(args: argparse.Namespace) -> int:
    from sklearn.metrics import v_measure_score

    from storyline.stories import StoryIndex, cluster

    settings = Settings()
    if args.embedder:
        settings = settings.override(story_embedder=args.embedder)
    table = []
    ceilings: list[tuple[str, float, int]] = []
    orders_note: list[str] = []
    for name, folder in find_datasets(args.data).items():
        print(f"{name}: loading and analysing ...", file=sys.stderr)
        rows, articles, feats, feat_s = features_for(name, folder, settings.story_embedder)
        ids = [r[0] for r in rows]
        gold = [r[3] for r in rows]
        t0 = time.perf_counter()
        clusters = cluster(feats, settings)
        clu_s = time.perf_counter() - t0
        ours = labels_of(clusters, ids)
        # What ``storyline ingest`` does: one article at a time, in arrival order (the shuffle),
        # the stored features at hand (the index re-clusters itself while small).
        by_id = {f.article_id: f for f in feats}

        def lookup(wanted):
            return [by_id[a] for a in wanted]

        t0, c0 = time.perf_counter(), time.process_time()
        online = StoryIndex(settings, lookup=lookup)
        online.extend(feats)
        inc_s, inc_cpu = time.perf_counter() - t0, time.process_time() - c0
        incremental = labels_of(online.stories(), ids)
        # Other arrival orders: mean and worst B3 F1 over ``--orders`` shuffles.
        order_f1 = []
        for seed in range(args.orders):
            shuffled = list(feats)
            random.Random(seed).shuffle(shuffled)
            other = StoryIndex(settings, lookup=lookup)
            other.extend(shuffled)
            order_f1.append(bcubed(gold, labels_of(other.stories(), ids))[2])
        if order_f1:
            orders_note.append(f"{name}: incremental over {len(order_f1)} arrival orders: B3 F1 "
                               f"mean {np.mean(order_f1):.3f}, min {min(order_f1):.3f}")
        base, thr, _ = baseline([a.clean_text for a in articles], gold)
        top, torn = ceiling([a.clean_text for a in articles], gold)
        ceilings.append((name, top, torn))
        for system, pred, note in (("storyline", ours, f"defaults, features {feat_s:.1f}s, "
                                    f"cluster {clu_s:.2f}s"),
                                   ("storyline incremental", incremental,
                                    f"one by one in arrival order, {inc_s:.2f}s "
                                    f"({inc_cpu:.2f}s CPU), {online.settles} re-clusters"),
                                   ("tfidf+agglo (tuned)", base, f"best threshold {thr:.2f}")):
            p, r, f = bcubed(gold, pred)
            v = v_measure_score(gold, pred)
            table.append((name, system, p, r, f, v, len(set(pred)), len(set(gold)), note))
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{name}.assignments.json").write_text(json.dumps(
                {i: {"gold": g, "storyline": o, "baseline": b, "incremental": n}
                 for i, g, o, b, n in zip(ids, gold, ours, base, incremental)}, indent=1),
                encoding="utf-8")
    print(f"embedder: {settings.story_embedder}  granularity: {settings.story_granularity}")
    print(f"{'data set':24} {'system':21} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'V':>6} "
          f"{'#pred':>5} {'#gold':>5}  note")
    for name, system, p, r, f, v, npred, ngold, note in table:
        print(f"{name:24} {system:21} {p:6.3f} {r:6.3f} {f:6.3f} {v:6.3f} {npred:5d} {ngold:5d}"
              f"  {note}")
    for line in orders_note:
        print(line)
    for name, top, torn in ceilings:
        if torn:
            print(f"{name}: {torn} text(s) filed under two gold stories; best reachable B3 F1 "
                  f"{top:.3f}")
    return 0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def speed(args: argparse.Namespace) -> int:
    from storyline.stories import StoryFeatures, StoryIndex

    settings = Settings()
    rng = np.random.default_rng(7)
    # Real features when the data is there, else random vectors (same shapes).
    base: list[StoryFeatures] = []
    if args.data:
        for name, folder in find_datasets(args.data).items():
            base += features_for(name, folder, settings.story_embedder)[2]
    if not base:
        raise SystemExit("--speed needs --data (real texts to expand)")
    n = args.speed
    per_story = 5

    dim = base[0].vector.shape[0]

    def synthetic(k: int) -> StoryFeatures:
        # A synthetic story is one real article told again about other people and places: its
        # entities and about half of its words (the rarer, story-specific ones, picked by a hash)
        # are its own, and its vector is pulled towards a direction of its own. Without that,
        # copies of one article would be one story, not N/5 of them.
        story = k // per_story
        src = base[story % len(base)]
        srng = np.random.default_rng(story)
        own = srng.normal(0, 1, dim).astype(np.float32)
        own /= np.linalg.norm(own)
        v = 0.6 * src.vector + 0.8 * own + rng.normal(0, 0.02, dim).astype(np.float32)
        v /= np.linalg.norm(v)
        ents = {f"{e}#{story}": w for e, w in src.entities.items()}
        terms = {(f"{t}~{story}" if hashlib.blake2b(f"{t}/{story}".encode(), digest_size=1
                                                    ).digest()[0] < 128 else t): w
                 for t, w in src.terms.items()}
        day = date(2000, 1, 1).toordinal() + (story * 3) % 9000 + k % per_story
        return StoryFeatures(f"syn{k}", v, terms, ents, date.fromordinal(day).isoformat(),
                             "published")

    order = list(range(n))
    # The index re-clusters itself while small (StoryParams.settle_max): it gets the features
    # it asks for, as the store would give them.
    kept: dict[str, StoryFeatures] = {}

    def lookup(wanted):
        return [kept[a] for a in wanted if a in kept]

    index = StoryIndex(settings, lookup=lookup)
    settle_max = index.params.settle_max
    t0, c0 = time.perf_counter(), time.process_time()
    tail = min(5000, n // 10 or n)
    for k in order[:n - tail]:
        f = synthetic(k)
        if k <= settle_max:
            kept[f.article_id] = f
        index.add(f)
    warm_s, warm_cpu = time.perf_counter() - t0, time.process_time() - c0
    batch = [synthetic(k) for k in order[n - tail:]]
    # The machine is shared: CPU time next to wall time tells our cost from our neighbours' load.
    t1, c1 = time.perf_counter(), time.process_time()
    for f in batch:
        index.add(f)
    tail_s, tail_cpu = time.perf_counter() - t1, time.process_time() - c1
    print(f"stored articles: {n - tail}, stories: {index.n_stories} (planted: {n // per_story}), "
          f"{index.settles} re-clusters while small")
    print(f"first {n - tail} added in {warm_s:.1f}s wall, {warm_cpu:.1f}s CPU "
          f"({(n - tail) / warm_s:.0f} articles/s wall, {(n - tail) / warm_cpu:.0f} per CPU s)")
    print(f"next {tail} added with {n - tail} stored: {tail_s:.2f}s wall, {tail_cpu:.2f}s CPU "
          f"= {tail / tail_s:.0f} articles/s wall, {tail / tail_cpu:.0f} per CPU s (goal >= 500)")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--embedder", choices=("minilm", "static"))
    ap.add_argument("--speed", type=int, help="incremental speed with N stored articles")
    ap.add_argument("--orders", type=int, default=10,
                    help="arrival orders (seeded shuffles) the incremental path is also run in")
    args = ap.parse_args()
    return speed(args) if args.speed else quality(args)


if __name__ == "__main__":
    sys.exit(main())
