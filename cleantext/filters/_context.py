"""Position and context of lines, computed once per document for every family.

Noise families decide as much from *where* a line stands as from its words:
furniture sits above the first paragraph of prose, below the last one, or
alone between paragraphs.  :func:`profile` computes the few cheap per-line
facts the families share (the folded form of short lines, an index of short
lines by folded text and by first word, where the prose starts and ends) in
one pass, and keeps the last document's profile so that the eight family
filters of a pipeline pay for it once.  The profile depends only on the text
of the blocks, never on which filter removed what, so sharing it cannot make
results depend on filter order or on earlier documents.
"""
from __future__ import annotations

import re
import threading
from bisect import bisect_right

from ..document import Block, Document
from ._match import fold

#: Lines up to this length get a folded form (labels and prompts are short).
FOLD_MAX = 160
#: A line at least this long is prose, whatever its punctuation.
PROSE_CHARS = 200
#: A line at least this long that ends like a sentence is prose.
SENTENCE_CHARS = 90
_SENTENCE_END = frozenset('.!?…"”“»«\')')


def is_prose(text: str) -> bool:
    """Whether a line reads like a paragraph of the article (long, sentence-like)."""
    n = len(text)
    return n >= PROSE_CHARS or (n >= SENTENCE_CHARS and text[-1] in _SENTENCE_END
                                and text.count(" ") >= 10)


class Profile:
    """Per-document facts shared by the family filters (read-only once built)."""

    __slots__ = ("blocks", "folds", "by_fold", "by_first", "prose", "first_prose", "last_prose",
                 "starts", "text", "_lower")

    def __init__(self, text: str, blocks: list[Block]) -> None:
        self.text = text
        self.blocks = blocks
        folds: list[str | None] = []
        by_fold: dict[str, list[int]] = {}
        by_first: dict[str, list[int]] = {}
        prose = bytearray(len(blocks))
        first = last = -1
        for b in blocks:
            t = b.text
            if len(t) <= FOLD_MAX:
                f = fold(t)
                folds.append(f)
                if f:
                    by_fold.setdefault(f, []).append(b.index)
                    by_first.setdefault(f.split(" ", 1)[0], []).append(b.index)
                if len(t) >= SENTENCE_CHARS and is_prose(t):
                    prose[b.index] = 1
                    if first < 0:
                        first = b.index
                    last = b.index
            else:
                folds.append(None)
                prose[b.index] = 1
                if first < 0:
                    first = b.index
                last = b.index
        self.folds = folds
        self.by_fold = by_fold
        self.by_first = by_first
        #: 1 for lines that read like article paragraphs (see :func:`is_prose`).
        self.prose = prose
        #: Index of the first and last prose line; -1 when the text has none.
        self.first_prose = first
        self.last_prose = last
        self.starts = [b.start for b in blocks]
        self._lower: str | None = None

    def hits(self, pattern: re.Pattern[str]) -> list[tuple[int, str]]:
        """``(block index, matched text)`` for each block where ``pattern`` matches.

        ``pattern`` is searched once over the whole lower-cased document (one
        C-level scan instead of one call per line); matches that span a line
        break are ignored.  At most one hit per block, the first.
        """
        text = self._lower_text()
        out: list[tuple[int, str]] = []
        last = -1
        blocks = self.blocks
        for m in pattern.finditer(text):
            i = self.block_at(m.start())
            if i <= last or i < 0 or m.end() > blocks[i].end:
                continue
            last = i
            out.append((i, m.group()))
        return out

    def _lower_text(self) -> str:
        """The document lower-cased, with the same offsets as the document."""
        if self._lower is None:
            low = self.text.lower()
            if len(low) != len(self.text):  # a few letters lower-case to two characters
                low = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.text)
            self._lower = low
        return self._lower

    def lookup(self, phrases: frozenset[str]) -> list[int]:
        """Indices of short lines whose folded text is one of ``phrases``, in order."""
        keys = phrases & self.by_fold.keys() if len(phrases) < len(self.by_fold) \
            else self.by_fold.keys() & phrases
        out: list[int] = []
        for k in keys:
            out.extend(self.by_fold[k])
        out.sort()
        return out

    def starting_with(self, words: frozenset[str]) -> list[int]:
        """Indices of short lines whose folded first word is one of ``words``, in order."""
        out: list[int] = []
        for k in words & self.by_first.keys():
            out.extend(self.by_first[k])
        out.sort()
        return out

    def block_at(self, offset: int) -> int:
        """Index of the block that contains (or precedes) text offset ``offset``."""
        return bisect_right(self.starts, offset) - 1

    def in_header(self, i: int) -> bool:
        """The line stands above the first line of prose (or the text has no prose)."""
        return self.first_prose < 0 or i < self.first_prose

    def in_footer(self, i: int) -> bool:
        """The line stands below the last line of prose."""
        return self.last_prose < 0 or i > self.last_prose

    def at_edge(self, i: int) -> bool:
        """Above the first or below the last line of prose."""
        return self.in_header(i) or self.in_footer(i)

    def sandwiched(self, i: int) -> bool:
        """Prose directly above and below: the line is most likely part of the article."""
        p = self.prose
        return 0 < i < len(p) - 1 and bool(p[i - 1]) and bool(p[i + 1])

    def standalone(self, i: int) -> bool:
        """A paragraph of its own: blank lines (or the text's edges) on both sides."""
        blocks = self.blocks
        before = i == 0 or blocks[i].blank_before
        after = i + 1 >= len(blocks) or blocks[i + 1].blank_before
        return before and after


_lock = threading.Lock()
_last: tuple[Document, list[Block], Profile] | None = None


def profile(doc: Document) -> Profile:
    """The :class:`Profile` of ``doc``, computed once however many filters ask."""
    global _last
    cached = _last
    if cached is not None and cached[0] is doc and cached[1] is doc.blocks:
        return cached[2]
    prof = Profile(doc.text, doc.blocks)
    with _lock:
        _last = (doc, doc.blocks, prof)
    return prof


_NOT_TITLE_END = frozenset(".!?:;,")


def title_like(text: str, max_chars: int = 100) -> bool:
    """A short line that does not end like a sentence: a headline, label or menu item."""
    return 0 < len(text) <= max_chars and text[-1] not in _NOT_TITLE_END


def next_kept(blocks: list[Block], i: int, skip: set[int] | frozenset[int] = frozenset()) -> int:
    """Index of the first block after ``i`` that no filter removed (or -1)."""
    for j in range(i + 1, len(blocks)):
        if blocks[j].removal is None and j not in skip:
            return j
    return -1


def prev_kept(blocks: list[Block], i: int, skip: set[int] | frozenset[int] = frozenset()) -> int:
    """Index of the last block before ``i`` that no filter removed (or -1)."""
    for j in range(i - 1, -1, -1):
        if blocks[j].removal is None and j not in skip:
            return j
    return -1
