"""What every reader shares: decoding an input, or saying why it cannot be decoded."""

from __future__ import annotations

from storyline.errors import Q103
from storyline.ingest.decode import DecodeFailure, decode
from storyline.ingest.quarantine import quarantine
from storyline.records import Input, Quarantined


def decode_input(inp: Input, hint: str | None = None) -> str | Quarantined:
    """The input's text, or a Quarantined (Q102 binary, Q105 undecodable, Q103 blank)."""
    try:
        text = decode(inp.data, hint=hint)
    except DecodeFailure as exc:
        return quarantine(exc.code, inp.origin, inp.data)
    if not text.strip():
        return quarantine(Q103, inp.origin, inp.data)
    return text
