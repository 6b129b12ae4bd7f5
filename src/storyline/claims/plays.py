"""Counts and times that sports and crime reports give in set phrases, read without a parse.

"with 7:42 left in the first half" (the game clock of a play); "killing two coworkers and
wounding a third", "two dead and another wounded" (one more person).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from storyline.claims.context import stem
from storyline.claims.lexicon import EVENT_CLASSES

# The game clock of a play, as sports reports give it: "with 7:42 left in the first half", "with
# 7 minutes 41 seconds to go", "with 4:43 to play".
_CLOCK = re.compile(
    r"\bwith\s+(?P<time>(?P<m>\d{1,2}):\s?(?P<s>\d{2})|(?P<m2>\d{1,2})\s+minutes?"
    r"(?:,?\s+(?:and\s+)?(?P<s2>\d{1,2})\s+seconds?)?)\s+(?:left|remaining|to\s+go|to\s+play)"
    r"(?:\s+in\s+the\s+(?P<period>(?:first|second|third|fourth|final)\s+(?:half|quarter|period)"
    r"|overtime))?", re.IGNORECASE)

# One more person after a count: "wounding a third", "injuring a third co-worker", "and another
# wounded" (not "another 10 wounded", an increment).
_ONE_MORE = re.compile(
    r"\b(?P<v1>wound\w*|injur\w*|hurt\w*|kill\w*)\s+(?:\w+\s+)?"
    r"(?P<n>a\s+(?:third|fourth|fifth|sixth)|one\s+other)\b"
    r"|\b(?P<n2>another|a\s+(?:third|fourth|fifth|sixth))\s+"
    r"(?:(?!\d|(?:two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?)\b)"
    r"[\w-]+\s+){0,3}?"
    r"(?P<v2>wounded|injured|hurt|killed)\b",
    re.IGNORECASE)


def find_clocks(text: str) -> Iterator[tuple[int, int, float, str | None]]:
    """(start, end, seconds left, period or None) for each game clock in ``text``."""
    for m in _CLOCK.finditer(text):
        seconds = int(m.group("m") or m.group("m2")) * 60 + int(m.group("s") or m.group("s2") or 0)
        period = re.sub(r"\s+", " ", m.group("period").lower()) if m.group("period") else None
        yield m.start("time"), m.end("time"), float(seconds), period


def find_one_more(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, event class, verb as written) for each "a third" / "another" that counts
    one more person hurt or killed in ``text``."""
    for m in _ONE_MORE.finditer(text):
        verb = m.group("v1") or m.group("v2")
        root = stem(verb)
        event = EVENT_CLASSES.get(verb.lower()) or EVENT_CLASSES.get(root) \
            or EVENT_CLASSES.get(root + "e")  # "injuring" -> "injur" -> "injure"
        if event is not None:
            group = "n" if m.group("n") else "n2"
            yield m.start(group), m.end(group), event, verb
