"""What story clustering knows about one article: pure functions over records.

``story_features`` turns an Article and its analysis into a :class:`StoryFeatures`: a dense vector
of title + lead, a lexical profile (sublinear term counts; IDF is applied where a collection is
known: in ``cluster`` and ``StoryIndex``), canonical entity ids with weights, and a date. It holds
no state beyond the embedder passed in, so it runs on Spark partitions too (``lexical_terms``,
``entity_weights`` and ``article_date`` need no model at all).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from storyline.records import Article, DctEstimate, EventCandidate, Mention

__all__ = ["StoryFeatures", "article_date", "date_ordinal", "embedding_text", "entity_weights",
           "lexical_terms", "story_features", "story_features_batch"]

# Lead words that go into the dense vector (MiniLM reads 256 word pieces at most).
LEAD_WORDS = 160
# Terms kept per article: the most frequent ones (a long article keeps its vocabulary bounded).
MAX_TERMS = 300
TITLE_WEIGHT = 2.0  # a headline word counts as much as two body occurrences
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
                           "WORK_OF_ART", "LAW"})

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|\d+(?:[.,]\d+)*|[^\W\d_]", re.UNICODE)

STOP_WORDS = frozenset(["a", "about", "above", "after", "again", "against", "ago", "all", "almost", "also", "although", "always", "am", "among", "an", "and", "another", "any", "anyone", "anything", "are", "around", "as", "at", "away", "back", "be", "became", "because", "become", "been", "before", "being", "below", "between", "both", "but", "by", "came", "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else", "even", "ever", "every", "few", "for", "from", "further", "get", "gets", "got", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "including", "into", "is", "it", "its", "itself", "just", "last", "least", "less", "like", "made", "make", "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "near", "nearly", "never", "new", "next", "no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "our", "ours", "ourselves", "out", "over", "own", "per", "put", "rather", "re", "said", "same", "say", "says", "see", "seen", "several", "she", "should", "since", "so", "some", "still", "such", "take", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "though", "three", "through", "thus", "to", "told", "too", "toward", "two", "under", "until", "up", "upon", "us", "use", "used", "very", "via", "was", "way", "we", "well", "were", "what", "whatever", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves", "mr", "mrs", "ms", "dr", "according", "percent", "year", "years", "time", "week", "weeks", "day", "days", "month", "months", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow", "s", "t", "don"])


@dataclass(slots=True)
class StoryFeatures:
    """One article as story clustering sees it."""

    article_id: str
    vector: np.ndarray  # float32, unit length (title + lead)
    terms: dict[str, float] = field(default_factory=dict)  # term -> sublinear weight
    entities: dict[str, float] = field(default_factory=dict)  # canonical entity id -> weight
    date: str | None = None  # "YYYY-MM-DD" or coarser; None when nothing dates the article
    date_source: str | None = None  # "published" (DCT) or "events" (event-candidate dates)


def _stem(word: str) -> str:
    """A light plural/possessive fold: "earthquakes" ~ "earthquake", "Turkey's" ~ "turkey"."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    out = []
    for m in _WORD.finditer(text):
        w = m.group().lower()
        if w in STOP_WORDS or (len(w) < 3 and not w.isdigit()):
            continue
        if w.isdigit() and len(w) < 2:
            continue
        w = _stem(w)
        if w not in STOP_WORDS:
            out.append(w)
    return out


def lexical_terms(title: str | None, text: str, max_terms: int = MAX_TERMS) -> dict[str, float]:
    """Sublinear term weights (1 + log tf) of the title and body; headline words weigh double."""
    counts: Counter[str] = Counter(tokens(text))
    for w in tokens(title or ""):
        counts[w] += TITLE_WEIGHT
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:max_terms]
    return {w: 1.0 + math.log(c) for w, c in top}


def entity_weights(mentions: Sequence[Mention], title_end: int = 0) -> dict[str, float]:
    """Canonical entity id -> 1 + log(mentions); a mention in the headline counts double."""
    counts: Counter[str] = Counter()
    for m in mentions:
        if m.entity_id and m.label in ENTITY_LABELS:
            counts[m.entity_id] += 2.0 if m.start < title_end else 1.0
    return {e: 1.0 + math.log(c) for e, c in sorted(counts.items())}


def article_date(dct: DctEstimate | None, events: Sequence[EventCandidate] = ()
                 ) -> tuple[str | None, str | None]:
    """The publication date when known, else the median of the article's event dates."""
    if dct is not None and dct.value and dct.source != "unknown":
        return dct.value, "published"
    days = sorted(o for o in (date_ordinal(e.date) for e in events) if o is not None)
    if days:
        return date.fromordinal(days[len(days) // 2]).isoformat(), "events"
    return None, None


def date_ordinal(value: str | None) -> int | None:
    """A date value as a day number: a coarse value stands for its middle ("2017" -> 2017-07-01)."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    try:
        y = int(m[1])
        if m[3]:
            return date(y, int(m[2]), int(m[3])).toordinal()
        if m[2]:
            return date(y, int(m[2]), 15).toordinal()
        return date(y, 7, 1).toordinal()
    except ValueError:
        return None


def embedding_text(article: Article, lead_words: int = LEAD_WORDS) -> str:
    """Title and lead: what the dense vector is made of."""
    words = article.clean_text.split()
    lead = " ".join(words[:lead_words])
    title = (article.title or "").strip()
    if title and not article.clean_text.lstrip().startswith(title):
        return f"{title}. {lead}"
    return lead


def _title_end(article: Article) -> int:
    title = (article.title or "").strip()
    if title and article.clean_text.lstrip().startswith(title):
        return len(article.clean_text) - len(article.clean_text.lstrip()) + len(title)
    return 0


def story_features(article: Article, vector: np.ndarray, mentions: Sequence[Mention] = (),
                   dct: DctEstimate | None = None, events: Sequence[EventCandidate] = ()
                   ) -> StoryFeatures:
    """Features of one article whose dense vector (of ``embedding_text``) is already computed."""
    when, source = article_date(dct, events)
    return StoryFeatures(
        article_id=article.id,
        vector=np.asarray(vector, dtype=np.float32),
        terms=lexical_terms(article.title, article.clean_text),
        entities=entity_weights(mentions, _title_end(article)),
        date=when,
        date_source=source,
    )


def story_features_batch(articles: Sequence[Article], embedder: object,
                         analyses: Sequence[object] | None = None) -> list[StoryFeatures]:
    """Features of many articles, embedding them in one batch.

    ``embedder`` has ``encode(texts) -> array``; ``analyses`` (ArticleAnalysis, same order) give
    mentions, the publication date and event dates; without them only text is used.
    """
    if not articles:
        return []
    vectors = embedder.encode([embedding_text(a) for a in articles])  # type: ignore[attr-defined]
    out = []
    for k, a in enumerate(articles):
        an = analyses[k] if analyses is not None else None
        out.append(story_features(a, vectors[k],
                                  getattr(an, "mentions", ()), getattr(an, "dct", None),
                                  getattr(an, "events", ())))
    return out
