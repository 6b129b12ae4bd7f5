"""How a sentence tells its figure came about: by what means (a mine, a roadblock, a gun battle)
and whether its toll is a whole war's, counted from the war's start. Read once per claim, where
the sentence is at hand, so that comparing two claims reads no text again."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from storyline.claims.context import stem
from storyline.claims.records import Claim

# Means of a casualty's happening, as word stems, by the kind of scene they tell: a mine that
# went off and a lorry halted at a roadblock are two incidents, a bomb and a blast one.
MEANS: dict[str, str] = {
    **dict.fromkeys(("mine", "landmine", "bomb", "blast", "explosion", "explod", "grenade",
                     "mortar", "shell", "rocket", "missile", "bombing"), "an explosion"),
    **dict.fromkeys(("roadblock", "checkpoint", "ambush", "hijack"), "a roadblock or ambush"),
    **dict.fromkeys(("battle", "gunbattle", "firefight", "shootout", "clash"), "a gun battle"),
    **dict.fromkeys(("crash", "collision", "derail"), "a crash"),
    # (not "storm": troops storm a hideout)
    **dict.fromkeys(("flood", "landslide", "avalanche", "quake", "earthquake", "hurricane",
                     "typhoon", "cyclone"), "a natural disaster"),
}

# Words that make a toll one of a whole war or campaign, counted from its start: "killed since
# early 1991", "died in the 20-year-old insurgency".
_WHOLE_WAR = re.compile(
    r"\bsince\s+(?:(?:early|late|mid)[\s-]+)?(?:\d{4}\b|the\s+(?:start|beginning|outbreak)\b)"
    r"|\b[\w-]+-year-old\s+(?:conflict|war|insurgency|fight|campaign|rebellion|uprising)\b"
    r"|\b(?:war|conflict|insurgency|rebellion)\s+(?:began|started|broke\s+out)\b",
    re.IGNORECASE)


def means_in(text: str) -> list[str]:
    """The kinds of scene ``text`` tells of ("an explosion", "a gun battle")."""
    return sorted({MEANS[w] for w in map(stem, re.findall(r"[A-Za-z]+", text)) if w in MEANS})


def read_incidents(claims: list[Claim], text: str, sentences: Sequence[Any]) -> None:
    """Set the ``means`` and ``whole_war`` of each number claim of one article (``text`` its clean
    text, ``sentences`` its sentences in order). A figure of the headline whose sentence names no
    means ("Insurgents kill three") takes those of the first sentence below giving its figure,
    which the headline sums up."""
    first = sentences[0].start if sentences else None
    for c in claims:
        if c.kind != "number":
            continue
        own = text[c.sentence_start:c.sentence_end]
        c.whole_war = bool(_WHOLE_WAR.search(own))
        c.means = means_in(own)
        if c.means or first is None or c.sentence_start > first:
            continue
        figure = re.compile(rf"\b{re.escape(c.text)}\b", re.IGNORECASE)
        lead = next((s for s in sentences if s.start >= c.sentence_end
                     and figure.search(text, s.start, s.end)), None)
        if lead is not None:
            c.means = means_in(text[lead.start:lead.end])
