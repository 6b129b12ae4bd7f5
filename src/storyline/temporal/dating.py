"""Dating a batch of articles: time expressions, publication dates, and the expressions again
normalised against those dates.

:func:`date_batch` reads only the articles' texts (not entities), so it can run in a side process
while the NER model tags the same articles: :class:`SideDating` keeps one such process and falls
back to running in the caller's process whenever a side process cannot be had (one core, no
process can start, the side process died). Both give the same results: the same pure function.
"""

from __future__ import annotations

import atexit
import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import BinaryIO

from storyline.records import DctEstimate, TimeExpr
from storyline.temporal.dct import DctInput, infer_dct, infer_story_dcts
from storyline.temporal.tagger import find_timexes, scan

__all__ = ["Dated", "Pending", "SideDating", "date_batch", "day_of"]

Dated = tuple[dict[str, DctEstimate], dict[str, list[TimeExpr]]]

# Articles dated together (each one's dated events date the others) when a batch is at most this
# big: cross-article dating compares every pair, so bigger piles are dated one article at a time.
STORY_DATING_MAX = 200


def day_of(dct: DctEstimate) -> str | None:
    """The day that anchors relative expressions ("on Thursday"): the DCT when known to the day,
    else its most probable day (a coarse estimate still places "last week" better than nothing)."""
    if dct.value and dct.granularity == "day":
        return dct.value
    return dct.anchor


def date_batch(inputs: Sequence[DctInput], today: date | None = None) -> Dated:
    """Publication dates of articles that belong together, and each article's time expressions
    normalised against its own date. A given date (``DctInput.given``) always wins."""
    # Expressions are found once; the second pass only normalises them against the inferred DCT.
    scans = {d.article_id: scan(d.text) for d in inputs}
    first = {d.article_id: find_timexes(d.text, d.given, article_id=d.article_id,
                                        scan=scans[d.article_id]) for d in inputs}
    if len(inputs) <= STORY_DATING_MAX:
        dcts = infer_story_dcts(inputs, first, today=today)
    else:
        dcts = {d.article_id: infer_dct(d, first[d.article_id], today=today) for d in inputs}
    timexes: dict[str, list[TimeExpr]] = {}
    for d in inputs:
        anchor = day_of(dcts[d.article_id])
        timexes[d.article_id] = (
            first[d.article_id] if anchor == d.given
            else find_timexes(d.text, anchor, article_id=d.article_id, scan=scans[d.article_id]))
    return dcts, timexes


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Pending:
    """A batch being dated: :meth:`result` waits for it, :meth:`cancel` drops it."""

    def __init__(self, compute: Callable[[], Dated], cancel: Callable[[], None] = lambda: None
                 ) -> None:
        self._compute = compute
        self._cancel = cancel

    def result(self) -> Dated:
        return self._compute()

    def cancel(self) -> None:
        self._cancel()


class SideDating:
    """Runs :func:`date_batch` in one side process (``python -m storyline.temporal.dating``,
    which reads pickled batches on stdin and writes their dates on stdout), started on first
    use and kept for later batches. Starting it costs about a second of imports, so small
    batches stay in process. A plain child process, not multiprocessing: spawn would run the
    caller's main script again, fork would copy a loaded NER model and its threads.

    >>> side = SideDating(min_articles=1)  # doctest: +SKIP
    >>> dcts, timexes = side.submit(inputs, date(2026, 1, 1)).result()  # doctest: +SKIP
    """

    def __init__(self, *, min_articles: int = 32) -> None:
        self.min_articles = min_articles
        self._proc: subprocess.Popen[bytes] | None = None
        self._busy = threading.Lock()  # one batch at a time through the pipe
        self._broken = False
        self._exit_hook = False
        self.cpu_seconds = 0.0  # CPU time the side process spent dating (for benchmarks)

    def usable(self, n_articles: int) -> bool:
        return (not self._broken and n_articles >= self.min_articles and _cores() >= 2
                and bool(sys.executable))  # an embedded interpreter has no executable to start

    def submit(self, inputs: Sequence[DctInput], today: date | None) -> Pending:
        """Start dating; :meth:`Pending.result` waits for it. Computed in this process when no
        side process is usable (or it is busy with another thread's batch)."""
        here = Pending(partial(date_batch, inputs, today))
        if not self.usable(len(inputs)) or not self._busy.acquire(blocking=False):
            return here
        try:
            proc = self._start()
            payload = pickle.dumps((list(inputs), today), protocol=pickle.HIGHEST_PROTOCOL)
        except (OSError, pickle.PickleError):
            self._give_up()
            self._busy.release()
            return here
        # Written from a thread: a side process just started reads only once its imports are
        # done (about a second), and NER need not wait for that.
        writer = threading.Thread(target=_send, args=(proc, payload), daemon=True)
        writer.start()
        done = False

        def result() -> Dated:
            nonlocal done
            if done:
                raise RuntimeError("a dated batch is read once")
            done = True
            try:
                writer.join()
                assert proc.stdout is not None
                out, cpu = pickle.load(proc.stdout)
            except (OSError, EOFError, pickle.UnpicklingError):
                self._give_up()  # the side process died: date here
                return date_batch(inputs, today)
            finally:
                self._busy.release()
            if isinstance(out, BaseException):
                raise out  # as date_batch raises in process
            self.cpu_seconds += cpu
            return out  # type: ignore[no-any-return]

        def cancel() -> None:
            nonlocal done
            if not done:  # its answer would be read as the next batch's: start afresh
                done = True
                self.close(kill=True)
                self._busy.release()

        return Pending(result, cancel)

    def _start(self) -> subprocess.Popen[bytes]:
        if self._proc is None or self._proc.poll() is not None:
            root = str(Path(__file__).resolve().parents[2])  # where storyline is imported from
            env = dict(os.environ, PYTHONPATH=os.pathsep.join(
                [root, *filter(None, [os.environ.get("PYTHONPATH")])]))
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "storyline.temporal.dating"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
            if not self._exit_hook:
                atexit.register(self.close)
                self._exit_hook = True
        return self._proc

    def _give_up(self) -> None:
        self._broken = True
        self.close(kill=True)

    def close(self, *, kill: bool = False) -> None:
        """End the side process (its CPU time then counts among this process's children);
        ``kill``: without letting it finish the batch it is dating."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            if kill:
                proc.kill()
            if proc.stdin:
                proc.stdin.close()  # end of input: it exits
            proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()
        finally:
            if proc.stdout:
                proc.stdout.close()


def _send(proc: subprocess.Popen[bytes], payload: bytes) -> None:
    try:
        assert proc.stdin is not None
        proc.stdin.write(payload)
        proc.stdin.flush()
    except (OSError, ValueError):
        pass  # the side process died (or was closed): reading its answer finds out


def serve(stdin: BinaryIO, stdout: BinaryIO) -> None:
    """The side process: date each pickled (inputs, today) batch until end of input."""
    while True:
        try:
            inputs, today = pickle.load(stdin)
        except EOFError:
            return
        c0 = time.process_time()
        try:
            out: Dated | BaseException = date_batch(inputs, today)
        except Exception as exc:  # handed back, raised in the caller
            out = exc
        pickle.dump((out, time.process_time() - c0), stdout, protocol=pickle.HIGHEST_PROTOCOL)
        stdout.flush()


if __name__ == "__main__":
    answers = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing printed by the way may garble the answers
    serve(sys.stdin.buffer, answers)
