"""The ingest runner: inputs -> prepare (read, clean, fingerprint) -> link duplicates -> store.

Preparing is pure (storyline.prepare) and runs in worker processes when there is enough input;
this module is the only place that talks to the store during ingest. Work is committed one batch per
transaction, so a crash loses at most the batch in flight and a re-run picks up where it stopped
(inputs and ids already stored are skipped).
"""

from __future__ import annotations

import dataclasses
import hashlib
import multiprocessing
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from storyline.clean.cleaner import Cleaned, clean, line_key
from storyline.clean.reasons import RECURRING
from storyline.config import Settings
from storyline.dedup.fingerprint import band_hashes, fingerprints
from storyline.dedup.link import BatchItem, link_batch
from storyline.ingest.sources import iter_inputs
from storyline.errors import W201
from storyline.prepare import (Prepared, build_article, doc_from_article, prepare_input,
                               text_id)
from storyline.records import Article, Input, Quarantined, Skipped
from storyline.store.sqlite import Store

# Inputs are handed to workers only once there are this many: below it, starting processes costs
# more than it saves.
POOL_AFTER_INPUTS = 16


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
    warnings: list[str] = field(default_factory=list)
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
            "warnings": self.warnings,
            "skipped": [{"origin": s.origin, "reason": s.reason} for s in self.skipped],
            "seconds": round(self.seconds, 3),
        }


ProgressFn = Callable[[int], None]


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


class IngestRunner:
    """Feeds inputs through the stages and writes batches to the store."""

    def __init__(self, store: Store, settings: Settings, *, progress: ProgressFn | None = None,
                 workers: int | None = None):
        self.store = store
        self.settings = settings
        self.progress = progress or (lambda n: None)
        self.workers = default_workers() if workers is None else max(1, workers)
        self._pending: list[Prepared] = []
        self._pending_inputs: list[tuple[str, str, int, int]] = []
        # Boilerplate lines per outlet as stored when the run starts; lines that become recurring
        # during the run are removed by the sweep at its end.
        self._recurring: dict[str, frozenset[str]] = {}
        self._touched_outlets: set[str] = set()
        self._origins: dict[str, str] = {}

    def run(self, paths: Sequence[str | Path], *, stdin: BinaryIO | None = None,
            argv: Iterable[str] = (), origins: Mapping[str, str] | None = None) -> IngestReport:
        """Ingest ``paths``; ``origins`` renames inputs in what is stored (an upload's temporary
        file is recorded under the name the client sent)."""
        self._origins = dict(origins or {})
        t0 = time.perf_counter()
        report = IngestReport(run_id=self.store.start_run(list(argv)), db=str(self.store.path))
        self._recurring = self.store.recurring_by_outlet(self.settings.recurring_line_min_articles,
                                                         self.settings.recurring_line_min_share)
        for origin, sha, outputs in self._prepared(self._new_inputs(paths, stdin, report)):
            n_docs = n_bad = 0
            for out in outputs:
                if isinstance(out, Quarantined):
                    n_bad += 1
                    self._quarantine(out, report)
                else:
                    n_docs += 1
                    self._pending.append(out)
            self._pending_inputs.append((origin, sha, n_docs, n_bad))
            if len(self._pending) >= self.settings.batch_size:
                self._flush(report)
            self.progress(1)
        self._flush(report)
        self._sweep_recurring(report)
        report.seconds = time.perf_counter() - t0
        self.store.finish_run(report.run_id, report.to_dict())
        return report

    def _new_inputs(self, paths: Sequence[str | Path], stdin: BinaryIO | None,
                    report: IngestReport) -> Iterator[tuple[Input, str]]:
        """Inputs not seen before; the rest is counted, reported and quarantined here."""
        for item in iter_inputs(paths, self.settings, stdin):
            if item.origin in self._origins:
                item = dataclasses.replace(item, origin=self._origins[item.origin])
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
            yield item, sha

    def _prepared(self, inputs: Iterator[tuple[Input, str]]
                  ) -> Iterator[tuple[str, str, list[Prepared | Quarantined]]]:
        """Prepare inputs in order: in this process at first, in a bounded worker pool once the
        input is large enough to pay for it. Results come back in input order either way."""
        pool: ProcessPoolExecutor | None = None
        inflight: deque[tuple[str, str, Future[list[Prepared | Quarantined]]]] = deque()
        try:
            for n, (item, sha) in enumerate(inputs):
                if pool is None and self.workers > 1 and n >= POOL_AFTER_INPUTS:
                    pool = ProcessPoolExecutor(self.workers,
                                               mp_context=multiprocessing.get_context("fork"))
                if pool is None:
                    yield item.origin, sha, prepare_input(item, self.settings, self._recurring)
                    continue
                inflight.append((item.origin, sha, pool.submit(prepare_input, item, self.settings,
                                                                 self._recurring)))
                while len(inflight) > 4 * self.workers:
                    origin, digest, fut = inflight.popleft()
                    yield origin, digest, fut.result()
            while inflight:
                origin, digest, fut = inflight.popleft()
                yield origin, digest, fut.result()
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)

    def _quarantine(self, q: Quarantined, report: IngestReport) -> None:
        report.quarantined.append(q)
        self.store.add_quarantined(q, run_id=report.run_id)

    def _flush(self, report: IngestReport) -> None:
        if not self._pending and not self._pending_inputs:
            return
        known = self.store.known_ids([p.article_id for p in self._pending])
        batch: list[tuple[Article, Prepared]] = []
        seen_in_batch: dict[str, str] = {}
        for p in self._pending:
            if p.doc.given_id and (p.article_id in known or p.article_id in seen_in_batch):
                p = self._keep_apart(p, seen_in_batch.get(p.article_id), report)
                if self.store.has_article(p.article_id):  # kept apart in an earlier run
                    known.add(p.article_id)
            if p.article_id in known or p.article_id in seen_in_batch:
                report.articles_already_stored += 1
                continue
            seen_in_batch[p.article_id] = p.doc.text
            article = build_article(p.doc, p.cleaned, p.article_id)
            article.content_hash = p.content_hash
            batch.append((article, p))
        items = [BatchItem(p.article_id, p.cleaned.text, p.content_hash, p.sig, p.bands)
                 for _, p in batch]

        candidate_ids = {it.article_id: self.store.lsh_candidates(it.bands) for it in items}
        stored_sigs = self.store.get_signatures(set().union(*candidate_ids.values()))
        store_candidates = {aid: {c: stored_sigs[c] for c in ids if c in stored_sigs}
                            for aid, ids in candidate_ids.items()}
        store_exact = {it.article_id: self.store.ids_with_content_hash(it.content_hash)
                       for it in items}
        links = link_batch(items, store_candidates, store_exact, self.settings)

        with self.store.transaction():
            for article, p in batch:
                self.store.add_article(article)
                self.store.add_signature(p.article_id, p.sig)
                self.store.add_lsh_bands(p.article_id, p.bands)
                outlet = article.outlet
                if outlet:
                    self._touched_outlets.add(outlet)
                    self.store.add_line_keys(p.article_id, outlet, p.cleaned.line_keys,
                                             removed=recurring_removed(p.cleaned))
            for link in links:
                self.store.add_duplicate(link)
            for origin, sha, n_docs, n_bad in self._pending_inputs:
                self.store.mark_input(origin, sha, n_docs, n_bad)
        report.articles_added += len(batch)
        report.duplicate_links += len(links)
        self._pending.clear()
        self._pending_inputs.clear()

    def _keep_apart(self, p: Prepared, batch_text: str | None, report: IngestReport) -> Prepared:
        """A given id already used for another text gets a suffixed id, with a warning (W201)."""
        if batch_text is None:
            stored = self.store.get_article(p.article_id)
            batch_text = stored.raw_text if stored else None
        if batch_text is None or batch_text == p.doc.text:
            return p
        new_id = f"{p.article_id}-{text_id(p.doc)[:8]}"
        report.warnings.append(W201.format(origin=p.doc.origin, id=p.article_id, new_id=new_id))
        p.article_id = new_id
        return p

    def _sweep_recurring(self, report: IngestReport) -> None:
        """Lines that became recurring in this run are removed from every article of the outlet."""
        for outlet in sorted(self._touched_outlets):
            recurring = self.store.recurring_keys(outlet, self.settings.recurring_line_min_articles,
                                                  self.settings.recurring_line_min_share)
            affected = sorted(self.store.articles_keeping(outlet, recurring)) if recurring else []
            for chunk_start in range(0, len(affected), self.settings.batch_size):
                with self.store.transaction():
                    for aid in affected[chunk_start:chunk_start + self.settings.batch_size]:
                        if reclean_article(self.store, aid, self.settings, recurring=recurring):
                            report.recleaned_for_recurring_lines += 1


def recurring_removed(cleaned: Cleaned) -> list[str]:
    """Keys of the lines this cleaning removed because they recur across the outlet."""
    return [line_key(r.text) for r in cleaned.removed if r.reason == RECURRING]


def reclean_article(store: Store, article_id: str, settings: Settings, *,
                    recurring: set[str] | None = None) -> bool:
    """Clean a stored article again (new recurring lines, or lines the user restored).

    Fingerprints follow the new clean text. Returns whether the clean text changed.
    """
    article = store.get_article(article_id)
    if article is None:
        return False
    if recurring is None:
        recurring = store.recurring_keys(article.outlet, settings.recurring_line_min_articles,
                                         settings.recurring_line_min_share) \
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
