"""Numbers bound to what they count and to their event, over a dependency parse.

"the attack, which killed 44 people": 44 -> nummod of "people" -> object of "killed" (event class
"killed"), whose relative clause hangs on "attack" (the agent). "the deaths of two Russian
servicemen": two -> "servicemen" -> "of" -> "deaths". "the toll rose to 357": 357 -> "to" ->
"rose" -> subject "toll". A number bound to nothing countable (an age, a list index) is no claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storyline.claims.lexicon import (
    CLASS_NAMES,
    CURRENCY_FIRST,
    EVENT_CLASSES,
    FAMILY,
    LIGHT,
    MONEY_UNITS,
    ORG_KIND_WORDS,
    PARENTS,
    PEOPLE,
    POPULATION,
    REPORTING,
    ROLES,
    SCORES,
    STOPWORDS,
    TROOPS,
    UPDATE_CUES,
    VALUATION,
)
from storyline.claims.numbers import Number
from storyline.claims.pronouns import plural_antecedent

_NOUNS = frozenset({"NOUN", "PROPN"})
_ARG_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "acomp", "oprd", "xcomp", "compound",
                       "amod", "npadvmod", "conj", "appos"})
_VAGUE_NOUNS = frozenset({"dozen", "dozens", "hundreds", "thousands", "millions", "scores",
                          "tens", "billions", "million", "billion", "thousand", "hundred"})


@dataclass(slots=True)
class Binding:
    head: str | None  # normalised counted noun
    head_text: str | None
    event: str | None
    event_text: str | None
    agent: list[str] = field(default_factory=list)
    modifiers: list[str] = field(default_factory=list)
    update_cue: bool = False
    bearer: str | None = None
    bearer_proper: bool = False
    # names written on the counted noun, with their offsets in the sentence
    owners: list[tuple[str, int]] = field(default_factory=list)
    joined: str | None = None  # a second event class counted with the first (see _joined)


def _tokens_in(doc: Any, start: int, end: int) -> list[Any]:
    return [t for t in doc if t.idx < end and t.idx + len(t.text) > start]


def _lemma(t: Any) -> str:
    return (t.lemma_ or t.text).lower()


def _event_of(t: Any) -> tuple[str, str] | None:
    lemma = _lemma(t)
    if lemma in EVENT_CLASSES:
        return EVENT_CLASSES[lemma], t.text
    if t.text.lower() in EVENT_CLASSES:
        return EVENT_CLASSES[t.text.lower()], t.text
    return None


# A light verb with its object says another thing than the verb alone: "88 members took part in
# the vote" is no "took" of anything.
_VERB_PHRASES = {("take", "part"): "participate"}


def _verb_sense(verb: Any) -> str:
    """The verb's lemma, or what it means with the object that makes it a phrase."""
    lemma = _lemma(verb)
    for c in verb.children:
        if c.dep_ == "dobj" and (lemma, c.lower_) in _VERB_PHRASES:
            return _VERB_PHRASES[(lemma, c.lower_)]
    return lemma


def _counted_noun(num_tokens: list[Any]) -> Any | None:
    """The noun the number counts: its nummod head, or "dozens of people" -> "people"."""
    last = num_tokens[-1]
    inside = {t.i for t in num_tokens}
    # "$2.5bn", "85 million": the number hangs on its own scale word; go to the outside head
    t = last
    for _ in range(3):
        if t.head.i in inside or (t.dep_ in ("nummod", "quantmod", "compound")
                                  and t.head.lower_ in _VAGUE_NOUNS and t.head.i != t.i) \
                or _currency_before(t):
            t = t.head
            continue
        break
    if t.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") and t.head.pos_ in _NOUNS | {"ADJ"} \
            and t.head.i > t.i:
        return t.head
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    if t.dep_ == "nummod" and t.head.i < t.i and nxt is not None and nxt.tag_ == "NNS" \
            and nxt.dep_ in ("nsubj", "nsubjpass", "dobj"):
        # "said on Friday three women were killed": the small parser hangs the number on the
        # day before it, but a number counts the plural noun right after it
        return nxt
    # "dozens of people", "27,000 of them"
    for child in t.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in _NOUNS:
                    return pobj
    if t.lower_ in _VAGUE_NOUNS and t.pos_ in _NOUNS:
        return None
    # "174 dead", "21 injured": the parser often makes the adjective the number's head
    if nxt is not None and nxt.lower_ in ("dead", "injured", "wounded", "missing", "homeless"):
        return nxt
    return None


def _currency_before(t: Any) -> bool:
    """ "the dlrs 512,000 award": the parser hangs the figure on the currency word just before
    it, which stands between the figure and the noun it is the amount of."""
    return t.head.i == t.i - 1 and t.head.lower_ in CURRENCY_FIRST


def _normal_head(noun: Any, event: str | None) -> str:
    lemma = _lemma(noun)
    if lemma in PEOPLE or noun.lower_ in PEOPLE:
        return "people"
    if lemma in TROOPS:
        return "troop"
    return lemma


def bind(doc: Any, n: Number, offset: int) -> Binding | None:
    """What number ``n`` (offsets in the article) counts in the parsed sentence ``doc`` (which
    starts at article offset ``offset``)."""
    toks = _tokens_in(doc, n.start - offset, n.end - offset)
    if not toks:
        return None
    num_toks = [t for t in toks if t.like_num or t.pos_ == "NUM" or t.lower_ in _VAGUE_NOUNS
                or t.text in ("$", "€", "£", "%")] or toks
    first = num_toks[0]
    if first.i >= 2 and first.nbor(-1).lower_ == "of" and _lemma(first.nbor(-2)) in PARENTS \
            and n.unit is None:
        # "a mother of 12", "Mother of 13 Zurana Horton" (a headline the parser reads as a count
        # of Hortons): the parent's children, read from the words themselves
        parent = first.nbor(-2)
        return Binding("child", None, FAMILY, parent.text, _agent(parent), [], False)
    noun = _counted_noun(num_toks)
    # a unit written after the number ("10 percent", "85 million euros") is not the counted noun
    if noun is not None and noun.lower_ in ("percent", "cent", "dollars", "euros", "pounds"):
        noun = _counted_noun([noun]) if n.unit else noun
    anchor = noun if noun is not None else num_toks[-1]
    # "$108 million worth of rings": the price word is no counted noun; the amount belongs to the
    # event around it ("snatched"), so two reports valuing one haul share a measure
    priced = noun is not None and n.unit in MONEY_UNITS and _lemma(noun) in VALUATION
    if priced:
        noun = None
    if noun is None:
        # "85 million euros": start from the outermost word of the amount, so the event is as
        # few steps away as for a counted noun
        inside = {t.i for t in toks}
        while anchor.head.i != anchor.i and anchor.head.i in inside:
            anchor = anchor.head
    event: tuple[str, str] | None = _event_of(noun) if noun is not None else None
    if event is None and noun is not None and _lemma(noun) in ("people", "inhabitant", "resident") \
            and any(c.dep_ == "poss" and (c.pos_ == "PROPN" or c.lower_ in ("its", "their"))
                    for c in noun.children):
        event = (POPULATION, noun.text)  # "North Korea's 22 million people", "its 23 million people"
    if event is None and noun is not None:
        # "some 3,000 people who were killed": the event is a clause describing the noun
        for c in noun.children:
            if c.dep_ in ("relcl", "acl", "amod") and c.i > noun.i:
                event = _event_of(c) or next(
                    (e for g in c.children if g.dep_ in ("conj", "acomp") for e in [_event_of(g)] if e), None)
                if event:
                    break
    agent: list[str] = []
    update = False
    # Walk up from the counted noun to the event: the first event word on the way, or on a
    # direct argument of a word on the way ("toll" under "rose"), else the first real verb.
    t = anchor
    first_verb: Any | None = None
    verb: Any | None = None  # the word the event was read from
    crossed = False  # the walk went through another counted noun
    for _ in range(5):
        if t.lower_ in UPDATE_CUES or _lemma(t) in UPDATE_CUES:
            update = True
        if event is None and t is not anchor:
            event = _event_of(t)
        if event is None:
            for c in t.children:
                if c.dep_ == "conj" and c.pos_ == "VERB" and t.pos_ == "VERB" \
                        and _lemma(t) not in LIGHT:
                    continue  # "shooting three people, killing one": three were shot, not killed
                if c.dep_ in _ARG_DEPS and c.i != anchor.i and c not in num_toks:
                    event = _event_of(c)
                    if event:
                        break
        if t.pos_ in ("VERB", "AUX") and first_verb is None and _lemma(t) not in LIGHT \
                and _lemma(t) not in REPORTING:
            first_verb = t
        if event is not None:
            agent = _agent(t)
            verb = t
            break
        if _lemma(t.head) in REPORTING and event is None:
            # "at least seven were reported dead", "12 are feared dead": the state is the event
            event = next((e for c in t.head.children if c.dep_ in ("acomp", "oprd", "xcomp")
                          for e in [_event_of(c)] if e), None)
            if event is not None:
                agent = _agent(t.head)
                break
        if t.head.i == t.i or _lemma(t.head) in REPORTING:
            break
        if first_verb is None and t.dep_ == "prep" and _counted_here(t.head, num_toks):
            # "3,000 athletes from 27 nations": the verb above is told of the athletes; the
            # nations are where they come from, and nothing happens to them
            crossed = True
        t = t.head
    if event is None:
        event = _event_before(num_toks[0])
    if event is None and first_verb is not None and not crossed:
        event = (_verb_sense(first_verb), first_verb.text)
        agent = _agent(first_verb)
        verb = first_verb
    numbered = _numbered(num_toks[-1]) if noun is None and n.unit is None else None
    if numbered is not None:
        # "they now number about 70,000": a count of what is there, by a verb that names no
        # happening of its own (another report's verb may name the same troops)
        noun, verb = numbered
        event, agent = (_lemma(verb), verb.text), []
    if noun is None and event is None and n.unit is None:
        return None
    head = _normal_head(noun, event[0] if event else None) if noun is not None else (
        "people" if event and event[0] in ("killed", "injured", "missing", "homeless",
                                           "evacuated", "rescued", "hospitalised", "casualties",
                                           "arrested") else None)
    if noun is not None and event is not None and noun.i == anchor.i and _event_of(noun):
        head = "people"  # "174 dead": the noun is the event itself
    if n.unit in MONEY_UNITS and head is None:
        # "his Nobel Prize, worth the equivalent of $967,500", "the prize amount of 7.6 million
        # kronor (dlrs 978,000)": the amount is the value of the prize
        valued = _valued(num_toks[-1])
        if valued is not None:
            head = _normal_head(valued, None)
    modifiers = [_lemma(c) for c in (noun.children if noun is not None else [])
                 if c.dep_ in ("amod", "compound") and c not in num_toks
                 and _lemma(c) not in STOPWORDS]
    part = _partitive(num_toks[-1])
    if part is not None:
        head = _normal_head(part, None)  # "more than 100 died, eight of them Americans"
    if head in ROLES and event is not None and event[0] in CLASS_NAMES:
        modifiers, head = [*modifiers, head], "people"  # "99 Mafia members seized"
    bearer = _bearer(noun, num_toks[0]) if noun is not None else None
    return Binding(head, noun.text if noun is not None else None,
                   event[0] if event else None, event[1] if event else None,
                   agent, modifiers, update,
                   _lemma(bearer) if bearer is not None else None,
                   bearer is not None and bearer.pos_ == "PROPN",
                   (_owners(noun, num_toks) if noun is not None else [])
                   or (_earner(verb) if verb is not None and (n.unit in MONEY_UNITS
                                                              or head in SCORES) else []),
                   _joined(anchor, event[0], event[1]) if event else None)


def _counted_here(noun: Any, num_toks: list[Any]) -> bool:
    """``noun`` is a noun that carries a number of its own, not the one being bound."""
    return noun.pos_ in ("NOUN", "PROPN") \
        and any(c.dep_ == "nummod" and c not in num_toks for c in noun.children)


# A verb's own core arguments: a verb that has them does not share the count's.
_CORE_ARGS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


def _joined(anchor: Any, event: str, event_text: str) -> str | None:
    """The class of an event verb joined to the count's own and sharing its argument ("villagers
    who were killed or went missing", "dissidents died or disappeared"): such a count is of both
    together, a measure of its own. A joined verb with arguments of its own ("killed 10 people
    and wounded 70 others") makes two counts, not one."""
    near = sorted((t for t in anchor.doc if t.text == event_text),
                  key=lambda t: abs(t.i - anchor.i))
    if not near:
        return None
    tok = near[0]
    joined = [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "conj":
        joined.append(tok.head)
    for j in joined:
        if any(c.dep_ in _CORE_ARGS for c in j.children):
            continue
        got = _event_of(j)
        if got is not None and got[0] != event and got[0] in CLASS_NAMES:
            return got[0]
    return None


# Verbs whose subject is what the figure counts: "the troops number 70,000", "they total 40".
_COUNTING_VERBS = frozenset({"number", "total", "count"})


def _numbered(t: Any) -> tuple[Any, Any] | None:
    """The noun a figure counts, and the verb, when the figure is the object of "number" ("the
    troops now number about 70,000"); a plural pronoun there ("... its forces, and they now
    number ...") stands for the plural noun before it."""
    if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in _BETWEEN:
        t = t.head  # "number about 3,000", "about" read as a preposition
    verb = t.head
    if t.dep_ not in ("dobj", "attr", "npadvmod", "prep") or verb.pos_ != "VERB" \
            or _lemma(verb) not in _COUNTING_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    noun = subject if subject.pos_ in _NOUNS else plural_antecedent(subject)
    return (noun, verb) if noun is not None else None


def _earner(verb: Any) -> list[tuple[str, int]]:
    """The name whose money an amount is, when the subject of its verb is that name or is owned
    by it: "Brightwater posted a profit of $40 million", "Brightwater's benefits division posted
    $40 million" are Brightwater's figures, not another insurer's."""
    out: list[tuple[str, int]] = []
    for c in verb.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        out.extend((_lemma(n), n.idx) for p in [c, *c.children]
                   if p.pos_ == "PROPN" and (p is c or p.dep_ == "poss") for n in [_named(p)])
    return out


def _named(name: Any) -> Any:
    """The word that names a body whose name ends in what kind of body it is ("Brightwater Co.",
    "Dow Jones Inc."): its first word, which the other reports write too."""
    if _lemma(name).rstrip(".") not in ORG_KIND_WORDS:
        return name
    return min((c for c in name.children if c.dep_ == "compound" and c.pos_ == "PROPN"),
               key=lambda c: c.i, default=name)


def _owners(noun: Any, num_toks: list[Any]) -> list[tuple[str, int]]:
    """Names written on the counted noun: "Charles' 226 yards", "Smith 30 points" are that
    player's, not the team's."""
    return [(_lemma(c), c.idx) for c in noun.children
            if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" and c not in num_toks]


def _partitive(t: Any) -> Any | None:
    """The noun of "eight of them Americans", "11 of whom were Americans": a part of the people
    counted before, named."""
    doc = t.doc
    k = t.i + 1
    if k + 2 >= len(doc) or doc[k].lower_ != "of" or doc[k + 1].lower_ not in ("them", "whom"):
        return None
    k += 2
    if doc[k].lower_ in ("were", "are", "was", "being"):
        k += 1
    if k < len(doc) and doc[k].pos_ in _NOUNS and doc[k].text[:1].isupper():
        return doc[k]
    return None


_AMOUNT_WORDS = frozenset({"amount", "value", "sum", "price", "cost"})


def _valued(t: Any) -> Any | None:
    """The thing an amount is the value of: up from the amount to "worth" and to the noun it
    describes ("Prize, worth ...") or is said of ("the prize is worth ..."), or to "the prize
    amount of" / "the value of the prize"; an amount in apposition ("its next disbursement, $4.3
    billion") is that thing's."""
    top = t
    while top.head.i != top.i and top.head.pos_ == "NUM":
        top = top.head
    first = min(x.i for x in top.subtree)
    if top.dep_ == "appos" and top.head.pos_ in _NOUNS and first >= 2 \
            and t.doc[first - 1].text == "," and top.head.i == first - 2:
        return top.head  # "its next disbursement, $4.3 billion, from the IMF"
    for _ in range(5):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.lower_ == "worth":
            if t.dep_ == "amod" and t.head.pos_ in _NOUNS:
                return t.head
            if t.dep_ == "acomp":
                return next((c for c in t.head.children
                             if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in _NOUNS), None)
            return None
        if t.pos_ in _NOUNS and _lemma(t) in _AMOUNT_WORDS:
            own = [c for c in t.children if c.dep_ == "compound" and c.pos_ in _NOUNS]
            if own:
                return own[-1]  # "the prize amount of ..."
            of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj" and g.pos_ in _NOUNS]
            return of[0] if of and not of[0].like_num else None
        if t.pos_ in ("VERB", "AUX"):
            return None
    return None


# Words that may stand between an event verb and its amount: "steal more than €80 million".
_BETWEEN = frozenset({"more", "than", "less", "about", "some", "nearly", "almost", "over", "at",
                      "least", "up", "to", "around", "roughly", "an", "estimated", "a", "$", "€",
                      "£", "¥"})


def _event_before(first: Any) -> tuple[str, str] | None:
    """An event word just before the amount, whatever the parse says. Headlines drop the words
    the small parser leans on ("Robbers in drag steal €80 million from ..." is parsed with
    "steal" as a noun), but the verb still stands right before its object."""
    j = first.i - 1
    while j >= 0 and first.doc[j].lower_ in _BETWEEN and first.i - j <= 4:
        j -= 1
    if j < 0 or first.i - j > 4:
        return None
    return _event_of(first.doc[j])


# Adjectives a measure is the size of: "18 feet long", "a tower 300 meters tall".
_SIZE_WORDS = frozenset({"long", "wide", "high", "tall", "deep", "thick", "across", "heavy"})


def _bearer(unit: Any, first: Any) -> Any | None:
    """The thing a measure is of, for a unit noun ("foot"): "the 36-foot Unity" -> Unity, "the
    shuttle's 50-foot robot arm" -> arm, "the unit is 18 feet long" -> unit, "Zarya, 41 feet long,"
    -> Zarya. Two reports giving two lengths of two objects do not disagree, and two lengths of
    one named object do, however differently the sentences around them are worded."""
    if unit.dep_ in ("nmod", "compound", "amod") and unit.head.pos_ in _NOUNS and unit.head.i > unit.i:
        h = unit.head
        while h.dep_ == "compound" and h.head.pos_ in _NOUNS and h.head.i > h.i:
            h = h.head
        return h
    if unit.dep_ == "npadvmod" and unit.head.lower_ in _SIZE_WORDS:
        size = unit.head
        if size.dep_ == "acomp":
            return next((c for c in size.head.children
                         if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in _NOUNS), None)
        # "Zarya, 41 feet long, is ...": the size in apposition to the noun before the comma
        j = first.i - 1
        if j >= 1 and first.doc[j].text == "," and first.doc[j - 1].pos_ in _NOUNS:
            return first.doc[j - 1]
    return None


def _agent(verb: Any) -> list[str]:
    """What the event hangs on: the subject of the verb, or the noun a relative clause describes
    ("the attack, which killed"), with its compounds ("suicide bomb attack")."""
    nouns: list[Any] = []
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in _NOUNS:
        nouns.append(verb.head)
    for c in verb.children:
        if c.dep_ in ("nsubj", "agent") and c.pos_ in _NOUNS:
            nouns.append(c)
        if c.dep_ == "prep" and c.lower_ in ("in", "by", "during", "after"):
            nouns.extend(p for p in c.children if p.dep_ == "pobj" and p.pos_ in _NOUNS)
    out: list[str] = []
    for noun in nouns:
        out.append(_lemma(noun))
        out.extend(_lemma(c) for c in noun.children
                   if c.dep_ in ("compound", "amod") and _lemma(c) not in STOPWORDS)
    return out
