"""Quotes with speakers: direct quotations and reported speech, each tied to a canonical speaker.

Pure patterns over the clean text and the mentions NER already found: no parser runs here, so the
stage costs a small fraction of NER time. Everything is decided from local evidence:

* **Direct quotations** are the words between double quotes (``" "``, ``“ ”``, ``„ “``) or
  guillemets (``« »``), found paragraph by paragraph. Single quotes are never quote marks here: in
  running text they are apostrophes far more often, and nested quotes inside a double-quoted passage
  stay part of it. A quote left open at a paragraph end is kept only when the next paragraph opens
  with a quote mark (the newspaper convention for a quotation running over paragraphs); otherwise
  the mark is a stray and is ignored, so one bad mark cannot swallow the rest of an article.
* **Short quotes.** A quoted span of fewer than :data:`MIN_QUOTE_WORDS` words is a ``"fragment"``
  (scare quotes, a phrase borrowed inside reported speech: ``"big mistake"``, ``"win-win"``) unless
  a speech cue sits right against it (``"Crucial," he said`` / ``said: "No."``): then it is
  ``"direct"``. Fragments are returned, with the speaker of their sentence when there is one, so
  nothing quoted is lost; callers who want whole statements keep ``kind in {"direct", "reported"}``.
* **Reported speech** is a clause governed by a speech cue with a recognised subject:
  ``X said (that) ...``, ``X told reporters ...``, ``X added ...``, ``according to X, ...``,
  ``..., X said.``, and ``X announced/insisted/warned/... that ...`` (these verbs need ``that`` or a
  colon, since ``warned of`` or ``denied the charges`` report no speech). ``..., adding that ...``
  and ``... and said ...`` take the subject of their sentence. A reported clause that is mostly one
  direct quote (``added that "we are ..."``) is returned only as the direct quote.
* **Speakers.** The expression next to the cue decides: a mention (``Putin said``, ``said Putin``,
  ``Kremlin spokesman Dmitry Peskov told``, ``Mevlut Cavusoglu, the Turkish foreign minister,
  said``, ``Theodore Karasik from ... said``); ``he``/``she`` resolved to the one person who was the
  subject or speaker of the current or previous two sentences (none when there are two); a title
  (``the spokesman``, ``the Russian leader``) resolved through titles attached to names earlier in
  the article (``Kremlin spokesman Dmitry Peskov``, ``Sergei Lavrov, the Russian foreign minister``)
  or, for a title with a nationality, by elimination when exactly one person mentioned so far is not
  tied to another one; an indefinite or plural title (``a senior official``, ``officials``) is an
  anonymous source: speaker ``None`` but the cue and span are kept; organisations (``the Kremlin
  declined to comment``, ``Police have said``) speak as themselves.

``Quote.attribution`` says how the speaker was found ("name", "pronoun", "title", "org",
"anonymous", "continuation"), so a consumer can weigh a resolved title below a name.

Known limits: a quote introduced by a verb that is not a speech cue ("called for a dialogue ... a
"mutually acceptable formula"") keeps no speaker; a pronoun with two recent candidates stays
unresolved even when the nearer one is meant; a name NER missed is recognised only next to a title
("Kremlin spokesman X Y said", "X Y, the foreign minister, said") and then carries no entity id.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from storyline.records import Entity, Mention, Quote, Sentence

__all__ = ["MIN_QUOTE_WORDS", "find_quotes"]

MIN_QUOTE_WORDS = 4
# A "quotation" longer than this inside one paragraph is two stray marks, not a quote.
MAX_QUOTE_CHARS = 3000
# Subjects and titles sit close to their cue; looking further only finds the wrong noun.
_LEFT_WINDOW = 220
# A weak cue ("hailed", "called") governs a quote only when it follows within this many words.
_WEAK_REACH = 6
# A reported clause this much covered by direct quotes is returned as those quotes alone.
_COVERED = 0.6
# No clause runs longer than this (a 1 MB line with no full stop is not one sentence).
MAX_CLAUSE_CHARS = 1200
# Pronouns look back over this many remembered subjects and speakers at most.
_HISTORY_REACH = 40
# Titles are matched against at most this many earlier titles and names (an article has far fewer).
_ATT_REACH = 400

_PERSON_LABELS = {"PERSON", "PER"}
_ORG_LABELS = {"ORG", "GPE", "NORP"}

def _words(block: str) -> list[str]:
    return block.split()


# --- lexicons -----------------------------------------------------------------------------------

# Cues that report speech without needing "that": "Erdogan said they focused on ...".
_SAY = ["said", "says", "say", "told", "tells", "tell", "added", "adds"]
# Cues that report speech only with "that" or a colon: "warned of" or "denied the charges" do not.
_STRICT = _words("""announced announces insisted insists warned warns stated states noted notes
argued argues claimed claims denied denies confirmed confirms explained explains stressed stresses
emphasised emphasized emphasises emphasizes underlined underlines affirmed affirms declared declares
acknowledged acknowledges admitted admits asserted asserts reiterated reiterates replied replies
responded responds suggested suggests wrote writes tweeted tweets commented comments predicted
predicts promised promises vowed vows revealed reveals complained complains conceded concedes
disclosed discloses maintained maintains observed observes recalled recalls remarked remarks
repeated repeats indicated indicates hinted hints""")
_PARTICIPLE_SAY = ["saying", "adding", "telling"]
_PARTICIPLE_STRICT = _words("""noting warning insisting stressing arguing claiming explaining
stating emphasising emphasizing underlining affirming declaring denying confirming acknowledging
announcing suggesting admitting asserting reiterating""")
# Cues that introduce a quotation next to them but report no speech on their own.
_WEAK = _words("""hailed hails hailing called calls calling described describes describing denounced
denounces denouncing dubbed dubs termed terms labelled labeled labels branded brands praised praises
praising condemned condemns condemning criticised criticized criticises criticizes welcomed welcomes
urged urges echoed echoes echoing expressed expresses voiced voices thanked decried decries lamented
laments blamed accused demanded demands pledged pledges""")
_WEAK_MULTI = ["spoke of", "spoke about", "speaks of", "talked about", "talked of", "referred to"]
_NO_COMMENT = [
    "declined to comment", "refused to comment", "would not comment", "did not comment",
    "declined to say", "refused to say", "would not say", "did not respond",
]

_CUE_KIND: dict[str, str] = {}
for _w in _SAY:
    _CUE_KIND[_w] = "say"
for _w in _STRICT:
    _CUE_KIND[_w] = "strict"
for _w in _PARTICIPLE_SAY:
    _CUE_KIND[_w] = "part-say"
for _w in _PARTICIPLE_STRICT:
    _CUE_KIND[_w] = "part-strict"
for _w in _WEAK + _WEAK_MULTI:
    _CUE_KIND[_w] = "weak"
for _w in _NO_COMMENT:
    _CUE_KIND[_w] = "no-comment"
_CUE_KIND["according to"] = "according"
_CUE_KIND["According to"] = "according"

_CUE_RE = re.compile(
    r"(?<![\w'’-])(" + "|".join(re.escape(c) for c in sorted(_CUE_KIND, key=len, reverse=True))
    + r")(?![\w'’-])"
)

# Titles: singular form -> canonical role. Plurals are recognised by _role_plural.
_ROLES: dict[str, str] = {
    "president": "president", "vice president": "vice president",
    "vice-president": "vice president",
    "prime minister": "prime minister", "premier": "prime minister", "pm": "prime minister",
    "chancellor": "chancellor", "leader": "leader", "head of state": "leader", "king": "king",
    "queen": "queen", "emir": "emir", "monarch": "king",
    "foreign minister": "foreign minister", "fm": "foreign minister",
    "foreign secretary": "foreign minister", "secretary of state": "foreign minister",
    "defence minister": "defence minister", "defense minister": "defence minister",
    "defense secretary": "defence minister", "defence secretary": "defence minister",
    "interior minister": "interior minister", "finance minister": "finance minister",
    "economy minister": "economy minister", "energy minister": "energy minister",
    "minister": "minister", "secretary-general": "secretary-general",
    "secretary general": "secretary-general",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
    "press secretary": "spokesperson",
    "ambassador": "ambassador", "envoy": "envoy", "governor": "governor", "mayor": "mayor",
    "commander": "commander", "general": "general", "chief of staff": "chief of staff",
    "chairman": "chairman", "chairwoman": "chairman", "chief executive": "chief executive",
    "ceo": "chief executive", "director": "director", "head": "head",
    "counterpart": "counterpart",
    "official": "official", "officer": "officer", "source": "source", "aide": "aide",
    "diplomat": "diplomat", "adviser": "adviser", "advisor": "adviser", "analyst": "analyst",
    "expert": "expert", "witness": "witness", "resident": "resident", "activist": "activist",
    "lawyer": "lawyer", "lawmaker": "lawmaker", "senator": "senator", "prosecutor": "prosecutor",
    "researcher": "researcher", "professor": "professor", "negotiator": "negotiator",
}
_HEADS = {"president", "prime minister", "chancellor", "leader", "king", "queen", "emir"}
# Roles whose holders papers rarely name twice: "the official" is the one met before, unnamed.
_ANON_ROLES = {
    "official", "officer", "source", "aide", "diplomat", "adviser", "analyst", "expert",
    "witness", "resident", "activist", "lawyer", "negotiator", "researcher",
}
_IRREGULAR_PLURAL = {
    "spokesmen": "spokesman", "spokeswomen": "spokeswoman", "chairmen": "chairman",
    "secretaries of state": "secretary of state", "heads of state": "head of state",
    "sources": "source", "witnesses": "witness",
}
_ROLE_ALT = "|".join(
    re.escape(r) for r in sorted([*_ROLES, *_IRREGULAR_PLURAL], key=len, reverse=True)
)
# Role at the end of the text before a cue, optionally followed by a prepositional phrase:
# "a senior official from the ruling AKP party" told ...
_ROLE_END_RE = re.compile(
    r"(?<![\w-])(?P<role>" + _ROLE_ALT + r")(?P<pl>e?s)?(?![\w-])"
    r"(?P<pp>\s+(?:from|of|at|with|for|in|to)\s+[^,;:\"“”«»\n]{1,80}?)?\s*$",
    re.IGNORECASE,
)
_ROLE_AT_RE = re.compile(
    r"(?P<role>" + _ROLE_ALT + r")(?P<pl>e?s)?(?![\w-])", re.IGNORECASE
)
_DETS = {"the", "a", "an", "another", "one", "some", "two", "three", "several", "many", "his",
         "her", "its", "their", "our", "this", "that"}
_INDEFINITE = {"a", "an", "another", "one", "some", "two", "three", "several", "many"}
# Lower-case words that may sit inside a title ("a senior government official").
_TITLE_LOWER = _words("""senior top former deputy acting chief foreign defence defense interior
government military security presidential ruling russian turkish state party opposition local
regional western european american police army intelligence justice finance economy foreign-policy
kremlin high-ranking high-level unnamed anonymous""")
# Capitalised words inside a title that say nothing about who the holder works for.
_MOD_STOP = {"foreign", "prime", "deputy", "vice", "senior", "former", "acting", "chief", "top",
             "then", "new", "interior", "defence", "defense", "finance", "press", "state",
             "general", "the", "mr", "mrs", "ms", "dr", "his", "her", "its", "their"}
_HONORIFIC_RE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?\s+$")
_HONORIFIC_NAME_RE = re.compile(
    r"(?<![\w])(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+(?P<name>[A-Z][\w'’-]+)\s*$"
)

# Organisations papers name without a proper noun NER would tag.
_ORG_WORDS_RE = re.compile(
    r"(?<![\w-])(?P<org>(?:[Tt]he\s+)?(?:[Pp]olice|[Gg]overnment|[Mm]inistry|[Mm]ilitary|[Aa]rmy|"
    r"Kremlin|White House|Pentagon|[Ee]mbassy|[Pp]rosecutors?|[Aa]uthorities|[Cc]ourt))\s*$"
)
_PRONOUN_END_RE = re.compile(r"(?<![\w'’-])(?P<p>[Hh]e|[Ss]he|[Ii]t|[Tt]hey)\s*$")
_PRONOUN_AT_RE = re.compile(r"(?P<p>him|her|them|it|he|she)(?![\w'’-])", re.IGNORECASE)
# Words between a subject and its cue: "Peskov also said", "Police have said", "Putin, for his
# part, hailed", "Putin on Thursday said". Never "was"/"were": "X was told" reports nobody.
_TRAIL_RE = re.compile(
    r"(?:(?:\s*,)?\s+(?:also|has|have|had|later|then|earlier|previously|again|once|further|"
    r"separately|publicly|privately|repeatedly|reportedly|recently|initially|quickly|simply|"
    r"himself|herself|itself|themselves|would|will|could|may|might|did|does|do|not|never|always|"
    r"often|for (?:his|her|its|their) part|in turn|however|on (?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)|(?:this|last) (?:week|month|year|morning|afternoon|evening)|"
    r"on \w+ \d{1,2}|yesterday|today|tonight)(?:\s*,)?)*\s*$"
)
_CONJ_END_RE = re.compile(r"(?:,|(?<![\w])(?:and|but|then|or|while))\s*$")
# What may come between a cue and "that" without belonging to the reported clause.
_ADVERBIAL_THAT_RE = re.compile(
    r"\s*,?\s*(?:(?:on|in|at|during|after|before|with|to|last|this|earlier|later|yesterday|today|"
    r"tonight|again|also|repeatedly|publicly|privately|previously|recently|separately|late|early|"
    r"once|then)\b[^,\"“”«».;:\n]{0,90}?\s*,?\s*)?that\b\s*"
)
_TOLD_OBJECT_RE = re.compile(
    r"\s+(?:reporters|journalists|the press|(?:a|the) (?:news|press) (?:conference|briefing)|"
    r"(?:state |local |national )?(?:television|TV|radio|media|media outlets|newspapers?)|"
    r"lawmakers|parliament|students|supporters|him|her|them|us|me|"
    r"(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})(?=[\s,.;:]|$)"
)
_INTRO_WORDS_RE = re.compile(
    r"(?:But|And|However|Meanwhile|Still|Yet|So|Now|Instead|Also|Indeed|Separately|Moreover|"
    r"Furthermore|Previously|Then|Today|Yesterday|Overall|Nevertheless|Nonetheless)\b,?\s*"
)
_INTRO_CLAUSE_RE = re.compile(
    r"(?:After|Before|When|While|As|Since|On|In|At|During|Despite|Although|Though|If|Asked|"
    r"Speaking|Following|Under|With|For|By|From|Once|Until|Unlike|Like|Amid|Earlier|Later|Last|"
    r"This|Together|Over|Through|Throughout|Having|Responding|Addressing|Writing|According)\b"
    r"[^,\"“”«»\n]{0,160},\s*"
)
_WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")

_OPENERS = {"“": "dq", "„": "dq", "«": "gm"}
_CLOSERS_DQ = {'"', "”", "“"}
_QUOTE_CHARS_RE = re.compile(r"[\"“”„«»]")
_QUOTE_CHARS = "\"“”„«»"


# --- small records ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Ref:
    """Whom a speaker expression points at: a person, an organisation, or an unnamed source."""

    key: str
    kind: str  # "person", "org", "anon"
    name: str | None
    entity_id: str | None


@dataclass(slots=True)
class _Spk:
    ref: _Ref | None
    start: int
    end: int
    via: str  # "name", "pronoun", "title", "org", "anonymous"
    pronoun: str | None = None


@dataclass(slots=True)
class _M:
    start: int
    end: int
    text: str
    label: str
    key: str


@dataclass(slots=True)
class _Q:
    open: int  # the opening mark
    close: int | None  # the closing mark, None when left open at a paragraph end
    start: int  # the quoted words
    end: int
    words: int


@dataclass(slots=True)
class _Hit:
    cue: str
    kind: str
    cs: int
    ce: int
    sent: int
    spk: _Spk | None
    clause: tuple[int, int] | None = None
    post_quote: int | None = None  # index of the quote this cue attributes from right after it


@dataclass(slots=True)
class _Att:
    """A title attached to a named person: "Kremlin spokesman Dmitry Peskov"."""

    pos: int
    key: str
    mods: frozenset[str]
    role: str


# --- public API ---------------------------------------------------------------------------------


def find_quotes(
    article_id: str,
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    entities: Mapping[str, Entity] | None = None,
) -> list[Quote]:
    """Direct quotations and reported speech in ``text``, with speakers, sorted by position.

    ``sentences`` and ``mentions`` are those of the same clean text (any order); ``entities`` maps
    ``Mention.entity_id`` to its canonical :class:`Entity`, whose name becomes the speaker's name.

    >>> t = '"We can talk with Russia on every issue," Mr Lavrov said.'
    >>> m = Mention("a", 44, 50, "Lavrov", "PERSON")
    >>> [(q.text, q.kind, q.speaker, q.cue) for q in find_quotes("a", t, [], [m])]
    [('We can talk with Russia on every issue', 'direct', 'Lavrov', 'said')]
    """
    if not text or not text.strip():
        return []
    return _Finder(article_id, text, sentences, mentions, entities or {}).run()


# --- the finder ---------------------------------------------------------------------------------


class _Finder:
    def __init__(
        self,
        article_id: str,
        text: str,
        sentences: Sequence[Sentence],
        mentions: Sequence[Mention],
        entities: Mapping[str, Entity],
    ) -> None:
        self.aid = article_id
        self.text = text
        self.entities = entities
        self.sents = _sentence_bounds(text, sentences)
        self.sent_starts = [s for s, _ in self.sents]
        self.refs: dict[str, _Ref] = {}
        self.mentions = self._prepare_mentions(mentions)
        self.m_starts = [m.start for m in self.mentions]
        self.m_by_end: dict[int, list[_M]] = {}
        for m in self.mentions:
            self.m_by_end.setdefault(m.end, []).append(m)
        self.surnames: dict[str, str] = self._surname_index()
        self.quotes = _quote_spans(text)
        self.q_opens = [q.open for q in self.quotes]
        self.atts: list[_Att] = self._attachments()
        self.history: list[tuple[int, int, str]] = []  # (sentence, position, ref key)
        self.anon_by_role: dict[str, str] = {}
        self.title_memo: dict[tuple[int, int], _Spk] = {}

    # -- mentions and references ---------------------------------------------------------------

    def _prepare_mentions(self, mentions: Sequence[Mention]) -> list[_M]:
        text = self.text
        raw: list[tuple[int, int, str, str, str | None]] = []
        for m in mentions:
            s, e = max(0, m.start), min(len(text), m.end)
            if e <= s:
                continue
            seg = text[s:e]
            # NER may run a name across a quote mark ('Syria",Cavusoglu'): keep the name side.
            q = [i for i, ch in enumerate(seg) if ch in _QUOTE_CHARS]
            if q:
                after = seg[q[-1] + 1 :]
                if re.search(r"[A-Za-z]", after):
                    s = s + q[-1] + 1
                else:
                    e = s + q[0]
            while s < e and not (text[s].isalnum()):
                s += 1
            while e > s and not text[e - 1].isalnum():
                e -= 1
            if text[s:e].endswith(("'s", "’s")):
                e -= 2
            if e <= s:
                continue
            label = "PERSON" if m.label in _PERSON_LABELS else m.label
            raw.append((s, e, text[s:e], label, m.entity_id))
        raw.sort()
        # A surname NER labelled ORG/GPE ("Cavusoglu said") is the person named in full elsewhere.
        person_keys: dict[str, set[str]] = {}
        for _s, _e, t, label, eid in raw:
            if label == "PERSON":
                person_keys.setdefault(_surname(t), set()).add(f"e:{eid}" if eid else "")
        out: list[_M] = []
        for s, e, t, label, eid in raw:
            sur = _surname(t)
            if label != "PERSON" and " " not in t and sur in person_keys:
                label = "PERSON"
                ids = {k for k in person_keys[sur] if k}
                eid = ids.pop()[2:] if len(ids) == 1 else None
            if label == "PERSON":
                key = f"e:{eid}" if eid else f"s:{sur}"
                if not eid:
                    ids = {k for k in person_keys.get(sur, set()) if k}
                    if len(ids) == 1:
                        key = next(iter(ids))
                        eid = key[2:]
                kind = "person"
            elif label in _ORG_LABELS or label in {"LOC", "FAC"}:
                key = f"e:{eid}" if eid else f"o:{_fold(t)}"
                kind = "org"
            else:
                continue
            out.append(_M(s, e, t, label, key))
            self._note_ref(key, kind, t, eid)
        return out

    def _note_ref(self, key: str, kind: str, surface: str, eid: str | None) -> None:
        ent = self.entities.get(eid) if eid else None
        shown = _display(surface)
        ref = self.refs.get(key)
        if ref is None:
            name = ent.name if ent is not None else shown
            self.refs[key] = _Ref(key, kind, name, eid)
        elif ent is None and len(shown) > len(ref.name or ""):
            ref.name = shown

    def _surname_index(self) -> dict[str, str]:
        found: dict[str, set[str]] = {}
        for m in self.mentions:
            if m.label == "PERSON":
                found.setdefault(_surname(m.text), set()).add(m.key)
        return {s: next(iter(keys)) for s, keys in found.items() if len(keys) == 1}

    def _mention_ending(self, e: int, lo: int) -> _M | None:
        for m in self.m_by_end.get(e, []):
            if m.start >= lo:
                return m
        return None

    def _mentions_between(self, lo: int, hi: int) -> list[_M]:
        i = bisect.bisect_left(self.m_starts, lo)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < hi:
            if self.mentions[i].end <= hi:
                out.append(self.mentions[i])
            i += 1
        return out

    def _spk_for_mention(self, m: _M) -> _Spk:
        ref = self.refs[m.key]
        return _Spk(ref, m.start, m.end, "name" if ref.kind == "person" else "org")

    # -- titles attached to names --------------------------------------------------------------

    def _attachments(self) -> list[_Att]:
        text = self.text
        out: list[_Att] = []
        for m in self.mentions:
            if m.label != "PERSON":
                continue
            lo = max(0, m.start - 120)
            before = text[lo : m.start]
            before = _HONORIFIC_RE.sub("", before) if _HONORIFIC_RE.search(before) else before
            stripped = before.rstrip().rstrip(",").rstrip()
            # "Kremlin spokesman Dmitry Peskov", "Turkey's FM Mevlut Cavusoglu", "spokesman, Peskov"
            if stripped and len(before) - len(stripped) <= 3:
                hit = _ROLE_AT_END.search(stripped)
                # an irregular plural ("sources") names no one, like a regular one
                if hit and not hit.group("pl") and hit.group("role").lower() in _ROLES:
                    np = self._title_np(lo, lo + hit.start("role"))
                    out.append(_Att(m.start, m.key, np[2], _ROLES[hit.group("role").lower()]))
            # "Sergei Lavrov, the Russian foreign minister," / "Erdogan, the Turkish president,"
            after = text[m.end : m.end + 120]
            app = _APPOS_AFTER_RE.match(after)
            if app and app.group("role").lower() in _ROLES:  # plurals ("sources") name no one
                role = app.group("role").lower()
                mods = _affiliations(app.group("mods").split())
                out.append(_Att(m.start, m.key, mods, _ROLES[role]))
        out.sort(key=lambda a: a.pos)
        return out

    def _title_np(self, lo: int, role_start: int) -> tuple[int, str | None, frozenset[str]]:
        """Walk left from a title's role word over its modifiers: start, determiner, affiliation."""
        text = self.text
        start = role_start
        det: str | None = None
        mods: list[str] = []
        words = list(re.finditer(r"[\w'’.-]+", text[max(lo, role_start - 80) : role_start]))
        base = max(lo, role_start - 80)
        for w in reversed(words):
            gap = text[base + w.end() : start]
            if gap.strip():
                break
            tok = w.group()
            low = tok.lower()
            if low in _DETS:
                det = low
                start = base + w.start()
                break
            if tok[0].isupper() or low.endswith(("'s", "’s", "s'")) or low in _TITLE_LOWER:
                if tok[0].isupper() or low.endswith(("'s", "’s")):
                    mods.append(tok)
                    if low.endswith(("'s", "’s", "s'")):
                        det = det or "poss"
                start = base + w.start()
                continue
            break
        return start, det, _affiliations(mods)

    def _resolve_title(
        self, np_start: int, np_end: int, det: str | None, mods: frozenset[str], role: str,
        plural: bool,
    ) -> _Spk:
        memo = self.title_memo.get((np_start, np_end))
        if memo is not None:
            return memo
        if plural:
            spk = _Spk(None, np_start, np_end, "anonymous")
        elif det in _INDEFINITE:
            spk = self._anon(np_start, np_end, role, new=True)
        elif det == "unresolvable":
            spk = (self._anon(np_start, np_end, role, new=False) if role in _ANON_ROLES
                   else _Spk(None, np_start, np_end, "title"))
        else:
            key = self._title_candidate(np_start, mods, role)
            if key is not None:
                self.atts.append(_Att(np_start, key, mods, role))
                spk = _Spk(self.refs[key], np_start, np_end, "title")
            elif role in _ANON_ROLES:
                spk = self._anon(np_start, np_end, role, new=False)
            else:
                spk = _Spk(None, np_start, np_end, "title")
        self.title_memo[(np_start, np_end)] = spk
        return spk

    def _anon(self, start: int, end: int, role: str, *, new: bool) -> _Spk:
        key = self.anon_by_role.get(role)
        if new or key is None:
            key = f"anon:{role}:{start}"
            self.anon_by_role[role] = key
            self.refs[key] = _Ref(key, "anon", None, None)
        return _Spk(self.refs[key], start, end, "anonymous")

    def _title_candidate(self, pos: int, mods: frozenset[str], role: str) -> str | None:
        before = [a for a in self.atts[-_ATT_REACH:] if a.pos < pos]
        fits = [a for a in before if _role_fits(role, a.role)]
        # 1. a title given to a name with the same affiliation ("Russian President Vladimir Putin").
        tier1 = {a.key for a in fits if mods <= a.mods}
        if len(tier1) == 1:
            return next(iter(tier1))
        if tier1 or not mods or role in _ANON_ROLES:
            return None
        affil: dict[str, set[str]] = {}
        for a in before:
            affil.setdefault(a.key, set()).update(a.mods)

        def free(key: str) -> bool:  # not tied to another country or body
            return not affil.get(key) or bool(affil[key] & mods)

        # 2. the same title given without an affiliation ("President Recep Tayyip Erdogan").
        tier2 = {a.key for a in fits if not a.mods and free(a.key)}
        if len(tier2) == 1:
            return next(iter(tier2))
        if tier2 or role not in _HEADS:
            return None
        # 3. by elimination: the one person named so far who is tied to no other country.
        upto = bisect.bisect_left(self.m_starts, pos)
        tier3 = {
            m.key for m in self.mentions[max(0, upto - _ATT_REACH) : upto]
            if m.label == "PERSON" and free(m.key) and not _inside(self, m.start)
        }
        return next(iter(tier3)) if len(tier3) == 1 else None

    # -- pronouns and subjects -----------------------------------------------------------------

    def _resolve_pronoun(self, start: int, end: int, pron: str, sent: int) -> _Spk:
        low = pron.lower()
        if low not in {"he", "she", "him", "her"}:
            return _Spk(None, start, end, "pronoun", low)
        seen: set[str] = set()
        for si, p, k in reversed(self.history[-_HISTORY_REACH:]):
            if si < sent - 2:
                break
            if si <= sent and p < start:
                seen.add(k)
        if len(seen) == 1:
            ref = self.refs[next(iter(seen))]
            return _Spk(ref, start, end, "anonymous" if ref.kind == "anon" else "pronoun", low)
        return _Spk(None, start, end, "pronoun", low)

    def _remember(self, sent: int, spk: _Spk | None) -> None:
        if spk is not None and spk.ref is not None and spk.ref.kind in {"person", "anon"}:
            self.history.append((sent, spk.start, spk.ref.key))

    def _sentence_subject(self, si: int) -> _Spk | None:
        text = self.text
        s, e = self.sents[si]
        p = s
        for _ in range(4):
            m = _INTRO_WORDS_RE.match(text, p, e) or _INTRO_CLAUSE_RE.match(text, p, e)
            if not m or m.end() == p:
                break
            p = m.end()
        if p >= e or text[p] in _QUOTE_CHARS or _inside(self, p):
            return None
        return self._np_at(p, e, si, subject=True)

    def _np_at(self, p: int, hi: int, si: int, *, subject: bool = False) -> _Spk | None:
        """The speaker expression starting at ``p``: a name (after its title), pronoun or title."""
        text = self.text
        hi = min(hi, p + 120)
        first: _M | None = None
        for m in self._mentions_between(p, hi):
            lead = text[p : m.start]
            if lead and not _TITLE_LEAD_RE.fullmatch(lead):
                break
            if m.label == "PERSON":
                # "Mr. Putin's visit came ...": a possessor, not a subject
                return None if text.startswith(("'s", "’s"), m.end) else self._spk_for_mention(m)
            if not lead and first is None:
                first = m
        pm = _PRONOUN_AT_RE.match(text, p, hi)
        if pm and (not subject or pm.group("p").lower() in {"he", "she"}):
            return self._resolve_pronoun(p, pm.end(), pm.group("p"), si)
        tm = _TITLE_AT_RE.match(text, p, hi)
        if tm:
            role = _role_of(tm.group("role"), tm.group("pl"))
            if role is not None:
                canon, plural = role
                np_end = tm.end("role") + len(tm.group("pl") or "")
                det = tm.group("det").lower() if tm.group("det") else None
                det = "poss" if det and det.endswith(("'s", "’s")) else det
                mods = _affiliations((tm.group("mods") or "").split())
                return self._resolve_title(p, np_end, det, mods, canon, plural)
        bare = _BARE_PLURAL_RE.match(text, p, hi)
        if bare:  # "according to officials", "sources said"
            return _Spk(None, p, bare.end(), "anonymous")
        if first is not None:
            if text.startswith(("'s", "’s"), first.end):
                return None
            return self._spk_for_mention(first)
        om = _ORG_AT_RE.match(text, p, hi)
        if om:
            return _Spk(self._org_ref(om.group("org")), p, om.end("org"), "org")
        return None

    def _org_ref(self, surface: str) -> _Ref:
        name = re.sub(r"^[Tt]he\s+", "", surface)
        key = f"o:{_fold(name)}"
        if key not in self.refs:
            self.refs[key] = _Ref(key, "org", name[:1].upper() + name[1:], None)
        return self.refs[key]

    # -- the speaker next to a cue -------------------------------------------------------------

    def _left_speaker(self, cue_start: int, lo: int, si: int) -> _Spk | None:
        text = self.text
        lo = max(lo, cue_start - _LEFT_WINDOW)
        seg = text[lo:cue_start]
        tm = _TRAIL_RE.search(seg)
        e = lo + (tm.start() if tm else len(seg))
        region = text[lo:e]
        if not region.strip():
            return None
        # "Mevlut Cavusoglu, the Turkish foreign minister, said"
        if region.endswith(","):
            app = _APPOS_BEFORE_RE.search(region)
            if app:
                head_end = lo + app.start()
                m = self._mention_ending(head_end, lo)
                if m is not None and m.label == "PERSON":
                    return self._spk_for_mention(m)
                inner = self._mention_ending(e - 1, lo + app.start())
                if inner is not None and inner.label == "PERSON":
                    return self._spk_for_mention(inner)
                # "Mevlut Cavusoglu, the Turkish foreign minister, said" with the name untagged
                nm = _NAME_END_RE.search(text, lo, head_end)
                if nm and _ROLE_AT_RE.search(app.group()):
                    return self._unknown_person(nm.start("name"), nm.end("name"))
            return None
        # "a senior official from the ruling AKP party told", "the Russian leader added"
        rm = _ROLE_END_RE.search(region)
        if rm:
            role = _role_of(rm.group("role"), rm.group("pl"))
            inner = self._mention_ending(e, lo)
            named_after = inner is not None and inner.label == "PERSON" and not rm.group("pp")
            if role is not None and not named_after:
                canon, plural = role
                np_start, det, mods = self._title_np(lo, lo + rm.start("role"))
                if det in {"his", "her", "its", "their", "our", "this", "that"}:
                    det = "the"
                if rm.group("pp"):
                    # "the spokesman for the Kremlin" names its body; "the leader of the
                    # opposition party" names none, so no earlier "leader" may stand for it.
                    pp_mods = _affiliations(rm.group("pp").split()[1:])
                    if not pp_mods and det not in _INDEFINITE:
                        det = "unresolvable"
                    mods = mods | pp_mods
                np_end = lo + rm.end("role") + len(rm.group("pl") or "")
                return self._resolve_title(np_start, np_end, det, mods, canon, plural)
        # "Theodore Karasik from the Washington-based think-tank Gulf State Analytics said"
        for m in reversed(self._mentions_between(lo, e)):
            if m.label == "PERSON" and _PP_TAIL_RE.fullmatch(text[m.end : e]):
                return self._spk_for_mention(m)
        m = self._mention_ending(e, lo)
        if m is not None:
            return self._spk_for_mention(m)
        # "Kremlin spokesman Dmitry Peskov told" with the name untagged: a title vouches for it
        nm = _NAME_END_RE.search(region)
        if nm:
            titled = _ROLE_AT_END.search(text[max(lo, lo + nm.start() - 60) : lo + nm.start()])
            if titled and not titled.group("pl"):
                return self._unknown_person(lo + nm.start("name"), lo + nm.end("name"))
        hm = _HONORIFIC_NAME_RE.search(region)
        if hm:
            sur = hm.group("name").lower()
            key = self.surnames.get(sur)
            if key is not None:
                return _Spk(self.refs[key], lo + hm.start(), e, "name")
            key = f"s:{sur}"
            self.refs.setdefault(key, _Ref(key, "person", _display(hm.group(0)), None))
            return _Spk(self.refs[key], lo + hm.start(), e, "name")
        nm = re.search(r"(?<![\w'’-])([A-Z][\w'’-]+)\s*$", region)
        if nm and nm.group(1).lower() in self.surnames:
            key = self.surnames[nm.group(1).lower()]
            return _Spk(self.refs[key], lo + nm.start(1), e, "name")
        pm = _PRONOUN_END_RE.search(region)
        if pm:
            return self._resolve_pronoun(lo + pm.start("p"), lo + pm.end("p"), pm.group("p"), si)
        om = _ORG_WORDS_RE.search(region)
        if om:
            return _Spk(self._org_ref(om.group("org")), lo + om.start("org"), e, "org")
        return None

    def _unknown_person(self, start: int, end: int) -> _Spk:
        name = self.text[start:end]
        key = self.surnames.get(_surname(name)) or f"s:{_surname(name)}"
        if key not in self.refs:
            self.refs[key] = _Ref(key, "person", name, None)
            self.surnames[_surname(name)] = key
        return _Spk(self.refs[key], start, end, "name")

    def _right_speaker(self, p: int, hi: int, si: int) -> _Spk | None:
        text = self.text
        while p < hi and text[p] in " \t":
            p += 1
        if p >= hi:
            return None
        return self._np_at(p, hi, si)

    # -- passes --------------------------------------------------------------------------------

    def run(self) -> list[Quote]:
        hits = self._hits()
        quotes = self._direct(hits)
        quotes += self._reported(hits)
        quotes.sort(key=lambda q: (q.start, q.end, q.kind))
        out: list[Quote] = []
        seen: set[tuple[int, int, str]] = set()
        for q in quotes:
            k = (q.start, q.end, q.kind)
            if k not in seen:
                seen.add(k)
                out.append(q)
        return out

    def _hits(self) -> list[_Hit]:
        text = self.text
        cues: list[re.Match[str]] = [
            m for m in _CUE_RE.finditer(text) if not _inside(self, m.start())
        ]
        by_sent: dict[int, list[re.Match[str]]] = {}
        for m in cues:
            by_sent.setdefault(self._sent_of(m.start()), []).append(m)
        hits: list[_Hit] = []
        for si in range(len(self.sents)):
            subj = self._sentence_subject(si)
            if subj is not None:
                self._remember(si, subj)
            last: _Spk | None = None
            for m in by_sent.get(si, []):
                hit = self._hit(m, si, subj, last)
                if hit is None:
                    continue
                hits.append(hit)
                if hit.spk is not None:
                    self._remember(si, hit.spk)
                    if hit.spk.ref is not None or last is None:
                        last = hit.spk
        return hits

    def _hit(
        self, m: re.Match[str], si: int, subj: _Spk | None, last: _Spk | None
    ) -> _Hit | None:
        text = self.text
        cue = m.group(1)
        kind = _CUE_KIND[cue]
        cs, ce = m.span(1)
        s, e = self.sents[si]
        # everything below looks at a window around the cue, so a huge sentence costs no more
        if cs - s > MAX_CLAUSE_CHARS:
            s = text.find(" ", cs - MAX_CLAUSE_CHARS, cs) + 1 or cs - MAX_CLAUSE_CHARS
        e = min(e, ce + MAX_CLAUSE_CHARS)
        qi_before = self._quote_closing_before(cs, s)
        lo = s
        if qi_before is not None:
            lo = max(lo, (self.quotes[qi_before].close or self.quotes[qi_before].end) + 1)
        hit = _Hit(cue.lower(), kind, cs, ce, si, None)
        if kind == "according":
            spk = self._right_speaker(ce, e, si)
            if spk is None:
                return None
            hit.spk = spk
            hit.clause = self._according_clause(s, e, cs, spk.end)
            return hit
        left = text[max(lo, cs - _LEFT_WINDOW) : cs]
        if kind in {"part-say", "part-strict"} or (kind == "weak" and cue.endswith("ing")):
            spk = None
            if not _CONJ_END_RE.search(left):
                spk = self._left_speaker(cs, lo, si)
            if spk is None:
                spk = last or subj
            hit.spk = spk
        else:
            if _CONJ_END_RE.search(left) and not left.rstrip().endswith(","):
                hit.spk = last or subj
            else:
                hit.spk = self._left_speaker(cs, lo, si)
                if hit.spk is None and re.search(r"[,\"“”«»]\s*$", text[max(s, cs - 5) : cs]):
                    hit.spk = self._right_speaker(ce, e, si)  # '..., said Mr Lavrov.'
                    if hit.spk is not None:
                        hit.ce = ce
        if hit.spk is None:
            return None
        # a cue right after a closing quote attributes that quote: '"...," Putin said.'
        if qi_before is not None:
            q = self.quotes[qi_before]
            close_end = (q.close if q.close is not None else q.end) + 1
            gap_start = min(hit.spk.start, cs)
            if close_end <= gap_start and _ATTRIBUTION_GAP_RE.fullmatch(text, close_end, gap_start):
                tail = text[ce:e]
                ended = bool(re.search(r"[.!?]\s*$", text[q.start : q.end]))
                if not (ended and re.match(r"\s+that\b", tail)):
                    hit.post_quote = qi_before
        if kind == "no-comment":
            hit.clause = (cs, _trim_end(text, cs, e))
        elif hit.post_quote is None and kind in {"say", "strict", "part-say", "part-strict"}:
            hit.clause = self._clause(hit, s, e)
        return hit

    def _quote_closing_before(self, pos: int, s: int) -> int | None:
        i = bisect.bisect_left(self.q_opens, pos) - 1
        while i >= 0:
            q = self.quotes[i]
            end = q.close if q.close is not None else q.end
            if end < pos and end >= s - 1:
                return i
            if q.open < s:
                return None
            i -= 1
        return None

    def _clause(self, hit: _Hit, s: int, e: int) -> tuple[int, int] | None:
        text = self.text
        p = hit.ce
        if hit.cue in {"told", "tells", "tell", "telling"}:
            tm = re.compile(r"\s+(?:[^\s,.;:\"“”«»]+\s+){0,7}?that\b\s*").match(text, p, e)
            if tm and not re.search(r"\b(?:said|told|added)\b", tm.group()):
                return self._forward(tm.end(), e)
            om = _TOLD_OBJECT_RE.match(text, p, e)
            if om is None:
                return None
            p = om.end()
        am = _ADVERBIAL_THAT_RE.match(text, p, e)
        if am:
            return self._forward(am.end(), e)
        if hit.kind in {"strict", "part-strict"}:
            cm = re.compile(r"\s*:\s*").match(text, p, e)
            return self._forward(cm.end(), e) if cm else None
        # '..., the countries' foreign ministers said on Friday, in a major ...': the clause is
        # before the subject when nothing but an adverbial follows the cue.
        stop = _CLAUSE_STOP_RE.search(text, p, e)
        tail_words = _count_words(text, p, stop.start() if stop else e, 7)
        adverbial = _ADVERBIAL_RE.match(text, p, e)
        if hit.spk is not None and ((tail_words <= 6 and adverbial) or _blank(text, p, e)):
            before_end = min(hit.spk.start, hit.cs)
            bm = re.compile(r",\s*$").search(text, max(s, before_end - 5), before_end)
            if bm and _count_words(text, s, bm.start(), 3) >= 3:
                return s, _trim_end(text, s, bm.start())
        cm = re.compile(r"\s*[,:]\s*").match(text, p, e)
        return self._forward(cm.end() if cm else p, e)

    def _forward(self, p: int, e: int) -> tuple[int, int] | None:
        text = self.text
        while p < e and text[p].isspace():
            p += 1
        if e < len(text) and e - p >= MAX_CLAUSE_CHARS and not text[e].isspace():
            e = p + max(text.rfind(" ", p, e) - p, 0)  # cut at a space, not inside a word
        # "told reporters in Moscow on July 4." reports nothing; "said on Thursday the deal ..."
        # reports what follows the adverbial.
        lead = _LEAD_ADVERBIAL_RE.match(text, p, e)
        if lead:
            p = lead.end()
        end = _trim_end(text, p, e)
        if _count_words(text, p, end, 3) < 3:
            return None
        return p, end

    def _according_clause(self, s: int, e: int, cs: int, spk_end: int) -> tuple[int, int] | None:
        text = self.text
        after = re.compile(r"[^,\n]{0,60}?,\s*").match(text, spk_end, e)
        if text[s:cs].strip() == "" and after:  # "According to him, Russia was ..."
            return self._forward(after.end(), e)
        before = text[s:cs].rstrip()
        if before.endswith(","):  # "Russia was ..., according to Peskov."
            end = _trim_end(text, s, s + len(text[s:cs].rstrip()) - 1)
            return (s, end) if _count_words(text, s, end, 3) >= 3 else None
        return None

    def _direct(self, hits: list[_Hit]) -> list[Quote]:
        text = self.text
        by_post = {h.post_quote: h for h in hits if h.post_quote is not None}
        hits_by_sent: dict[int, list[_Hit]] = {}
        for h in hits:
            hits_by_sent.setdefault(h.sent, []).append(h)
        ends_by_sent = {si: [h.ce for h in hs] for si, hs in hits_by_sent.items()}
        out: list[Quote] = []
        prev: tuple[_Q, _Hit | None, Quote | None] | None = None
        for qi, q in enumerate(self.quotes):
            si = self._sent_of(q.open)
            hit: _Hit | None = by_post.get(qi)
            adjacent = hit is not None
            via: str | None = None
            near: list[_Hit] = []
            if si in hits_by_sent:
                upto = bisect.bisect_right(ends_by_sent[si], q.open)
                near = hits_by_sent[si][max(0, upto - 8) : upto]
            if hit is None:
                hit, adjacent = self._pre_hit(q, near)
            if hit is None:
                for h in reversed(near):
                    if h.clause and h.clause[0] <= q.open and q.end <= h.clause[1]:
                        hit = h
                        break
            if (hit is None and prev is not None and prev[2] is not None
                    and self._continues(prev[0], prev[1], q)):
                hit = prev[1]
                via = "continuation"
            kind = "direct" if q.words >= MIN_QUOTE_WORDS or adjacent else "fragment"
            sent_start = self.sents[si][0]
            last_pos = q.close if q.close is not None else q.end - 1
            sent_end = self.sents[self._sent_of(last_pos)][1]
            quote = Quote(
                article_id=self.aid, start=q.start, end=q.end, text=text[q.start : q.end],
                kind=kind, sentence_start=sent_start, sentence_end=sent_end,
            )
            if hit is not None:
                if adjacent and hit.post_quote == qi:
                    quote.sentence_end = max(sent_end, self.sents[hit.sent][1])
                _fill_speaker(quote, hit, via)
            out.append(quote)
            prev = (q, hit, quote if hit is not None and hit.spk is not None else None)
        # A quotation running over paragraphs is often attributed only in its last one.
        for i in range(len(out) - 2, -1, -1):
            q, nxt = self.quotes[i], out[i + 1]
            if (out[i].cue is None and q.close is None and nxt.cue is not None
                    and self._continues(q, None, self.quotes[i + 1])):
                for name in ("speaker", "speaker_entity_id", "speaker_start", "speaker_end", "cue"):
                    setattr(out[i], name, getattr(nxt, name))
                out[i].attribution = "continuation" if nxt.speaker_start is not None else None
        return out

    def _pre_hit(self, q: _Q, hits: list[_Hit]) -> tuple[_Hit | None, bool]:
        text = self.text
        for h in reversed(hits):
            if h.ce > q.open or h.spk is None:
                continue
            between = text[h.ce : q.open]
            words = _count_words(text, h.ce, q.open, _WEAK_REACH + 1)
            if h.kind == "no-comment":
                continue
            reach_ok = h.kind in {"say", "part-say", "according"} or words <= _WEAK_REACH or (
                h.kind in {"strict", "part-strict"} and h.clause is not None
            )
            if not reach_ok:
                continue
            # 'said: "No."' makes a short quote a statement; 'spoke of "contradictions"' does not
            adjacent = h.kind != "weak" and bool(re.fullmatch(r"\s*(?:that\s*)?[:,]?\s*", between))
            return h, adjacent
        return None, False

    def _continues(self, pq: _Q, ph: _Hit | None, q: _Q) -> bool:
        """'"A," Putin said. "B."' or a quotation running on into the next paragraph."""
        text = self.text
        pend = (pq.close if pq.close is not None else pq.end) + 1
        between = text[pend : q.open]
        if pq.close is None:
            return bool(re.fullmatch(r"[\s,;:]*", between))
        if "\n" in between:
            return False
        if ph is None or ph.post_quote is None:
            return bool(re.fullmatch(r"[\s.,;:!?]*", between))
        # only the attribution sits between: ' Putin said. ' / ' the official said, speaking ... '
        rest = text[ph.ce : q.open]
        if "\n" in rest:
            return False
        if not re.fullmatch(r"[^\"“”«».!?]{0,80}[.!?]?\s*", rest):
            return False
        qs = self._sent_of(q.open)
        return self.sents[qs][0] >= ph.ce or qs == ph.sent

    def _reported(self, hits: list[_Hit]) -> list[Quote]:
        text = self.text
        out: list[Quote] = []
        spans = [(q.start, q.end) for q in self.quotes if q.words >= MIN_QUOTE_WORDS]
        starts = [s for s, _ in spans]
        for h in hits:
            if h.clause is None or h.spk is None:
                continue
            if h.spk.via == "pronoun" and h.spk.pronoun not in {"he", "she", "him", "her"}:
                continue
            cs, ce = h.clause
            if ce <= cs:
                continue
            covered = 0
            i = bisect.bisect_left(starts, cs)
            while i < len(spans) and spans[i][0] < ce:
                covered += max(0, min(ce, spans[i][1]) - spans[i][0])
                i += 1
            if covered >= _COVERED * (ce - cs):
                continue
            s, e = self.sents[h.sent]
            quote = Quote(
                article_id=self.aid, start=cs, end=ce, text=text[cs:ce], kind="reported",
                sentence_start=min(s, cs), sentence_end=max(e, ce),
            )
            _fill_speaker(quote, h, None)
            out.append(quote)
        return out

    def _sent_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)


# --- helpers ------------------------------------------------------------------------------------

_ROLE_AT_END = re.compile(
    r"(?<![\w-])(?P<role>" + _ROLE_ALT + r")(?P<pl>e?s)?\s*$", re.IGNORECASE
)
_APPOS_AFTER_RE = re.compile(
    r",\s+(?:the|a|an|[A-Z][\w'’-]*['’]s)\s+(?P<mods>(?:[\w'’.-]+\s+){0,4}?)(?P<role>"
    + _ROLE_ALT + r")(?![\w-])(?:\s+(?:of|for|to|at)\s+[^,;.]{1,50})?\s*[,;.]",
    re.IGNORECASE,
)
_APPOS_BEFORE_RE = re.compile(
    r",\s*(?:(?:the|a|an|his|her|its|their|[A-Z][\w'’-]*)\b[^,\"“”«»;:\n]{0,80}),\s*$"
)
# Between a closing quote and its speaker: punctuation, then at most a title ("Kremlin spokesman").
_ATTRIBUTION_GAP_RE = re.compile(
    r"[\s,;:.!?\-–—]*(?:[Tt]he\s+)?(?:(?:[A-Z][\w'’.-]*|" + _ROLE_ALT + r")\s+){0,5}"
)
# A name NER missed, known by its shape and what stands around it: two to four capitalised words.
_NAME_END_RE = re.compile(r"(?<![\w'’.-])(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})\s*$")
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_LEAD_ADVERBIAL_RE = re.compile(
    r"(?:(?:in|on|at|during|from|to|with|by)\s+(?:the\s+)?(?:[A-Z][\w'’-]*|\d+)"
    r"(?:\s+(?:[A-Z][\w'’-]*|\d{1,4}))*,?(?:\s+|$)"
    r"|(?:in|on|at|during|to|with)\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:(?:written|joint|"
    r"televised|brief|separate|short)\s+)?(?:statement|interview|speech|comments?|remarks|"
    r"briefing|(?:news|press) conference|tweet|post|letter|address|television|TV|radio)"
    r",?(?:\s+|$)"
    r"|(?:" + _WEEKDAYS + r"|yesterday|today)\b,?\s*)+"
)
_CLAUSE_STOP_RE = re.compile(r"[,;]")
_ADVERBIAL_RE = re.compile(
    r"\s*(?:on|in|at|during|after|before|this|last|earlier|later|yesterday|today|,|\.|$)"
)
_BLANK_RE = re.compile(r"[\s.!?]*")
_PP_TAIL_RE = re.compile(r"\s+(?:from|of|at|with)\s+[^,;:\"“”«»\n]{1,90}")
_TITLE_LEAD_RE = re.compile(
    r"(?:(?:[Tt]he\s+)?(?:[A-Z][\w'’.-]*|" + _ROLE_ALT + r"|(?:Mr|Mrs|Ms|Dr)\.?)[\s,]+){1,5}"
)
_TITLE_AT_RE = re.compile(
    r"(?P<det>[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne|[A-Z][\w'’-]*['’]s)\s+"
    r"(?P<mods>(?:(?:[A-Z][\w'’-]*|" + "|".join(_TITLE_LOWER) + r")\s+){0,4}?)"
    r"(?P<role>" + _ROLE_ALT + r")(?P<pl>e?s)?(?![\w-])",
)
_BARE_PLURAL_RE = re.compile(
    r"(?:officials|sources|diplomats|analysts|experts|witnesses|residents|activists|observers)"
    r"(?![\w-])"
)
_ORG_AT_RE = re.compile(
    r"(?P<org>(?:[Tt]he\s+)?(?:[Pp]olice|[Gg]overnment|[Mm]inistry|[Mm]ilitary|[Aa]rmy|Kremlin|"
    r"White House|Pentagon|[Ee]mbassy|[Pp]rosecutors?|[Aa]uthorities))(?![\w-])"
)


def _role_of(word: str, plural_suffix: str | None) -> tuple[str, bool] | None:
    low = word.lower()
    if low in _IRREGULAR_PLURAL:
        return _ROLES[_IRREGULAR_PLURAL[low]], True
    canon = _ROLES.get(low)
    if canon is None:
        return None
    return canon, bool(plural_suffix)


def _role_fits(title: str, attached: str) -> bool:
    if title == attached:
        return True
    if (title == "leader" and attached in _HEADS) or (attached == "leader" and title in _HEADS):
        return True
    return title == "minister" and attached.endswith("minister")


def _affiliations(words: Sequence[str]) -> frozenset[str]:
    """Capitalised modifiers of a title as comparable keys: Turkish/Turkey's -> "turk"."""
    out = set()
    for w in words:
        w = re.sub(r"['’]s?$", "", w.strip(",."))
        if not w or not w[0].isupper() or w.lower() in _MOD_STOP:
            continue
        # Adjective and country share a stem (Russian/Russia, Turkish/Turkey, Syrian/Syria).
        out.add(w.lower()[:4])
    return frozenset(out)


_POSSESSIVE_END_RE = re.compile(r"['’]s?$")
_HONORIFIC_RE = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+")
_THE_RE = re.compile(r"^[Tt]he\s+")
_SPACES_RE = re.compile(r"\s+")


# Names recur across an article's mentions and sentences: the three below are cached.
@lru_cache(maxsize=65536)
def _surname(name: str) -> str:
    words = _POSSESSIVE_END_RE.sub("", name.strip()).split()
    return words[-1].lower() if words else ""


@lru_cache(maxsize=65536)
def _display(surface: str) -> str:
    s = _POSSESSIVE_END_RE.sub("", surface.strip())
    s = _HONORIFIC_RE.sub("", s)
    return _THE_RE.sub("", s)


@lru_cache(maxsize=65536)
def _fold(s: str) -> str:
    return _SPACES_RE.sub(" ", _display(s)).lower()


def _inside(f: _Finder, pos: int) -> bool:
    """Is ``pos`` inside the words of a direct quote? Cues there belong to the quoted speaker."""
    i = bisect.bisect_right(f.q_opens, pos) - 1
    if i < 0:
        return False
    q = f.quotes[i]
    return q.start <= pos < q.end


def _count_words(text: str, s: int, e: int, limit: int) -> int:
    """Words in ``text[s:e]``, counted up to ``limit`` (enough to decide, without scanning a MB)."""
    n = 0
    for _ in _WORD_RE.finditer(text, s, e):
        n += 1
        if n >= limit:
            break
    return n


def _blank(text: str, s: int, e: int) -> bool:
    return _BLANK_RE.fullmatch(text, s, e) is not None


def _trim_end(text: str, s: int, e: int) -> int:
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:!?"):
        e -= 1
    return e


def _fill_speaker(quote: Quote, hit: _Hit, via: str | None) -> None:
    quote.cue = hit.cue
    spk = hit.spk
    if spk is None:
        return
    quote.speaker_start, quote.speaker_end = spk.start, spk.end
    quote.attribution = via or spk.via
    if spk.ref is not None and spk.ref.kind != "anon":
        quote.speaker = spk.ref.name
        quote.speaker_entity_id = spk.ref.entity_id


def _sentence_bounds(text: str, sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Sentence spans, cut at paragraph breaks (a paragraph end always ends a sentence).

    Text the given sentences leave out (or all of it, when none are given) is split naively, so
    every character of the text lies in some sentence.
    """
    n = len(text)
    given = sorted((max(0, s.start), min(n, s.end)) for s in sentences if s.end > s.start)
    spans: list[tuple[int, int]] = []
    last = 0
    for s, e in given:
        s = max(s, last)
        if e <= s:
            continue
        if s > last:
            spans += _naive_sentences(text, last, s)
        spans.append((s, e))
        last = e
    if last < n:
        spans += _naive_sentences(text, last, n)
    out: list[tuple[int, int]] = []
    for s, e in spans:
        for piece in _LINE_RE.finditer(text, s, e):
            if _NONBLANK_RE.search(text, piece.start(), piece.end()):
                out.append(piece.span())
    return out or [(0, n)]


_LINE_RE = re.compile(r"[^\n]+")
_NONBLANK_RE = re.compile(r"\S")
_NAIVE_END_RE = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bSept)(?<!\b[A-Z])"
    r"[.!?]+[\"”»')\]]*(?=\s+[\"“«(\[]?[A-Z0-9])"
)


def _naive_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Ends at . ! ? before a capital, and at newlines; only where no sentences were given."""
    out: list[tuple[int, int]] = []
    for para in _LINE_RE.finditer(text, start, end):
        s = para.start()
        for m in _NAIVE_END_RE.finditer(text, para.start(), para.end()):
            out.append((s, m.end()))
            s = m.end()
        if s < para.end():
            out.append((s, para.end()))
    return out


def _quote_spans(text: str) -> list[_Q]:
    """Direct quotations, paragraph by paragraph; guillemets nest double quotes and vice versa."""
    out: list[_Q] = []
    pending: tuple[int, str, int] | None = None  # an unclosed quote of the previous paragraph
    for para in re.finditer(r"[^\n]+", text):
        ps, pe = para.span()
        if pending is not None:
            # a quote left open runs on only if this paragraph opens with a quote mark
            o, _fam, prev_end = pending
            body = text[ps:pe].lstrip()
            if body[:1] in "\"“„«":
                _add(out, text, o, None, o + 1, prev_end)
            pending = None
        opened: tuple[int, str] | None = None
        depth = 0
        for m in _QUOTE_CHARS_RE.finditer(text, ps, pe):
            ch, i = m.group(), m.start()
            if opened is None:
                if ch in _OPENERS:
                    opened, depth = (i, _OPENERS[ch]), 0
                elif ch == '"' and not _looks_closing(text, i, ps, pe):
                    opened, depth = (i, "dq"), 0
                continue
            o, fam = opened
            if fam == "gm":
                if ch == "«":
                    depth += 1
                elif ch == "»":
                    if depth:
                        depth -= 1
                    else:
                        if i - o <= MAX_QUOTE_CHARS:
                            _add(out, text, o, i, o + 1, i)
                        opened = None
                continue
            if ch in _CLOSERS_DQ:
                if i - o <= MAX_QUOTE_CHARS:
                    _add(out, text, o, i, o + 1, i)
                opened = None
        if opened is not None and pe - opened[0] <= MAX_QUOTE_CHARS:
            pending = (opened[0], opened[1], pe)
    return out


def _looks_closing(text: str, i: int, ps: int, pe: int) -> bool:
    """A straight quote after a word and before a space or the end closes something: a stray."""
    before = text[i - 1] if i > ps else " "
    after = text[i + 1] if i + 1 < pe else " "
    return (before.isalnum() or before in ".,;:!?)") and (after.isspace() or after in ".,;:!?)")


def _add(out: list[_Q], text: str, o: int, c: int | None, s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    words = len(_WORD_RE.findall(text[s:e]))
    if words:
        out.append(_Q(o, c, s, e, words))
