"""A bound on request bodies, enforced while they arrive (ASGI middleware).

A Content-Length over the limit is refused before any byte is read; a body sent without one
(chunked) is counted as it streams and refused as soon as it passes the limit, so an upload can
never fill the disk or memory. The answer is 413 with error code E020.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from storyline.errors import E020

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


def too_large_body(size: int | str, limit: int) -> bytes:
    return json.dumps({"error": {"code": E020.code, "slug": E020.slug,
                                 "message": E020.format(size=size, limit=limit)}}).encode()


class _TooLarge(Exception):
    pass


class BodyLimit:
    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send, int(declared))
            return
        state = {"received": 0, "over": False, "started": False}

        async def counted() -> Message:
            msg = await receive()
            if msg["type"] == "http.request":
                state["received"] += len(msg.get("body", b""))
                if state["received"] > self.limit:
                    state["over"] = True
                    raise _TooLarge()
            return msg

        async def guarded(msg: Message) -> None:
            if state["over"]:
                return  # whatever the app makes of the cut body, the client gets the 413
            if msg["type"] == "http.response.start":
                state["started"] = True
            await send(msg)

        try:
            await self.app(scope, counted, guarded)
        except Exception:
            # Frameworks may wrap our exception in their own (FastAPI turns body errors into 400).
            if not state["over"]:
                raise
        if state["over"] and not state["started"]:
            await self._refuse(send, f"more than {self.limit}")

    async def _refuse(self, send: Send, size: int | str) -> None:
        body = too_large_body(size, self.limit)
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
