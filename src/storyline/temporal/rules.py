"""Finding rules: one compiled pattern per kind of expression, each with its normaliser.

A rule's pattern may match a little context (a preposition that licenses a bare "May"); the
named group ``t``, when present, is the expression itself. A normaliser returns None to reject a
match (a 31st of February, a number that is a count of people, not a year).

Span conventions follow TimeBank/TempEval-3: determiners and modifiers that belong to the
expression are inside ("the third quarter", "the past two months", "about a year", "early
2015", "a year ago"); prepositions are outside ("on Thursday" -> "Thursday", "in 2019" -> "2019").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.temporal import calendar as cal
from storyline.temporal.lexicon import (
    DECADE_WORDS,
    GRANULARITY,
    MONTH_RE,
    MONTHS,
    NUM_RE,
    ORDINALS,
    PART_OF_DAY,
    SEASON_CODES,
    UNIT_CODES,
    UNIT_RE,
    WEEKDAY1_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    parse_number,
    unit_key,
)
from storyline.temporal.tense import past_at, tense_at


@dataclass(slots=True)
class Norm:
    """A normalised TIMEX3: type, value, granularity, mod, and whether it needed (and had) a DCT."""

    type: str
    value: str
    granularity: str | None = None
    mod: str | None = None
    anchored: bool = True
    anchors: bool = True  # may later anaphora ("the next day", "a year earlier") lean on it?


PLACEHOLDER = {
    "day": "XXXX-XX-XX", "month": "XXXX-XX", "year": "XXXX", "week": "XXXX-WXX",
    "quarter": "XXXX-QX", "season": "XXXX-XX", "decade": "XXX", "century": "XX",
    "time": "XXXX-XX-XXTXX:XX", "half": "XXXX-HX",
}


class Context:
    """What a normaliser may read: the text, the DCT, the tense of a clause, and the last date
    mentioned (anaphora such as "the next day" and "that year" resolve against it)."""

    __slots__ = (
        "dct",
        "ended_quarter",
        "forced_tense",
        "last_day",
        "last_month",
        "last_quarter",
        "last_year",
        "main_quarter",
        "pos",
        "quarter_end",
        "text",
    )

    def __init__(self, text: str, dct: date | None, tense: str | None = None) -> None:
        self.text = text
        self.dct = dct
        self.forced_tense = tense
        self.last_day: date | None = None
        self.last_month: tuple[int, int] | None = None
        self.last_year: int | None = None
        self.last_quarter: tuple[int, int] | None = None  # the quarter named last
        self.main_quarter: tuple[int, int] | None = None  # the quarter being reported
        self.quarter_end = -10**9  # where the last quarter was named
        self.pos = 0  # start of the expression being normalised
        # A quarter the text reports as over ("its fourth quarter ended Sept. 30", "reported a
        # drop in fourth-quarter earnings" in November), though its name is that of a calendar
        # quarter not over at publication: "the latest period" is still that one.
        self.ended_quarter: tuple[int, int] | None = None

    def tense(self, m: re.Match[str]) -> str:
        if self.forced_tense:
            return "future" if self.forced_tense == "future" else "past"
        return tense_at(self.text, m.start(), m.end())

    def remember(self, norm: Norm) -> None:
        """Track the last concrete date for anaphora; fiscal quarters for "a year earlier"."""
        v = norm.value
        if norm.type not in ("DATE", "TIME") or not norm.anchors or not v[:4].isdigit():
            return
        self.last_year = int(v[:4])
        if len(v) >= 7 and v[4] == "-" and v[5:7].isdigit():
            self.last_month = (int(v[:4]), int(v[5:7]))
        if len(v) >= 10 and v[4] == "-" and v[5:7].isdigit() and v[8:10].isdigit():
            try:
                self.last_day = date(int(v[:4]), int(v[5:7]), int(v[8:10]))
            except ValueError:
                pass
        if len(v) == 7 and v[5] == "Q" and v[6].isdigit():
            q = (int(v[:4]), int(v[6]))
            # An older quarter next to the one reported ("after a flat second quarter") does
            # not replace it as the reported one: "the year-earlier period" still means that.
            if self.recent_quarter() is None or self.main_quarter is None or (
                    q >= self.main_quarter):
                self.main_quarter = q
            self.last_quarter = q
            self.quarter_end = self.pos

    def anchor_for(self, unit: str) -> date | None:
        """The last date named in the text, at least as fine as ``unit`` needs, as a day (its
        first day when only the month or year is known)."""
        if self.last_day is not None and unit in ("day", "night", "week", "fortnight"):
            return self.last_day
        if unit in ("day", "night", "week", "fortnight"):
            return None
        if unit in ("month", "quarter"):
            if self.last_month is None:
                return None
            return self.last_day if self.last_day and (
                self.last_day.year, self.last_day.month) == self.last_month else date(
                *self.last_month, 1)
        if self.last_year is None:
            return None
        return date(self.last_year, 1, 1)

    def recent_quarter(self) -> tuple[int, int] | None:
        """The quarter being reported, if one was named in this or the last sentence or two."""
        return self.main_quarter if self.pos - self.quarter_end < QUARTER_REACH else None


QUARTER_REACH = 400  # characters: about two sentences

Handler = Callable[[re.Match[str], Context], Norm | None]


@dataclass(slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    priority: int = 0  # breaks ties between equally long matches at one place
    # Lower-case strings one of which every match contains ("#digit": a digit). The tagger scans
    # the pattern only in small windows around them: most of a text holds no time word at all.
    keys: tuple[str, ...] = ()


def _unanchored(gran: str, mod: str | None = None, typ: str = "DATE") -> Norm:
    return Norm(typ, PLACEHOLDER.get(gran, "XXXX-XX-XX"), gran, mod, anchored=False)


_PREMOD = {
    "early": "START", "earlier": "START", "beginning": "START", "start": "START", "dawn": "START",
    "late": "END", "later": "END", "end": "END", "close": "END", "mid": "MID", "middle": "MID",
    "around": "APPROX", "about": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "APPROX", "almost": "APPROX", "circa": "APPROX",
}
PREMOD_RE = (
    r"(?:(?P<pm>(?:the\s+)?(?:very\s+)?(?:early|earlier|late|later|mid|middle\s+of|end\s+of"
    r"|beginning\s+of|start\s+of|close\s+of|around|about|approximately|roughly|circa))(?:\s+|-))"
)


def _pm(m: re.Match[str]) -> str | None:
    pm = m.groupdict().get("pm")
    if not pm:
        return None
    words = pm.lower().replace("the ", "").replace("very ", "").split()
    return _PREMOD.get(words[0]) if words else None


_ABBREVIATIONS = {k for k in MONTHS if len(k) <= 4 and k not in ("may", "june", "july")}


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


# --- absolute and calendar dates ---------------------------------------------------------------


def _pick_year(ctx: Context, m: re.Match[str], month: int, day: int | None,
               weekday: int | None = None) -> int:
    """The year for a month (and day) written without one: the nearest fitting the tense."""
    assert ctx.dct is not None
    dct = ctx.dct
    future = ctx.tense(m) == "future"
    past = _PAST_CUE.search(ctx.text, max(0, m.start() - 8), m.start()) is not None
    if past:  # "the year ended March 31", "since February": never ahead of the DCT
        if day is None:
            return dct.year if month <= dct.month else dct.year - 1
        ok = [y for y in (dct.year - 1, dct.year) if cal.valid_day(y, month, day)
              and date(y, month, day) <= dct]
        return ok[-1] if ok else dct.year - 1
    if day is None:
        if future:
            return dct.year if month >= dct.month else dct.year + 1
        if past_at(ctx.text, m.start()):  # "stepped down in March": what happened
            return dct.year if month <= dct.month else dct.year - 1
        # News reports the recent past and announces the near future: up to four months ahead
        # is the coming one (in October, "January" is next January), further is the last one.
        # (Measured on TimeBank: past-tense clauses too name the next few months.)
        ahead = (month - dct.month) % 12
        if ahead == 0:
            return dct.year
        return dct.year + (month < dct.month) if ahead <= 4 else dct.year - (month > dct.month)
    cands = [y for y in (dct.year - 1, dct.year, dct.year + 1) if cal.valid_day(y, month, day)]
    if not cands:
        return dct.year
    if weekday is not None:
        fit = [y for y in cands if date(y, month, day).weekday() == weekday]
        if fit:
            return min(fit, key=lambda y: abs((date(y, month, day) - dct).days))
    if future:
        later = [y for y in cands if date(y, month, day) >= dct]
        return later[0] if later else dct.year
    # As for months: up to ~five months ahead is an announced date, further is a past one.
    ahead = [y for y in cands if 0 < (date(y, month, day) - dct).days <= 150]
    if ahead:
        return ahead[0]
    past = [y for y in cands if date(y, month, day) <= dct]
    return past[-1] if past else cands[0]


_PAST_CUE = re.compile(r"\b(?:ended|since|last)\s+$", re.IGNORECASE)


def h_month_day(m: re.Match[str], ctx: Context) -> Norm | None:
    month = _month(m["mon"])
    day = int(m["day"])
    wd = WEEKDAYS.get((m["wd"] or "").lower())
    mod = _pm(m)
    if m["year"]:
        y = int(m["year"])
        if not cal.valid_day(y, month, day):
            return None
        return Norm("DATE", f"{y:04d}-{month:02d}-{day:02d}", "day", mod)
    if not 1 <= day <= 31:
        return None
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-{month:02d}-{day:02d}", "day", mod, anchored=False)
    y = _pick_year(ctx, m, month, day, wd)
    if not cal.valid_day(y, month, day):
        return None
    return Norm("DATE", f"{y:04d}-{month:02d}-{day:02d}", "day", mod)


def h_second_day(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "April 24 and 25": the second day, in the month (and year) of the first."""
    month, day = _month(m["mon"]), int(m["day"])
    if not 1 <= day <= 31 or day <= int(m["d1"]):
        return None
    if m["year"]:
        y = int(m["year"])
    elif ctx.dct is None:
        return Norm("DATE", f"XXXX-{month:02d}-{day:02d}", "day", anchored=False)
    elif ctx.last_day is not None and (ctx.last_day.month, ctx.last_day.day) == (
            month, int(m["d1"])):
        y = ctx.last_day.year  # the first day was just normalised: same year
    else:
        y = _pick_year(ctx, m, month, day)
    if not cal.valid_day(y, month, day):
        return None
    return Norm("DATE", f"{y:04d}-{month:02d}-{day:02d}", "day")


def h_week_of(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "the week of March 6": the ISO week holding that day."""
    month, day = _month(m["mon"]), int(m["day"])
    if m["year"]:
        y = int(m["year"])
    elif ctx.dct is None:
        return _unanchored("week")
    else:
        y = _pick_year(ctx, m, month, day)
    if not cal.valid_day(y, month, day):
        return None
    return Norm("DATE", cal.week_value(date(y, month, day)), "week")


def h_month_year(m: re.Match[str], ctx: Context) -> Norm | None:
    y = int(m["year"])
    return Norm("DATE", cal.month_value(y, _month(m["mon"])), "month", _pm(m))


def h_month_rel_year(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "November last year", "January this year", "March next year"."""
    month = _month(m["mon"])
    delta = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-{month:02d}", "month", _pm(m), anchored=False)
    return Norm("DATE", cal.month_value(ctx.dct.year + delta, month), "month", _pm(m))


def h_month(m: re.Match[str], ctx: Context) -> Norm | None:
    month = _month(m["mon"])
    word = m["mon"]
    if word.lower() in _ABBREVIATIONS:  # "Jan", "Dec" alone are names; "Jan." is a month
        return None
    rel = (m.groupdict().get("rel") or "").lower().split()
    mod = _pm(m)
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-{month:02d}", "month", mod, anchored=False)
    dct = ctx.dct
    if rel and rel[-1] in ("last", "past", "previous"):
        y = dct.year if month < dct.month else dct.year - 1
    elif rel and rel[-1] in ("next", "coming"):
        y = dct.year if month > dct.month else dct.year + 1
    elif rel and rel[-1] == "this":
        y = dct.year
    else:
        y = _pick_year(ctx, m, month, None)
    return Norm("DATE", cal.month_value(y, month), "month", mod)


_COUNT_NOUN = re.compile(
    r"\s+(?:people|persons|troops|soldiers|men|women|children|refugees|migrants|dollars|euros"
    r"|pounds|rubles|roubles|lira|liras|yuan|km|kilometres|kilometers|miles|metres|meters|feet"
    r"|tons|tonnes|barrels|units|cases|deaths|votes|members|jobs|workers|residents|civilians"
    r"|fighters|militants|homes|houses|acres|hectares|times|points|shares|cars|vehicles|flights"
    r"|tourists|students|employees|delegates|seats|copies|words|pages|rounds|aircraft|planes"
    r"|missiles|tanks|prisoners|hostages|calories|feet|degrees|mph|kph|mg)\b",
    re.IGNORECASE,
)


def h_year(m: re.Match[str], ctx: Context) -> Norm | None:
    y = int(m["y"])
    if _COUNT_NOUN.match(ctx.text, m.end()):
        return None
    if not m["pm"] and _NAMED_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None  # "Orion 1980": a name, not a date
    if _MODEL_YEAR.search(ctx.text, max(0, m.start() - 30), m.start()) and _NAME_AFTER.match(
            ctx.text, m.end()):
        return None  # "Kopp's 1987 Chevrolet": a model year
    if m["pp"]:  # "the post-1959 politics"
        return Norm("DATE", f"{y:04d}", "year", "AFTER" if m["pp"].lower() == "post" else "BEFORE")
    return Norm("DATE", f"{y:04d}", "year", _pm(m))


_MODEL_YEAR = re.compile(r"\w's\s+$")
_NAME_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z])")
# A capitalised word inside a sentence right before a bare year makes the year part of a name
# ("a joint venture called Orion 1980"), unless it is a month, a season or a holiday.
_NAMED_BEFORE = re.compile(
    r"[a-z,]\s+(?-i:[A-Z][a-z]+)(?<!January)(?<!February)(?<!March)(?<!April)(?<!May)(?<!June)"
    r"(?<!July)(?<!August)(?<!September)(?<!October)(?<!November)(?<!December)(?<!Spring)"
    r"(?<!Summer)(?<!Fall)(?<!Autumn)(?<!Winter)(?<!Christmas)(?<!Easter)\s+$")


def h_iso(m: re.Match[str], ctx: Context) -> Norm | None:
    y, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
    if not cal.valid_day(y, mo, d):
        return None
    if m["h"]:
        return Norm("TIME", f"{y:04d}-{mo:02d}-{d:02d}T{m['h']}:{m['mi']}", "time")
    return Norm("DATE", f"{y:04d}-{mo:02d}-{d:02d}", "day")


def h_slash(m: re.Match[str], ctx: Context) -> Norm | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    # Month first unless that is impossible: "28/09/2017" can only be day first.
    mo, d = (a, b) if a <= 12 else (b, a)
    if not cal.valid_day(y, mo, d):
        return None
    return Norm("DATE", f"{y:04d}-{mo:02d}-{d:02d}", "day")


def h_decade(m: re.Match[str], ctx: Context) -> Norm | None:
    mod = _pm(m)
    if m["dec"]:
        return Norm("DATE", m["dec"][:3], "decade", mod)
    if m["d2"]:
        century = "19"
        if ctx.dct is not None and int(m["d2"]) <= ctx.dct.year % 100 and ctx.dct.year >= 2000:
            century = "20"
        return Norm("DATE", century + m["d2"][0], "decade", mod)
    word = m["dw"].lower().split()[-1]
    return Norm("DATE", "19" + str(DECADE_WORDS[word]), "decade", mod)


def h_century(m: re.Match[str], ctx: Context) -> Norm | None:
    o = m["o"].lower()
    n = int(re.sub(r"\D", "", o)) if o[0].isdigit() else ORDINALS.get(o.replace(" ", "-"))
    if not n or n > 30:
        return None
    return Norm("DATE", f"{n - 1:02d}", "century", _pm(m))


_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
                "4th": 4}


def _rel_year(ctx: Context, word: str | None) -> int | None:
    if not word:
        return None
    w = word.lower().replace("'s", "").strip()
    if w[:1].isdigit():
        return int(w[:4])
    if ctx.dct is None:
        return None
    if w in ("this year", "the year", "this year's", "the current year"):
        return ctx.dct.year
    if w.startswith(("last", "the previous", "a year", "year-", "prior-year")):
        return ctx.dct.year - 1
    if w.startswith("next"):
        return ctx.dct.year + 1
    return ctx.dct.year


_ENDED_ON = re.compile(
    rf"\s+(?:that\s+)?(?:ended|ending|ends|which\s+ended)\s+(?:on\s+)?(?P<mon>{MONTH_RE})\s*"
    r"(?P<day>[12]\d|3[01]|0?[1-9])\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?")


def _period_end(m: re.Match[str], ctx: Context) -> date | None:
    """The day a reporting period is said to end ("the quarter ended Sept. 30"), if it is."""
    e = _ENDED_ON.match(ctx.text, m.end())
    if e is None:
        return None
    month, day = _month(e["mon"]), int(e["day"])
    if e["year"]:
        y = int(e["year"])
    elif ctx.dct is None:
        return None
    else:  # a period that has ended lies before the DCT
        y = ctx.dct.year if (month, day) <= (ctx.dct.month, ctx.dct.day) else ctx.dct.year - 1
    return date(y, month, day) if cal.valid_day(y, month, day) else None


def _quarter_ending(end: date) -> tuple[int, int]:
    """The calendar quarter a three-month period ending on ``end`` mostly covers: the one of its
    middle month (a quarter ended July 31 is May-July, mostly the second quarter)."""
    y, mo = cal.shift_month(end.year, end.month, -1)
    return y, (mo - 1) // 3 + 1


def h_quarter(m: re.Match[str], ctx: Context) -> Norm | None:
    q = _QUARTER_ORD.get(m["q"].lower())
    if q is None:  # "final"/"last" quarter of a year
        q = 4
    y = _rel_year(ctx, m["y1"] or m["y2"])
    end = _period_end(m, ctx) if y is None else None
    if end is not None:  # a fiscal quarter keeps its name; its year is the one it ended in
        if ctx.dct is not None and end <= ctx.dct:
            ctx.ended_quarter = (end.year, q)
        return Norm("DATE", f"{end.year:04d}-Q{q}", "quarter", _pm(m))
    if y is None:
        if ctx.dct is None:
            return Norm("DATE", f"XXXX-Q{q}", "quarter", _pm(m), anchored=False)
        y = ctx.dct.year
        if q > cal.quarter_of(ctx.dct) + 1 and ctx.tense(m) != "future":
            y -= 1  # in January, "the fourth quarter" has just ended
    # A quarter not yet over at publication is a forecast ("losses through the third quarter
    # of 1990"): "a year earlier" and "the year-ago period" do not count from it. But a fiscal
    # quarter is reported as soon as it ends ("reported a drop in fourth-quarter earnings" in
    # November): a past-tense clause says it is over.
    current = ctx.dct is not None and (y, q) >= (ctx.dct.year, cal.quarter_of(ctx.dct))
    ahead = current and not past_at(ctx.text, m.start())
    if current and not ahead:
        ctx.ended_quarter = (y, q)
    return Norm("DATE", f"{y:04d}-Q{q}", "quarter", _pm(m), anchors=not ahead)


def h_half(m: re.Match[str], ctx: Context) -> Norm | None:
    h = 1 if m["h"].lower() == "first" else 2
    if m["dec"] or m["d2"]:
        dec = h_decade(m, ctx)
        if dec is not None:
            dec.mod = "START" if h == 1 else "END"
        return dec
    y = _rel_year(ctx, m["y1"])
    if y is None:
        if ctx.dct is None:
            return Norm("DATE", f"XXXX-H{h}", "half", anchored=False)
        y = ctx.dct.year
    return Norm("DATE", f"{y:04d}-H{h}", "half")


_SEASON_CUE = re.compile(r"(?:\b(?:in|during|since|until|till|by|through|this|last|next|early"
                         r"|late|mid|the|that|of|before|after)[\s-]+)$", re.IGNORECASE)
_OF = re.compile(r"\s+of\b", re.IGNORECASE)


def h_season(m: re.Match[str], ctx: Context) -> Norm | None:
    code = SEASON_CODES[m["s"].lower()]
    mod = _pm(m)
    rel = (m["rel"] or "").lower()
    if not m["y"] and _OF.match(ctx.text, m.end()):
        return None  # "the fall of Aleppo", "the spring of discontent"
    if not (m["y"] or rel or m["pm"] or m["pm2"]) and not _SEASON_CUE.search(
            ctx.text, max(0, m.start() - 12), m.start()):
        return None  # a bare "fall" is mostly the verb
    if m["y"]:
        return Norm("DATE", f"{int(m['y']):04d}-{code}", "season", mod)
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-{code}", "season", mod, anchored=False)
    cy, cur = cal.season_of(ctx.dct)
    order = cal.SEASONS.index(code) - cal.SEASONS.index(cur)
    if "last" in rel or "past" in rel or "previous" in rel:
        y = cy if order < 0 else cy - 1
    elif "next" in rel or "coming" in rel:
        y = cy if order > 0 else cy + 1
    elif "this" in rel:
        y = cy
    elif rel == "":
        if ctx.tense(m) == "future":
            y = cy if order >= 0 else cy + 1
        else:
            y = cy if order <= 0 else cy - 1
    else:
        y = cy
    return Norm("DATE", f"{y:04d}-{code}", "season", mod)


def h_seasons(m: re.Match[str], ctx: Context) -> Norm | None:
    n = parse_number(m["n"])
    if n is not None and n < 2:
        return None  # "a summers" is no English
    return Norm("SET", f"XXXX-{SEASON_CODES[m['s'].lower()]}", "season")


# --- relative to the DCT ---------------------------------------------------------------------


def _with_part(d: date, part: str | None, mod: str | None) -> Norm:
    if part:
        return Norm("TIME", f"{d.isoformat()}T{PART_OF_DAY[part]}", "time", mod)
    return Norm("DATE", d.isoformat(), "day", mod)


def _part(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower().split()[-1]
    return w if w in PART_OF_DAY else None


_DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


# "today's world", "today's youth": the present age in general, which TimeBank leaves out.
_GENERIC_AFTER_TODAY = re.compile(
    r"'s\s+(?:world|youth|young|society|generation|children|kids|teenagers|students|families"
    r"|economy|culture|standards|technology|music|politics|[a-z]+\s+(?:computers|cars|phones))\b",
    re.IGNORECASE)


_OF_BEFORE = re.compile(r"\bof\s+$", re.IGNORECASE)
_TITLE_BEFORE = re.compile(r"(?:[a-z,]\s+(?-i:[A-Z][A-Za-z]*)|(?-i:[A-Z]{2,})|[\"“`'])\s*$")
_QUOTE_AFTER = re.compile(r"[,.]?[\"”'`]")
_TITLE_GOES_ON = re.compile(r"(?:\s+(?-i:[A-Z][\w']*|of|the|and|with|in|on|for|a))+[\"”'`]")


def _is_title(m: re.Match[str], ctx: Context) -> bool:
    """A capitalised expression inside a name or quoted as one: "VOA Today", ABC's "This
    Week": the name of a programme, not a date."""
    t = m.group("t")
    if not t.istitle() or not t[:1].isupper():
        return False
    before = _TITLE_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
    if before is None:
        return False
    if before.group(0).strip()[-1:] in "\"“`'":
        # Quoted alone ("This Week"), or opening a quoted title that runs on in capitals
        # ("This Week With David Brinkley"): a name either way.
        return (_QUOTE_AFTER.match(ctx.text, m.end()) is not None
                or _TITLE_GOES_ON.match(ctx.text, m.end()) is not None)
    return True


def h_deictic_day(m: re.Match[str], ctx: Context) -> Norm | None:
    word = m["w"].lower()
    if word == "today" and not m["part"] and _GENERIC_AFTER_TODAY.match(ctx.text, m.end()):
        return None
    if word == "tomorrow" and not m["part"] and _OF_BEFORE.search(
            ctx.text, max(0, m.start() - 4), m.start()):
        return None  # "the people of tomorrow", "the cars of tomorrow": the future in general
    if _is_title(m, ctx):
        return None
    part = _part(m["part"]) or ("night" if word == "tonight" else None)
    mod = _pm(m)
    if ctx.dct is None:
        return _unanchored("time" if part else "day", mod, "TIME" if part else "DATE")
    d = ctx.dct + timedelta(days=_DAY_OFFSETS[word])
    if word == "tonight" and not m["part"]:
        return Norm("TIME", f"{d.isoformat()}TNI", "time", mod)
    return _with_part(d, part, mod)


# "Monday and Tuesday nights": the first weekday shares the plural part of day of the second.
_SHARED_PARTS = re.compile(
    rf"\s+(?:and|or)\s+{WEEKDAY1_RE}\s+(?P<part>morning|afternoon|evening|night)s\b",
    re.IGNORECASE)


def h_weekday(m: re.Match[str], ctx: Context) -> Norm | None:
    name = m["wd"].lower()
    mod = _pm(m)
    part = _part(m["part"])
    if not m["part"] and not m["rel"]:
        shared = _SHARED_PARTS.match(ctx.text, m.end())
        if shared:
            code = PART_OF_DAY[shared["part"].lower()]
            return Norm("SET", f"XXXX-WXX-{WEEKDAYS[name] + 1}T{code}", "time", mod)
    if m["parts"]:  # "on Tuesday nights": every Tuesday night
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[name.rstrip('s')] + 1}T{PART_OF_DAY[part]}",
                    "time", mod)
    if name.endswith("s") and name[:-1] in WEEKDAYS:  # "on Mondays": every Monday
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[name[:-1]] + 1}", "day", mod)
    wd = WEEKDAYS[name]
    if ctx.dct is None:
        return _unanchored("time" if part else "day", mod, "TIME" if part else "DATE")
    rel = " ".join((m["rel"] or "").lower().split())
    if rel.startswith("the "):  # "the previous Friday": counted from the last date mentioned
        base = ctx.last_day or ctx.dct
        if "previous" in rel:
            d = cal.nearest_weekday(base - timedelta(days=1), wd, "past")
        else:
            d = cal.nearest_weekday(base + timedelta(days=1), wd, "future")
        return _with_part(d, part, mod)
    if rel in ("last", "past", "previous", "this past"):
        d = cal.nearest_weekday(ctx.dct - timedelta(days=1), wd, "past")
    elif rel in ("next", "coming", "this coming"):
        d = cal.nearest_weekday(ctx.dct + timedelta(days=1), wd, "future")
    else:
        d = cal.nearest_weekday(ctx.dct, wd, ctx.tense(m))
    return _with_part(d, part, mod)


def h_this_unit(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "this/last/next week|month|year|quarter|weekend|decade|century|morning|night"."""
    if _is_title(m, ctx):
        return None
    det = " ".join(m["det"].lower().split())
    unit = m["u"].lower()
    mod = _pm(m)
    head = det.split()[-1]
    delta = 0
    if head in ("last", "past", "previous"):
        delta = -1
    elif head in ("next", "coming"):
        delta = 1
    if det.startswith("the ") and head in ("next", "coming") and unit in (
        "week", "month", "year", "decade", "century", "quarter"
    ):
        return _duration(1, unit, mod)
    # "the past year", "the last decade": TimeBank reads them as the previous calendar unit
    # (a DATE), like "last year", not as a twelve-month span.
    if unit in PART_OF_DAY:
        if ctx.dct is None:
            return _unanchored("time", mod, "TIME")
        if unit == "night" and delta == -1:
            return Norm("TIME", f"{(ctx.dct - timedelta(days=1)).isoformat()}TNI", "time", mod)
        return _with_part(ctx.dct + timedelta(days=max(delta, 0)), unit, mod)
    gran = {"weekend": "week", "fiscal year": "year"}.get(unit, unit)
    if ctx.dct is None:
        return _unanchored(gran, mod)
    if unit == "quarter" and det == "this" and ctx.tense(m) != "future":
        # Earnings news: "this quarter's loss" after "the third quarter ended Sept. 30" is the
        # quarter reported, which has ended, not the one under way at publication.
        q = ctx.recent_quarter()
        if q is not None and q < (ctx.dct.year, cal.quarter_of(ctx.dct)):
            return Norm("DATE", f"{q[0]:04d}-Q{q[1]}", "quarter", mod)
    return Norm("DATE", _shift_value(ctx.dct, unit, delta), gran, mod)


def _shift_value(d: date, unit: str, delta: int) -> str:
    if unit == "day":
        return (d + timedelta(days=delta)).isoformat()
    if unit == "week":
        return cal.week_value(d + timedelta(weeks=delta))
    if unit == "weekend":
        return cal.weekend_value(d + timedelta(weeks=delta))
    if unit == "month":
        return cal.month_value(*cal.shift_month(d.year, d.month, delta))
    if unit == "quarter":
        y, q = cal.shift_quarter(d.year, cal.quarter_of(d), delta)
        return f"{y:04d}-Q{q}"
    if unit in ("year", "fiscal year"):
        return f"{d.year + delta:04d}"
    if unit == "decade":
        return str(d.year // 10 + delta)
    if unit == "century":
        return f"{d.year // 100 + delta:02d}"
    raise ValueError(unit)


def _duration(n: float | None, unit: str, mod: str | None = None) -> Norm:
    letter, is_time = UNIT_CODES[unit]
    pre = "PT" if is_time else "P"
    gran = GRANULARITY[letter]
    if n is None:
        letter = {"E": "Y", "L": "Y"}.get(letter, letter)
        return Norm("DURATION", f"{pre}X{letter}", gran, mod)
    if unit == "fortnight":
        n, letter = n * 2, "W"
    if letter == "E":
        n, letter = n * 10, "Y"
    elif letter == "C":
        n, letter = n * 100, "Y"
    elif letter == "L":
        n, letter = n * 1000, "Y"
    whole = int(n)
    if n == whole:
        return Norm("DURATION", f"{pre}{whole}{letter}", gran, mod)
    # A half: spell it in the next smaller unit, as TimeML has no fractions ("P2Y6M").
    half = {"Y": ("6M", "P"), "M": ("15D", "P"), "W": ("3DT12H", "P"), "D": ("T12H", "P"),
            "H": ("30M", "PT"), "S": ("", "PT")}.get(letter)
    if letter == "M" and is_time:
        half = ("30S", "PT")
    if half is None or not half[0]:
        return Norm("DURATION", f"{pre}{n:g}{letter}", gran, mod)
    first = f"{whole}{letter}" if whole else ""
    if pre == "PT":
        return Norm("DURATION", f"PT{first}{half[0]}", gran, mod)
    return Norm("DURATION", f"P{first}{half[0]}", gran, mod)


_DUR_MOD = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "some": "APPROX", "nearly": "APPROX", "almost": "APPROX", "more than": "MORE_THAN",
    "over": "MORE_THAN", "just over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN",
    "just under": "LESS_THAN", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "within": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
}
DUR_MOD_RE = (
    r"(?:(?P<dm>about|around|roughly|approximately|nearly|almost|more\s+than|just\s+over"
    r"|over(?!\s+the\b)|at\s+least|less\s+than|fewer\s+than|just\s+under|under|up\s+to"
    r"|no\s+more\s+than|at\s+most)\s+)"
)


def _dm(m: re.Match[str]) -> str | None:
    dm = m.groupdict().get("dm")
    return _DUR_MOD.get(" ".join(dm.lower().split())) if dm else None


def h_duration(m: re.Match[str], ctx: Context) -> Norm | None:
    unit = unit_key(m["u"])
    if unit == "night":
        unit = "day"
    n = parse_number(m["n"])
    numword = m["n"].lower()
    plural = m["u"].lower().endswith("s") or m["u"].lower().endswith("ies")
    if n is not None and n == 1 and plural and numword not in ("1",):
        return None  # "a months" is not English; a mis-split match
    if unit == "quarter" and plural and "-" in m.group(0):
        return None  # "three-quarters": a fraction
    if _AGE.match(ctx.text, m.end()) or m.groupdict().get("adj") == "-old":
        return None  # "a 37-year-old man", "55 years old": an age, which TimeBank leaves out
    if _RELATIVE_ADJ.match(ctx.text, m.end()):
        return None  # "a year-earlier loss": the "year-earlier" rule reads it
    if unit == "quarter" and _FRACTION_OF.match(ctx.text, m.end()):
        return None  # "more than a quarter of the market": a share, not three months
    if numword in ("a", "an", "per") and not m.groupdict().get("dm"):
        if _RATE_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start()):
            return None  # "$1.76 a year", "four flights a week": a rate, not a stretch of time
        if unit == "second" and _ORDINAL_USE.match(ctx.text, m.end()):
            return None  # "a second group", "a second time": the ordinal
    if m["u"][:1].isupper() and _TITLE_BEFORE.search(ctx.text, max(0, m.start() - 30),
                                                      m.start()):
        return None  # CBS's "60 Minutes": a programme
    if numword == "one" and unit == "day" and m.group("t").lower() == "one day" and (
            _SUBJECT_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())
            and _VERB_AFTER.match(ctx.text, m.end())):
        # "Islam will one day be ...": some day, not a day's length
        return Norm("DATE", "FUTURE_REF", None) if ctx.tense(m) == "future" else None
    if m["half"] and n is not None:
        n += 0.5  # "a year and a half"
    return _duration(n, unit, _dm(m))


_SUBJECT_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|shall|he|she|they|we|i|it"
                             r"|who|you|to)\s+$", re.IGNORECASE)
_VERB_AFTER = re.compile(r"\s+(?!(?:of|in|on|at|to|for|and|or|after|before|later|earlier|ago"
                         r"|when|while|the|a|an|that|this|with|by|from|off|more|less)\b)[a-z]+"
                         r"\b(?!\s+(?:of|after|before)\b)")


_AGE = re.compile(r"(?:-|\s+)old\b", re.IGNORECASE)
# What precedes "a year" in a rate: an amount, or a count of things per unit of time.
_RATE_BEFORE = re.compile(
    r"(?:\d%?|\b(?:million|billion|trillion|cents?|dollars|euros|pounds|percent|hours|minutes"
    r"|days|flights|seats|trips|visits|meals|barrels|tons|tonnes|units|cars|vehicles|copies"
    r"|passengers|tourists|calls|shifts|sessions|classes|doses|miles|kilometers|kilometres))"
    r"\s+$", re.IGNORECASE)
_GROWTH_BEFORE = re.compile(r"(?:\d%|\d\s+percent|\bprofits|\bunits|\bmillion|\bbillion)\s+$",
                            re.IGNORECASE)
_ORDINAL_USE = re.compile(
    r"\s+(?!(?:or|and|later|ago|earlier|before|after|in|to|of|for|when|while|longer|more|too"
    r"|passed|went|is|was)\b)[a-z]", re.IGNORECASE)
# "a quarter of the market", "three quarters of its staff"; but "several quarters of losses" and
# "a quarter of a century" are lengths of time.
_FRACTION_OF = re.compile(r"\s+of\s+(?:the|its|his|her|their|our|all|them|those|these)\b",
                          re.IGNORECASE)
_FRACTION_BEFORE = re.compile(r"\b(?:a|one|three)\s+$", re.IGNORECASE)
_RELATIVE_ADJ = re.compile(r"-(?:earlier|ago|end)\b", re.IGNORECASE)


def h_ago(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "six years ago", "two weeks earlier", "a year ago" -> a date counted back from the DCT."""
    unit = unit_key(m["u"])
    n = parse_number(m["n"])
    word = m["dir"].lower()
    back = word in ("ago", "earlier", "back")
    mod = _dm(m) or ("APPROX" if m.groupdict().get("orso") else None)
    if n is None or n != int(n):
        return Norm("DATE", "PAST_REF" if back else "FUTURE_REF", None, mod)
    n = int(n)
    letter, is_time = UNIT_CODES.get(unit, ("D", False))
    if is_time:
        return Norm("DATE", "PAST_REF" if back else "FUTURE_REF", None, mod)
    sign = -1 if back else 1
    if unit == "year" and n == 1 and ctx.recent_quarter() is not None and back:
        # Earnings news: "a year earlier" after "the third quarter" is that quarter a year before.
        y, q = ctx.main_quarter  # type: ignore[misc]
        return Norm("DATE", f"{y - 1:04d}-Q{q}", "quarter", mod, anchors=False)
    anchor = ctx.dct
    if word == "earlier":
        # "ago" counts from publication; "earlier" from the last date the story named ("freed
        # on March 5 ... two days earlier" is March 3), as TimeML anchors it.
        last = ctx.anchor_for(unit)
        if last is not None:
            anchor = last
    if anchor is None:
        return _unanchored(GRANULARITY[letter], mod)
    norm = _ago_value(anchor, unit, sign * n, mod)
    norm.anchors = False  # a comparison point: "a year earlier" again is not two years back
    return norm


def _ago_value(anchor: date, unit: str, delta: int, mod: str | None) -> Norm:
    """``anchor`` moved by ``delta`` units, at the granularity of the unit."""
    sign, n = (1, delta) if delta >= 0 else (-1, -delta)
    if unit in ("day", "night"):
        return Norm("DATE", (anchor + timedelta(days=sign * n)).isoformat(), "day", mod)
    if unit in ("week", "fortnight"):
        k = n * (2 if unit == "fortnight" else 1)
        return Norm("DATE", cal.week_value(anchor + timedelta(weeks=sign * k)), "week", mod)
    if unit == "month":
        return Norm("DATE", cal.month_value(*cal.shift_month(anchor.year, anchor.month, sign * n)),
                    "month", mod)
    if unit == "quarter":
        y, q = cal.shift_quarter(anchor.year, cal.quarter_of(anchor), sign * n)
        return Norm("DATE", f"{y:04d}-Q{q}", "quarter", mod)
    years = {"year": 1, "decade": 10, "century": 100, "millennium": 1000}[unit] * n
    return Norm("DATE", f"{anchor.year + sign * years:04d}", "year", mod)


_REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "present": "PRESENT_REF",
    "the present": "PRESENT_REF", "the moment": "PRESENT_REF", "current": "PRESENT_REF",
    # "at the then current market price": current at a past moment
    "then current": "PAST_REF", "then-current": "PAST_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF",
    "more recently": "PAST_REF", "most recently": "PAST_REF", "until recently": "PAST_REF",
    "the past": "PAST_REF", "recent": "PAST_REF", "formerly": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "soon": "FUTURE_REF",
    "future": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF", "shortly": "FUTURE_REF", "the long term": "FUTURE_REF",
    "a later date": "FUTURE_REF",
}


def h_ref(m: re.Match[str], ctx: Context) -> Norm | None:
    value = _REFS.get(" ".join(m["t"].lower().split()).replace("then current", "then-current"))
    if value is None:
        return None
    return Norm("DATE", value, None)


_SET_UNITS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
              "yearly": "P1Y", "annually": "P1Y", "hourly": "PT1H", "quarterly": "P3M",
              "biweekly": "P2W", "fortnightly": "P2W", "biannually": "P6M",
              "semiannually": "P6M", "semi-annually": "P6M"}


_ADJ_USE = re.compile(r"\s+(?!(?:and|or|in|on|at|to|for|by|from|since|until|basis|but|as|the|a"
                      r"|an|through|over|with|during|after|before)\b)[a-z]")


# Adjectives of everyday recurrence ("daily life", "his weekly radio address") are sets in
# TimeBank, even in "the party daily Granma"; the financial ones ("quarterly dividend") are not.
_EVERYDAY = ("daily", "nightly", "weekly", "monthly")
_MARKET_NOUN = re.compile(r"\s+(?:share\s+)?(?:volume|turnover|trading|dividends?|average|limit"
                          r"|rate|flights|output|production)\b", re.IGNORECASE)
_AVERAGE = re.compile(r"\baverage\s+$", re.IGNORECASE)


def h_set_adverb(m: re.Match[str], ctx: Context) -> Norm | None:
    word = m["t"].lower()
    if word in _EVERYDAY:
        if _MARKET_NOUN.match(ctx.text, m.end()) or _AVERAGE.search(
                ctx.text, max(0, m.start() - 9), m.start()):
            return None  # "average daily volume": a market measure, as "quarterly dividend"
    elif _ADJ_USE.match(ctx.text, m.end()):
        return None  # "quarterly dividend": an adjective, not a frequency
    elif _GROWTH_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start()):
        return None  # "to rise 8.5% annually", "10,000 units annually": a rate, as "$2 a year"
    return Norm("SET", _SET_UNITS[word], None)


def h_set_every(m: re.Match[str], ctx: Context) -> Norm | None:
    what = m["u"].lower()
    n = parse_number(m["n"]) if m["n"] else 1
    if m["other"]:
        n = 2
    if what in WEEKDAYS:
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[what] + 1}", "day")
    if what.rstrip(".") in MONTHS:
        return Norm("SET", f"XXXX-{_month(what):02d}", "month")
    if what in PART_OF_DAY:
        return Norm("SET", f"XXXX-XX-XXT{PART_OF_DAY[what]}", "time")
    if what in SEASON_CODES:
        return Norm("SET", f"XXXX-{SEASON_CODES[what]}", "season")
    if what == "weekend":
        return Norm("SET", "XXXX-WXX-WE", "week")
    unit = unit_key(what)
    if unit not in UNIT_CODES:
        return None
    dur = _duration(n if n is not None else None, unit)
    return Norm("SET", dur.value, dur.granularity)


def h_set_times(m: re.Match[str], ctx: Context) -> Norm | None:
    unit = unit_key(m["u"])
    dur = _duration(1, unit)
    return Norm("SET", dur.value, dur.granularity)


# "at 10:35 a.m. (0735 GMT) Friday": the day word may follow a time given in another zone.
_PAREN_DAY = re.compile(r"\s*\([^()\n]{1,24}\),?\s+(?:on\s+)?(?P<dref>today|yesterday|tomorrow"
                        r"|(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
                        re.IGNORECASE)


def _day_of(m: re.Match[str], ctx: Context) -> date | None:
    """The day a clock time is on: its own day word, else the DCT."""
    ref = (m.groupdict().get("dref") or "").lower()
    if ctx.dct is None:
        return None
    if not ref:
        after = _PAREN_DAY.match(ctx.text, m.end())
        ref = after["dref"].lower() if after else ""
    if ref in _DAY_OFFSETS:
        return ctx.dct + timedelta(days=_DAY_OFFSETS[ref])
    if ref in WEEKDAYS:
        return cal.nearest_weekday(ctx.dct, WEEKDAYS[ref], ctx.tense(m))
    md = re.match(r"([a-z]+)\.?\s*(\d+)", ref)
    if md and md[1] in MONTHS and 1 <= int(md[2]) <= 31:
        month, day = MONTHS[md[1]], int(md[2])
        y = _pick_year(ctx, m, month, day)
        if cal.valid_day(y, month, day):
            return date(y, month, day)
    return ctx.dct


def h_clock(m: re.Match[str], ctx: Context) -> Norm | None:
    h = int(m["h"])
    mi = int(m["mi"]) if m["mi"] else 0
    ap = (m.groupdict().get("ap") or "").lower().replace(".", "").replace(" ", "")
    if ap:
        if not 1 <= h <= 12:
            return None
        if ap == "pm" and h != 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
    elif h > 24 or mi > 59:
        return None
    d = _day_of(m, ctx)
    mod = _dm(m) or _pm(m)
    hm = f"T{h:02d}:{mi:02d}"
    if d is None:
        return Norm("TIME", "XXXX-XX-XX" + hm, "time", mod, anchored=False)
    return Norm("TIME", d.isoformat() + hm, "time", mod)


def _hour_of_part(h: int, part: str) -> int | None:
    """The 24-hour hour of "h in the morning/afternoon/evening" or "h at night"."""
    if not 1 <= h <= 12:
        return None
    if part == "morning":
        return 0 if h == 12 else h
    if part == "night":
        return h + 12 if 6 <= h <= 11 else (0 if h == 12 else h)
    return h if h == 12 else h + 12


def h_clock_part(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "4 in the morning", "nine o'clock at night"."""
    n = parse_number(m["h"])
    part = (m["part"] or "night").lower()
    h = _hour_of_part(int(n), part) if n is not None and n == int(n) else None
    if h is None:
        return None
    mi = int(m["mi"]) if m["mi"] else 0
    d = _day_of(m, ctx)
    if d is not None and not m["dref"] and part == "morning" and ctx.tense(m) == "future":
        d += timedelta(days=1)  # "will leave at 4 in the morning": the coming morning
    hm = f"T{h:02d}:{mi:02d}"
    if d is None:
        return Norm("TIME", "XXXX-XX-XX" + hm, "time", _dm(m), anchored=False)
    return Norm("TIME", d.isoformat() + hm, "time", _dm(m))


def h_part_of_day(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "mid-afternoon", "late morning yesterday", "in the morning": a part of the day the
    clause is about, its own day word, else the last day named, else the DCT's."""
    part = m["part"].lower()
    mod = _pm(m)
    g = m.groupdict()
    if g.get("dref"):
        d = _day_of(m, ctx)
    elif ctx.dct is None:
        d = None
    else:
        d = ctx.last_day if ctx.last_day is not None and g.get("the") else ctx.dct
    if d is None:  # the part of the day is known even when the day is not
        return Norm("TIME", f"XXXX-XX-XXT{PART_OF_DAY[part]}", "time", mod, anchored=False)
    return _with_part(d, part, mod)


_HIGH = re.compile(r"\bhigh\s+$", re.IGNORECASE)


def h_noon(m: re.Match[str], ctx: Context) -> Norm | None:
    word = m["w"].lower()
    if word == "noon" and _HIGH.search(ctx.text, max(0, m.start() - 6), m.start()):
        return None  # "high noon", "High Noon": the idiom, the film
    hm = "T24:00" if word == "midnight" else "T12:00"
    d = _day_of(m, ctx)
    if d is None:
        return Norm("TIME", "XXXX-XX-XX" + hm, "time", _dm(m), anchored=False)
    return Norm("TIME", d.isoformat() + hm, "time", _dm(m))


def _holiday(name: str, year: int) -> date | None:
    n = name.lower().replace("’", "'")
    if n.startswith("christmas eve"):
        return date(year, 12, 24)
    if n.startswith("christmas"):
        return date(year, 12, 25)
    if n.startswith("new year's eve"):
        return date(year, 12, 31)
    if n.startswith("new year"):
        return date(year, 1, 1)
    if n.startswith("halloween"):
        return date(year, 10, 31)
    if n.startswith("valentine"):
        return date(year, 2, 14)
    if n.startswith("thanksgiving"):
        return cal.nth_weekday(year, 11, 3, 4)
    if n.startswith("easter"):
        return cal.easter(year)
    if n.startswith("palm sunday"):
        return cal.easter(year) - timedelta(days=7)
    if n.startswith("good friday"):
        return cal.easter(year) - timedelta(days=2)
    if n.startswith("election"):  # the US one: the Tuesday after the first Monday of November
        return cal.nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    return None


def h_holiday(m: re.Match[str], ctx: Context) -> Norm | None:
    name = m["hol"]
    # "Easter week", "Holy Week": the week that ends on Easter Sunday (from Palm Sunday), given
    # as the ISO week holding most of it, Monday to Easter.
    week = bool(m["wk"]) or name.lower().startswith("holy")
    if week:
        name = "Easter"
    if m["y"]:
        d = _holiday(name, int(m["y"]))
        if d is None:
            return None
        if week:
            return Norm("DATE", cal.week_value(d), "week")
        return Norm("DATE", d.isoformat(), "day")
    if ctx.dct is None:
        return _unanchored("week" if week else "day")
    rel = (m["rel"] or "").lower()
    cands = [d for d in (_holiday(name, ctx.dct.year + k) for k in (-1, 0, 1)) if d]
    # A week has begun (and may be told of in the past tense) from its first day.
    lead = timedelta(days=7 if week else 0)
    if rel == "last" or (not rel and ctx.tense(m) != "future"):
        past = [d for d in cands if d - lead <= ctx.dct]
        d = past[-1] if past else cands[0]
    else:
        fut = [d for d in cands if d >= ctx.dct]
        d = fut[0] if fut else cands[-1]
    if week:
        return Norm("DATE", cal.week_value(d), "week")
    return Norm("DATE", d.isoformat(), "day")


def h_anaphor(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "that day", "the next day", "that year": against the last date mentioned, else the DCT."""
    phrase = " ".join(m["t"].lower().split())
    unit = m["u"].lower()
    mod = _pm(m)
    delta = 0
    if any(w in phrase for w in ("next", "following", "after")):
        delta = 1
    elif any(w in phrase for w in ("previous", "before", "prior")):
        delta = -1
    if unit == "month" and ctx.last_month is not None:
        y, mo = cal.shift_month(*ctx.last_month, delta)
        return Norm("DATE", cal.month_value(y, mo), "month", mod)
    if unit in ("day", "morning", "night", "afternoon", "evening"):
        if ctx.last_day is None and delta == 0 and "that" in phrase:
            # "that day" points back at a day the story named; with none named it is generic
            # ("you have strong redemptions that day"), and today would not be called "that day".
            return None
        base = ctx.last_day or ctx.dct
        if base is None:
            return _unanchored("day", mod)
        d = base + timedelta(days=delta)
        if unit != "day":
            return _with_part(d, unit, mod)
        return Norm("DATE", d.isoformat(), "day", mod)
    year = ctx.last_year if ctx.last_year is not None else (ctx.dct.year if ctx.dct else None)
    if year is None:
        return _unanchored("year", mod)
    if unit == "year":
        return Norm("DATE", f"{year + delta:04d}", "year", mod)
    if unit == "quarter" and ctx.last_quarter is not None:
        y, q = cal.shift_quarter(*ctx.last_quarter, delta)
        return Norm("DATE", f"{y:04d}-Q{q}", "quarter", mod)
    base = ctx.last_day or ctx.dct
    if base is None:
        return _unanchored(unit, mod)
    return Norm("DATE", _shift_value(base, unit, delta), unit, mod)


_DAY_BEFORE_AFTER = re.compile(r"\b(?P<t>day\s+(?P<dir>before|after)\s+)$", re.IGNORECASE)


def day_before_after(text: str, start: int, norm: Norm) -> tuple[int, Norm] | None:
    """ "the day before last Tuesday", "the day after Christmas": a named day moved by one, the
    phrase taking in "day before" (the determiner stays out, as TimeBank spans it). Returns the
    new start and value, or None when the day is not so introduced."""
    if norm.type != "DATE" or norm.granularity != "day" or len(norm.value) != 10:
        return None
    m = _DAY_BEFORE_AFTER.search(text, max(0, start - 16), start)
    if m is None:
        return None
    try:
        d = date.fromisoformat(norm.value)
    except ValueError:
        return None
    d += timedelta(days=-1 if m["dir"].lower() == "before" else 1)
    return m.start("t"), Norm("DATE", d.isoformat(), "day", norm.mod, norm.anchored)


_APPOSITIVE_DATE = re.compile(r"\d,\s*$")


def h_ordinal_today(m: re.Match[str], ctx: Context) -> Norm | None:
    if ctx.dct is None:
        return _unanchored("day")
    return Norm("DATE", ctx.dct.isoformat(), "day")


def h_day_appositive(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "Oct. 12, the day before the stock market plunge": the day is the date just named."""
    if ctx.last_day is None or not _APPOSITIVE_DATE.search(ctx.text, max(0, m.start() - 4),
                                                            m.start()):
        return None
    return Norm("DATE", ctx.last_day.isoformat(), "day")


def h_fiscal_period(m: re.Match[str], ctx: Context) -> Norm | None:
    """Earnings reports: "the latest quarter", "the year-earlier quarter", "year-ago"."""
    phrase = " ".join(m["t"].lower().split())
    if phrase == "quarter" and _FRACTION_OF.match(ctx.text, m.end()) and _FRACTION_BEFORE.search(
            ctx.text, max(0, m.start() - 6), m.start()):
        return None  # "more than a quarter of the market": a share
    back = any(w in phrase for w in ("year-ago", "year-earlier", "year ago", "last year",
                                     "year earlier", "prior-year", "prior year"))
    q = ctx.main_quarter
    if ctx.dct is not None:
        now = (ctx.dct.year, cal.quarter_of(ctx.dct))
        done = cal.shift_quarter(now[0], now[1], -1)
        if "current" in phrase or "this" in phrase:
            q = now  # "the current quarter" is the DCT's, whatever was reported before
        elif q is None or (("latest" in phrase or "recent" in phrase) and q > done
                           and q != ctx.ended_quarter):
            q = done  # "the latest quarter" has ended: not the quarter under way
    elif q is None:
        return _unanchored("quarter")
    # "the quarter ended July 31" with no quarter named just before: May to July, mostly the
    # second quarter. After "the fiscal first quarter" it is that one, whatever months it spans.
    end = (_period_end(m, ctx) if "quarter" in phrase and not back
           and ctx.recent_quarter() is None else None)
    if end is not None:
        q = _quarter_ending(end)
    y, n = q
    if m.groupdict().get("fy"):
        # "the 1988 period" next to a 1989 quarter is the comparison, not the one reported
        back = back or int(m["fy"]) < y
        y = int(m["fy"])
    elif back:
        y -= 1
    # "year-earlier" as a bare adjective: the same quarter a year before, if there is one.
    if "quarter" not in phrase and "period" not in phrase and ctx.recent_quarter() is None:
        if ctx.dct is None:
            return _unanchored("year")
        return Norm("DATE", f"{ctx.dct.year - 1:04d}", "year", anchors=False)
    return Norm("DATE", f"{y:04d}-Q{n}", "quarter", anchors=not back)


def h_weekend(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "the weekend": the one just gone, unless the clause looks ahead."""
    if ctx.dct is None:
        return _unanchored("week")
    future = ctx.tense(m) == "future"
    d = ctx.dct
    if future:
        sat = d + timedelta(days=(5 - d.weekday()) % 7)
    else:
        sat = d - timedelta(days=(d.weekday() - 5) % 7)
    return Norm("DATE", cal.weekend_value(sat), "week")


def h_the_year(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "the full year", "the current fiscal year", "year-end", "for the year": the DCT's year;
    "the year ended June 30" is a length of time."""
    phrase = m["t"].lower()
    if phrase.endswith("year") and _ENDED.match(ctx.text, m.end()):
        return Norm("DURATION", "P1Y", "year")  # "the fiscal year ended June 30": a span
    # Earnings news sums up the year being reported ("For the year, volume was flat", "a high
    # for the year"): TimeBank reads it as that calendar year, a DATE, not twelve months.
    mod = "END" if "end" in phrase else _pm(m)
    if ctx.dct is None:
        return _unanchored("year", mod)
    if phrase == "year-end" and not _NOUN_AFTER.match(ctx.text, m.end()):
        # The accountant's "year-end" is a day: "by year-end" is Dec. 31 of this year, "since
        # year-end" the last one.
        since = _SINCE.search(ctx.text, max(0, m.start() - 7), m.start())
        return Norm("DATE", f"{ctx.dct.year - (1 if since else 0):04d}-12-31", "day")
    return Norm("DATE", f"{ctx.dct.year:04d}", "year", mod)


_ENDED = re.compile(r"\s+end(?:ed|ing)\b", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|in|on|at|to|for|by|from|with|when|as|but|the|a|an)\b)"
                         r"[a-z]", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)


def h_in_the_unit(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "earlier in the week", "later in the year": part of the DCT's week, month or year.
    ("later in the day" is left out: TimeBank mostly does not tag it.)"""
    unit = m["u"].lower()
    mod = _PREMOD[m["w"].lower()]
    if ctx.dct is None:
        return _unanchored(unit, mod)
    return Norm("DATE", _shift_value(ctx.dct, unit, 0), unit, mod)


def h_end_of_unit(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "by the end of the month", "the beginning of the week": the DCT's month or week, with
    the part as the mod."""
    unit = m["u"].lower()
    mod = _pm(m)
    if ctx.dct is None:
        return _unanchored(unit, mod)
    return Norm("DATE", _shift_value(ctx.dct, unit, 0), unit, mod)


def h_ahead(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "the weeks ahead", "in the years ahead": an unspecified stretch still to come."""
    return _duration(None, unit_key(m["u"]))


def _spoken_year(words: str) -> int | None:
    """ "nineteen ninety-seven" -> 1997, "two thousand and one" -> 2001."""
    words = " ".join(words.lower().replace("the year ", "").split())
    if words.startswith("two thousand"):
        rest = words[len("two thousand"):].replace(" and ", " ").strip()
        n = parse_number(rest) if rest else 0
        return 2000 + int(n or 0) if n is not None else None
    rest = words.split(None, 1)[1] if " " in words else words.split("-", 1)[1]
    n = parse_number(rest)
    if n is None or not 10 <= n <= 99:
        return None
    return 1900 + int(n)


def h_spoken_year(m: re.Match[str], ctx: Context) -> Norm | None:
    y = _spoken_year(m["t"])
    return None if y is None else Norm("DATE", f"{y:04d}", "year")


def h_spoken_month_year(m: re.Match[str], ctx: Context) -> Norm | None:
    """Broadcast transcripts spell years out: "January nineteen ninety-seven", "the winter of
    nineteen ninety-four"."""
    y = _spoken_year(m["sy"])
    if y is None:
        return None
    if m["s"]:
        return Norm("DATE", f"{y:04d}-{SEASON_CODES[m['s'].lower()]}", "season", _pm(m))
    return Norm("DATE", cal.month_value(y, _month(m["mon"])), "month", _pm(m))


def h_bare_plural(m: re.Match[str], ctx: Context) -> Norm | None:
    unit = unit_key(m["u"])
    return _duration(None, unit)


# --- the rule table -----------------------------------------------------------------------------

_B = r"(?<![\w])"  # a left word boundary that also works before "'80s" and "mid-"
_E = r"(?![\w])"
YEAR_RE = r"(?:1[6-9]\d\d|20\d\d)"
DAYNUM_RE = r"(?:[12]\d|3[01]|0?[1-9])"
ORD_SUFFIX = r"(?:st|nd|rd|th)?"
PART_RE = r"(?:morning|afternoon|evening|night)"
# "the" is left out before a hyphenated number-unit used as an adjective ("the 30-day period",
# "the two-week trip"), as TimeBank does; it stays in "the two weeks", "the past 30 days".
_NOT_ADJ_UNIT = (r"(?![\w.]+[\s-](?:second|minute|hour|day|week|month|quarter|year|decade)\b"
                 r"(?!s\b|-(?:earlier|ago|end)\b))")


def _c(p: str) -> re.Pattern[str]:
    return re.compile(p, re.IGNORECASE)


_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNIT_KEYS = ("second", "minute", "hour", "day", "night", "week", "fortnight", "month", "quarter",
              "year", "decade", "centur", "millenni")
KEYS: dict[str, tuple[str, ...]] = {
    "month_day": _MONTH_KEYS, "day_month": _MONTH_KEYS, "month_year": _MONTH_KEYS,
    "month_rel_year": _MONTH_KEYS, "week_of": ("week of",),
    "second_day": _MONTH_KEYS, "month": _MONTH_KEYS, "month_may": ("may", "march"),
    "month_may_rel": ("may", "march"), "month_may_attr": ("may", "march"),
    # The narrowest string each match must hold: "1990s" and "'80s" hold "0s", an ISO date a
    # "-0" or "-1" month, a year its first two digits. Digits alone are everywhere in news.
    "iso": ("-0", "-1"), "slash": ("/",), "year": ("16", "17", "18", "19", "20"),
    "decade": ("0s", "0's", "ties"), "century": ("century",), "quarter": ("quarter",),
    "q_short": ("q1", "q2", "q3", "q4"), "half": ("half", "two quarters"),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "deictic_day": ("today", "tonight", "yesterday", "tomorrow"), "weekday": ("day",),
    "this_unit": _UNIT_KEYS + ("morning", "afternoon", "evening"), "ago": _UNIT_KEYS,
    "duration": _UNIT_KEYS, "weekend": ("weekend",), "the_year": ("year",), "for_the_year": ("year",),
    "of_the_year": ("of the year", "of the fiscal year"),
    "year_ended": ("year end",),
    "spoken_year": ("nineteen", "thousand"), "spoken_month_year": ("nineteen", "thousand"),
    "part_of_day": ("morning", "afternoon", "evening"),
    "part_of_day_the": ("morning", "afternoon", "evening"),
    "clock_part": ("morning", "afternoon", "evening", "night"),
    "in_the_unit": ("week", "month", "year"), "bare_plural": _UNIT_KEYS,
    "the_years": ("years", "decades"),
    "end_of_unit": ("week", "month"), "ahead": ("ahead",),
    "bare_plural2": _UNIT_KEYS, "unit_long": ("-long",),
    "ref": ("now", "current", "recent", "lately", "past", "future", "present", "term", "date",
            "days"),
    "set_adverb": ("ly",), "set_every": ("every", "each"),
    "set_times": ("once", "twice", "times"), "clock": ("#digit",), "clock24": (":",),
    "noon": ("noon", "midnight", "midday"),
    "holiday": ("christmas", "new year", "halloween", "valentine", "thanksgiving", "easter",
                "election day", "palm sunday", "good friday", "holy week"),
    "anaphor": _UNIT_KEYS + ("morning", "afternoon", "evening"),
    "fiscal_period": ("quarter", "period", "year-"),
    "day_appositive": ("day before", "day after"),
    "seasons": ("summers", "winters", "springs", "autumns"),
    "ordinal_today": ("day",),
}


def build_rules() -> list[Rule]:
    R: list[Rule] = []

    def add(name: str, pattern: str, handler: Handler, priority: int = 0) -> None:
        R.append(Rule(name, _c(pattern), handler, priority, KEYS[name]))

    # "Thursday, Sept. 28, 2017", "Sept. 28", "September 28th 2017", "early Sept. 28"
    add("month_day",
        _B + rf"(?P<t>{PREMOD_RE}?(?:(?P<wd>{WEEKDAY1_RE}),?\s+(?:the\s+)?)?(?P<mon>{MONTH_RE})"
        rf"\s*(?P<day>{DAYNUM_RE}){ORD_SUFFIX}(?:(?:,\s*|\s+)(?P<year>{YEAR_RE}))?)" + r"(?![\w/]|:\d)",
        h_month_day, 3)
    # "28 September 2017", "the 28th of September", "Thursday 28 September"
    add("day_month",
        _B + rf"(?P<t>{PREMOD_RE}?(?:(?P<wd>{WEEKDAY1_RE}),?\s+)?(?:the\s+)?(?P<day>{DAYNUM_RE})"
        rf"{ORD_SUFFIX}\s+(?:of\s+)?(?P<mon>{MONTH_RE})(?:,?\s+(?P<year>{YEAR_RE}))?)" + _E,
        h_month_day, 3)
    add("second_day",
        _B + rf"(?P<mon>{MONTH_RE})\s*(?P<d1>{DAYNUM_RE}){ORD_SUFFIX}\s+(?:and|or|to|through)\s+"
        rf"(?P<t>(?P<day>{DAYNUM_RE}){ORD_SUFFIX}(?:,?\s+(?P<year>{YEAR_RE}))?)" + r"(?![\w/%]|:\d"
        r"|\s*(?:-|percent|per\s+cent|million|billion|people|of\b))", h_second_day, 3)
    add("week_of",
        _B + rf"(?P<t>the\s+week\s+of\s+(?P<mon>{MONTH_RE})\s*(?P<day>{DAYNUM_RE}){ORD_SUFFIX}"
        rf"(?:,\s*(?P<year>{YEAR_RE}))?)" + _E, h_week_of, 3)
    add("month_year",
        _B + rf"(?P<t>{PREMOD_RE}?(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?(?P<year>{YEAR_RE}))" + _E,
        h_month_year, 2)
    add("month_rel_year",
        _B + rf"(?P<t>{PREMOD_RE}?(?P<mon>{MONTH_RE})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year)"
        + _E, h_month_rel_year, 2)
    # A bare month. "May" and "March" are verbs too: they need a preposition or modifier before.
    add("month",
        _B + rf"(?P<t>{PREMOD_RE}?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|past)\s+)?"
        rf"(?P<mon>(?!(?-i:May|March)\b){MONTH_RE}))" + _E + r"(?!\s*\d{1,2}\b)", h_month, 1)
    add("month_may",
        rf"\b(?:in|since|until|till|by|during|of|from|to|through|before|after|early|late|mid"
        rf"|last|next|this)[\s-]+(?P<t>{PREMOD_RE}?(?:(?P<rel>last|next|this)\s+)?"
        rf"(?P<mon>(?-i:May|March)))\b(?!\s*\d)", h_month, 1)
    # "the March accession", "the May elections": a month naming a noun that follows it (but
    # "the March of Dimes" is a march, and "the May government" a prime minister's).
    add("month_may_attr",
        r"\b(?-i:[Tt]he)\s+(?P<t>(?P<mon>(?-i:May|March)))(?=\s+(?!(?:of|to|on|in|from|for|and"
        r"|through|against|into|by|was|is|will|has|had|government|administration|cabinet"
        r"|ministry|family|team|camp|era|years|deal|doctrine|plan|premiership)\b)"
        r"(?-i:[a-z]{3,})\b)", h_month, 1)
    # "last May", "this past March": the relative word licenses the verb-like names on its own.
    add("month_may_rel",
        _B + rf"(?P<t>{PREMOD_RE}?(?P<rel>last|next|this|this\s+past|this\s+coming|past)\s+"
        rf"(?P<mon>(?-i:May|March)))\b(?!\s*\d)", h_month, 1)
    add("iso",
        _B + r"(?P<t>(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2}))?)"
        + r"(?![\w-])", h_iso, 4)
    add("slash", _B + r"(?P<t>(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2}))(?![\w/])",
        h_slash, 4)
    add("year",
        r"(?<![\w$€£.,/:-])(?P<t>" + PREMOD_RE + r"?(?:(?:fiscal|FY)\s*|(?P<pp>pre|post)-)?(?P<y>"
        + YEAR_RE + r"))"
        r"(?![\w%]|[.,/:-]\d|\s*(?:percent|per\s+cent)\b|'s)", h_year, 0)
    add("decade",
        _B + rf"(?P<t>(?:the\s+)?{PREMOD_RE}?(?:(?P<dec>(?:1[0-9]|20)\d0)'?s|'(?P<d2>\d0)s"
        r"|(?P<dw>(?:nineteen[\s-])?(?:twenties|thirties|forties|fifties|sixties|seventies"
        r"|eighties|nineties))))" + _E, h_decade, 2)
    add("century",
        _B + rf"(?P<t>(?:the\s+)?{PREMOD_RE}?(?P<o>\d{{1,2}}(?:st|nd|rd|th)|first|second|third"
        r"|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth"
        r"|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-]first)"
        r"[\s-]+century)" + _E, h_century, 2)
    add("quarter",
        _B + rf"(?P<t>{PREMOD_RE}?(?:the\s+(?!(?:fiscal[\s-]+)?\w+-quarter))?(?:(?P<y1>{YEAR_RE}"
        r"|this\s+year's|last\s+year's|next\s+year's|the\s+year's|year-ago|year-earlier"
        r"|prior-year)\s+)?(?:(?:fiscal|calendar)[\s-]+)?(?P<q>first|second|third|fourth"
        r"|1st|2nd|3rd|4th|final)[\s-]+(?:fiscal[\s-]+)?quarter"
        rf"(?:\s+of\s+(?P<y2>{YEAR_RE}|this\s+year|last\s+year|next\s+year|the\s+year))?)" + _E,
        h_quarter, 2)
    add("q_short", _B + rf"(?P<t>(?:the\s+)?Q(?P<q>[1-4])(?:\s+(?P<y1>{YEAR_RE}))?)(?P<y2>)" + _E,
        lambda m, c: h_quarter(_QMatch(m), c), 2)
    # "the first half", "the second half of 2016", "the first two quarters of 1990", "the last
    # half of the '80s" (part of a decade: the decade with a modifier)
    add("half",
        _B + rf"(?P<t>{DUR_MOD_RE}?(?:the\s+)?(?P<h>first|second|latter|last)\s+"
        r"(?:half|two\s+quarters)"
        rf"(?:\s+of\s+(?:(?P<y1>{YEAR_RE}|this\s+year|last\s+year|next\s+year|the\s+year)"
        r"|(?:the\s+)?(?:(?P<dec>(?:1[0-9]|20)\d0)'?s|'(?P<d2>\d0)s)))?)" + _E, h_half, 2)
    add("season",
        _B + rf"(?P<t>{PREMOD_RE}?(?:(?P<rel>this\s+past|this\s+coming|last|next|this|past"
        r"|coming|the)\s+)?(?:" + PREMOD_RE.replace("pm", "pm2") + r")?(?P<s>spring|summer|fall"
        rf"|autumn|winter)(?:\s+(?:of\s+)?(?P<y>{YEAR_RE}))?)" + _E, h_season, 1)
    # "the past three summers", "two winters": seasons counted in the plural recur, one a year,
    # so TimeML gives them as a set of that season (there is no season unit for a duration).
    # ("two falls" is left out: mostly tumbles, or waterfalls.)
    add("seasons",
        _B + rf"(?P<t>(?:the\s+(?:past|last|next|coming|previous|following)\s+)?(?P<n>{NUM_RE})\s+"
        r"(?P<s>summer|winter|spring|autumn)s)" + _E, h_seasons, 2)
    add("deictic_day",
        _B + rf"(?P<t>{PREMOD_RE}?(?P<w>today|tonight|yesterday|tomorrow)(?:\s+(?P<part>"
        rf"{PART_RE}))?)" + _E, h_deictic_day, 2)
    add("weekday",
        _B + rf"(?P<t>{PREMOD_RE}?(?:(?P<rel>last|next|this\s+past|this\s+coming|this|coming"
        rf"|past|previous|the\s+previous|the\s+following)\s+)?(?P<wd>{WEEKDAY_RE})(?:\s+(?P<part>{PART_RE})"
        rf"(?P<parts>s)?)?)"
        r"(?:'s)?" + _E,
        h_weekday, 1)
    add("this_unit",
        _B + rf"(?P<t>{PREMOD_RE}?(?P<det>this\s+past|this\s+coming|the\s+past|the\s+last"
        r"|the\s+coming|the\s+current|this|last|next|past|coming|current)\s+"
        rf"(?P<u>weekend|week|month|year|quarter|decade|century|fiscal\s+year|{PART_RE}))" + _E,
        h_this_unit, 1)
    add("ago",
        _B + rf"(?P<t>{DUR_MOD_RE}?(?P<n>{NUM_RE})[\s-]+(?P<u>{UNIT_RE})(?P<orso>\s+or\s+so)?\s+"
        r"(?P<dir>ago|earlier|from\s+now|hence|back))" + _E,
        h_ago, 3)
    add("duration",
        _B + rf"(?P<t>{DUR_MOD_RE}?(?:the\s+{_NOT_ADJ_UNIT})?(?:(?:past|last|next|first|coming"
        r"|previous|latest|final|following|remaining|preceding|initial|same|entire|whole|full"
        r"|year-earlier|year-ago|comparable|corresponding)\s+)?"
        rf"(?P<n>{NUM_RE})(?:\s+|-)(?:more\s+|additional\s+|straight\s+|consecutive\s+|full\s+"
        r"|trading\s+|business\s+|working\s+)?"
        rf"(?P<u>{UNIT_RE})(?P<half>\s+and\s+a\s+half)?(?P<adj>-(?:long|old))?(?:\s+or\s+so)?)"
        + _E, h_duration, 1)
    add("weekend", _B + r"(?P<t>the\s+weekend)" + _E, h_weekend, 0)
    add("the_year",
        _B + r"(?P<t>(?:the\s+)?(?:end\s+of\s+the\s+year|year[\s-]end|year's\s+end)"
        r"|the\s+(?:full|current|current\s+fiscal|fiscal|calendar)\s+year)" + _E, h_the_year, 1)
    add("for_the_year",
        r"\b(?:for|over|throughout|during)\s+(?P<t>(?P<dur>the\s+(?:fiscal\s+)?year))(?![\w'-])",
        h_the_year, 1)
    # "the first nine months of the year", "the rest of the year": a part of the year being
    # reported names that year, tagged on its own as TimeML tags the parts of nested expressions.
    add("of_the_year",
        r"\b(?:months|half|quarters?|weeks|part|rest|remainder|balance)\s+of\s+(?P<t>the\s+"
        r"(?:fiscal\s+)?year)(?![\w'-])", h_the_year, 1)
    # "in the year ended March 31": a reporting year, a span whatever the preposition.
    add("year_ended",
        _B + r"(?P<t>(?P<dur>the\s+(?:fiscal\s+)?year))(?=\s+end(?:ed|ing)\b)", h_the_year, 1)
    add("in_the_unit",
        _B + r"(?P<t>(?P<w>earlier|later|early|late)\s+in\s+the\s+(?P<u>week|month|year))"
        + _E, h_in_the_unit, 2)
    add("end_of_unit",
        _B + r"(?P<t>(?P<pm>(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+the\s+"
        r"(?P<u>week|month))" + _E + r"(?!\s+(?:of|after|before)\b)", h_end_of_unit, 2)
    add("ahead",
        _B + r"(?P<t>the\s+(?P<u>days|weeks|months|years|decades)\s+ahead)" + _E, h_ahead, 1)
    add("spoken_year",
        _B + r"(?P<t>nineteen[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen"
        r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:the\s+year\s+)?two\s+thousand"
        r"(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
        r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?)" + _E,
        h_spoken_year, 2)
    _spoken = (r"(?P<sy>nineteen[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
               r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve"
               r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two\s+thousand"
               r"(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)")
    add("spoken_month_year",
        _B + rf"(?P<t>{PREMOD_RE}?(?:(?P<mon>{MONTH_RE})|(?:the\s+)?(?P<s>spring|summer|fall"
        rf"|autumn|winter)\s+of),?\s+{_spoken})" + _E, h_spoken_month_year, 3)
    _dref = (r"(?:,?\s+(?P<dref>today|yesterday|tomorrow|(?-i:Monday|Tuesday|Wednesday|Thursday"
             r"|Friday|Saturday|Sunday)))?")
    # A part of the day needs a modifier ("mid-afternoon", "late morning") or "in the" before
    # it; bare "morning" is mostly a name ("morning talk show", "Good morning").
    not_a_name = (r"(?!\s+(?:of|news|paper|papers|show|edition|session|shift|rush|commute"
                  r"|prayers?|star|glory)\b)")
    add("part_of_day",
        _B + rf"(?P<t>{PREMOD_RE}(?P<part>morning|afternoon|evening){_dref})" + _E + not_a_name,
        h_part_of_day, 1)
    add("part_of_day_the",
        r"\b(?:in|during|by|through|throughout)\s+(?P<t>(?P<the>the)\s+(?:(?:early|late)\s+)?"
        r"(?P<part>morning|afternoon|evening)" + _dref + ")" + _E + not_a_name, h_part_of_day, 1)
    add("clock_part",
        _B + rf"(?P<t>{DUR_MOD_RE}?(?P<h>\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine"
        r"|ten|eleven|twelve)(?::(?P<mi>[0-5]\d))?(?:\s+o'clock)?\s+(?:in\s+the\s+(?P<part>"
        r"morning|afternoon|evening)|at\s+night)" + _dref + ")" + _E, h_clock_part, 3)
    add("bare_plural",
        r"\b(?:for|over|within|after|in|during)\s+(?P<t>(?:recent\s+|the\s+past\s+|the\s+coming"
        r"\s+|coming\s+)?(?P<u>hours|days|weeks|months|years|decades|centuries))" + _E,
        h_bare_plural, 0)
    # "over the years", "in the early years", "in the years that followed": a stretch of years
    # named only by the plural, a vague duration (TimeML PXY). Shorter units are left out: "in
    # the weeks before the shooting" is anchored to the event, which a pattern cannot date.
    add("the_years",
        r"\b(?:over|in|during|through|throughout)\s+(?P<t>the\s+(?:(?:early|first|following"
        r"|intervening|ensuing|later)\s+)?(?P<u>years|decades))" + _E
        + r"(?!\s+(?:of|ago|before|to\s+come|ahead)\b)", h_bare_plural, 0)
    add("unit_long",
        _B + r"(?P<t>(?P<u>hours?|days?|weeks?|months?|years?|decades?))-long" + _E,
        lambda m, c: _duration(1 if not m["u"].lower().endswith("s") else None,
                               unit_key(m["u"])), 0)
    add("bare_plural2",
        _B + r"(?P<t>(?:recent|the\s+coming|coming)\s+(?P<u>days|weeks|months|years|decades))"
        + _E, h_bare_plural, 0)
    add("ref",
        _B + r"(?P<t>right\s+now|now|currently|nowadays|these\s+days|the\s+present"
        r"|recently|lately|more\s+recently|most\s+recently|the\s+past|the\s+near"
        r"\s+future|the\s+future|the\s+near\s+term|the\s+short\s+term|as\s+soon\s+as"
        r"\s+possible|(?:then[\s-]+)?current|a\s+later\s+date)" + _E, h_ref, 0)
    add("set_adverb",
        _B + r"(?P<t>(?-i:daily|nightly|weekly|monthly|yearly|annually|hourly|quarterly|biweekly"
        r"|fortnightly|biannually|semiannually|semi-annually))" + _E, h_set_adverb, 0)
    add("set_every",
        _B + rf"(?P<t>(?:every|each)\s+(?:(?P<other>other)\s+|(?P<n>{NUM_RE})\s+)?(?P<u>"
        rf"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|{MONTH_RE}|{PART_RE}"
        r"|weekend|spring|summer|fall|autumn|winter|" + UNIT_RE + "))" + _E, h_set_every, 2)
    add("set_times",
        _B + rf"(?P<t>(?:once|twice|(?:{NUM_RE})\s+times)\s+(?:a|an|per|each|every)\s+"
        r"(?P<u>second|minute|hour|day|week|month|quarter|year|decade))" + _E, h_set_times, 2)
    add("clock",
        _B + rf"(?P<t>{DUR_MOD_RE}?(?P<h>\d{{1,2}})(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\b\.?"
        r"|[ap]m\b)(?:\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time))?(?:,?\s+(?:on\s+)?(?P<dref>"
        r"today|yesterday|tomorrow|(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
        rf"|Sunday)|{MONTH_RE}\s*{DAYNUM_RE}\b))?)", h_clock, 3)
    add("clock24",
        _B + rf"(?P<t>{DUR_MOD_RE}?(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?:GMT|UTC|[ECMP][SD]T"
        r"|local\s+time|hours|hrs|h\b)(?P<ap>)(?P<dref>)?)", h_clock, 3)
    add("noon",
        _B + rf"(?P<t>{DUR_MOD_RE}?(?P<w>noon|midnight|midday)(?:\s+(?:on\s+)?(?P<dref>today"
        r"|yesterday|tomorrow|(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))?)"
        + _E, h_noon, 2)
    add("holiday",
        _B + r"(?P<t>(?:(?P<rel>last|next|this)\s+)?(?P<hol>(?-i:Christmas\s+Eve|Christmas(?:\s+Day)?"
        r"|New\s+Year(?:'|’)s(?:\s+(?:Day|Eve))?|Halloween|Valentine(?:'|’)s\s+Day"
        r"|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Election\s+Day|Palm\s+Sunday|Good\s+Friday"
        r"|Holy\s+Week)(?P<wk>(?<=Easter)\s+(?-i:[Ww]eek))?)(?:\s+(?P<y>" + YEAR_RE
        + r"))?)" + _E,
        h_holiday, 2)
    add("anaphor",
        _B + rf"(?P<t>{PREMOD_RE}?(?:that|the\s+same|that\s+same|the\s+next|the\s+following"
        r"|the\s+previous|the\s+prior)\s+(?P<u>day|morning|afternoon|evening|night|week|month"
        r"|quarter|year))" + _E, h_anaphor, 1)
    add("fiscal_period",  # not the second "quarter" of "quarter-to-quarter"
        r"(?<![\w-])(?P<t>(?:the\s+)?(?:(?:latest|most\s+recent|recent|current|same|comparable"
        r"|corresponding|year-ago|year-earlier|prior-year|last\s+year's|this\s+year's)\s+)*"
        r"(?:fiscal\s+)?quarter(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?"
        r"|(?:the\s+)?(?:(?:latest|most\s+recent|recent|current|same|comparable"
        r"|corresponding|year-ago|year-earlier|prior-year|last\s+year's|this\s+year's)\s+)+"
        r"(?:fiscal\s+)?period(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?"
        rf"|the\s+(?P<fy>{YEAR_RE})\s+(?:quarter|period)"
        r"|year-earlier|year-ago)(?![\w-])", h_fiscal_period, 2)
    add("day_appositive", _B + r"(?P<t>the\s+day)(?=\s+(?:before|after)\b)", h_day_appositive, 1)
    # "Today is the eighth day of the operation", "It's the second day of the offensive": today,
    # counted within an event; said in the present tense, it can only be the day of writing.
    add("ordinal_today",
        r"\b(?:(?:it|today|this)(?:'s|\s+is)|today\s+marks)\s+(?P<t>(?:the\s+)?(?:first|second"
        r"|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))\s+"
        r"(?:straight\s+|consecutive\s+|full\s+)?day)\b(?![\w-])", h_ordinal_today, 2)
    return R


class _QMatch:
    """Adapts a "Q3 2017" match to the quarter handler, which reads the ordinal word."""

    def __init__(self, m: re.Match[str]) -> None:
        self._m = m

    def __getitem__(self, k: str) -> str | None:
        if k == "q":
            return {"1": "first", "2": "second", "3": "third", "4": "fourth"}[self._m["q"]]
        return self._m[k]

    def groupdict(self) -> dict[str, str | None]:
        return self._m.groupdict()

    def start(self, *a: object) -> int:
        return self._m.start()

    def end(self, *a: object) -> int:
        return self._m.end()


RULES: list[Rule] = build_rules()
