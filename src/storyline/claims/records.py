"""What an article claims, in a form that can be checked against another article."""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.claims.lexicon import CLASS_NAMES, LENGTH_UNITS, MEASURE_UNIT_NAMES, MONEY_UNITS


@dataclass(slots=True)
class Claim:
    """One checkable statement of one article, with the span of its value.

    ``kind`` is "number" (a count or amount bound to what it counts and its event), "date" (an
    event bound to its date), "quote" (words bound to a speaker) or "role" (a person bound to a
    role). Fields that do not apply to a kind stay empty.
    """

    kind: str
    article_id: str
    start: int  # the value's span in the article's clean text ("more than 40", "November 2015")
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    what: str  # a readable name of what is measured or dated: "people killed", "shot down"
    # numbers
    low: float | None = None
    high: float | None = None
    value: float | None = None
    approx: str | None = None  # "more than", "about", "rounded", "range", "dozens", ...
    unit: str | None = None  # "%", "USD", ...
    head: str | None = None  # what is counted, normalised: "people", "serviceman", "troop"
    event: str | None = None  # the event class or lemma: "killed", "injured", "sign"
    # a second class counted together with the event: "missing" in "killed or went missing"
    joined: str | None = None
    agent: list[str] = field(default_factory=list)  # lemmas of what caused it: ["attack", "suicide"]
    modifiers: list[str] = field(default_factory=list)  # lemmas qualifying the head: ["russian"]
    bearer: str | None = None  # what a measure is of: "unity" in "the 36-foot Unity"
    bearer_proper: bool = False  # the bearer is a name ("Unity"), not a common noun ("the unit")
    heading: str | None = None  # a distance's direction: "southeast" in "15 miles southeast"
    origin: str | None = None  # the place it is counted from, lower case: "montpelier"
    # dates
    date: str | None = None  # TIMEX3 value
    granularity: str | None = None
    weekday: int | None = None  # 0 (Monday) .. 6 when the text names the day's weekday
    # the names the dated event is done to: ["longhorn microsoft"] of "Microsoft Longhorn will
    # be released in 2006" (see claims.dates.themes)
    themes: list[str] = field(default_factory=list)
    # what a dated signing's agreement is about, as lemmas: ["oil", "sale"] of "the memorandum on
    # oil sales signed in June" (see claims.dates.agreement_terms)
    terms: list[str] = field(default_factory=list)
    # quotes
    speaker: str | None = None
    speaker_entity_id: str | None = None
    attribution: str | None = None
    # roles
    person: str | None = None
    role: str | None = None
    # context shared by every kind
    entity_ids: list[str] = field(default_factory=list)  # entities of the sentence (and the one before)
    places: list[str] = field(default_factory=list)  # GPE/LOC/FAC entities of the sentence itself
    # (of the count itself when the sentence gives counts for several places)
    whole: bool = False  # a count for several places together ("the toll for both bombings")
    placed: bool = False  # ``places`` are where the count was made: "killed 10 in Tanzania"
    actors: list[str] = field(default_factory=list)  # PERSON/ORG entities of the sentence itself
    dates: list[str] = field(default_factory=list)  # TIMEX3 values of the sentence's dates
    periods: list[str] = field(default_factory=list)  # "this year", "last year" named in the sentence
    words: list[str] = field(default_factory=list)  # content lemmas of the sentence and the one before
    update_cue: bool = False  # "the toll rose to 357": the sentence itself says the figure changed
    converted: bool = False  # "(48 km)" after "30 miles": the same figure in another unit
    planned: bool = False  # "expected to attract 10,000", "will meet on Tuesday": not a fact yet
    # a count of entrants in a report that tells of one who withdrew: a smaller field there is
    # explained
    withdrawal_told: bool = False
    tally: bool = False  # "47 KOs" in "(53-3, 47 KOs)", "his career total": a running count of one actor
    vote_round: int | None = None  # the round of a vote a count is of (see claims.rounds)
    owners: list[str] = field(default_factory=list)  # names on the counted noun: "Charles' yards"
    # the places of the breakdown this count is the total of, or a part of, when its report
    # splits a total among places ("12 killed": "five in Herat, four in Kandahar, three in
    # Helmand")
    batch: list[str] = field(default_factory=list)
    # the kinds of scene its sentence tells the figure came by ("an explosion", "a gun battle";
    # see claims.incidents), and whether it is a whole war's toll, counted from the war's start
    means: list[str] = field(default_factory=list)
    whole_war: bool = False

    @property
    def event_key(self) -> str | None:
        """The event as far as it decides what is measured. A class ("killed", "injured",
        "population") always does; a plain verb only when the head alone says nothing ("people",
        an amount of money): "three cables were damaged" and "two cables suffered damage" count
        the same cables, "43 people killed" and "43 people attended" do not."""
        if self.unit in MEASURE_UNIT_NAMES:
            return None  # "36 feet" and "18 feet" long measure one module whatever verb says so
        if self.event in CLASS_NAMES or self.head in (None, "people") or self.unit in MONEY_UNITS \
                or self.head_is_group:
            return self.event  # an amount goes with what happened to it: "offered", "paid"
        return None

    @property
    def head_is_group(self) -> bool:
        """The counted noun names people by nation or group ("six Iraqis"), which says as little
        of what happened to them as "people" does: "six Iraqis rounded up" and "five Iraqis
        deported" count two things."""
        if not self.head or len(self.head) < 4:
            return False
        return any(e.startswith("NORP:") and e[5:].startswith(self.head[:4])
                   for e in self.entity_ids)

    @property
    def key(self) -> tuple[str | None, ...]:
        """Claims with different keys measure different things and are never compared."""
        if self.kind == "number":
            # what an amount of money is the value of ("prize", "deal") is told by one report
            # and not another: it is checked in alignment, not in the key
            head = None if self.unit in MONEY_UNITS else self.head
            unit = "length" if self.unit in LENGTH_UNITS else self.unit  # feet and metres compare
            return ("number", unit, self.event_key, head)
        if self.kind == "date":
            return ("date", self.event)
        return (self.kind,)
