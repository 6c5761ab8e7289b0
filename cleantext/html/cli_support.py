"""What the ``cleantext`` command needs for HTML: its options, sniffing, dispatch.

Kept here so that :mod:`cleantext.cli` only has to call :func:`add_arguments`,
:func:`is_html`, :func:`explainer` and :func:`record_explainer`.
"""
from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager as ContextManager
from contextlib import contextmanager, nullcontext
from functools import partial

from ..document import Result
from ..defaults import default_pipeline
from ..pipeline import Pipeline
from .api import explain_html, extracted_pipeline
from .worker import IsolatedHtml

#: Cleans one HTML input (bytes or str).
HtmlExplain = Callable[[bytes | str], Result]

#: Markup that only an HTML document starts with (after optional BOM and space):
#: a doctype, ``<html``, ``<head``, ``<body``, an XML declaration or a comment
#: followed by one of those.  Anchored, bounded: linear time.
HTML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s{0,64}(?:<!--[^>]{0,200}-->\s{0,64})?"
                        rb"<(?:!doctype\s{1,8}html|html|head|body|\?xml)[\s>]", re.IGNORECASE)
#: A tag naming an HTML document anywhere in the first KB (pages with leading junk).
HTML_TAG = re.compile(rb"<(?:html|head|body|meta|title)[\s>/]", re.IGNORECASE)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Add ``--html`` and ``--text`` to the command's parser (``--timeout`` covers HTML too)."""
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--html", dest="input_mode", action="store_const", const="html",
                      help="input is HTML: extract the article, then clean it (default: "
                           "files and stdin that start like an HTML document)")
    mode.add_argument("--text", dest="input_mode", action="store_const", const="text",
                      help="input is text, even if it looks like HTML")


def looks_like_html(data: bytes) -> bool:
    """True when ``data`` starts like an HTML document (UTF-16 pages included)."""
    head = data[:1024]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            head = head.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return False
    return bool(HTML_START.match(head) or HTML_TAG.search(head))


def is_html(data: bytes, mode: str | None) -> bool:
    """Whether an input is cleaned as HTML: forced by ``mode``, else when it looks like HTML."""
    return mode == "html" or (mode is None and looks_like_html(data))


def html_pipeline(pipeline: Pipeline) -> Pipeline:
    """The text chain for HTML input.

    When the command line's chain has the default filters with their default
    options (no ``--config``, ``--only``, ``--skip``), it becomes
    :func:`~cleantext.html.extracted_pipeline` with the command line's limits,
    as :func:`clean_html` does by default; any other chain is used as given.
    """
    if pipeline.filters != default_pipeline().filters:
        return pipeline
    return extracted_pipeline().with_limits(pipeline.limits)


def explainer(args: argparse.Namespace, pipeline: Pipeline) -> ContextManager[HtmlExplain]:
    """A context giving the ``page -> Result`` function for HTML inputs.

    The chain is what :func:`html_pipeline` makes of ``pipeline``.  In-process;
    or, with ``--timeout``, in one :class:`~cleantext.html.IsolatedHtml`
    worker process kept for the whole run (started on the first page, so a
    run without HTML input starts none), the same mechanism the text inputs
    use.
    """
    chain = html_pipeline(pipeline)
    timeout = getattr(args, "timeout", None)
    if timeout is None:
        return nullcontext(partial(explain_html, pipeline=chain))
    return _isolated(chain, timeout)


@contextmanager
def _isolated(chain: Pipeline, timeout: float) -> Iterator[HtmlExplain]:
    with IsolatedHtml(pipeline=chain, timeout=timeout) as worker:
        yield worker.explain


def record_explainer(args: argparse.Namespace, text_explain: Callable[[str], Result],
                     html_explain: HtmlExplain) -> Callable[[str], Result]:
    """How each JSONL record's field is cleaned: as text, or as HTML with ``--html``."""
    if getattr(args, "input_mode", None) != "html":
        return text_explain
    return html_explain
