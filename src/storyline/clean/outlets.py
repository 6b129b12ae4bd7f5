"""Which outlet an article comes from: from its URL, or from a line of its text.

The domain table is ``storyline/data/outlets.tsv`` (domain, outlet, aliases). Unknown domains fall
back to the registrable domain, worked out with a small built-in list of two-level public suffixes
(``co.uk``, ``com.au``, ...): no download, no network.
"""

from __future__ import annotations

import re
from importlib.resources import files
from urllib.parse import urlsplit

from storyline.clean.normalize import normalise_text

# Second-level suffixes under which names are registered (example.co.uk), the common ones only.
_SUFFIXES_2 = frozenset(
    f"{sld}.{tld}"
    for tld, slds in {
        "uk": "co org ac gov ltd plc me net sch nhs police",
        "au": "com net org edu gov asn id",
        "nz": "co org net govt ac school geek",
        "za": "co org gov ac net web",
        "jp": "co ne or ac go gr ed lg",
        "kr": "co or ne go re ac",
        "in": "co net org gov ac edu res firm gen ind",
        "il": "co org net ac gov muni",
        "br": "com net org gov edu art blog",
        "ar": "com net org gob edu",
        "mx": "com net org gob edu",
        "tr": "com net org gov edu gen biz web av bel k12",
        "cn": "com net org gov edu ac",
        "hk": "com net org gov edu idv",
        "tw": "com net org gov edu idv",
        "sg": "com net org gov edu per",
        "my": "com net org gov edu name",
        "ph": "com net org gov edu",
        "pk": "com net org gov edu",
        "ng": "com net org gov edu",
        "ke": "co or ne go ac",
        "eg": "com net org gov edu",
        "sa": "com net org gov edu",
        "qa": "com net org gov edu",
        "ae": "co net org gov ac",
        "lb": "com net org gov edu",
        "vn": "com net org gov edu",
        "id": "co or net go ac web",
        "th": "co or net go ac in",
        "ua": "com net org gov edu in kiev kyiv",
        "ru": "com net org",
        "pl": "com net org gov",
        "cy": "com net org gov",
        "gr": "com net org gov edu",
        "es": "com org nom gob edu",
        "bd": "com net org gov edu",
        "np": "com net org gov edu",
        "lk": "com net org gov edu",
        "ir": "co ac org net gov",
        "iq": "com net org gov edu",
        "sy": "com net org gov edu news",
        "az": "com net org gov edu",
        "ge": "com net org gov edu",
        "am": "com net org gov",
        "kz": "com net org gov edu",
    }.items()
    for sld in slds.split()
)

# Names that are also plain words: a line holding only one of them is not taken for a masthead.
_COMMON_WORDS = frozenset(
    "i|time|metro|stuff|deadline|inc.|fortune|mint|vanguard|punch|variety|slate|salon|science|"
    "nature|"
    "insider|trend|nation|dawn|independent|express|mirror|guardian|vice|wired|quartz|economist|"
    "the week|the local|the national|the hill|the age|the star|the nation|the sun|the times|"
    "the conversation|the register|the intercept|the verge|the diplomat|the atlantic|daily news|"
    "global news|the punch|the mirror|the express".split("|")
)


def _load() -> tuple[dict[str, str], dict[str, str]]:
    by_domain: dict[str, str] = {}
    by_name: dict[str, str] = {}
    text = files("storyline").joinpath("data/outlets.tsv").read_text(encoding="utf-8")
    for row in text.splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        cols = row.split("\t")
        domain, outlet = cols[0].strip().lower(), cols[1].strip()
        by_domain[domain] = outlet
        aliases = cols[2].split(";") if len(cols) > 2 else []
        for name in (outlet, *aliases):
            name = name.strip()
            if name:
                by_name.setdefault(name.casefold(), outlet)
    return by_domain, by_name


_BY_DOMAIN, _BY_NAME = _load()
_MASTHEADS = {k: v for k, v in _BY_NAME.items() if k not in _COMMON_WORDS and len(k) > 2}
# Longest names first, so "The Associated Press" wins over "AP".
_NAMES_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(n) for n in sorted(_BY_NAME, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)

_CREDIT_RE = re.compile(
    r"(?i:(?:this (?:story|article|report|content|piece|post|video|interview|column|feature)"
    r"(?: \w+){0,2}? )?(?:reported|written|produced|published|provided|distributed|republished|"
    r"syndicated|reproduced|translated|contributed|prepared|filed|appeared|ran|posted|reprinted)"
    r"(?: (?:with permission|in full|here|online|first|originally))?"
    r" (?:by|from|in|on|with|via|for|at|"
    r"courtesy of)|(?:source|courtesy of|courtesy|via)\s*:?)"
    r" (?P<o>.{2,120}?)[.!]?"
)
_CONSENT_RE = re.compile(
    r"(?i:by (?:using|continuing to use|visiting|accessing)) (?P<o>[^,]{2,40}?),?"
    r" (?i:you (?:agree|consent|accept|acknowledge))\b.*"
    r"|(?P<o2>[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3}) (?i:(?:and|&) (?:its |our )?partners"
    r" (?:may )?use cookies|uses cookies|is part of the)\b.*"
)
_COPYRIGHT_RE = re.compile(
    r"(?i:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*-\s*\d{4})?\s*)?,?\s*(?P<o>.{2,120}?)"
    r"(?:[.,;|]|\s+(?i:all rights)\b.*|$).*"
)
_NOT_AN_OUTLET = re.compile(
    r"(?i)(?:this|our|the|these|its) (?:site|website|web site|services?|app|page)s?"
)


_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december today "
    "yesterday".split()
)


def _registrable(host: str) -> str:
    labels = host.split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in _SUFFIXES_2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def outlet_from_url(url: str | None) -> str | None:
    """Outlet of a URL (or bare host name): known domains by name, others by registrable domain.

    >>> outlet_from_url("https://www.telegraph.co.uk/news/x/"), outlet_from_url("example.com")
    ('The Telegraph', 'example.com')
    """
    if not url or not url.strip():
        return None
    url = url.strip()
    try:
        parts = urlsplit(url if "//" in url else "//" + url)
        host = (parts.hostname or "").rstrip(".").lower()
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    if re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host):
        return host  # an IP address has no registrable domain
    for prefix in ("www.", "m.", "amp.", "mobile."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    if host in _BY_DOMAIN:
        return _BY_DOMAIN[host]
    domain = _registrable(host)
    return _BY_DOMAIN.get(domain, domain)


def _labels() -> dict[str, str]:
    """Known outlets by the distinctive label of their domain ("strategic-culture", "nhandan")."""
    out: dict[str, str] = {}
    for domain, outlet in _BY_DOMAIN.items():
        reg = _registrable(domain)
        label = reg.split(".")[0]
        if reg == domain and len(label) >= 5 and label not in _COMMON_WORDS | {"civil", "news"}:
            out.setdefault(label, outlet)
    return out


_BY_LABEL = _labels()


def outlet_from_filename(origin: str | None) -> str | None:
    """A known outlet named by a file's name, as people save scraped pages:
    ``nhandan.txt``, ``strategic-culture-putin.html``, ``telegraph_2016.txt``.

    >>> outlet_from_filename("x/strategic-culture.txt"), outlet_from_filename("notes.txt")
    ('Strategic Culture Foundation', None)
    """
    if not origin or origin.startswith("<"):
        return None
    stem = re.split(r"[#?]", origin)[0].replace("\\", "/").rsplit("/", 1)[-1].lower()
    stem = stem.split(".", 1)[0]
    parts = re.split(r"[-_ ]", stem)
    for n in range(len(parts), 0, -1):  # the longest leading run of words that names an outlet
        hit = _BY_LABEL.get("-".join(parts[:n]))
        if hit:
            return hit
    return None


def _name_of(chunk: str) -> str | None:
    """The outlet a credit names: its own words if they are a known name or look like one."""
    words = _outlet_words(chunk)
    if words and words.casefold() in _BY_NAME:
        return _BY_NAME[words.casefold()]
    return _name_in(chunk) if not words else words


def _name_in(text: str) -> str | None:
    """The first known outlet name in ``text``; short ones (AP, FT) only in capitals."""
    for m in _NAMES_RE.finditer(text):
        found = m.group()
        if len(found) <= 3 and not found.isupper():
            continue
        return _BY_NAME[found.casefold()]
    return None


def _outlet_words(text: str) -> str | None:
    """A name-like run at the start of ``text`` ("Foo Daily News"), for outlets not in the table."""
    text = re.sub(r"^(?i:the) ", "", text.strip(" \"'"))
    m = re.match(r"[A-Z][\w.&'-]*(?: (?:[A-Z][\w.&'-]*|of|and|de|du|la|el|al))*", text)
    if not m or len(m.group().split()) > 6 or _NOT_AN_OUTLET.fullmatch(m.group()):
        return None
    if m.group().split()[0].casefold() in _CALENDAR:
        return None
    return m.group().rstrip(".")


def masthead_name(line: str) -> str | None:
    """The outlet when the normalised ``line`` is nothing but an outlet's name ("The Telegraph")."""
    if len(line) > 80:
        return None
    return _MASTHEADS.get(line.strip(" |-:").casefold())


def outlet_from_line(line: str) -> tuple[str, str] | None:
    """(outlet, kind) when ``line`` names its outlet: kind is "masthead", "credit", "consent" or
    "copyright".

    >>> outlet_from_line("This story was reported by the Associated Press.")
    ('Associated Press', 'credit')
    >>> outlet_from_line("The Russian leader met the Turkish president.") is None
    True
    """
    probe = normalise_text(line)
    if not probe or len(probe) > 400:
        return None
    head = probe.strip(" |-:").casefold()
    if head in _MASTHEADS:
        return _MASTHEADS[head], "masthead"
    m = _CREDIT_RE.fullmatch(probe)
    if m:
        name = _name_of(m.group("o"))
        return (name, "credit") if name else None
    m = _COPYRIGHT_RE.fullmatch(probe)
    if m:
        name = _name_of(m.group("o"))
        return (name, "copyright") if name else None
    m = _CONSENT_RE.fullmatch(probe)
    if m:
        o = m.group("o") or m.group("o2")
        if _NOT_AN_OUTLET.fullmatch(o):
            return None
        name = _name_of(o)
        return (name, "consent") if name else None
    return None
