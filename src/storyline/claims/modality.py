"""Whether a claim tells what happened or what is planned, expected or hoped for.

"The games are expected to attract more than 10,000 athletes", "he plans to meet them on
Tuesday", "the men would appear in court on Saturday", "Ellen DeGeneres to host Oscars in 2014":
a forecast or a schedule is no account of a fact, so it cannot contradict the account of what
then happened (6,000 athletes came; the meeting was on Monday). Read over the dependency parse:
the verb the value hangs on, its auxiliaries, and the verb it is the complement of.
"""

from __future__ import annotations

from typing import Any

from storyline.claims.lexicon import CURRENCY_FIRST

# Auxiliaries that put a verb in the future (or a future seen from the past: "would appear").
FUTURE_AUX = frozenset({"will", "shall", "would", "'ll", "wo", "might", "may", "could", "should"})

# Conjunctions that make a clause a supposition: "if a player made $20 million".
SUPPOSING = frozenset({"if", "unless", "whether"})

# Verbs whose infinitive complement is a plan or a forecast, not a fact.
PLAN_VERBS = frozenset({
    "plan", "expect", "schedule", "hope", "aim", "intend", "want", "seek", "propose", "threaten",
    "promise", "prepare", "set", "due", "project", "forecast", "predict", "anticipate", "vow",
    "pledge", "agree", "offer", "target", "slate", "go", "foresee", "envisage", "envision"})

# Verbs whose own object is a forecast ("expected 10,000 visitors", "had foreseen gains of 10
# seats"); a pledge or an offer is a fact of its own and is compared as one.
FORESEEING = frozenset({"plan", "expect", "schedule", "hope", "aim", "intend", "want", "seek",
                        "propose", "project", "forecast", "predict", "anticipate", "foresee",
                        "envisage", "envision"})

# How far up from the value to look for the verb it belongs to.
_STEPS = 4


def planned_at(doc: Any, start: int, end: int) -> bool:
    """``doc[start:end]`` (character offsets in the parsed sentence) is the value of a plan, a
    forecast or a schedule rather than of something that happened."""
    toks = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    if not toks:
        return False
    verb = _told_of(toks[-1]) or _verb_above(toks[-1])
    return verb is not None and _is_planned(verb)


# Determiners that make a noun phrase a thing already known: "the", "his", "its".
_DEFINITE = frozenset({"the", "this", "that", "his", "her", "its", "their", "our", "my", "your"})


def value_of_known_thing(doc: Any, start: int, end: int) -> bool:
    """``doc[start:end]`` is written before the noun of a definite phrase ("will collect the
    $512,000 award", "will sell its $2 million home"): the value of a thing that already exists,
    told as a fact even where the sentence plans what will happen to the thing."""
    toks = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    if not toks:
        return False
    tok = toks[-1]
    for _ in range(3):
        head = tok.head
        if head.i == tok.i - 1 and head.lower_ in CURRENCY_FIRST:
            tok = head  # "the dlrs 512,000 award": the figure hangs on its currency word
            continue
        if head.i <= tok.i:
            return False
        if head.pos_ in ("NOUN", "PROPN") and not head.like_num and head.tag_ != "NNP":
            return any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE and c.i < tok.i
                       for c in head.children)
        tok = head
    return False


def _told_of(tok: Any) -> Any | None:
    """The clause that tells what happened to the counted noun ("could include some 3,000 people
    who were killed": killed, not include)."""
    for _ in range(2):
        if tok.pos_ in ("NOUN", "PROPN"):
            return next((c for c in tok.children
                         if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"), None)
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _verb_above(tok: Any) -> Any | None:
    for _ in range(_STEPS):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return tok if tok.pos_ == "VERB" else None


def _is_planned(verb: Any) -> bool:
    for _ in range(2):
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if aux & FUTURE_AUX:
            return True
        if any(c.dep_ == "mark" and c.lower_ in SUPPOSING for c in verb.children):
            return True  # a supposition, not a report: "if a player made $20 million"
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        head = verb.head
        if to and (head.i == verb.i or head.pos_ in ("NOUN", "PROPN")
                   or (head.lemma_ or "").lower() == "be"):
            # a headline's bare infinitive ("DeGeneres to host Oscars in 2014"), a plan named by
            # a noun ("the decision to travel"), a schedule ("is to resume trading Tuesday")
            return True
        if verb.dep_ in ("xcomp", "ccomp") and (head.lemma_ or "").lower() in PLAN_VERBS \
                and (to or verb.dep_ == "xcomp"):
            return True  # "expected to attract", "plans to meet"
        if (verb.lemma_ or "").lower() in FORESEEING and verb.dep_ != "amod":
            return True  # "had foreseen gains ranging from 10 seats": the figure is foreseen
        if verb.dep_ == "acl" and head.head.i != head.i \
                and (head.head.lemma_ or "").lower() in FORESEEING:
            return True  # "had foreseen gains ranging from 10 seats to 40"
        if head.i == verb.i or verb.dep_ not in ("xcomp", "conj"):
            return False
        verb = head  # "will arrive and meet ...": the conjoined verb shares the future
    return False
