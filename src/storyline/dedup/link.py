"""Decide which articles are copies of each other, from fingerprints only (no store access).

The runner fetches candidate signatures (LSH band matches) and exact-key matches from the store and
hands them in; articles of the batch being ingested are linked to each other by ``link_batch``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storyline.config import Settings
from storyline.dedup.fingerprint import Signature, similarity
from storyline.records import DuplicateLink

# Below this many words the shingle sets are so small that unrelated texts (bylines, one-line
# briefs, "Photo: Reuters") reach high estimated similarity by chance; such texts link only when
# their normalised text is identical.
MIN_NEAR_WORDS = 50


def find_links(
    article_id: str,
    clean_text: str,
    content_hash: str,
    sig: Signature,
    candidates: Mapping[str, Signature | bytes],
    exact_ids: Sequence[str],
    settings: Settings,
) -> list[DuplicateLink]:
    """Links from ``article_id`` to the articles it copies, exact ones first, each id once.

    ``exact_ids`` share the article's ``content_hash``; ``candidates`` are signatures (or their
    stored bytes) that share an LSH band with ``sig``. Candidates with another signature scheme
    (computed under other settings or another rensa version) are skipped rather than compared.
    """
    del clean_text, content_hash  # the signature already carries the word count
    links: list[DuplicateLink] = []
    seen = {article_id}
    for other in sorted(set(exact_ids)):
        if other not in seen:
            seen.add(other)
            links.append(DuplicateLink(article_id, other, "exact", 1.0))
    if sig.n_words < MIN_NEAR_WORDS:
        return links
    near = []
    for other, other_sig in candidates.items():
        if isinstance(other_sig, (bytes, bytearray, memoryview)):
            other_sig = Signature.from_bytes(bytes(other_sig))
        if other in seen or other_sig.n_words < MIN_NEAR_WORDS or other_sig.scheme != sig.scheme:
            continue
        score = similarity(sig, other_sig)
        if score >= settings.near_duplicate_threshold:
            near.append(DuplicateLink(article_id, other, "near", score))
    near.sort(key=lambda link: (-link.similarity, link.other_id))
    return links + near


@dataclass(slots=True)
class BatchItem:
    """One article of the batch being ingested, with its fingerprints."""

    article_id: str
    clean_text: str
    content_hash: str
    sig: Signature
    bands: Sequence[bytes]


def link_batch(
    items: Sequence[BatchItem],
    store_candidates: Mapping[str, Mapping[str, Signature | bytes]],
    store_exact: Mapping[str, Sequence[str]],
    settings: Settings,
) -> list[DuplicateLink]:
    """All links for a batch: to stored articles and to earlier articles of the same batch.

    ``store_candidates[id]`` and ``store_exact[id]`` are what the store returned for item ``id``
    (missing keys mean none). Within the batch, an item is compared only with earlier items that
    share an LSH band or the content hash, so each pair is reported once.
    """
    links: list[DuplicateLink] = []
    by_band: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    by_hash: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        candidates: dict[str, Signature | bytes] = dict(store_candidates.get(item.article_id, {}))
        exact = list(store_exact.get(item.article_id, ()))
        if item.content_hash:
            exact += [items[j].article_id for j in by_hash[item.content_hash]]
        for key in enumerate(item.bands):
            for j in by_band[key]:
                candidates.setdefault(items[j].article_id, items[j].sig)
        links += find_links(
            item.article_id,
            item.clean_text,
            item.content_hash,
            item.sig,
            candidates,
            exact,
            settings,
        )
        if item.content_hash:
            by_hash[item.content_hash].append(i)
        for key in enumerate(item.bands):
            by_band[key].append(i)
    return links
