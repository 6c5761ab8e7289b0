"""A real timeout for HTML work: :func:`explain_html` in a :class:`cleantext.worker.Worker`.

libxml2 parses in C and does not return to Python until it is done, so a
signal or a thread cannot interrupt it, and the in-process time budget is
not checked during extraction.  With ``timeout=``, the whole of
:func:`~cleantext.html.explain_html` runs in the same worker process
mechanism as the text pipeline's (:mod:`cleantext.worker`); only the function
run in the child and the timeout class differ.  No in-process budget stops
HTML work early, so the child is killed at ``timeout`` itself (no grace).
"""
from __future__ import annotations

from functools import partial
from typing import Any

from ..document import Result
from ..limits import DocumentTimeout
from ..pipeline import Pipeline
from ..worker import Worker
from .api import DEFAULT_OPTIONS, HtmlOptions, explain_html


class HtmlTimeout(DocumentTimeout):
    """HTML cleaning did not finish within the ``timeout`` given.

    A :class:`~cleantext.DocumentTimeout`, so also a ``CleantextError`` and a
    ``TimeoutError``.
    """


def _explain_item(item: tuple[bytes | str, str | None], *, pipeline: Pipeline | None,
                  options: HtmlOptions) -> Result:
    html, url = item
    return explain_html(html, url=url, pipeline=pipeline, options=options)


class IsolatedHtml(Worker):
    """Run :func:`~cleantext.html.explain_html` in a worker process, killed after ``timeout`` s.

    ``pipeline`` and ``options`` are those of :func:`explain_html`.  One
    persistent child serves every page given to :meth:`explain`; a page
    that overruns raises :class:`HtmlTimeout` and the next page gets a new
    child.  Errors raised in the child (``NotTextError``, ``InputTooLarge``)
    come back as themselves; a child that dies raises
    :class:`~cleantext.worker.WorkerDied`.  ``start_method`` as for
    :class:`~cleantext.worker.Worker`.
    """

    def __init__(self, *, timeout: float, pipeline: Pipeline | None = None,
                 options: HtmlOptions | None = None, start_method: str | None = None) -> None:
        func: Any = partial(_explain_item, pipeline=pipeline, options=options or DEFAULT_OPTIONS)
        super().__init__(func, timeout=timeout, timeout_error=HtmlTimeout,
                         start_method=start_method)

    def explain(self, html: bytes | str, *, url: str | None = None) -> Result:
        """Clean one page in the child, as ``explain_html(html, url=url, ...)`` would."""
        return self.run((html, url))

    def __enter__(self) -> IsolatedHtml:
        return self
