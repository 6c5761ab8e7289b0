"""The document model: blocks, marks, removals and the audit trail.

A text goes through three stages:

1. *normalizers* turn the raw input into the **normalized text** (encoding
   repaired, whitespace tidied);
2. the normalized text is split into **blocks**, one per non-blank line, each
   knowing its position ``[start, end)`` in the normalized text;
3. *detectors* (block and span filters) look at the blocks and return
   **marks**.  A mark never deletes anything: the pipeline turns it into a
   :class:`Removal` record attached to the block.

Only :func:`render` deletes, by leaving marked text out.  Because every removed
piece of text is recorded with its position, the kept pieces plus the removals
rebuild the normalized text exactly (:meth:`Result.rebuild`), and any removal
can be undone by rendering again (:meth:`Result.render`).
"""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from operator import attrgetter
from types import MappingProxyType
from typing import Any, NamedTuple, Union

from .kinds import Kind

_START = attrgetter("start")

# --------------------------------------------------------------------------- marks


class BlockMark(NamedTuple):
    """A detector's verdict that a whole block is noise.

    ``reason`` is a stable identifier (``"ad-label"``, ``"skip-link"``) that tools
    can count on; ``detail`` is free text for people (the phrase that matched).
    ``meta`` is what the detector learnt from the block (``{"author": ...}``);
    it is merged into the document's metadata, first value wins.
    """

    index: int
    kind: Kind
    reason: str
    detail: str = ""
    meta: Mapping[str, Any] | None = None


class SpanMark(NamedTuple):
    """A detector's verdict that ``block.text[start:end]`` is noise."""

    index: int
    start: int
    end: int
    kind: Kind
    reason: str
    detail: str = ""
    meta: Mapping[str, Any] | None = None


Mark = Union[BlockMark, SpanMark]


# --------------------------------------------------------------------------- records


class Removal(NamedTuple):
    """One removal in the audit trail (an immutable record, like the marks).

    ``start``/``end`` are offsets in the normalized text and ``text`` is exactly
    ``normalized[start:end]``.  ``scope`` is ``"block"`` for a whole line and
    ``"span"`` for a piece inside a line.  A page can have tens of thousands
    of removals, so the record is a named tuple: the cheapest immutable
    record Python makes.  ``removal._replace(text=...)`` gives a changed copy.
    """

    filter: str
    kind: Kind
    reason: str
    start: int
    end: int
    text: str
    scope: str
    block: int
    detail: str = ""

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view of the record."""
        return {
            "filter": self.filter,
            "kind": self.kind.value,
            "reason": self.reason,
            "scope": self.scope,
            "block": self.block,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "detail": self.detail,
        }


@dataclass(init=False)
class Block:
    """A non-blank line of the normalized text.

    ``blank_before`` is true when a blank line separates it from the previous
    block: the input's paragraph style, which rendering keeps.
    """

    # A document has one block per line (hundreds of thousands for a big
    # input), so blocks use slots and a hand-written __init__: cheaper to make
    # and to read than a plain dataclass.  repr and == are the dataclass ones.
    __slots__ = ("index", "start", "end", "text", "blank_before", "removal", "spans")

    index: int
    start: int
    end: int
    text: str
    blank_before: bool
    removal: Removal | None
    spans: list[Removal] | tuple[()]   #: span removals, in text order (() until the first)

    def __init__(self, index: int, start: int, end: int, text: str, blank_before: bool,
                 removal: Removal | None = None, spans: list[Removal] | None = None) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.blank_before = blank_before
        self.removal = removal
        # most blocks never get a span: they share the empty tuple, and a
        # list is made for the first span (see Document.apply)
        self.spans = () if spans is None else spans

    @property
    def removed(self) -> bool:
        return self.removal is not None

    @property
    def kept_text(self) -> str:
        """The block's text with its span removals cut out."""
        return _cut_spans(self.text, self.start, self.spans)


class Document:
    """The normalized text, its blocks and what detectors have found so far.

    Detectors read a document; only the pipeline writes marks into it.
    ``derived`` holds facts that detectors compute from the document and
    share (per-line features, say), keyed by their module: it lives and dies
    with the document, so nothing carries over from one document to the next.
    """

    __slots__ = ("text", "blocks", "metadata", "derived")

    def __init__(self, text: str) -> None:
        self.text = text
        self.blocks: list[Block] = split_blocks(text)
        self.metadata: dict[str, Any] = {}
        self.derived: dict[str, Any] = {}

    @classmethod
    def from_blocks(cls, text: str, blocks: list[Block]) -> Document:
        """A document of ``text`` with ``blocks`` already made: they must be
        what :func:`split_blocks` gives for ``text`` (it is not checked)."""
        doc = cls.__new__(cls)
        doc.text = text
        doc.blocks = blocks
        doc.metadata = {}
        doc.derived = {}
        return doc

    def kept(self) -> Iterator[Block]:
        """Blocks no filter has removed yet, in order."""
        return (b for b in self.blocks if b.removal is None)

    def apply_all(self, filter_name: str, marks: Iterable[Mark],
                  check: Callable[[str], None] | None = None, every: int = 64) -> None:
        """Record every mark of ``marks`` from ``filter_name``, as :meth:`apply` would.

        ``check(filter_name)`` is called after every ``every`` marks (the
        pipeline's time budget).  Block marks, the bulk of a page's marks,
        are recorded here without a call each.
        """
        blocks = self.blocks
        apply = self.apply
        k = 0
        for mark in marks:
            k += 1
            if mark.__class__ is BlockMark:
                index, kind, reason, detail, meta = mark
                block = blocks[index]
                if block.removal is None:
                    if kind.__class__ is not Kind:
                        kind = Kind(kind)
                    block.removal = Removal(filter_name, kind, reason, block.start, block.end,
                                            block.text, "block", index, detail)
                    if meta:
                        for key, v in meta.items():
                            self.metadata.setdefault(key, v)
            else:
                apply(filter_name, mark)
            if check is not None and not k % every:
                check(filter_name)

    def apply(self, filter_name: str, mark: Mark) -> Removal | None:
        """Record ``mark`` from ``filter_name``; return the removal, or None if moot.

        A block that an earlier filter removed is not marked again (the first
        filter to explain a removal owns it).  Spans may not overlap earlier
        spans of the same block; an overlapping span is ignored.
        """
        block = self.blocks[mark.index]
        if block.removal is not None:
            return None
        kind = mark.kind
        if kind.__class__ is not Kind:
            kind = Kind(kind)
        if isinstance(mark, BlockMark):
            rec = Removal(filter_name, kind, mark.reason, block.start, block.end,
                          block.text, "block", block.index, mark.detail)
            block.removal = rec
        else:
            s, e = mark.start, mark.end
            if not (0 <= s < e <= len(block.text)):
                raise ValueError(f"filter {filter_name!r} marked span {s}:{e} outside block "
                                 f"{block.index} of length {len(block.text)}")
            if any(s < sp.end - block.start and sp.start - block.start < e for sp in block.spans):
                return None
            rec = Removal(filter_name, kind, mark.reason, block.start + s, block.start + e,
                          block.text[s:e], "span", block.index, mark.detail)
            block.spans = sorted([*block.spans, rec], key=_START)
        if mark.meta:
            for k, v in mark.meta.items():
                self.metadata.setdefault(k, v)
        return rec


def split_blocks(text: str) -> list[Block]:
    """Split ``text`` into blocks: one per non-blank line, with positions.

    Blocks hold no reference cycles, so the cyclic garbage collector is paused
    while they are made: on a large document it would otherwise run over the
    whole heap again and again as the new blocks pile up.
    """
    if not gc.isenabled():
        return _split_lines(text)
    gc.disable()
    try:
        return _split_lines(text)
    finally:
        gc.enable()


def _split_lines(text: str) -> list[Block]:
    blocks: list[Block] = []
    append = blocks.append
    n = 0             # blocks so far
    pos = 0           # offset of the current line
    blank = False     # a blank line since the last block (never before the first)
    for line in text.split("\n"):
        size = len(line)
        stripped = line.strip() if size else line
        if stripped is line and size:          # the usual case: a trimmed line
            append(Block(n, pos, pos + size, line, blank))
            n += 1
            blank = False
        elif stripped:
            start = pos + size - len(line.lstrip())
            append(Block(n, start, start + len(stripped), stripped, blank))
            n += 1
            blank = False
        else:
            blank = n > 0
        pos += size + 1
    return blocks


def _cut_spans(text: str, offset: int, spans: list[Removal],
               keep: Callable[[Removal], bool] | None = None) -> str:
    if not spans:
        return text
    out: list[str] = []
    cur = 0
    for sp in spans:
        if keep is not None and keep(sp):
            continue
        s, e = sp.start - offset, sp.end - offset
        left = text[cur:s]
        if out and out[-1].endswith(" ") and left.startswith(" "):
            left = left[1:]
        out.append(left)
        cur = e
    tail = text[cur:]
    if out and out[-1].endswith(" ") and tail.startswith(" "):
        tail = tail[1:]
    out.append(tail)
    return "".join(out).strip()


def render(blocks: list[Block], keep: Callable[[Removal], bool] | None = None) -> str:
    """Join the kept text of ``blocks``: the single step that deletes.

    ``keep(removal) -> bool`` undoes removals it returns true for.  Blocks are
    joined by a blank line where the input had one anywhere between them, else
    by a newline; non-empty output ends with exactly one newline.
    """
    parts: list[str] = []
    append = parts.append
    gap_blank = False
    for b in blocks:
        if b.blank_before:
            gap_blank = True
        if b.removal is not None and (keep is None or not keep(b.removal)):
            continue
        text = _cut_spans(b.text, b.start, b.spans, keep) if b.spans else b.text
        if not text:
            continue
        if parts:
            append("\n\n" if gap_blank else "\n")
        append(text)
        gap_blank = False
    if not parts:
        return ""
    append("\n")
    return "".join(parts)


# --------------------------------------------------------------------------- result


@dataclass(frozen=True)
class Result:
    """What :func:`cleantext.explain` returns.

    - ``text``: the clean text;
    - ``removals``: every removal, in text order, with filter, kind, reason and position;
    - ``metadata``: what filters found (title, author, dates...);
    - ``normalized``: the input after the normalizers, which offsets refer to;
    - ``normalizers``: names of the normalizers that changed the text.
    """

    text: str
    removals: tuple[Removal, ...]
    metadata: Mapping[str, Any]
    normalized: str
    normalizers: tuple[str, ...]
    blocks: tuple[Block, ...]

    @classmethod
    def from_document(cls, doc: Document, normalizers: tuple[str, ...]) -> Result:
        removals = []
        for b in doc.blocks:
            if b.removal is not None:
                removals.append(b.removal)
            else:
                removals.extend(b.spans)
        return cls(render(doc.blocks), tuple(removals), MappingProxyType(dict(doc.metadata)),
                   doc.text, normalizers, tuple(doc.blocks))

    def compact(self) -> tuple[tuple[Removal, ...], ...] | None:
        """What :meth:`expand_blocks` needs besides ``normalized`` and ``removals``
        to make this result's blocks again: the span removals of blocks that were
        then removed whole (``removals`` lists only the block's removal); None
        when the blocks are plainly not those of ``normalized`` (a result's
        blocks are the split of its normalized text, see :class:`Document`).

        Sending a result to another process is about twice as cheap without its
        blocks (a worker sends ``compact()`` instead of them).
        """
        blocks = self.blocks
        if blocks and (blocks[-1].end > len(self.normalized)
                       or blocks[-1].text != self.normalized[blocks[-1].start:blocks[-1].end]):
            return None
        return tuple(tuple(b.spans) for b in blocks if b.removal is not None and b.spans)

    @staticmethod
    def expand_blocks(normalized: str, removals: tuple[Removal, ...],
                      hidden: tuple[tuple[Removal, ...], ...]) -> tuple[Block, ...]:
        """The blocks of a result from its normalized text, its removals and
        :meth:`compact`: equal to the blocks the result had."""
        blocks = split_blocks(normalized)
        for r in removals:
            b = blocks[r.block]
            if r.scope == "block":
                b.removal = r
            elif b.spans:
                b.spans.append(r)
            else:
                b.spans = [r]
        for spans in hidden:
            blocks[spans[0].block].spans = list(spans)
        return tuple(blocks)

    def render(self, keep: Callable[[Removal], bool] | None = None) -> str:
        """Render again, undoing the removals for which ``keep`` is true.

        ``result.render(lambda r: r.kind == Kind.CAPTION)`` gives the text with
        captions left in, without running the detectors again.
        """
        return render(list(self.blocks), keep)

    def rebuild(self) -> str:
        """Rebuild the normalized input from kept pieces, removals and layout.

        The layout between blocks is whitespace only; everything else comes
        from the kept text or a removal record.  ``rebuild() == normalized``
        proves that nothing was lost without a record.
        """
        out: list[str] = []
        pos = 0
        for b in self.blocks:
            out.append(self.normalized[pos:b.start])
            if b.removal is not None:
                out.append(b.removal.text)
            else:
                cur = b.start
                for sp in b.spans:
                    out.append(b.text[cur - b.start:sp.start - b.start])
                    out.append(sp.text)
                    cur = sp.end
                out.append(b.text[cur - b.start:])
            pos = b.end
        out.append(self.normalized[pos:])
        return "".join(out)

    def counts(self) -> dict[str, int]:
        """Number of removals per noise kind."""
        c: dict[str, int] = {}
        for r in self.removals:
            c[r.kind.value] = c.get(r.kind.value, 0) + 1
        return c
