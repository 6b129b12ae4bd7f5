"""Dependency parses of the few sentences that carry a number or a date.

Binding "44" to "people" and "people" to "killed" needs a parse; the analysis stage loads only
NER, so the claims stage loads spaCy's tagger, parser and lemmatizer (en_core_web_sm 3.8, the same
package), once per process, and only for sentences that can hold a claim (a digit, a number word,
a date) — a few per article.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from storyline.nlp.ner import MODEL


@lru_cache(maxsize=1)
def load_parser(model: str = MODEL) -> Any:
    import spacy

    return spacy.load(model, exclude=["ner"])


def parse(texts: Iterable[str]) -> list[Any]:
    """spaCy Docs of ``texts`` (tagged, parsed, lemmatised), in order."""
    nlp = load_parser()
    return list(nlp.pipe(texts, batch_size=64))
