#!/usr/bin/env python3
"""Temporal expression finding and normalisation on TempEval-3: the training data (TBAQ-cleaned),
which is our development set, and the platinum test set, held out.

    python bench/timex.py --data ../shared/eval/tempeval3_timebank [--test DIR] [--out DIR]
                          [--errors N]

Each .tml document's text is the content of its <TEXT> element with the tags stripped; its DCT is
the TIMEX3 with functionInDocument="CREATION_TIME" (outside <TEXT>, so never scored: the official
scorer skips tid "t0"). Storyline's `find_timexes(text, dct)` runs on the text and is scored as
the TempEval-3 toolkit (TE3-evaluation.py, evaluate_entities.py) scores TIMEX3s:
strict span P/R/F1 (exact extent), relaxed span P/R/F1 (any overlap, one-to-one), and attribute
F1 for type and value. The toolkit defines attribute F1 as relaxed F1 x attribute accuracy, the
accuracy being the share of relaxed matches whose attribute string is equal; with one-to-one
matches that is exactly 2C/(S+G) (C matches with the right value, S system and G gold TIMEX3s),
which is what the "value" row shows (P = C/S, R = C/G). Empty gold TIMEX3s (no text) are skipped,
as the toolkit skips them. The toolkit matches tokens, we match characters: a match needs one
shared character, which for whole-token spans is the same thing.
Figures are given for all documents and per corpus (TimeBank, AQUAINT).

The TempEval-3 platinum test set (20 documents, data/TempEval3/Evaluation/te3-platinum/ in the
task's release; `--test DIR` points elsewhere) is the set HeidelTime's published figures were
measured on. When it is there it is scored in the same run, as its own block next to HeidelTime,
and only as aggregate figures: it is held out, so neither its errors (`--errors`) nor its
predictions (`--out`) are ever shown, and nothing may be tuned on it. When it is not there the
block says so: there is then no like-for-like comparison with HeidelTime.

`--out DIR` writes, per document, DIR/<doc>.json: {"doc", "dct", "timexes": [{start, end, text,
type, value}]} with offsets into the document text.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from storyline.temporal import find_timexes

# HeidelTime's published TempEval-3 Task A results (TempEval-3 *test* set, platinum data).
HEIDELTIME = {"strict F1": 81.34, "relaxed F1": 90.30, "value F1": 77.61}
# Where the platinum test set lies in the task's release, relative to --data.
PLATINUM_DIRS = ("data/TempEval3/Evaluation/te3-platinum", "TempEval3/Evaluation/te3-platinum",
                 "Evaluation/te3-platinum", "te3-platinum")
GOAL_VALUE_F1 = 0.85

_TAG = re.compile(r"<(/?)(\w+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Doc:
    name: str
    corpus: str
    text: str
    dct: str | None
    gold: list[dict] = field(default_factory=list)


def read_tml(path: Path, corpus: str) -> Doc:
    raw = path.read_text(encoding="utf-8")
    dct = None
    for m in re.finditer(r"<TIMEX3([^>]*)>", raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value", "")[:10] or None
            break
    body_start = raw.index("<TEXT>") + len("<TEXT>")
    body = raw[body_start:raw.index("</TEXT>")]
    pieces: list[str] = []
    length = 0
    gold: list[dict] = []
    open_timex: list[tuple[int, dict]] = []
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        pieces.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3" or m.group(4):  # an empty <TIMEX3 .../> has no text to score
            continue
        if not closing:
            open_timex.append((length, dict(_ATTR.findall(attrs))))
        elif open_timex:
            start, a = open_timex.pop()
            gold.append({"start": start, "end": length, "type": a.get("type"),
                         "value": a.get("value")})
    tail = html.unescape(body[pos:])
    pieces.append(tail)
    text = "".join(pieces)
    for g in gold:
        g["text"] = text[g["start"]:g["end"]]
    gold = [g for g in gold if g["text"].strip()]
    return Doc(path.stem, corpus, text, dct, gold)


def load(data: Path) -> list[Doc]:
    root = data
    for cand in (data / "data" / "TempEval3" / "Training" / "TBAQ-cleaned", data / "TBAQ-cleaned"):
        if cand.is_dir():
            root = cand
            break
    docs = []
    for corpus in ("TimeBank", "AQUAINT"):
        for p in sorted((root / corpus).glob("*.tml")):
            docs.append(read_tml(p, corpus))
    if not docs:
        sys.exit(f"no .tml files under {root}/TimeBank or {root}/AQUAINT")
    return docs


def find_platinum(data: Path, test: Path | None) -> Path | None:
    """The folder of the platinum test set: ``test`` if given, else its place under ``data``."""
    if test is not None:
        if not test.is_dir() or not any(test.glob("*.tml")):
            sys.exit(f"no .tml files in --test {test}")
        return test
    for rel in PLATINUM_DIRS:
        cand = data / rel
        if cand.is_dir() and any(cand.glob("*.tml")):
            return cand
    return None


def load_platinum(root: Path) -> list[Doc]:
    return [read_tml(p, "platinum") for p in sorted(root.glob("*.tml"))]


def tag(docs: list[Doc]) -> tuple[list[tuple[Doc, list[dict]]], int, float]:
    """Storyline's TIMEX3s for each document, the characters read and the seconds taken."""
    results: list[tuple[Doc, list[dict]]] = []
    chars = 0
    t0 = time.perf_counter()
    for doc in docs:
        found = find_timexes(doc.text, doc.dct, article_id=doc.name)
        chars += len(doc.text)
        results.append((doc, [{"start": t.start, "end": t.end, "text": t.text, "type": t.type,
                               "value": t.value} for t in found]))
    return results, chars, time.perf_counter() - t0


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs of overlapping gold and predicted spans (largest overlap first)."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                pairs.append((ov, gi, pi))
    pairs.sort(key=lambda x: -x[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gold[gi], pred[pi]))
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(results: list[tuple[Doc, list[dict]]]) -> dict[str, tuple[float, float, float]]:
    c: Counter[str] = Counter()
    for doc, pred in results:
        c["gold"] += len(doc.gold)
        c["pred"] += len(pred)
        golds = {(g["start"], g["end"]) for g in doc.gold}
        c["strict"] += sum((p["start"], p["end"]) in golds for p in pred)
        for g, p in match(doc.gold, pred):
            c["relaxed"] += 1
            c["type"] += g["type"] == p["type"]
            c["value"] += g["value"] == p["value"]
    return {k: prf(c[k], c["pred"], c["gold"]) for k in ("strict", "relaxed", "type", "value")} | {
        "counts": (c["gold"], c["pred"], 0),
        "accuracy": (c["type"] / c["relaxed"] if c["relaxed"] else 0.0,
                     c["value"] / c["relaxed"] if c["relaxed"] else 0.0, 0.0)}


def show(title: str, s: dict) -> None:
    n_gold, n_pred, _ = s["counts"]
    print(f"\n{title}  (gold {n_gold}, predicted {n_pred})")
    print(f"  {'':10} {'P':>7} {'R':>7} {'F1':>7}")
    for k, label in (("strict", "strict"), ("relaxed", "relaxed"), ("type", "type"),
                     ("value", "value")):
        p, r, f = s[k]
        print(f"  {label:10} {p:7.4f} {r:7.4f} {f:7.4f}")
    type_acc, value_acc, _ = s["accuracy"]
    print(f"  accuracy on relaxed matches: type {type_acc:.4f}, value {value_acc:.4f}"
          f" (x relaxed F1 = attribute F1)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--test", type=Path,
                    help="the TempEval-3 platinum test set, if not under --data")
    ap.add_argument("--out", type=Path, help="write the development set's predictions here")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    ap.add_argument("--corpus", choices=("TimeBank", "AQUAINT"), help="only this corpus")
    args = ap.parse_args()

    docs = load(args.data)
    if args.corpus:
        docs = [d for d in docs if d.corpus == args.corpus]
    platinum_dir = find_platinum(args.data, args.test)
    results, chars, elapsed = tag(docs)

    print(f"TempEval-3 TBAQ-cleaned (training data, our development set): {len(docs)} documents,"
          f" {chars:,} characters, tagged in {elapsed:.2f} s ({chars / elapsed / 1e6:.2f} M chars/s)")
    show("All documents", score(results))
    for corpus in ("TimeBank", "AQUAINT"):
        sub = [r for r in results if r[0].corpus == corpus]
        if sub:
            show(f"{corpus} ({len(sub)} documents)", score(sub))

    print("\n" + "=" * 78)
    h = HEIDELTIME
    if platinum_dir is None:
        print("TempEval-3 platinum TEST set: not in this copy of the data (looked for "
              f"{args.data}/{{{', '.join(PLATINUM_DIRS)}}}); pass --test DIR to score it.")
        print("HeidelTime, published TempEval-3 Task A (on that test set; ours above are on the "
              "training data, so the two are not comparable):")
        print("  strict F1 {strict F1:.2f}   relaxed F1 {relaxed F1:.2f}   value F1 {value F1:.2f}"
              .format(**h))
    else:
        test_docs = load_platinum(platinum_dir)
        test_results, test_chars, test_elapsed = tag(test_docs)
        s_test = score(test_results)
        print(f"TempEval-3 platinum TEST set (held out: aggregate figures only, never tuned on):"
              f" {len(test_docs)} documents, {test_chars:,} characters, tagged in"
              f" {test_elapsed:.2f} s\n  ({platinum_dir})")
        show("Platinum test set", s_test)
        print(f"\n  {'F1 x 100':12} {'strict':>8} {'relaxed':>8} {'value':>8}")
        print(f"  {'Storyline':12} {100 * s_test['strict'][2]:8.2f} "
              f"{100 * s_test['relaxed'][2]:8.2f} {100 * s_test['value'][2]:8.2f}")
        print(f"  {'HeidelTime':12} {h['strict F1']:8.2f} {h['relaxed F1']:8.2f} "
              f"{h['value F1']:8.2f}   (published, TempEval-3 Task A)")
    v = score(results)["value"][2]
    print(f"\nGoal (development set): value F1 >= {GOAL_VALUE_F1:.2f}:"
          f" {'met' if v >= GOAL_VALUE_F1 else 'NOT met'} ({v:.4f})")

    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for doc, pred in results:
            (args.out / f"{doc.name}.json").write_text(json.dumps(
                {"doc": doc.name, "corpus": doc.corpus, "dct": doc.dct, "timexes": pred},
                ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"Predictions written to {args.out}/")

    if args.errors:
        missed, spurious, wrong = [], [], []
        for doc, pred in results:
            pairs = match(doc.gold, pred)
            mg = {id(g) for g, _ in pairs}
            mp = {id(p) for _, p in pairs}
            missed += [(doc.name, doc.dct, g["text"], g["type"], g["value"])
                       for g in doc.gold if id(g) not in mg]
            spurious += [(doc.name, doc.dct, p["text"], p["type"], p["value"])
                         for p in pred if id(p) not in mp]
            wrong += [(doc.name, doc.dct, g["text"], p["text"], g["value"], p["value"])
                      for g, p in pairs if g["value"] != p["value"]]
        for title, rows in (("MISSED", missed), ("SPURIOUS", spurious), ("WRONG VALUE", wrong)):
            print(f"\n{title} ({len(rows)}, development set)")
            for r in rows[: args.errors]:
                print("  ", r)


if __name__ == "__main__":
    main()
