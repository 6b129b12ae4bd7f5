"""Number expressions in running text, as intervals: "43", "more than 40", "between 30 and 40",
"two", "twenty-five", "dozens", "$2.5bn", "10 per cent", "tens of thousands".

Every expression becomes ``[low, high]``, the values it allows, so that comparing two reports is
interval arithmetic: "more than 40" allows 43, "at least 41" allows 44, "about 5,000" allows 4,600,
and an exact "43" allows only 43. News rounds big numbers, so a number with two or more trailing
zeros ("5,000", "2.5 billion") allows whatever rounds to it at its precision.

Years ("in 2015"), parts of names ("F-16", "S-400", "SU-24"), times and ordinals are not numbers
here; callers also mask time expressions, so "six years ago" and "June 28" never reach this.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

INF = math.inf

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
_SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
                 "b": 1_000_000_000, "tn": 1_000_000_000_000}
# Plural vague amounts: the values a reader would accept for each.
_VAGUE = {
    "dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999), "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999), "billions": (2e9, 9.99e9),
    "a handful of": (2, 6), "several": (3, 9), "a few": (2, 5), "a couple of": (2, 3),
}

# Words before a number that widen it, by how (see _interval).
_OVER = ("more than", "greater than", "upwards of", "in excess of", "just over", "well over",
         "over", "above")
_AT_LEAST = ("at least", "no fewer than", "no less than", "a minimum of")
_UNDER = ("fewer than", "less than", "just under", "under", "below")
_UP_TO = ("up to", "as many as", "as much as", "at most", "no more than", "a maximum of")
_NEARLY = ("nearly", "almost", "close to", "just short of")
_ABOUT = ("roughly", "about", "around", "approximately", "some", "an estimated", "estimated",
          "or so")
_APPROX_WORDS = [*_OVER, *_AT_LEAST, "a further", "another", *_UNDER, *_UP_TO, *_NEARLY, *_ABOUT]
# The words that hedge a figure without bounding it from above: a headline drops them ("27 dead"
# over the story's "at least 27").
HEDGES = frozenset({*_OVER, *_AT_LEAST, *_NEARLY, *_ABOUT})
_APPROX_RE = "|".join(re.escape(w) for w in sorted(_APPROX_WORDS, key=len, reverse=True))

_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "A$": "AUD",
                   "C$": "CAD", "HK$": "HKD", "Rs": "INR", "Rs.": "INR"}
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "dlr": "USD", "dlrs": "USD",
                   "euro": "EUR", "euros": "EUR",
                   "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY",
                   "rupees": "INR", "rubles": "RUB", "roubles": "RUB", "lira": "TRY", "liras": "TRY",
                   "usd": "USD", "eur": "EUR", "gbp": "GBP"}
_PERCENT_WORDS = ("percent", "per cent", "percentage points", "%")

_WORD_NUM = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
# (a hyphen may come spaced out before a scale word, as text rebuilt from tokens has it: "a three -
# million - franc haul", "$3.1 - million", "$45-million of gold" are millions)
_HYPHEN_SCALE = rf"\s?-\s?(?=(?:{'|'.join(_SCALES)})\b)"
_SPELLED = (rf"(?:(?:a|an|{_WORD_NUM})(?:[- ](?:{_WORD_NUM}))?"
            rf"(?:(?:{_HYPHEN_SCALE}|[- ])(?:and[- ])?(?:{'|'.join(_SCALES)}|{_WORD_NUM}))*)")
# A decimal that text rebuilt from tokens split after its point ("a 4. 7 - magnitude tremor", "2.
# 4m") is one figure when a scale or a unit follows it: read as "4.7", its parts are not taken for
# a 4 and a 7. (A split sum of money, "$3. 1 million", stays in parts, which claims drop.)
_SPLIT_DECIMAL = (r"(?<![$€£¥])\d{1,3}\. \d{1,2}(?=\s?-?\s?(?:million|billion|trillion|mn|bn|m\b"
                  r"|magnitude|percent|per cent|%))")
_DECIMAL_SPACE = re.compile(r"(?<=\d)\. (?=\d)")
# A whole number and a fraction are one figure: "5 1/2 hours", "2-1/2 percent", "4\u00bd miles" are
# 5.5, 2.5 and 4.5 (read in parts, "1 1/2 miles" was a mile and a fraction read as a date).
_VULGAR = {"\u00bd": 0.5, "\u00bc": 0.25, "\u00be": 0.75, "\u2153": 1 / 3, "\u2154": 2 / 3}
_MIXED = (rf"\d{{1,3}}(?:[ -][1-7]/[2348](?![\d/])|\s?[{''.join(_VULGAR)}])")
_MIXED_PARTS = re.compile(rf"(\d+)(?:[ -]([1-7])/([2348])|\s?([{''.join(_VULGAR)}]))")
_DIGITS = rf"{_MIXED}|{_SPLIT_DECIMAL}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SHORT = "|".join(sorted(_SHORT_SCALES, key=len, reverse=True))
_SCALE = rf"(?:(?:{_HYPHEN_SCALE}|\s?)(?:{'|'.join(_SCALES)})|(?:{_SHORT})\b)"
_SIGN = r"(?:US\$|HK\$|A\$|C\$|\$|€|£|¥)"
_ONE = rf"(?:{_SIGN}\s?)?(?:{_DIGITS}){_SCALE}?(?:\s?(?:{'|'.join(_SCALES)}))*"

_PATTERN = re.compile(
    rf"(?P<approx>\b(?:{_APPROX_RE})\s+)?"
    rf"(?:(?P<vague>\b(?:{'|'.join(re.escape(v) for v in sorted(_VAGUE, key=len, reverse=True))})\b)"
    rf"|(?P<dozen>\b(?:a|one)\s+dozen\b)"
    rf"|(?P<between>\bbetween\s+)?"
    rf"(?P<num>{_ONE}|\b{_SPELLED}\b)"
    rf"(?:(?P<sep>\s*(?:-|–|to|and|or)\s*)(?P<num2>{_ONE}|\b{_SPELLED}\b))?)",
    re.IGNORECASE,
)
_AFTER_UNIT = re.compile(
    r"\s*(?P<unit>%|per\s?cent\b|percentage points?\b|(?:US\s)?(?:dollars?|dlrs?)\b|euros?\b"
    r"|pounds?\b|"
    r"sterling\b|yen\b|yuan\b|rupees\b|r[ou]?ubles\b|liras?\b|USD\b|EUR\b|GBP\b)",
    re.IGNORECASE)


@dataclass(slots=True, frozen=True)
class Number:
    """A number expression: its span in the text it was found in, and the values it allows."""

    start: int
    end: int
    text: str
    value: float  # the number as written (the lower bound of a range)
    low: float
    high: float
    approx: str | None = None  # "more than", "about", "dozens", "range", "rounded", ...
    unit: str | None = None  # "%", "USD", "EUR", ... (a counted noun is bound later)
    spelled: bool = False

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def show(self) -> str:
        return self.text


def spelled_value(words: str) -> float | None:
    """ "forty-three" -> 43, "two hundred and five" -> 205, "a thousand" -> 1000; None if not a
    number."""
    total, current, seen = 0.0, 0.0, False
    for w in re.split(r"[\s-]+", words.lower()):
        if not w or w == "and":
            continue
        if w in ("a", "an"):
            continue  # "a thousand" is 1000 (the scale counts one), "a two-year deal" is two
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in _SCALES:
            scale = _SCALES[w]
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _digits_value(s: str) -> tuple[float, int] | None:
    """(value, precision exponent) of "$2.5bn", "5,000", "1.3 million"; precision is the power of
    ten of the last significant digit written ("5,000" -> 3, "2.5 billion" -> 8, "43" -> 0)."""
    s = _DECIMAL_SPACE.sub(".", s)  # "4. 7" (see _SPLIT_DECIMAL)
    m = re.match(rf"{_SIGN}?\s?({_DIGITS})\s?(.*)$", s, re.IGNORECASE)
    if not m:
        return None
    raw = m.group(1).replace(",", "")
    mult = _scale_of(m.group(2))
    scale = int(round(math.log10(mult)))
    mixed = _MIXED_PARTS.fullmatch(raw)
    if mixed is not None:
        return _mixed_value(mixed) * mult, scale - 1  # as precise as a figure of one decimal
    value = float(raw)
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    whole = raw.split(".")[0]
    zeros = 0 if decimals else len(whole) - len(whole.rstrip("0")) if whole.strip("0") else 0
    return value * mult, scale - decimals + zeros


def _scale_of(rest: str) -> float:
    """The multiplier the scale words after a figure make: "million" 1e6, "bn" 1e9."""
    mult = 1.0
    rest = rest.strip().lower().replace("-", " ")
    for w in re.split(r"\s+", rest) if rest else []:
        if w in _SCALES:
            mult *= _SCALES[w]
        elif w in _SHORT_SCALES:
            mult *= _SHORT_SCALES[w]
    return mult


def _mixed_value(m: re.Match[str]) -> float:
    """ "5 1/2" -> 5.5, "4\u00bd" -> 4.5 (a match of _MIXED_PARTS)."""
    whole = float(m.group(1))
    if m.group(4):
        return whole + _VULGAR[m.group(4)]
    return whole + int(m.group(2)) / int(m.group(3))


def _interval(value: float, approx: str | None, precision: int) -> tuple[float, float, str | None]:
    a = (approx or "").lower().strip()
    if a in _OVER:
        return value + (1 if value == int(value) and value >= 1 else 0.001), INF, a
    if a in _AT_LEAST:
        return value, INF, a
    if a in _UNDER:
        return 0, value - (1 if value == int(value) and value >= 1 else 0.001), a
    if a in _UP_TO:
        return 0, value, a
    if a in _NEARLY:
        return value * 0.85, value, a
    if a in _ABOUT:
        # the rounding of a round figure, but "about 200" is not 150 or 250: at most 15% away
        spread = max(value * 0.1, min(0.5 * 10 ** precision if precision >= 1 else 0,
                                      0.15 * value), 1)
        return value - spread, value + spread, a
    if a in ("a further", "another"):
        return value, value, a  # an increment: compared as written, flagged by the caller
    if precision >= 2:
        # what rounds to it, but never more than 5% away: "$200 million" is not "$184 million"
        half = min(0.5 * 10 ** precision, 0.05 * value)
        return value - half, value + half, "rounded"
    return value, value, None


def _parse_one(s: str) -> tuple[float, int, bool] | None:
    s = s.strip()
    if re.match(rf"{_SIGN}?\s?\d", s):
        got = _digits_value(s)
        return (got[0], got[1], False) if got else None
    v = spelled_value(s)
    if v is None:
        return None
    zeros = len(str(int(v))) - len(str(int(v)).rstrip("0")) if v >= 1 else 0
    return v, zeros, True


def _currency_before(text: str, start: int) -> str | None:
    m = re.search(r"(US\$|HK\$|A\$|C\$|\$|€|£|¥)\s?$", text[max(0, start - 4):start])
    if m:
        return _CURRENCY_SIGNS.get(m.group(1))
    # wire copy writes the unit first: "dlrs 978,000", "US dlrs 5 million"
    wire = re.search(r"\bdlrs\.?\s$", text[max(0, start - 6):start], re.IGNORECASE)
    return "USD" if wire else None


def find_numbers(text: str, masked: list[tuple[int, int]] | None = None) -> list[Number]:
    """Every number expression of ``text`` not overlapping a ``masked`` span (time expressions)."""
    masked = masked or []
    written, text = text, _LOST_EURO.sub("\u20ac", text)  # same length: every offset stays
    out: list[Number] = []
    pos = 0
    while True:
        m = _PATTERN.search(text, pos)
        if m is None:
            break
        start, end = m.start(), m.end()
        pos = max(end, start + 1)
        if not text[start:end].strip():
            continue
        num_start = m.start("num") if m.group("num") else (m.start("vague") if m.group("vague")
                                                           else m.start("dozen"))
        if any(s < end and start < e for s, e in masked):
            # the number itself is (part of) a date or duration; an approximator before it is not
            if any(s < end and num_start < e for s, e in masked):
                continue
        if _glued(text, num_start, end):
            continue
        approx = (m.group("approx") or "").strip() or None
        if m.group("vague") or m.group("dozen"):
            key = re.sub(r"\s+", " ", (m.group("vague") or "a dozen").lower())
            low, high = _VAGUE.get(key, (10, 14))  # "a dozen" is seldom counted exactly
            if approx:
                low, high = (low, INF) if approx.lower() in ("more than", "over", "at least") else (low, high)
            unit = _unit_after(text, end)
            value = 12.0 if m.group("dozen") else float(low)
            out.append(Number(start, end, written[start:end], value, float(low), float(high),
                              key, unit[0] if unit else None, spelled=True))
            continue
        first = _parse_one(m.group("num"))
        if first is None:
            continue
        value, precision, spelled = first
        if spelled and m.group("num").lower() in ("a", "an", "one"):
            continue  # "a" and "one" are articles and pronouns far more often than counts
        if _is_year(text, m, value, spelled) or _is_age_or_score(text, m):
            continue
        low, high, kind = _interval(value, approx, precision)
        num2 = m.group("num2")
        sep = (m.group("sep") or "").strip().lower()
        if num2:
            second = _parse_one(num2)
            is_range = second is not None and (
                m.group("between") and sep == "and" or sep in ("-", "–", "to", "or")) \
                and second[0] > value and (spelled == second[2])
            if is_range and second is not None:
                v2 = second[0]
                if v2 < 100 and value >= 100 and not spelled:
                    is_range = False
                else:
                    low, high, kind = min(low, value), v2, "range"
            if not is_range:
                end = pos = m.end("num")  # "43 and 44" are two numbers: the next search finds 44
        elif m.group("between"):
            start = m.start("num")
        text_end = end
        unit = _currency_before(text, m.start("num")) if m.group("num") else None
        if m.group("num") and re.match(_SIGN, m.group("num")):
            unit = _CURRENCY_SIGNS.get(re.match(_SIGN, m.group("num")).group(0))  # type: ignore[union-attr]
        after = _unit_after(text, text_end)
        if after:
            unit = unit or after[0]
            text_end = after[1]
        if unit is None and not num2 and re.search(r"\d\s?m$", m.group("num") or "") \
                and not _COUNTED_AFTER.match(text, text_end):
            # "fell about 200m down a gully": with no currency, and no counted noun after it
            # ("2m users"), a bare "m" is metres, not millions
            plain = _parse_one(re.sub(r"\s?m$", "", m.group("num")))
            if plain is not None:
                value, precision, spelled = plain
                low, high, kind = _interval(value, approx, precision)
                unit = "m"
        if unit is None and not spelled and precision >= 2 and kind == "rounded" \
                and value < 1000 and value == int(value) and not re.search(r"[,.]", m.group("num")):
            pass  # "200 people": rounded hundreds stay approximate
        out.append(Number(start, text_end, written[start:text_end], value, low, high, kind, unit,
                          spelled))
    return _drop_overlaps(out)


# A euro sign lost to a plain-text feed comes out as "e" ("steal e80 million", "a e2.5bn deal"):
# only a lone lower-case "e" glued to an amount with a scale word, which no English word is.
_LOST_EURO = re.compile(
    rf"(?<![\w.@-])e(?=(?:{_DIGITS})(?:\s?(?:million|billion|trillion)\b|(?:bn|mn|m|b)\b))")


# A word after "2m" that is what is counted, so the "m" is millions: "2m users", "3m people"; a
# length is followed by a preposition, an adverb or a size word ("200m down", "100m high").
_COUNTED_AFTER = re.compile(
    r"\s+(?!(?:down|up|from|high|long|wide|deep|tall|away|above|below|into|off|to|of|in|on|at"
    r"|and|or|over|under|along|across|beneath|below|through|sprint|race|freestyle|hurdles"
    r"|backstroke|breaststroke|butterfly|medley|relay|final|title|mark|while|when|after|before"
    r"|as|during|near|toward|towards|onto|with|by|the|a|an|his|her|its|their|that|which|where"
    r"|until|since|but|then|so|per|each)\b)[a-z]{3,}", re.IGNORECASE)


def _unit_after(text: str, end: int) -> tuple[str, int] | None:
    m = _AFTER_UNIT.match(text, end)
    if not m:
        return None
    u = m.group("unit").lower()
    if u.startswith("%") or "cent" in u or "percent" in u:
        return ("pp" if "point" in u else "%"), m.end()
    if "percentage" in u:
        return "pp", m.end()
    word = re.sub(r"^us\s", "", u)
    return _CURRENCY_WORDS.get(word, word.upper()), m.end()


def _glued(text: str, start: int, end: int) -> bool:
    """Part of a name or code: "F-16", "S-400s", "SU-24", "B-52", "COVID19", "747-400"."""
    before = text[max(0, start - 2):start]
    after = text[end:end + 2]
    if re.search(r"[A-Za-z]-?$", before) and not re.search(r"(?:^|\s)[A-Za-z]$", before) \
            and re.match(r"\d", text[start:end] or " "):
        return True
    if re.search(r"[A-Za-z]-$", before) and re.match(r"\d", text[start:end] or " "):
        return True
    if re.match(r"[A-Za-z]{1,2}\d|\d", after) and re.match(r"\d", text[start:end] or " "):
        return True
    if re.match(r"[:/]\d", after) or re.search(r"\d[:/]$", before):
        return True  # times and fractions or dates written with slashes
    if re.match(r"(?:st|nd|rd|th)\b", after):
        return True  # ordinals
    if re.match(r"'?s\b", after) and re.fullmatch(r"\d+0", text[start:end]):
        return True  # a decade: "in their late 30s", "the 1990s"
    return False


def _is_year(text: str, m: re.Match[str], value: float, spelled: bool) -> bool:
    num = m.group("num") or ""
    if spelled or not re.fullmatch(r"\d{4}s?", num.strip()):
        return False
    if not 1800 <= value <= 2100:
        return False
    after = text[m.end("num"):m.end("num") + 12].lower()
    if re.match(r"\s*(?:%|per\s?cent|people|troops|soldiers|dollars|euros)", after):
        return False
    return _currency_before(text, m.start("num")) is None


_AGE_AFTER = re.compile(r"\s*-?\s*(?:years?|months?|weeks?|days?)\s*-?\s*old\b", re.IGNORECASE)
_SCORE = re.compile(r"\s*[-–]\s*\d")


def _is_age_or_score(text: str, m: re.Match[str]) -> bool:
    """ "a 36-year-old", "Robert Buckley, 32,", "dies at 75", "beat Chiefs 20-13", "(10-0)"."""
    end = m.end("num")
    if _AGE_AFTER.match(text, end):
        return True
    before = text[max(0, m.start() - 12):m.start()]
    if re.search(r"\b(?:die[sd]?|dying|aged?)\s+(?:at\s+)?$", before, re.IGNORECASE):
        return True
    if re.search(r"[A-Z][a-z]+,\s*$", before) and re.match(r"\s*,", text[m.end():]) \
            and not m.group("approx"):
        return True  # an age in apposition to a name
    num2 = m.group("num2")
    if num2 and m.group("sep") and m.group("sep").strip() in ("-", "–"):
        first = re.sub(r"\D", "", m.group("num"))
        second = re.sub(r"\D", "", num2)
        if first and second and int(second) <= int(first):
            return True  # a score or a record: the second number is not above the first
    if not num2 and _SCORE.match(text, end) and re.search(r"\d\s*[-–]\s*$", text[:m.start()]) is None:
        after = re.match(r"\s*[-–]\s*(\d+)", text[end:])
        first = re.sub(r"\D", "", m.group("num") or "")
        if after and first and int(after.group(1)) <= int(first):
            return True
    if re.search(r"\d\s*[-–]\s*$", text[:m.start()]):
        return True  # the second half of a score
    return False


def _drop_overlaps(found: list[Number]) -> list[Number]:
    found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    out: list[Number] = []
    for n in found:
        if out and n.start < out[-1].end:
            continue
        out.append(n)
    return out
