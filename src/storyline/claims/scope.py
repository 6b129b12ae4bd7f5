"""Where a count was made. A sentence that names several places gives each count its own:
"killed 247 people in Kenya and 10 in Tanzania" is a count for Kenya and one for Tanzania, and
"bombings in Dar es Salaam, Tanzania, and Nairobi, Kenya, killed 258" counts both places together,
as "the toll for both bombings" does. A count for the whole is not a count for one of its parts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.claims.context import PLACE_LABELS
from storyline.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

# words that make a count one for the whole: "both bombings", "in all", "a total of"
_WHOLE = re.compile(r"\b(?:both\s+(?!men\b|women\b|people\b|of\b|sides\b)|total|combined|in all\b"
                    r"|altogether|overall|all told)", re.IGNORECASE)
# a place joined to the one before by "and": "in Dar es Salaam, Tanzania, and Nairobi, Kenya"
_AND = re.compile(r",?\s*(?:and|or)\s+(?:in\s+|at\s+)?(?:the\s+)?", re.IGNORECASE)
# the ends of a route locate no count: "died crossing from Cuba to the United States", "trying
# to reach Florida"
_ROUTE = re.compile(r"\b(?:from|to|toward|towards|reach|reaching|for|bound\s+for)\s+(?:the\s+)?$",
                    re.IGNORECASE)
# a place written as a title of the next noun ("the U.S. embassy", "Kenyan capital") locates
# nothing: only places after these words say where
_LOCATING = re.compile(r"(?:\b(?:in|at|near|outside|inside|of|across|throughout|and)|,)\s*"
                       r"(?:the\s+)?(?:(?:central|(?:north|south)(?:east|west)?(?:ern)?"
                       r"|(?:east|west)(?:ern)?)\s+)?$", re.IGNORECASE)


@dataclass(slots=True)
class PlaceGroup:
    mentions: list[Mention]
    joined: bool = False  # joined to the group before by "and"


def located_places(text: str, offset: int, mentions: Sequence[Mention],
                   doc: Doc | None = None) -> list[PlaceGroup]:
    """The places a sentence (``text``, starting at ``offset`` in the article, parsed as
    ``doc``) locates something in, in text order, a place written with the place that holds it
    ("Nairobi, Kenya") as one group."""
    groups: list[PlaceGroup] = []
    last_end = None
    for m in sorted(mentions, key=lambda m: m.start):
        if m.label not in PLACE_LABELS or not offset <= m.start < offset + len(text):
            continue
        before = text[max(0, m.start - offset - 24):m.start - offset]
        if not _LOCATING.search(before) or _names_a_noun(doc, m.end - offset):
            continue
        between = text[last_end - offset:m.start - offset] if last_end is not None else ""
        if groups and re.fullmatch(r",\s*", between):
            groups[-1].mentions.append(m)
        else:
            groups.append(PlaceGroup([m], bool(groups) and bool(_AND.fullmatch(between))))
        last_end = m.end
    return groups


def _names_a_noun(doc: Doc | None, end: int) -> bool:
    """The place ending at ``end`` is a title of the noun after it: "at U.S. embassies"."""
    if doc is None:
        return False
    tok = next((t for t in doc if t.idx < end <= t.idx + len(t.text)), None)
    return tok is not None and tok.dep_ in ("compound", "amod", "nmod") \
        and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN")


def route_places(text: str, offset: int, mentions: Sequence[Mention]) -> set[str]:
    """Places the sentence names only as the start or end of a journey."""
    return {m.entity_id or m.text for m in mentions
            if m.label in PLACE_LABELS and offset <= m.start < offset + len(text)
            and _ROUTE.search(text[max(0, m.start - offset - 24):m.start - offset])}


def is_whole(text: str, offset: int, start: int, end: int, groups: list[PlaceGroup]) -> bool:
    """A count for several places together: the sentence joins two located places with "and"
    and this is its only count of the kind, or the words around the count say so ("both
    bombings", "in all")."""
    window = text[max(0, start - offset - 40):end - offset + 25]
    return bool(_WHOLE.search(window)) or any(g.joined for g in groups)


def scope_of(groups: list[PlaceGroup]) -> list[str]:
    return sorted({m.entity_id or m.text for g in groups for m in g.mentions})


def split_scopes(spans: list[tuple[int, int]], groups: list[PlaceGroup]) -> list[list[str]]:
    """For counts of one kind in one sentence, in text order, the places each is for: those
    written after it and before the next count, else those before it."""
    out: list[list[str]] = []
    for k, (start, _end) in enumerate(spans):
        nxt = spans[k + 1][0] if k + 1 < len(spans) else None
        after = [m for g in groups for m in g.mentions
                 if m.start >= start and (nxt is None or m.start < nxt)]
        prev_end = spans[k - 1][1] if k else None
        before = [m for g in groups for m in g.mentions
                  if m.end <= start and (prev_end is None or m.start >= prev_end)]
        chosen = after or before
        out.append(sorted({m.entity_id or m.text for m in chosen}))
    return out
