"""Is the clause around a time expression about the future? A cheap scan, no tagger.

News writes of the past by default: "met on Thursday" is the Thursday before publication. Only a
future marker in the same clause ("will meet on Thursday", "is due to visit in March", "plans to
...") turns a bare weekday or month towards the future. A regex over a small window costs
microseconds, where a POS tagger would cost more than the rest of the temporal tagger.
"""

from __future__ import annotations

import re

# Markers that put what follows them in the future. A bare "would" is left out on purpose: in
# news it is mostly reported speech after the date ("said Friday that he would ..."), while
# "would be travelling Thursday" looks ahead. "until" inside a clause sets a deadline ("gave
# them until Tuesday"); a sentence opening "Until Thursday, they had ..." looks back. A plan told
# in the past still looks ahead: "protesters planned a rally on Saturday" had not held it yet.
_FUTURE = re.compile(
    r"(?:\b(?:will|won't|shall|going\s+to|(?:is|are)\s+to|plans?\s+to|planning\s+(?:to|a|an)"
    r"|planned\s+(?:for|to|a|an)|would\s+be\s+\w+ing|expected\s+to|scheduled|slated|due|set\s+to"
    r"|to\s+be\s+held|upcoming|intends?\s+to|as\s+(?:soon|early)\s+as|next|deadline"
    r"|(?<=[a-z,]\s)(?-i:until))\b|'ll\b)",
    re.IGNORECASE,
)
# News announces a schedule in the simple present: "Clinton meets Arafat Monday", "the two
# leaders meet separately Friday", "the court opens hearings Tuesday". Only verbs of scheduled
# happenings count (not "says", which reports), and a plain "meet" not after a modal or "to"
# (those are either future already or "did not meet", the past).
_SCHEDULED = re.compile(
    r"\b(?:meets|visits|begins|opens|arrives|travels|hosts|resumes|testifies|convenes|departs"
    r"|(?<!\bto\s)(?<!\bdid\s)(?<!\bnot\s)(?<!n't\s)(?<!\bcould\s)(?<!\bshould\s)"
    r"(?<!\bmight\s)(?<!\bcan\s)meet)\b",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(r"[.!?;\n]\s|[\n]")
# Only the words before the expression count: a marker after it belongs to another clause more
# often than not ("said on Tuesday that Iraq will retaliate").
WINDOW_BEFORE = 70


def clause_start(text: str, start: int) -> int:
    """Where the sentence holding ``start`` begins, looking back at most WINDOW_BEFORE chars."""
    lo = max(0, start - WINDOW_BEFORE)
    cut = None
    for m in _BOUNDARY.finditer(text, lo, start):
        cut = m.end()
    return lo if cut is None else cut


def tense_at(text: str, start: int, end: int) -> str:
    """"future" when the clause before the expression has a future marker, else "past".

    A marker in the past perfect is a plan that was overtaken ("the offer had been scheduled to
    expire at midnight Friday"): it points back, not ahead.
    """
    lo = clause_start(text, start)
    for m in _FUTURE.finditer(text, lo, start):
        if not _HAD_BEEN.search(text, max(lo, m.start() - 12), m.start()):
            return "future"
    if _SCHEDULED.search(text, lo, start):
        return "future"
    if _far_future(text, lo, start):
        return "future"
    if _OPENER.fullmatch(text, lo, start):
        # "On Tuesday, the league plans to hold a news conference": a sentence that opens with
        # the date tells of it in what follows; a future marker there counts unless a past-tense
        # verb comes first ("On Tuesday, he said the army will withdraw" tells of the saying).
        hi = _sentence_end(text, end, min(len(text), end + SENTENCE_REACH))
        fut = _FUTURE.search(text, end, hi) or _SCHEDULED.search(text, end, hi)
        if fut is not None and _PAST.search(text, end, fut.start()) is None and not (
                # "On Friday, the government planned to pay ...": a plan told in the past
                _PAST.match(text, fut.start())
                and not _PRESENT_AUX.search(text, max(end, fut.start() - 5), fut.start())):
            return "future"
    return "past"


_PRESENT_AUX = re.compile(r"\b(?:is|are)\s+$", re.IGNORECASE)


_HAD_BEEN = re.compile(r"\bhad\s+(?:been\s+)?$", re.IGNORECASE)


# Past-tense verbs: the regular "-ed" forms and the irregular ones news uses most. A clause with
# one and no future marker reports what happened ("stepped down in March", "bought it in
# February"), so a bare month in it is not the coming one.
_PAST = re.compile(
    r"\b(?:was|were|had|did|\w{2,}(?<!need)(?<!exceed)(?<!speed)ed|said|told|bought|sold|took"
    r"|made|began|came|went|rose|fell|brought|left|won|lost|met|gave|got|became|paid|saw|held"
    r"|kept|found|spent|sent|built|struck|ran|wrote|grew|drew|led|fled|flew|fought|thought"
    r"|caught|taught|sought|knew|chose|spoke|broke|stole|shot|hit|quit|cut)\b",
    re.IGNORECASE,
)

# Looks ahead even in the past tense: an infinitive ("decided to admit them in March", "to be
# published"), "would", a deadline ("until", "through", "by").
_PROSPECTIVE = re.compile(
    r"\bto\s+(?!(?:the|a|an|its|his|her|their|this|that|about|\d)\b)[a-z]+\b|\b(?:would|will"
    r"|shall)\b|'ll\b"
    r"|\buntil\b|\bthrough\b|\bby\s+$", re.IGNORECASE)


def past_at(text: str, start: int) -> bool:
    """Does the clause before the expression tell what happened (a past-tense verb, nothing
    that looks ahead)?"""
    lo = clause_start(text, start)
    if _PROSPECTIVE.search(text, lo, start):
        return False
    if _PAST.search(text, lo, start):
        return True
    if _OPENER.fullmatch(text, lo, start):
        # "In January, the company bought ...": a sentence that opens with the date tells of
        # it in the verb that follows: the first one, so that a clause further on ("..., who will
        # remain chairman") does not turn it.
        hi = _sentence_end(text, start, min(len(text), start + SENTENCE_REACH))
        past = _PAST.search(text, start, hi)
        ahead = _PROSPECTIVE.search(text, start, hi)
        return past is not None and (ahead is None or past.start() < ahead.start())
    return False


_OPENER = re.compile(r"\s*(?:(?:in|on|by|since|during|early|late)\s+)?", re.IGNORECASE)


# How far a sentence is read beyond the near window: back for a future marker that governs the
# expression from a distance ("is scheduled to spend five hours in Dar es Salaam, her first stop
# Tuesday morning"), ahead for the verb of a sentence that opens with the date.
SENTENCE_REACH = 240
# A past reporting verb, a conjunction or a preposition that brings in another event ends the
# reach of a marker before it: "will meet Bush, officials said Tuesday" dates the saying, "will
# resume co-operation following the attack on Tuesday" dates the attack.
_CLAUSE_BREAK = re.compile(
    r"\b(?:said|says|told|announced|reported|added|noted|stated|declared|according|but|while"
    r"|although|after|before|following|amid|despite|when|since|because|who|which|that"
    r"|and\s+(?:then\s+)?(?:he|she|they|it|the))\b|[;:(]",
    re.IGNORECASE)
# Only the plain markers of a future: the looser ones of _FUTURE ("next", "due", "until") mean
# little that far from the expression.
_FAR_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+to|plans?\s+to|expected\s+to|(?:is|are)\s+scheduled"
    r"|(?:is|are)\s+slated|(?:is|are)\s+due|(?:is|are)\s+set\s+to|intends?\s+to)\b",
    re.IGNORECASE)
_BE = re.compile(r"\bbe\s+$", re.IGNORECASE)


def _far_future(text: str, lo: int, start: int) -> bool:
    """A future marker earlier in the same sentence than the near window reaches, with no
    reporting verb, new clause or past tense between it and the expression."""
    if lo <= 0 or lo > start - WINDOW_BEFORE:
        return False  # the near window already reached the sentence start
    sent = _sentence_start(text, max(0, start - SENTENCE_REACH), lo)
    last = None
    for m in _FAR_FUTURE.finditer(text, sent, start):
        last = m
    if last is None or _CLAUSE_BREAK.search(text, last.end(), start) is not None:
        return False
    # A past tense between them tells of something done; a participle after "be" is the
    # passive of the future verb itself ("will be named commander ... for a mission in December").
    return all(_BE.search(text, max(0, p.start() - 4), p.start())
               for p in _PAST.finditer(text, last.end(), start))


# Abbreviations AP style writes inside sentences (titles, company suffixes, states, months, "vs.",
# initials): their full stop does not end the sentence ("In January, a week after the Roe vs.
# Wade anniversary, a clinic bombing in Birmingham, Ala., killed a guard").
_ABBREV_BEFORE = re.compile(
    r"(?:\b(?:vs|Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Corp|Co|Ltd|Bros|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm"
    r"|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo"
    r"|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)"
    r"|\b[A-Z])$")
_STOP = re.compile(r"[.!?;]\s|\n")


def _is_stop(text: str, m: re.Match[str]) -> bool:
    return text[m.start()] != "." or _ABBREV_BEFORE.search(
        text, max(0, m.start() - 6), m.start()) is None


def _sentence_end(text: str, start: int, hi: int) -> int:
    """Where the sentence running on from ``start`` ends (at most ``hi``)."""
    for m in _STOP.finditer(text, start, hi):
        if _is_stop(text, m):
            return m.start()
    return hi


def _sentence_start(text: str, lo: int, start: int) -> int:
    """Where the sentence holding ``start`` begins (at least ``lo``)."""
    cut = lo
    for m in _STOP.finditer(text, lo, start):
        if _is_stop(text, m):
            cut = m.end()
    return cut
