#!/usr/bin/env python3
"""Main-text extraction quality on the Zyte/ScrapingHub article extraction benchmark.

    python bench/extract.py --data ../shared/eval/article_extraction_benchmark_scrapinghub [--out DIR]

Scores, in one run and with one scorer, Storyline's HTML reader (trafilatura inside) alone, Storyline's
reader followed by its cleaner, and the benchmark's stored outputs of other extractors. The scorer
follows the benchmark's evaluate.py as its README describes it: per page, counts of shared 4-gram
shingles of \\w+ tokens give TP/FP/FN normalised to sum 1; precision and recall are averaged over
pages and F1 is computed from the averages. The token-level (1-gram) variant is printed beside it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from storyline.clean.cleaner import clean
from storyline.ingest.readers import extract_html

PUBLISHED = {"trafilatura 2.0.0 (published)": 0.958, "rs_trafilatura (published)": 0.970,
             "readability_js (published)": 0.947}
TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def tp_fp_fn(true: str, pred: str, n: int) -> tuple[float, float, float]:
    t, p = shingles(true, n), shingles(pred, n)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def score(pairs: list[tuple[str, str]], n: int) -> dict[str, float]:
    counts = [tp_fp_fn(t, p, n) for t, p in pairs]

    def prec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def rec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean(prec(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(rec(*c) for c in counts if c[0] + c[2] > 0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def load_output(path: Path) -> dict[str, dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data.get("output", data) if isinstance(data, dict) and "output" in data else data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path, help="write Storyline's extracted bodies here as JSON")
    ap.add_argument("--limit", type=int, help="only the first N pages (quick look)")
    args = ap.parse_args()

    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[: args.limit] if args.limit else sorted(truth)
    reader_out: dict[str, str] = {}
    cleaned_out: dict[str, str] = {}
    t0 = time.perf_counter()
    for i, key in enumerate(ids):
        html = gzip.decompress((args.data / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        doc = extract_html(html, truth[key].get("url"))
        reader_out[key] = doc.text if doc else ""
        cleaned_out[key] = clean(doc).text if doc else ""
        if (i + 1) % 50 == 0:
            print(f"  {i + 1}/{len(ids)} pages", file=sys.stderr)
    seconds = time.perf_counter() - t0

    systems: dict[str, dict[str, str]] = {
        "storyline reader (trafilatura)": reader_out,
        "storyline reader + cleaner": cleaned_out,
    }
    for path in sorted((args.data / "output").glob("*.json")):
        out = load_output(path)
        systems[f"{path.stem} (stored output)"] = {k: (out.get(k) or {}).get("articleBody", "") for k in ids}

    print(f"{len(ids)} pages; Storyline extraction {len(ids) / seconds:.1f} pages/s on this machine")
    print(f"{'system':<40} {'F1':>6} {'P':>6} {'R':>6}   {'tokenF1':>7}")
    rows = []
    for name, out in systems.items():
        pairs = [(truth[k].get("articleBody", ""), out.get(k, "")) for k in ids]
        s4, s1 = score(pairs, 4), score(pairs, 1)
        rows.append((name, s4, s1))
        print(f"{name:<40} {s4['f1']:6.3f} {s4['precision']:6.3f} {s4['recall']:6.3f}   {s1['f1']:7.3f}")
    for name, f1 in PUBLISHED.items():
        print(f"{name:<40} {f1:6.3f}")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "extract.json").write_text(json.dumps(
            {k: {"articleBody": cleaned_out[k], "readerBody": reader_out[k]} for k in ids},
            ensure_ascii=False, indent=1), encoding="utf-8")
        (args.out / "extract_scores.json").write_text(json.dumps(
            {name: {"shingle4": s4, "token": s1} for name, s4, s1 in rows}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
