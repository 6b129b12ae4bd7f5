"""What a reader sees of a story in a list: title, time span, top entities, outlets, counts.

Pure: a function of the story's corpus, its articles' vectors and its events.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np

from storyline.corpus import Corpus
from storyline.records import Event, Story
from storyline.stories.features import date_ordinal

TOP_ENTITIES = 10
ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})


def story_id(first_article: str) -> str:
    """A story is named after its first article: merges keep the older story's id."""
    return "s" + hashlib.blake2b(first_article.encode("utf-8"), digest_size=6).hexdigest()


def central_article(ids: Sequence[str], vectors: Mapping[str, np.ndarray]) -> str:
    """The article closest to the story's centroid (ties: the earlier one)."""
    have = [i for i in ids if i in vectors]
    if not have:
        return ids[0]
    m = np.stack([vectors[i] for i in have])
    centroid = m.sum(axis=0)
    scores = m @ centroid
    return have[int(np.argmax(scores))]  # argmax takes the first of equal scores


def _headline(corpus: Corpus, article_id: str) -> str:
    a = corpus.articles[article_id]
    if a.title and a.title.strip():
        return " ".join(a.title.split())
    sentences = corpus.sentences(article_id)
    text = sentences[0].text if sentences else a.clean_text
    words = text.split()
    return " ".join(words[:14]) + ("…" if len(words) > 14 else "")


def build_story(sid: str, corpus: Corpus, vectors: Mapping[str, np.ndarray],
                events: Sequence[Event] = ()) -> Story:
    ids = corpus.ids
    titled = [i for i in ids if (corpus.articles[i].title or "").strip()]
    title = _headline(corpus, central_article(titled or ids, vectors)) if ids else ""
    dates = sorted((d for d in (corpus.published(i) for i in ids) if d and len(d) >= 4),
                   key=lambda d: (date_ordinal(d) or 0, d))
    weight: Counter[str] = Counter()
    for i in ids:
        an = corpus.analyses.get(i)
        if an is None:
            continue
        per_article = Counter(m.entity_id for m in an.mentions
                              if m.entity_id and m.label in ENTITY_TYPES)
        for e, n in per_article.items():
            weight[e] += 1.0 + min(n, 5) / 5  # in many articles first, then mentioned often
    entities = [e for e, _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_ENTITIES]]
    outlets = Counter(corpus.outlet(i) for i in ids if corpus.outlet(i))
    return Story(
        id=sid,
        title=title,
        article_ids=list(ids),
        start=dates[0] if dates else None,
        end=dates[-1] if dates else None,
        entity_ids=entities,
        outlets=[o for o, _ in sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))],
        n_articles=len(ids),
        n_events=len(events),
    )
