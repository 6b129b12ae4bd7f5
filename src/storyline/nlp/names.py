"""Name normalisation shared by the alias table and the canonicaliser.

Everything here folds away what differs between two spellings of one name and nothing more:
script and accents (anyascii: "Çavuşoğlu" = "Cavusoglu", "Путин" = "Putin"), case, dots,
a leading "the", a trailing possessive, honorifics in front of a person's name, and the Arabic
article glued to a surname ("al-Assad" = "Assad").
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import JaroWinkler, Levenshtein

# Words that stand before a person's name without being part of it ("Mr", "President",
# "Foreign Minister", "Kremlin spokesman"), folded. A run of them at the start is stripped.
TITLE_WORDS = frozenset(
    """
    mr mrs ms miss mx messrs dr doctor prof professor sir dame lord lady madam madame monsieur
    president presidents vice prime minister ministers foreign defence defense interior finance
    secretary general gen lt col colonel maj major capt captain cpt sgt sergeant cpl corporal adm
    admiral cmdr commander brig brigadier field marshal marshal sen senator senators rep
    representative congressman congresswoman gov governor mayor king queen prince princess crown
    sheikh shaikh emir amir sultan pope cardinal archbishop bishop rev reverend father fr sister
    brother imam rabbi chancellor premier chairman chairwoman chair chief ceo executive director
    spokesman spokeswoman spokesperson judge justice ambassador envoy deputy acting former late
    then mp mep fm kremlin white house state opposition leader
    """.split()
)
# Arabic articles written before a surname with a hyphen: "al-Assad", "el-Sisi", "ash-Sharaa".
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|as|ad|ash|at|ar|an|az|ul)-(?=\w)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_NON_WORD = re.compile(r"[^0-9a-z']+")
_ACRONYM = re.compile(r"[A-Z]{2,4}")
_DEMONYM = re.compile(r"(?:an|ish|ese|i|ic)$")


@lru_cache(maxsize=65536)
def clean_surface(text: str) -> str:
    """A mention's text as a name: no surrounding space or quotes, no "the", no possessive."""
    s = " ".join(text.split())
    s = s.strip(" \"'“”‘’«»()[]{}.,;:!?-–—")
    s = _LEADING_THE.sub("", s)
    s = _POSSESSIVE.sub("", s)
    return s.strip(" \"'“”‘’«»()[]{}.,;:!?-–—")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A key equal for spellings of one name: "U.S." -> "us", "Çavuşoğlu" -> "cavusoglu"."""
    s = anyascii(clean_surface(text)).replace(".", "").casefold()
    return " ".join(_NON_WORD.sub(" ", s.replace("’", "'")).replace("'", "").split())


@lru_cache(maxsize=65536)
def acronym_key(text: str) -> str | None:
    """"=US" for "US", "U.S." or "the US": short acronyms match only as capitals ("IS", not "is")."""
    s = clean_surface(text).replace(".", "").replace(" ", "")
    return f"={s}" if _ACRONYM.fullmatch(s) else None


def lookup_keys(text: str) -> list[str]:
    """The keys an alias table is searched with, most specific first."""
    acr = acronym_key(text)
    return [acr] if acr else [fold(text)]


@lru_cache(maxsize=65536)
def strip_titles(text: str) -> str:
    """A person's name as written, without the honorifics before it.

    >>> strip_titles("Turkish Foreign Minister Mevlut Cavusoglu"), strip_titles("Mr. Putin")
    ('Mevlut Cavusoglu', 'Putin')
    """
    words = clean_surface(text).split()
    keys = [fold(w) for w in words]
    start = 0
    for j in range(len(words) - 1):
        if keys[j] in TITLE_WORDS:
            start = j + 1
        elif not (_DEMONYM.search(keys[j]) and keys[j + 1] in TITLE_WORDS):
            break  # "Syrian President": a nationality goes with the title that follows it
    return " ".join(words[start:])


@lru_cache(maxsize=65536)
def person_tokens(text: str) -> tuple[str, ...]:
    """Folded name tokens without honorifics or an Arabic article ("al-Assad", "al Assad").

    >>> person_tokens("Syrian President Bashar al-Assad")
    ('bashar', 'assad')
    >>> person_tokens("Mr. Putin"), person_tokens("Al Gore")
    (('putin',), ('al', 'gore'))
    """
    words = strip_titles(text).split()
    tokens: list[str] = []
    for i, word in enumerate(words):
        if i > 0:
            word = _ARABIC_ARTICLE.sub("", word)
        tokens.extend(fold(word).split())
    last = len(tokens) - 1
    return tuple(t for i, t in enumerate(tokens) if i in (0, last) or t not in ("al", "el"))


# Romanisation variants of one name: Sergey/Sergei, Mikhail/Mihail, Yuri/Juri, Wladimir/Vladimir.
_TRANSLIT = [
    (re.compile(r"kh"), "h"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"(?<=[aeiou])y$"), "i"),
    (re.compile(r"y"), "i"),
    (re.compile(r"j"), "i"),
    (re.compile(r"w"), "v"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"tz|ts"), "z"),
    (re.compile(r"(.)\1"), r"\1"),
]


@lru_cache(maxsize=65536)
def translit(token: str) -> str:
    for pattern, repl in _TRANSLIT:
        token = pattern.sub(repl, token)
    return token


def similar_token(a: str, b: str) -> bool:
    """Two folded name tokens that spell one name: equal, a transliteration, an initial, a typo."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial: "V." for "Vladimir"
        return a[0] == b[0]
    ta, tb = translit(a), translit(b)
    if ta == tb:
        return True
    shortest = min(len(ta), len(tb))
    # A changed last letter flips gender or nationality more often than it is a typo:
    # Daniel/Daniela, Mario/Maria, Paul/Paula stay apart.
    if ta[:-1] == tb[:-1] or ta.rstrip("aeiou") == tb.rstrip("aeiou"):
        return False
    distance = Levenshtein.distance(ta, tb)
    if shortest >= 6 and distance <= 2 and JaroWinkler.similarity(ta, tb) >= 0.85:
        return True
    return shortest >= 4 and distance <= 1


def same_surname(a: str, b: str) -> bool:
    return a == b or translit(a) == translit(b)


def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names that can belong to one person: "Recep Tayyip" ~ "Tayyip", "Vldamir" ~ "Vladimir".

    The shorter list must match, in order, tokens of the longer one.
    """
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    i = 0
    for token in short:
        while i < len(long_) and not similar_token(token, long_[i]):
            i += 1
        if i == len(long_):
            return False
        i += 1
    return True


def slug(text: str) -> str:
    return "-".join(_NON_WORD.sub(" ", anyascii(text).casefold().replace("'", "")).split()) or "x"
