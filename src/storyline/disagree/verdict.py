"""The verdict on two aligned claims: agree, compatible, update or conflict, with why."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date

from storyline.claims.lexicon import (
    COMPASS,
    CUMULATIVE,
    MARKET_EVENTS,
    MARKET_WORDS,
    METRES,
    MONEY_UNITS,
)
from storyline.claims.records import Claim
from storyline.disagree.settings import DisagreeSettings
from storyline.temporal.lexicon import WEEKDAYS


@dataclass(slots=True, frozen=True)
class Verdict:
    label: str  # "agree", "compatible", "update", "conflict"
    why: str
    first: int = 0  # for an update, which claim (0 or 1) was reported first


# Words of vague size ("several", "a few"): their range is a guess, so a figure up to twice its
# bounds does not contradict them.
VAGUE = frozenset({"several", "a few", "a handful of", "numerous", "a number of"})


# Words that centre an estimate on the figure written: "about 70,000", "an estimated 90,000".
ESTIMATES = frozenset({"roughly", "about", "around", "approximately", "some", "an estimated",
                       "estimated", "or so"})
# How far apart two estimates of one figure may be: what "about" allows at most.
ESTIMATE_REACH = 0.15


def two_estimates_apart(a: Claim, b: Claim) -> bool:
    """Two estimates further apart than "about" ever stretches (15%, see claims.numbers): "an
    estimated 90,000" and "about 70,000" only touch at the edges of their slack, and a writer
    who meant 77,000 would have written a figure nearer it. Two estimates, not one. (The middles
    of the ranges are compared, so a figure converted to another unit compares alike.)"""
    if a.approx not in ESTIMATES or b.approx not in ESTIMATES:
        return False
    mid_a, mid_b = _middle(a), _middle(b)
    return abs(mid_a - mid_b) > ESTIMATE_REACH * max(mid_a, mid_b)


def _middle(c: Claim) -> float:
    return ((c.low or 0) + (c.high or 0)) / 2


def two_headings(a: Claim, b: Claim) -> bool:
    """Both distances give a direction, and they are a quarter turn or more apart ("southeast"
    and "southwest"); "north" and "northeast" are one direction told loosely."""
    if a.heading not in COMPASS or b.heading not in COMPASS:
        return False
    turn = abs(COMPASS[a.heading] - COMPASS[b.heading]) % 360
    return min(turn, 360 - turn) >= 90


def one_origin(a: Claim, b: Claim) -> bool:
    """Both distances are counted from a place they name, and it is one place ("the state capital
    Montpelier", "Montpelier")."""
    return bool(a.origin and b.origin and set(a.origin.split()) & set(b.origin.split()))


def two_origins(a: Claim, b: Claim) -> bool:
    """Both distances are counted from a place they name, and not from one place: how far a town
    lies from one place and how far something lies from another are two distances, whatever
    else the sentences share ("90 km southwest of Dorn", "130 km southwest of Varka")."""
    return bool(a.origin and b.origin) and not one_origin(a, b)


def day_of(published: str | None) -> date | None:
    if published and re.fullmatch(r"\d{4}-\d{2}-\d{2}", published[:10]):
        return date.fromisoformat(published[:10])
    return None


def first_day(value: str | None) -> date | None:
    """The first day of a TIMEX3 day or month ("1996-08-22", "1997-07"); None for anything
    vaguer."""
    if value and re.fullmatch(r"\d{4}-\d{2}", value):
        return date(int(value[:4]), int(value[5:7]), 1) if 1 <= int(value[5:7]) <= 12 else None
    try:
        return day_of(value)
    except ValueError:  # "2011-02-30"
        return None


def compare_numbers(a: Claim, b: Claim, pub_a: str | None, pub_b: str | None,
                    settings: DisagreeSettings, moving: bool = False,
                    retold: bool = False) -> Verdict:
    """``moving``: some report of the corpus says this very measure was revised or is a running
    count ("as of Thursday", "the toll rose to"), so two undated figures are most likely two
    moments of one count, not two claims about one moment. ``retold``: the two sentences are
    one outlet's story in two versions (a wire story rewritten as the news came in)."""
    assert a.low is not None and a.high is not None and b.low is not None and b.high is not None
    if two_headings(a, b):
        # aligned only when counted from one place (see align): one town cannot lie both ways
        return Verdict("conflict", f"{a.text} {a.heading} vs {b.text} {b.heading} of "
                       f"{a.origin}: two directions from one place")
    if a.unit != b.unit and a.unit in METRES and b.unit in METRES:
        a, b = _in_metres(a), _in_metres(b)
    if (a.low, a.high) == (b.low, b.high):
        return Verdict("agree", "the same figure")
    if {a.approx, b.approx} & VAGUE and (a.low or 0) <= (b.high or 0) * 2 \
            and (b.low or 0) <= (a.high or 0) * 2:
        # "several injured" and "11 injured": a word of vague size is no figure to contradict
        return Verdict("compatible", f"“{a.text}” is a vague size; “{b.text}” is near it"
                       if a.approx in VAGUE else f"“{b.text}” is a vague size; “{a.text}” is near it")
    # rounded figures only touch at the edge of their ranges ("22 million" ends where "23 million"
    # starts): that is two different figures, not one both allow
    touch = (a.high == b.low or b.high == a.low) and "rounded" in (a.approx, b.approx)
    if a.low <= b.high and b.low <= a.high and not touch and not two_estimates_apart(a, b):
        return Verdict("compatible", f"“{a.text}” and “{b.text}” both allow {_meet(a, b)}")
    if a.planned and b.planned:
        return Verdict("compatible", f"{a.text} and {b.text} are both forecasts or aims: "
                       "two hopes, no fact to contradict")
    if "further" in (a.approx or "") + (b.approx or "") or "another" in (a.approx or "") + (b.approx or ""):
        return Verdict("compatible", "one figure is an increment, not a total")
    if (a.unit in MONEY_UNITS and a.event in MARKET_EVENTS and b.event in MARKET_EVENTS) \
            or (MARKET_WORDS & set(a.words) and MARKET_WORDS & set(b.words)):
        da, db = day_of(pub_a), day_of(pub_b)
        if da and db and da != db:
            first = 0 if da < db else 1
            return Verdict("update", f"{a.text} ({pub_a}) and {b.text} ({pub_b}): a market "
                           "figure of two different days", first)
    low_first = a.high < b.low  # a is the smaller figure
    small, big = (a, b) if low_first else (b, a)
    pub_small, pub_big = (pub_a, pub_b) if low_first else (pub_b, pub_a)
    d_small, d_big = day_of(pub_small), day_of(pub_big)
    if small.withdrawal_told and not big.withdrawal_told \
            and not (d_small and d_big and d_small < d_big):
        return Verdict("update", f"fell from {big.text} to {small.text}: the report with the "
                       "smaller field says an entrant withdrew", 1 if low_first else 0)
    # a running tally ("53-3, 47 KOs") only grows, like a toll
    cumulative = a.event in CUMULATIVE or a.tally or b.tally
    if cumulative:
        if d_small and d_big and (d_big - d_small).days >= settings.update_min_days \
                and (moving or big.update_cue or (d_big - d_small).days <= settings.settle_days):
            return Verdict("update", f"rose from {small.text} ({pub_small}) to {big.text} "
                           f"({pub_big}), {(d_big - d_small).days} day(s) later",
                           0 if low_first else 1)
        if (big.update_cue or big.tally) and not (d_small and d_big and d_big < d_small):
            return Verdict("update", f"rose from {small.text} to {big.text}: the later report says "
                           "the figure went up", 0 if low_first else 1)
        if retold and d_small and d_small == d_big:
            # an outlet rewriting its story the same day with only the count changed has a
            # newer count ("two died later in hospital", then "five")
            return Verdict("update", f"rose from {small.text} to {big.text}: one outlet's story "
                           "retold the same day with a higher count", 0 if low_first else 1)
        if moving and not (d_small and d_big):
            return Verdict("update", f"{small.text} and {big.text}: the reports say this count "
                           "was still changing, and no publication dates tell which came first",
                           0 if low_first else 1)
    when = ("published the same day" if d_small and d_small == d_big else
            "the lower figure was published later" if d_small and d_big and d_small > d_big else
            "no publication days to tell an update from a conflict" if not (d_small or d_big) else
            "one publication date is known only to the month or year"
            if not (d_small and d_big) else
            f"{(d_big - d_small).days} days apart, and no report says the count went on"
            if cumulative else "not a figure that grows")
    return Verdict("conflict", f"{a.text} vs {b.text} ({when})")


# A converted length is rounded ("200 ft (61 m)"): this much slack on either side.
CONVERSION_SLACK = 0.05


def _in_metres(c: Claim) -> Claim:
    f = METRES[c.unit or "m"]
    return replace(c, low=(c.low or 0) * f * (1 - CONVERSION_SLACK),
                   high=(c.high or 0) * f * (1 + CONVERSION_SLACK), unit="m")


def _meet(a: Claim, b: Claim) -> str:
    lo = max(a.low or 0, b.low or 0)
    hi = min(a.high or math.inf, b.high or math.inf)
    return _fmt(lo) if lo == hi else f"{_fmt(lo)}–{_fmt(hi)}" if hi != math.inf else f"{_fmt(lo)} or more"


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if x == int(x) else f"{x:,.2f}"


_DAY_NAMES = {i: name.capitalize() for name, i in WEEKDAYS.items()}


def _weekday(c: Claim) -> int | None:
    """The weekday a claim's text names, or that its written calendar day falls on."""
    if c.weekday is not None:
        return c.weekday
    if c.approx is None and c.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", c.date):
        return date.fromisoformat(c.date).weekday()
    return None


# "three days ago": writers count the report's day in or out, so the day is one either way.
_DAYS_AGO = re.compile(r"\b(?:\d+|[a-z]+)\s+days?\s+ago\b", re.IGNORECASE)
# a date the text writes out (a month, a year): its week is not inferred
# ("last Saturday", "next Friday" say which way from the report)
_WRITTEN = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|last|next|this"
                      r"|coming|past|previous)", re.IGNORECASE)


def _days_apart(a: Claim, b: Claim) -> int | None:
    if a.date and b.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", a.date) \
            and re.fullmatch(r"\d{4}-\d{2}-\d{2}", b.date):
        return abs((date.fromisoformat(a.date) - date.fromisoformat(b.date)).days)
    return None


def _bare_weekday(c: Claim) -> bool:
    """ "on Saturday" with no month, day or direction written: the week it falls in is the
    resolver's guess (a past or a future Saturday)."""
    return c.weekday is not None and not _WRITTEN.search(c.text)


def compare_dates(a: Claim, b: Claim) -> Verdict:
    assert a.date and b.date
    apart = _days_apart(a, b)
    if apart is not None and apart <= 1 and any(_DAYS_AGO.search(c.text) for c in (a, b)):
        return Verdict("compatible", f"{a.text} and {b.text}: a count of days ago may count the "
                       "day of the report or not")
    wa, wb = _weekday(a), _weekday(b)
    if wa is not None and wb is not None and (a.weekday is not None or b.weekday is not None) \
            and "no year" not in (a.approx, b.approx):
        # one happening has one weekday: "checked in on Friday" and "on Tuesday" cannot both be
        # right, whenever each report was written (a weekday is never counted from the wrong
        # publication date)
        if wa != wb:
            return Verdict("conflict", f"{a.text} vs {b.text}: one day, two weekdays "
                           f"({_DAY_NAMES[wa]}, {_DAY_NAMES[wb]})")
        if a.date == b.date or not (a.date[:1].isdigit() and b.date[:1].isdigit()):
            return Verdict("agree", f"both a {_DAY_NAMES[wa]}")
        if apart == 7 and a.weekday is not None and b.weekday is not None \
                and (_bare_weekday(a) or _bare_weekday(b)):
            # "would appear in court on Saturday" read as the Saturday before the report: a bare
            # weekday a week off is the same day placed in the wrong week
            return Verdict("agree", f"both a {_DAY_NAMES[wa]} (the week is inferred)")
    if not (a.date[:1].isdigit() and b.date[:1].isdigit()):
        return Verdict("compatible", f"{a.text} vs {b.text}: no calendar date to compare")
    if a.date == b.date:
        return Verdict("agree", f"both {a.date}")
    if a.date.startswith(b.date) or b.date.startswith(a.date):
        return Verdict("compatible", f"{a.date} and {b.date}: one is more precise")
    if "relative" in (a.approx, b.approx):
        return Verdict("compatible", f"{a.text} ({a.date}) vs {b.text} ({b.date}): a relative date "
                       "counted from an inferred publication date proves nothing")
    if "no year" in (a.approx, b.approx) and re.match(r"\d{4}-", a.date) \
            and re.match(r"\d{4}-", b.date):
        # the year was inferred: compare what was written, the month and day
        ma, mb = a.date[5:], b.date[5:]
        if ma == mb:
            return Verdict("agree", f"both {ma} (the year is inferred)")
        if ma.startswith(mb) or mb.startswith(ma):
            return Verdict("compatible", f"{a.text} and {b.text}: one is more precise")
    return Verdict("conflict", f"{a.text} ({a.date}) vs {b.text} ({b.date})")


def compare_quotes(a: Claim, b: Claim) -> Verdict:
    sa = a.speaker_entity_id or a.speaker
    sb = b.speaker_entity_id or b.speaker
    if not sa or not sb:
        return Verdict("compatible", "one side names no speaker")
    if sa == sb:
        return Verdict("agree", f"both give it to {a.speaker}")
    na, nb = (a.speaker or "").lower(), (b.speaker or "").lower()
    if na and nb and (na in nb or nb in na):
        return Verdict("agree", f"{a.speaker} and {b.speaker} are one person")
    return Verdict("conflict", f"given to {a.speaker} and to {b.speaker}")


def quote_overlap(a: Claim, b: Claim) -> float:
    """Share of the shorter quote's words that the longer one contains, in order-free counts."""
    wa = re.findall(r"\w+", a.text.lower())
    wb = re.findall(r"\w+", b.text.lower())
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not short:
        return 0.0
    pool: dict[str, int] = {}
    for w in long_:
        pool[w] = pool.get(w, 0) + 1
    hit = 0
    for w in short:
        if pool.get(w, 0) > 0:
            pool[w] -= 1
            hit += 1
    return hit / len(short)
