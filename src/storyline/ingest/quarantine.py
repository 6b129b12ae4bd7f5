"""Building Quarantined records the same way in every reader."""

from __future__ import annotations

from storyline.errors import Code
from storyline.records import Quarantined


def quarantine(code: Code, origin: str, payload: bytes | None, *, size: int | None = None, **why: object) -> Quarantined:
    """A Quarantined record for ``origin`` whose detail is ``code``'s sentence filled in."""
    size = size if size is not None else len(payload or b"")
    return Quarantined(
        origin=origin,
        code=code.code,
        reason=code.slug,
        detail=code.format(origin=origin, size=size, **why),
        payload=payload,
        size=size,
    )
