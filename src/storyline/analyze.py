"""The analysis stage: sentences, entities, quotes, time expressions, publication dates, events.

``analyse_batch`` is a function over Article records (the only state it holds is the loaded NER
model), so it runs the same in one process or on Spark partitions. ``Analyzer`` is the runner that
feeds it from the store and writes the results back.

Order matters: entity mentions are canonicalised across every article of the run before quotes are
attributed (a quote's speaker is a canonical entity), and publication dates are inferred across the
articles of the run before relative time expressions are normalised against them.
"""

from __future__ import annotations

import time
from datetime import date
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from storyline.config import Settings
from storyline.nlp.canonical import AliasTable, canonicalise
from storyline.nlp.ner import EntityTagger
from storyline.nlp.quotes import find_quotes
from storyline.nlp.sentences import split_sentences
from storyline.records import Article, DctEstimate, Entity, Mention, Sentence
from storyline.store.analysis import ArticleAnalysis
from storyline.store.sqlite import Store
from storyline.temporal import find_timexes
from storyline.temporal.dct import DctInput, infer_dct, infer_story_dcts
from storyline.temporal.events import event_candidates

# Bump when any analysis step changes its output: stored analyses of another version are redone.
ANALYSIS_VERSION = "1"

# Articles dated together (each one's dated events date the others) when a run is at most this big.
STORY_DATING_MAX = 200

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


def day_of(dct: DctEstimate) -> str | None:
    """The day that anchors relative expressions ("on Thursday"): the DCT when known to the day,
    else its most probable day (a coarse estimate still places "last week" better than nothing)."""
    if dct.value and dct.granularity == "day":
        return dct.value
    return dct.anchor


def analyse_batch(articles: Sequence[Article], tagger: EntityTagger, *,
                  aliases: AliasTable | None = None, known: Sequence[Mention] = (),
                  today: date | None = None) -> tuple[list[ArticleAnalysis], list[Entity]]:
    """Analyse articles that belong together (a run, or a story).

    ``known`` are mentions already stored for other articles: they take part in canonicalisation
    so that entity ids stay the same across runs, but only the batch's analyses are returned.
    """
    sentences: dict[str, list[Sentence]] = {a.id: split_sentences(a.id, a.clean_text)
                                            for a in articles}
    raw_mentions = [m for ms in tagger.mentions((a.id, a.clean_text) for a in articles) for m in ms]
    linked, entities = canonicalise([*known, *raw_mentions], aliases=aliases)
    by_article: dict[str, list[Mention]] = {a.id: [] for a in articles}
    for m in linked:
        if m.article_id in by_article:
            by_article[m.article_id].append(m)
    entity_index = {e.id: e for e in entities}

    first_pass = {a.id: find_timexes(a.clean_text, given_dct(a), article_id=a.id) for a in articles}
    inputs = [dct_input(a) for a in articles]
    if len(articles) <= STORY_DATING_MAX:
        dcts = infer_story_dcts(inputs, first_pass, today=today)
    else:  # cross-article dating compares every pair: leave big piles to the stories stage
        dcts = {d.article_id: infer_dct(d, first_pass[d.article_id], today=today) for d in inputs}

    out = []
    for a in articles:
        dct = dcts[a.id]
        anchor = day_of(dct)
        timexes = (first_pass[a.id] if anchor == given_dct(a)
                   else find_timexes(a.clean_text, anchor, article_id=a.id))
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
    return out, entities


ProgressFn = Callable[[int], None]


class Analyzer:
    """Analyses the store's articles that have no (current) analysis."""

    def __init__(self, store: Store, settings: Settings, *, tagger: EntityTagger | None = None,
                 progress: ProgressFn | None = None) -> None:
        self.store = store
        self.settings = settings
        self._tagger = tagger
        self.progress = progress or (lambda n: None)

    @property
    def tagger(self) -> EntityTagger:
        if self._tagger is None:
            self._tagger = EntityTagger()
        return self._tagger

    def pending(self, *, redo: bool = False) -> list[str]:
        if redo:
            return [a.id for a in self.store.list_articles()]
        return self.store.unanalysed_ids(ANALYSIS_VERSION)

    def run(self, article_ids: Sequence[str] | None = None, *, redo: bool = False) -> AnalyzeReport:
        t0 = time.perf_counter()
        report = AnalyzeReport()
        ids = list(article_ids) if article_ids is not None else self.pending(redo=redo)
        if not ids:
            return report
        wanted = set(ids)
        articles = [a for a in (self.store.get_article(i) for i in ids) if a is not None]
        known = [m for m in self.store.all_mentions() if m.article_id not in wanted]
        aliases = AliasTable.load(self.settings.alias_files) if self.settings.alias_files else None
        analyses, entities = analyse_batch(articles, self.tagger, aliases=aliases, known=known,
                                           today=date.today())
        with self.store.transaction():
            self.store.save_entities(entities)
            for a in analyses:
                self.store.save_analysis(a, ANALYSIS_VERSION)
                report.articles += 1
                report.sentences += len(a.sentences)
                report.mentions += len(a.mentions)
                report.quotes += len(a.quotes)
                report.timexes += len(a.timexes)
                report.events += len(a.events)
                report.dated[a.dct.source] = report.dated.get(a.dct.source, 0) + 1
                self.progress(1)
            self.store.prune_entities()
        report.entities = len(self.store.entities())
        report.seconds = time.perf_counter() - t0
        return report
