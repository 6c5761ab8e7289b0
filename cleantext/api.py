"""The top-level functions: :func:`clean` and :func:`explain`."""
from __future__ import annotations

from .defaults import default_pipeline
from .document import Result
from .pipeline import Pipeline


def _check(text: object, fn: str) -> None:
    if not isinstance(text, str):
        hint = (" decode it first with cleantext.decode_bytes(), or pass HTML to clean_html()"
                if isinstance(text, (bytes, bytearray, memoryview)) else "")
        raise TypeError(f"{fn}() expects str, got {type(text).__name__};{hint}".rstrip(";"))


def clean(text: str, *, pipeline: Pipeline | None = None) -> str:
    """Return the article text of ``text`` with page furniture removed.

    ``pipeline`` defaults to :func:`~cleantext.default_pipeline`.
    """
    _check(text, "clean")
    return (pipeline or default_pipeline()).explain(text).text


def explain(text: str, *, pipeline: Pipeline | None = None) -> Result:
    """Clean ``text`` and return a :class:`~cleantext.Result`: text, removals, metadata."""
    _check(text, "explain")
    return (pipeline or default_pipeline()).explain(text)
