"""Find where outlets disagree: claims aligned across articles, judged pair by pair, grouped."""

from __future__ import annotations

import math

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.claims import extract_claims
from storyline.claims.lexicon import CLASS_NAMES, METRES
from storyline.claims.records import Claim
from storyline.corpus import Corpus
from storyline.disagree.align import AlignContext, similarity, word_similarity
from storyline.disagree.happenings import two_happenings
from storyline.disagree.records import REPORTED, VERDICTS, Disagreement, Side
from storyline.disagree.settings import DisagreeSettings
from storyline.disagree.verdict import (
    Verdict,
    compare_dates,
    compare_numbers,
    compare_quotes,
    day_of,
    quote_overlap,
)
from storyline.records import Event

COMPARED_KINDS = ("number", "date", "quote")


@dataclass(slots=True)
class Judged:
    a: Claim
    b: Claim
    score: float
    verdict: Verdict


def judge(a: Claim, b: Claim, corpus: Corpus, ctx: AlignContext,
          settings: DisagreeSettings) -> Judged | None:
    """The verdict on two claims, or None when they do not speak of the same thing."""
    if a.kind != b.kind or a.kind not in COMPARED_KINDS:
        return None
    if a.kind == "quote":
        if a.article_id == b.article_id or ctx.copy_of.get(a.article_id) == ctx.copy_of.get(b.article_id):
            return None
        overlap = quote_overlap(a, b)
        if overlap < settings.min_quote_overlap:
            return None
        return Judged(a, b, overlap, compare_quotes(a, b))
    score = similarity(a, b, ctx, settings)
    if a.kind == "number":
        if score < settings.min_number:
            return None
        v = compare_numbers(a, b, corpus.published(a.article_id), corpus.published(b.article_id),
                            settings, moving=a.key in ctx.moving,
                            retold=_retold(a, b, corpus, ctx, settings))
        if v.label == "update":
            v = _against_history(a, b, v, corpus, ctx, settings)
    else:
        if score < settings.min_date:
            return None
        v = compare_dates(a, b)
    if v.label in ("conflict", "update") and two_happenings(a, b, corpus):
        return None  # look-alike claims of two occasions: nothing to compare
    return Judged(a, b, score, v)


def _retold(a: Claim, b: Claim, corpus: Corpus, ctx: AlignContext,
            settings: DisagreeSettings) -> bool:
    """One outlet's story in two versions: the same outlet, the same wording bar the figure. (Two
    outlets wording one story alike still give two counts.)"""
    oa, ob = corpus.articles[a.article_id].outlet, corpus.articles[b.article_id].outlet
    return bool(oa) and oa == ob and word_similarity(a, b, ctx) >= settings.retold_words


def _against_history(a: Claim, b: Claim, v: Verdict, corpus: Corpus, ctx: AlignContext,
                     settings: DisagreeSettings) -> Verdict:
    """A rise between two dated reports is an update only if the rest of the coverage moves the
    same way: when another report gave the higher figure before the lower one was published, or
    gave the lower one again after the higher one, the outlets disagree (247 dead on Aug 20,
    253 on Aug 21, 247 again on Aug 26)."""
    small, big = (a, b) if v.first == 0 else (b, a)
    d_small = day_of(corpus.published(small.article_id))
    d_big = day_of(corpus.published(big.article_id))
    if d_small is None or d_big is None or big.update_cue:
        return v  # "has risen to 12": the later report says the count rose
    for c in ctx.by_key.get(a.key, ()):
        if c is a or c is b or c.low is None or c.high is None:
            continue
        d = day_of(corpus.published(c.article_id))
        if d is None:
            continue
        if d < d_small and c.low > (small.high or 0) \
                and similarity(c, small, ctx, settings) >= settings.min_number:
            return Verdict("conflict", f"{small.text} ({d_small}) is lower than the {c.text} "
                           f"{outlet_name(corpus, c.article_id)} reported earlier ({d}): not an "
                           "earlier moment of a rising count")
        if d > d_big and c.high < (big.low or 0) \
                and similarity(c, big, ctx, settings) >= settings.min_number:
            return Verdict("conflict", f"{big.text} ({d_big}) is higher than the {c.text} "
                           f"{outlet_name(corpus, c.article_id)} still reported later ({d}): "
                           "the outlets disagree, the count did not rise")
    return v


def _settings(settings: Any) -> DisagreeSettings:
    return settings if isinstance(settings, DisagreeSettings) else DisagreeSettings()


def find_disagreements(corpus: Corpus, events: Sequence[Event] | None = None,
                       settings: Any = None, *,
                       verdicts: Collection[str] = REPORTED,
                       claims: Sequence[Claim] | None = None) -> list[Disagreement]:
    """Where the articles of ``corpus`` disagree, most certain first.

    Only conflicts and updates by default; ``verdicts=VERDICTS`` also returns what agrees or is
    compatible. ``events`` (from the events stage) helps alignment when given; claims are aligned
    on their own otherwise. ``settings`` is a DisagreeSettings (anything else: the defaults).
    """
    st = _settings(settings)
    claims = list(claims) if claims is not None else extract_claims(corpus)
    ctx = AlignContext.build(corpus, claims, events)
    return _group(judge_all(claims, corpus, ctx, st), corpus, set(verdicts))


def judge_all(claims: Sequence[Claim], corpus: Corpus, ctx: AlignContext,
              settings: DisagreeSettings) -> list[Judged]:
    """Every pair of claims that speak of one thing, each claim paired with at most its best match
    in each other article."""
    by_key: dict[tuple[Any, ...], list[Claim]] = {}
    for c in claims:
        if c.kind in COMPARED_KINDS:
            by_key.setdefault(c.key, []).append(c)
    judged: list[Judged] = []
    for group in by_key.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                j = judge(a, b, corpus, ctx, settings)
                if j is not None:
                    judged.append(j)
    return _mutual_best(judged, ctx)


def _mutual_best(judged: list[Judged], ctx: AlignContext) -> list[Judged]:
    """A claim is compared with at most one claim of each other article: its best match, and only
    if it is that claim's best match too (an article giving tolls for three countries does not
    conflict with itself through a fourth)."""
    best: dict[tuple[int, str], Judged] = {}
    for j in judged:
        for x, y in ((j.a, j.b), (j.b, j.a)):
            k = (id(x), y.article_id)
            if k not in best or _rank(j) > _rank(best[k]):
                best[k] = j

    def kept(x: Claim, y: Claim) -> bool:
        return _restates(best[(id(x), y.article_id)], x, y) \
            or _rival(best[(id(x), y.article_id)], x, y, ctx)

    return [j for j in judged
            if (kept(j.a, j.b) and _restates(best[(id(j.b), j.a.article_id)], j.b, j.a))
            or (kept(j.b, j.a) and _restates(best[(id(j.a), j.b.article_id)], j.a, j.b))]


def _rival(best: Judged, x: Claim, y: Claim, ctx: AlignContext) -> bool:
    """``y`` is the rival of the figure ``x`` agrees with in ``y``'s article: that article gives
    two figures for one measure of one event, on two sources' word ("security forces said six
    were wounded ... But a newspaper said the bomb wounded 20"). ``x`` takes one side of that
    dispute, so it is compared with the other side too. Figures no two named sources give are
    two things: two of one sentence ("1,850 francs for full-dividend shares and 1,800 for the
    others"), or of a second blast a day later. Only counts of what happened to people (the
    dead, the wounded, the arrested) are disputed so: two lengths or vote counts of one article
    that sit near each other are two measures."""
    other = best.b if best.a is x else best.a
    return x.kind == "number" and x.event in CLASS_NAMES and best.verdict.label == "agree" \
        and other is not y \
        and other.key == y.key and other.value != y.value \
        and set(other.actors) != set(y.actors) \
        and word_similarity(other, y, ctx) >= RIVAL_MIN_WORDS


# How alike the sentences of two figures of one article must be to be two sources' figures of one
# event (the later one's words include the sentence before it).
RIVAL_MIN_WORDS = 0.5


def _restates(best: Judged, x: Claim, y: Claim) -> bool:
    """``y`` is ``x``'s best match in its article, or the same figure of the same measure said
    again there: a headline's "80 hurt" and the body's "injuring 80" are one claim, and so are
    "about 50" and "at least 50" (the number written is the same; "400 km" and "380 km" of one
    article are two distances even though rounding lets them overlap)."""
    other = best.b if best.a is x else best.a
    return other is y or (x.kind == "number" and other.key == y.key
                          and other.value is not None
                          and (other.value == y.value or _converted(other, y)))


def _converted(x: Claim, y: Claim) -> bool:
    """One length written in two units, as news converts it, loosely ("12 miles (20 km)", "four
    km (two miles)"): the same figure, whichever of the two another report's figure happens to
    lie nearer. Told by the writing, not the values: the second follows the first's unit."""
    if x.article_id != y.article_id or x.unit == y.unit \
            or x.unit not in METRES or y.unit not in METRES:
        return False
    first, second = sorted((x, y), key=lambda c: c.start)
    if first.sentence_start != second.sentence_start \
            or not 0 < second.start - first.end <= CONVERSION_GAP:
        return False
    # ... and near in length: "600 metres (2, 000 feet)" misread as "000" feet is no conversion
    mx, my = (x.value or 0) * METRES[x.unit], (y.value or 0) * METRES[y.unit]
    return 0 < min(mx, my) and max(mx, my) <= CONVERSION_RATIO * min(mx, my)


# Room for the unit and the parenthesis between a length and its conversion: " kilometers (".
CONVERSION_GAP = 16
# How far apart a loose conversion may be: "four km (two miles)" is 4 km against 3.2.
CONVERSION_RATIO = 1.5


def _rank(j: Judged) -> tuple[float, float]:
    """Alignment, less a little for figures far apart (one toll reported as 247 and as 10 is
    unlikely; two tolls of two places are not); between claims of one sentence (same score: "32
    kilometers ... four kilometers away" against "three kilometers away") the nearer value is the
    likelier match."""
    if j.a.kind != "number" or not j.a.value or not j.b.value or j.a.value <= 0 or j.b.value <= 0:
        return (j.score, 0.0)
    apart = abs(math.log(j.a.value / j.b.value))
    return (j.score - RANK_DISTANCE_WEIGHT * apart, -apart)


# How much the alignment score of two figures counts against each e-fold between them.
RANK_DISTANCE_WEIGHT = 0.1


def _group(judged: list[Judged], corpus: Corpus, wanted: set[str]) -> list[Disagreement]:
    """Claims linked by judged pairs form one disagreement; its verdict is its most newsworthy
    pair's."""
    parent: dict[int, int] = {}
    claim_of: dict[int, Claim] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for j in judged:
        for c in (j.a, j.b):
            parent.setdefault(id(c), id(c))
            claim_of[id(c)] = c
        ra, rb = find(id(j.a)), find(id(j.b))
        if ra != rb:
            parent[ra] = rb
    groups: dict[int, list[Judged]] = {}
    for j in judged:
        groups.setdefault(find(id(j.a)), []).append(j)
    out: list[Disagreement] = []
    for pairs in groups.values():
        pairs.sort(key=lambda j: (VERDICTS.index(j.verdict.label), -j.score))
        top = pairs[0]
        if top.verdict.label not in wanted:
            continue
        members: list[Claim] = []
        seen: set[int] = set()
        for j in pairs:
            for c in (j.a, j.b):
                if id(c) not in seen:
                    seen.add(id(c))
                    members.append(c)
        members.sort(key=lambda c: (corpus.published(c.article_id) or "9999", c.article_id, c.start))
        out.append(Disagreement(
            kind=top.a.kind, verdict=top.verdict.label, what=_what(top.a, top.b),
            explanation=_explain(top, corpus), sides=[side(c, corpus) for c in members],
            score=top.score))
    out.sort(key=lambda d: (VERDICTS.index(d.verdict), -d.score))
    return out


def side(c: Claim, corpus: Corpus) -> Side:
    value = c.text if c.kind != "quote" else (c.speaker or "(no speaker named)")
    return Side(
        value=value, outlet=outlet_name(corpus, c.article_id),
        published=corpus.published(c.article_id), article=c.article_id,
        citations=[corpus.cite(c.article_id, c.sentence_start, c.sentence_end)],
        text=corpus.articles[c.article_id].clean_text[c.sentence_start:c.sentence_end],
        span=corpus.cite(c.article_id, c.start, c.end), low=c.low, high=c.high)


def outlet_name(corpus: Corpus, article_id: str) -> str:
    """The outlet, or where the article came from when no outlet is known."""
    a = corpus.articles[article_id]
    return a.outlet or (Path(a.origin).stem if a.origin else article_id)


def _what(a: Claim, b: Claim) -> str:
    if a.kind == "number":
        return a.what if len(a.what) >= len(b.what) else b.what
    if a.kind == "date":
        return f"when: {a.what}"
    return a.what


def _when(corpus: Corpus, aid: str) -> str:
    """A report's publication date as a reader can use it: a decade or century guessed from the
    text ("199", TIMEX3's way of writing the 1990s) tells nothing of which report came first, and
    is often a decade the text looks back to, so the report is shown as undated."""
    value = corpus.published(aid)
    if value is None or (len(value) < 4 and value.isdigit()):
        return "undated"
    return value


def _explain(j: Judged, corpus: Corpus) -> str:
    a, b, v = j.a, j.b, j.verdict
    na, nb = outlet_name(corpus, a.article_id), outlet_name(corpus, b.article_id)
    pa, pb = _when(corpus, a.article_id), _when(corpus, b.article_id)
    what = _what(a, b)
    if a.kind == "quote":
        return (f"{na} gives the quote to {a.speaker or 'no one'}, {nb} to {b.speaker or 'no one'}"
                if v.label == "conflict" else f"{na} and {nb}: {v.why}")
    if v.label == "update":
        first, later = (a, b) if v.first == 0 else (b, a)
        nf, nl = outlet_name(corpus, first.article_id), outlet_name(corpus, later.article_id)
        return (f"{what}: {first.text} in {nf} ({_when(corpus, first.article_id)}), "
                f"{later.text} in {nl} ({_when(corpus, later.article_id)}): {v.why}")
    if v.label == "conflict":
        return f"{what}: {na} ({pa}) says {a.text}, {nb} ({pb}) says {b.text}: {v.why}"
    return f"{what}: {na} says {a.text}, {nb} says {b.text}: {v.why}"
