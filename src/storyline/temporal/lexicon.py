"""Words of time: months, weekdays, numbers, units, seasons, parts of day, and regex pieces for them.

Month and weekday names are matched case-sensitively (``(?-i:...)``) because "may", "march",
"sun" and "wed" are ordinary lower-case words; everything else is matched case-insensitively.
"""

from __future__ import annotations

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

_FULL = (["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"])
_ABBR = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
# A capitalised month name, or an abbreviation with an optional full stop ("Sept. 28", "Sep 28").
MONTH_RE = (
    "(?-i:(?:" + "|".join(_FULL) + "|" + "|".join(m.upper() for m in _FULL) + r")\b"
    "|(?:" + "|".join(_ABBR) + r")\b\.?)"
)
WEEKDAY_RE = "(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?)\\b"
WEEKDAY1_RE = "(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\\b"

ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "thirtieth": 30, "thirty-first": 31,
}
VAGUE = ("a few", "few", "several", "some", "many", "a number of", "numerous", "countless")
_num_words = sorted(list(ONES) + list(TENS), key=len, reverse=True)
NUM_WORD_RE = (
    "(?:(?:" + "|".join(TENS) + ")[- ](?:" + "|".join(k for k in ONES if ONES[k] < 10) + ")"
    "|" + "|".join(_num_words) + ")"
)
# "two", "twenty-five", "25", "2.5", "a", "an", "a couple of", "a dozen", "a few", "several".
NUM_RE = (
    r"(?:\d{1,3}(?:\.\d+)?(?:\s+1/2)?|" + NUM_WORD_RE + r"(?:\s+hundred|\s+thousand)?"
    r"(?:\s+and\s+a\s+half)?"
    r"|a\s+hundred|a\s+couple\s+of|couple\s+of|a\s+dozen|dozens\s+of|a\s+few|few|several|some"
    r"|many|a|an)"
)
# Units singular or plural; the canonical unit letter and whether it is a time (PT) unit.
UNIT_CODES = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "fortnight": ("W", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("E", False),
    "century": ("C", False), "millennium": ("L", False),
}
UNIT_RE = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?"
    r"|decades?|century|centuries|millennium|millennia)"
)
GRANULARITY = {
    "S": "time", "H": "time", "D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year",
    "E": "decade", "C": "century", "L": "millennium",
}
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}


def unit_key(word: str) -> str:
    """Canonical singular unit for a unit word: "centuries" -> "century", "Days" -> "day"."""
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    if w.startswith("millenni"):
        return "millennium"
    return w.removesuffix("s")


def parse_number(text: str) -> float | None:
    """A number written in digits or words; None for a vague quantity ("several", "a few")."""
    t = " ".join(text.lower().replace("-", " ").split())
    if t in VAGUE or t in ("dozens of",):
        return None
    if t in ("a", "an"):
        return 1
    if t in ("a couple of", "couple of"):
        return 2
    if t == "a dozen":
        return 12
    if t == "a hundred":
        return 100
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    if t.endswith(" 1/2"):
        t, half = t[:-4], 0.5
    try:
        return float(t) + half
    except ValueError:
        pass
    total = 0
    for w in t.split():
        if w in ONES:
            total += ONES[w]
        elif w in TENS:
            total += TENS[w]
        elif w == "hundred":
            total = max(total, 1) * 100
        elif w == "thousand":  # "two thousand years": a count, not the year 2000
            total = max(total, 1) * 1000
        else:
            return None
    return total + half if total else None
