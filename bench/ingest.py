#!/usr/bin/env python3
"""Ingest throughput and peak memory: read + clean + duplicate-link + store N synthetic articles.

    python bench/ingest.py --n 10000 [--data ../shared/eval/duc2004_task2] [--keep DIR]

Synthetic articles are built from real text: sentences of real news articles (the example corpus,
plus the DUC 2004 documents when --data is given) recombined into new articles with headlines,
boilerplate lines (paywall, share, captions), 10% wire copies of earlier articles with other
boilerplate, and 3% exact copies. They are written as JSONL (60%), .txt (30%) and .html (10%) files,
then ingested by a child `storyline ingest` process whose wall time and peak RSS are reported.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
BOILERPLATE = [
    "You've read  of  free articles. Subscribe to continue.",
    "Share this article", "Sign up for our daily newsletter", "Leave a Reply",
    "You must be logged in to post a comment.", "Photo: Reuters", "(Photo: AFP)",
    "By using Yahoo you agree that Yahoo and partners may use Cookies for personalisation and other purposes",
]


def sentence_pool(data: Path | None) -> list[list[str]]:
    """Real articles as lists of sentences."""
    docs: list[str] = []
    for path in sorted((ROOT / "examples").rglob("*.txt")):
        docs.append(path.read_text(encoding="utf-8"))
    if data and (data / "duc2004_task2.jsonl").exists():
        for line in (data / "duc2004_task2.jsonl").read_text(encoding="utf-8").splitlines():
            docs.extend(d["text"] for d in json.loads(line)["docs"])
    pool = []
    for text in docs:
        sents = [s.strip() for s in SENTENCE.split(" ".join(text.split())) if len(s.split()) >= 6]
        if len(sents) >= 5:
            pool.append(sents)
    return pool


def synthesize(n: int, pool: list[list[str]], seed: int = 7) -> list[tuple[str, str, str]]:
    """(kind, title, body) triples; kind is 'new', 'wire' or 'exact'."""
    rng = random.Random(seed)
    out: list[tuple[str, str, str]] = []
    for i in range(n):
        roll = rng.random()
        if out and roll < 0.03:
            k, t, b = out[rng.randrange(len(out))]
            out.append(("exact", t, b))
            continue
        if out and roll < 0.13:
            _, t, b = out[rng.randrange(len(out))]
            lines = b.split("\n\n")
            lines = [ln for ln in lines if ln not in BOILERPLATE]
            lines.append(rng.choice(BOILERPLATE))
            out.append(("wire", f"{t} ({rng.choice(['AP', 'Reuters', 'AFP'])})", "\n\n".join(lines)))
            continue
        base = pool[rng.randrange(len(pool))]
        start = rng.randrange(max(1, len(base) - 4))
        body = base[start:start + rng.randint(6, 18)]
        body += [rng.choice(rng.choice(pool)) for _ in range(rng.randint(3, 10))]
        body = [re.sub(r"\b\d+\b", lambda m: str(rng.randint(2, 999)), s) for s in body]
        paras = [" ".join(body[j:j + 3]) for j in range(0, len(body), 3)]
        paras.insert(rng.randint(0, len(paras)), rng.choice(BOILERPLATE))
        title = f"{' '.join(body[0].split()[:9]).rstrip(',.')} #{i}"
        out.append(("new", title, "\n\n".join(paras)))
    return out


def write_corpus(items: list[tuple[str, str, str]], folder: Path, seed: int = 7) -> None:
    rng = random.Random(seed)
    jsonl: list[str] = []
    for i, (_, title, body) in enumerate(items):
        roll = rng.random()
        if roll < 0.6:
            jsonl.append(json.dumps({"url": f"https://news{i % 40}.example.com/a/{i}", "title": title,
                                     "text": body, "source": f"Outlet {i % 40}"}))
            if len(jsonl) == 500:
                (folder / f"batch-{i:07d}.jsonl").write_text("\n".join(jsonl) + "\n", encoding="utf-8")
                jsonl = []
        elif roll < 0.9:
            sub = folder / f"txt{i // 5000:03d}"
            sub.mkdir(exist_ok=True)
            (sub / f"{i:07d}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        else:
            paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in body.split("\n\n"))
            page = (f"<html><head><title>{html.escape(title)}</title></head><body>"
                    f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
                    f"<article><h1>{html.escape(title)}</h1>{paras}</article>"
                    f"<footer>Copyright Example News. All rights reserved.</footer></body></html>")
            sub = folder / f"html{i // 5000:03d}"
            sub.mkdir(exist_ok=True)
            (sub / f"{i:07d}.html").write_text(page, encoding="utf-8")
    if jsonl:
        (folder / "batch-last.jsonl").write_text("\n".join(jsonl) + "\n", encoding="utf-8")


def tree_rss(proc: psutil.Process) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    total = 0
    try:
        for p in [proc, *proc.children(recursive=True)]:
            total += p.memory_info().rss
    except psutil.Error:
        pass
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--data", type=Path, help="DUC 2004 folder, for a larger pool of real sentences")
    ap.add_argument("--keep", type=Path, help="keep the corpus and store in this folder")
    args = ap.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="storyline-bench-"))
    corpus, db = work / "corpus", work / "bench.db"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    for p in work.glob("bench.db*"):
        p.unlink()
    pool = sentence_pool(args.data)
    items = synthesize(args.n, pool)
    write_corpus(items, corpus)
    n_files = sum(1 for p in corpus.rglob("*") if p.is_file())
    print(f"corpus: {args.n} articles in {n_files} files from a pool of {len(pool)} real articles "
          f"({sum(k == 'wire' for k, _, _ in items)} wire copies, {sum(k == 'exact' for k, _, _ in items)} exact copies)")

    cmd = [sys.executable, "-m", "storyline", "--db", str(db), "ingest", str(corpus), "--json", "--no-progress", "--no-analyze"]
    t0 = time.perf_counter()
    out_path = work / "report.json"
    with out_path.open("w") as out, open(work / "stderr.txt", "w") as err:
        proc = psutil.Popen(cmd, stdout=out, stderr=err)
        tree_peak = 0
        while proc.poll() is None:
            tree_peak = max(tree_peak, tree_rss(proc))
            time.sleep(0.2)
    wall = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if proc.returncode not in (0, 3):
        print((work / "stderr.txt").read_text(), file=sys.stderr)
        return 1
    report = json.loads(out_path.read_text())
    stored = report["articles_added"] + report["articles_already_stored"] + report["inputs_already_seen"]
    print(f"ingest: {report['articles_added']} stored, {report['articles_already_stored']} exact re-sends skipped, "
          f"{report['inputs_already_seen']} identical files skipped, "
          f"{report['duplicate_links']} duplicate links, {report['quarantined']} quarantined")
    print(f"throughput: {stored / wall:.0f} articles/s (wall {wall:.1f}s incl. start-up, 2 cores); "
          f"peak RSS {peak_mb:.0f} MB (one process), {tree_peak / 2**20:.0f} MB (main + workers); store {db.stat().st_size / 1e6:.0f} MB")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
