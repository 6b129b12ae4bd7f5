"""The local web UI and its JSON API (FastAPI), served by `storyline serve`.

``create_app`` is imported lazily: the story views (:mod:`storyline.web.story`) are also used by
the static report, which must not need FastAPI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

    from storyline.config import Settings

__all__ = ["create_app"]


def create_app(db_path: Any, settings: Settings | None = None, **options: Any) -> FastAPI:
    """The web app over the store at ``db_path``; see :func:`storyline.web.app.create_app`."""
    from storyline.web.app import create_app as _create

    return _create(db_path, settings, **options)
