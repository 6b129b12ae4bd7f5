"""Spans of time as claims. Time between two happenings: "died nine days after suffering a heart
attack", "a heart attack suffered almost three weeks ago" (reports of one death often disagree on
how long after the attack it came; the span is bound to the happening it is counted from). A span
made an adjective: "a 12-day flight" (bound to the noun it sizes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

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
            low, high = days, days
            if word in ("a", "one") and approx is None:
                # "a week after" is a round figure: a week and a half is still "a week"
                low, high = days * 0.7, days * 1.45
            elif approx in ("almost", "nearly", "less than"):
                low = days * 0.85 if approx != "less than" else 0.0
            elif approx in ("about", "around", "some"):
                low, high = days * 0.85, days * 1.15
            elif approx in ("just over", "more than"):
                high = days * 1.3
            start = m.start("approx") if m.group("approx") else m.start("n")
            what = re.sub(r"^(?:a|an|the|his|her|their)\s+", "",
                          re.sub(r"\s+", " ", m.group("what").lower()))
            yield start, m.end("unit") + (1 if text[m.end("unit"):m.end("unit") + 1] == "s"
                                          else 0), low, high, approx, what


_ADJECTIVAL_SPAN = re.compile(r"^[\w.]+-(?:minute|hour|day|week|month|year)$", re.IGNORECASE)
_SPAN_VALUE = re.compile(r"^P(T?)(\d+(?:\.\d+)?)([YMWDH])$")
_SPAN_UNITS = {("", "Y"): "years", ("", "M"): "months", ("", "W"): "weeks", ("", "D"): "days",
               ("T", "H"): "hours", ("T", "M"): "minutes"}


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
