"""Spans of time as claims. Time between two happenings: "died nine days after suffering a heart
attack", "a heart attack suffered almost three weeks ago" (reports of one death often disagree on
how long after the attack it came; the span is bound to the happening it is counted from). A span
made an adjective: "a 12-day flight" (bound to the noun it sizes). How long a thing went on ("the
talks lasted two hours", "the length of the flight was 12 days") and the time there is for an act
("the crew has seven minutes to launch", "the launch window was 12 minutes"), bound to the thing
or the act.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from storyline.claims.numbers import spelled_value
from storyline.records import TimeExpr

_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_APPROX = r"(?P<approx>almost|nearly|about|around|some|just\s+over|more\s+than|less\s+than)\s+"
_SPAN = (rf"(?:{_APPROX})?(?P<n>\d{{1,3}}|a|one|two|three|four|five|six|seven|eight|nine|ten"
         r"|eleven|twelve)\s+(?P<unit>day|week|month|year)s?")
_HAPPENING = r"(?P<what>(?:[a-z]+\s+){0,2}?(?:attack|stroke|surgery|operation|accident|crash|fall"
_HAPPENING += r"|injury|diagnosis|arrest|collapse|seizure|shooting|overdose))"
# "nine days after suffering a heart attack", "a week after her stroke"
_AFTER = re.compile(
    rf"\b{_SPAN}\s+after\s+(?:suffering|having\s+suffered|undergoing|her|his|their|the|a|an)"
    rf"(?:\s+(?:a|an|the))?\s+{_HAPPENING}\b", re.IGNORECASE)
# "a heart attack suffered almost three weeks ago", "a stroke two weeks ago"
_AGO = re.compile(rf"\b{_HAPPENING}\s+(?:(?:suffered|sustained|had)\s+)?{_SPAN}\s+ago\b",
                  re.IGNORECASE)


def find_intervals(text: str) -> Iterator[tuple[int, int, float, float, str | None, str]]:
    """(start, end, low days, high days, approximator, happening) for each span of time counted
    from a happening in ``text``; start and end are offsets of the span in ``text``."""
    for pattern in (_AFTER, _AGO):
        for m in pattern.finditer(text):
            word = m.group("n").lower()
            n = float(word) if word.isdigit() else (1.0 if word in ("a", "one")
                                                    else spelled_value(word))
            if not n:
                continue
            days = n * _DAYS[m.group("unit").lower()]
            approx = re.sub(r"\s+", " ", (m.group("approx") or "").lower()) or None
            # "a week after" is a round figure: a week and a half is still "a week"
            low, high = (days * 0.7, days * 1.45) if word in ("a", "one") and approx is None \
                else _span_range(days, approx)
            start = m.start("approx") if m.group("approx") else m.start("n")
            what = re.sub(r"^(?:a|an|the|his|her|their)\s+", "",
                          re.sub(r"\s+", " ", m.group("what").lower()))
            yield start, m.end("unit") + (1 if text[m.end("unit"):m.end("unit") + 1] == "s"
                                          else 0), low, high, approx, what


_ADJECTIVAL_SPAN = re.compile(r"^[\w.]+-(?:minute|hour|day|week|month|year)$", re.IGNORECASE)
_SPAN_VALUE = re.compile(r"^P(T?)(\d+(?:\.\d+)?)([YMWDH])$")
_SPAN_UNITS = {("", "Y"): "years", ("", "M"): "months", ("", "W"): "weeks", ("", "D"): "days",
               ("T", "H"): "hours", ("T", "M"): "minutes"}
# The units a span of time is told in, as claims carry them.
SPAN_UNIT_NAMES = frozenset(_SPAN_UNITS.values())


def sized_span(t: TimeExpr, doc: Any, offset: int) -> tuple[float, str, Any] | None:
    """A span of time made an adjective, with the noun it sizes: "a 12-day flight", "his
    17-year rule", "a three-month stay" -> (12, "days", flight). Two reports giving one flight
    two lengths disagree; a span that sizes nothing ("for three months") is left out."""
    if t.type != "DURATION" or not _ADJECTIVAL_SPAN.match(t.text):
        return None
    m = _SPAN_VALUE.match(t.value)
    if m is None or (m.group(1), m.group(3)) not in _SPAN_UNITS:
        return None
    after = [x for x in doc if x.idx >= t.end - offset and not x.is_punct]
    if not after or after[0].pos_ not in ("NOUN", "PROPN"):
        return None
    noun = after[0]
    if noun.lower_ in ("old", "olds"):
        return None  # "10-year-olds looking like 6-year-olds": people of an age, not a span
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return float(m.group(2)), _SPAN_UNITS[(m.group(1), m.group(3))], noun


# How many of the next smaller unit make one: a TIMEX3 span writes a half in it ("PT5H30M").
_SMALLER = {("T", "H", "M"): 60, ("T", "M", "S"): 60, ("", "Y", "M"): 12, ("", "M", "D"): 30,
            ("", "D", "H"): 24}
_SPAN_PARTS = re.compile(r"^P(T?)(\d+(?:\.\d+)?)([YMWDH])(?:T?(\d+)([MDHS]))?$")


def span_length(value: str) -> tuple[float, str] | None:
    """A TIMEX3 span in the unit it was written in: "PT10M" -> (10, "minutes"), "PT5H30M" -> (5.5,
    "hours"), "P2Y6M" -> (2.5, "years"); None for a span of no known length ("PTXM")."""
    m = _SPAN_PARTS.match(value)
    if m is None or (m.group(1), m.group(3)) not in _SPAN_UNITS:
        return None
    n = float(m.group(2))
    if m.group(4):
        per = _SMALLER.get((m.group(1), m.group(3), m.group(5)))
        if per is None:
            return None
        n += int(m.group(4)) / per
    return n, _SPAN_UNITS[(m.group(1), m.group(3))]


# Verbs whose subject goes on for the span they take: "the talks lasted two hours".
_LASTING = frozenset({"last"})
# Nouns that name how long a thing is: "the length of the flight was 12 days".
_LENGTH_NOUNS = frozenset({"length", "duration"})
# Nouns that name the time there is for an act: a "launch window" is the time there is to launch,
# as "the crew has seven minutes to launch" says in other words.
_WINDOW_NOUNS = frozenset({"window"})
_SPAN_UNIT_LEMMAS = frozenset({"minute", "hour", "day", "week", "month", "year"})
# Words that bound a span from one side: "more than two hours", "seven minutes or less".
_BOUND_AFTER = re.compile(r"\s*or\s+(?P<b>less|fewer|more|so)\b", re.IGNORECASE)
_BOUND_MODS = {"APPROX": "about", "LESS_THAN": "less than", "EQUAL_OR_LESS": "or less",
               "MORE_THAN": "more than", "EQUAL_OR_MORE": "or more"}


class SpanOfThing(NamedTuple):
    """How long a thing went on, or how long there is for an act."""

    end: int  # where the span ends in the article, a bound written after it included
    value: float  # the length written: 7 of "seven minutes or less"
    low: float
    high: float
    approx: str | None  # "about", "or less", ...
    unit: str  # "minutes", "hours", ...
    thing: Any  # the token of the thing ("flight") or of the act ("launch")
    allowed: bool  # the time there is for an act, not the length of a thing


def span_of_thing(t: TimeExpr, doc: Any, offset: int, text: str) -> SpanOfThing | None:
    """How long one thing is, or how long there is for one act: "the length of the flight was 12
    days", "the talks lasted two hours", "the crew has seven minutes to launch". Two reports
    giving one flight or one launch window two lengths disagree. A span that is the value of nothing
    ("for two hours", "within minutes", "two hours later") is left out. ``text`` is the parsed
    sentence, ``offset`` where it starts in the article."""
    if t.type != "DURATION":
        return None
    length = span_length(t.value)
    if length is None:
        return None
    unit_tok = _unit_token(doc, t.start - offset, t.end - offset)
    if unit_tok is None:
        return None
    measured = _measured(unit_tok)
    if measured is None:
        return None
    thing, allowed = measured
    bound = _BOUND_AFTER.match(text, t.end - offset)
    approx = _approximator(t, bound.group("b").lower() if bound else None)
    low, high = _span_range(length[0], approx)
    return SpanOfThing(offset + bound.end() if bound else t.end, length[0], low, high, approx,
                       length[1], thing, allowed)


def _measured(unit_tok: Any) -> tuple[Any, bool] | None:
    """What a span (its unit's token) is the length of, and whether it is the time there is for
    an act: the act of "has seven minutes to launch", the subject of "lasted two hours" or "was
    12 days (long)", the thing of "the length of the flight"."""
    head, dep = unit_tok.head, unit_tok.dep_
    if dep == "npadvmod" and _lemma(head) == "long" and head.dep_ == "acomp":
        head, dep = head.head, "attr"  # "the window was 12 minutes long"
    if dep == "dobj" and _lemma(head) == "have":
        act = _allowed_act(head, unit_tok)
        return None if act is None else (act, True)
    if not ((dep == "attr" and _lemma(head) == "be")
            or (dep in ("dobj", "npadvmod") and _lemma(head) in _LASTING)):
        return None
    thing = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if thing is None or thing.pos_ not in ("NOUN", "PROPN"):
        return None  # "it was two hours", "there were two minutes": nothing named
    if _lemma(thing) in _LENGTH_NOUNS:
        thing = _of_what(thing)
        if thing is None:
            return None
    act = _act_of_window(thing)
    return (act, True) if act is not None else (thing, False)


def span_bearer(noun: Any) -> Any:
    """What a span sizing ``noun`` is the length of: the act a window is for ("a 10-minute launch
    window" is the time to launch), else the noun itself."""
    return _act_of_window(noun) or noun


def _lemma(t: Any) -> str:
    return str(t.lemma_ or t.text).lower()


def _unit_token(doc: Any, start: int, end: int) -> Any | None:
    units = [x for x in doc if start <= x.idx < end and _lemma(x) in _SPAN_UNIT_LEMMAS]
    return units[-1] if units else None


def _approximator(t: TimeExpr, bound: str | None) -> str | None:
    if bound is not None:
        return "about" if bound == "so" else f"or {'less' if bound == 'fewer' else bound}"
    m = re.match(_APPROX, t.text, re.IGNORECASE)
    if m is not None:
        return re.sub(r"\s+", " ", m.group("approx").lower())
    return _BOUND_MODS.get(t.mod or "")


def _span_range(n: float, approx: str | None) -> tuple[float, float]:
    """The lengths a span allows under its approximator ("about three hours", "almost three
    weeks", "five minutes or less")."""
    if approx in ("almost", "nearly"):
        return n * 0.85, n
    if approx in ("less than", "or less"):
        return 0.0, n
    if approx in ("about", "around", "some"):
        # a span told in whole units is rounded to one at least: "about three hours" allows 2 1/2
        spread = max(n * 0.15, 0.5)
        return n - spread, n + spread
    if approx in ("just over", "more than", "or more"):
        return n, n * 1.3
    return n, n


def _allowed_act(have: Any, unit_tok: Any) -> Any | None:
    """The act a span is the time for: "has seven minutes to launch" (an infinitive on the verb or
    on the span)."""
    for c in [*unit_tok.children, *have.children]:
        if c.dep_ in ("xcomp", "acl", "relcl", "advcl") and c.pos_ == "VERB" \
                and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children):
            return c
    return None


def _of_what(noun: Any) -> Any | None:
    """ "the length of the flight" -> flight."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return obj
    return None


def _act_of_window(noun: Any) -> Any | None:
    """The act a window is the time for: the word right before it ("launch window", "launching
    window"), an infinitive after it ("a window to launch") or "for" ("a window for the
    launch"); None for any other noun, or a window for nothing named."""
    if _lemma(noun) not in _WINDOW_NOUNS:
        return None
    for c in noun.children:
        if c.i == noun.i - 1 and c.dep_ in ("amod", "compound") and c.pos_ in ("VERB", "NOUN"):
            return c
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
            return c
        if c.dep_ == "prep" and c.lower_ == "for":
            obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "VERB"):
                return obj
    return None
