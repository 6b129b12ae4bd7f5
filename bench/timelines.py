"""Entity timelines on SemEval-2015 Task 4 (TimeLine) trial data, scored as the task scores.

    .venv/bin/python bench/timelines.py --data ../shared/eval/semeval2015_task4_trial [--out DIR]

The 30 Wikinews articles (CAT XML: tokens and the document creation time) go through Storyline's
real ingest and analysis as one JSONL file (title, text, ``published`` = the given DCT); the
text is rebuilt from the tokens, one sentence a line (the files hold no paragraphs). For each of
the 6 target entities, ``build_timeline(corpus, entity=NAME, max_entries=0)`` gives the timeline.

Scoring. A gold event (``doc-sentence-word``) is found when a timeline entry cites its sentence;
it then sits at that entry's date and place in the order (entries of one date share a place).
A cited sentence holding no gold event of the entity is a spurious event. As in the task
(Minard et al., 2015), each timeline becomes a graph: every event is SIMULTANEOUS with its time
anchor (a TIMEX node per date; none for XXXX-XX-XX), events of one place are SIMULTANEOUS and
events of consecutive places BEFORE one another (place 0 of a gold timeline holds the events that
cannot be ordered: no order relation). Temporal awareness (UzZaman & Allen, 2011) then gives
P = |Sys- ∩ Gold+| / |Sys-|, R = |Gold- ∩ Sys+| / |Gold-| (- the reduced graph, + the closure),
micro-averaged over the entities, F1 their harmonic mean. Date P/R/F1 compare the set of
entry dates with the gold anchors (XX parts cut, XXXX-XX-XX left out), exact match.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations, pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storyline.corpus import Corpus, read_corpus
from storyline.events import group_events
from storyline.timeline import build_timeline

# Published: SemEval-2015 Task 4 paper (Minard et al., 2015), abstract: the best main-track run
# (Track A, timelines from raw text) reached F1 7.85, on the task's three evaluation corpora
# (not on this trial set, whose scores were never published). The paper's per-run table is not
# in the data folder, so only that figure is printed.
PUBLISHED_BEST_TRACK_A_F1 = 7.85

_NO_SPACE_BEFORE = re.compile(r" (?=[,.;:!?%)\]}]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_NO_SPACE_AFTER = re.compile(r"(?<=[(\[{$]) ")


# --- data ----------------------------------------------------------------------------------


@dataclass
class Doc:
    id: str
    dct: str
    title: str
    text: str
    sentence_spans: dict[int, tuple[int, int]]  # gold sentence number -> span in ``text``


def detokenize(tokens: list[str]) -> str:
    s = " ".join(tokens)
    s = _NO_SPACE_BEFORE.sub("", s)
    return _NO_SPACE_AFTER.sub("", s)


def read_docs(folder: Path) -> list[Doc]:
    docs = []
    for path in sorted(folder.glob("*.xml")):
        root = ET.parse(path).getroot()
        doc_id = root.get("doc_id") or path.stem.split("-")[0].split("_")[0]
        by_sentence: dict[int, list[str]] = defaultdict(list)
        for tok in root.iter("token"):
            by_sentence[int(tok.get("sentence", "0"))].append(tok.text or "")
        dct = next((t.get("value") for t in root.iter("TIMEX3")
                    if t.get("functionInDocument") == "CREATION_TIME"), None)
        title = detokenize(by_sentence.get(0, []))
        lines, spans, pos = [], {}, 0
        for n in sorted(k for k in by_sentence if k > 0):
            line = detokenize(by_sentence[n])
            spans[n] = (pos, pos + len(line))
            lines.append(line)
            pos += len(line) + 1
        docs.append(Doc(doc_id, dct or "", title, "\n".join(lines), spans))
    return docs


@dataclass
class GoldTimeline:
    entity: str
    # (rank, anchor or None, [mention ids "doc-sent-word"]) per line
    lines: list[tuple[int, str | None, list[str]]] = field(default_factory=list)


def norm_anchor(value: str) -> str | None:
    v = value.strip()
    if not v or v.startswith("XXX"):
        return None
    parts = [p for p in v.split("-") if p and "X" not in p]
    return "-".join(parts) or None


def read_gold(folder: Path) -> dict[str, GoldTimeline]:
    out = {}
    for path in sorted(folder.glob("*.txt")):
        rows = path.read_text(encoding="utf-8").splitlines()
        tl = GoldTimeline(rows[0].strip())
        for row in rows[1:]:
            cols = row.strip().split("\t")
            if len(cols) < 3:
                continue
            tl.lines.append((int(cols[0]), norm_anchor(cols[1]), cols[2:]))
        out[path.stem] = tl
    return out


def mention_sentence(mention: str) -> tuple[str, int]:
    doc, sent, _ = mention.split("-", 2)
    return doc, int(sent)


# --- temporal awareness ----------------------------------------------------------------------


class TimeGraph:
    """Events and time anchors with SIMULTANEOUS and BEFORE relations (a point algebra that a
    timeline fully orders): closure by classes of simultaneous nodes ordered by BEFORE."""

    def __init__(self) -> None:
        self.nodes: set[str] = set()
        self.simultaneous: list[tuple[str, str]] = []
        self.before: list[tuple[str, str]] = []

    def sim(self, a: str, b: str) -> None:
        self.nodes |= {a, b}
        self.simultaneous.append((a, b))

    def bef(self, a: str, b: str) -> None:
        self.nodes |= {a, b}
        self.before.append((a, b))

    def _classes(self) -> dict[str, str]:
        parent = {n: n for n in self.nodes}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b in self.simultaneous:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        return {n: find(n) for n in self.nodes}

    def closure(self) -> set[tuple[str, str, str]]:
        cls = self._classes()
        members: dict[str, list[str]] = defaultdict(list)
        for n, c in cls.items():
            members[c].append(n)
        after: dict[str, set[str]] = defaultdict(set)
        for a, b in self.before:
            after[cls[a]].add(cls[b])
        reach: dict[str, set[str]] = {}

        def later(c: str) -> set[str]:
            if c not in reach:
                reach[c] = set()
                for d in after[c]:
                    reach[c] |= {d} | later(d)
            return reach[c]

        out: set[tuple[str, str, str]] = set()
        for ms in members.values():
            for a, b in combinations(sorted(ms), 2):
                out.add(("SIM", a, b))
        for c in list(members):
            for d in later(c):
                for a in members[c]:
                    for b in members[d]:
                        out.add(("BEF", a, b))
        return out

    def reduced(self) -> set[tuple[str, str, str]]:
        """The fewest relations with the same closure: a chain per class of simultaneous nodes
        (sorted ids) and the transitive reduction of BEFORE between classes (their first ids)."""
        cls = self._classes()
        members: dict[str, list[str]] = defaultdict(list)
        for n, c in cls.items():
            members[c].append(n)
        out: set[tuple[str, str, str]] = set()
        for ms in members.values():
            ms.sort()
            out |= {("SIM", ms[i], ms[i + 1]) for i in range(len(ms) - 1)}
        edges = {(cls[a], cls[b]) for a, b in self.before}
        succ: dict[str, set[str]] = defaultdict(set)
        for a, b in edges:
            succ[a].add(b)
        for a, b in edges:
            # drop a -> b when b is reachable from a through another successor
            stack, seen, indirect = [x for x in succ[a] if x != b], set(), False
            while stack and not indirect:
                x = stack.pop()
                if x == b:
                    indirect = True
                elif x not in seen:
                    seen.add(x)
                    stack.extend(succ[x])
            if not indirect:
                out.add(("BEF", min(members[a]), min(members[b])))
        return out


def timeline_graph(places: list[tuple[int, str | None, list[str]]], unordered_zero: bool
                   ) -> TimeGraph:
    g = TimeGraph()
    by_rank: dict[int, list[str]] = defaultdict(list)
    for rank, anchor, events in places:
        for e in events:
            g.nodes.add(e)
            if anchor:
                g.sim(e, "T:" + anchor)
            by_rank[rank].append(e)
    ranks = sorted(r for r in by_rank if not (unordered_zero and r == 0))
    for r in ranks:
        evs = sorted(by_rank[r])
        for i in range(len(evs) - 1):
            g.sim(evs[i], evs[i + 1])
    for r1, r2 in pairwise(ranks):
        for a in by_rank[r1]:
            for b in by_rank[r2]:
                g.bef(a, b)
    return g


def _holds(rel: tuple[str, str, str], closure: set[tuple[str, str, str]]) -> bool:
    kind, a, b = rel
    if kind == "SIM":
        return ("SIM", min(a, b), max(a, b)) in closure
    return rel in closure


def awareness(gold: TimeGraph, system: TimeGraph) -> tuple[int, int, int, int]:
    """(system relations verified, system relations, gold relations found, gold relations)."""
    g_red, g_clo = gold.reduced(), gold.closure()
    s_red, s_clo = system.reduced(), system.closure()
    p_hit = sum(_holds(r, g_clo) for r in s_red)
    r_hit = sum(_holds(r, s_clo) for r in g_red)
    return p_hit, len(s_red), r_hit, len(g_red)


# --- system side -----------------------------------------------------------------------------


def cited_sentences(corpus: Corpus, doc: Doc, start: int, end: int) -> list[int]:
    article = corpus.articles[doc.id]
    raw_start, raw_end = article.raw_span(start, end)
    return [n for n, (a, b) in doc.sentence_spans.items() if a < raw_end and raw_start < b]


def system_places(corpus: Corpus, docs: dict[str, Doc], entries: list, gold: GoldTimeline
                  ) -> list[tuple[int, str | None, list[str]]]:
    gold_at: dict[tuple[str, int], list[str]] = defaultdict(list)
    for _, _, mentions in gold.lines:
        for m in mentions:
            gold_at[mention_sentence(m)].append(m)
    placed: set[str] = set()
    places = []
    rank, last_date = 0, None
    for e in entries:
        if e.date != last_date:
            rank, last_date = rank + 1, e.date
        events: list[str] = []
        for c in e.citations:
            for n in cited_sentences(corpus, docs[c.article], c.start, c.end):
                found = [m for m in gold_at.get((c.article, n), []) if m not in placed]
                if (c.article, n) in gold_at:
                    placed.update(found)
                    events += found
                else:
                    spurious = f"{c.article}-{n}-sys"
                    if spurious not in placed:
                        placed.add(spurious)
                        events.append(spurious)
        places.append((rank, e.date, events))
    return places


# --- run -------------------------------------------------------------------------------------


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--entries", type=int, default=0, help="entries per timeline (0: all)")
    args = ap.parse_args()

    docs = read_docs(args.data / "Corpus-trial-data_task4")
    gold = read_gold(args.data / "TimeLines_trial_data_task4_v1.2")
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="storyline-bench-") as tmp:
        path = Path(tmp) / "wikinews.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps({"id": d.id, "title": d.title, "text": d.text,
                                     "published": d.dct}) + "\n")
        corpus = read_corpus([path])
    t_read = time.perf_counter() - t0
    by_id = {d.id: d for d in docs}
    missing = [d.id for d in docs if d.id not in corpus.articles]
    if missing:
        sys.exit(f"articles not ingested: {missing}")
    t0 = time.perf_counter()
    events = group_events(corpus)
    t_events = time.perf_counter() - t0

    rows, totals = [], defaultdict(int)
    out_data = {}
    for name, gtl in gold.items():
        entries = build_timeline(corpus, events, entity=gtl.entity, max_entries=args.entries)
        sys_places = system_places(corpus, by_id, entries, gtl)
        p_hit, p_n, r_hit, r_n = awareness(timeline_graph(gtl.lines, True),
                                           timeline_graph(sys_places, False))
        gold_dates = {a for _, a, _ in gtl.lines if a}
        sys_dates = {e.date for e in entries}
        tp = len(gold_dates & sys_dates)
        found = {m for _, _, evs in sys_places for m in evs if not m.endswith("-sys")}
        n_gold = sum(len(ms) for _, _, ms in gtl.lines)
        for k, v in (("p_hit", p_hit), ("p_n", p_n), ("r_hit", r_hit), ("r_n", r_n),
                     ("d_tp", tp), ("d_sys", len(sys_dates)), ("d_gold", len(gold_dates)),
                     ("found", len(found)), ("gold_events", n_gold)):
            totals[k] += v
        rows.append((gtl.entity, len(entries), len(found), n_gold, tp, len(sys_dates),
                     len(gold_dates), p_hit / p_n if p_n else 0.0, r_hit / r_n if r_n else 0.0))
        out_data[name] = {"entity": gtl.entity, "entries": [e.to_dict() for e in entries],
                          "places": sys_places}

    print(f"SemEval-2015 Task 4 TimeLine, trial data: {len(docs)} articles, {len(gold)} entity "
          f"timelines; read+analyse {t_read:.1f}s, events {t_events:.1f}s "
          f"({len(events)} events)\n")
    print(f"{'entity':22} {'entries':>7} {'events found':>13} {'date P':>7} {'date R':>7} "
          f"{'order P':>8} {'order R':>8} {'order F1':>9}")
    for ent, n, found, n_gold, tp, ns, ng, p, r in rows:
        dp, dr = (tp / ns if ns else 0.0), (tp / ng if ng else 0.0)
        print(f"{ent:22} {n:7d} {found:6d}/{n_gold:<6d} {dp:7.3f} {dr:7.3f} {p:8.3f} {r:8.3f} "
              f"{f1(p, r):9.3f}")
    dp = totals["d_tp"] / totals["d_sys"] if totals["d_sys"] else 0.0
    dr = totals["d_tp"] / totals["d_gold"] if totals["d_gold"] else 0.0
    op = totals["p_hit"] / totals["p_n"] if totals["p_n"] else 0.0
    orr = totals["r_hit"] / totals["r_n"] if totals["r_n"] else 0.0
    print(f"\nmicro: gold events cited {totals['found']}/{totals['gold_events']}; "
          f"dates P {dp:.3f} R {dr:.3f} F1 {f1(dp, dr):.3f}; "
          f"ordered events (temporal awareness) P {op:.3f} R {orr:.3f} F1 {f1(op, orr):.3f}")
    print(f"published (task paper, Track A on the evaluation corpora, not this trial set): "
          f"best F1 {PUBLISHED_BEST_TRACK_A_F1 / 100:.4f}")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "timelines.json").write_text(json.dumps(out_data, indent=1, default=str),
                                                 encoding="utf-8")


if __name__ == "__main__":
    main()
