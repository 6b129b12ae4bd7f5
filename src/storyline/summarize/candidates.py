"""Which sentences a summary may use, and near copies of one sentence across outlets merged.

A candidate is one statement: the sentence of the earliest article that carries it, and every
near copy in the other articles (each becomes a citation). Fragments that mislead out of context are
left out: too short or too long, questions, headline-like lines without a full stop, and pieces of
quotations that run over several sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from scipy import sparse

from storyline.corpus import Corpus
from storyline.records import Sentence
from storyline.summarize import period
from storyline.summarize.compress import Piece, compress, pieces_text
from storyline.summarize.params import SummaryParams
from storyline.summarize.text import content, n_words, terms, unbalanced_quote

_ENDS = re.compile(r"[.!][\"'”’»)]*$")
_STARTS = re.compile(r"^[\"'“‘«(]*[A-Z0-9]")
# "This trend defines…", "These talks…": a demonstrative that points back at a sentence the summary
# will not show leaves the reader guessing; "This week", "This year" are dates, not pointers.
_DANGLING = re.compile(r"^[\"'“‘«(]*(?:This|These|Those|Such)\s+(?!(?:week|weekend|month|year|"
                       r"morning|afternoon|evening|summer|spring|autumn|fall|winter|time)\b)[a-z]")


@dataclass(slots=True)
class Candidate:
    sentence: Sentence  # the one quoted in the summary
    copies: list[Sentence]  # every near copy, the quoted one first
    position: int  # sentence index in its article (0 = lead)
    published: str | None  # the quoted article's publication date
    order: tuple[str, int, int]  # (day, article rank, position): time, then the article's own flow
    terms: list[str] = field(default_factory=list)
    entities: set[str] = field(default_factory=set)
    # What the summary prints of the quoted sentence: its kept pieces (``compress``) and their text.
    pieces: list[Piece] = field(default_factory=list)
    shown: str = ""

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(s.article_id for s in self.copies))


def usable(s: Sentence, p: SummaryParams) -> bool:
    text = s.text.strip()
    n = n_words(text)
    return (p.min_words <= n <= p.max_words and bool(_ENDS.search(text))
            and bool(_STARTS.match(text)) and not _DANGLING.match(text)
            and not unbalanced_quote(text))


def sort_day(corpus: Corpus, article_id: str) -> str:
    """The most probable publication day (undated articles sort last)."""
    d = corpus.dct(article_id)
    value = (d.anchor if d and d.anchor else None) or corpus.published(article_id)
    s = period.span(value)
    return s[0].isoformat() if s else "9999"


def entity_sentences(corpus: Corpus, entity_id: str) -> set[tuple[str, int]]:
    """(article, sentence start) of every sentence that mentions the entity."""
    out = set()
    for aid, a in corpus.analyses.items():
        starts = [s.start for s in a.sentences]
        ends = [s.end for s in a.sentences]
        for m in a.mentions:
            if m.entity_id != entity_id:
                continue
            for st, en in zip(starts, ends):
                if st <= m.start < en:
                    out.add((aid, st))
                    break
    return out


def sentence_dates(corpus: Corpus) -> dict[tuple[str, int], list[str]]:
    """Dates each sentence mentions (its event candidates)."""
    out: dict[tuple[str, int], list[str]] = {}
    for aid, a in corpus.analyses.items():
        for e in a.events:
            out.setdefault((aid, e.sentence_start), []).append(e.date)
    return out


def candidates(corpus: Corpus, p: SummaryParams, *, entity_id: str | None = None,
               since: date | None = None, until: date | None = None) -> list[Candidate]:
    """Usable sentences in scope, near copies merged, in corpus order."""
    about = entity_sentences(corpus, entity_id) if entity_id else None
    dated = sentence_dates(corpus) if since or until else {}
    rank = {aid: k for k, aid in enumerate(corpus.ids)}
    pool: list[Candidate] = []
    for aid in corpus.ids:
        published = corpus.published(aid)
        day = sort_day(corpus, aid)
        for pos, s in enumerate(corpus.sentences(aid)):
            if not usable(s, p):
                continue
            if about is not None and (aid, s.start) not in about:
                continue
            if (since or until) and not any(
                    period.overlaps(v, since, until)
                    for v in dated.get((aid, s.start), []) or [published]):
                continue
            kept = compress(s, attribution=p.cut_attribution) if p.compress else [Piece(s.start, s.end)]
            pool.append(Candidate(s, [s], pos, published, (day, rank[aid], pos),
                                  terms=terms(s.text), pieces=kept, shown=pieces_text(s, kept)))
    mentions = {(m.article_id, m.start): m.entity_id for a in corpus.analyses.values()
                for m in a.mentions if m.entity_id}
    by_article: dict[str, list[Candidate]] = {}
    for c in pool:
        by_article.setdefault(c.sentence.article_id, []).append(c)
    for (aid, start), eid in mentions.items():
        for c in by_article.get(aid, ()):
            if c.sentence.start <= start < c.sentence.end:
                c.entities.add(eid)  # type: ignore[arg-type]
                break
    return merge_copies(pool, p.copy_jaccard)


def merge_copies(pool: Sequence[Candidate], threshold: float) -> list[Candidate]:
    """Candidates of different articles whose content words overlap >= threshold become one,
    quoted from the earliest article; the others are kept as its copies (citations)."""
    if len(pool) < 2:
        return list(pool)
    sets = [set(content(c.terms)) for c in pool]
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, s in enumerate(sets):
        for t in s:
            rows.append(i)
            cols.append(vocab.setdefault(t, len(vocab)))
    x = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                          shape=(len(pool), max(len(vocab), 1)))
    overlap = (x @ x.T).tocoo()
    sizes = np.array([len(s) for s in sets], dtype=np.float32)
    parent = list(range(len(pool)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, ov in zip(overlap.row, overlap.col, overlap.data):
        if i >= j or pool[i].sentence.article_id == pool[j].sentence.article_id:
            continue
        if ov / (sizes[i] + sizes[j] - ov) >= threshold:
            a, b = find(int(i)), find(int(j))
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[Candidate]] = {}
    for i, c in enumerate(pool):
        groups.setdefault(find(i), []).append(c)
    out = []
    for members in groups.values():
        members.sort(key=lambda c: c.order)
        head = members[0]
        head.copies = [m.sentence for m in members]
        for m in members[1:]:
            head.entities |= m.entities
        out.append(head)
    out.sort(key=lambda c: (c.order[1], c.order[2]))
    return out
