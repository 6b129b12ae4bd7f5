"""Stories in the store: new articles assigned as they arrive, a full re-cluster on demand.

``StoryRunner.update`` gives every analysed article that has no story yet to the incremental
:class:`StoryIndex` (its state is kept in the store between runs), in arrival order, then rebuilds
the records of the stories it touched (all of them when the index re-clustered itself while
small): title, span, entities, outlets, events, disagreements.
``StoryRunner.recluster`` starts over with :func:`cluster` over every stored article. Both are
deterministic: the same articles in the same order give the same stories and the same ids.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from storyline.config import Settings
from storyline.corpus import load_corpus
from storyline.records import Event, Story
from storyline.stories.cluster import cluster, doc_freq
from storyline.stories.features import StoryFeatures, story_features_batch
from storyline.stories.index import StoryIndex, StoryParams
from storyline.stories.profile import build_story, story_id
from storyline.store.sqlite import Store

FEATURE_BATCH = 256


@dataclass(slots=True)
class StoryReport:
    articles: int = 0  # articles given to stories in this run
    stories_touched: int = 0
    stories_merged: int = 0
    stories: int = 0  # stories in the store afterwards
    reclustered: bool = False
    seconds: float = 0.0
    touched: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _settings_key(settings: Settings) -> dict[str, Any]:
    """What the stored index depends on: another granularity or embedder means a re-cluster."""
    return {"story_granularity": settings.story_granularity,
            "story_embedder": settings.story_embedder}


class StoryRunner:
    def __init__(self, store: Store, settings: Settings | None = None, *, embedder: Any = None,
                 progress: Callable[[int], None] | None = None) -> None:
        self.store = store
        self.settings = settings or Settings()
        self._embedder = embedder
        self.progress = progress or (lambda n: None)

    @property
    def embedder(self) -> Any:
        if self._embedder is None:
            from storyline.stories.embed import Embedder
            self._embedder = Embedder.get(self.settings.story_embedder)
        return self._embedder

    # -- features --------------------------------------------------------------------------------

    def _compute_features(self, ids: Sequence[str]) -> list[StoryFeatures]:
        out: list[StoryFeatures] = []
        for k in range(0, len(ids), FEATURE_BATCH):
            corpus = load_corpus(self.store, ids[k:k + FEATURE_BATCH])
            articles = [corpus.articles[i] for i in corpus.ids if i in corpus.analyses]
            feats = story_features_batch(articles, self.embedder,
                                         [corpus.analyses[a.id] for a in articles])
            with self.store.transaction():
                for f in feats:
                    self.store.save_story_features(f)
            out += feats
        return out

    # -- incremental -----------------------------------------------------------------------------

    def update(self) -> StoryReport:
        """Assign the analysed articles that have no story yet."""
        t0 = time.perf_counter()
        saved = self.store.story_index_state()
        if saved is not None and saved[1] != _settings_key(self.settings):
            return self.recluster()
        self._compute_features(self.store.ids_without_story_features())
        new_ids = self.store.ids_without_story()
        if saved is None and not new_ids:
            return self._report(StoryReport(), t0)
        if self._bulk(len(new_ids)):
            return self.recluster()
        new = self.store.story_features(new_ids)
        lookup = self.store.story_features  # a small index re-clusters itself as it grows
        index = (StoryIndex.from_state(saved[0], self.settings, lookup=lookup)
                 if saved is not None else StoryIndex(self.settings, lookup=lookup))
        roots: set[int] = set()
        for f in new:
            roots.add(index.add(f))
            self.progress(1)
        report = StoryReport(articles=len(new))
        if index.settles:  # every story may have changed: all are written again
            self._rewrite({story_id(m[0]): m for m in index.stories()}, report, index)
            return self._report(report, t0)
        groups = {}
        for k in roots:
            members = index.members(k)
            groups[story_id(members[0])] = members
        self._write(groups, report, index)
        return self._report(report, t0)

    def _bulk(self, n_new: int) -> bool:
        """A pile rather than a trickle: at least as many new articles as assigned ones, in a
        store small enough to cluster whole. The full method sees all pairs at once and scales
        each article's similarities by its neighbours (B3 F1 0.97 vs 0.86 one at a time on DUC
        2004), so a first ingest gets it; later arrivals go through the incremental index."""
        assigned = self.store.count_story_members()
        return n_new >= assigned and n_new + assigned <= FULL_MAX

    # -- full ------------------------------------------------------------------------------------

    def recluster(self) -> StoryReport:
        """Every stored article clustered again from scratch (features are kept)."""
        t0 = time.perf_counter()
        self._compute_features(self.store.ids_without_story_features())
        feats = self.store.story_features()
        params = StoryParams.from_settings(self.settings)
        arrival = {f.article_id: n for n, f in enumerate(feats)}  # store order
        named: dict[str, list[str]] = {}
        for g in cluster(feats, params=params):
            members = sorted(g, key=arrival.__getitem__)
            named[story_id(members[0])] = members
        index, _ = StoryIndex.from_groups(list(named.values()), {f.article_id: f for f in feats},
                                          params=params, doc_freq=doc_freq(feats))
        index.keep_learning()  # later arrivals update document frequencies, as in ``update``
        report = StoryReport(articles=len(feats), reclustered=True)
        self._rewrite(named, report, index)
        return self._report(report, t0)

    # -- records ---------------------------------------------------------------------------------

    def _rewrite(self, groups: dict[str, list[str]], report: StoryReport,
                 index: StoryIndex) -> None:
        """Every story replaced by ``groups``, in one transaction."""
        with self.store.transaction():
            self.store.clear_stories()
            self._write(groups, report, index)

    def _write(self, groups: dict[str, list[str]], report: StoryReport,
               index: StoryIndex | None = None) -> None:
        """Store membership and the rebuilt records of these stories, ids that vanished in a merge
        removed, and the index state: all in one transaction, so the store never holds an index
        that disagrees with its stories."""
        built = []
        biggest = sorted(groups, key=lambda g: (-len(groups[g]), g))
        with_views = set(biggest[:max(0, self.settings.story_views_at_ingest)])
        for sid, members in sorted(groups.items()):
            merged = sorted(set(self.store.story_ids_of(members).values()) - {sid})
            vectors = {f.article_id: f.vector for f in self.store.story_features(members)}
            built.append((sid, members, merged,
                          *self._records(sid, members, vectors, views=sid in with_views)))
        with self.store.transaction():
            for sid, members, merged, story, events, results in built:
                for old in merged:
                    self.store.delete_story(old)
                self.store.delete_story_results(sid, VIEWS)  # a changed story's old views are stale
                self.store.set_story_members(sid, members)
                self.store.save_story(story)
                self.store.save_story_events(sid, events)
                for kind, data in results.items():
                    self.store.save_story_result(sid, kind, data)
                report.stories_merged += len(merged)
                report.stories_touched += 1
                report.touched.append(sid)
            if index is not None:
                self.store.save_story_index_state(index.to_state(), _settings_key(self.settings))

    def _records(self, sid: str, members: list[str], vectors: dict[str, Any], *,
                 views: bool = False) -> tuple[Story, list[Event], dict[str, Any]]:
        corpus = load_corpus(self.store, members)
        events = story_events(corpus, self.settings)
        for e in events:
            e.story_id = sid
        results: dict[str, Any] = {}
        found = story_disagreements(corpus, events, self.settings)
        if found is not None:
            results["disagreements"] = found
        if views:
            results.update(story_views(corpus, events, self.settings, self.embedder))
        return build_story(sid, corpus, vectors, events), events, results

    def _report(self, report: StoryReport, t0: float) -> StoryReport:
        report.stories = self.store.count_stories()
        report.seconds = time.perf_counter() - t0
        return report


def story_events(corpus: Any, settings: Settings) -> list[Event]:
    """Cross-source events of a story (the events stage, when installed in this build)."""
    try:
        from storyline.events import group_events
    except ImportError:
        return []
    return group_events(corpus, settings)


FULL_MAX = 5000  # articles a bulk ingest clusters whole (average link is quadratic in them)
VIEWS = ("timeline", "summary")  # what a story page shows, kept at ingest for the biggest stories


def story_views(corpus: Any, events: list[Event], settings: Settings, embedder: Any
                ) -> dict[str, Any]:
    """The default timeline and summary of a story, as stored results (the web page and the
    report read them instead of computing them on a visit)."""
    from storyline.summarize import summarize
    from storyline.timeline import build_timeline

    return {"timeline": [e.to_dict() for e in build_timeline(corpus, events=events,
                                                             settings=settings)],
            "summary": [s.to_dict() for s in summarize(corpus, settings=settings,
                                                       embedder=embedder)]}


def story_disagreements(corpus: Any, events: list[Event], settings: Settings
                        ) -> list[dict[str, Any]] | None:
    try:
        from storyline.disagree import find_disagreements
    except ImportError:
        return None
    return [d.to_dict() for d in find_disagreements(corpus, events, settings)]
