"""Events bound to their dates: "Turkey shot down a Russian warplane in November 2015" ->
(shoot down, 2015-11). Only dates a reader can check: a year, month or day anchored to a known
publication date, or a day named by its weekday. A date hanging on a reporting verb ("said on
Friday") dates the statement, not the event, and is left out; an attribution after the date
("died Thursday, the newspaper reported") is not such a verb."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from storyline.claims.lexicon import EVENT_CLASSES, REPORTING, STOPWORDS
from storyline.records import TimeExpr
from storyline.temporal.lexicon import WEEKDAYS

_CALENDAR = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_WEEKDAY = re.compile(r"\b(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?",
                      re.IGNORECASE)
_WEEKDAY_INDEX = {name[:3]: i for name, i in WEEKDAYS.items()}
# The signing of an agreement, however a report dates it: "signed on Monday", "the May 20 accord".
SIGN = "sign"
# Whatever the weekday names, the verb of the event: "checked into", "entered" and "was admitted
# to" a clinic tell one happening, and its day is what two reports may disagree on.
DATE_EVENT_SYNONYMS = {"check": "check in", "check in": "check in", "enter": "check in",
                       "admit": "check in", "arrive": "arrive", "land": "arrive",
                       # a report written before the trip says when one will travel, a later one
                       # when one arrived: the same day for all but the longest journeys
                       "travel": "arrive", "fly": "arrive",
                       "death": "die", "pass away": "die",
                       # a killing: "was shot on Friday night", "was killed on Oct. 23"
                       "shoot": "kill", "slay": "kill", "murder": "kill", "assassinate": "kill",
                       "slaying": "kill", "killing": "kill", "shooting": "kill",
                       "assassination": "kill",
                       # a fire or storm that "destroyed", "gutted" or "ripped through" a building
                       "destroy": "damage", "damage": "damage", "gut": "damage", "rip": "damage",
                       "ravage": "damage", "raze": "damage", "burn": "damage",
                       # trading, a road or a school that "resumes" or "reopens" after a halt
                       # opens again: "trading opened Monday" is that day
                       "resume": "open", "reopen": "open",
                       # a date written before an agreement dates its signing: "a May 20
                       # agreement", "the 1995 accord" are the agreements signed then
                       "agreement": SIGN, "accord": SIGN, "pact": SIGN, "treaty": SIGN,
                       "memorandum": SIGN}


class DateEvent(NamedTuple):
    lemma: str  # the event, normalised: "check in", "kill", "take power"
    words: str  # as written: "checked into"
    args: list[str]  # lemmas of what it is of: its subject and object
    subject: Any | None = None  # the subject token of the event's verb
    # the named things the event is done to, each a name's words sorted and joined ("longhorn
    # microsoft" of "Microsoft Longhorn was released"; see ``themes``)
    themes: tuple[str, ...] = ()
    # what a signed agreement is about, as lemmas ("oil", "sale"; see ``agreement_terms``)
    terms: tuple[str, ...] = ()


# Verbs of mind and attempt: what they govern is the event ("decided to resign on Monday").
_WRAPPERS = frozenset({"feel", "decide", "want", "need", "try", "plan", "hope", "agree", "choose",
                       "seek", "attempt", "intend", "wish", "manage", "opt", "vow", "refuse"})


def weekday_named(text: str) -> int | None:
    """0 (Monday) .. 6 (Sunday) when the expression names one weekday ("Friday", "late
    Thursday", "Tues."), else None. Whole words only: "Sat" is a weekday, "Saturn" is not."""
    found = {_WEEKDAY_INDEX[m.group(1).lower()[:3]] for m in _WEEKDAY.finditer(text)
             if m.group(0).lower().endswith(("day", "day.")) or m.group(0).endswith(".")}
    return found.pop() if len(found) == 1 else None


def checkable(t: TimeExpr) -> bool:
    """A date a reader can check: a calendar year, month or day anchored to a known publication
    date, or a day the text names by its weekday (one happening has one weekday, whenever the
    reports were written)."""
    if t.mod in (None, "START", "MID", "END") and t.type == "DATE" and t.anchored \
            and bool(_CALENDAR.match(t.value)):
        return True  # "late 2006" is still 2006
    # "late Thursday" and "early Friday morning" are still Thursday and Friday
    return t.type in ("DATE", "TIME") and t.mod in (None, "START", "MID", "END") \
        and weekday_named(t.text) is not None


# Coming to power, whichever verb a report chooses: "came to power", "was swept to power",
# "seized power" tell one event of one ruler; "lost power" and "returned to power" tell others.
TAKE_POWER = "take power"
_TO_POWER = frozenset({"come", "bring", "rise", "sweep", "propel", "catapult", "ascend", "carry",
                       "vote", "elect"})
_POWER_TAKEN = frozenset({"seize", "take", "assume", "grab", "gain", "win"})


def _to_power(tok: Any) -> bool:
    """``tok`` is "power" after "to": "to power" (the parser may read it as an infinitive)."""
    return tok.lower_ == "power" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "to"


def _taking_power(tok: Any) -> Any | None:
    """The verb of a coming to power that the date hangs on, else None. The parser may hang "41
    years ago" on "power" in "brought Castro to power 41 years ago"."""
    if _to_power(tok) and tok.head.i != tok.i and tok.head.pos_ == "VERB":
        tok = tok.head
    if tok.pos_ != "VERB":
        return None
    lemma = (tok.lemma_ or tok.text).lower()
    kids = list(tok.children)
    if lemma in _TO_POWER and any(
            _to_power(c) or (c.lower_ == "to" and any(_to_power(g) for g in c.children))
            for c in kids):
        return tok
    if lemma in _POWER_TAKEN and any(c.dep_ == "dobj" and c.lower_ == "power" for c in kids):
        return tok
    return None


def _event_noun_before(first: Any) -> DateEvent | None:
    """An event noun just before the date when the parse hangs the date elsewhere: "the cause of
    his death at home on Thursday was not known" (parsed with "on Thursday" on "cause")."""
    j = first.i - 1
    while j >= 0 and first.i - j <= 5:
        t = first.doc[j]
        if t.pos_ in ("VERB", "AUX", "PUNCT"):
            return None
        lemma = (t.lemma_ or t.text).lower()
        if t.pos_ == "NOUN" and lemma in EVENT_CLASSES:
            return DateEvent(DATE_EVENT_SYNONYMS.get(lemma, lemma), t.text, [])
        j -= 1
    return None


# Nouns of a happening that a date written after them dates: "a shooting ... Friday", "the blast
# on Tuesday".
HAPPENING_NOUNS = frozenset({"shooting", "killing", "slaying", "assassination", "attack",
                             "bombing", "blast", "explosion", "crash", "raid", "fire", "quake",
                             "earthquake", "stabbing", "robbery", "heist", "ambush"})


def _happening_noun(tok: Any) -> bool:
    return tok.pos_ == "NOUN" and (tok.lemma_ or tok.text).lower() in HAPPENING_NOUNS


def _makes(verb: Any) -> bool:
    """A reporting verb that brings out a thing, not words: "announced on Tuesday the first
    Intel Macs" (an object, no clause) is the event; "announced on Tuesday that ..." is not."""
    kids = list(verb.children)
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in kids) \
        and not any(c.dep_ in ("ccomp", "xcomp") for c in kids)


_PRENOMINAL = frozenset({"compound", "nmod", "npadvmod", "nummod", "amod"})


def _noun_event(noun: Any) -> DateEvent:
    """A noun as the dated event, with what it is of: "slaying of Slepian" -> ["slepian"]."""
    lemma = (noun.lemma_ or noun.text).lower()
    args = [(g.lemma_ or g.text).lower() for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    args += [(c.lemma_ or c.text).lower() for c in noun.children if c.dep_ == "poss"]
    event = DATE_EVENT_SYNONYMS.get(lemma, lemma)
    return DateEvent(event, noun.text, [a for a in args if a not in STOPWORDS],
                     terms=agreement_terms(noun) if event == SIGN else ())


# Words that name an agreement as such, or the frame of any agreement, not what it is about: "a
# memorandum of understanding", "a deal allowing ..." tell nothing of which agreement.
_AGREEMENT_WORDS = frozenset({"agreement", "accord", "pact", "treaty", "memorandum", "deal",
                              "understanding", "document", "contract", "protocol", "sign",
                              "allow", "let", "permit", "provide", "include", "new", "final"})
_TERM_POS = frozenset({"NOUN", "VERB", "ADJ"})


def _agreement_signed(verb: Any) -> Any | None:
    """The agreement a signing verb is of: its object ("signed an accord"), its passive subject
    ("the pact was signed") or the noun it qualifies ("the memorandum signed in June")."""
    done_to = next((c for c in verb.children if c.dep_ in _DONE_TO and c.pos_ == "NOUN"), None)
    if done_to is None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return verb.head
    return done_to


def _circumstance(clause: Any) -> bool:
    """A clause of another happening hung on the phrase: "since its troops invaded", "after the
    talks failed"."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" for c in clause.children)


def agreement_terms(noun: Any, signing: Any | None = None) -> tuple[str, ...]:
    """What an agreement is about: the content lemmas of its phrase ("a memorandum on oil
    sales", "an agreement allowing oil to be sold"), less the words for an agreement as such,
    names and dates (the parties are compared as entities), the signing itself and clauses
    of other happenings, told by their conjunction ("... since its troops invaded"; what the
    agreement is for, "to buy food", is kept)."""
    # "the memorandum signed in June ..." holds its signing; "the pact was signed ..." does not
    skip = set(signing.subtree) if signing is not None and signing.head == noun else set()
    found: set[str] = set()
    stack = [noun]
    while stack:
        t = stack.pop()
        if t in skip:
            continue
        lemma = (t.lemma_ or t.text).lower()
        if t.pos_ in _TERM_POS and not t.ent_type_ and len(lemma) > 2 \
                and lemma not in STOPWORDS and lemma not in _AGREEMENT_WORDS:
            found.add(lemma)
        stack.extend(c for c in t.children if not _circumstance(c))
    return tuple(sorted(found))


def date_event(doc: Any, t: TimeExpr, offset: int) -> DateEvent | None:
    """The event of the verb (or noun) the date ``t`` attaches to."""
    toks = [x for x in doc if x.idx < t.end - offset and x.idx + len(x.text) > t.start - offset]
    if not toks:
        return None
    tok = toks[-1]
    top = next((x for x in toks if x.head not in toks), tok)  # "Oct." of "Oct. 23"
    head = top.head
    if head.i > toks[-1].i and head.pos_ == "NOUN" and top.dep_ in _PRENOMINAL:
        # "the Oct. 23 slaying", "the June 28 attack": a date written before a noun dates it
        return _noun_event(head)
    if top.dep_ == "poss" and head.pos_ == "NOUN" and t.granularity not in ("day", "time"):
        # "last year's bonus", "March's sales" date what the period earned or made, not the
        # demand or payment the sentence tells of ("Friday's game" is left to the verb: a day
        # owns happenings, which the sentence's verb may well tell)
        return _noun_event(head)
    for step in range(4):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ == "VERB" or (tok.pos_ == "NOUN" and (tok.lemma_ or "").lower() in EVENT_CLASSES):
            break
        if _planned_happening(tok) is not None:
            break  # the adjective "due": "when it opens, due in May"
        if step == 0 and _happening_noun(tok):
            # "charged with attempted murder after a shooting outside a bar Tuesday": the date
            # hangs on the shooting, and dates it, not the charge the sentence is about
            return _noun_event(tok)
    if tok.i <= toks[-1].i and tok.i >= toks[0].i:
        # the parser made the date the root ("Early Friday morning, the actress checked into
        # ..."): a sentence that opens with its date tells of it in the verb that follows
        tok = next((x for x in doc if x.i > toks[-1].i and x.pos_ == "VERB"
                    and (x.lemma_ or "").lower() not in REPORTING), tok)
    for _ in range(2):
        # "on Friday, Reid felt she needed to be checked in": the date is of what was felt due
        if tok.pos_ != "VERB" or (tok.lemma_ or "").lower() not in _WRAPPERS:
            break
        inner = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"]
        if not inner:
            break
        tok = inner[0]
    planned = _planned_happening(tok)
    if planned is not None and planned.pos_ == "NOUN":
        return _noun_event(planned)
    tok = planned if planned is not None else tok
    ruler = _taking_power(tok)
    if ruler is not None:
        return DateEvent(TAKE_POWER, f"{ruler.text} to power", _args(ruler), _subject(ruler))
    lemma = (tok.lemma_ or tok.text).lower()
    if lemma in REPORTING and tok.i > toks[-1].i:
        # "Felt died at his home Thursday, the newspaper reported": an attribution after the
        # date does not take the date from the event told before it (parsed either way round)
        told = [c for c in tok.children if c.dep_ == "ccomp" and c.pos_ == "VERB"
                and c.i < toks[0].i]
        if told:
            tok = told[0]
        elif tok.head.i != tok.i and tok.head.pos_ == "VERB" and tok.head.i < toks[0].i:
            tok = tok.head
        lemma = (tok.lemma_ or tok.text).lower()
    if tok.pos_ not in ("VERB", "NOUN") or (lemma in REPORTING and not _makes(tok)) \
            or lemma in ("be", "have"):
        return _event_noun_before(toks[0])
    words = tok.text
    prt = [c for c in tok.children if c.dep_ == "prt"]
    if prt:
        lemma, words = f"{lemma} {prt[0].lower_}", f"{tok.text} {prt[0].text}"
    care = _care_destination(tok)
    if care is not None:
        return DateEvent("check in", f"{words} to {care.text}", _args(tok), _subject(tok))
    event = DATE_EVENT_SYNONYMS.get(lemma, lemma)
    agreement = _agreement_signed(tok) if event == SIGN and tok.pos_ == "VERB" else None
    return DateEvent(event, words, _args(tok), _subject(tok), themes(tok),
                     agreement_terms(agreement, tok) if agreement is not None else ())


# Participles that schedule or forecast a happening the sentence names elsewhere: "when it is
# released, expected in late 2006", "the summit, set for April", "when it opens, due in May". The
# date they carry is the date of that happening, not of the expecting. (As written: the
# lemmatiser makes "slated" "slat".)
_PLANNING = frozenset({"expected", "scheduled", "slated", "set", "planned", "due"})


def _planned_happening(verb: Any) -> Any | None:
    """The happening a bare planning participle dates, else None: the noun it qualifies ("the
    summit, set for April", "the ruling, which is expected next month"), or the clause it
    follows ("when it is released, expected in late 2006"). A participle with a verb or an
    object of its own ("expected to be released", "had scheduled a rally") names what is planned
    itself."""
    word = verb.lower_
    if word not in _PLANNING or verb.tag_ not in ("VBN", "JJ") \
            or any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in verb.children):
        return None
    if word == "set" and not any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return None  # "the record set in 1996" was set then; "the summit set for April" is due
    head = verb.head
    if verb.dep_ in ("acl", "relcl") and head.pos_ == "NOUN" and head.i < verb.i:
        # (not "due" as an adjective of a noun: "the notes, due 2019" are repaid then)
        return head
    if verb.dep_ == "advcl" and head.i < verb.i:
        before = [t for t in head.subtree if t.i < verb.i and t.pos_ == "VERB"
                  and t.dep_ not in ("aux", "auxpass")]
        return before[-1] if before else None
    return None


# Going somewhere: "went to a detox clinic", "headed into rehab" on a day is checking in there,
# as "checked into" and "entered" are.
_GOING = frozenset({"head", "go", "return", "rush", "retreat"})
# Places of care one is admitted to, named by the place or by what it gives ("a treatment
# facility", "a rehab center", "the hospital").
_CARE_WORDS = frozenset({"rehab", "rehabilitation", "detox", "treatment", "recovery", "clinic",
                         "hospital", "sanatorium", "hospice", "psychiatric"})


def _care_destination(verb: Any) -> Any | None:
    """The place of care a verb of going leads to ("went to a desert detox clinic"), else
    None. One who goes there to do something else (to visit, to see the victims) is no patient."""
    if verb.pos_ != "VERB" or (verb.lemma_ or "").lower() not in _GOING:
        return None
    kids = list(verb.children)
    if any(c.dep_ in ("advcl", "xcomp") and any(g.dep_ == "aux" and g.lower_ == "to"
                                                 for g in c.children) for c in kids):
        return None
    for prep in kids:
        if prep.dep_ != "prep" or prep.lower_ not in ("to", "into"):
            continue
        for place in prep.children:
            named = [place] + [g for g in place.children if g.dep_ in ("compound", "amod")]
            if place.dep_ == "pobj" and any((w.lemma_ or w.text).lower() in _CARE_WORDS
                                            for w in named):
                return place
    return None


def _subject(verb: Any) -> Any | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _args(verb: Any) -> list[str]:
    """Lemmas of what the verb is of: its subject, object and their compounds and adjectives."""
    args = []
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"):
            args.append((c.lemma_ or c.text).lower())
            args.extend((g.lemma_ or g.text).lower() for g in c.children
                        if g.dep_ in ("compound", "amod"))
    return [a for a in args if a not in STOPWORDS]


# Relations of the things a verb is done to: "released Leopard", "Leopard was released".
_DONE_TO = frozenset({"dobj", "nsubjpass"})
# Pronouns of a thing, that stand for a name said before them.
_IT = frozenset({"it"})


def themes(verb: Any) -> tuple[str, ...]:
    """The names a verb's happening is done to ("Microsoft Longhorn was released", "released
    Mac OS X Leopard"), each as ``name_words`` gives it; "it" stands for the named
    subject of a clause above ("Longhorn is expected to sell well when it is released"). A
    happening lent to another name ("released in 2007, the same time as Longhorn") is done to
    that name too."""
    if verb.pos_ != "VERB":
        return ()
    found = []
    for c in verb.children:
        if c.dep_ not in _DONE_TO:
            continue
        named = _named_above(c) if c.lower_ in _IT else c
        if named is not None and named.pos_ == "PROPN":
            found.append(name_words(named))
    found += [name_words(x) for x in _lent_to(verb)]
    return tuple(sorted(set(found)))


def name_words(tok: Any) -> str:
    """The words of the name ``tok`` heads, its maker's included ("Microsoft's Longhorn",
    "Microsoft Longhorn" -> "longhorn microsoft"), lower case, sorted and joined. (Not "its" of
    "its Falcon", nor the stray "s" of "Microsoft ' s Longhorn" as text rebuilt from tokens has
    it.)"""
    words = {tok.lower_} | {c.lower_ for c in tok.children
                            if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"
                            and c.is_alpha and len(c.text) > 1}
    return " ".join(sorted(words))


def _named_above(pronoun: Any) -> Any | None:
    """The named subject of the nearest clause above the pronoun's that has a subject."""
    tok = pronoun.head
    for _ in range(4):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject if subject.pos_ == "PROPN" else None
    return None


# "the same time as", "alongside": one date for two happenings.
_ALONGSIDE = frozenset({"alongside"})


def _lent_to(verb: Any) -> list[Any]:
    """The names a dated happening is said to share its date with: "would be released in 2007,
    the same time as Longhorn", "at the same time as Longhorn", "alongside Longhorn"."""
    out = []
    for c in verb.children:
        time = c if c.dep_ == "npadvmod" and c.lower_ == "time" else None
        if c.dep_ == "prep" and c.lower_ == "at":
            time = next((g for g in c.children if g.dep_ == "pobj" and g.lower_ == "time"), None)
        if time is not None and any(g.lower_ == "same" for g in time.children):
            out += [n for p in time.children if p.dep_ == "prep" and p.lower_ == "as"
                    for n in p.children if n.dep_ == "pobj" and n.pos_ == "PROPN"]
        if c.dep_ == "prep" and c.lower_ in _ALONGSIDE:
            out += [n for n in c.children if n.dep_ == "pobj" and n.pos_ == "PROPN"]
    return out
