"""Roles given to people: "Mevlut Cavusoglu, the Turkish foreign minister," and "Kremlin
spokesman Dmitry Peskov"."""

from __future__ import annotations

import re

from storyline.records import Mention

_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+((?:[A-Za-z][\w'’-]*\s+){0,5}?"
                         r"(?:minister|president|leader|spokes(?:wo)?man|spokesperson|secretary|"
                         r"chief|head|director|ambassador|general|commander|official|governor|"
                         r"mayor|premier|chancellor|king|queen|prince|envoy|chairman|ceo|founder|"
                         r"prosecutor|judge|senator|editor|analyst|coach|manager|captain)s?)\b")
_TITLE_BEFORE = re.compile(r"((?:[A-Z][\w'’-]*\s+)?(?:[Ss]pokes(?:wo)?man|[Mm]inister|[Pp]resident|"
                           r"[Ll]eader|[Ss]ecretary|[Aa]mbassador|[Cc]hief|[Gg]overnor|[Pp]rime "
                           r"[Mm]inister|[Ff]oreign [Mm]inister|FM))\s+$")


def find_roles(text: str, mentions: list[Mention]) -> list[tuple[Mention, int, int, str]]:
    """(person mention, role start, role end, role) for every role the text gives a person."""
    out = []
    for m in mentions:
        if m.label != "PERSON":
            continue
        after = _APPOSITION.match(text, m.end)
        if after:
            out.append((m, after.start(1), after.end(1), after.group(1)))
            continue
        before = _TITLE_BEFORE.search(text[max(0, m.start - 40):m.start])
        if before:
            base = max(0, m.start - 40)
            out.append((m, base + before.start(1), base + before.end(1), before.group(1)))
    return out
