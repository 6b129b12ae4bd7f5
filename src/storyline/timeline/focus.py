"""Entity focus: which events mention a given entity (by canonical id, name or alias)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from anyascii import anyascii

from storyline.corpus import Corpus
from storyline.records import Event

__all__ = ["EntityFocus", "resolve_entity"]


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", anyascii(s).casefold()).strip()


class EntityFocus:
    """The canonical entities a query names, and the words that name them in text."""

    def __init__(self, ids: set[str], surfaces: Iterable[str]) -> None:
        self.ids = ids
        words = sorted({_fold(s) for s in surfaces if len(_fold(s)) >= 2}, key=lambda w: (-len(w), w))
        self._pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)") if words else None

    def mentioned_in(self, text: str, entity_ids: Iterable[str]) -> bool:
        if self.ids.intersection(entity_ids):
            return True
        return bool(self._pattern and self._pattern.search(_fold(text)))

    def matches(self, event: Event, corpus: Corpus) -> bool:
        for m in event.mentions:
            text = corpus.articles[m.article_id].clean_text[m.sentence_start:m.sentence_end]
            if self.mentioned_in(text, m.entity_ids):
                return True
        return False


def _phrase_in(phrase: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text) is not None


def resolve_entity(corpus: Corpus, query: str) -> EntityFocus:
    """Entities whose id, canonical name or an alias is ``query`` (case, accents and scripts
    folded); failing that, those whose name of two words or more is a phrase of the query.
    The query's own words count as a name too, so an entity the recogniser missed
    ("iPhone 4") is still found in the text."""
    q = _fold(query)
    ids = {e.id for e in corpus.entities.values()
           if e.id == query or _fold(e.name) == q or any(_fold(a) == q for a in e.aliases)}
    if not ids:  # "Beatles Apple Corps" names "Apple Corps": a name of two words or more
        ids = {e.id for e in corpus.entities.values()
               if len(_fold(e.name).split()) >= 2 and _phrase_in(_fold(e.name), q)}
    surfaces = [query]
    for i in sorted(ids):
        e = corpus.entities[i]
        surfaces += [e.name, *e.aliases]
    return EntityFocus(ids, surfaces)
