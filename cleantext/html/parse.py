"""Parsing HTML text into one lxml tree, without libxml2's silent losses.

libxml2 stops parsing, keeping only what came before, at nesting depth 256
(2048 with ``huge_tree``) and drops text nodes over 10 MB unless
``huge_tree`` is set.  Every parse here uses ``huge_tree``; when the parser
still reports excessive depth, the markup is *flattened*: tags that would
open beyond :data:`MAX_DEPTH` are left out (their text stays) and the page is
parsed again.  What was done is reported in :class:`Parsed.notes`.

The tree is parsed once and handed to the extractor as is: the text is
encoded to UTF-8 and the parser is told so, which makes ``<meta charset>``
and ``<?xml encoding?>`` declarations irrelevant (the decoding step has
already decided).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree, html

#: Tags opening deeper than this are dropped by the flattening pass; far above
#: any real page, far below libxml2's hard limits.
MAX_DEPTH = 200

#: Characters XML (and so lxml) cannot hold: C0 controls but TAB, LF, CR, and
#: the non-characters U+FFFE/U+FFFF.  A single character class: linear.
INVALID_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: The C0 controls of :data:`INVALID_XML_CHARS`, as bytes.
_C0_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13))
#: Lone surrogates (from ``str`` input built with ``surrogateescape``/JSON).
SURROGATES = re.compile("[\ud800-\udfff]")
#: A numeric character reference, decimal or hex, ``;`` optional as in browsers.
CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,16}));?")
#: One tag, for the flattening pass: ``<``, optional ``/``, a name, then up to ``>``.
#: ``[^<>]`` stops each attempt at the next ``<``: linear even on ``"<a" * n``.
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})[^<>]*>")

#: Elements that never have content or a closing tag.
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


class Parsed(NamedTuple):
    """The parsed tree and what had to be done to get it."""

    tree: html.HtmlElement | None
    notes: tuple[str, ...]


def _parser() -> html.HTMLParser:
    # A new parser per document: lxml parsers keep an error log and are not thread-safe.
    return html.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=True,
                           remove_pis=True, collect_ids=False, default_doctype=False)


def _too_deep(parser: html.HTMLParser) -> bool:
    return any("Excessive depth" in e.message for e in parser.error_log)


def flatten(text: str, max_depth: int = MAX_DEPTH) -> tuple[str, int]:
    """Drop the tags that would nest deeper than ``max_depth``; keep all text.

    Returns the new markup and the number of tags dropped.  One pass over the
    tags, tracking open elements by name: linear time.
    """
    out: list[str] = []
    stack: list[str] = []
    dropped: dict[str, int] = {}
    n = 0
    pos = 0
    for m in TAG.finditer(text):
        closing, name = m.group(1), m.group(2).lower()
        keep = True
        if name in VOID or m.group(0).endswith("/>"):
            pass
        elif closing:
            if dropped.get(name):
                dropped[name] -= 1
                keep = False
            elif name in stack:
                while stack and stack.pop() != name:
                    pass
        elif len(stack) >= max_depth:
            dropped[name] = dropped.get(name, 0) + 1
            keep = False
        else:
            stack.append(name)
        if not keep:
            out.append(text[pos:m.start()])
            out.append(" ")
            pos = m.end()
            n += 1
    out.append(text[pos:])
    return "".join(out), n


def _fix_char_ref(m: re.Match[str]) -> str:
    cp = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    if cp > 0x10FFFF or 0xD800 <= cp <= 0xDFFF or cp == 0 or cp in (0xFFFE, 0xFFFF):
        return "\ufffd"
    if cp < 0x20 and cp not in (9, 10, 13):
        return ""
    return m.group(0)


def _clean_chars(text: str) -> tuple[str, bytes]:
    """Remove what libxml2 cannot hold, so that it never drops a text node over it;
    return the text and its UTF-8 bytes for the parser.

    Numeric references to invalid code points (NUL, surrogates, beyond
    U+10FFFF) become U+FFFD, as in browsers; references to C0 controls go;
    raw C0 controls go; lone surrogates become U+FFFD.
    """
    if "&#" in text:
        text = CHAR_REF.sub(_fix_char_ref, text)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        text = SURROGATES.sub("\ufffd", text)
        data = text.encode("utf-8")
    # bytes.translate is a fast C scan; the regex runs only when something is there.
    if (len(data.translate(None, _C0_BYTES)) != len(data)
            or b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data):
        text = INVALID_XML_CHARS.sub("", text)
        data = text.encode("utf-8")
    return text, data


def parse_html(text: str) -> Parsed:
    """Parse ``text`` into a tree with an ``<html>`` root, or ``None`` if it has no markup or text."""
    notes: list[str] = []
    if not text.strip():
        return Parsed(None, ("empty input",))
    text, data = _clean_chars(text)
    parser = _parser()
    try:
        tree = html.document_fromstring(data, parser=parser)
    except etree.ParserError:
        return Parsed(None, ("no content to parse",))
    if _too_deep(parser):
        flat, n = flatten(text)
        notes.append(f"flattened: {n} tags nested deeper than {MAX_DEPTH} dropped, their text kept")
        parser = _parser()
        try:
            tree = html.document_fromstring(flat.encode("utf-8"), parser=parser)
        except etree.ParserError:
            return Parsed(None, tuple(notes) + ("no content to parse",))
        if _too_deep(parser):  # pragma: no cover - flattening bounds the depth
            notes.append("parser still reports excessive depth: content may be missing")
    return Parsed(tree, tuple(notes))
