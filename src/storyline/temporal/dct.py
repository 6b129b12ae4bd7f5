"""Publication date (document creation time, DCT) of articles whose metadata lacks it.

Every clue is a factor over candidate publication days, and the estimate is the day, month, year or
decade that holds most of the resulting distribution; its share of the distribution is the
confidence. Clues, each read from a time expression and the words around it:

- *bounds*: an article reports in the past tense what happened before it was written ("shot down a
  Russian warplane in November 2015" -> not before November 2015), and in the future tense what is
  still to come;
- *recency*: the latest day it speaks of is usually a day or two before publication ("met ... on
  Sept. 28" in a caption), and the latest year it names is usually a year or two back;
- *coreference*: two expressions about one event name one time. Inside an article this ties a
  weekday to a day of the month ("on Thursday" + "Sept. 28" -> a year in which Sept. 28 is a
  Thursday), and "six years ago" to "broke out in 2011". Across the articles of a story, an event
  dated in one dates the relative expressions of another ("in November 2015" dates "in November
  last year"; "met Lavrov in Sochi on July 1" dates "after a meeting ... on Friday").

Events are matched by the rare words their clauses share (names weigh most: they are rare), so
no named-entity tagger is needed and the whole inference stays a cheap pure function. Across
articles the beliefs are passed as messages (loopy belief propagation: what B tells A leaves out
what A told B) until they settle, so a dated article helps date the others, and those date more.
A given date (metadata or user) is never revised and anchors the others with full trust.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

import numpy as np

from storyline.records import DctEstimate, TimeExpr, readable

__all__ = ["DctInput", "infer_dct", "infer_story_dcts"]


@dataclass(slots=True)
class DctInput:
    """What date inference reads of one article."""

    article_id: str
    text: str  # clean text
    removed_lines: list[str] = field(default_factory=list)  # captions etc.: dates there count
    given: str | None = None  # a date from metadata or the user: always wins
    title: str | None = None
    given_source: str = "metadata"  # "metadata" or "user"


# --- Tunables. Each is a modelling assumption about news writing, not a fitted number. ----------
# Share of articles whose latest mentioned day/week is within days of publication ("on Thursday",
# "Sept. 28"); the rest refer back to older events only.
_RECENT_SHARE = 0.8
# Of those, the share whose lead (or lead photo) is the newest thing: the rest report a later
# development further down ("... referendum held Monday").
_LEAD_SHARE = 0.8
# How far publication trails the latest mentioned time, by that time's granularity (days).
_RECENT_SCALE = {
    "day": 1.2,
    "week": 3.0,
    "month": 20.0,
    "season": 40.0,
    "quarter": 40.0,
    "year": 150.0,
}
# The latest year an article names is usually a year or two before it appeared.
_YEAR_GAP_SCALE = 2.0 * 365.25
_OWN_PERIOD_NAMED = 0.3
_LONG_GAP_SHARE, _LONG_GAP_SCALE = 0.3, 10 * 365.25
# A past-tense mention of a time after publication (or a future one before) is rare, not impossible.
_BOUND_VIOLATION = 0.03
# Two expressions judged to be about one event still might not be: the factor for a mismatch.
_MAX_SURPRISE = 100.0
_PARTNERS = 2
_MAX_CANDIDATES = 24  # per expression, scored exactly among those sharing its rare words
_MAX_POTENTIAL_CELLS = 4_000_000  # ~32 MB of float64 per article pair
# Joint matrices of a whole story (~64 MB): the strongest pairs get them first, the links of the
# others are passed one by one (each exact, what they say together is lost).
_MAX_STORY_CELLS = 8_000_000
_MAX_EVIDENCE = 8
# Links of a pair whose joint potential is built per agreement pattern (2**this values).
_PATTERN_LINKS = 16
# Share of a joint potential's cells where some link agrees, up to which it is kept sparse.
_SPARSE_SHARE = 0.2
# Source spans a destination span may meet for the sweep to add them directly (else cumsums).
_SWEEP_PICKS = 4
_MAX_MATCH = 0.9
_MIN_SHARED_WEIGHT = 2.0
_MATCH_LOW, _MATCH_HIGH = 0.15, 0.5  # shared share of clause weight: no match below, sure above
_LEAD_CAPTION_BONUS = 0.25
# Words in every article of a story (its protagonists) still count this much of their rarity.
_SPREAD_FLOOR = 0.3
_BACKGROUND = 20  # summed rarity (idf) of the words two clauses must share to match
# Candidate days: from the earliest year the story names to a few years after the latest.
_YEARS_AFTER_LATEST = 6
_MAX_WINDOW_YEARS = 40
_MAX_READINGS = 400  # per article: a 1 MB line of dates must not blow up pair matching
_CROSS_TRUST = 0.5
_GRANULARITY_THRESHOLD = 0.6  # the finest unit holding at least this share is reported
_MAX_INFERRED_CONFIDENCE = 0.95
# Relative difference below which two days' (or units') probabilities are a tie: floating-point
# noise in a 200-article story's beliefs reaches ~1e-8, and a millionth more belief in one day
# than another says nothing about the publication date.
_TIE = 1e-6
_ROUNDS = 8
# A message whose inputs moved less than this (in log units) since it was computed is kept.
_UNCHANGED = 1e-6

_STOP_WORDS = """
    a about above after again against all also an and any are as at be because been before
    being between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself
    just me more most my no nor not now of off on once only or other our out over own same
    she should so some such than that the their theirs them then there these they this those
    through to too under until up very was we were what when where which while who whom why
    will with would you your said says say told tell added according mr mrs ms dr new one
    two three four five six seven eight nine ten first second last next ago earlier later
    early late since year years month months week weeks day days today yesterday tomorrow
    time times previously recently
"""
_STOP = frozenset(_STOP_WORDS.split())
_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# --- Reading time expressions -------------------------------------------------------------------

_MONTH_WORD = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY_WORD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM_WORD = r"(?:\d{1,3}|" + "|".join(_NUMBERS) + r")"
_RX_MONTH_REL_YEAR = re.compile(
    r"\b(?P<m>" + _MONTH_WORD + r")\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b"
)
_RX_WEEKDAY = re.compile(r"\b(?:(?P<rel>last|next|this|past)\s+)?(?P<wd>" + _WEEKDAY_WORD + r")\b")
_RX_AGO = re.compile(
    r"\b(?P<n>" + _NUM_WORD + r")\s+(?P<unit>day|week|month|year)s?\s+(?:ago|earlier|before)\b",
    re.IGNORECASE,
)
_RX_REL_UNIT = re.compile(
    r"\b(?P<rel>last|this|next|past|previous|coming)\s+(?P<unit>week|month|year)\b", re.IGNORECASE
)
_RX_EARLIER_IN = re.compile(
    r"\b(?:earlier|later)\s+in\s+the\s+(?P<unit>week|month|year)\b", re.IGNORECASE
)
_RX_DAY_WORD = re.compile(r"\b(?P<w>yesterday|today|tomorrow|tonight)\b", re.IGNORECASE)
_RX_VALUE_ABS = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?:T.*)?$")
_RX_VALUE_DECADE = re.compile(r"^(?P<dec>\d{3})$")
_RX_VALUE_YEARLESS = re.compile(r"^XXXX-(?P<m>\d{2})(?:-(?P<d>\d{2}))?(?:T.*)?$")
_RX_VALUE_SEASON = re.compile(r"^(?P<y>\d{4})-(?P<s>SP|SU|FA|WI|Q[1-4]|H[12])$")
_RX_TEXT_MONTH_DAY = re.compile(
    r"\b(?P<m>" + _MONTH_WORD + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b"
    r"|\b(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>" + _MONTH_WORD + r")"
)
_RX_TEXT_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(slots=True)
class _Reading:
    """One time expression as a function of the candidate publication day."""

    article_id: str
    where: str  # "text", "caption", "title"
    text: str  # the expression as written
    clause: str  # the words around it, quoted in evidence
    tense: str  # "past" or "future"
    kind: str  # "abs", "yearless", "weekday", "rel"
    granularity: str
    start: int = 0  # abs: ordinal day span
    end: int = 0
    month: int = 0  # yearless / rel month-of-year
    day: int = 0  # yearless day of month (0: the whole month)
    weekday: int = -1
    strict: bool = False  # "last Friday": strictly before (or after) the publication day
    unit: str = ""  # rel: "day", "week", "month", "year"
    shift: int = 0  # rel: how many units from the publication's
    words: dict[str, float] = field(default_factory=dict)  # clause word -> nearness weight
    sentence: tuple[int, int] = (0, 0)  # sentence span in its source text
    span: tuple[int, int] = (0, 0)  # offsets in its source text
    source: int = 0  # which text of the article it came from (0: body, 1..: removed lines)
    lead: bool = False  # the first dated expression of the body

    @property
    def relative(self) -> bool:
        return self.kind != "abs"

    def label(self) -> str:
        where = "" if self.where == "text" else f" ({self.where})"
        return f'"{self.text}"{where}'


def _ordinal(y: int, m: int, d: int) -> int:
    return date(y, m, d).toordinal()


def _month_span(y: int, m: int) -> tuple[int, int]:
    first = date(y, m, 1)
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return first.toordinal(), nxt.toordinal() - 1


def _abs_span(value: str) -> tuple[int, int, str] | None:
    """Ordinal day span and granularity of an absolute TIMEX3 value, or None."""
    m = _RX_VALUE_ABS.match(value)
    try:
        if m:
            y = int(m["y"])
            if m["d"]:
                o = _ordinal(y, int(m["m"]), int(m["d"]))
                return o, o, "day"
            if m["m"]:
                return (*_month_span(y, int(m["m"])), "month")
            return _ordinal(y, 1, 1), _ordinal(y, 12, 31), "year"
        m = _RX_VALUE_DECADE.match(value)
        if m:
            y = int(m["dec"]) * 10
            return _ordinal(y, 1, 1), _ordinal(y + 9, 12, 31), "decade"
        m = _RX_VALUE_SEASON.match(value)
        if m:
            y, s = int(m["y"]), m["s"]
            months = {
                "SP": (3, 5),
                "SU": (6, 8),
                "FA": (9, 11),
                "WI": (1, 2),
                "H1": (1, 6),
                "H2": (7, 12),
            }.get(s) or ((int(s[1]) - 1) * 3 + 1, (int(s[1]) - 1) * 3 + 3)
            return _month_span(y, months[0])[0], _month_span(y, months[1])[1], "quarter"
    except ValueError:  # 2017-02-30 and friends: not a day, so no evidence
        return None
    return None


def _month_of(word: str) -> int:
    return _MONTHS[word.rstrip(".").lower()]


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


_PAST_VERB = re.compile(
    r"\b(?:said|told|met|was|were|had|did|held|came|began|took|gave|spoke|broke|shot|won|lost|"
    r"announced|visited|signed|agreed|killed|\w+ed)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_FUTURE_CUE = re.compile(
    r"\b(?:will|won't|shall|'ll|going\s+to|set\s+to|due\s+to|scheduled|slated|to\s+be\s+held|"
    r"plans?\s+to|planning\s+to|expected\s+to|upcoming|is\s+to|are\s+to)\b",
    re.IGNORECASE,
)
_CLAUSE_STOP = re.compile(r"[.;!?\n]\s|[\n]")


def _tense(text: str, start: int, end: int) -> str:
    """News tells the past unless a future marker sits in the clause before the expression, and
    a past verb right before it ("said on Friday") settles it for the past."""
    lo = max(0, start - 90)
    before = text[lo:start]
    cut = None
    for m in _CLAUSE_STOP.finditer(before):
        cut = m.end()
    if cut is not None:
        before = before[cut:]
    if _PAST_VERB.search(before):
        return "past"
    after = text[end : end + 40]
    stop = _CLAUSE_STOP.search(after)
    after = after[: stop.start()] if stop else after
    if _FUTURE_CUE.search(before) or _FUTURE_CUE.search(after):
        return "future"
    return "past"


_WORD = re.compile(r"[^\W_][\w'’-]*")
# A full stop ends a sentence unless it ends "Mr", "St", an initial or "Sept".
_SENTENCE_END = re.compile(
    r"(?<![A-Z][a-z])(?<!\b[A-Z])(?<!\bSept)[.!?][\"'”»]?\s+(?=[\"'“«A-Z])|\n+"
)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 400)
    s = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        s = m.end()
    m = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    e = m.start() + 1 if m else min(len(text), end + 400)
    return s, e


# Irregular forms news verbs take, so "met" matches "meeting" and "shot down" matches "downing".
_LEMMA = {
    "met": "meet",
    "meeting": "meet",
    "meetings": "meet",
    "talks": "talk",
    "shot": "shoot",
    "downing": "shoot",
    "downed": "shoot",
    "broke": "break",
    "broken": "break",
    "began": "begin",
    "begun": "begin",
    "warplane": "plane",
    "jet": "plane",
    "bomber": "plane",
    "visited": "visit",
    "visiting": "visit",
    "killed": "kill",
    "signed": "sign",
    "attacks": "attack",
    "bombing": "attack",
    "bomb": "attack",
    "blast": "attack",
}


def _content_word(token: str) -> str:
    """The matching form of a token, or "" when it tells no event apart."""
    w = token.lower().replace("’", "'")
    w = w.removesuffix("'s")
    w = _LEMMA.get(w, w)
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if w in _STOP or w in _MONTHS or w in _WEEKDAYS or w.isdigit() or len(w) < 2:
        return ""
    return w


_WORD_FORMS: dict[str, str] = {}  # token -> _content_word(token): news reuses its words


def _content_words(text: str) -> list[str]:
    return _content_forms(_WORD.findall(text))


def _content_forms(tokens: Sequence[str]) -> list[str]:
    """The content words among tokens (as :data:`_WORD` finds them), in order."""
    forms = _WORD_FORMS
    if len(forms) > 200_000:  # a bound, for processes that read very many stories
        forms.clear()
    out = []
    for t in tokens:
        w = forms.get(t)
        if w is None:
            w = forms[t] = _content_word(t)
        if w:
            out.append(w)
    return out


_CONTEXT_WORDS = 12
_NEAR_WORDS = 5.0  # a word this many words away from the expression counts half
_LEAD_CHARS = 600  # where an article's lead ends, roughly its first two sentences


def _context(text: str, start: int, end: int) -> tuple[dict[str, float], str, tuple[int, int]]:
    """The content words around an expression inside its sentence, each weighted by nearness
    (an event's words sit close to its date), and the sentence itself for quoting."""
    s, e = _sentence_bounds(text, start, end)
    before = _content_words(text[s:start])[-_CONTEXT_WORDS:]
    after = _content_words(text[end:e])[:_CONTEXT_WORDS]
    words: dict[str, float] = {}
    for dist, w in enumerate(reversed(before)):
        words[w] = max(words.get(w, 0.0), 1.0 / (1.0 + dist / _NEAR_WORDS))
    for dist, w in enumerate(after):
        words[w] = max(words.get(w, 0.0), 1.0 / (1.0 + dist / _NEAR_WORDS))
    sentence = " ".join(text[s:e].split())
    if len(sentence) > 200:
        sentence = sentence[:197] + "..."
    return words, sentence, (s, e)


def _read(tx: TimeExpr, text: str, article_id: str, where: str, source: int) -> list[_Reading]:
    """What an expression says about the publication day; [] when it says nothing (durations,
    sets, "recently", times of day alone)."""
    if tx.type not in ("DATE", "TIME"):
        return []
    words, clause, sentence = _context(text, tx.start, tx.end)
    tense = _tense(text, tx.start, tx.end)
    surface = tx.text
    base: dict[str, Any] = {
        "article_id": article_id,
        "where": where,
        "text": surface,
        "clause": clause,
        "tense": tense,
        "words": words,
        "span": (tx.start, tx.end),
        "source": source,
        "sentence": sentence,
    }
    out: list[_Reading] = []

    m = _RX_MONTH_REL_YEAR.search(surface)
    if m:
        shift = {"last": -1, "this": 0, "next": 1}[m["rel"]]
        out.append(
            _Reading(
                kind="rel",
                granularity="month",
                unit="month-of-year",
                month=_month_of(m["m"]),
                shift=shift,
                **base,
            )
        )
        return out
    m = _RX_AGO.search(surface)
    if m:
        n = _number(m["n"])
        if n is not None and n <= 200:
            out.append(
                _Reading(
                    kind="rel",
                    granularity=m["unit"].lower(),
                    unit=m["unit"].lower(),
                    shift=-n,
                    **base,
                )
            )
        return out

    value = tx.value or ""
    span = _abs_span(value) if tx.anchored or not value.startswith("X") else None
    ym = _RX_VALUE_YEARLESS.match(value)
    md = _RX_TEXT_MONTH_DAY.search(surface)
    wd = _RX_WEEKDAY.search(surface)
    has_year = bool(_RX_TEXT_YEAR.search(surface))
    relative_words = re.search(
        r"\b(?:last|this|next|ago|yesterday|today|tomorrow|tonight|earlier|"
        r"later|previous|past|coming)\b",
        surface,
        re.IGNORECASE,
    )

    if span and (has_year or not relative_words) and (has_year or not (md or wd)):
        out.append(_Reading(kind="abs", start=span[0], end=span[1], granularity=span[2], **base))
    elif ym or (md and not has_year):
        if ym:
            month, day = int(ym["m"]), int(ym["d"] or 0)
        else:
            assert md is not None
            month = _month_of(md["m"] or md["m2"])
            day = int(md["d"] or md["d2"])
        if 1 <= month <= 12 and 0 <= day <= 31:
            out.append(
                _Reading(
                    kind="yearless",
                    granularity="day" if day else "month",
                    month=month,
                    day=day,
                    **base,
                )
            )
    elif span is None and not wd:
        mm = re.fullmatch(
            r"(?:(?:in|on|during|since|until|by|from|of)\s+)?(?:early\s+|late\s+|mid-?)?"
            r"(?P<m>" + _MONTH_WORD + r")",
            surface.strip(),
            re.IGNORECASE,
        )
        if mm and mm["m"][0].isupper():
            out.append(
                _Reading(kind="yearless", granularity="month", month=_month_of(mm["m"]), **base)
            )
    if wd and not (out and out[0].kind == "abs" and out[0].granularity == "day"):
        rel = (wd["rel"] or "").lower()
        strict = rel in ("last", "next", "past")
        out.append(
            _Reading(
                kind="weekday",
                granularity="day",
                weekday=_WEEKDAYS[wd["wd"].lower()],
                strict=strict,
                **{**base, "tense": "future" if rel == "next" else tense},
            )
        )
    if out:
        return out
    m = _RX_REL_UNIT.search(surface)
    if m:
        unit = m["unit"].lower()
        rel = m["rel"].lower()
        shift = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rel]
        return [_Reading(kind="rel", granularity=unit, unit=unit, shift=shift, **base)]
    m = _RX_EARLIER_IN.search(surface)
    if m or re.search(
        r"\b(?:earlier|later)\s+this\s+(?:week|month|year)\b", surface, re.IGNORECASE
    ):
        unit = (m["unit"] if m else surface.split()[-1]).lower().strip(".,")
        if unit in ("week", "month", "year"):
            return [_Reading(kind="rel", granularity=unit, unit=unit, shift=0, **base)]
    m = _RX_DAY_WORD.search(surface)
    if m:
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[m["w"].lower()]
        return [_Reading(kind="rel", granularity="day", unit="day", shift=shift, **base)]
    return []


# --- Finding expressions when no tagger output is handed in -------------------------------------

_FALLBACK = re.compile(
    r"\b(?:" + _MONTH_WORD + r"\s+(?:of\s+)?(?:last|this|next)\s+year"
    r"|(?:(?:last|next|this)\s+)?"
    + _WEEKDAY_WORD
    + r"(?:,?\s+"
    + _MONTH_WORD
    + r"\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?"
    r"|" + _MONTH_WORD + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_WORD + r"(?:,?\s+\d{4})?"
    r"|" + _MONTH_WORD + r"\s+\d{4}"
    r"|(?:in|since|of|by|until|from|during)\s+(?:1[89]\d\d|20\d\d)\b"
    r"|(?:1[89]\d\d|20\d\d)(?=\s+(?:plane|incident|election|attack|war|coup|crisis|deal|summit))"
    r"|" + _NUM_WORD + r"\s+(?:day|week|month|year)s?\s+ago"
    r"|(?:earlier|later)\s+(?:this|in\s+the)\s+(?:week|month|year)"
    r"|(?:last|this|next)\s+(?:week|month|year)"
    r"|yesterday|today|tomorrow"
    r")\b"
)


def _fallback_value(surface: str) -> tuple[str, bool]:
    """TIMEX3 value of a fallback match with no DCT: absolute when the text names a year."""
    year = _RX_TEXT_YEAR.search(surface)
    md = _RX_TEXT_MONTH_DAY.search(surface)
    month = re.search(_MONTH_WORD, surface)
    if year and md:
        mon = _month_of(md["m"] or md["m2"])
        day = int(md["d"] or md["d2"])
        try:
            date(int(year[1]), mon, day)
            return f"{year[1]}-{mon:02d}-{day:02d}", True
        except ValueError:
            return f"{year[1]}-{mon:02d}", True
    if year and month and not re.search(r"\byear\b", surface):
        return f"{year[1]}-{_month_of(month[0]):02d}", True
    if year:
        return year[1], True
    if md:
        return f"XXXX-{_month_of(md['m'] or md['m2']):02d}-{int(md['d'] or md['d2']):02d}", False
    return "XXXX", False


def _find_fallback(text: str, article_id: str | None) -> list[TimeExpr]:
    out = []
    for m in _FALLBACK.finditer(text):
        surface = m.group(0)
        value, anchored = _fallback_value(surface)
        out.append(
            TimeExpr(
                start=m.start(),
                end=m.end(),
                text=surface,
                type="DATE",
                value=value,
                anchored=anchored,
                article_id=article_id,
            )
        )
    return out


def _find(text: str, article_id: str | None) -> list[TimeExpr]:
    """The project's temporal tagger with no DCT, or the small pattern set above until it exists."""
    try:
        from storyline.temporal import find_timexes  # type: ignore[attr-defined]
    except ImportError:
        return _find_fallback(text, article_id)
    return list(find_timexes(text, None, article_id=article_id))


def _readings(article: DctInput, timexes: Sequence[TimeExpr] | None) -> list[_Reading]:
    sources: list[tuple[str, str, Sequence[TimeExpr] | None]] = [("text", article.text, timexes)]
    for line in article.removed_lines:
        sources.append(("caption", line, None))
    if article.title and article.title.strip() not in article.text[: len(article.title) + 5]:
        sources.append(("title", article.title, None))
    out: list[_Reading] = []
    seen: set[tuple[Any, ...]] = set()
    for i, (where, text, txs) in enumerate(sources):
        if not text or not text.strip():
            continue
        found = sorted(
            txs if txs is not None else _find(text, article.article_id), key=lambda t: t.start
        )
        if len(found) > _MAX_READINGS:
            # A wall of dates (a 1 MB line of them) is read only in part: the lead first, then
            # those naming a year, which carry the most.
            head, rest = found[: _MAX_READINGS // 2], found[_MAX_READINGS // 2 :]
            rest = sorted(rest, key=lambda t: not t.anchored)[: _MAX_READINGS // 2]
            found = sorted(head + rest, key=lambda t: t.start)
        for tx in found:
            for r in _read(tx, text, article.article_id, where, i):
                if where == "text" and not any(x.where == "text" for x in out):
                    r.lead = tx.start < _LEAD_CHARS
                # A caption printed twice is one piece of evidence, not two.
                key = (
                    r.kind,
                    r.start,
                    r.end,
                    r.month,
                    r.day,
                    r.weekday,
                    r.unit,
                    r.shift,
                    r.tense,
                    r.clause,
                )
                if key not in seen:
                    seen.add(key)
                    out.append(r)
    if len(out) > _MAX_READINGS:
        # Keep the absolute and day-precise ones first: they carry the most.
        order = {"abs": 0, "yearless": 1, "weekday": 2, "rel": 3}
        out = sorted(out, key=lambda r: order[r.kind])[:_MAX_READINGS]
    return out


# --- The calendar grid of candidate days --------------------------------------------------------


_EPOCH = date(1970, 1, 1).toordinal()
_RESOLVE_CACHE = 256  # resolved spans kept per grid (two int64 arrays of the grid's length each)


class _Grid:
    """Every candidate publication day, with its calendar fields as arrays.

    It also caches what many expressions share: the spans a kind of expression names ("Thursday"
    told as past, in every article of the story) and its signatures (the distinct spans)."""

    def __init__(self, first: date, last: date) -> None:
        self.o0 = first.toordinal()
        self.days = np.arange(first.toordinal(), last.toordinal() + 1, dtype=np.int64)
        dt = (self.days - _EPOCH).astype("datetime64[D]")
        self.year = dt.astype("datetime64[Y]").astype(np.int64) + 1970
        self.month = dt.astype("datetime64[M]").astype(np.int64) % 12 + 1
        self.weekday = (self.days - 1) % 7  # ordinal 1 (0001-01-01) is a Monday
        self.y0 = first.year - 2
        self.y1 = last.year + 2
        self._table = np.array(
            [date(y, m, 1).toordinal() for y in range(self.y0, self.y1 + 1) for m in range(1, 13)],
            dtype=np.int64,
        )
        self._spans: dict[tuple[Any, ...], tuple[np.ndarray, np.ndarray]] = {}
        self._sigs: dict[tuple[Any, ...], tuple[np.ndarray, ...]] = {}
        self._units: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._runs: dict[tuple[Any, ...], _Runs] = {}
        self._joint: dict[tuple[tuple[Any, ...], ...], tuple[np.ndarray, np.ndarray]] = {}
        self._sweeps: dict[tuple[tuple[Any, ...], tuple[Any, ...]], tuple[_Sweep, float]] = {}

    def __len__(self) -> int:
        return len(self.days)

    def date(self, i: int) -> date:
        return date.fromordinal(int(self.days[i]))

    def month_start(self, years: np.ndarray, months: np.ndarray) -> np.ndarray:
        idx = years * 12 + months - 1
        y, m = idx // 12, idx % 12 + 1
        k = np.clip((y - self.y0) * 12 + m - 1, 0, len(self._table) - 1)
        return self._table[k]

    def month_end(self, years: np.ndarray, months: np.ndarray) -> np.ndarray:
        return self.month_start(years, months + 1) - 1

    def day_in_year(self, years: np.ndarray, month: int, day: int) -> np.ndarray:
        # Feb 29 in a common year falls back to Feb 28 (and "April 31" to April 30).
        months = np.full(len(years), month)
        return np.minimum(
            self.month_start(years, months) + (day - 1), self.month_end(years, months)
        )

    def unit(self, name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(keys, inverse, key per day) of the month, year or decade of every candidate day."""
        got = self._units.get(name)
        if got is None:
            key = {
                "month": self.year * 12 + self.month - 1,
                "year": self.year,
                "decade": self.year // 10,
            }[name]
            keys, inv = np.unique(key, return_inverse=True)
            got = self._units[name] = (keys, inv.ravel(), key)
        return got

    def signature(self, r: _Reading) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The distinct spans an expression names over the grid (starts, ends), per day which
        one it is, and the share of days naming each."""
        key = _resolve_key(r)
        got = self._sigs.get(key)
        if got is None:
            s, e = _resolve(r, self)
            if r.kind == "abs":
                got = (s[:1].copy(), e[:1].copy(), np.zeros(len(self), dtype=np.int64))
            else:
                # Spans move forward with the day: a new signature starts where the span changes.
                new = np.empty(len(s), dtype=bool)
                new[0] = True
                new[1:] = (s[1:] != s[:-1]) | (e[1:] != e[:-1])
                if (np.diff(s) >= 0).all() and (np.diff(e) >= 0).all():
                    inv = np.cumsum(new) - 1
                    got = (s[new], e[new], inv)
                else:
                    u, inv = np.unique(np.stack([s, e], axis=1), axis=0, return_inverse=True)
                    got = (u[:, 0].copy(), u[:, 1].copy(), inv.ravel())
            counts = np.bincount(got[2], minlength=len(got[0])) / len(self)
            if len(self._sigs) >= _RESOLVE_CACHE:
                self._sigs.pop(next(iter(self._sigs)))
            got = self._sigs[key] = (*got, counts)
        return got

    def sweep(self, a: _Reading, b: _Reading) -> tuple[_Sweep, float]:
        """The sweep from ``a``'s signatures to ``b``'s, and the chance that they overlap (the
        share of candidate day pairs where they do): a story has many links between the same
        kinds of expression ("Thursday" and "Sept. 28" told as past)."""
        key = (_resolve_key(a), _resolve_key(b))
        got = self._sweeps.get(key)
        if got is None:
            sa, ea, _, count_a = self.signature(a)
            sb, eb, _, count_b = self.signature(b)
            sweep = _Sweep(sa, ea, sb, eb)
            got = self._sweeps[key] = (sweep, float(sweep.overlap(count_a) @ count_b))
            if len(self._sweeps) > _RESOLVE_CACHE:
                self._sweeps.pop(next(iter(self._sweeps)))
        return got

    def joint(self, rs: Sequence[_Reading]) -> tuple[np.ndarray, np.ndarray]:
        """:func:`_joint_codes`, kept: a pair's links are split and joined again while its
        potential is sized."""
        key = tuple(_resolve_key(r) for r in rs)
        got = self._joint.get(key)
        if got is None:
            got = self._joint[key] = _joint_codes(list(rs), self)
            if len(self._joint) > _RESOLVE_CACHE:
                self._joint.pop(next(iter(self._joint)))
        return got

    def runs(self, r: _Reading) -> _Runs:
        key = _resolve_key(r)
        got = self._runs.get(key)
        if got is None:
            got = _Runs.of(self.signature(r)[2])
            if len(self._runs) >= _RESOLVE_CACHE:
                self._runs.pop(next(iter(self._runs)))
            self._runs[key] = got
        return got


def _resolve_key(r: _Reading) -> tuple[Any, ...]:
    return (r.kind, r.start, r.end, r.month, r.day, r.weekday, r.strict, r.unit, r.shift, r.tense)


def _resolve(r: _Reading, g: _Grid) -> tuple[np.ndarray, np.ndarray]:
    """The ordinal span an expression names, for every candidate publication day (read-only
    arrays, shared between expressions that name the same thing)."""
    if r.kind == "abs":
        n = len(g)
        return (
            np.broadcast_to(np.int64(r.start), (n,)),
            np.broadcast_to(np.int64(r.end), (n,)),
        )
    key = _resolve_key(r)
    got = g._spans.get(key)
    if got is None:
        s, e = _resolve_arrays(r, g)
        s, e = np.asarray(s, dtype=np.int64), np.asarray(e, dtype=np.int64)
        s.flags.writeable = False
        e.flags.writeable = False
        if len(g._spans) >= _RESOLVE_CACHE:
            g._spans.pop(next(iter(g._spans)))
        got = g._spans[key] = (s, e)
    return got


def _resolve_arrays(r: _Reading, g: _Grid) -> tuple[np.ndarray, np.ndarray]:
    d = g.days
    if r.kind == "yearless":
        y = g.year
        if r.day:
            occ = g.day_in_year(y, r.month, r.day)
            if r.tense == "past":
                occ = np.where(occ > d, g.day_in_year(y - 1, r.month, r.day), occ)
            else:
                occ = np.where(occ < d, g.day_in_year(y + 1, r.month, r.day), occ)
            return occ, occ
        m = np.full(len(d), r.month)
        s, e = g.month_start(y, m), g.month_end(y, m)
        if r.tense == "past":
            later = s > d
            s = np.where(later, g.month_start(y - 1, m), s)
            e = np.where(later, g.month_end(y - 1, m), e)
        else:
            earlier = e < d
            s = np.where(earlier, g.month_start(y + 1, m), s)
            e = np.where(earlier, g.month_end(y + 1, m), e)
        return s, e
    if r.kind == "weekday":
        if r.tense == "past":
            back = (g.weekday - r.weekday) % 7
            if r.strict:
                back = np.where(back == 0, 7, back)
            occ = d - back
        else:
            fwd = (r.weekday - g.weekday) % 7
            if r.strict:
                fwd = np.where(fwd == 0, 7, fwd)
            occ = d + fwd
        return occ, occ
    # Relative to the publication day's own unit.
    if r.unit == "day":
        return d + r.shift, d + r.shift
    if r.unit == "week":
        monday = d - g.weekday + 7 * r.shift
        return monday, monday + 6
    if r.unit == "month":
        total = g.year * 12 + g.month - 1 + r.shift
        y, m = total // 12, total % 12 + 1
        return g.month_start(y, m), g.month_end(y, m)
    if r.unit == "month-of-year":
        y = g.year + r.shift
        m = np.full(len(d), r.month)
        return g.month_start(y, m), g.month_end(y, m)
    y = g.year + r.shift  # "year"
    ones = np.ones(len(d), dtype=np.int64)
    return g.month_start(y, ones), g.month_end(y, ones * 12)


# --- Factors ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Factor:
    """log-likelihood over the grid, and how to say what it means at a chosen day.

    A factor that takes two values (a bound, a same-event match) keeps only its mask and the two
    values: a story of 200 articles holds thousands of factors."""

    log: np.ndarray | None  # the values, or None when two-valued
    describe: Any  # callable(day_index) -> str
    kind: str
    mask: np.ndarray | None = None
    hi: float = 0.0  # where mask
    lo: float = 0.0
    mean: float = 0.0

    @classmethod
    def two_valued(cls, log: np.ndarray, mask: np.ndarray, describe: Any, kind: str) -> _Factor:
        hi = float(log[int(np.argmax(mask))])
        lo = float(log[int(np.argmin(mask))])
        return cls(None, describe, kind, mask=mask, hi=hi, lo=lo)

    def full(self) -> np.ndarray:
        if self.log is not None:
            return self.log
        assert self.mask is not None
        return np.where(self.mask, self.hi, self.lo)

    def at(self, i: int) -> float:
        if self.log is not None:
            return float(self.log[i])
        assert self.mask is not None
        return self.hi if self.mask[i] else self.lo


def _bound_factor(r: _Reading, g: _Grid) -> _Factor | None:
    s, e = _resolve(r, g)
    if r.tense == "past":
        ok = g.days >= s
    else:
        ok = g.days <= e
    if ok.all() or not ok.any():
        return None
    log = np.where(ok, 0.0, math.log(_BOUND_VIOLATION))

    def describe(i: int) -> str:
        s, e = _resolve(r, g)
        when = _span_text(int(s[i]), int(e[i]))
        if r.tense == "past":
            return f'{r.label()} ({when}) is told as past: published after it — "{r.clause}"'
        return f'{r.label()} ({when}) is told as future: published before it — "{r.clause}"'

    return _Factor.two_valued(log, ok, describe, "bound")


def _span_text(s: int, e: int) -> str:
    a, b = date.fromordinal(s), date.fromordinal(e)
    if s == e:
        return a.isoformat()
    if a.day == 1 and b == date.fromordinal(_month_span(a.year, a.month)[1]):
        return f"{a.year:04d}-{a.month:02d}"
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return f"{a.year:04d}" if a.year == b.year else f"{a.year}–{b.year}"
    return f"{a.isoformat()}..{b.isoformat()}"


def _recency_factors(rs: list[_Reading], g: _Grid) -> list[_Factor]:
    """Publication trails the latest time the article tells as past: by a day or two when that
    time is a day, and by a year or two from the latest year it names outright."""
    out: list[_Factor] = []
    # Only expressions that pin a time by themselves: "last week" or "in December" fit any day.
    past = [
        r
        for r in rs
        if r.tense == "past"
        and r.granularity in ("day", "week")
        and (
            r.kind in ("abs", "weekday")
            or (r.kind == "yearless" and r.day)
            or (r.kind == "rel" and r.unit == "day")
        )
    ]
    if past:
        # The lead (and the lead photo's caption) tells the news itself: publication follows
        # it by a day or so. Any later day mentioned ("referendum held Monday") may be the day too.
        lead = [r for r in past if r.lead or r.where == "caption"]
        gap, scale, _ = _latest_gap(past, g)
        recent = _decay(gap, scale)
        if lead:
            lgap, lscale, _ = _latest_gap(lead, g)
            recent = (1 - _LEAD_SHARE) * recent + _LEAD_SHARE * _decay(lgap, lscale)
        # The other articles tell only of older things: publication may be any later day.
        flat = 1.0 / (_YEAR_GAP_SCALE * 2)
        like = _RECENT_SHARE * recent + (1 - _RECENT_SHARE) * flat
        log = np.log(np.maximum(like, 1e-300))

        def describe(i: int) -> str:
            # Recomputed when asked (only the few factors quoted as evidence are): the arrays
            # are not kept for every article of a large story.
            r = lead if lead and _latest_gap(lead, g)[2][i] >= 0 else past
            dgap, _, k = _latest_gap(r, g)
            if k[i] < 0 or not np.isfinite(dgap[i]):
                return "no dated event before this day"
            x = r[int(k[i])]
            s, e = _resolve(x, g)
            what = (
                "the lead" if x.lead else "the caption" if x.where == "caption" else "latest time"
            )
            return (
                f"{what} tells of {x.label()} ({_span_text(int(s[i]), int(e[i]))}), "
                f'{int(dgap[i])} day(s) before — "{x.clause}"'
            )

        out.append(_Factor(log, describe, "recency"))
    named = [
        r
        for r in rs
        if r.kind == "abs"
        and r.tense == "past"
        and r.granularity in ("day", "month", "year", "quarter")
    ]
    if named:
        latest = max(named, key=lambda r: r.end)
        delta = np.maximum(g.days - latest.end, 0).astype(float)
        # Mostly a year or two; a retrospective ("ten years ago") now and then.
        like = (1 - _LONG_GAP_SHARE) * np.exp(-delta / _YEAR_GAP_SCALE) + _LONG_GAP_SHARE * np.exp(
            -delta / _LONG_GAP_SCALE
        )
        if latest.granularity != "day":
            # News names neither its own year nor month ("this year", "this month"), so "in 2015"
            # was most likely written after 2015.
            inside = (g.days >= latest.start) & (g.days <= latest.end)
            like = np.where(inside, like * _OWN_PERIOD_NAMED, like)
        log = np.log(np.maximum(like, 1e-12))

        def describe_year(i: int) -> str:
            return (
                f"latest date named outright: {latest.label()} "
                f'({_span_text(latest.start, latest.end)}) — "{latest.clause}"'
            )

        out.append(_Factor(log, describe_year, "named-year"))
    return out


def _decay(gap: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """exp(-gap / scale) / scale, with exponents below -700 taken as -700: next to the flat
    share it is mixed with (~1e-4) the difference is nothing, and an exp that underflows is
    slow."""
    return np.exp(np.maximum(-gap / scale, -700.0)) / scale


def _latest_gap(rs: list[_Reading], g: _Grid) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per candidate day: days since the latest of ``rs`` before it (inf when none), the
    recency scale of that expression's granularity, and its index (-1 when none)."""
    n = len(g)
    gap = np.full(n, np.inf)
    scale = np.full(n, _RECENT_SCALE["day"])
    who = np.full(n, -1)
    days = g.days.astype(float)  # exact: day ordinals are far below 2**53
    for k, r in enumerate(rs):
        s, e = _resolve(r, g)
        delta = days - e
        np.maximum(delta, 0.0, out=delta)
        delta[g.days < s] = np.inf
        better = delta < gap
        np.copyto(gap, delta, where=better)
        scale[better] = _RECENT_SCALE[r.granularity]
        who[better] = k
    return gap, scale, who


def _overlap(s1: np.ndarray, e1: np.ndarray, s2: np.ndarray, e2: np.ndarray) -> np.ndarray:
    return (s1 <= e2) & (s2 <= e1)


def _match_log(w: float, agree: np.ndarray, chance: float) -> np.ndarray:
    """Mixture: with probability w the two expressions name one event and so agree; else they
    are unrelated and agree only by chance (``chance``: the share of candidates where they do).
    Agreement is the more telling the rarer it is ("Sept. 28" is a Thursday one year in seven),
    up to _MAX_SURPRISE."""
    surprise = min(1.0 / max(chance, 1e-9), _MAX_SURPRISE)
    lo, hi = np.log(np.array([(1 - w), (1 - w) + w * surprise]))
    return np.where(agree, hi, lo)


# --- Matching clauses ----------------------------------------------------------------------------


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


class _Rarity:
    """How much a shared word says that two clauses tell one event: rare in the story's sentences
    ("Sochi", "airport") and not in every article of it (the story's protagonists, "Erdogan",
    "Putin", are in every article and tell no event apart)."""

    def __init__(self, articles: Sequence[Sequence[str]]) -> None:
        df: Counter[str] = Counter()
        adf: Counter[str] = Counter()
        self.capitalised: Counter[str] = Counter()
        n = 0
        for texts in articles:
            seen: set[str] = set()
            for t in texts:
                # Each sentence is tokenised once; no token spans the spaces split at.
                tokens: list[str] = []
                for sent in _SENTENCE_SPLIT.split(t):
                    found = _WORD.findall(sent)
                    tokens += found
                    words = set(_content_forms(found))
                    if words:
                        n += 1
                        df.update(words)
                        seen |= words
                for w, k in Counter(tokens).items():
                    self.capitalised[_LEMMA.get(w.lower(), w.lower())] += (
                        k if w[0].isupper() else -k
                    )
            adf.update(seen)
        self.n = max(n, 1)
        self.a = max(len(articles), 1)
        self.df = df
        self.adf = adf
        self._cache: dict[str, float] = {}

    def __call__(self, word: str) -> float:
        v = self._cache.get(word)
        if v is None:
            # Pseudo-sentences without the word stand for the news at large, so that in a
            # three-sentence article "Putin" and "Ankara" still count as telling words.
            sentence_idf = math.log((self.n + _BACKGROUND) / (self.df.get(word, 0) + 1)) + 0.1
            top = math.log((self.a + 1) / 1.5)
            spread = math.log((self.a + 1) / (min(self.adf.get(word, 1), self.a) + 0.5)) / top
            if self.capitalised.get(word, 0) <= 0:
                spread = 1.0  # a common noun or verb in every article is the story's core event
            v = self._cache[word] = sentence_idf * (_SPREAD_FLOOR + (1 - _SPREAD_FLOOR) * spread)
        return v


def _overlap_score(a: _Reading, b: _Reading, idf: _Rarity) -> tuple[float, float]:
    """(share of the smaller clause's weight that both clauses hold, that shared weight)."""
    shared = a.words.keys() & b.words.keys()
    if len(shared) < 2:
        return 0.0, 0.0
    shared_w = sum(idf(w) * min(a.words[w], b.words[w]) for w in shared)
    smaller = min(
        sum(idf(w) * v for w, v in a.words.items()), sum(idf(w) * v for w, v in b.words.items())
    )
    return shared_w / max(smaller, 1e-9), shared_w


def _similarity(a: _Reading, b: _Reading, idf: _Rarity) -> float:
    """Probability-like weight that two expressions name the same event."""
    if a.article_id == b.article_id and a.source == b.source:
        gap = b.span[0] - a.span[1] if a.span[0] <= b.span[0] else a.span[0] - b.span[1]
        if -1 <= gap <= 4 or a.span == b.span:  # "Thursday, Sept. 28": one phrase, one day
            return 0.95
        if a.sentence == b.sentence:  # two dates in one sentence are two events
            return 0.0
    ratio, shared_w = _overlap_score(a, b, idf)
    if a.article_id == b.article_id and {a.where, b.where} == {"caption", "text"}:
        # The lead photo shows the event of the lead: a caption's date and the first date of
        # the body are likely one day.
        body = a if a.where == "text" else b
        if body.lead:
            ratio += _LEAD_CAPTION_BONUS
            shared_w += _MIN_SHARED_WEIGHT
    if shared_w < _MIN_SHARED_WEIGHT or ratio < _MATCH_LOW:
        return 0.0
    return _MAX_MATCH * min(1.0, (ratio - _MATCH_LOW) / (_MATCH_HIGH - _MATCH_LOW))


def _informative_pair(a: _Reading, b: _Reading) -> bool:
    return a.relative or b.relative


# --- Posterior summaries -------------------------------------------------------------------------


def _normalise(log: np.ndarray) -> np.ndarray:
    m = np.max(log)
    p = np.exp(log - m)
    return p / p.sum()


def _first_best(p: np.ndarray) -> int:
    """Index of the largest of ``p`` (>= 0): the first of those within _TIE of it, so that
    floating-point noise (summation order, SIMD alignment) does not pick among days that tie
    (a belief flat over the Saturdays of a decade)."""
    return int(np.argmax(p >= p.max() * (1.0 - _TIE)))


def _summarise(p: np.ndarray, g: _Grid) -> tuple[str, str, float, int]:
    """(value, granularity, mass, best day index): the finest unit holding enough of p."""
    best = _first_best(p)
    if p[best] >= _GRANULARITY_THRESHOLD:
        return g.date(best).isoformat(), "day", float(p[best]), best
    fallback: tuple[str, str, float, int] | None = None
    for name in ("month", "year", "decade"):
        keys, inv, key = g.unit(name)
        mass = np.bincount(inv, weights=p)
        k = _first_best(mass)
        top = keys[k]
        inside = np.flatnonzero(key == top)
        day = int(inside[_first_best(p[inside])])
        if name == "month":
            value = f"{top // 12:04d}-{top % 12 + 1:02d}"
        elif name == "year":
            value = f"{top:04d}"
        else:
            value = f"{top:03d}"
        fallback = (value, name, float(mass[k]), day)
        if mass[k] >= _GRANULARITY_THRESHOLD:
            return fallback
    assert fallback is not None
    return fallback


# --- The inference -------------------------------------------------------------------------------


def _parse_given(given: str | None) -> date | None:
    if not given:
        return None
    m = re.match(r"^\s*(\d{4})-(\d{2})-(\d{2})", given)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    m = re.match(r"^\s*(\d{4})(?:-(\d{2}))?\s*$", given)
    if m:
        return date(int(m[1]), int(m[2] or 1), 1)
    return None


def _given_estimate(a: DctInput) -> DctEstimate | None:
    d = _parse_given(a.given)
    if d is None:
        return None
    m = re.match(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", a.given or "")
    gran = "day" if m and m[3] else "month" if m and m[2] else "year"
    value = (
        d.isoformat()
        if gran == "day"
        else d.isoformat()[:7]
        if gran == "month"
        else f"{d.year:04d}"
    )
    return DctEstimate(
        article_id=a.article_id,
        value=value,
        granularity=gran,
        confidence=1.0,
        source=a.given_source if a.given_source in ("metadata", "user") else "metadata",
        evidence=[f"given by {a.given_source}: {a.given}"],
        anchor=d.isoformat(),
    )


def _window(readings: Sequence[_Reading], givens: Sequence[date], today: date) -> _Grid | None:
    years = [date.fromordinal(r.start).year for r in readings if r.kind == "abs"]
    years += [date.fromordinal(r.end).year for r in readings if r.kind == "abs"]
    years += [g.year for g in givens]
    years = [y for y in years if 1 <= y <= today.year]
    if not years:
        return None
    # "Ten years ago" may reach further than the usual few years after the latest named year.
    back = max(
        (-r.shift for r in readings if r.kind == "rel" and r.unit == "year" and r.shift < 0),
        default=0,
    )
    hi = min(max(years) + max(_YEARS_AFTER_LATEST, min(back, _MAX_WINDOW_YEARS) + 1), today.year)
    lo = max(min(years), hi - _MAX_WINDOW_YEARS)
    last = min(date(hi, 12, 31), today)
    return _Grid(date(lo, 1, 1), last)


@dataclass(slots=True)
class _Article:
    inp: DctInput
    readings: list[_Reading]
    given: DctEstimate | None
    factors: list[_Factor] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    def own_log(self, n: int) -> np.ndarray:
        log = np.zeros(n)
        for f in self.factors:
            full = f.full()
            f.mean = float(np.mean(full))
            log = log + full
        return log


def _prepare(a: DctInput, timexes: Sequence[TimeExpr] | None, today: date) -> _Article:
    readings = _readings(a, timexes)
    kept, ignored = [], []
    limit = today.toordinal()
    for r in readings:
        if r.kind == "abs" and r.tense == "past" and r.start > limit:
            ignored.append(
                f"ignored {r.label()}: told as past but after today ({today.isoformat()})"
            )
            continue
        kept.append(r)
    return _Article(a, kept, _given_estimate(a), ignored=ignored)


def _own_factors(art: _Article, g: _Grid, idf: _Rarity) -> None:
    rs = art.readings
    bounds: set[tuple[Any, ...]] = set()
    for r in rs:
        key = (
            r.kind,
            r.start,
            r.end,
            r.month,
            r.day,
            r.weekday,
            r.strict,
            r.unit,
            r.shift,
            r.tense,
        )
        if key in bounds:  # "in 2015" said three times bounds the date once
            continue
        bounds.add(key)
        f = _bound_factor(r, g)
        if f is not None:
            art.factors.append(f)
    art.factors.extend(_recency_factors(rs, g))
    pairs: list[tuple[float, int, int]] = []
    for i in range(len(rs)):
        for j in range(i + 1, len(rs)):
            if _informative_pair(rs[i], rs[j]):
                w = _similarity(rs[i], rs[j], idf)
                if w > 0:
                    pairs.append((w, i, j))
    # As across articles, each expression keeps only its best few partners.
    taken: Counter[int] = Counter()
    for w, i, j in sorted(pairs, reverse=True):
        if taken[i] >= _PARTNERS or taken[j] >= _PARTNERS:
            continue
        agree = _overlap(*_resolve(rs[i], g), *_resolve(rs[j], g))
        if agree.all() or not agree.any():
            continue
        taken[i] += 1
        taken[j] += 1
        describe = _pair_describer(rs[i], rs[j], g, w)
        log = _match_log(w, agree, float(agree.mean()))
        art.factors.append(_Factor.two_valued(log, agree, describe, "same-event"))


def _pair_describer(a: _Reading, b: _Reading, g: _Grid, w: float) -> Any:
    def describe(i: int) -> str:
        ra, rb = _resolve(a, g), _resolve(b, g)
        sa = _span_text(int(ra[0][i]), int(ra[1][i]))
        sb = _span_text(int(rb[0][i]), int(rb[1][i]))
        return (
            f"same event (match {w:.2f}): {a.label()} = {sa} and {b.label()} = {sb} — "
            f'"{a.clause}" / "{b.clause}"'
        )

    return describe


@dataclass(slots=True)
class _Link:
    """A pair of expressions in two articles judged to name one event."""

    a: int  # article index
    b: int
    ra: _Reading
    rb: _Reading
    w: float


def _cross_links(arts: list[_Article], idf: _Rarity) -> list[_Link]:
    """Pairs of expressions in two articles that name one event, each keeping its best partners.

    Two clauses match only when they share at least two words of enough summed rarity, so the
    candidates come from an inverted index over clause words: a clause meets only the clauses
    that share its words, not every clause of the story. The shared weight of each candidate is
    bounded from above first (its rarity-weighted words, counted at their weight in ``ra``), and
    only those that can pass get the exact score."""
    flat = [(i, r) for i, x in enumerate(arts) for r in x.readings]
    if not flat:
        return []
    art = np.array([i for i, _ in flat], dtype=np.int64)
    rel = np.array([r.relative for _, r in flat], dtype=bool)
    postings: dict[str, list[int]] = {}
    total = np.zeros(len(flat))
    for n, (_, r) in enumerate(flat):
        total[n] = sum(idf(w) * v for w, v in r.words.items())
        for w in r.words:
            postings.setdefault(w, []).append(n)
    index = {w: np.array(p, dtype=np.int64) for w, p in postings.items() if len(p) > 1}
    eps = 1e-9
    found: list[tuple[int, int, int, int]] = []
    for n, (i, ra) in enumerate(flat):
        if not ra.words or art[n] == art[-1]:
            continue
        lists = [(index[w], idf(w) * v) for w, v in ra.words.items() if w in index]
        if len(lists) < 2:
            continue
        idx = np.concatenate([p for p, _ in lists])
        wts = np.concatenate([np.full(len(p), x) for p, x in lists])
        later = art[idx] > i
        if not ra.relative:
            later &= rel[idx]
        idx, wts = idx[later], wts[later]
        if len(idx) < 2:
            continue
        count = np.bincount(idx, minlength=len(flat))
        upper = np.bincount(idx, weights=wts, minlength=len(flat))
        smaller = np.maximum(np.minimum(total[n], total), 1e-9)
        ok = (
            (count >= 2)
            & (upper >= _MIN_SHARED_WEIGHT - eps)
            & (upper >= _MATCH_LOW * smaller * (1 - eps))
        )
        cand = np.flatnonzero(ok)
        if len(cand) > _MAX_CANDIDATES:
            # Copies of one wire story: every clause echoes dozens of others. Only the best
            # bounded can be among an expression's few partners.
            cand = np.sort(cand[np.argsort(-upper[cand], kind="stable")[:_MAX_CANDIDATES]])
        for m in cand.tolist():
            found.append((i, int(art[m]), n, m))
    # The order of an all-pairs scan (article pair, then expression pair): ties keep it.
    found.sort()
    links: list[_Link] = []
    for i, j, n, m in found:
        w = _similarity(flat[n][1], flat[m][1], idf)
        if w > 0:
            links.append(_Link(i, j, flat[n][1], flat[m][1], w))
    # Each expression keeps only its few best partners: one clause can echo many others.
    best: dict[int, list[_Link]] = {}
    for lk in links:
        best.setdefault(id(lk.ra), []).append(lk)
        best.setdefault(id(lk.rb), []).append(lk)
    keep: set[int] = set()
    for group in best.values():
        for lk in sorted(group, key=lambda x: -x.w)[:_PARTNERS]:
            keep.add(id(lk))
    return [lk for lk in links if id(lk) in keep]


def _joint_codes(rs: list[_Reading], g: _Grid) -> tuple[np.ndarray, np.ndarray]:
    """For a side of a pair's links: per day, which combination of spans its expressions name
    (a joint signature), and one day showing each combination."""
    sigs = [g.signature(r)[2] for r in rs]
    if all(_forward(inv) for inv in sigs):
        # Each expression's span moves forward with the day, so a combination never comes back
        # once left: the joint signatures are runs of days.
        new = np.zeros(len(g), dtype=bool)
        new[0] = True
        for inv in sigs:
            new[1:] |= inv[1:] != inv[:-1]
        return np.cumsum(new) - 1, np.flatnonzero(new)
    code = np.zeros(len(g), dtype=np.int64)
    for r, inv in zip(rs, sigs, strict=True):
        code = code * len(g.signature(r)[0]) + inv
        _, code = np.unique(code, return_inverse=True)  # keep the codes small
        code = code.ravel()
    _, first, inv = np.unique(code, return_index=True, return_inverse=True)
    return inv.ravel(), first


def _forward(inv: np.ndarray) -> bool:
    return bool(inv[0] == 0 and (np.diff(inv) >= 0).all())


def _potentials(
    links: list[_Link], g: _Grid, budget: list[int] | None = None
) -> list[_PairPotential]:
    """The joint factor of a pair's links, in parts when a part's matrix would be too big (many
    weekdays on both sides make almost every day its own signature).

    A link to an expression that names a fixed time ("in November 2015") only weighs the other
    article's days: it is a factor of one article, kept with the pair. The links between two
    relative expressions are the joint part."""
    unary_a = [lk for lk in links if lk.rb.kind == "abs"]
    unary_b = [lk for lk in links if lk.rb.kind != "abs" and lk.ra.kind == "abs"]
    joint = [lk for lk in links if lk.ra.kind != "abs" and lk.rb.kind != "abs"]
    la = _unary_log(unary_a, g, "a")
    lb = _unary_log(unary_b, g, "b")
    parts = _split(joint, g, budget if budget is not None else [_MAX_STORY_CELLS])
    if not parts:
        return [_PairPotential([], g, la, lb)] if unary_a or unary_b else []
    return [
        _PairPotential(part, g, la if k == 0 else None, lb if k == 0 else None)
        for k, part in enumerate(parts)
    ]


def _unary_log(links: list[_Link], g: _Grid, side: str) -> np.ndarray | None:
    if not links:
        return None
    log = np.zeros(len(g))
    for lk in links:
        mine, fixed = (lk.ra, lk.rb) if side == "a" else (lk.rb, lk.ra)
        s, e = _resolve(mine, g)
        agree = (s <= fixed.end) & (fixed.start <= e)
        log = log + _match_log(lk.w, agree, float(agree.mean()))
    return log


def _split(links: list[_Link], g: _Grid, budget: list[int]) -> list[list[_Link]]:
    """The links in groups whose joint matrix fits (``budget[0]``: cells the story has left)."""
    if len(links) <= 1:
        return [links] if links else []
    if budget[0] <= 0:
        return [[lk] for lk in links]
    cells = len(g.joint([lk.ra for lk in links])[1]) * len(g.joint([lk.rb for lk in links])[1])
    if cells <= min(_MAX_POTENTIAL_CELLS, budget[0]):
        budget[0] -= cells
        return [links]
    half = len(links) // 2
    return _split(links[:half], g, budget) + _split(links[half:], g, budget)


class _PairPotential:
    """The joint factor two articles' publication days get from the events they share.

    A link only cares which time span its expression names, so candidate days are grouped by the
    spans all the pair's links name ("signatures": a weekday changes weekly, a yearless date
    yearly), and the potential is a small signatures-by-signatures matrix. Taking all links of
    a pair at once keeps what they say together: "Tuesday" = June 28 and "Friday" = July 1 agree
    on one week only.

    A single link needs no matrix: the chance that the source's span overlaps a given span
    [s, e] is P(start <= e) - P(end < s), two cumulative sums over the source's signatures.
    """

    def __init__(
        self, links: list[_Link], g: _Grid, la: np.ndarray | None, lb: np.ndarray | None
    ) -> None:
        self.links = links
        self.la, self.lb = la, lb
        # The source's own side of the factor, as weights on its days.
        self.wa = None if la is None else _weights(la)
        self.wb = None if lb is None else _weights(lb)
        self.chance: list[float] = []
        self.single: list[Any] | None = None
        self.potential: _Joint | None = None
        n = len(g)
        if len(links) == 1:
            lk = links[0]
            self.inv_a = g.signature(lk.ra)[2]
            self.inv_b = g.signature(lk.rb)[2]
            to_b, chance = g.sweep(lk.ra, lk.rb)
            to_a, _ = g.sweep(lk.rb, lk.ra)
            self.chance.append(chance)
            surprise = min(1.0 / max(chance, 1e-9), _MAX_SURPRISE)
            self.single = [to_b, to_a, 1 - lk.w, lk.w * surprise]
        elif links:
            self.inv_a, first_a = g.joint([lk.ra for lk in links])
            self.inv_b, first_b = g.joint([lk.rb for lk in links])
            count_a = np.bincount(self.inv_a, minlength=len(first_a)) / n
            count_b = np.bincount(self.inv_b, minlength=len(first_b)) / n
            self.potential = _Joint(links, g, first_a, first_b, count_a, count_b, self.chance)
        if len(links) == 1:
            self.runs_a, self.runs_b = g.runs(links[0].ra), g.runs(links[0].rb)
        elif links:
            self.runs_a, self.runs_b = _Runs.of(self.inv_a), _Runs.of(self.inv_b)

    def source(self, to_b: bool) -> tuple[np.ndarray, _Runs, np.ndarray | None]:
        """The source side of a message: its signature per day, their runs, and the weights its
        own side of the factor puts on its days (None: none)."""
        if to_b:
            return self.inv_a, self.runs_a, self.wa
        return self.inv_b, self.runs_b, self.wb

    def message(self, p_src: np.ndarray, to_b: bool) -> _Message:
        """log-factor over the destination's days (its maximum 0), given the source's (cavity)
        belief up to a constant factor."""
        inv_src, runs_src, w_src = self.source(to_b)
        if w_src is not None:
            p_src = p_src * w_src
        return self.message_from(runs_src.total(p_src, inv_src), to_b)

    def message_from(self, q: np.ndarray, to_b: bool) -> _Message:
        """:meth:`message`, from the source's belief summed per signature (``q``, changed)."""
        l_dst = self.lb if to_b else self.la
        inv_dst, runs_dst = (self.inv_b, self.runs_b) if to_b else (self.inv_a, self.runs_a)
        if self.single is not None:
            sweep, back, c, k = self.single
            # c + k * overlap(q / sum(q)), the sum taken out of the overlap (which is linear);
            # c (1 - w, w at most _MAX_MATCH) keeps the log finite.
            small = (sweep if to_b else back).overlap(q)
            small *= k / q.sum()
            small += c
            np.log(small, out=small)
        else:
            assert self.potential is not None
            q /= q.sum()
            small = np.log(self.potential.apply(q, to_b) + 1e-300)
        small -= small.max()
        if l_dst is None:
            return _Message(small, inv_dst, runs_dst)
        full = runs_dst.expand(small, inv_dst) + l_dst
        return _Message(full - full.max(), None, None)


class _Joint:
    """exp(sum of a pair's link match logs - its maximum) over signature pairs, applied to a
    belief over either side's signatures.

    Each link's log takes two values, the higher where its expressions agree, so a cell's sum
    depends only on which links agree there and is least where none does. Agreement is rare
    (two weekdays agree in one week of the grid's thousands), so the potential is kept as that
    least value everywhere plus the few cells where some link agrees: a message costs the
    cells that differ, not every cell. When agreement is common the dense matrix is kept."""

    def __init__(self, links: list[_Link], g: _Grid, first_a: np.ndarray, first_b: np.ndarray,
                 count_a: np.ndarray, count_b: np.ndarray, chances: list[float]) -> None:
        shape = (len(first_a), len(first_b))
        self.dense: np.ndarray | None = None
        if len(links) > _PATTERN_LINKS:
            log = np.zeros(shape)
            for lk in links:
                agree = self._agree(lk, g, first_a, first_b)
                chance = float(count_a @ agree @ count_b)
                chances.append(chance)
                log += _match_log(lk.w, agree, chance)
            self.dense = np.exp(log - log.max())
            return
        code = np.zeros(shape, dtype=np.int32)
        values = np.zeros(1 << len(links))
        patterns = np.arange(len(values))
        for k, lk in enumerate(links):
            agree = self._agree(lk, g, first_a, first_b)
            rows, cols = np.nonzero(agree)
            chance = float(count_a[rows] @ count_b[cols])
            chances.append(chance)
            values += _match_log(lk.w, (patterns >> k) & 1 == 1, chance)
            code[rows, cols] |= 1 << k
        flat = code.ravel()
        nz = np.flatnonzero(flat)
        present = np.zeros(len(values), dtype=bool)
        present[flat[nz]] = True
        present[0] = len(nz) < flat.size
        weight = np.exp(values - values[present].max())
        if len(nz) > _SPARSE_SHARE * flat.size:
            self.dense = weight[code]
            return
        self.rows, self.cols = np.divmod(nz, shape[1])
        self.shape = shape
        self.base = float(weight[0])
        self.extra = weight[flat[nz]] - self.base  # >= 0: agreement only raises the value

    @staticmethod
    def _agree(lk: _Link, g: _Grid, first_a: np.ndarray, first_b: np.ndarray) -> np.ndarray:
        sa, ea = (x[first_a] for x in _resolve(lk.ra, g))
        sb, eb = (x[first_b] for x in _resolve(lk.rb, g))
        return _overlap(sa[:, None], ea[:, None], sb[None, :], eb[None, :])

    def apply(self, q: np.ndarray, to_b: bool) -> np.ndarray:
        """``q @ P`` (to b's signatures) or ``P @ q`` (to a's)."""
        if self.dense is not None:
            return q @ self.dense if to_b else self.dense @ q
        if to_b:
            out = np.bincount(self.cols, weights=q[self.rows] * self.extra, minlength=self.shape[1])
        else:
            out = np.bincount(self.rows, weights=q[self.cols] * self.extra, minlength=self.shape[0])
        return out + self.base * q.sum()  # (bincount of nothing gives integers)


class _Runs:
    """Where each signature's days start, when every signature is one run of days (spans that
    move forward with the day): sums and expansions over runs are faster than by index."""

    __slots__ = ("lengths", "starts")

    def __init__(self, starts: np.ndarray | None, n: int) -> None:
        self.starts = starts
        self.lengths = None if starts is None else np.diff(np.append(starts, n))

    @classmethod
    def of(cls, inv: np.ndarray) -> _Runs:
        if not _forward(inv):
            return cls(None, len(inv))
        starts = np.flatnonzero(np.diff(inv, prepend=-1))
        # Many short runs (a span per day or per week) are summed faster by index.
        return cls(starts if len(starts) * 8 <= len(inv) else None, len(inv))

    def total(self, p: np.ndarray, inv: np.ndarray) -> np.ndarray:
        if self.starts is None:
            return np.bincount(inv, weights=p)  # every signature has a day
        return np.add.reduceat(p, self.starts)

    def expand(self, values: np.ndarray, inv: np.ndarray) -> np.ndarray:
        return values[inv] if self.lengths is None else np.repeat(values, self.lengths)


class _Message:
    """A log-message over the destination's days: per signature and expanded on demand (most
    messages take one value per week or per year), or per day."""

    __slots__ = ("inv", "runs", "values")

    def __init__(self, values: np.ndarray, inv: np.ndarray | None, runs: _Runs | None) -> None:
        self.values = values
        self.inv = inv
        self.runs = runs

    def full(self) -> np.ndarray:
        if self.inv is None:
            return self.values
        assert self.runs is not None
        return self.runs.expand(self.values, self.inv)

    def inverse_weights(self) -> np.ndarray:
        """exp(-message) per day: what dividing the message out of a belief multiplies by."""
        if self.inv is None:
            return np.exp(-self.values)
        assert self.runs is not None
        return self.runs.expand(np.exp(-self.values), self.inv)

    def delta(self, old: _Message) -> float:
        if self.inv is not None and self.inv is old.inv:
            return float(np.max(np.abs(self.values - old.values)))
        return float(np.max(np.abs(self.full() - old.full())))


class _Sweep:
    """Mass of source spans overlapping each destination span, by two cumulative sums: a source
    span [s, e] overlaps [s', e'] when s <= e' and not e < s' (e < s' implies s <= e').

    Where the spans move forward with the day and each destination span meets only a few source
    ones (a weekday against a weekday: at most one), those few are added directly instead."""

    def __init__(self, ss: np.ndarray, se: np.ndarray, ds: np.ndarray, de: np.ndarray) -> None:
        self.n_src = len(ss)
        self.by_start = np.argsort(ss, kind="stable")
        self.by_end = np.argsort(se, kind="stable")
        self.upto = np.searchsorted(ss[self.by_start], de, side="right")
        self.before = np.searchsorted(se[self.by_end], ds, side="left")
        # Spans that move forward with the day are in order already, by start and by end.
        self.ordered = bool(
            (self.by_start == np.arange(self.n_src)).all()
            and (self.by_end == np.arange(self.n_src)).all()
        )
        # Ordered: destination span i meets source spans before[i] .. upto[i] - 1. With few of
        # them, the k-th is read at index before + k, or at n_src (a zero appended) when absent.
        self.picks: list[np.ndarray] | None = None
        if self.ordered:
            width = np.maximum(self.upto - self.before, 0)
            most = int(width.max()) if len(width) else 0
            if most <= _SWEEP_PICKS:
                self.picks = [
                    np.where(k < width, self.before + k, self.n_src) for k in range(most)
                ]

    def overlap(self, q: np.ndarray) -> np.ndarray:
        if self.picks is not None:
            if not self.picks:
                return np.zeros(len(self.upto))
            padded = np.empty(self.n_src + 1)
            padded[:-1] = q
            padded[-1] = 0.0
            out = padded.take(self.picks[0])
            for pick in self.picks[1:]:
                out += padded.take(pick)
            return out
        cs = np.empty(self.n_src + 1)
        cs[0] = 0.0
        if self.ordered:
            np.cumsum(q, out=cs[1:])
            return np.maximum(cs[self.upto] - cs[self.before], 0.0)
        np.cumsum(q[self.by_start], out=cs[1:])
        ce = np.empty(self.n_src + 1)
        ce[0] = 0.0
        np.cumsum(q[self.by_end], out=ce[1:])
        return np.maximum(cs[self.upto] - ce[self.before], 0.0)


def _unit_mask(g: _Grid, granularity: str, i: int) -> np.ndarray:
    if granularity == "day":
        return g.days == g.days[i]
    if granularity == "month":
        return (g.year == g.year[i]) & (g.month == g.month[i])
    if granularity == "year":
        return g.year == g.year[i]
    return g.year // 10 == g.year[i] // 10


def _decide(
    art: _Article,
    log: np.ndarray,
    own: np.ndarray,
    g: _Grid,
    links: list[tuple[_Link, bool, int]],
    bests: dict[int, int],
    arts: list[_Article],
) -> DctEstimate:
    a = art.inp
    p = _normalise(log)
    value, gran, mass, best = _summarise(p, g)
    # What rests on other articles rests on matching their events by words, which can be
    # wrong: only part of the certainty they add is kept.
    own_mass = float(_normalise(own)[_unit_mask(g, gran, best)].sum())
    conf = min(_MAX_INFERRED_CONFIDENCE, own_mass + _CROSS_TRUST * max(0.0, mass - own_mass))
    # Evidence: the factors that most favour the chosen day over the average candidate. Only
    # the few quoted are put in words.
    scored: list[tuple[float, Any]] = []
    for f in art.factors:
        gain = f.at(best) - f.mean
        if gain > 0.05:
            scored.append((gain, partial(f.describe, best)))
    for lk, mine_is_a, other in links:
        mine, theirs = (lk.ra, lk.rb) if mine_is_a else (lk.rb, lk.ra)
        j = bests.get(other)
        if j is None:
            continue
        # The link as a factor of this article's day, the other's fixed at its best: it
        # favours the days whose span meets the other's (share ``agree`` of all days).
        s1, e1, inv1, count1 = g.signature(mine)
        s2, e2, inv2, _ = g.signature(theirs)
        s2j, e2j = int(s2[inv2[j]]), int(e2[inv2[j]])
        if not (s1[inv1[best]] <= e2j and s2j <= e1[inv1[best]]):
            continue
        agree = float(count1[(s1 <= e2j) & (s2j <= e1)].sum())
        chance = max(agree, 1e-9)
        surprise = min(1.0 / chance, _MAX_SURPRISE)
        lo, hi = math.log(1 - lk.w), math.log((1 - lk.w) + lk.w * surprise)
        gain = (hi - lo) * (1.0 - agree)
        if gain > 0.05:
            scored.append((gain, partial(_link_text, lk, mine, theirs, arts[other], g, best, j)))
    scored.sort(key=lambda t: -t[0])
    evidence = [f"inferred {readable(value)} ({gran}), {conf:.0%} of the probability"]
    evidence += [say() for _, say in scored[:_MAX_EVIDENCE]]
    evidence += art.ignored[:3]
    return DctEstimate(
        article_id=a.article_id,
        value=value,
        granularity=gran,
        confidence=round(conf, 3),
        source="inferred",
        evidence=evidence,
        anchor=g.date(best).isoformat(),
    )


def _link_text(
    lk: _Link, mine: _Reading, theirs: _Reading, other: _Article, g: _Grid, best: int, j: int
) -> str:
    s1, e1 = _resolve(mine, g)
    s2, e2 = _resolve(theirs, g)
    here = _span_text(int(s1[best]), int(e1[best]))
    there = _span_text(int(s2[j]), int(e2[j]))
    return (
        f"same event as in {other.inp.article_id} (match {lk.w:.2f}): {mine.label()} = {here} "
        f'where {theirs.label()} there is {there} — "{mine.clause}" / "{theirs.clause}"'
    )


def _unknown(art: _Article, why: str) -> DctEstimate:
    return DctEstimate(
        article_id=art.inp.article_id,
        value=None,
        granularity=None,
        confidence=0.0,
        source="unknown",
        evidence=[why, *art.ignored[:3]],
    )


def _today(today: date | str | None) -> date:
    if today is None:
        return date.today()
    if isinstance(today, str):
        d = _parse_given(today)
        if d is None:
            raise ValueError(f"not a YYYY-MM-DD date: {today!r}")
        return d
    return today


def infer_dct(
    article: DctInput, timexes: Sequence[TimeExpr] | None = None, *, today: date | str | None = None
) -> DctEstimate:
    """Publication date of one article from its own text and removed lines (captions).

    ``timexes`` are the expressions of ``article.text`` found with no DCT (the tagger is run when
    they are not given). ``today`` bounds the candidates (default: the machine's date; pass it for
    reproducible results). A given date always wins, with confidence 1.

    >>> est = infer_dct(DctInput("a", "Putin visited Ankara on Thursday for talks with Erdogan. "
    ...     "Putin and Erdogan met for talks in Ankara on Sept. 28. The 2015 crisis is over."),
    ...     today="2024-01-01")
    >>> est.value, est.granularity, est.source, est.anchor
    ('2017-09', 'month', 'inferred', '2017-09-28')
    """
    return infer_story_dcts(
        [article], {article.article_id: timexes} if timexes is not None else None, today=today
    )[article.article_id]


def infer_story_dcts(
    articles: Sequence[DctInput],
    timexes_by_article: Mapping[str, Sequence[TimeExpr]] | None = None,
    *,
    today: date | str | None = None,
) -> dict[str, DctEstimate]:
    """Publication dates of the articles of one story, each helping date the others.

    Events dated in one article date the relative expressions of another, matched by the rare
    words their clauses share; beliefs are exchanged until they settle. Given dates win and
    anchor the rest. ``timexes_by_article`` maps article ids to expressions found with no DCT
    (missing ones are found here); ``today`` bounds the candidates (default: the machine's date).
    """
    now = _today(today)
    tx_map = timexes_by_article or {}
    arts = [_prepare(a, tx_map.get(a.article_id), now) for a in articles]
    givens = [_parse_given(a.inp.given) for a in arts if a.given is not None]
    g = _window([r for a in arts for r in a.readings], [d for d in givens if d], now)
    out: dict[str, DctEstimate] = {}
    if g is None:
        for a in arts:
            out[a.inp.article_id] = a.given or _unknown(
                a, "no year is named in the text, captions or the story's other articles"
            )
        return out
    idf = _Rarity([[a.inp.text, *a.inp.removed_lines] for a in arts])
    n = len(g)
    own: list[np.ndarray] = []
    for a in arts:
        if a.given is not None:
            own.append(_given_log(a.given, g))
        else:
            _own_factors(a, g, idf)
            own.append(a.own_log(n))
    by_pair: dict[tuple[int, int], list[_Link]] = {}
    for lk in _cross_links(arts, idf):
        by_pair.setdefault((lk.a, lk.b), []).append(lk)
    # A pair whose links all end at fixed dates ("in November 2015") sends the same message
    # whatever the sender believes: it is a factor of each article, applied once.
    fixed = [np.zeros(n) for _ in arts]
    pairs: dict[tuple[int, int], list[_PairPotential]] = {}
    budget = [_MAX_STORY_CELLS]
    built = {
        key: _potentials(by_pair[key], g, budget)
        for key in sorted(by_pair, key=lambda k: -sum(lk.w for lk in by_pair[k]))
    }
    for (ia, ib), pots in ((key, built[key]) for key in by_pair):
        if all(not pot.links for pot in pots):
            for pot in pots:
                for dst, log in ((ib, pot.lb), (ia, pot.la)):
                    if log is not None and arts[dst].given is None:
                        fixed[dst] = fixed[dst] + (log - log.max())
        else:
            pairs[(ia, ib)] = pots
    beliefs = _propagate(arts, [o + f for o, f in zip(own, fixed, strict=True)], pairs, n)
    bests = {i: _first_best(np.exp(b - b.max())) for i, b in enumerate(beliefs)}
    mine: dict[int, list[tuple[_Link, bool, int]]] = {}
    for (ia, ib), lks in by_pair.items():
        for lk in lks:
            mine.setdefault(ia, []).append((lk, True, ib))
            mine.setdefault(ib, []).append((lk, False, ia))
    for i, a in enumerate(arts):
        if a.given is not None:
            out[a.inp.article_id] = a.given
            continue
        if not a.readings:
            out[a.inp.article_id] = _unknown(
                a, "no date, weekday or relative time in the text or captions"
            )
            continue
        out[a.inp.article_id] = _decide(a, beliefs[i], own[i], g, mine.get(i, []), bests, arts)
    return out


def _weights(log: np.ndarray) -> np.ndarray:
    """exp(log - max) for message passing: in single precision, and days below e^-80 of the
    best as e^-80 (~1e-35: nothing next to the best day's 1), which is five times as fast as
    a double-precision exp that meets underflow."""
    return np.exp(np.maximum(log - log.max(), -80.0).astype(np.float32))


def _sum_message(pots: list[_PairPotential], p: np.ndarray, to_b: bool, n: int) -> _Message:
    """The message of a pair whose links are split over several potentials: the sum of theirs.
    Potentials whose source expressions have the same signatures share the belief's sum over
    them, and those whose destination ones do are added per signature before being spread over
    the days."""
    totals: dict[tuple[int, int], np.ndarray] = {}
    parts: dict[int, tuple[np.ndarray, np.ndarray, _Runs]] = {}
    acc = np.zeros(n)
    for pot in pots:
        inv, runs, w = pot.source(to_b)
        key = (id(inv), id(w))
        total = totals.get(key)
        if total is None:
            total = totals[key] = runs.total(p if w is None else p * w, inv)
        m = pot.message_from(total.copy(), to_b)
        if m.inv is None:
            acc += m.values
            continue
        assert m.runs is not None
        got = parts.get(id(m.inv))
        parts[id(m.inv)] = (m.values if got is None else got[0] + m.values, m.inv, m.runs)
    for values, inv, runs in parts.values():
        acc += runs.expand(values, inv)
    return _Message(acc, None, None)


def _propagate(
    arts: list[_Article],
    own: list[np.ndarray],
    pairs: dict[tuple[int, int], list[_PairPotential]],
    n: int,
) -> list[np.ndarray]:
    """Loopy belief propagation over the articles: msgs[(src, dst)] is the log-factor src sends
    dst, computed from what src believes leaving out what dst told it (its belief divided by
    dst's message). A message is computed again only when what src was told by the others
    changed since (an article with one partner sends the same message every round).

    Most messages take one value per signature of the pair's expressions (per week, per year),
    and the message back through the same potential has the same signatures: dividing it out
    is then done per signature, on src's belief summed per signature once (the sum is shared
    by every partner whose expression has those signatures)."""
    msgs: dict[tuple[int, int], _Message] = {}
    into: dict[int, list[int]] = {}
    for ia, ib in pairs:
        for src, dst in ((ia, ib), (ib, ia)):
            if arts[dst].given is None:
                into.setdefault(dst, []).append(src)
    delta: dict[tuple[int, int], float] = {}
    for _ in range(_ROUNDS):
        beliefs: dict[int, np.ndarray] = {}
        sums: dict[tuple[int, int], np.ndarray] = {}  # (src, id of a signature array) -> sum
        new: dict[tuple[int, int], _Message] = {}
        for (ia, ib), pots in pairs.items():
            for src, dst, to_b in ((ia, ib, True), (ib, ia, False)):
                if arts[dst].given is not None:
                    continue
                key = (src, dst)
                stale = key not in msgs or any(
                    delta.get((s, src), 0.0) > _UNCHANGED for s in into.get(src, ()) if s != dst
                )
                if not stale:
                    new[key] = msgs[key]
                    continue
                weights = beliefs.get(src)
                if weights is None:
                    log = own[src]
                    for s in into.get(src, ()):
                        if (s, src) in msgs:
                            log = log + msgs[(s, src)].full()
                    # Down to e^-300 of the best day: dividing a message out (at most a few
                    # dozen nats) cannot lift a day cut off there back to any weight.
                    weights = beliefs[src] = np.exp(np.maximum(log - log.max(), -300.0))
                back = msgs.get((dst, src))
                if len(pots) == 1:
                    pot = pots[0]
                    inv, runs, w_src = pot.source(to_b)
                    if w_src is None and (back is None or back.inv is inv):
                        total = sums.get((src, id(inv)))
                        if total is None:
                            total = sums[(src, id(inv))] = runs.total(weights, inv)
                        q = total if back is None else total * np.exp(-back.values)
                        new[key] = pot.message_from(q.copy() if back is None else q, to_b)
                        continue
                p = weights if back is None else weights * back.inverse_weights()
                if len(pots) == 1:
                    new[key] = pots[0].message(p, to_b)
                else:
                    new[key] = _sum_message(pots, p, to_b, n)
        delta = {
            key: 0.0 if key in msgs and m is msgs[key] else
            (m.delta(msgs[key]) if key in msgs else math.inf)
            for key, m in new.items()
        }
        msgs = new
        if max(delta.values(), default=0.0) < 1e-3:
            break
    return [
        own[i] + sum((msgs[(s, i)].full() for s in into.get(i, ()) if (s, i) in msgs), np.zeros(n))
        for i in range(len(arts))
    ]


def _given_log(est: DctEstimate, g: _Grid) -> np.ndarray:
    d = _parse_given(est.value)
    assert d is not None
    lo = d.toordinal()
    if est.granularity == "day":
        hi = lo
    elif est.granularity == "month":
        hi = _month_span(d.year, d.month)[1]
    else:
        hi = date(d.year, 12, 31).toordinal()
    log = np.full(len(g), -1e9)
    log[(g.days >= lo) & (g.days <= hi)] = 0.0
    return log
