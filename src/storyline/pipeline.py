"""The ingest runner: inputs -> readers -> cleaner -> duplicate links -> store.

The stages it calls are pure functions over records; this module is the only place that talks to
the store during ingest. Work is committed one batch per transaction, so a crash loses at most the
batch in flight and a re-run picks up where it stopped (ids already stored are skipped).
"""

from __future__ import annotations

import hashlib
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from storyline.clean.cleaner import Cleaned, clean, line_key
from storyline.clean.outlets import outlet_from_url
from storyline.clean.reasons import RECURRING
from storyline.config import Settings
from storyline.dedup.fingerprint import band_hashes, exact_key, fingerprints
from storyline.dedup.link import BatchItem, link_batch
from storyline.ingest.readers import read_input
from storyline.ingest.sources import iter_inputs
from storyline.records import Article, Quarantined, Skipped, SourceDoc
from storyline.store.sqlite import Store

@dataclass(slots=True)
class IngestReport:
    run_id: int
    db: str
    inputs: int = 0
    inputs_already_seen: int = 0
    articles_added: int = 0
    articles_already_stored: int = 0
    duplicate_links: int = 0
    recleaned_for_recurring_lines: int = 0
    quarantined: list[Quarantined] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, object]:
        by_code = Counter(q.code for q in self.quarantined)
        return {
            "run": self.run_id,
            "db": self.db,
            "inputs": self.inputs,
            "inputs_already_seen": self.inputs_already_seen,
            "articles_added": self.articles_added,
            "articles_already_stored": self.articles_already_stored,
            "duplicate_links": self.duplicate_links,
            "recleaned_for_recurring_lines": self.recleaned_for_recurring_lines,
            "quarantined": len(self.quarantined),
            "quarantined_by_code": dict(sorted(by_code.items())),
            "quarantine": [
                {"origin": q.origin, "code": q.code, "reason": q.reason, "detail": q.detail}
                for q in self.quarantined
            ],
            "skipped": [{"origin": s.origin, "reason": s.reason} for s in self.skipped],
            "seconds": round(self.seconds, 3),
        }


def article_id(doc: SourceDoc) -> str:
    """The given id, else a hash of text, URL and outlet.

    The same input always gets the same id (so re-ingesting adds nothing), while one wire story
    published at two URLs stays two articles, linked as exact copies: coverage counts stay true.
    """
    if doc.given_id:
        return doc.given_id
    key = "\x00".join((unicodedata.normalize("NFC", doc.text), doc.url or "", doc.outlet or ""))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def resolve_outlet(doc: SourceDoc, cleaned: Cleaned) -> tuple[str | None, str | None]:
    if doc.outlet:
        return doc.outlet, "metadata"
    if cleaned.outlet:
        return cleaned.outlet, "text"
    from_url = outlet_from_url(doc.url)
    if from_url:
        return from_url, "url"
    return None, None


def build_article(doc: SourceDoc, cleaned: Cleaned, article_id: str) -> Article:
    """Pure: a SourceDoc and its cleaning become an Article."""
    outlet, outlet_source = resolve_outlet(doc, cleaned)
    return Article(
        id=article_id,
        origin=doc.origin,
        format=doc.format,
        raw_text=doc.text,
        clean_text=cleaned.text,
        offsets=cleaned.offsets,
        removed=cleaned.removed,
        title=doc.title or cleaned.title,
        url=doc.url,
        outlet=outlet,
        outlet_source=outlet_source,
        byline=doc.byline or cleaned.byline,
        published=doc.published,
        published_source="metadata" if doc.published else None,
        language=doc.language,
        metadata=dict(doc.metadata),
        original=doc.original,
        content_hash=exact_key(cleaned.text),
    )


ProgressFn = Callable[[int], None]


class IngestRunner:
    """Feeds inputs through the stages and writes batches to the store."""

    def __init__(self, store: Store, settings: Settings, *, progress: ProgressFn | None = None):
        self.store = store
        self.settings = settings
        self.progress = progress or (lambda n: None)
        self._pending: list[tuple[SourceDoc, str]] = []
        self._pending_inputs: list[tuple[str, str, int, int]] = []
        self._recurring_cache: dict[str, set[str]] = {}
        self._touched_outlets: set[str] = set()

    def run(self, paths: Sequence[str | Path], *, stdin: BinaryIO | None = None,
            argv: Iterable[str] = ()) -> IngestReport:
        t0 = time.perf_counter()
        report = IngestReport(run_id=self.store.start_run(list(argv)), db=str(self.store.path))
        for item in iter_inputs(paths, self.settings, stdin):
            if isinstance(item, Skipped):
                report.skipped.append(item)
                self.progress(1)
                continue
            report.inputs += 1
            if isinstance(item, Quarantined):
                self._quarantine(item, report)
                self.progress(1)
                continue
            sha = hashlib.sha256(item.data).hexdigest()
            if self.store.input_seen(sha):
                report.inputs_already_seen += 1
                self.progress(1)
                continue
            n_docs = n_bad = 0
            for out in read_input(item, self.settings):
                if isinstance(out, Quarantined):
                    n_bad += 1
                    self._quarantine(out, report)
                else:
                    n_docs += 1
                    self._pending.append((out, article_id(out)))
            self._pending_inputs.append((item.origin, sha, n_docs, n_bad))
            if len(self._pending) >= self.settings.batch_size:
                self._flush(report)
            self.progress(1)
        self._flush(report)
        self._sweep_recurring(report)
        report.seconds = time.perf_counter() - t0
        self.store.finish_run(report.run_id, report.to_dict())
        return report

    def _quarantine(self, q: Quarantined, report: IngestReport) -> None:
        report.quarantined.append(q)
        self.store.add_quarantined(q, run_id=report.run_id)

    def _recurring(self, outlet: str | None) -> set[str]:
        # Read once per outlet and run: lines that become recurring during the run are removed
        # by the sweep at its end, so batches need not query the store again.
        if not outlet:
            return set()
        if outlet not in self._recurring_cache:
            self._recurring_cache[outlet] = self.store.recurring_keys(
                outlet, self.settings.recurring_line_min_articles)
        return self._recurring_cache[outlet]

    def _clean(self, doc: SourceDoc) -> Cleaned:
        cleaned = clean(doc)
        outlet, _ = resolve_outlet(doc, cleaned)
        recurring = self._recurring(outlet)
        if recurring and recurring.intersection(cleaned.line_keys):
            cleaned = clean(doc, recurring=recurring)
        return cleaned

    def _flush(self, report: IngestReport) -> None:
        if not self._pending and not self._pending_inputs:
            return
        known = self.store.known_ids([aid for _, aid in self._pending])
        batch: list[tuple[Article, Cleaned]] = []
        items: list[BatchItem] = []
        seen_in_batch: set[str] = set()
        for doc, aid in self._pending:
            if aid in known or aid in seen_in_batch:
                report.articles_already_stored += 1
                continue
            seen_in_batch.add(aid)
            cleaned = self._clean(doc)
            article = build_article(doc, cleaned, aid)
            article.content_hash, sig = fingerprints(cleaned.text, self.settings)
            batch.append((article, cleaned))
            items.append(BatchItem(aid, cleaned.text, article.content_hash, sig,
                                   band_hashes(sig, self.settings)))

        candidate_ids = {it.article_id: self.store.lsh_candidates(it.bands) for it in items}
        stored_sigs = self.store.get_signatures(set().union(*candidate_ids.values()))
        store_candidates = {aid: {c: stored_sigs[c] for c in ids if c in stored_sigs}
                            for aid, ids in candidate_ids.items()}
        store_exact = {it.article_id: self.store.ids_with_content_hash(it.content_hash)
                       for it in items}
        links = link_batch(items, store_candidates, store_exact, self.settings)

        with self.store.transaction():
            for (article, cleaned), item in zip(batch, items):
                self.store.add_article(article)
                self.store.add_signature(article.id, item.sig)
                self.store.add_lsh_bands(article.id, item.bands)
                if article.outlet:
                    self._touched_outlets.add(article.outlet)
                    self.store.add_line_keys(article.id, article.outlet, cleaned.line_keys,
                                             removed=recurring_removed(cleaned))
            for link in links:
                self.store.add_duplicate(link)
            for origin, sha, n_docs, n_bad in self._pending_inputs:
                self.store.mark_input(origin, sha, n_docs, n_bad)
        report.articles_added += len(batch)
        report.duplicate_links += len(links)
        self._pending.clear()
        self._pending_inputs.clear()

    def _sweep_recurring(self, report: IngestReport) -> None:
        """Lines that became recurring in this run are removed from every article of the outlet."""
        for outlet in sorted(self._touched_outlets):
            recurring = self.store.recurring_keys(outlet, self.settings.recurring_line_min_articles)
            affected = sorted(self.store.articles_keeping(outlet, recurring)) if recurring else []
            for chunk_start in range(0, len(affected), self.settings.batch_size):
                with self.store.transaction():
                    for aid in affected[chunk_start:chunk_start + self.settings.batch_size]:
                        if reclean_article(self.store, aid, self.settings, recurring=recurring):
                            report.recleaned_for_recurring_lines += 1


def recurring_removed(cleaned: Cleaned) -> list[str]:
    """Keys of the lines this cleaning removed because they recur across the outlet."""
    return [line_key(r.text) for r in cleaned.removed if r.reason == RECURRING]


def doc_from_article(article: Article) -> SourceDoc:
    """Rebuild the SourceDoc an article was cleaned from, to clean it again."""
    return SourceDoc(
        origin=article.origin,
        format=article.format,
        text=article.raw_text,
        title=article.title if article.format != "txt" else None,
        url=article.url,
        published=article.published if article.published_source == "metadata" else None,
        outlet=article.outlet if article.outlet_source == "metadata" else None,
        byline=article.byline,
        language=article.language,
        metadata=article.metadata,
        original=article.original,
        title_in_text=article.format == "txt",
    )


def reclean_article(store: Store, article_id: str, settings: Settings, *,
                    recurring: set[str] | None = None) -> bool:
    """Clean a stored article again (new recurring lines, or lines the user restored).

    Fingerprints follow the new clean text. Returns whether the clean text changed.
    """
    article = store.get_article(article_id)
    if article is None:
        return False
    if recurring is None:
        recurring = store.recurring_keys(article.outlet, settings.recurring_line_min_articles) \
            if article.outlet else set()
    cleaned = clean(doc_from_article(article), recurring=recurring,
                    keep=store.restored_lines(article_id))
    if cleaned.text == article.clean_text and len(cleaned.removed) == len(article.removed):
        return False
    content_hash, sig = fingerprints(cleaned.text, settings)
    with store.transaction():
        store.replace_clean(article_id, cleaned.text, cleaned.offsets, cleaned.removed,
                            content_hash=content_hash)
        store.add_signature(article_id, sig)
        store.add_lsh_bands(article_id, band_hashes(sig, settings))
        if article.outlet:
            store.add_line_keys(article_id, article.outlet, cleaned.line_keys,
                                removed=recurring_removed(cleaned))
    return True
