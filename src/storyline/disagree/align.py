"""Do two claims of two articles speak of the same thing? Same measure (key), then the same event:
shared words of their sentences (weighted by rarity), shared entities, the same cause ("attack"),
no clash of places, qualifiers or dates."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.claims.context import PLACE_LABELS, stem
from storyline.claims.dates import SIGN, TAKE_POWER
from storyline.claims.lexicon import (
    CUMULATIVE,
    METRES,
    MEASURE_UNIT_NAMES,
    MONEY_UNITS,
    ORG_KIND_WORDS,
)
from storyline.claims.records import Claim
from storyline.corpus import Corpus
from storyline.disagree.settings import DisagreeSettings
from storyline.disagree.verdict import one_origin, two_headings, two_origins
from storyline.records import Event

# Modifiers that say whose people are counted; "Russian servicemen" vs "Turkish soldiers" differ,
# but "wounded" or "other" qualify nothing, nor does "armed" (any country's forces are armed).
_NEUTRAL_MODIFIERS = frozenset({"other", "more", "further", "additional", "total", "estimated",
                                "many", "least", "new", "reported", "confirmed", "armed"})


@dataclass(slots=True)
class AlignContext:
    """What alignment needs to know about the whole corpus."""

    idf: dict[str, float]
    copy_of: dict[str, int]  # article -> its duplicate group: copies of one story are one source
    event_of: dict[tuple[str, int], str] = field(default_factory=dict)  # (article, sentence start) -> event
    # measures (claim keys) that some report calls a running or revised count
    moving: set[tuple[str | None, ...]] = field(default_factory=set)
    # place -> the places that hold it, as the corpus writes them ("Nairobi, Kenya")
    within: dict[str, set[str]] = field(default_factory=dict)
    # the corpus's numeric claims by what they measure: the coverage an update is checked against
    by_key: dict[tuple[str | None, ...], list[Claim]] = field(default_factory=dict)

    @classmethod
    def build(cls, corpus: Corpus, claims: Sequence[Claim],
              events: Sequence[Event] | None = None) -> AlignContext:
        df: Counter[str] = Counter()
        n = 0
        for s in corpus.sentences():
            from storyline.claims.context import content_words

            df.update(set(content_words(s.text)))
            n += 1
        idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
        copy_of = {a: k for k, group in enumerate(corpus.duplicate_groups()) for a in group}
        event_of = {(m.article_id, m.sentence_start): e.id for e in events or [] for m in e.mentions}
        moving = {c.key for c in claims if c.kind == "number" and c.update_cue
                  and c.event in CUMULATIVE}
        by_key: dict[tuple[str | None, ...], list[Claim]] = {}
        for c in claims:
            if c.kind == "number":
                by_key.setdefault(c.key, []).append(c)
        return cls(idf, copy_of, event_of, moving, _containment(corpus), by_key)

    def weight(self, w: str) -> float:
        return self.idf.get(w, max(self.idf.values(), default=1.0))


def _containment(corpus: Corpus) -> dict[str, set[str]]:
    """Which place holds which, learnt from the corpus itself: a place name followed by a comma
    and another place name ("Nairobi, Kenya", "Dar es Salaam, Tanzania") is inside the second,
    unless the two are items of a list ("Kenya, Tanzania and Uganda")."""
    within: dict[str, set[str]] = {}
    for aid, analysis in corpus.analyses.items():
        text = corpus.articles[aid].clean_text
        places = sorted((m for m in analysis.mentions if m.label in PLACE_LABELS),
                        key=lambda m: m.start)

        def gap(i: int, pattern: re.Pattern[str]) -> bool:
            """places[i] and places[i + 1] are separated by ``pattern`` only."""
            return 0 <= i and i + 1 < len(places) \
                and bool(pattern.fullmatch(text[places[i].end:places[i + 1].start]))

        for i in range(len(places) - 1):
            x, y = places[i], places[i + 1]
            if not (x.entity_id and y.entity_id and x.entity_id != y.entity_id
                    and gap(i, _COMMA)) or gap(i - 1, _COMMA):
                continue
            # "Kenya, Tanzania and Uganda" is a list; "Dar es Salaam, Tanzania, and Nairobi,
            # Kenya" a list of pairs
            if gap(i + 1, _COMMA) or (gap(i + 1, _AND) and not gap(i + 2, _COMMA)):
                continue
            nxt = _NEXT_WORD.match(text, y.end)
            if nxt and nxt.group(1) not in _FUNCTION_WORDS:
                continue  # "in East Africa, U.S. officials said": a title of a noun
            within.setdefault(x.entity_id, set()).add(y.entity_id)
    # a pair written both ways is a list, not a holding
    return {x: {y for y in ys if x not in within.get(y, ())} for x, ys in within.items()}


_COMMA = re.compile(r",\s*")
_AND = re.compile(r",?\s*(?:and|or)\s+(?:the\s+)?")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_FUNCTION_WORDS = frozenset({"and", "or", "on", "in", "at", "to", "for", "from", "of", "by",
                             "with", "after", "before", "since", "where", "when", "which", "who",
                             "that", "is", "was", "are", "were", "has", "had", "have", "said"})


def word_similarity(a: Claim, b: Claim, ctx: AlignContext) -> float:
    """Cosine of the rarity-weighted content words of the two claims' sentences."""
    ca, cb = Counter(a.words), Counter(b.words)
    if not ca or not cb:
        return 0.0
    dot = sum(ca[w] * cb[w] * ctx.weight(w) ** 2 for w in ca.keys() & cb.keys())
    na = math.sqrt(sum((c * ctx.weight(w)) ** 2 for w, c in ca.items()))
    nb = math.sqrt(sum((c * ctx.weight(w)) ** 2 for w, c in cb.items()))
    return dot / (na * nb) if na and nb else 0.0


def same_entity(x: str, y: str) -> bool:
    """One entity, or the same one named more fully ("ORG:promises-treatment-center" and
    "ORG:malibu-promises-treatment-center", a headline's "PERSON:lindsay-lohan-checks" and
    "PERSON:lindsay-lohan"): the same type, and a name of two words or more that begins or ends
    the other."""
    if x == y:
        return True
    lx, _, nx = x.partition(":")
    ly, _, ny = y.partition(":")
    if lx != ly or not nx or not ny:
        return False
    short, long_ = sorted((nx, ny), key=len)
    return "-" in short and (long_.startswith(short + "-") or long_.endswith("-" + short))


def _shared(xs: Sequence[str], ys: Sequence[str]) -> int:
    return sum(1 for x in set(xs) if any(same_entity(x, y) for y in set(ys)))


def entity_overlap(a: Claim, b: Claim) -> float:
    ea, eb = set(a.entity_ids), set(b.entity_ids)
    if not ea or not eb:
        return 0.0
    return min(_shared(ea, eb), len(eb)) / min(len(ea), len(eb))


def _clash(x: Sequence[str], y: Sequence[str]) -> bool:
    """Both name something and nothing in common."""
    return bool(x) and bool(y) and not set(x) & set(y)


def _places_clash(x: Sequence[str], y: Sequence[str],
                  within: dict[str, set[str]] | None = None) -> bool:
    """Both name a place of one kind and none in common: two cities, two countries. A factory
    ("FAC:ne-phila") and a city ("GPE:philadelphia") are not two places: one may hold the other,
    and so may a city and the country the corpus writes after it ("Nairobi, Kenya")."""
    within = within or {}

    def held(ps: Sequence[str]) -> set[str]:
        return set(ps) | {h for p in ps for h in within.get(p, ())}

    kinds = {p.partition(":")[0] for p in x} & {p.partition(":")[0] for p in y}
    return any(_clash([p for p in x if p.startswith(k + ":")],
                      [p for p in y if p.startswith(k + ":")])
               and not held(x) & set(y) and not held(y) & set(x) for k in kinds)


def _innermost(places: Sequence[str], within: dict[str, set[str]]) -> list[str]:
    """The places of a sentence less those that only hold another of them ("Calif." of "Palm
    Springs, Calif."): where the thing told happened."""
    return [p for p in places if not any(p in within.get(q, ()) for q in places if q != p)]


def _dates_clash(a: Claim, b: Claim) -> bool:
    """Both sentences date what they report, and no date of one is compatible with one of the
    other (a prefix: "2016" holds "2016-06-28"). Days of no known year ("XXXX-11-03") are
    compared with each other only: against a resolved date, a guessed year says nothing."""
    pairs = [(x, y) for x in a.dates for y in b.dates if _comparable(x, y)]
    return bool(pairs) and not any(x.startswith(y) or y.startswith(x) for x, y in pairs)


def _comparable(x: str, y: str) -> bool:
    if x[:1].isdigit() and y[:1].isdigit():
        return True
    return bool(_NO_YEAR.match(x) and _NO_YEAR.match(y))


_NO_YEAR = re.compile(r"XXXX-\d\d-\d\d")


# Words for any made object: "the unit is 18 feet long" may well be the Unity module another
# report names, so they clash with nothing.
_GENERIC_BEARERS = frozenset({
    "unit", "module", "piece", "component", "part", "section", "segment", "element", "structure",
    "object", "craft", "spacecraft", "vehicle", "vessel", "ship", "boat", "building", "device",
    "one", "it", "thing", "item", "area", "site", "zone",
    # people named by what they are: "a 60-year-old woman" may be the Sharron Smith of another
    # report
    "woman", "man", "girl", "boy", "suspect", "mother", "father", "actress", "actor", "driver",
    "teenager", "gunman", "victim"})


def _name_words(c: Claim) -> list[str]:
    """The words of the names the claim's sentences mention: "staunton" of the town and of
    "ORG:staunton-police-department" alike."""
    return sorted({w for name in _entity_names(c) for w in name.split("-")})


def _named_unmarked(actors: Sequence[str], other: Claim) -> bool:
    """An organisation of one sentence that the other writes by name too, where the tagger did not
    link it ("checked into the Seaview Recovery Center", "has gone into Seaview, a recovery
    clinic"): every word of its name but the kind of body it is ("center") is among the other's
    words. A one-word name is an ordinary word too often ("Apple", "Shell") to tell."""
    for actor in actors:
        label, _, name = actor.partition(":")
        if label != "ORG":
            continue
        words = [stem(w) for w in name.split("-") if w not in ORG_KIND_WORDS]
        if len(words) >= 2 and all(w in other.words for w in words):
            return True
    return False


def _unmentioned(owners: Sequence[str], other: Claim) -> bool:
    """A name the count is written on that the other report's sentences never mention."""
    return any(stem(o) not in other.words for o in owners)


def _entity_names(c: Claim) -> set[str]:
    return {e.split(":", 1)[1] for e in c.entity_ids if ":" in e}


def _bearers(a: Claim, b: Claim) -> bool | None:
    """True: both measures are of one object (the same word, or one names an entity the other's
    sentences speak of); False: of two objects, at least one of them named or specific; None:
    nothing to tell."""
    x, y = a.bearer, b.bearer
    if x is None or y is None:
        return None
    if x == y or (":" in x and ":" in y and same_entity(x, y)) \
            or (a.bearer_proper and x in _entity_names(b)) \
            or (b.bearer_proper and y in _entity_names(a)):
        return True
    if x in _GENERIC_BEARERS or y in _GENERIC_BEARERS:
        return None
    return False


def lengths_apart(a: Claim, b: Claim) -> bool:
    """Two lengths too far apart to be one length told twice: an outlet may round a distance, give
    it from another point or mistake feet for metres, but does not make 6 km of 410."""
    if a.unit not in METRES or b.unit not in METRES or not a.value or not b.value:
        return False
    short, long_ = sorted((a.value * METRES[a.unit], b.value * METRES[b.unit]))
    return short > 0 and long_ > LENGTH_RATIO * short


# How many times another length one length can be told as: a unit mistaken (feet for metres) is
# 3.3 times.
LENGTH_RATIO = 4


def counts_apart(a: Claim, b: Claim) -> bool:
    """Two counts or amounts of one unit too far apart to be one figure told twice, however loosely
    each is worded (one stock's "2.4 million shares" traded and the market's "160 million shares",
    "a veteran of two flights" and "23 flights"): two things counted. A running count (a toll)
    is left out: it may grow that much between the first reports and the last."""
    if a.kind != "number" or a.unit in METRES or a.unit in _OWN_SCALES or a.unit != b.unit \
            or a.event in CUMULATIVE or b.event in CUMULATIVE:
        return False
    lows, highs = sorted((a.low or 0, b.low or 0)), sorted((a.high or 0, b.high or 0))
    return highs[0] > 0 and lows[1] > COUNT_RATIO * highs[0]


# Units compared by rules of their own (ages, shares of a whole, clock times, intervals).
_OWN_SCALES = frozenset({"age", "%", "pp", "clock", "days since"})
# How many times another count one count can be told as.
COUNT_RATIO = 4


def _ages_apart(a: Claim, b: Claim) -> bool:
    """Two ages too far apart to be one person's told twice: an outlet may get an age wrong by
    years, but does not take a child for a grown-up ("the 7-year-old boy", "Quintero, 41")."""
    young, old = sorted((a.value or 0, b.value or 0))
    return young > 0 and old > AGE_RATIO * young


# How many times another's age one person's age can be told as.
AGE_RATIO = 2


# Happenings one person lives through once: two dates for them are two dates for one event.
ONCE_EVENTS = frozenset({"kill", "die", "bear", "born", TAKE_POWER})


def named_args(c: Claim, label: str | None = None) -> set[str]:
    """The event's arguments that are (part of) a name the sentence mentions (of entities with
    ``label`` only, "PERSON", when given)."""
    names = {w for e in c.entity_ids if ":" in e and (label is None or e.startswith(label + ":"))
             for w in e.split(":", 1)[1].split("-")}
    return {w for w in c.agent if w in names}


def once_in_a_life(a: Claim, b: Claim) -> bool:
    """Two dates of a happening one named person lives through once (dying, coming to power):
    they are dates of one event, whatever else the sentences tell."""
    return a.kind == "date" and a.event in ONCE_EVENTS and bool(named_args(a) & named_args(b))


def signed_once(a: Claim, b: Claim) -> bool:
    """Two dates of the signing of one agreement: an agreement is signed once, so two signings
    of agreements about the same thing ("a memorandum on oil sales", "an agreement allowing
    oil to be sold") by the same named parties are one event, however differently the
    sentences around them go. A ceasefire and a later settlement of the same parties are about
    different things, and so not one signing."""
    return a.kind == "date" and a.event == SIGN and b.event == SIGN \
        and bool(set(a.terms) & set(b.terms)) and _shared(a.entity_ids, b.entity_ids) > 0


def similarity(a: Claim, b: Claim, ctx: AlignContext, settings: DisagreeSettings) -> float:
    """0..1: how sure we are that ``a`` and ``b`` speak of the same measured thing of the same
    event; 0 when something rules it out."""
    if a.article_id == b.article_id or ctx.copy_of.get(a.article_id) == ctx.copy_of.get(b.article_id):
        return 0.0
    if a.key != b.key:
        return 0.0
    if a.kind == "number" and a.head and b.head and a.head != b.head:
        return 0.0  # "$4.8 billion in aid" and "its next disbursement, $4.3 billion"
    if a.kind == "number":
        ma = [m for m in a.modifiers if m not in _NEUTRAL_MODIFIERS]
        mb = [m for m in b.modifiers if m not in _NEUTRAL_MODIFIERS]
        if _clash(ma, mb):
            return 0.0
    if a.kind == "number" and a.vote_round and b.vote_round and a.vote_round != b.vote_round:
        return 0.0  # "12 abstentions in the second round" and 11 in the third vote
    if a.kind == "number" and (_unmentioned(a.owners, b) or _unmentioned(b.owners, a)):
        return 0.0  # "Charles' 226 yards" and the team's 352: a player's share of a total
    bearers = _bearers(a, b) if a.kind == "number" else None
    if bearers is False:
        return 0.0  # "the 41-foot Zarya" and "the 36-foot Unity": two objects
    if a.unit == "age" and bearers is None and _clash(_name_words(a), _name_words(b)):
        # "a 60-year-old woman" may be the Sharron Smith of another report, but not when the two
        # sentences name nothing in common (not the town, not the police, not the person)
        return 0.0
    if a.unit == "age" and bearers is None and _ages_apart(a, b):
        return 0.0  # "the 7-year-old boy" is not "Marta Quintero, 41": two people
    if a.kind == "number" and two_headings(a, b) and not one_origin(a, b):
        return 0.0  # "50 km to the north" and "20 km south of the capital": two distances
    if a.kind == "number" and two_origins(a, b):
        return 0.0  # "Sela, 90 km southwest of Dorn" and "Sela, 130 km southwest of Varka"
    if lengths_apart(a, b) or counts_apart(a, b):
        return 0.0  # "the base, 410 km north" and "a landing strip 6 km away": two things
    # one named object measured twice is one measure wherever the sentences place it ("launched
    # from Kazakstan", "built in Russia")
    if a.kind == "number" and a.whole != b.whole:
        part = b if a.whole else a
        if part.places or named_args(part):
            # "the toll for both bombings" and "11 were killed in Tanzania"; "a total of
            # $650,000 is offered" and "the Justice Department is offering $500,000"
            return 0.0
    # a place one sentence names only in passing may be where the other's count was made, unless
    # both say where their counts were made ("247 people in Kenya", "killed 10 in Tanzania")
    once = once_in_a_life(a, b)
    # one person dies, or comes to power, once: wherever else the sentences go ("fighters of the
    # revolution that brought Castro to power gathered in Miami"), the dates are of one event
    # the towns, not the state both name: "Fresno, Calif." and "Palm Springs, Calif."
    pa, pb = _innermost(a.places, ctx.within), _innermost(b.places, ctx.within)
    if not bearers and not once and _places_clash(pa, pb, ctx.within) \
            and ((a.placed and b.placed) or (not set(pa) & set(b.entity_ids)
                                             and not set(pb) & set(a.entity_ids))):
        return 0.0  # "231 dead in Honduras" and "140 dead in El Salvador"
    if _dates_clash(a, b) and a.kind == "number":
        return 0.0
    if a.unit in MEASURE_UNIT_NAMES and _clash(a.periods, b.periods):
        # "harvested 3 million tons this year" vs "2.8 million tons last year": a quantity
        # produced or moved in a period (a toll or a population sentence names periods in passing)
        return 0.0
    words = word_similarity(a, b, ctx)
    # Shared entities add to the words; entities that differ prove nothing (one report names the
    # "Islamic" group, the other "Jerusalem"): place clashes are ruled out above.
    score = max(words, settings.word_weight * words + settings.entity_weight * entity_overlap(a, b))
    agents_a = set(a.agent) - {"people"}
    if agents_a & set(b.agent):
        score += settings.agent_bonus
    if bearers or (a.unit in MONEY_UNITS and a.head and a.head == b.head):
        # one named object measured twice; one thing ("the prize") valued twice
        score += settings.bearer_bonus
    if a.kind == "number" and a.joined and a.joined == b.joined:
        # "killed or went missing" and "died or disappeared": a count of two fates together is
        # one measure of its own, however differently the sentences around it are worded
        score += settings.joined_bonus
    if {d for d in a.dates if d[:1].isdigit()} & {d for d in b.dates if d[:1].isdigit()}:
        score += settings.date_bonus  # an unresolved "XXXX-XX-XX" says nothing
    if once or signed_once(a, b):
        # "Slepian was killed on Oct. 23, 1999" and "Slepian was shot on Friday night": one
        # person is killed once; one agreement is signed once
        score += settings.once_bonus
    if a.kind == "date" and (_shared(a.actors, b.actors) or _named_unmarked(a.actors, b)
                             or _named_unmarked(b.actors, a)):
        # "Tara Reid checked into ..." and "Tara Reid has entered ...": one event of one actor
        score += settings.actor_bonus
    ea = ctx.event_of.get((a.article_id, a.sentence_start))
    if ea is not None and ea == ctx.event_of.get((b.article_id, b.sentence_start)):
        score += settings.event_bonus
    return min(score, 1.0)
