"""The top-level functions: :func:`clean` and :func:`explain`."""
from __future__ import annotations

from .defaults import default_pipeline
from .document import Result
from .limits import Limits
from .pipeline import Pipeline


def _check(text: object, fn: str) -> None:
    if not isinstance(text, str):
        hint = (" decode it first with cleantext.decode_bytes(), or pass HTML to clean_html()"
                if isinstance(text, (bytes, bytearray, memoryview)) else "")
        raise TypeError(f"{fn}() expects str, got {type(text).__name__};{hint}".rstrip(";"))


def _pipeline(pipeline: Pipeline | None, limits: Limits | None) -> Pipeline:
    pipe = pipeline or default_pipeline()
    return pipe if limits is None else pipe.with_limits(limits)


def clean(text: str, *, pipeline: Pipeline | None = None, limits: Limits | None = None) -> str:
    """Return the article text of ``text`` with page furniture removed.

    ``pipeline`` defaults to :func:`~cleantext.default_pipeline`.  ``limits``
    (a :class:`~cleantext.Limits`) replaces the pipeline's limits for this
    call: input size, line length seen by the detectors, time per document.
    Raises ``TypeError`` for anything but ``str``,
    :class:`~cleantext.InputTooLarge` and :class:`~cleantext.DocumentTimeout`
    past the limits.
    """
    _check(text, "clean")
    return _pipeline(pipeline, limits).explain(text).text


def explain(text: str, *, pipeline: Pipeline | None = None, limits: Limits | None = None) -> Result:
    """Clean ``text`` and return a :class:`~cleantext.Result`: text, removals, metadata.

    Options as for :func:`clean`.  Lines longer than the limit, kept but not
    examined, are listed in ``result.metadata["limits"]``.
    """
    _check(text, "explain")
    return _pipeline(pipeline, limits).explain(text)
