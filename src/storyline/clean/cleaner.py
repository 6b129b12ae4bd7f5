"""Turn one article's raw text into clean text, keeping a clean-to-raw map and every removed line.

The cleaner works line by line: it splits the raw text into lines with their offsets, decides for
each line whether it is body or boilerplate (and why), then joins the kept lines, normalised, with
``"\\n\\n"``. Removed lines keep their exact raw text and span, so ``show`` can list them and a user
can restore one (``keep``); captions among them feed publication-date inference later.

Order of decisions, first one wins:

1. headline (``.txt``: the first non-empty line) or masthead on the first line;
2. a named pattern from :mod:`storyline.clean.patterns` matching the whole line, a "By ..." byline,
   or a line ending in a picture credit (caption); a line that is only an outlet's name (masthead);
   a lone person's name right under the headline (byline);
3. the other line of a two-line block holding a photo credit (the caption it credits);
4. lines repeating the title, and lines repeated inside the article;
5. short lines whose key recurs across the outlet's articles (``recurring``, from the runner);
6. ``keep`` overrides all of the above.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from storyline.clean import reasons as R
from storyline.clean.normalize import Line, Piece, normalise_line, normalise_text, split_lines
from storyline.clean.outlets import masthead_name, outlet_from_line
from storyline.clean.patterns import (
    BYLINE,
    BYLINE_PARTICLES,
    CAPTION_TAIL,
    CAPTION_TAIL_WINDOW,
    LINE_RULES,
    LONG_LINE_RULES,
    NOT_NAME_WORDS,
    RULE_NEEDLES,
    SENTENCE_END,
    SHORT_LINE,
)
from storyline.records import OffsetMap, OffsetMapBuilder, RemovedLine, SourceDoc


def _alternation(names: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<{name}>{_RULE_PATTERN[name]})" for name in names))


_RULE_PATTERN = {name: pattern for name, _, pattern in LINE_RULES}
_PLAIN = [name for name, _, _ in LINE_RULES if name not in RULE_NEEDLES]
_RULES = _alternation(_PLAIN)
_LONG_RULES = _alternation([n for n in _PLAIN if n in LONG_LINE_RULES])
_NEEDLE_RULES = [
    (RULE_NEEDLES[name], re.compile(pattern), reason, name in LONG_LINE_RULES)
    for name, reason, pattern in LINE_RULES
    if name in RULE_NEEDLES
]
_RULE_REASON = {name: reason for name, reason, _ in LINE_RULES}
# Boilerplate lines are short; longer lines are body text and no pattern is tried on them.
_RULE_MAX_CHARS = 700
# Lines up to this long may be cross-article boilerplate; longer ones are never counted, so a
# paragraph shared by two rewrites of one wire story cannot be dropped as "recurring".
CANDIDATE_MAX_CHARS = 200
# A repeated line shorter than this is too common to call a repeat ("Yes.", "Syria").
_REPEAT_MIN_CHARS = 12
_REPEAT_SENTENCE_MIN_CHARS = 40
_HEADLINE_MAX_CHARS = 300
_DIGITS = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_][\w'-]*")
# Where the outlet named in the text is taken from, most telling first.
_OUTLET_KINDS = (R.MASTHEAD, R.CREDIT, R.COPYRIGHT, R.CONSENT)


@dataclass(slots=True)
class Cleaned:
    text: str  # clean text: kept lines, normalised, paragraphs joined by "\n\n"
    offsets: OffsetMap  # clean char -> raw char
    removed: list[RemovedLine] = field(default_factory=list)  # raw offsets, with reason slugs
    title: str | None = None  # headline (from doc.title, or the first non-empty line for .txt)
    byline: str | None = None  # from a byline line in the text
    outlet: str | None = None  # recognised in the text (masthead, wire credit, consent notice)
    outlet_evidence: str | None = None  # the line that told us
    line_keys: list[str] = field(default_factory=list)  # keys of candidate lines, for recurrence


def line_key(line: str) -> str:
    """Key of a line for counting it across articles: casefolded, digits masked, spaces collapsed.

    >>> line_key("Sign up  for our news, 2024") == line_key("SIGN UP for our news, 1999")
    True
    """
    return _key(normalise_text(line))


def _key(norm: str) -> str:
    folded = _DIGITS.sub("0", norm.casefold())
    return hashlib.blake2b(folded.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def clean(
    doc: SourceDoc, *, recurring: Collection[str] = frozenset(), keep: Collection[int] = frozenset()
) -> Cleaned:
    """Clean ``doc.text``. ``recurring``: line keys to remove as cross-article boilerplate;
    ``keep``: raw start offsets of lines the user restored, never removed."""
    raw = doc.text
    lines = split_lines(raw)
    norms: list[str] = []
    pieces: list[list[Piece]] = []
    for ln in lines:
        norm, ps = normalise_line(ln.text, ln.start)
        norms.append(norm)
        pieces.append(ps)
    nonblank = [i for i, n in enumerate(norms) if n]
    reason: dict[int, str] = {}

    title = _take_headline(doc, norms, nonblank, reason)
    byline: str | None = None
    for k, i in enumerate(nonblank):
        if i in reason:
            continue
        norm = norms[i]
        found, name = _classify(norm)
        if found is None and masthead_name(norm):
            found = R.MASTHEAD
        if (
            found is None
            and k <= 3
            and all(j in reason for j in nonblank[:k])
            and _is_lone_name(norm)
        ):
            found, name = R.BYLINE, norm
        if found is not None:
            reason[i] = found
            if found == R.BYLINE and byline is None:
                byline = name
    _captions_beside_credits(norms, nonblank, reason)
    _repeats(norms, nonblank, reason, title)

    line_keys: list[str] = []
    seen: set[str] = set()
    for i in nonblank:
        if i in reason or len(norms[i]) > CANDIDATE_MAX_CHARS:
            continue
        key = _key(norms[i])
        if key not in seen:
            seen.add(key)
            line_keys.append(key)
        if key in recurring:
            reason[i] = R.RECURRING

    outlet, evidence = _outlet(norms, nonblank, reason)
    if keep:
        for i in [i for i in reason if lines[i].start in keep]:
            del reason[i]
    text, offsets, removed = _assemble(lines, norms, pieces, nonblank, reason)
    return Cleaned(text, offsets, removed, title, byline, outlet, evidence, line_keys)


def _take_headline(
    doc: SourceDoc, norms: list[str], nonblank: list[int], reason: dict[int, str]
) -> str | None:
    if doc.title is not None:
        return normalise_text(doc.title) or None
    if not doc.title_in_text or not nonblank:
        return None
    first = nonblank[0]
    if masthead_name(norms[first]):
        reason[first] = R.MASTHEAD
        if len(nonblank) > 1 and _looks_like_headline(norms[nonblank[1]]):
            reason[nonblank[1]] = R.HEADLINE
            return norms[nonblank[1]]
        return None
    norm = norms[first]
    # A first line that is a long paragraph is body text, whatever the reader assumed.
    if len(norm) > _HEADLINE_MAX_CHARS or (SENTENCE_END.search(norm) and len(norm.split()) > 25):
        return None
    reason[first] = R.HEADLINE
    return norm


def _looks_like_headline(norm: str) -> bool:
    return (
        len(norm) <= 150 and len(norm.split()) <= 25 and not re.search(r"[.!;:,][\"')\]]*$", norm)
    )


def _classify(norm: str) -> tuple[str | None, str | None]:
    """Reason for one line on its own (and the byline name, for bylines), or (None, None)."""
    if len(norm) > _RULE_MAX_CHARS:
        return None, None
    short = len(norm) <= SHORT_LINE
    m = (_RULES if short else _LONG_RULES).fullmatch(norm)
    if m:
        return _RULE_REASON[m.lastgroup or ""], None
    lower = norm.lower()
    for needle, rule, reason, long_ok in _NEEDLE_RULES:
        if needle in lower and (short or long_ok) and rule.fullmatch(norm):
            return reason, None
    m = BYLINE.fullmatch(norm)
    if m and not any(
        w.casefold() in NOT_NAME_WORDS for w in re.split(r",? and |, | & | ", m.group("name"))
    ):
        return R.BYLINE, m.group("name")
    tail = norm[-CAPTION_TAIL_WINDOW:]
    # Every caption ending holds one of these; most body lines hold none, so skip the regex.
    if (":" in tail or "(" in tail or "/" in tail) and CAPTION_TAIL.search(tail):
        return R.CAPTION, None
    return None, None


def _is_lone_name(norm: str) -> bool:
    """2-4 capitalised name words and nothing else: "Harriet Agerholm", "Jane E. Doe"."""
    words = norm.split(" ")
    if not 2 <= len(words) <= 4 or len(norm) > 60:
        return False
    capitalised = 0
    for w in words:
        if w in BYLINE_PARTICLES:
            continue
        if len(w) == 2 and w[1] == "." and w[0].isupper():
            continue
        if w.casefold() in NOT_NAME_WORDS or not w[0].isupper() or not _WORD.fullmatch(w):
            return False
        capitalised += 1
    return capitalised >= 2


def _captions_beside_credits(norms: list[str], nonblank: list[int], reason: dict[int, str]) -> None:
    """A photo credit and one other line standing together between blank lines: that line is the
    caption the credit belongs to (seed 000: "Kayhan Ozer/.../AP" over "Presidents ... met in ...").
    Only in texts that separate paragraphs by blank lines, else every line sits in one block."""
    blocks: list[list[int]] = []
    for i in nonblank:
        if blocks and blocks[-1][-1] == i - 1:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    if len(blocks) < 3:
        return
    for block in blocks:
        if len(block) != 2:
            continue
        a, b = block
        for credit, other in ((a, b), (b, a)):
            if (
                reason.get(credit) == R.PHOTO_CREDIT
                and other not in reason
                and len(norms[other]) <= _RULE_MAX_CHARS
            ):
                reason[other] = R.CAPTION


def _titleish(norm: str) -> bool:
    long_words = [w for w in _WORD.findall(norm) if len(w) >= 4]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)


def _repeats(
    norms: list[str], nonblank: list[int], reason: dict[int, str], title: str | None
) -> None:
    folded = {i: norms[i].casefold() for i in nonblank}
    title_key = title.casefold() if title else None
    counts = Counter(folded.values())
    seen: set[str] = set()
    for i in nonblank:
        key = folded[i]
        first = key not in seen
        seen.add(key)
        if i in reason:
            continue
        if key == title_key:
            reason[i] = R.REPEATED_HEADLINE
        elif counts[key] < 2:
            continue
        elif not SENTENCE_END.search(norms[i]):
            if len(key) >= _REPEAT_MIN_CHARS:
                reason[i] = R.REPEATED_HEADLINE if _titleish(norms[i]) else R.REPEATED_CAPTION
        elif not first and len(key) >= _REPEAT_SENTENCE_MIN_CHARS:
            reason[i] = R.REPEATED_LINE


def _outlet(
    norms: list[str], nonblank: list[int], reason: dict[int, str]
) -> tuple[str | None, str | None]:
    for kind in _OUTLET_KINDS:
        for i in nonblank:
            if reason.get(i) != kind:
                continue
            hit = outlet_from_line(norms[i])
            if hit:
                return hit[0], norms[i]
    return None, None


def _assemble(
    lines: list[Line],
    norms: list[str],
    pieces: list[list[Piece]],
    nonblank: list[int],
    reason: dict[int, str],
) -> tuple[str, OffsetMap, list[RemovedLine]]:
    builder = OffsetMapBuilder()
    parts: list[str] = []
    removed: list[RemovedLine] = []
    prev: int | None = None
    dropped_since_prev = False
    width = _wrap_width(norms, nonblank)
    for i in nonblank:
        ln = lines[i]
        if i in reason:
            removed.append(RemovedLine(ln.start, ln.end, ln.text, reason[i]))
            dropped_since_prev = True
            continue
        if prev is not None:
            # The paragraph break stands for the raw break after the previous kept line, and for
            # the blank lines up to this one when nothing was removed in between.
            sep_end = lines[prev].next_start if dropped_since_prev else pieces[i][0][1]
            wrapped = (width and i == prev + 1 and not dropped_since_prev
                       and len(norms[prev]) >= WRAP_SHARE * width
                       and not _ENDS_SENTENCE.search(norms[prev]))
            sep = " " if wrapped else "\n\n"
            builder.add(sep, pieces[prev][-1][2], sep_end)
            parts.append(sep)
        for piece in pieces[i]:
            builder.add(*piece)
        parts.append(norms[i])
        prev = i
        dropped_since_prev = False
    return "".join(parts), builder.build(), removed


# Hard-wrapped text (a fixed width of 40-120 characters: wire copy, plain-text archives): a line
# that fills most of the width and does not end a sentence goes on in the next line, so the two
# are joined by a space instead of a paragraph break.
WRAP_MIN, WRAP_MAX = 40, 120
WRAP_SHARE = 0.6
_ENDS_SENTENCE = re.compile(r"[.!?:][\"'”’»)\]]*$")


def _wrap_width(norms: list[str], nonblank: list[int]) -> int:
    """The width the text is wrapped at, or 0 when it is not hard-wrapped: most lines (of at least
    five) are long and none is much longer than the width."""
    lengths = sorted(len(norms[i]) for i in nonblank)
    if len(lengths) < 5:
        return 0
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not WRAP_MIN <= width <= WRAP_MAX or lengths[-1] > 1.25 * width + 10:
        return 0
    long_lines = sum(1 for n in lengths if n >= WRAP_SHARE * width)
    return width if long_lines >= 0.6 * len(lengths) else 0
