"""What surrounds a claim: the entities, places, dates and words of its sentence (and of the
sentence before, which often names the event a number belongs to: "a suicide attack on Istanbul
airport on Tuesday. ... the attack, which killed 44 people")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from storyline.claims.lexicon import STOPWORDS
from storyline.nlp.names import slug
from storyline.records import Mention, Sentence, TimeExpr
from storyline.temporal.lexicon import MONTH_RE

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ACTOR_LABELS = frozenset({"PERSON", "ORG"})
# "this year" and "last year" name two periods even when no date resolves them to a year.
_PERIOD = re.compile(r"\b(this|last|next|previous|past)\s+(year|month|week|season|summer|winter|"
                     r"spring|autumn|fall)\b", re.IGNORECASE)


def stem(word: str) -> str:
    """A crude English stem, enough to match "attack"/"attacks", "killed"/"kills"."""
    w = word.lower().replace("’", "'")
    w = re.sub(r"'s$", "", w)
    for suffix, keep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""),
                         ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: len(w) - len(suffix)] + keep
    return w


def content_words(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 2]


# Kinds of names news refers back to by their last word: "the Pan American Games ... the games",
# "the Lorvan Harbour Authority ... the authority". People are "he" or a surname
# (claims.pronouns), places keep their names.
_REFERRED_LABELS = frozenset({"EVENT", "ORG", "FAC", "WORK_OF_ART", "LAW"})
# "the games", not the "the Pan" of "the Pan American Games"
_THE_NOUN = re.compile(r"\b[Tt]he\s+([A-Za-z]+)(?!\s+[A-Z])")


def named_before(lo: int, text: str, mentions: list[Mention]) -> list[str]:
    """The entities named before offset ``lo`` that ``text`` refers back to as "the <last word
    of the name>": a report names "the Pan American Games" once, then writes "the games", and a
    count told of "the games" is a count of the Pan American Games."""
    nouns = {m.group(1).lower() for m in _THE_NOUN.finditer(text)}
    found: dict[str, str] = {}
    for m in mentions:
        words = m.text.split()
        if m.end <= lo and m.label in _REFERRED_LABELS and len(words) >= 2 \
                and words[-1].lower() in nouns and m.entity_id:
            found[words[-1].lower()] = m.entity_id  # the latest name wins
    return list(found.values())


@dataclass(slots=True)
class SentenceContext:
    entity_ids: list[str]
    places: list[str]
    dates: list[str]
    words: list[str]
    periods: list[str]  # relative periods the sentence names: "this year", "last year"
    # people and organisations of the sentence itself
    actors: list[str] = field(default_factory=list)


# A year written out: without one, a date's year comes from the publication date.
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_MONTH = re.compile(MONTH_RE)


def context_date(t: TimeExpr, dct_given: bool) -> str:
    """The TIMEX3 value of a date of the sentence. A month and day written without a year ("Nov.
    3") in an article whose publication date was only guessed gets its year from the guess, so
    the year is dropped ("XXXX-11-03"): two reports of one ceremony guessed into two years name
    one day."""
    if dct_given or _YEAR.search(t.text) or not _MONTH.search(t.text) \
            or not re.match(r"\d{4}-\d\d-\d\d", t.value):
        return t.value  # a relative date ("eight days ago") stays as the guess placed it
    return "XXXX" + t.value[4:]


def sentence_context(i: int, sentences: list[Sentence], mentions: list[Mention],
                     timexes: list[TimeExpr], dct_given: bool = True) -> SentenceContext:
    s = sentences[i]
    prev = sentences[i - 1] if i > 0 else None
    lo = prev.start if prev is not None else s.start

    def inside(a: int, b: int, start: int, end: int) -> bool:
        return start <= a and b <= end

    ents = [m.entity_id or m.text for m in mentions if inside(m.start, m.end, lo, s.end)]
    ents += named_before(lo, (prev.text + " " if prev is not None else "") + s.text, mentions)
    places = [m.entity_id or m.text for m in mentions
              if inside(m.start, m.end, s.start, s.end) and m.label in PLACE_LABELS]
    dates = [context_date(t, dct_given) for t in timexes
             if t.type == "DATE" and inside(t.start, t.end, s.start, s.end)]
    words = content_words((prev.text + " " if prev is not None else "") + s.text)
    periods = sorted({f"{m.group(1).lower().replace('previous', 'last').replace('past', 'last')} "
                      f"{m.group(2).lower()}" for m in _PERIOD.finditer(s.text)})
    actors = [m.entity_id or m.text for m in mentions
              if inside(m.start, m.end, s.start, s.end) and m.label in _ACTOR_LABELS]
    return SentenceContext(sorted(set(ents)), sorted(set(places)), dates, words, periods,
                           sorted(set(actors)))


def unmarked_names(doc: Any, offset: int, mentions: list[Mention]) -> list[str]:
    """Entities of names the tagger missed, possessed by an organisation it found: "Microsoft's
    Longhorn" is the organisation's product or unit, the "Microsoft Longhorn" another report's
    tagger finds whole ("ORG:microsoft-longhorn"). ``doc`` is the parse of the sentence at
    ``offset``."""

    def mention_at(tok: Any) -> Mention | None:
        at = offset + tok.idx
        return next((m for m in mentions if m.start <= at < m.end), None)

    people = {w.lower() for m in mentions if m.label == "PERSON" for w in m.text.split()}
    found = []
    for tok in doc:
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or mention_at(tok) is not None \
                or tok.lower_ in people:
            continue  # "Florida International's Fernandez": a person the report names elsewhere
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            continue  # a word of a longer name, found from the name's last word
        name = sorted([c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                       and c.is_alpha and len(c.text) > 1 and mention_at(c) is None] + [tok],
                      key=lambda t: t.i)
        for c in tok.children:
            maker = mention_at(c) if c.dep_ == "poss" and c.i < name[0].i else None
            if maker is not None and maker.label == "ORG" \
                    and tok.text != "".join(w[0] for w in maker.text.split() if w[0].isupper()):
                # (not the organisation's initials, written after it: "the Council's (SLORC)")
                own = (maker.entity_id or "").partition(":")[2] or slug(maker.text)
                found.append(f"ORG:{own}-{slug(' '.join(t.text for t in name))}")
    return sorted(set(found))
