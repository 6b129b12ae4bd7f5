"""Ingest by upload: the uploaded files go through the same ingest and analysis as
`storyline ingest`, one upload at a time."""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

from storyline.config import Settings
from storyline.search import index_search
from storyline.store.sqlite import Store
from storyline.web import parts

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str | None, index: int) -> str:
    """A file name that cannot leave the upload folder; the extension picks the reader, so it
    is kept."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).lstrip(".")[:120] or "upload"
    return f"{index:03d}-{base}"


class Uploader:
    """Serialises uploads (one writer at a time) and keeps the NER model loaded between them."""

    def __init__(self, db_path: Path, settings: Settings) -> None:
        self.db_path = db_path
        self.settings = settings
        self._lock = threading.Lock()
        self._tagger: Any = None
        self._models: dict[str, Any] = {}  # loaded models kept between uploads

    def ingest(self, files: Iterable[tuple[str | None, BinaryIO]]) -> dict[str, Any]:
        from storyline.analyze import Analyzer
        from storyline.pipeline import IngestRunner

        with self._lock, tempfile.TemporaryDirectory(prefix="storyline-upload-") as tmp:
            names: dict[str, str] = {}
            paths = []
            for i, (name, stream) in enumerate(files, 1):
                path = Path(tmp) / safe_name(name, i)
                with open(path, "wb") as out:
                    shutil.copyfileobj(stream, out)
                names[str(path)] = name or path.name
                paths.append(path)
            with Store(self.db_path) as store:
                report = IngestRunner(store, self.settings, workers=1).run(
                    paths, argv=["serve", "upload", *names.values()],
                    origins={p: f"upload:{n}" for p, n in names.items()})
                data = report.to_dict()
                if report.articles_added + report.recleaned_for_recurring_lines:
                    analyzer = Analyzer(store, self.settings, tagger=self._tagger)
                    data["analysis"] = analyzer.run().to_dict()
                    self._tagger = analyzer.tagger
                    data["search_vectors"] = index_search(store, self.settings.search_embedder)
                    stories = parts.update_stories(store, self.settings, self._models)
                    data["stories"] = parts.as_dict(stories) if not parts.unavailable(stories) \
                        else stories.to_dict()
            return _uploaded_names(data, names)


def _uploaded_names(data: Any, names: dict[str, str]) -> Any:
    """The report with the temporary paths replaced by the names the client sent."""
    if isinstance(data, str):
        for path, name in names.items():
            data = data.replace(path, f"upload:{name}")
        return data
    if isinstance(data, list):
        return [_uploaded_names(x, names) for x in data]
    if isinstance(data, dict):
        return {k: _uploaded_names(v, names) for k, v in data.items() if k != "db"}
    return data
