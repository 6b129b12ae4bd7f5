"""Whom a dated event is of when its sentence names them only before. "he" or "she" as subject:
"Gonzalez said he had not seen the tape. He has spoken with his son since he arrived on April 6"
dates an arrival of Gonzalez; news names a person in full, then by surname, so the surname is
the person most recently named in full with it. A killing named without its victim: "the Oct. 23
slaying" after "the death of Dr. Vell"."""

from __future__ import annotations

import re
from typing import Any

from storyline.records import Mention, Sentence

PERSONAL = frozenset({"he", "she"})
# Pronouns of things counted: "they now number 70,000".
PLURAL = frozenset({"they", "these", "those"})
# Events a person lives through once (claims.dates names them so): "the slaying" told after "the
# death of Dr. Vell" is his.
ONE_DEATH = frozenset({"kill", "die"})
_DEATH_OF = re.compile(r"\b(?:death|killing|slaying|murder|assassination)\s+of\s+",
                       re.IGNORECASE)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def antecedent(subject: Any, sentence: Sentence, previous: Sentence | None,
               mentions: list[Mention]) -> Mention | None:
    """The person a "he"/"she" subject stands for: the named subject of a clause above it in its
    sentence ("Reno said she would sign it on Friday"), else, when the sentence opens on a
    pronoun too, the first person of the sentence before ("Gonzalez said ... He has ...")."""
    people = [m for m in mentions if _person(m)]
    tok = subject.head
    for _ in range(6):
        subj = next((c for c in tok.children if c.dep_ in _SUBJECTS and c.i != subject.i), None)
        if subj is not None and subj.lower_ not in PERSONAL:
            at = sentence.start + subj.idx
            return next((m for m in people if m.start <= at < m.end), None)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    if previous is None:
        return None
    return next((m for m in people if previous.start <= m.start and m.end <= previous.end), None)


def fuller_name(person: Mention, mentions: list[Mention]) -> str:
    """The entity of a one-word name ("Gonzalez"): the person last named in full with it before
    ("Juan Miguel Gonzalez"), else the mention's own entity."""
    own = person.entity_id or person.text
    if " " in person.text.strip() or "-" in own.partition(":")[2]:
        return own  # named in full, or already linked to a full name
    surname = person.text.strip().lower()
    full = [m for m in mentions if _person(m) and m.start < person.start
            and m.entity_id and " " in m.text.strip()
            and m.text.strip().lower().endswith(" " + surname)]
    return full[-1].entity_id or own if full else own


def _person(m: Mention) -> bool:
    """A person's mention, even one the tagger labelled otherwise but linking tied to a person
    ("Brel" tagged ORG, linked to "Tomas Brel")."""
    return m.label == "PERSON" or (m.entity_id or "").startswith("PERSON:")


def victim_before(previous: Sentence, mentions: list[Mention], text: str) -> Mention | None:
    """The person of "the death of Dr. Jon Vell" (killing, slaying, murder) in the sentence
    before: "the slaying" with no one named is the one just told of."""
    for m in _DEATH_OF.finditer(text, previous.start, previous.end):
        named = next((p for p in mentions if _person(p) and m.end() <= p.start <= m.end() + 12
                      and p.end <= previous.end), None)
        if named is not None:
            return named
    return None


def plural_antecedent(pronoun: Any) -> Any | None:
    """The noun a plural "they" stands for within its sentence: the last plural common noun
    before it ("Ruritania has moved more troops into the region, and they now number 90,000")."""
    if pronoun.lower_ not in PLURAL:
        return None
    before = [t for t in pronoun.doc[:pronoun.i] if t.tag_ == "NNS" and t.pos_ == "NOUN"]
    return before[-1] if before else None
