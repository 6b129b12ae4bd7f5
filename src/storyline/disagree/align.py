"""Do two claims of two articles speak of the same thing? Same measure (key), then the same event:
shared words of their sentences (weighted by rarity), shared entities, the same cause ("attack"),
no clash of places, qualifiers or dates."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.claims.lexicon import CUMULATIVE, MEASURE_UNIT_NAMES, MONEY_UNITS
from storyline.claims.records import Claim
from storyline.corpus import Corpus
from storyline.disagree.settings import DisagreeSettings
from storyline.records import Event

# Modifiers that say whose people are counted; "Russian servicemen" vs "Turkish soldiers" differ,
# but "wounded" or "other" qualify nothing.
_NEUTRAL_MODIFIERS = frozenset({"other", "more", "further", "additional", "total", "estimated",
                                "many", "least", "new", "reported", "confirmed"})


@dataclass(slots=True)
class AlignContext:
    """What alignment needs to know about the whole corpus."""

    idf: dict[str, float]
    copy_of: dict[str, int]  # article -> its duplicate group: copies of one story are one source
    event_of: dict[tuple[str, int], str] = field(default_factory=dict)  # (article, sentence start) -> event
    # measures (claim keys) that some report calls a running or revised count
    moving: set[tuple[str | None, ...]] = field(default_factory=set)

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
        return cls(idf, copy_of, event_of, moving)

    def weight(self, w: str) -> float:
        return self.idf.get(w, max(self.idf.values(), default=1.0))


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


def _places_clash(x: Sequence[str], y: Sequence[str]) -> bool:
    """Both name a place of one kind and none in common: two cities, two countries. A factory
    ("FAC:ne-phila") and a city ("GPE:philadelphia") are not two places: one may hold the other."""
    kinds = {p.partition(":")[0] for p in x} & {p.partition(":")[0] for p in y}
    return any(_clash([p for p in x if p.startswith(k + ":")],
                      [p for p in y if p.startswith(k + ":")]) for k in kinds)


def _dates_clash(a: Claim, b: Claim) -> bool:
    """Both sentences date what they report, and no date of one is compatible with one of the
    other (a prefix: "2016" holds "2016-06-28")."""
    da = [d for d in a.dates if d[:1].isdigit()]
    db = [d for d in b.dates if d[:1].isdigit()]
    if not da or not db:
        return False
    return not any(x.startswith(y) or y.startswith(x) for x in da for y in db)


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
    bearers = _bearers(a, b) if a.kind == "number" else None
    if bearers is False:
        return 0.0  # "the 41-foot Zarya" and "the 36-foot Unity": two objects
    # one named object measured twice is one measure wherever the sentences place it ("launched
    # from Kazakstan", "built in Russia")
    if not bearers and _places_clash(a.places, b.places) \
            and not set(a.places) & set(b.entity_ids) \
            and not set(b.places) & set(a.entity_ids):
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
    if {d for d in a.dates if d[:1].isdigit()} & {d for d in b.dates if d[:1].isdigit()}:
        score += settings.date_bonus  # an unresolved "XXXX-XX-XX" says nothing
    if a.kind == "date" and _shared(a.actors, b.actors):
        # "Tara Reid checked into ..." and "Tara Reid has entered ...": one event of one actor
        score += settings.actor_bonus
    ea = ctx.event_of.get((a.article_id, a.sentence_start))
    if ea is not None and ea == ctx.event_of.get((b.article_id, b.sentence_start)):
        score += settings.event_bonus
    return min(score, 1.0)
