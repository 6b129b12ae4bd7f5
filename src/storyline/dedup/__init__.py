"""Duplicate linking: exact keys and MinHash-LSH fingerprints, and the pure linking decision."""

from storyline.dedup.fingerprint import (
    Signature,
    band_hashes,
    exact_key,
    fingerprints,
    lsh_params,
    shingles,
    signature,
    similarity,
)
from storyline.dedup.link import MIN_NEAR_WORDS, BatchItem, find_links, link_batch

__all__ = [
    "MIN_NEAR_WORDS",
    "BatchItem",
    "Signature",
    "band_hashes",
    "exact_key",
    "find_links",
    "fingerprints",
    "link_batch",
    "lsh_params",
    "shingles",
    "signature",
    "similarity",
]
