"""What the ``cleantext`` command needs for HTML: its options, sniffing, dispatch.

Kept here so that :mod:`cleantext.cli` only has to call :func:`add_arguments`,
:func:`explain_input` and :func:`record_explainer`.
"""
from __future__ import annotations

import argparse
import re
from collections.abc import Callable

from ..decoding import decode_bytes
from ..document import Result
from ..pipeline import Pipeline
from .api import explain_html

#: Markup that only an HTML document starts with (after optional BOM and space):
#: a doctype, ``<html``, ``<head``, ``<body``, an XML declaration or a comment
#: followed by one of those.  Anchored, bounded: linear time.
HTML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s{0,64}(?:<!--[^>]{0,200}-->\s{0,64})?"
                        rb"<(?:!doctype\s{1,8}html|html|head|body|\?xml)[\s>]", re.IGNORECASE)
#: A tag naming an HTML document anywhere in the first KB (pages with leading junk).
HTML_TAG = re.compile(rb"<(?:html|head|body|meta|title)[\s>/]", re.IGNORECASE)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Add ``--html``, ``--text`` and ``--html-timeout`` to the command's parser."""
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--html", dest="input_mode", action="store_const", const="html",
                      help="input is HTML: extract the article, then clean it (default: "
                           "files and stdin that start like an HTML document)")
    mode.add_argument("--text", dest="input_mode", action="store_const", const="text",
                      help="input is text, even if it looks like HTML")
    p.add_argument("--html-timeout", type=float, metavar="SECONDS",
                   help="stop cleaning one HTML page after this long (runs in a worker process)")


def looks_like_html(data: bytes) -> bool:
    """True when ``data`` starts like an HTML document (UTF-16 pages included)."""
    head = data[:1024]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            head = head.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return False
    return bool(HTML_START.match(head) or HTML_TAG.search(head))


def explain_input(data: bytes, pipeline: Pipeline, *, mode: str | None,
                  timeout: float | None = None) -> Result:
    """Clean one whole input: as HTML when ``mode`` is "html" or it looks like HTML."""
    if mode == "html" or (mode is None and looks_like_html(data)):
        return explain_html(data, pipeline=pipeline, timeout=timeout)
    return pipeline.explain(decode_bytes(data))


def record_explainer(args: argparse.Namespace, pipeline: Pipeline) -> Callable[[str], Result]:
    """How each JSONL record's field is cleaned: as text, or as HTML with ``--html``."""
    if getattr(args, "input_mode", None) != "html":
        return pipeline.explain
    timeout = getattr(args, "html_timeout", None)
    return lambda html: explain_html(html, pipeline=pipeline, timeout=timeout)
