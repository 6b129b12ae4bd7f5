"""A corpus: analysed articles and everything known about them, in memory.

The story stages (events, timelines, summaries, disagreements) are functions of a Corpus, so they
run the same on a stored story (:func:`load_corpus`) and on files given on the command line
(:func:`read_corpus`, which runs the real ingest and analysis into a throw-away store: the stateless
commands see exactly what `storyline ingest` would have stored).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from storyline.config import Settings
from storyline.errors import E012, StorylineError
from storyline.records import (Article, Citation, DctEstimate, DuplicateLink, Entity, Quarantined,
                               Sentence, Skipped)
from storyline.store.analysis import ArticleAnalysis
from storyline.store.sqlite import Store


@dataclass(slots=True)
class Corpus:
    """Articles (in a fixed order), their analyses, the entities they mention, their duplicate
    links, and what could not be read."""

    articles: dict[str, Article]
    analyses: dict[str, ArticleAnalysis]
    entities: dict[str, Entity]
    duplicates: list[DuplicateLink] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.articles)

    @property
    def ids(self) -> list[str]:
        return list(self.articles)

    def sentences(self, article_id: str | None = None) -> list[Sentence]:
        if article_id is not None:
            a = self.analyses.get(article_id)
            return list(a.sentences) if a else []
        return [s for a in self.analyses.values() for s in a.sentences]

    def dct(self, article_id: str) -> DctEstimate | None:
        a = self.analyses.get(article_id)
        return a.dct if a else None

    def published(self, article_id: str) -> str | None:
        """The article's publication date at its known granularity (given or inferred)."""
        d = self.dct(article_id)
        return d.value if d else self.articles[article_id].published

    def outlet(self, article_id: str) -> str | None:
        return self.articles[article_id].outlet

    def cite(self, article_id: str, start: int, end: int) -> Citation:
        """A checked citation: the span lies inside the article's clean text and is not empty."""
        article = self.articles.get(article_id)
        if article is None or not 0 <= start < end <= len(article.clean_text):
            raise StorylineError(E012, article=article_id, start=start, end=end)
        return Citation(article_id, start, end)

    def quote(self, c: Citation) -> str:
        """The cited words."""
        return self.articles[c.article].clean_text[c.start:c.end]

    def subset(self, article_ids: Iterable[str]) -> Corpus:
        keep = [i for i in article_ids if i in self.articles]
        wanted = set(keep)
        used = {m.entity_id for i in keep for m in self.analyses[i].mentions if m.entity_id} \
            if all(i in self.analyses for i in keep) else set(self.entities)
        return Corpus(
            articles={i: self.articles[i] for i in keep},
            analyses={i: self.analyses[i] for i in keep if i in self.analyses},
            entities={k: e for k, e in self.entities.items() if k in used},
            duplicates=[d for d in self.duplicates
                        if d.article_id in wanted and d.other_id in wanted],
        )

    def duplicate_groups(self) -> list[list[str]]:
        """Articles linked as exact or near copies, each group in corpus order (singletons too)."""
        parent = {i: i for i in self.articles}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for d in self.duplicates:
            if d.article_id in parent and d.other_id in parent:
                a, b = find(d.article_id), find(d.other_id)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        groups: dict[str, list[str]] = {}
        for i in self.articles:
            groups.setdefault(find(i), []).append(i)
        return list(groups.values())


def load_corpus(store: Store, article_ids: Sequence[str] | None = None) -> Corpus:
    """The stored articles ``article_ids`` (all when None) with their analyses."""
    ids = list(article_ids) if article_ids is not None else store.all_ids()
    articles: dict[str, Article] = {}
    analyses: dict[str, ArticleAnalysis] = {}
    for i in ids:
        a = store.get_article(i)
        if a is None:
            continue
        articles[i] = a
        dct = store.dct_of(i)
        if dct is None:  # not analysed (ingest --no-analyze): the story stages see no sentences
            continue
        analyses[i] = ArticleAnalysis(
            article_id=i, content_hash=a.content_hash, sentences=store.sentences_of(i),
            mentions=store.mentions_of(i), quotes=store.quotes(article_id=i),
            timexes=store.timexes_of(i), dct=dct, events=store.events_of(i))
    used = {m.entity_id for a in analyses.values() for m in a.mentions if m.entity_id}
    entities = {e.id: e for e in store.entities_by_id(used)}
    wanted = set(articles)
    links: dict[tuple[str, str], DuplicateLink] = {}
    for i in articles:
        for d in store.duplicates_of(i):
            if d.article_id in wanted and d.other_id in wanted:
                links.setdefault(tuple(sorted((d.article_id, d.other_id))), d)  # type: ignore[arg-type]
    return Corpus(articles, analyses, entities, list(links.values()))


def read_corpus(paths: Sequence[str | Path], settings: Settings | None = None, *,
                progress: Callable[[int], None] | None = None) -> Corpus:
    """Ingest and analyse files without a store of the user's: a throw-away one, gone afterwards."""
    from storyline.analyze import Analyzer
    from storyline.pipeline import IngestRunner

    settings = settings or Settings()
    with tempfile.TemporaryDirectory(prefix="storyline-") as tmp:
        with Store(Path(tmp) / "corpus.db") as store:
            report = IngestRunner(store, settings, progress=progress).run(paths)
            Analyzer(store, settings).run()
            corpus = load_corpus(store)
            corpus.quarantined = list(report.quarantined)
            corpus.skipped = list(report.skipped)
    return corpus
