"""Main-text extraction with trafilatura, kept as blocks with their structure.

trafilatura runs on the tree parsed once by :mod:`cleantext.html.parse`, in
the configuration chosen by measurement (see ``docs/html.md``).  Instead of its
flat text, its output tree is read element by element: each top-level element
(paragraph, heading, list item, quote, table...) becomes a
:class:`Piece` that knows its element type and how much of its text was link
text, which the structural rules in :mod:`cleantext.html.structure` use.

Metadata (title, author, date, site name, URL) comes from trafilatura's own
metadata functions, run in their cheap form: ``<meta>``, OpenGraph and JSON-LD
first, the date from htmldate without its extensive search.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, NamedTuple

from lxml import etree

# trafilatura and htmldate log every page they discard at WARNING, which Python
# prints on stderr when logging is not configured; cleantext reports through its
# results (``metadata["empty_reason"]``).  A NullHandler keeps them quiet unless
# the application configures logging, whose handlers still get the records.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

#: Elements that cannot hold article text; removed before extraction.  Their
#: content is code, styling or alternative markup, never visible prose.
INVISIBLE = ("script", "style", "template", "svg", "math", "object", "embed")


@dataclass(frozen=True)
class ExtractOptions:
    """How trafilatura is run.  Defaults chosen by measurement (docs/html.md)."""

    #: skip trafilatura's fallback extractors (readability, jusText) except on
    #: the pages described by the ``fallback_*`` options: they cost about as
    #: much as the rest of the extraction and help on few pages.
    fast: bool = True
    #: "recall", "balanced" or "precision" (trafilatura's favor_* switches).
    favor: str = "balanced"
    #: keep reader comments below the article.
    include_comments: bool = False
    #: keep the text of tables.
    include_tables: bool = True
    #: with ``fast``, run trafilatura again with its fallback extractors when
    #: the fast result is shorter than this many characters *and* less than
    #: :attr:`fallback_share` of the page's text: the cases where they help.
    fallback_below: int = 1000
    fallback_share: float = 0.05
    #: ... and only on pages with less text than this: the fallback extractors
    #: take seconds per megabyte (jusText on an 11 MB text node: over 20 s).
    fallback_max_chars: int = 1_000_000
    #: run the slower parts of metadata extraction (author search in the
    #: page body, htmldate's extensive date search).
    thorough_metadata: bool = False

    def __post_init__(self) -> None:
        if self.favor not in ("recall", "balanced", "precision"):
            raise ValueError(f"favor must be 'recall', 'balanced' or 'precision', not {self.favor!r}")


#: Inline formatting: stripped (text kept) from oversized trees to shrink them.
INLINE = ("b", "i", "em", "strong", "span", "font", "u", "small", "big", "mark", "s", "sub", "sup", "abbr")
#: Elements whose start and end break lines in :func:`page_text_pieces`.
BLOCKS = frozenset("address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 "
                   "h5 h6 header hr li main nav ol p pre section table td th tr ul br".split())


class Piece(NamedTuple):
    """One top-level element of the extracted text."""

    text: str
    tag: str  #: trafilatura's element name (p, head, item, quote, table...), "lead" or "line"
    link_chars: int  #: characters of the text inside links
    position: int  #: index among the pieces


def strip_invisible(tree: etree._Element) -> int:
    """Remove :data:`INVISIBLE` elements (JSON-LD scripts stay: they are metadata).

    Returns how many were removed.  Their tails (text after them) stay.
    """
    doomed = [el for el in tree.iter(*INVISIBLE)
              if not (el.tag == "script" and el.get("type") == "application/ld+json")]
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        if el.tail:
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)
    return len(doomed)


def _link_chars(el: etree._Element) -> int:
    return sum(len("".join(r.itertext()).strip()) for r in el.iter("ref"))


def _pieces(body: etree._Element) -> list[Piece]:
    from trafilatura.xml import xmltotxt

    out: list[Piece] = []
    for child in body:
        if child.tag == "list":
            items = [it for it in child if it.tag == "item"] or [child]
        else:
            items = [child]
        for el in items:
            links = _link_chars(el)
            if links:
                etree.strip_tags(el, "ref")
            tail, el.tail = el.tail, None
            text = xmltotxt(el, False).strip()
            el.tail = tail
            if text:
                out.append(Piece(text, el.tag, links, len(out)))
            if tail and tail.strip():
                out.append(Piece(tail.strip(), "p", 0, len(out)))
    return out


def count_elements(tree: etree._Element) -> int:
    """Number of elements in ``tree``."""
    return sum(1 for _ in tree.iter())


def shrink(tree: etree._Element) -> int:
    """Strip inline formatting tags, keeping their text; return the new element count."""
    etree.strip_tags(tree, *INLINE)
    return count_elements(tree)


def page_text_pieces(tree: etree._Element) -> list[Piece]:
    """All the text of the page, one piece per block: the linear-time fallback
    for pages too large for trafilatura, which keeps everything for the text filters."""
    parts: list[str] = []
    root = tree.find("body")
    root = tree if root is None else root
    for event, el in etree.iterwalk(root, events=("start", "end")):
        block = el.tag in BLOCKS
        if event == "start":
            if block:
                parts.append("\n")
            if el.text:
                parts.append(el.text)
        else:
            if block:
                parts.append("\n")
            if el.tail and el is not root:
                parts.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [Piece(t, "line", 0, i) for i, t in enumerate(t for t in lines if t)]


def extract_pieces(tree: etree._Element, *, options: ExtractOptions) -> list[Piece]:
    """Run trafilatura on ``tree`` (not modified) and return the extracted pieces."""
    doc = _run(tree, options, fast=options.fast)
    if options.fast and options.fallback_below:
        got = 0 if doc is None or doc.body is None else len(" ".join(doc.body.itertext()))
        page = len(tree.text_content()) if got < options.fallback_below else 0
        if got < options.fallback_share * page and page <= options.fallback_max_chars:
            slow = _run(tree, options, fast=False)
            if slow is not None and slow.body is not None and len(" ".join(slow.body.itertext())) > got:
                doc = slow
    if doc is None or doc.body is None:
        return []
    pieces = _pieces(doc.body)
    if options.include_comments and doc.commentsbody is not None:
        pieces += [p._replace(position=len(pieces) + i) for i, p in enumerate(_pieces(doc.commentsbody))]
    return pieces


def _run(tree: etree._Element, options: ExtractOptions, *, fast: bool) -> Any:
    from trafilatura import bare_extraction

    # No URL: it would only be used to resolve link targets, which are not kept.
    return bare_extraction(
        tree, fast=fast,
        favor_recall=options.favor == "recall", favor_precision=options.favor == "precision",
        include_comments=options.include_comments, include_tables=options.include_tables,
        include_links=True, output_format="txt", with_metadata=False,
    )


def page_metadata(tree: etree._Element, *, url: str | None, options: ExtractOptions) -> dict[str, Any]:
    """Title, author, date, site name and URL of the page, where found."""
    from trafilatura import metadata as tm

    meta = _safe(tm.examine_meta, tree) or tm.Document()
    if meta.author and " " not in meta.author:
        meta.author = None
    meta = _safe(tm.extract_meta_json, tree, meta) or meta
    if not meta.title:
        meta.title = _safe(tm.extract_title, tree)
    if not meta.author and options.thorough_metadata:
        meta.author = _safe(tm.extract_author, tree)
    if not meta.url:
        meta.url = _safe(tm.extract_url, tree, url)
    if not meta.sitename:
        meta.sitename = _safe(tm.extract_sitename, tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@") or None
    if meta.date is None:
        meta.date = _find_date(tree, meta.url, thorough=options.thorough_metadata)
    _safe(meta.clean_and_trim)
    out: dict[str, Any] = {}
    for key in ("title", "author", "date", "sitename", "url", "description", "language"):
        value = getattr(meta, key, None)
        if value:
            out[key] = value
    return out


def _find_date(tree: etree._Element, url: str | None, *, thorough: bool) -> str | None:
    from htmldate import find_date

    return _safe(find_date, tree, url=url, original_date=True, extensive_search=thorough)


def _safe(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Metadata is a bonus: a bug in one heuristic must not lose the article."""
    try:
        return fn(*args, **kwargs)
    except Exception:  # noqa: BLE001 - third-party heuristics on hostile pages
        return None
