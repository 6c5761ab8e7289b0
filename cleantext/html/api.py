"""``clean_html`` and ``explain_html``: a web page in, clean article text out.

Steps, each in its own module:

1. :mod:`~cleantext.html.decode` -- bytes to text, trusting BOM, then UTF-8,
   then the ``<meta>`` charset only when the bytes agree;
2. :mod:`~cleantext.html.parse` -- one lxml tree, no silent depth or size loss;
3. :mod:`~cleantext.html.extract` -- metadata, then trafilatura's main text as
   pieces that keep their element type;
4. :mod:`~cleantext.html.structure` -- furniture recognised from structure;
5. the text pipeline (the default one unless given) over the pieces, so every
   text filter applies to extracted text too.

Structural removals and the text filters' removals land in one
:class:`~cleantext.Result`, with offsets into ``Result.normalized``.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..defaults import CLASSIFIER_FILTERS, families_pipeline, fulltext_pipeline
from ..document import BlockMark, Document, Result
from ..pipeline import Pipeline
from .decode import decode_html
from .extract import (ExtractOptions, Piece, count_elements, extract_pieces, page_metadata,
                      page_text_pieces, shrink, strip_invisible)
from ..limits import InputTooLarge
from .lead import find_lead, with_lead
from .parse import parse_html
from .structure import FILTER_NAME, StructureRules, Verdict

#: Default cap on input size; larger pages raise :class:`InputTooLarge`.
MAX_BYTES = 64 * 1024 * 1024
#: Default :attr:`HtmlOptions.max_elements`.
MAX_ELEMENTS = 50_000


@dataclass(frozen=True)
class HtmlOptions:
    """Everything :func:`clean_html` can be told, as one immutable value."""

    #: how trafilatura is run (defaults chosen by measurement, see docs/html.md).
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    #: the structural furniture rules.
    structure: StructureRules = field(default_factory=StructureRules)
    #: keep the headline as the first line of the text (the page title from
    #: metadata is put there when the extracted text has no headline).  Off by
    #: default: the headline is removed from the text, with a record (reason
    #: ``headline-in-metadata``), and is in ``metadata["title"]``.
    keep_title: bool = False
    #: larger inputs (bytes, or characters for ``str``) raise :class:`InputTooLarge`.
    max_bytes: int = MAX_BYTES
    #: trafilatura's time grows faster than linearly with the number of elements
    #: (100,000 take seconds); real pages have at most about 10,000.  Above this,
    #: inline formatting is stripped (text kept), and if the page is still
    #: larger, its whole text goes to the text filters instead, with a note.
    max_elements: int = MAX_ELEMENTS
    #: restore the article's lead paragraph when the extractor left it out and
    #: the page's description says what it is (see :mod:`cleantext.html.lead`).
    restore_lead: bool = True


DEFAULT_OPTIONS = HtmlOptions()

#: Stages of the default text chain that are made for whole-page text and are
#: left out of :func:`extracted_pipeline` (the full-page classifier).
FULL_PAGE_STAGES: tuple[str, ...] = CLASSIFIER_FILTERS


@lru_cache(maxsize=1)
def extracted_pipeline() -> Pipeline:
    """The text chain for article text already extracted from a page.

    :func:`~cleantext.default_pipeline` without its whole-page stages
    (:data:`FULL_PAGE_STAGES`): the boilerplate classifier is made for text
    that still holds the page's menus, and on extracted text it takes runs of
    short lines (an ingredient list, a table of results) for a menu.  Every
    noise family still runs.  This is the default ``pipeline`` of
    :func:`clean_html` and :func:`explain_html`; a pipeline passed to them is
    used as given.
    """
    return families_pipeline()


def clean_html(html: bytes | str, *, url: str | None = None, pipeline: Pipeline | None = None,
               options: HtmlOptions | None = None, timeout: float | None = None) -> str:
    """Return the clean article text of an HTML page (bytes in any encoding, or str).

    ``url`` (where the page came from) fills ``metadata["url"]`` when the page
    has no canonical link; ``pipeline`` is the text chain run
    over the extracted text (default: :func:`extracted_pipeline`, the
    default chain without its whole-page classifier; a pipeline given is used as is);
    ``timeout`` (seconds) runs the work in a worker process that is killed when
    time is up, raising :class:`~cleantext.html.HtmlTimeout` (one process per
    call; :class:`~cleantext.html.IsolatedHtml` keeps one for many pages).
    """
    return explain_html(html, url=url, pipeline=pipeline, options=options, timeout=timeout).text


def explain_html(html: bytes | str, *, url: str | None = None, pipeline: Pipeline | None = None,
                 options: HtmlOptions | None = None, timeout: float | None = None) -> Result:
    """Like :func:`clean_html`, returning the :class:`~cleantext.Result` with removals and metadata.

    ``metadata`` holds ``title``, ``author``, ``date``, ``sitename``, ``url`` where
    found, ``encoding`` and ``encoding_source`` (why that encoding), and
    ``empty_reason`` when no article text came out.
    """
    if timeout is not None:
        from .worker import IsolatedHtml

        with IsolatedHtml(pipeline=pipeline, options=options, timeout=timeout) as worker:
            return worker.explain(html, url=url)
    return _explain(html, url=url, pipeline=pipeline, options=options or DEFAULT_OPTIONS)


def _explain(html: bytes | str, *, url: str | None, pipeline: Pipeline | None,
             options: HtmlOptions) -> Result:
    meta, pieces = extract_page(html, url=url, options=options)
    return finish(pieces, meta, pipeline=pipeline, options=options)


def extract_page(html: bytes | str, *, url: str | None, options: HtmlOptions
                 ) -> tuple[dict[str, Any], list[Piece]]:
    """Decode, parse and extract: the page's metadata and its extracted pieces.

    An empty list of pieces comes with ``meta["empty_reason"]`` when the page
    could not be parsed.
    """
    if isinstance(html, (bytes, bytearray, memoryview, str)) and len(html) > options.max_bytes:
        raise InputTooLarge(f"input is {len(html)} bytes, over the limit of {options.max_bytes} "
                            "(HtmlOptions.max_bytes)")
    decoded = decode_html(html)
    meta: dict[str, Any] = {"encoding": decoded.encoding, "encoding_source": decoded.source}
    parsed = parse_html(decoded.text)
    if parsed.notes:
        meta["html_notes"] = list(parsed.notes)
    if parsed.tree is None:
        meta["empty_reason"] = parsed.notes[-1]
        return meta, []
    meta.update(page_metadata(parsed.tree, url=url, options=options.extract))
    strip_invisible(parsed.tree)
    pieces = _extract(parsed.tree, options=options, meta=meta, size=len(decoded.text))
    if options.restore_lead and pieces and pieces[0].tag != "line":
        lead = find_lead(parsed.tree, meta.get("description"), pieces)
        if lead:
            pieces = with_lead(pieces, lead)
    return meta, pieces


def finish(pieces: list[Piece], meta: dict[str, Any], *, pipeline: Pipeline | None,
           options: HtmlOptions) -> Result:
    """The structural rules and the text chain over extracted pieces.

    Without a ``pipeline``: :func:`extracted_pipeline`, or, when the page was
    too large for the extractor and its whole text came through (pieces of
    type ``line``), :func:`~cleantext.defaults.fulltext_pipeline`, made for
    whole-page text.
    """
    if pipeline is None:
        whole_page = bool(pieces) and pieces[0].tag == "line"
        pipeline = fulltext_pipeline() if whole_page else extracted_pipeline()
    if "empty_reason" in meta:
        return _empty(dict(meta), meta["empty_reason"])
    title = meta.get("title")
    if options.keep_title and title and not options.structure.headline(pieces, title):
        pieces = _with_title(pieces, title)
    if not pieces:
        return _empty(dict(meta), "no main text found in the page")
    res = _run_chain(pieces, pipeline, options, dict(meta), None if options.keep_title else title)
    if not res.text:
        meta = dict(res.metadata)
        meta.setdefault("empty_reason", "every extracted block was removed as furniture")
        return Result(res.text, res.removals, _frozen(meta), res.normalized, res.normalizers, res.blocks)
    return res


def _extract(tree: Any, *, options: HtmlOptions, meta: dict[str, Any], size: int) -> list[Piece]:
    # A page has fewer elements than characters / 3 ("<a>"): count only when it may matter.
    n = count_elements(tree) if size > 3 * options.max_elements else 0
    if n > options.max_elements:
        m = shrink(tree)
        notes = meta.setdefault("html_notes", [])
        notes.append(f"{n} elements, over max_elements={options.max_elements}: inline "
                     f"formatting stripped, {m} left")
        if m > options.max_elements:
            notes.append("still too many elements for the extractor: the whole page text "
                         "was passed to the text filters")
            return page_text_pieces(tree)
    try:
        return extract_pieces(tree, options=options.extract)
    except (RecursionError, MemoryError, AssertionError, LookupError, AttributeError) as exc:
        # A bug in the extractor's heuristics on a hostile page must not lose the page.
        meta.setdefault("html_notes", []).append(
            f"the extractor failed ({type(exc).__name__}): the whole page text was passed "
            "to the text filters")
        return page_text_pieces(tree)


def _with_title(pieces: list[Piece], title: str) -> list[Piece]:
    head = Piece(title.strip(), "title", 0, 0)
    return [head] + [p._replace(position=p.position + 1) for p in pieces]


def _frozen(meta: dict[str, Any]) -> Any:
    from types import MappingProxyType

    return MappingProxyType(meta)


def _empty(meta: dict[str, Any], reason: str) -> Result:
    doc = Document("")
    doc.metadata.update(meta)
    doc.metadata["empty_reason"] = reason
    return Result.from_document(doc, ())


def _layout(pieces: list[Piece]) -> Iterator[tuple[str, Piece]]:
    """Each piece with the separator before it: a newline between items of a
    list and between lines of whole-page text, a blank line between everything else."""
    prev = ""
    for i, p in enumerate(pieces):
        yield ("" if i == 0 else "\n" if p.tag == prev and p.tag in ("item", "line") else "\n\n"), p
        prev = p.tag


def _run_chain(pieces: list[Piece], pipeline: Pipeline, options: HtmlOptions,
               meta: dict[str, Any], title: str | None) -> Result:
    """Lay the pieces out, record structural marks, run the pipeline's detectors.

    Pieces with a structural verdict are normalized on their own, so that
    their blocks are known; the runs of pieces between them are normalized
    a run at a time (one normalizer call per run, not per piece).
    """
    verdicts = {v.position: v for v in options.structure.judge(pieces, title=title)}
    chunks: list[tuple[str, str, Verdict | None]] = []  # (separator before, raw text, verdict)
    for sep, p in _layout(pieces):
        v = verdicts.get(p.position)
        if v is None and chunks and chunks[-1][2] is None:
            lead, raw, _ = chunks[-1]
            chunks[-1] = (lead, raw + sep + p.text, None)
        else:
            chunks.append((sep, p.text, v))
    parts: list[str] = []
    marked: list[tuple[int, int, Verdict]] = []  # (start, end, verdict) in the laid-out text
    names: list[str] = []
    pos = 0
    for sep, raw, v in chunks:
        text, changed = pipeline.normalize(raw)
        names.extend(n for n in changed if n not in names)
        text = text.strip()
        if not text:
            continue
        if parts:
            parts.append(sep or "\n\n")
            pos += len(parts[-1])
        parts.append(text)
        if v is not None:
            marked.append((pos, pos + len(text), v))
        pos += len(text)
    doc = Document("".join(parts) + "\n" if parts else "")
    doc.metadata.update(meta)
    i = 0
    for b in doc.blocks:
        while i < len(marked) and marked[i][1] <= b.start:
            i += 1
        if i == len(marked):
            break
        start, _, v = marked[i]
        if b.start >= start:
            doc.apply(FILTER_NAME, BlockMark(b.index, v.kind, v.reason, v.detail))
    return pipeline.explain_document(doc, tuple(names))
