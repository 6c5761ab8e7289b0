"""Settle: run the noise families again on the text they leave, until it is stable.

The families decide from position as well as wording: a line is furniture
because it stands at the edge, directly above the headline, or in a run of
menu items.  Removing furniture moves the edges, so a second run over the
clean text could find more: a line becomes a section label once the menu
above it is gone, a prompt enters the last lines once the footer below it is
gone.  This step makes the chain idempotent -- ``clean(clean(x)) ==
clean(x)`` -- by doing that second run at once: it renders the kept lines,
runs the families over them again and removes what they find, until a round
finds nothing (at most ``max_rounds`` rounds).

It re-runs exactly the family filters that ran before it on the document,
with their options (they record themselves in the shared line profile), so a
skipped or reconfigured family stays skipped or reconfigured; families whose
rules look at a line alone (``context_free``: ads, datelines, tracking, captions) are
not run again, the others run only the rules that depend on other lines
(``detect_again``: signup, related, navigation, bylines), and a text nothing
was removed from is already stable.  Its removals
keep the family's kind and reason id; the detail names the family
(``"navigation: 4 menu lines"``).

The text of the kept lines is made into a document directly (its blocks are
made as it is joined, not split again), and the line profile the families
share is carried over from the document for every line whose text did not
change, so a round costs the families' own work and little else.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from operator import attrgetter

from ..document import Block, BlockMark, Document
from ..kinds import Kind
from ..registry import register
from ._context import profile
from .base import BlockFilter


_BLANK_BEFORE = attrgetter("blank_before")


def kept_document(blocks: list[Block], skip: set[int]) -> tuple[Document, list[int]]:
    """The document of the text :func:`~cleantext.document.render` gives for
    ``blocks`` without ``skip``, and the block index behind each of its blocks.

    The blocks are made as the text is joined, so the text is not split again;
    they equal ``Document(text).blocks``.
    """
    parts: list[str] = []
    made: list[Block] = []
    index: list[int] = []
    # blanks[i]: blank lines before blocks 0..i; a blank line lies between
    # blocks p < i when blanks[i] > blanks[p] (removed blocks in between count)
    blanks = list(accumulate(map(_BLANK_BEFORE, blocks)))
    kept = [b for b in blocks if b.removal is None]
    if skip:
        kept = [b for b in kept if b.index not in skip]
    prev = -1
    pos = 0
    for b in kept:
        text = b.kept_text if b.spans else b.text
        if not text:
            continue
        i = b.index
        gap_blank = prev >= 0 and blanks[i] > blanks[prev]
        if prev >= 0:
            sep = "\n\n" if gap_blank else "\n"
            parts.append(sep)
            pos += len(sep)
        made.append(Block(len(made), pos, pos + len(text), text, gap_blank))
        parts.append(text)
        pos += len(text)
        index.append(i)
        prev = i
    if parts:
        parts.append("\n")
    return Document.from_blocks("".join(parts), made), index


@register
@dataclass(frozen=True)
class Settle(BlockFilter):
    """Run the noise families again on what they leave, so cleaning is idempotent."""

    name = "settle"
    kinds = (Kind.NAVIGATION, Kind.ADVERTISEMENT, Kind.SIGNUP, Kind.CAPTION, Kind.BIO,
             Kind.DATELINE, Kind.RELATED, Kind.TRACKING)

    #: Most extra rounds.
    max_rounds: int = 3

    def detect(self, doc: Document) -> Iterator[BlockMark]:
        detectors = [f for f in profile(doc).ran
                     if f is not self and not getattr(f, "context_free", False)]
        if not detectors or all(b.removal is None and not b.spans for b in doc.blocks):
            return
        removed: set[int] = set()
        parent = profile(doc)
        for _ in range(self.max_rounds):
            sub, index = kept_document(doc.blocks, removed)
            if not sub.blocks:
                return
            parent.carried(sub, index)
            found: list[BlockMark] = []
            for det in detectors:
                for mark in det.detect_again(sub):  # type: ignore[attr-defined]
                    if sub.apply(det.name, mark) is not None and isinstance(mark, BlockMark):  # type: ignore[attr-defined]
                        found.append(BlockMark(index[mark.index], mark.kind, mark.reason,
                                               f"{det.name}: {mark.detail}", mark.meta))  # type: ignore[attr-defined]
            if not found:
                return
            for m in sorted(found, key=lambda m: m.index):
                removed.add(m.index)
                yield m
