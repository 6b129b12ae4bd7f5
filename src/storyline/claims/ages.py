"""Ages of named people: "61-year-old Sharron Smith", "Sharron Smith, 60,", "Smith, aged 60",
"Smith died at the age of 85".

Outlets often disagree on a person's age; the age is bound to the person it is of (the entity of
the name next to it), so two ages of one person are compared and ages of two people never are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from storyline.claims.numbers import spelled_value
from storyline.records import Mention

_NUM = r"\d{1,3}|[A-Za-z]+(?:-[A-Za-z]+)?"
# "61-year-old Sharron Smith", "Sixty-year-old Sharron Smith", "the 33-year-old actress Tara Reid"
_BEFORE = re.compile(rf"\b(?P<n>{_NUM})[- ]years?[- ]old\b", re.IGNORECASE)
# "Sharron Smith, 60, was arrested", "Smith, aged 60,", "Smith, 60 years old", and at the end of a
# sentence: "opened fire, killing Tomas Ferrand, 47."
_AFTER = re.compile(r"^,\s*(?:aged?\s+)?(?P<n>\d{1,3})(?:\s+years\s+old)?\s*"
                    r"(?:[,);]|and\s+[A-Z]|\.?\s*$)")
# Words that may stand between an age and the name it is of: "the 33-year-old actress Tara Reid".
_GAP = 40
# An age the sentence gives its subject later on: "Vera Holm died on Thursday at the age of 85",
# "... died in her sleep, aged 91".
_AT_AGE = re.compile(r"\b(?:at\s+(?:the\s+)?age\s+(?:of\s+)?|aged\s+)(?P<n>\d{1,3})\b(?![-,.]\d)",
                     re.IGNORECASE)


def _value(word: str) -> float | None:
    if word.isdigit():
        v = float(word)
    else:
        got = spelled_value(word)
        if got is None:
            return None
        v = got
    return v if 0 < v < 130 else None


# A person named by what they are: "a 60-year-old woman charged with killing ...". Such an age
# is compared only where the rest of the two sentences says it is the same person.
_PERSON_NOUN = re.compile(
    r"^(?:,?\s+(?:[a-z]+\s+){0,2}?)?\s*(?P<noun>woman|man|girl|boy|suspect|mother|father|actress"
    r"|actor|driver|teenager|gunman|victim)\b")


def find_ages(text: str, offset: int, mentions: Sequence[Mention]
              ) -> Iterator[tuple[int, int, float, Mention | str]]:
    """(start, end, age, person) for each age of a person in ``text`` (a sentence that starts at
    article offset ``offset``): the person is the mention of the name, or the noun ("woman") when
    no name stands next to the age; spans are article offsets."""
    people = sorted((m for m in mentions if m.label == "PERSON"), key=lambda m: m.start)
    for m in _BEFORE.finditer(text):
        age = _value(m.group("n"))
        if age is None:
            continue
        end = offset + m.end()
        person = next((p for p in people if end <= p.start <= end + _GAP
                       and "." not in text[m.end():p.start - offset]), None)
        if person is not None:
            yield offset + m.start("n"), offset + m.end(), age, person
            continue
        noun = _PERSON_NOUN.match(text[m.end():])
        if noun is not None:
            yield offset + m.start("n"), offset + m.end(), age, noun.group("noun")
    for m in _AT_AGE.finditer(text):
        age = _value(m.group("n"))
        named = [p for p in people if offset <= p.start and p.end <= offset + m.start()]
        if age is None or (named and _AFTER.match(text[named[-1].end - offset:])):
            continue
        # the name the sentence is about: its first, as the subject comes first; with no name
        # the tagger knows for a person, still an age ("person"), which counts no one
        yield offset + m.start("n"), offset + m.end("n"), age, named[0] if named else "person"
    for p in people:
        if not offset <= p.end <= offset + len(text):
            continue
        m = _AFTER.match(text[p.end - offset:])
        if m is None:
            continue
        age = _value(m.group("n"))
        if age is not None:
            start = p.end + m.start("n")
            yield start, start + len(m.group("n")), age, p
