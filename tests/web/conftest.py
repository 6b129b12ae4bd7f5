"""Shared fixtures of the web tests: a store with the example corpus (ingested once per session by
the real command line), a live server on a free port, and Debian's Chromium through Playwright."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "russia-turkey"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def ingest(db: Path, *paths: Path) -> dict:
    """`storyline ingest` in a child process, as a user runs it."""
    env = dict(os.environ, COLUMNS="200")
    proc = subprocess.run([sys.executable, "-m", "storyline", "--db", str(db), "--json", "ingest",
                           *map(str, paths)], capture_output=True, env=env, timeout=900,
                          check=False)
    assert proc.returncode in (0, 3), proc.stderr.decode()
    return json.loads(proc.stdout)


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("web") / "examples.db"
    report = ingest(db, EXAMPLES)
    assert report["articles_added"] == 5
    return db


@pytest.fixture
def example_copy(example_db: Path, tmp_path: Path) -> Path:
    """A copy of the example store a test may change."""
    db = tmp_path / "copy.db"
    shutil.copy(example_db, db)
    for suffix in ("-wal", "-shm"):
        if Path(str(example_db) + suffix).exists():
            shutil.copy(str(example_db) + suffix, str(db) + suffix)
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """`create_app` served by uvicorn in a thread, stopped at teardown."""

    def __init__(self, db: Path) -> None:
        import uvicorn

        from storyline.web import create_app

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = create_app(db)
        self.server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:  # noqa: PYI034  (a fixture, never subclassed)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live(example_db: Path) -> Iterator[LiveServer]:
    with LiveServer(example_db) as server:
        yield server


def _chromium_missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed: run `make test` (it installs the test extra and Debian's chromium)"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    why = _chromium_missing()
    if why:
        pytest.skip(why)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    pg = context.new_page()
    pg.set_default_timeout(120_000)  # the first story view is computed on a loaded machine
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.js_errors = errors  # type: ignore[attr-defined]
    yield pg
    context.close()


@pytest.fixture(scope="session")
def serve_store() -> type[LiveServer]:
    """``with serve_store(db) as server:`` a live server over another store."""
    return LiveServer


@pytest.fixture(scope="session")
def run_ingest():  # type: ignore[no-untyped-def]
    return ingest
