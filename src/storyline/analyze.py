"""The analysis stage: sentences, entities, quotes, time expressions, publication dates, events.

``analyse_batch`` is a function over Article records (the only state it holds is the loaded NER
model), so it runs the same in one process or on Spark partitions. ``Analyzer`` is the runner that
feeds it from the store and writes the results back.

Order matters: entity mentions are canonicalised across every article of the run before quotes are
attributed (a quote's speaker is a canonical entity), and publication dates are inferred across the
articles of the run before relative time expressions are normalised against them. Dating reads no
entities, so on a machine with two cores or more a big batch is dated in a side process while the
NER model tags it (:mod:`storyline.temporal.dating`): the same results, in about the NER's time.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from storyline.config import Settings
from storyline.nlp.canonical import AliasTable, canonicalise
from storyline.nlp.ner import EntityTagger
from storyline.nlp.quotes import find_quotes
from storyline.nlp.sentences import split_sentences
from storyline.records import Article, Entity, Mention, Sentence
from storyline.store.analysis import ArticleAnalysis
from storyline.store.sqlite import Store
from storyline.temporal.dating import Pending, SideDating, date_batch
from storyline.temporal.dating import STORY_DATING_MAX, day_of  # noqa: F401 (re-exported: was here)
from storyline.temporal.dct import DctInput
from storyline.temporal.events import event_candidates

# Bump when any analysis step changes its output: stored analyses of another version are redone.
# 2: a publication day that ties others (a belief flat over several days, up to float noise) is
# the first of them, so its anchor no longer depends on the order of floating-point additions.
ANALYSIS_VERSION = "3"

# Batches of at least this many articles are dated in a side process while NER runs: below it,
# starting the process (about a second of imports, once) costs more than the overlap saves.
SIDE_DATING_MIN = 32

# The side process, started on first use and shared by every batch of this process.
SIDE_DATING = SideDating(min_articles=SIDE_DATING_MIN)

CAPTION_REASONS = frozenset({"caption", "repeated-caption", "photo-credit"})


@dataclass(slots=True)
class AnalyzeReport:
    articles: int = 0
    sentences: int = 0
    mentions: int = 0
    entities: int = 0
    quotes: int = 0
    timexes: int = 0
    events: int = 0
    dated: dict[str, int] = field(default_factory=dict)  # DCT source -> articles
    seconds: float = 0.0

    def add(self, a: ArticleAnalysis) -> None:
        self.articles += 1
        self.sentences += len(a.sentences)
        self.mentions += len(a.mentions)
        self.quotes += len(a.quotes)
        self.timexes += len(a.timexes)
        self.events += len(a.events)
        self.dated[a.dct.source] = self.dated.get(a.dct.source, 0) + 1

    def to_dict(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__slots__}  # type: ignore[attr-defined]


def given_dct(article: Article) -> str | None:
    """A user- or metadata-given publication day, which always wins over inference."""
    if article.published and len(article.published) >= 10:
        return article.published[:10]
    return None


def dct_input(article: Article) -> DctInput:
    return DctInput(
        article_id=article.id,
        text=article.clean_text,
        removed_lines=[r.text for r in article.removed if r.reason in CAPTION_REASONS],
        given=given_dct(article),
        title=article.title,
        given_source="user" if article.published_source == "user" else "metadata",
    )


SEED_PREFIX = "@entity:"


# A stored entity votes on its type and name with the weight of its mentions, up to this many, so
# that one new article's label noise ("Ankara" tagged PERSON) cannot flip an established entity.
SEED_WEIGHT_CAP = 25


def entity_seeds(entities: Sequence[Entity]) -> list[Mention]:
    """Known entities as mentions, so that a new batch is canonicalised together with everything
    stored before. Each entity sits in a pseudo-article of its own (its names resolve to each other,
    not to a namesake); its canonical name is repeated to carry the weight of its mentions."""
    seeds = []
    for e in entities:
        names = [e.name] * max(1, min(e.n_mentions, SEED_WEIGHT_CAP)) + \
            [a for a in dict.fromkeys(e.aliases) if a != e.name]
        seeds += [Mention(SEED_PREFIX + e.id, 0, 0, n, e.type, e.id) for n in names if n.strip()]
    return seeds


_WORD = re.compile(r"\w+")


def relevant(known: Sequence[Entity], mentions: Sequence[Mention]) -> list[Entity]:
    """Stored entities that share a word with a name in the batch: only they can take part in its
    canonicalisation, so the cost follows the batch, not the size of the entity table."""
    words = {w for m in mentions for w in _WORD.findall(m.text.casefold())}
    return [e for e in known
            if any(w in words for name in (e.name, *e.aliases) for w in _WORD.findall(name.casefold()))]


def renamed_entities(seeds: Sequence[Mention], linked: Sequence[Mention]) -> dict[str, str]:
    """Stored entity id -> the id its names now belong to, where they differ."""
    renames: dict[str, Counter[str]] = {}
    for before, after in zip(seeds, linked):
        if after.entity_id and after.entity_id != before.entity_id:
            renames.setdefault(str(before.entity_id), Counter())[after.entity_id] += 1
    return {old: c.most_common(1)[0][0] for old, c in renames.items()}


def analyse_batch(articles: Sequence[Article], tagger: EntityTagger, *,
                  aliases: AliasTable | None = None, known: Sequence[Entity] = (),
                  today: date | None = None, side: SideDating | None = None
                  ) -> tuple[list[ArticleAnalysis], list[Entity], dict[str, str]]:
    """Analyse articles that belong together (a run, or a story).

    ``known`` are entities already stored: they take part in canonicalisation so that entity ids
    stay stable across runs. Returns the analyses, every entity (known ones included), and the
    known entity ids that were merged into or renamed to another. ``side`` dates the articles
    in a side process while NER runs (None, the default: all in this process, so the stage stays a
    pure function wherever it runs; the results are the same). The store runner passes
    ``SIDE_DATING``.
    """
    inputs = [dct_input(a) for a in articles]
    dated = side.submit(inputs, today) if side else Pending(partial(date_batch, inputs, today))
    try:
        sentences: dict[str, list[Sentence]] = {a.id: split_sentences(a.id, a.clean_text)
                                                for a in articles}
        raw_mentions = [m for ms in tagger.mentions((a.id, a.clean_text) for a in articles)
                        for m in ms]
        seeds = entity_seeds(relevant(known, raw_mentions))
        linked, entities = canonicalise([*seeds, *raw_mentions], aliases=aliases)
    except BaseException:
        dated.cancel()  # the side process is not left holding an answer no one reads
        raise
    renames = renamed_entities(seeds, linked[:len(seeds)])
    by_article: dict[str, list[Mention]] = {a.id: [] for a in articles}
    for m in linked:
        if m.article_id in by_article:
            by_article[m.article_id].append(m)
    entity_index = {e.id: e for e in entities}

    dcts, timexes_by_article = dated.result()
    out = []
    for a in articles:
        dct = dcts[a.id]
        timexes = timexes_by_article[a.id]
        mentions = by_article[a.id]
        out.append(ArticleAnalysis(
            article_id=a.id,
            content_hash=a.content_hash,
            sentences=sentences[a.id],
            mentions=mentions,
            quotes=find_quotes(a.id, a.clean_text, sentences[a.id], mentions, entity_index),
            timexes=timexes,
            dct=dct,
            events=event_candidates(a.id, sentences[a.id], timexes, mentions),
        ))
    return out, entities, renames


ProgressFn = Callable[[int], None]


class Analyzer:
    """Analyses the store's articles that have no (current) analysis."""

    def __init__(self, store: Store, settings: Settings, *, tagger: EntityTagger | None = None,
                 progress: ProgressFn | None = None) -> None:
        self.store = store
        self.settings = settings
        self._tagger = tagger
        self._aliases: AliasTable | None = None
        self.progress = progress or (lambda n: None)

    @property
    def aliases(self) -> AliasTable | None:
        if self._aliases is None and self.settings.alias_files:
            self._aliases = AliasTable.load(self.settings.alias_files)
        return self._aliases

    @property
    def tagger(self) -> EntityTagger:
        if self._tagger is None:
            self._tagger = EntityTagger(aliases=self.aliases)  # user aliases are tagged too
        return self._tagger

    def pending(self, *, redo: bool = False) -> list[str]:
        if redo:
            return self.store.all_ids()
        return self.store.unanalysed_ids(ANALYSIS_VERSION)

    def run(self, article_ids: Sequence[str] | None = None, *, redo: bool = False) -> AnalyzeReport:
        t0 = time.perf_counter()
        report = AnalyzeReport()
        ids = list(article_ids) if article_ids is not None else self.pending(redo=redo)
        aliases = self.aliases
        size = max(1, self.settings.analysis_batch_size)
        for k in range(0, len(ids), size):
            articles = [a for a in (self.store.get_article(i) for i in ids[k:k + size]) if a]
            analyses, entities, renames = analyse_batch(
                articles, self.tagger, aliases=aliases, known=self.store.entities(),
                today=date.today(), side=SIDE_DATING)
            with self.store.transaction():
                self.store.rename_entities(renames)
                self.store.save_entities(entities)
                for a in analyses:
                    self.store.save_analysis(a, ANALYSIS_VERSION)
                    report.add(a)
                    self.progress(1)
                self.store.prune_entities()
        report.entities = len(self.store.entities())
        report.seconds = time.perf_counter() - t0
        return report
