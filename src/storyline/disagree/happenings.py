"""Two claims that look alike but tell of two happenings, so their values cannot conflict.

A whole story is compared claim against claim, and most pairs that share a measured thing are
about different occasions of it: 300 students "gathered" and 120 students "subdued" are two
moments; a deal "signed on Thursday" in a report of that Thursday and one "signed on Saturday" in
a report nine days later are two deals; 10,000 athletes "expected" is a forecast, not a count. A
reader takes such pairs for false alarms, so a conflict is only reported where nothing says the
claims are of two happenings.
"""

from __future__ import annotations

import re

from storyline.claims.context import stem
from storyline.claims.intervals import SPAN_UNIT_NAMES
from storyline.claims.lexicon import (
    LENGTH_UNITS,
    LIGHT,
    MEASURE_UNIT_NAMES,
    PEOPLE,
    REPORTING,
    ROLES,
    TROOPS,
)
from storyline.claims.records import Claim
from storyline.corpus import Corpus
from storyline.disagree.align import named_args, once_in_a_life
from storyline.disagree.verdict import day_of, first_day

# Verbs that carry no happening of their own ("suffered damage", "got 12 votes"): the verb of
# another report's sentence may name the same happening.
OPEN_VERBS = LIGHT | REPORTING | frozenset({
    "suffer", "get", "receive", "make", "take", "see", "record", "count", "give", "do", "become",
    "remain", "find", "measure", "weigh", "span", "stretch", "extend", "run", "know", "appear",
    "seem"})


# Verbs that give a thing's size.
SIZE_VERBS = frozenset({"measure", "weigh"})


# Counted nouns that are units of measure ("the 44,000-pound Zarya"): a size, not a count.
MEASURE_HEADS = frozenset({"pound", "ton", "tonne", "kilogram", "kg", "ounce", "gallon", "litre",
                           "liter", "barrel", "acre", "hectare", "mph", "kph", "knot", "degree",
                           "watt", "megawatt", "calorie", "square"})

# Happenings that recur in one story (meetings, games, releases, market moves): two weekdays for
# them in undated reports are most often two occasions.
REPEATED = frozenset({"meet", "talk", "play", "release", "fall", "rise", "visit", "call", "hold",
                      "speak", "vote", "trade", "close", "win", "lose", "score", "issue", "file",
                      "announce", "say", "gather", "rally", "march"})

# Words that make a figure a bar to reach, not a count of what happened.
THRESHOLDS = frozenset({"necessary", "needed", "required", "minimum", "maximum"})

# Verbs of how far something reaches ("winds stretched outward 80 miles").
SPANS = frozenset({"stretch", "extend", "span", "reach"})

# Words that make a figure what was added to something, not the thing's size or count.
INCREMENTS = frozenset({"extra", "additional"})

# Units that are shares of something the sentence names: a rate of one thing is no rate of
# another.
SHARES = frozenset({"%", "pp"})


def two_happenings(a: Claim, b: Claim, corpus: Corpus) -> str | None:
    """Why ``a`` and ``b`` are of two happenings, or None when they may be of one."""
    if a.converted or b.converted:
        # the figures written first are compared; their conversions are rounded each their way
        # ("30 miles (48 km)", "30 miles (50 km)")
        return f"“{(a if a.converted else b).text}” restates another figure in another unit"
    if a.planned != b.planned and not _sizes(a):
        plan, fact = (a, b) if a.planned else (b, a)
        # a happening that recurs ("meet") may well be planned again after it happened: "may
        # meet the premier on Thursday" is a next meeting, not a date for Wednesday's
        if not _known_when_planned(plan, fact, corpus) or plan.event in REPEATED:
            return (f"“{plan.text}” is planned or expected, “{fact.text}” is told as what "
                    "happened")
    if a.kind == "number" and _lengths_of_two_occasions(a, b, corpus):
        # "called on Tuesday for a two-hour strike" and "at the end of a four-hour strike" in a
        # Thursday report: strikes, like meetings, come again and again
        return (f"a {a.bearer} happens again and again; “{a.text}” and “{b.text}” are told in "
                "reports of different days")
    if a.kind == "number":
        return _two_measures(a, b) or _dated_another_time(a, b, corpus) \
            or _dated_another_time(b, a, corpus) or _two_batches(a, b) \
            or _one_whole_war(a, b) \
            or _two_means(a, b) \
            or _casualties_after_report(a, b, corpus) or _casualties_after_report(b, a, corpus)
    if a.kind == "date":
        pa, pb = named_args(a, "PERSON"), named_args(b, "PERSON")
        if pa and pb and not pa & pb:
            # "Cheeks was fired on Saturday" and "O'Brien was fired on Monday": two firings
            return (f"“{a.text}” is of {', '.join(sorted(pa))}, "
                    f"“{b.text}” of {', '.join(sorted(pb))}")
        if a.event in REPEATED and not (first_day(a.date) and first_day(b.date)) \
                and not _one_named_release(a, b):
            # "Microsoft released a fix on Tuesday" and "... on Wednesday" in undated reports:
            # a company releases, a leader meets, a team plays again and again
            return f"“{a.event}” happens again and again; no calendar date ties the two to one"
        if a.event in REPEATED and _each_its_own_day(a, b, corpus):
            # "1,000 stocks lost ground yesterday" in Friday's paper and "Kestrel shares fell
            # yesterday" in Thursday's: each report tells of the day before it, two market days
            return (f"“{a.event}” happens again and again; “{a.text}” and “{b.text}” are each "
                    "counted from its own report's day")
        return _after_report(a, b, corpus) or _after_report(b, a, corpus)
    return None


# Happenings that come again and again, whose lengths two reports of two days may give for two
# occasions (a flight, a launch window, a visit are each of one occasion).
RECURRING_SPANS = frozenset({"strike", "stoppage", "walkout", "shutdown", "blockade", "curfew",
                             "meeting", "talk", "session", "hearing", "rally", "march", "protest",
                             "demonstration", "vigil"})


def _lengths_of_two_occasions(a: Claim, b: Claim, corpus: Corpus) -> bool:
    """Both figures are lengths of a happening that recurs, told in reports of different days."""
    return a.unit in SPAN_UNIT_NAMES and a.bearer in RECURRING_SPANS and b.bearer == a.bearer \
        and _told_on_different_days(a, b, corpus)


def _told_on_different_days(a: Claim, b: Claim, corpus: Corpus) -> bool:
    """Both reports carry a day of publication, and not the same one."""
    pa, pb = day_of(corpus.published(a.article_id)), day_of(corpus.published(b.article_id))
    return pa is not None and pb is not None and pa != pb


# Happenings that come once to the named thing they are done to: a company releases again and
# again, but one named product ("Longhorn", "Mac OS X Leopard") is released once.
ONCE_DONE = frozenset({"release"})


def _one_named_release(a: Claim, b: Claim) -> bool:
    """Both dates are of the release of one named thing: "Microsoft Longhorn, expected in late
    2006" and "Leopard would be released in 2007, the same time as Microsoft's Longhorn" date one
    release (a fix "released on Tuesday" and one "released on Wednesday" name none)."""
    return a.event in ONCE_DONE and bool(set(a.themes) & set(b.themes))


def _dated_another_time(dated: Claim, other: Claim, corpus: Corpus) -> str | None:
    """A count of a happening that recurs (a rally, a march) whose sentence dates it to a time that
    is not the day of the other report, whose sentence dates nothing: "the protests of early
    October, when hundreds of thousands rallied" are not the rally a November 5 report tells of
    that day. (An amount is left to the market rules: a price closes anew each day.)"""
    if dated.event not in REPEATED or other.event != dated.event or dated.unit is not None \
            or any(d[:1].isdigit() for d in other.dates):
        return None
    told = day_of(corpus.published(other.article_id))
    times = [d for d in dated.dates if d[:1].isdigit()]
    if told is None or not times or any(told.isoformat().startswith(d) for d in times):
        return None
    return (f"“{dated.text}” is dated {', '.join(times)}, “{other.text}” is told in a report "
            f"of {told}: two occasions of a happening that recurs")


# Words that date a happening by the day of the report that tells it.
_OWN_DAY = re.compile(r"\b(?:yesterday|today|tonight|tomorrow|last\s+night)\b", re.IGNORECASE)


def _each_its_own_day(a: Claim, b: Claim, corpus: Corpus) -> bool:
    """Both dates are told from their reports' own days ("yesterday", "on Tuesday"), and the two
    reports were published on different days."""
    return _told_on_different_days(a, b, corpus) \
        and all(c.weekday is not None or _OWN_DAY.search(c.text) for c in (a, b))


def _known_when_planned(plan: Claim, fact: Claim, corpus: Corpus) -> bool:
    """The fact is dated before the plan's report was published, so that report would have known
    it: "decided to travel on Thursday" in a Thursday report against "arrived April 2", four days
    earlier, is a disagreement, not a plan that changed."""
    published = day_of(corpus.published(plan.article_id))
    done = first_day(fact.date) if fact.kind == "date" else None
    return published is not None and done is not None and fact.granularity == "day" \
        and done < published


def _sizes(c: Claim) -> bool:
    """A measure of a thing ("the 36-foot Unity", "Smith, 61,"): the thing's size is no plan even
    where the sentence tells of a plan ("will attach the 36-foot Unity")."""
    return c.unit in MEASURE_UNIT_NAMES or c.unit in ("age", "days since", "clock")


def _two_measures(a: Claim, b: Claim) -> str | None:
    """Figures of one unit that measure two things: shares of two named things, counts under two
    different verbs, shares that make up a whole together ("70%
    of the population can be reached", "30% cannot"), a threshold and a result ("the necessary
    68 votes", "won 49 votes"), a count whose sentence tells nothing happening to what it counts
    against one that does ("the 11 nations" against "15 nations' inflation fell"), and distances
    of nothing named, told by two different verbs ("rolled 450 km east of Melbourne", "forced out
    of the 1,160-km race")."""
    if a.unit in SHARES and a.agent and b.agent \
            and a.agent[0] not in b.agent and b.agent[0] not in a.agent:
        # "earnings fell 59%" and "profit fell 30%": a share is of the thing the sentence names
        return f"“{a.text}” is a share of {a.agent[0]}, “{b.text}” of {b.agent[0]}"
    if _verbs_differ(a, b):
        return f"“{a.text}” is {a.event}, “{b.text}” is {b.event}: two different happenings"
    if a.unit in SHARES and a.value is not None and b.value is not None \
            and abs(a.value + b.value - 100) <= 1:
        return f"“{a.text}” and “{b.text}” are two parts of one whole"
    if bool(THRESHOLDS & set(a.modifiers)) != bool(THRESHOLDS & set(b.modifiers)):
        return f"one of “{a.text}” and “{b.text}” is a threshold, the other a result"
    if bool(a.heading) != bool(b.heading) and (b if a.heading else a).event in SPANS:
        # "storm-force winds stretched outward 80 miles" against "the storm was 70 miles north of
        # Belize": how far something reaches is no place on the map
        return f"one of “{a.text}” and “{b.text}” is how far something reaches, the other a place"
    if bool(INCREMENTS & set(a.modifiers)) != bool(INCREMENTS & set(b.modifiers)):
        # "put an extra four miles between the station and the debris" against "pass within 2.5
        # miles": what was added is no measure of the whole
        return f"one of “{a.text}” and “{b.text}” is an increment, the other a whole"
    if _of_two_people(a, b):
        return (f"“{a.text}” and “{b.text}” are told of people the other report does not name: "
                "two people's occasions")
    counted = a.unit is None and a.key[2] is None and a.head is not None \
        and a.head not in MEASURE_HEADS
    if counted and (a.event is None) != (b.event is None):
        return f"only one of “{a.text}” and “{b.text}” tells what happened to what it counts"
    if a.unit in MEASURE_UNIT_NAMES and not (a.bearer and a.bearer == b.bearer) \
            and not (a.origin and b.origin) and not (a.owners or b.owners) \
            and a.event and b.event and a.event != b.event \
            and a.event not in OPEN_VERBS and b.event not in OPEN_VERBS:
        return f"“{a.text}” is {a.event}, “{b.text}” is {b.event}: two distances"
    if a.unit in LENGTH_UNITS and bool(a.origin) != bool(b.origin) \
            and not (a.bearer and a.bearer == b.bearer):
        # "Kerrow, some 20 km south of Dunmore" against "to withdraw from Dunmore about 25 km":
        # a place measured from somewhere, and a length of something else
        placed, other = (a, b) if a.origin else (b, a)
        return f"“{placed.text}” is a distance from {placed.origin}, “{other.text}” is not"
    return None


def _of_two_people(a: Claim, b: Claim) -> bool:
    """Counts of what one person has or does ("stopped Voss in six rounds", "is serving three life
    sentences"), where each sentence names someone the other report never mentions: the rounds of
    two fights, the sentences of two convicts. Counts of people (the dead, the arrested) are of
    the happening, whoever the sentences quote, and are left to the other rules."""
    if a.unit is not None or a.head is None or a.head in PEOPLE | TROOPS | ROLES:
        return False
    if _two_doers(a, b):
        return True
    return bool(_unmentioned_people(a, b)) and bool(_unmentioned_people(b, a))


def _two_doers(a: Claim, b: Claim) -> bool:
    """Each count is done by someone its sentence names, and not the same one: "Ruutel won 32
    votes" and "Meri won 49 votes" are two candidates' votes, whoever else the sentences name."""
    da = {w for label in _DOER_LABELS for w in named_args(a, label)}
    db = {w for label in _DOER_LABELS for w in named_args(b, label)}
    return bool(da) and bool(db) and not da & db


# Entities that do what a count counts: a person, or a body the tagger may take a surname for.
_DOER_LABELS = ("PERSON", "ORG")


def _unmentioned_people(c: Claim, other: Claim) -> list[str]:
    """The people ``c``'s sentence names of whom ``other``'s sentences say no word of the name."""
    words = set(other.words)
    return [p for p in c.actors if p.startswith("PERSON:")
            and not any(stem(w) in words for w in p.partition(":")[2].split("-") if len(w) > 2)]


def _verbs_differ(a: Claim, b: Claim) -> bool:
    """Counts of one kind of thing under two different verbs (students "gathered" and students
    "subdued", helicopters "sent" and "committed") count two groups. A measure ("36 feet long",
    "the 36-foot module") sizes one thing whatever verb carries it, and an event class ("killed",
    "died", "dead") already makes the verbs one."""
    if a.unit in MEASURE_UNIT_NAMES or b.unit in MEASURE_UNIT_NAMES or a.key[2] is not None:
        return False
    if not a.event or not b.event or a.event == b.event:
        return False
    # a size verb carries a size ("the module measures 36 feet"), but over a count it is a
    # happening of its own ("measured the height of 1,800 children")
    open_verbs = OPEN_VERBS - SIZE_VERBS
    return a.event not in open_verbs and b.event not in open_verbs


def _after_report(early: Claim, late: Claim, corpus: Corpus) -> str | None:
    """``late`` dates the happening after the report of ``early`` was published: that report
    cannot have told of it (a deal signed on Thursday in a Thursday report, one signed on Saturday
    in a report nine days later, are two deals)."""
    if once_in_a_life(early, late):
        return None  # one person is killed once: the later date is a wrong date, not a new event
    d_early, d_late = first_day(early.date), first_day(late.date)
    if d_early is None or d_late is None or d_early >= d_late:
        return None
    published = day_of(corpus.published(early.article_id))
    if published is None or published >= d_late:
        return None
    return (f"“{late.text}” ({d_late}) is after {corpus.published(early.article_id)}, when the "
            f"report giving “{early.text}” was published: two happenings")


# Casualty counts whose happening's means a sentence may name; a war or a campaign holds many
# incidents, and two told by two different means are two.
CASUALTIES = frozenset({"killed", "injured"})


def _two_means(a: Claim, b: Claim) -> str | None:
    """Casualties each sentence tells came by another means ("died when a mine laid by the
    insurgents went off", "killed after halting a lorry at a roadblock"): two incidents of one
    war, not one toll told twice. A sentence naming two means (an ambush that became a gun
    battle) shares one."""
    if a.event not in CASUALTIES or b.event != a.event:
        return None
    ma, mb = set(a.means), set(b.means)
    if not ma or not mb or ma & mb:
        return None
    return (f"“{a.text}” came by {' and '.join(sorted(ma))}, “{b.text}” by "
            f"{' and '.join(sorted(mb))}: two incidents")


def _casualties_after_report(dated: Claim, other: Claim, corpus: Corpus) -> str | None:
    """Casualties whose sentence dates them to a day weeks after the other report was published:
    that report cannot have told of them ("three people were killed on Friday in a shooting" in
    June against a toll in March), unless the sentence says the figure was revised or names an
    earlier time."""
    if dated.event not in CASUALTIES or other.event != dated.event or dated.update_cue:
        return None
    told = day_of(corpus.published(other.article_id))
    # every date of the sentence must be such a day: "the blast last year that killed 40, the
    # agency said today" dates the blast a year before the day it is told on
    days = [day_of(d) for d in dated.dates if d[:1].isdigit()]
    if told is None or not days or any(d is None or (d - told).days <= SETTLED_DAYS
                                       for d in days):
        return None
    return (f"“{dated.text}” is dated {', '.join(dated.dates)}, weeks after the report giving "
            f"“{other.text}” ({told}): two incidents")


# Days after a report within which a later count may still be of what it told.
SETTLED_DAYS = 14


def _one_whole_war(a: Claim, b: Claim) -> str | None:
    """A war's toll since it began ("40,000 killed since early 1991") against the casualties of
    one attack in it ("14 people had been killed in the attack"): the whole and one of its parts,
    not one count."""
    if a.event not in CASUALTIES or b.event != a.event:
        return None
    if a.whole_war == b.whole_war:
        return None
    war, one = (a, b) if a.whole_war else (b, a)
    return (f"“{war.text}” is a whole war's toll, “{one.text}” the casualties of one "
            "happening")


def _two_batches(a: Claim, b: Claim) -> str | None:
    """Counts of two breakdowns by place that name other places ("five in Herat, four in
    Kandahar, three in Helmand" against "nine in Kunduz, six in Kandahar, five in Helmand"): two
    statements' batches of a campaign, whose totals and parts are each of their own batch. (A
    toll revised for the same places keeps its places.) One place's share of a breakdown is no
    count of casualties told elsewhere or placed nowhere."""
    for part, other in ((a, b), (b, a)):
        if part.batch and part.placed and not other.batch \
                and not set(part.places) & set(other.places):
            # "six in Kandahar" of a breakdown against casualties placed nowhere or elsewhere
            return (f"“{part.text}” is one place's share of a breakdown, “{other.text}” is "
                    "not")
    if not a.batch or not b.batch or a.batch == b.batch:
        return None
    return (f"“{a.text}” and “{b.text}” belong to two breakdowns by place "
            f"({', '.join(_place_names(a.batch))}; {', '.join(_place_names(b.batch))}): "
            "two batches")


def _place_names(places: list[str]) -> list[str]:
    return [p.partition(":")[2] or p for p in places]
