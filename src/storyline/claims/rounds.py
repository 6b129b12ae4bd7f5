"""Which round of a vote a count belongs to. A vote held over several rounds ("in the second
round", "the third ballot") gives each round its own tallies: 12 abstentions in the second round
and 11 in the third are two counts, not two reports of one.

A sentence that names one round gives its counts that round. A sentence that names none reports,
as news does, the latest round its article tells of: the highest one it names."""

from __future__ import annotations

import re
from collections.abc import Sequence

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
# "the second round", "a third secret ballot", "second-round voting", "the 3rd vote" (not "the
# first two ballots": that is two rounds)
_ROUND = re.compile(
    r"\b(?P<o>" + "|".join(_ORDINALS) + r"|(?P<d>\d{1,2})(?:st|nd|rd|th))[\s-]+"
    r"(?:(?!and\b|or\b|two\b|three\b|four\b|five\b)[a-z]+\s+)?(?:round|ballot|vote|voting)s?\b",
    re.IGNORECASE)


def rounds_named(text: str) -> set[int]:
    """The rounds of a vote ``text`` names by number."""
    return {int(m.group("d")) if m.group("d") else _ORDINALS[m.group("o").lower()]
            for m in _ROUND.finditer(text)}


def round_of(sentence: str, article_rounds: Sequence[int]) -> int | None:
    """The round the counts of ``sentence`` are of: the one it names, else the article's latest;
    None when it names several or the article none."""
    own = rounds_named(sentence)
    if own:
        return next(iter(own)) if len(own) == 1 else None
    return max(article_rounds, default=None)
