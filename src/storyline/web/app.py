"""The FastAPI app: JSON API under /api, the offline web UI, and offline API docs at /docs.

Every request opens the store read-only for itself (SQLite connections stay in their thread); only
uploads write, one at a time. Story views are computed once per story and store state
(:mod:`storyline.web.cache`).
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, File, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline.config import Settings
from storyline.corpus import load_corpus
from storyline.errors import E002, E005, E010, E013, StorylineError
from storyline.records import Article
from storyline.store.sqlite import Store
from storyline.web import parts
from storyline.web.cache import ResultCache, store_stamp
from storyline.errors import E021, E022
from storyline.web.limits import BodyLimit
from storyline.web.story import build_story, story_meta
from storyline.web.upload import Uploader

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
DEFAULT_MAX_UPLOAD = 20_000_000  # bytes per request
STORY_PARTS = ("summary", "timeline", "entities", "outlets", "disagreements", "quotes", "coverage",
               "articles", "sources")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# Scripts, styles, images and requests only from this server: article text that slipped through
# as markup could neither run inline script nor call out.
CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
_SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

_STATUS = {"E002": 404, "E013": 404, "E014": 404, "E008": 503, "E003": 500, "E004": 500,
           "E020": 413, "E022": 500}


def error_body(code: Any, message: str) -> dict[str, Any]:
    return {"error": {"code": code.code, "slug": code.slug, "message": message}}


def _json(data: Any, status: int = 200) -> Response:
    return Response(_dumps(data), status_code=status, media_type="application/json")


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str).encode()


class SecurityHeaders:
    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(msg: dict[str, Any]) -> None:
            if msg["type"] == "http.response.start":
                msg["headers"] = list(msg.get("headers", [])) + _SECURITY_HEADERS
            await send(msg)

        await self.app(scope, receive, with_headers)


def create_app(db_path: str | Path, settings: Settings | None = None, *,
               max_upload_bytes: int | None = None, cache_size: int = 32,
               warm: int = 0) -> FastAPI:
    """The app over the store ``db_path`` (created when missing). ``warm``: compute the views of
    the first N stories in the background at once, so their first visit is served from the cache
    (summaries take seconds)."""
    db = Path(db_path)
    settings = settings or Settings()
    limit = max_upload_bytes or DEFAULT_MAX_UPLOAD
    with Store(db):  # create or migrate once, so every request can open it read-only
        pass
    cache = ResultCache(cache_size)
    uploader = Uploader(db, settings)

    app = FastAPI(
        title="Storyline", version="1",
        description="Stories, timelines, cited summaries and disagreements of a Storyline store. "
                    "Errors are JSON: {\"error\": {\"code\": \"E0xx\", \"message\": ...}}.",
        docs_url=None, redoc_url=None)  # the default docs page loads Swagger from a CDN
    app.state.cache = cache
    app.state.db = db

    def store() -> Store:
        return Store(db, readonly=True)

    # -- errors ---------------------------------------------------------------------------------

    @app.exception_handler(StorylineError)
    async def _storyline_error(request: Request, exc: StorylineError) -> Response:
        return _json(error_body(exc.code, exc.message), _STATUS.get(exc.code.code, 400))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        why = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}"
                        for e in exc.errors())
        return _json(error_body(E021, E021.format(why=f"Invalid request ({why})")), 422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        why = f"No such endpoint: {request.method} {request.url.path}" if exc.status_code == 404 \
            else str(exc.detail)
        return _json(error_body(E021, E021.format(why=why)), exc.status_code)

    @app.exception_handler(Exception)
    async def _failed(request: Request, exc: Exception) -> Response:
        log.exception("request %s failed", request.url.path)
        msg = E022.format(path=request.url.path, why=type(exc).__name__)
        return JSONResponse(error_body(E022, msg), status_code=500)

    # -- stories --------------------------------------------------------------------------------

    def story_list() -> list[dict[str, Any]]:
        def compute() -> Any:
            with store() as s:
                found = parts.stored_stories(s)
                stories = found if found is not None else [parts.whole_store(s)]
                return [story_meta(x) for x in stories]
        return cache.get(("stories", store_stamp(db)), compute)  # type: ignore[no-any-return]

    def story_view(story_id: str) -> tuple[dict[str, Any], bytes]:
        """(data, JSON bytes) of a story; a cached view is served without opening the store."""
        def compute() -> Any:
            with store() as s:
                found = parts.find_story(s, story_id)
                if found is None:
                    raise StorylineError(E013, id=story_id, db=db)
                corpus = load_corpus(s, found.article_ids)
                data = build_story(corpus, found, settings, store=s)
                return data, _dumps(data)
        return cache.get(("story", story_id, store_stamp(db)), compute)  # type: ignore[no-any-return]

    @app.get("/api/stories", tags=["stories"], summary="List stories")
    def list_stories() -> Response:
        """Stories, biggest first: id, title, time span, outlets, counts. Until stories are
        built, the whole store is one story with id `all`."""
        return _json({"stories": story_list()})

    @app.get("/api/stories/{story_id}", tags=["stories"], summary="One story, all of it")
    def get_story(story_id: str) -> Response:
        """Summary, timeline, entities, outlets, disagreements, quotes by speaker, coverage,
        articles and numbered sources (every citation's `n` indexes `sources`). A part not
        built yet has `status: not_computed`."""
        return Response(story_view(story_id)[1], media_type="application/json")

    @app.get("/api/stories/{story_id}/{part}", tags=["stories"], summary="One part of a story")
    def get_story_part(story_id: str, part: str) -> Response:
        """One of: summary, timeline, entities, outlets, disagreements, quotes, coverage,
        articles, sources."""
        if part not in STORY_PARTS:
            raise StorylineError(E021, why=f"No story part '{part}'; use one of "
                                           + ", ".join(STORY_PARTS))
        data, _ = story_view(story_id)
        return _json({"story": data["story"], part: data[part]})

    # -- articles -------------------------------------------------------------------------------

    @app.get("/api/articles", tags=["articles"], summary="List articles")
    def list_articles(limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                      offset: Annotated[int, Query(ge=0)] = 0,
                      outlet: str | None = None) -> Response:
        with store() as s:
            rows = s.list_articles(limit=limit, offset=offset, outlet=outlet)
            total = s.count_articles()
        return _json({"total": total, "offset": offset, "articles": [
            {"id": r.id, "title": r.title, "outlet": r.outlet, "published": r.published,
             "n_chars": r.n_chars, "n_removed": r.n_removed, "copies": r.dup_group_size - 1,
             "origin": r.origin} for r in rows]})

    @app.get("/api/articles/{article_id}", tags=["articles"], summary="One article")
    def get_article(article_id: str) -> Response:
        """Clean text, removed lines with reasons (and `at`, the clean offset where each one
        stood), sentence spans, publication date, duplicates and story."""
        with store() as s:
            aid = _resolve_article(s, article_id, db)
            a = s.get_article(aid)
            assert a is not None
            return _json(article_json(s, a))

    # -- search ---------------------------------------------------------------------------------

    @app.get("/api/search", tags=["search"], summary="Search articles and sentences")
    def search(q: Annotated[str, Query(min_length=1, max_length=500)],
               story: str | None = None, entity: str | None = None, outlet: str | None = None,
               since: str | None = None, until: str | None = None,
               limit: Annotated[int, Query(ge=1, le=200)] = 20) -> Response:
        for value in (since, until):
            if value is not None and not _DATE.match(value):
                raise StorylineError(E010, value=value)
        with store() as s:
            story_id = None
            if story and story != parts.ALL:
                found = parts.find_story(s, story)
                if found is None:
                    raise StorylineError(E013, id=story, db=db)
                story_id = found.id
            hits = parts.search(s, q, limit=limit, story=story_id, entity=entity, outlet=outlet,
                                since=since, until=until)
            if parts.unavailable(hits):
                return _json({"query": q, **hits.to_dict(), "hits": []})
            return _json({"query": q, "status": "ok",
                          "hits": [_hit(s, parts.as_dict(h)) for h in hits]})

    # -- ingest ---------------------------------------------------------------------------------

    @app.post("/api/ingest", tags=["ingest"], summary="Ingest uploaded files")
    async def ingest(files: Annotated[list[UploadFile], File(
            description="Articles: txt, HTML, JSONL/JSON, CSV, RSS/Atom or WARC")]) -> Response:
        """Same as `storyline ingest`: the run report, with every quarantined input, its code and
        reason. Requests over the size limit get 413 with code E020."""
        if not files:
            raise StorylineError(E005)
        report = await run_in_threadpool(
            uploader.ingest, [(f.filename, f.file) for f in files])
        cache.clear()
        return _json(report, 201 if report.get("articles_added") else 200)

    @app.get("/api/health", tags=["meta"], summary="Is the server up")
    def health() -> Response:
        with store() as s:
            return _json({"status": "ok", "articles": s.count_articles()})

    # -- UI and docs ----------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"cache-control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html", headers={"cache-control": "no-cache"})

    def warm_up() -> None:
        try:
            for meta in story_list()[:warm]:
                story_view(meta["id"])
        except Exception:  # a cold cache is slower, not broken: requests compute what they need
            log.exception("warming the story cache failed")

    if warm > 0:
        threading.Thread(target=warm_up, name="storyline-warm", daemon=True).start()

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BodyLimit, limit=limit)
    app.add_middleware(SecurityHeaders)
    return app


def _resolve_article(s: Store, given: str, db: Path) -> str:
    if s.has_article(given):
        return given
    found = s.find_article_ids(given, limit=2)
    if len(found) == 1:
        return found[0]
    raise StorylineError(E002, id=given, db=db)


def removed_at(a: Article) -> list[int]:
    """For each removed line, the clean offset where it stood (for showing it in place)."""
    segments = a.offsets.segments
    out = []
    for r in a.removed:
        at = len(a.clean_text)
        for clean_start, raw_start, _ in segments:
            if raw_start >= r.start:
                at = clean_start
                break
        out.append(at)
    return out


def article_json(s: Store, a: Article) -> dict[str, Any]:
    dct = s.dct_of(a.id)
    story_of = getattr(s, "story_of", None)
    return {
        "id": a.id, "title": a.title, "outlet": a.outlet, "byline": a.byline,
        "published": dct.value if dct and dct.value else a.published,
        "published_source": dct.source if dct else a.published_source,
        "url": a.url, "origin": a.origin, "format": a.format, "language": a.language,
        "text": a.clean_text,
        "removed": [{"index": i, "reason": r.reason, "text": r.text, "at": at,
                     "raw_start": r.start, "raw_end": r.end}
                    for i, (r, at) in enumerate(zip(a.removed, removed_at(a)), 1)],
        "sentences": [{"start": x.start, "end": x.end} for x in s.sentences_of(a.id)],
        "duplicates": [{"article": d.other_id if d.article_id == a.id else d.article_id,
                        "kind": d.kind, "similarity": round(d.similarity, 3)}
                       for d in s.duplicates_of(a.id)],
        "story": story_of(a.id) if story_of else None,
    }


def _hit(s: Store, h: dict[str, Any]) -> dict[str, Any]:
    """A search hit with what the results page shows beside it (title, outlet)."""
    aid = h.get("article") or h.get("article_id")
    if aid and "title" not in h:
        art = s.get_article(str(aid))
        if art is not None:
            h = {**h, "title": art.title, "outlet": h.get("outlet", art.outlet)}
    return h
