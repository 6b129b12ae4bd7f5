"""Checkable claims of every article of a Corpus: numbers, dated events, quotes, roles."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from storyline.claims.ages import find_ages
from storyline.claims.context import PLACE_LABELS, sentence_context, unmarked_names
from storyline.claims.dates import checkable, date_event, weekday_named
from storyline.claims.incidents import read_incidents
from storyline.claims.intervals import find_intervals, sized_span, span_bearer, span_of_thing
from storyline.claims.lexicon import (
    CLASS_NAMES,
    DIMENSION,
    FROM_PLACE,
    HEADING,
    LENGTH_UNITS,
    MEASURE_UNIT_NAMES,
    MEASURE_UNITS,
    MONEY_UNITS,
    NAUTICAL,
    PEOPLE,
    ENTRANTS,
    REVISION,
    STOPWORDS,
    TALLY,
    WITHDRAWAL,
)
from storyline.claims.modality import planned_at, value_of_known_thing
from storyline.claims.numbers import HEDGES, find_numbers
from storyline.claims.parse import parse
from storyline.claims.plays import find_clocks, find_one_more
from storyline.claims.pronouns import (
    ONE_DEATH,
    PERSONAL,
    antecedent,
    fuller_name,
    victim_before,
)
from storyline.claims.quantities import bind
from storyline.claims.records import Claim
from storyline.claims.roles import find_roles
from storyline.claims.rounds import round_of, rounds_named
from storyline.claims.scope import (
    is_whole,
    located_places,
    route_places,
    scope_of,
    split_scopes,
)
from storyline.claims.sentences import claim_sentences
from storyline.corpus import Corpus
from storyline.records import Mention, Sentence

# A quote shorter than this is a phrase many people say, not a statement one person made.
MIN_QUOTE_WORDS = 6
_WRITTEN_DATE = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\b")
_DEFINITE = re.compile(r"\b(?:the|these|those|both|its|their|his|her|our|my|your)\s+$",
                       re.IGNORECASE)
# "the two nations" refers to nations already named; "the 43 nations competing" counts them: a
# text names one by one only a handful of things.
_NAMED_MAX = 10
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_ALL_BUT = re.compile(r"\ball\s+but\s+$", re.IGNORECASE)
# "30 miles (48 km)", "120-mph (205-kph)", "1,000 baht (dlrs 26)": a figure in brackets right
# after a measured figure restates it in another unit, rounded its own way
# (a short scale may come between, "3m euros (2.4m pounds)", and a spelled sum: "a four - million -
# franc (5.2 - million pound) haul", as text rebuilt from tokens has it)
_CONVERSION = re.compile(r"(?:\d[\d,.]*\s*-?\s*(?:(?:m|mn|bn)\s+)?|\b(?:one|two|three|four|five|six"
                         r"|seven|eight|nine|ten)\s*-?\s*(?:million|billion)\s*-?\s*)"
                         r"[^\W\d_][\w.]*\s*\(\s*"
                         r"(?:about |some |nearly |roughly |around |approximately )?"
                         r"(?:US\s?\$|\$|€|£|dlrs\.?\s?)?\s*$", re.IGNORECASE)
_SUPERSEDED = re.compile(r"\b(?:initially|originally|at first)\s+(?:(?:put|given|reported|"
                         r"estimated)\s+(?:at|as)\s+)?$", re.IGNORECASE)
# A figure the report quotes only to say it could not confirm it, or that someone denied it.
_UNCONFIRMED = re.compile(r"\b(?:(?:could|can|did)\s*(?:not|n't)\s+(?:confirm|verify)|denied|denies"
                          r"|dismissed)\s+(?:the\s+)?(?:claims?|reports?|rumou?rs?)\s+that\b"
                          r"[^.;]*$", re.IGNORECASE)
# A span of time made an adjective sizes the noun after it: a "30-day program" and a "90-day
# stint" are two things, as a "36-foot Unity" and a "41-foot Zarya" are.
TIME_HEADS = frozenset({"minute", "hour", "day", "week", "month", "year"})
_MAYBE_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty"
    r"|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen"
    r"|dozens|scores)\b", re.IGNORECASE)


def extract_claims(corpus: Corpus, article_ids: Iterable[str] | None = None) -> list[Claim]:
    """Every claim of the given articles (all analysed ones when None), in article then text
    order."""
    ids = [i for i in (article_ids if article_ids is not None else corpus.ids)
           if i in corpus.analyses]
    out: list[Claim] = []
    for aid in ids:
        out.extend(article_claims(corpus, aid))
    return out


def article_claims(corpus: Corpus, aid: str) -> list[Claim]:
    a = corpus.analyses[aid]
    text = corpus.articles[aid].clean_text
    sentences = claim_sentences(corpus.articles[aid], a.sentences)
    mentions, timexes = a.mentions, a.timexes
    wanted: list[int] = []
    for i, s in enumerate(sentences):
        has_date = any(checkable(t) and s.start <= t.start and t.end <= s.end for t in timexes)
        if has_date or _MAYBE_NUMBER.search(s.text):
            wanted.append(i)
    # a joined wrapped sentence keeps its line breaks; the parser reads them as spaces (same
    # offsets)
    docs = dict(zip(wanted, parse(sentences[i].text.replace("\n", " ") for i in wanted)))
    rounds = sorted({r for s in sentences for r in rounds_named(s.text)})
    # (a withdrawal is often told sentences after the count it changes)
    withdrawal_told = bool(WITHDRAWAL.search(text))
    claims: list[Claim] = []
    for i, doc in docs.items():
        s = sentences[i]
        ctx = sentence_context(i, sentences, mentions, timexes,
                               dct_given=a.dct.source in ("metadata", "user"))
        # names the tagger missed on an organisation it found ("Microsoft's Longhorn")
        unmarked = unmarked_names(doc, s.start, mentions)
        base = dict(article_id=aid, sentence_start=s.start, sentence_end=s.end,
                    entity_ids=sorted({*ctx.entity_ids, *unmarked}), places=ctx.places,
                    dates=ctx.dates, words=ctx.words, periods=ctx.periods,
                    actors=sorted({*ctx.actors, *unmarked}))
        masked = [(t.start - s.start, t.end - s.start) for t in timexes
                  if s.start <= t.start and t.end <= s.end]
        first_count = len(claims)
        ages = list(find_ages(s.text, s.start, mentions))
        for n in find_numbers(s.text, masked):
            start, end = s.start + n.start, s.start + n.end
            if any(a_start < end and start < a_end for a_start, a_end, _, _ in ages):
                continue  # "Andrew Lopez, 20 and ...": an age, claimed as one below, counts no one
            b = bind(doc, n.__class__(start, end, n.text, n.value, n.low, n.high, n.approx,
                                      n.unit, n.spelled), s.start)
            if b is None or (b.event is None and b.head is None) or b.head in CLOCK_ZONES:
                continue  # "at 1500 GMT" is a time of day, counted by nothing
            unit, head = n.unit, b.head
            if unit is None and head in MEASURE_UNITS:
                # "18 feet long": a measure of an object, whatever verb carries it
                unit, head = MEASURE_UNITS[head], None
            elif unit in MEASURE_UNIT_NAMES:
                head = None  # "fell about 200m": the unit was written with the number
            elif b.event is None and n.unit not in MONEY_UNITS and n.unit not in ("%", "pp") \
                    and not _specific(b.head):
                continue  # a count of nothing happening ("the two leaders") is not checkable
            if _fragment(s.text, n.start, n.end) or _LABEL_BEFORE.search(s.text, 0, n.start) \
                    or _CLOCK_AFTER.match(s.text, n.end) \
                    or _CLOCK_BEFORE.search(s.text, 0, n.start):
                # "$2. 6 million" split by a stray space, "Route 94", "the number 2 man", "4:43
                # left", "at 1:30 a.m.": no count of anything
                continue
            if _model_number(doc, n.start, n.end):
                continue  # "everyone who bought a Zenphone 8": a name, no count of phones
            if _ALL_BUT.search(s.text, 0, n.start):
                continue  # "all but five ... have been released": five were not
            if _SUPERSEDED.search(s.text, 0, n.start):
                continue  # "initially 10, has risen to 12": the report itself has the newer figure
            if _UNCONFIRMED.search(s.text, 0, n.start):
                continue  # "could not confirm reports that scores died": the report does not say so
            if b.event not in CLASS_NAMES and _specific(b.head) and n.high < _NAMED_MAX \
                    and float(n.high).is_integer() and _DEFINITE.search(s.text, 0, n.start):
                # "the two nations": things already named, referred to, not counted ("the 4.7
                # magnitude" is a measure)
                continue
            named = _named_besides(s.text, n.start, n.end) if unit is None else 0
            low, high, value = n.low + named, n.high + named, \
                (n.value + named if n.value is not None else None)
            modifiers = b.modifiers
            if unit == "mi" and NAUTICAL.match(s.text[n.end:n.end + 20]):
                unit, modifiers = "nmi", [m for m in modifiers if m != "nautical"]
            heading = origin = None
            if unit in LENGTH_UNITS:
                modifiers = [*modifiers, _dimension(s.text[n.end:n.end + 30])]
                heading, origin = _heading(s.text[n.end:n.end + 90])
            sizes = unit in MEASURE_UNIT_NAMES or head in TIME_HEADS
            planned = planned_at(doc, n.start, n.end)
            # "will collect the $512,000 award": the plan is what will be done with a known
            # thing; its value is told as a fact, bound to no planned event (as "her award,
            # worth $498,000" is bound to none)
            known = planned and unit in MONEY_UNITS and value_of_known_thing(doc, n.start, n.end)
            event = None if known or (unit is None and _makes_up(doc, s.text, n.end)) \
                else b.event
            what = " ".join(w for w in (b.head_text or (b.head if b.head != "people" else "people"),
                                        b.event_text) if w) or (n.unit or "")
            claims.append(Claim(
                kind="number", start=start, end=end, text=text[start:end],
                what=f"{what} (with {named} named)" if named else what,
                low=low, high=high, value=value, approx=n.approx, unit=unit,
                head=head, event=event, joined=b.joined, agent=b.agent, modifiers=modifiers,
                bearer=b.bearer if sizes else None,
                bearer_proper=b.bearer_proper and sizes,
                heading=heading, origin=origin,
                update_cue=b.update_cue or bool(REVISION.search(s.text)),
                tally=bool(TALLY.search(s.text)),
                withdrawal_told=head in ENTRANTS and withdrawal_told,
                vote_round=round_of(s.text, rounds), owners=_owners(b.owners, s.start, mentions),
                planned=planned and not known,
                converted=bool(_CONVERSION.search(s.text, max(0, n.start - 40), n.start)),
                **base))  # type: ignore[arg-type]
        _scope(claims[first_count:], s.text, s.start, mentions, doc)
        for start, end, age, person in ages:
            # a name's age is bound to its entity; "a 60-year-old woman" to the word "woman"
            who, bearer = (person, person) if isinstance(person, str) else \
                (person.text, person.entity_id or person.text)
            claims.append(Claim(
                kind="number", start=start, end=end, text=text[start:end],
                what=f"age of {who}", low=age, high=age, value=age, unit="age",
                bearer=bearer, bearer_proper=not isinstance(person, str),
                **base))  # type: ignore[arg-type]
        for i_start, i_end, low, high, approx, what in find_intervals(s.text):
            start, end = s.start + i_start, s.start + i_end
            claims.append(Claim(
                kind="number", start=start, end=end, text=text[start:end],
                what=f"time since the {what}", low=low, high=high, value=high, approx=approx,
                unit="days since", bearer=what, **base))  # type: ignore[arg-type]
        for i_start, i_end, event, verb in find_one_more(s.text):
            start, end = s.start + i_start, s.start + i_end
            claims.append(Claim(
                kind="number", start=start, end=end, text=text[start:end], what=f"people {verb}",
                low=1.0, high=1.0, value=1.0, head="people", event=event,
                **base))  # type: ignore[arg-type]
        for i_start, i_end, seconds, period in find_clocks(s.text):
            start, end = s.start + i_start, s.start + i_end
            claims.append(Claim(
                kind="number", start=start, end=end, text=text[start:end], what="game clock",
                low=seconds, high=seconds, value=seconds, unit="clock",
                modifiers=[period] if period else [], **base))  # type: ignore[arg-type]
        for t in timexes:
            if not (s.start <= t.start and t.end <= s.end):
                continue
            sized = sized_span(t, doc, s.start)
            if sized is not None:
                value, unit, noun = sized
                bearer = span_bearer(noun)
                claims.append(Claim(
                    kind="number", start=t.start, end=t.end, text=text[t.start:t.end],
                    what=f"{t.text} {noun.text}", low=value, high=value, value=value, unit=unit,
                    bearer=(bearer.lemma_ or bearer.text).lower(),
                    bearer_proper=bearer.pos_ == "PROPN", **base))  # type: ignore[arg-type]
                continue
            length = span_of_thing(t, doc, s.start, s.text)
            if length is not None:
                bearer = (length.thing.lemma_ or length.thing.text).lower()
                claims.append(Claim(
                    kind="number", start=t.start, end=length.end, text=text[t.start:length.end],
                    what=f"time to {bearer}" if length.allowed
                    else f"length of the {length.thing.text}",
                    low=length.low, high=length.high, value=length.value, approx=length.approx,
                    unit=length.unit, bearer=bearer, bearer_proper=length.thing.pos_ == "PROPN",
                    planned=planned_at(doc, t.start - s.start, t.end - s.start),
                    **base))  # type: ignore[arg-type]
                continue
            if not checkable(t) or _in_range(text, t.start, t.end):
                continue
            ev = date_event(doc, t, s.start)
            if ev is None:
                continue
            lemma, words, args, subject, themes, terms = ev
            who = _of_whom(lemma, args, subject, s, sentences[i - 1] if i > 0 else None,
                           mentions, text)
            actors = base["actors"]
            if who is not None:
                actors = sorted({*actors, fuller_name(who, mentions)})
                args = [*args, *(w.lower() for w in who.text.split())]
            # "on Friday" is only as sure as the publication date it is counted from, and so is
            # the year of "Sept. 24"
            given = a.dct.source in ("metadata", "user") and t.anchored
            approx = None if given or _YEAR.search(t.text) else \
                "no year" if _WRITTEN_DATE.search(t.text) else "relative"
            claims.append(Claim(
                kind="date", start=t.start, end=t.end, text=text[t.start:t.end], what=words,
                date=t.value, granularity=t.granularity, event=lemma, agent=args,
                approx=approx, weekday=weekday_named(t.text), themes=list(themes),
                terms=list(terms),
                planned=planned_at(doc, t.start - s.start, t.end - s.start),
                **{**base, "actors": actors}))  # type: ignore[arg-type]
    for q in a.quotes:
        if q.kind != "direct" or len(q.text.split()) < MIN_QUOTE_WORDS:
            continue
        claims.append(Claim(
            kind="quote", article_id=aid, start=q.start, end=q.end, text=q.text,
            sentence_start=q.sentence_start, sentence_end=q.sentence_end,
            what=f"who said \u201c{_short(q.text)}\u201d", speaker=q.speaker,
            speaker_entity_id=q.speaker_entity_id, attribution=q.attribution))
    for m, start, end, role in find_roles(text, mentions):
        sent = next((s for s in sentences if s.start <= m.start < s.end), None)
        claims.append(Claim(
            kind="role", article_id=aid, start=start, end=end, text=text[start:end],
            sentence_start=sent.start if sent else m.start, sentence_end=sent.end if sent else end,
            what=f"role of {m.text}", person=m.entity_id or m.text, role=role.lower()))
    claims.sort(key=lambda c: (c.start, c.kind))
    if sentences:
        _hedge_headline(claims, sentences[0].end)
    _breakdowns(claims)
    read_incidents(claims, text, sentences)
    return claims


def _breakdowns(claims: list[Claim]) -> None:
    """Mark each count its report splits among places, and the parts: "killed 12 insurgents"
    and, further on, "five in Herat, four in Kandahar and three in Helmand". A statement's batch
    is told by its places; another statement's batch in other places is another batch, whatever
    its total."""
    counts = [c for c in claims if c.kind == "number" and c.unit is None and c.event
              and c.value is not None]
    for k, first in enumerate(counts):
        run: list[Claim] = []
        for c in counts[k:]:
            if not c.placed or c.whole or c.event != first.event:
                break
            run.append(c)
            if len(run) < 2 or len({tuple(p.places) for p in run}) < 2:
                continue
            total = sum(p.value or 0 for p in run)
            wholes = [t for t in counts if t not in run and t.event == first.event
                      and t.value == total and t.approx is None]
            if wholes:
                places = sorted({p for part in run for p in part.places})
                for c2 in (*run, *wholes):
                    c2.batch = places


def _hedge_headline(claims: list[Claim], headline_end: int) -> None:
    """A headline drops the hedge its story writes: "27 dead as ferry capsizes" over "killing at
    least 27 passengers" is the body's "at least 27", not a count of its own. A figure of the
    opening line, written bare, takes the hedge of the same figure of the same measure further
    on."""
    hedged = [c for c in claims
              if c.kind == "number" and c.start >= headline_end and c.approx in HEDGES]
    for c in claims:
        if c.kind != "number" or c.end > headline_end or c.approx not in (None, "rounded"):
            continue
        body = next((x for x in hedged if _one_figure(c, x)), None)
        if body is not None:
            c.low, c.high, c.approx = body.low, body.high, body.approx


def _one_figure(headline: Claim, body: Claim) -> bool:
    """The same figure of the same measure; a headline's "27 dead" counts the body's "27
    passengers" killed (a headline names no one)."""
    return headline.value == body.value and headline.unit == body.unit \
        and headline.event == body.event \
        and (headline.head == body.head or headline.head in (None, "people"))


# Time zones after a clock time written as a number ("1500 GMT").
CLOCK_ZONES = frozenset({"gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "cet", "bst",
                         "jst", "ist"})


# Heads too general, or too much a matter of measure, to be a claim without an event.
_GENERAL_HEADS = PEOPLE | frozenset({
    "year", "month", "week", "day", "hour", "minute", "second", "time", "times", "point", "percent",
    "cent", "mile", "kilometer", "kilometre", "meter", "metre", "foot", "feet", "inch", "yard",
    "degree", "mph", "kph", "knot", "ton", "tonne", "thing", "way", "part", "side", "one", "lot",
    "third", "half", "quarter", "fifth", "tenth", "member", "child", "son", "daughter", "brother",
    "sister", "leader", "official", "country", "case", "step", "issue", "round", "game", "term",
    "decade", "century", "generation", "other", "million", "billion", "thousand", "hundred"})


_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_RANGE_TO = re.compile(r"\s*(?:to|and|through|until|-|–)\s+\S", re.IGNORECASE)
_RANGE_CLOSE = re.compile(
    r"\b(?:from|between)\s+[\w.,' ]{1,30}?\s+(?:to|and|through|until|-|–)\s+$", re.IGNORECASE)


def _scope(counts: list[Claim], text: str, offset: int, mentions: list, doc) -> None:  # type: ignore[type-arg,no-untyped-def]
    """Each count of a sentence bound to the places it is for, and marked when it counts several
    places together (see claims.scope)."""
    groups = located_places(text, offset, mentions, doc)
    by_key: dict[tuple[str | None, ...], list[Claim]] = {}
    for c in counts:
        by_key.setdefault(c.key, []).append(c)
    for same in by_key.values():
        if len(same) == 1:
            c = same[0]
            c.whole = is_whole(text, offset, c.start, c.end, groups)
            if groups:
                c.places = scope_of(groups)  # not "the U.S. embassy": a title locates nothing
                c.placed = True
            else:
                route = route_places(text, offset, mentions)
                c.places = [p for p in c.places if p not in route]
            continue
        for c, places in zip(same, split_scopes([(c.start, c.end) for c in same], groups)):
            if places:
                c.places, c.placed = places, True
            c.whole = is_whole(text, offset, c.start, c.end, [])


_OTHERS = re.compile(r"\s+others?\b", re.IGNORECASE)
_WITH = re.compile(r"\b(?:along\s+with|together\s+with|with)\s+$", re.IGNORECASE)
_LIST_BEFORE = re.compile(r"(?:,\s*[\w'’. -]{1,30}?)*\s+and\s+$")


def _named_besides(text: str, start: int, end: int) -> int:
    """How many named people "N others" leaves out of its count: "his mother, stepfather and
    eight other people drowned" is ten dead, "she perished along with 10 others" eleven."""
    if not _OTHERS.match(text, end):
        return 0
    before = text[max(0, start - 80):start]
    if _WITH.search(before):
        return 1
    m = _LIST_BEFORE.search(before)
    if m is None:
        return 0
    items = " ".join(before[:m.end()].split()[-3 - 3 * m.group(0).count(","):])
    if _MAYBE_NUMBER.search(items):
        return 0  # "three soldiers and 10 other people": a count, not people named one by one
    return 1 + m.group(0).count(",")


def _of_whom(lemma: str, args: list[str], subject: Any, s: Sentence, prev: Sentence | None,
             mentions: list[Mention], text: str) -> Mention | None:
    """The person a dated event is of when the sentence names them only before: "he arrived on
    April 6" (the person "he" stands for), "the Oct. 23 slaying" after "the death of Dr. Jon
    Vell" (the person whose death the sentence before told)."""
    if subject is not None and subject.lower_ in PERSONAL:
        return antecedent(subject, s, prev, mentions)
    if lemma in ONE_DEATH and not args and prev is not None:
        return victim_before(prev, mentions, text)
    return None


# Names of where people are from: "U.S. troops" are the troops of a place, not of an owner.
_ORIGIN_LABELS = PLACE_LABELS | {"NORP"}


def _owners(owners: list[tuple[str, int]], offset: int, mentions: list[Mention]) -> list[str]:
    """The names a count is written on that are no place or nationality."""
    return [name for name, at in owners
            if not any(m.label in _ORIGIN_LABELS and m.start <= offset + at < m.end
                       for m in mentions)]


# A number that names (a road, a rank, a seat) rather than counts, and the parts of a clock time.
_LABEL_BEFORE = re.compile(r"\b(?:route|highway|interstate|rte\.?|no\.|(?:the|a|his|her|its) number"
                           r"|flight|channel|room"
                           r"|gate|chapter|article|section|page|platform|pier|bay|level|terminal)"
                           r"\s*$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"\s?:\s?\d\d\b")
_CLOCK_BEFORE = re.compile(r"\d\s?:\s?$")
# A figure written with a stray space after its thousands comma or its decimal point.
# (a decimal split so is one figure even with no unit after it: "magnitude - 4. 7")
_SPLIT_FIGURE = re.compile(r"(?<![\d,])\d{1,3}, \d{3}\b"
                           r"|\$\d+\. \d+\s*-?\s*(?:[Mm]illion|[Bb]illion|m\b|bn\b)"
                           r"|(?<![\d.])\d{1,3}\. \d{1,2}(?![\d.])")


def _fragment(text: str, start: int, end: int) -> bool:
    """A part of a figure that a stray space split ("2, 117 points", "$2. 6 million", as text
    rebuilt from tokens has it): neither part is a figure of its own."""
    return any(m.start() <= start and end <= m.end() and (m.start(), m.end()) != (start, end)
               for m in _SPLIT_FIGURE.finditer(text, max(0, start - 12), end + 16))


_HYPHENED_NOUN = re.compile(r"\s?-\s?[a-z]+\s+")


def _makes_up(doc: Any, text: str, end: int) -> bool:
    """A count hyphened to its noun before another noun ("the 80-boat flotilla", "a 12-member
    jury") tells what that group is made of, not what happened to the things counted: "half of the
    80-boat flotilla was turned back" says nothing of how many boats were."""
    m = _HYPHENED_NOUN.match(text, end)
    if m is None:
        return False
    after = [t for t in doc if t.idx == m.end()]
    return bool(after) and after[0].pos_ == "NOUN" \
        and any(c.dep_ == "compound" and c.i == after[0].i - 1 for c in after[0].children)


def _model_number(doc: Any, start: int, end: int) -> bool:
    """A number written after the proper name it belongs to ("a Zenphone 8", "Apollo 11", "a
    Boeing 747"): English writes a count before what it counts, so a numeral that closes a name is
    part of the name (a model, a mission), not how many there are."""
    toks = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    if len(toks) != 1 or not toks[0].text.isdigit():
        return False
    t = toks[0]
    name = t.head
    if not (t.dep_ == "nummod" and name.i == t.i - 1 and name.pos_ == "PROPN"):
        return False
    # a headline in title case capitalises its verb too ("Flood Kills 12 In Valley")
    words = [w for w in doc if w.is_alpha and len(w.text) > 3]
    return any(w.text[0].islower() for w in words)


def _in_range(text: str, start: int, end: int) -> bool:
    """An end of a period ("set the mark from 1974 to 1978"): neither end is the date of the
    event, so neither is checked against a date another report gives."""
    before = text[max(0, start - 48):start]
    return bool(_RANGE_OPEN.search(before) and _RANGE_TO.match(text, end)) \
        or bool(_RANGE_CLOSE.search(before))


def _specific(head: str | None) -> bool:
    """A counted noun that names a checkable set on its own ("41 nations", "6,000 athletes")."""
    return head is not None and head not in _GENERAL_HEADS and len(head) > 2


def _dimension(after: str) -> str:
    """ "78 feet wide" -> width; "63 feet long", "four kilometers away" -> extent."""
    m = DIMENSION.match(after)
    if m is None:
        return "extent"
    return "width" if m.group("w") else "height" if m.group("h") else "depth"


def _heading(after: str) -> tuple[str | None, str | None]:
    """ "15 miles southeast of the state capital Montpelier" -> ("southeast", "montpelier"): the
    direction of a distance and the name it is counted from (its capitalised words; none for
    "north of the site of the abduction")."""
    m = HEADING.match(after)
    if m is not None:
        return m.group("dir").lower().replace("-", ""), _place_name(m.group("ref"))
    # "60 miles from the Sorrel Keys": counted from a place, in no direction told
    source = FROM_PLACE.match(after)
    return None, _place_name(source.group("ref")) if source else None


def _place_name(ref: str | None) -> str | None:
    """The capitalised words of what a distance is counted from, lower case: "montpelier" of "the
    state capital Montpelier"; None for "the site of the abduction"."""
    names = re.findall(r"\b[A-Z][\w'’-]+", ref or "")
    return " ".join(w for w in names if w.lower() not in STOPWORDS).lower() or None


def _short(text: str, words: int = 8) -> str:
    w = text.split()
    return " ".join(w[:words]) + (" \u2026" if len(w) > words else "")
