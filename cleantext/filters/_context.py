"""Position and context of lines, computed once per document for every family.

Noise families decide as much from *where* a line stands as from its words:
furniture sits above the first paragraph of prose, below the last one, or
alone between paragraphs.  :func:`profile` computes the few per-line facts
the families share -- the folded form of short lines, their first words,
which lines are prose -- with whole-list operations (list comprehensions,
set intersections, ``list.index``) so that the per-line cost stays a few
C-level calls, and stores the profile on the document (``doc.derived``) so
that the family filters of a pipeline pay for it once.  Facts that not every
document needs are computed on first use.

A profile depends only on the text of the blocks, never on which filter
removed what, so sharing it cannot make results depend on filter order or on
earlier documents.
"""
from __future__ import annotations

import string
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import compress

from ..document import Block, Document

#: Lines up to this length get a folded form (labels and prompts are short).
FOLD_MAX = 160
#: A line at least this long is prose, whatever its punctuation.
PROSE_CHARS = 200
#: A line at least this long that ends like a sentence is prose.
SENTENCE_CHARS = 90
#: The marks that end a sentence; a menu item, a heading or a title ends without one.
SENTENCE_MARKS = frozenset(".!?…")
_SENTENCE_END = frozenset('.!?…"”“»«\')')
#: Punctuation cut from the end of a line's first word ("Photo:" -> "photo").
_WORD_END = ":;,.!?"
#: Characters of a long line's first word that :attr:`Profile.long_firsts` reads (longer
#: words are cut: no phrase starts with a word this long).
LONG_WORD_SAMPLE = 40
#: The characters a number starts with (:meth:`Profile.starting_with_digit`).
_DIGITS = frozenset("0123456789")
#: Characters dropped from both ends of a line before comparing it with a
#: phrase: ASCII punctuation and the symbols menus and labels wear.
EDGE_CHARS = (string.punctuation + string.whitespace
              + "\u00a0–—‒―•·«»‹›“”„‘’‚…→←↑↓▸►▶◂◄▾▼▲■□▪▫●○◆◇◦|¦¶§°†‡※✓✔✕✖✗✘×★☆♥❤➔➜➤")


def fold_line(text: str) -> str:
    """The comparison form of a (whitespace-normalized) line: lower case, edges stripped."""
    return text.lower().strip(EDGE_CHARS)


def fold_line_short(text: str) -> str:
    """:func:`fold_line` for a line up to :data:`FOLD_MAX` characters, "" for a longer one."""
    return text.lower().strip(EDGE_CHARS) if len(text) <= FOLD_MAX else ""


def is_prose(text: str) -> bool:
    """Whether a line reads like a paragraph of the article (long, sentence-like)."""
    n = len(text)
    return n >= PROSE_CHARS or (n >= SENTENCE_CHARS and text[-1] in _SENTENCE_END)


def prose_flags(texts: Sequence[str]) -> list[bool]:
    """:func:`is_prose` of each of ``texts``, in one comprehension."""
    long, sentence, end = PROSE_CHARS, SENTENCE_CHARS, _SENTENCE_END
    return [n >= long or (n >= sentence and t[-1] in end) for t, n in zip(texts, map(len, texts))]


def prose_chars(texts: Sequence[str]) -> int:
    """Characters in the lines of ``texts`` that read like prose (see :func:`is_prose`)."""
    return sum(compress(map(len, texts), prose_flags(texts)))


#: Most distinct keys looked up with one ``list.index`` scan each (see Profile._positions).
_INDEX_SCANS = 12
#: From this many lines on, a document's lookups go through a position index
#: built once per key list (see Profile._where).
INDEX_LINES = 10_000


class Profile:
    """Per-document facts shared by the family filters.

    Built once per document; the only state it updates later is where the
    first and last kept prose lines stand, which only move inwards as
    detectors remove lines (removals are never undone while they run).
    """

    __slots__ = ("text", "blocks", "texts", "folds", "fold_set", "_firsts", "_first_set",
                 "_prose", "_first_prose", "_last_prose", "_starts", "_indexes", "_fold_text", "_digit_starts", "_lasts",
                 "_long_lines", "_long_firsts", "ran")

    def __init__(self, text: str, blocks: list[Block], folds: list[str] | None = None) -> None:
        self.text = text
        self.blocks = blocks
        texts = [b.text for b in blocks]
        self.texts = texts
        #: Folded short lines ("" for lines longer than FOLD_MAX).
        self.folds = list(map(fold_line_short, texts)) if folds is None else folds
        self.fold_set = set(self.folds)
        self._firsts: list[str] | None = None
        self._first_set: set[str] | None = None
        self._prose: list[bool] | None = None
        self._starts: list[int] | None = None
        self._indexes: dict[str, dict[str, list[int]]] = {}
        self._fold_text: str | None = None
        self._digit_starts: list[int] | None = None
        self._lasts: list[str] | None = None
        self._long_lines: list[int] | None = None
        self._long_firsts: list[str] | None = None
        #: The filters that asked for this profile, in order: the noise
        #: families that ran on this document, with their options.
        self.ran: list[object] = []

    def carried(self, doc: Document, lines: list[int]) -> Profile:
        """The profile of ``doc``, whose block ``k`` is this profile's line ``lines[k]``.

        A line's own facts do not depend on the rest of the text, so the
        folded form of each line whose text is unchanged is taken over; lines
        that changed (spans cut out) are folded again.  When no line changed,
        the first words and prose flags computed so far are taken over too.
        The result equals ``Profile(doc.text, doc.blocks)``; it is stored on
        ``doc`` for :func:`profile` to find.
        """
        old_texts, old_folds = self.texts, self.folds
        if all(b.text is old_texts[j] for b, j in zip(doc.blocks, lines)):
            # the usual case, no line changed: every fact computed so far is taken over
            prof = Profile(doc.text, doc.blocks, list(map(old_folds.__getitem__, lines)))
            if self._firsts is not None:
                prof._firsts = list(map(self._firsts.__getitem__, lines))
                prof._first_set = set(prof._firsts)
            if self._prose is not None:
                prof._set_prose(list(map(self._prose.__getitem__, lines)))
        else:
            folds = [old_folds[j] if b.text is old_texts[j] else fold_line_short(b.text)
                     for b, j in zip(doc.blocks, lines)]
            prof = Profile(doc.text, doc.blocks, folds)
        doc.derived[__name__] = prof
        return prof

    # ------------------------------------------------------------ lookups
    @staticmethod
    def _positions(keys: list[str], hits: set[str] | frozenset[str]) -> list[int]:
        """Indices of the keys that are in ``hits``, in order.

        A few distinct hits are found with ``list.index`` (a C-level scan per
        hit, the cheapest way on a page); many are found in one pass over the
        keys, so the cost stays linear in the number of lines however many
        distinct labels a large document holds.
        """
        if len(hits) > _INDEX_SCANS:
            return [i for i, k in enumerate(keys) if k in hits]
        out: list[int] = []
        for h in hits:
            i = -1
            try:
                while True:
                    i = keys.index(h, i + 1)
                    out.append(i)
            except ValueError:
                pass
        out.sort()
        return out

    def lookup(self, phrases: frozenset[str]) -> list[int]:
        """Indices of short lines whose folded text is one of ``phrases``, in order."""
        hits = self.fold_set.intersection(phrases) if len(phrases) > len(self.fold_set) \
            else phrases.intersection(self.fold_set)
        return self._where("folds", hits) if hits else []

    def _where(self, name: str, hits: set[str] | frozenset[str]) -> list[int]:
        """Indices of the lines whose key in the list ``name`` ("folds", "firsts") is in ``hits``.

        On a page, :meth:`_positions` scans the list.  From :data:`INDEX_LINES`
        lines on, every label that hits would make a scan of the whole
        document, so the list is indexed once (key -> positions) and each
        lookup costs only its hits.
        """
        keys: list[str] = getattr(self, name)
        if len(keys) < INDEX_LINES:
            return self._positions(keys, hits)
        index = self._indexes.get(name)
        if index is None:
            index = self._indexes[name] = {}
            get = index.get
            for i, k in enumerate(keys):
                at = get(k)
                if at is None:
                    index[k] = [i]
                else:
                    at.append(i)
        out: list[int] = []
        for h in hits:
            out += index.get(h, ())
        out.sort()
        return out

    @property
    def firsts(self) -> list[str]:
        """The first word of each folded short line, without trailing punctuation."""
        if self._firsts is None:
            self._firsts = [f.partition(" ")[0].rstrip(_WORD_END) for f in self.folds]
            self._first_set = set(self._firsts)
        return self._firsts

    def starting_with(self, words: frozenset[str]) -> list[int]:
        """Indices of short lines whose folded first word is one of ``words``, in order."""
        self.firsts  # makes the list and its set
        assert self._first_set is not None
        hits = self._first_set.intersection(words)
        hits.discard("")
        return self._where("firsts", hits) if hits else []

    def folds_containing(self, needles: Iterable[str]) -> list[int]:
        """Indices of short lines whose folded form contains one of ``needles`` (lower
        case), in order: one search per needle in the folded lines joined, which
        is smaller than the text and needs no second search for other cases."""
        if self._fold_text is None:
            self._fold_text = "\n".join(self.folds)
        joined = self._fold_text
        hits: set[int] = set()
        for needle in needles:
            k = joined.find(needle)
            line, at = 0, 0
            while k >= 0:
                line += joined.count("\n", at, k)
                at = k
                hits.add(line)
                k = joined.find(needle, k + 1)
        return sorted(hits)

    @property
    def long_lines(self) -> list[int]:
        """Indices of the lines without a folded form (longer than :data:`FOLD_MAX`, or
        only punctuation), in order (computed once per profile: do not change the list)."""
        if self._long_lines is None:
            self._long_lines = [i for i, f in enumerate(self.folds) if not f]
        return self._long_lines

    @property
    def long_firsts(self) -> list[str]:
        """For each of :attr:`long_lines`, its first word as folding would give it: after
        leading punctuation, lower case, without trailing punctuation; only the first
        :data:`LONG_WORD_SAMPLE` characters are read ("" for a line of no words)."""
        if self._long_firsts is None:
            texts, edge, cut = self.texts, EDGE_CHARS, LONG_WORD_SAMPLE
            self._long_firsts = [(texts[i].lstrip(edge)[:cut].lower().split(None, 1) or [""])[0].rstrip(edge)
                                 for i in self.long_lines]
        return self._long_firsts

    @property
    def lasts(self) -> list[str]:
        """The last word of each folded short line ("" for long lines), computed once."""
        if self._lasts is None:
            self._lasts = [f.rpartition(" ")[2] for f in self.folds]
        return self._lasts

    def ending_with(self, words: frozenset[str]) -> list[int]:
        """Indices of short lines whose folded last word is one of ``words``, in order."""
        return [i for i, w in enumerate(self.lasts) if w in words]

    def starting_with_digit(self) -> list[int]:
        """Indices of short lines whose folded first word starts with an ASCII digit, in
        order (computed once per profile and shared: do not change the list)."""
        if self._digit_starts is None:
            digits = _DIGITS
            self._digit_starts = [i for i, w in enumerate(self.firsts) if w[:1] in digits]
        return self._digit_starts

    # ------------------------------------------------------------ position
    @property
    def prose(self) -> list[bool]:
        """For each line, whether it reads like an article paragraph (see :func:`is_prose`)."""
        if self._prose is None:
            self._set_prose(prose_flags(self.texts))
        assert self._prose is not None
        return self._prose

    def _set_prose(self, flags: list[bool]) -> None:
        self._prose = flags
        try:
            self._first_prose = flags.index(True)
            self._last_prose = len(flags) - 1 - flags[::-1].index(True)
        except ValueError:
            self._first_prose = self._last_prose = -1

    @property
    def first_prose(self) -> int:
        """Index of the first prose line no filter has removed; -1 when there is none.

        Removed lines do not count: a cookie notice as long as a paragraph
        stops being the top edge once it is gone, as it would be in a second
        run over the clean text.
        """
        self.prose
        i = self._first_prose
        blocks = self.blocks
        if i >= 0 and blocks[i].removal is not None:
            p = self._prose
            n = len(p)
            while i < n and (not p[i] or blocks[i].removal is not None):
                i += 1
            i = i if i < n else -1
            # Removals are never undone while detectors run, so no line before
            # this one can qualify again: the next call starts here (each line
            # is passed over once per document, not once per call).
            self._first_prose = i
        return i

    @property
    def last_prose(self) -> int:
        """Index of the last prose line no filter has removed; -1 when there is none."""
        self.prose
        i = self._last_prose
        blocks = self.blocks
        if i >= 0 and blocks[i].removal is not None:
            p = self._prose
            while i >= 0 and (not p[i] or blocks[i].removal is not None):
                i -= 1
            self._last_prose = i  # as in first_prose: the next call starts here
        return i

    def block_at(self, offset: int) -> int:
        """Index of the block that contains (or precedes) text offset ``offset``."""
        if self._starts is None:
            self._starts = [b.start for b in self.blocks]
        return bisect_right(self._starts, offset) - 1

    def in_header(self, i: int) -> bool:
        """The line stands above the first line of prose (or the text has no prose)."""
        f = self.first_prose
        return f < 0 or i < f

    def in_footer(self, i: int) -> bool:
        """The line stands below the last line of prose."""
        last = self.last_prose
        return last < 0 or i > last

    def at_edge(self, i: int) -> bool:
        """Above the first or below the last line of prose."""
        return self.in_header(i) or self.in_footer(i)

    def sandwiched(self, i: int) -> bool:
        """Prose directly above and below: the line is most likely part of the article."""
        p = self.prose
        return 0 < i < len(p) - 1 and p[i - 1] and p[i + 1]

    def edge_window(self, n: int) -> list[int]:
        """The first ``n`` and last ``n`` lines no filter has removed, in order."""
        blocks = self.blocks
        head: list[int] = []
        for b in blocks:
            if len(head) >= n:
                break
            if b.removal is None:
                head.append(b.index)
        tail: list[int] = []
        for b in reversed(blocks):
            if len(tail) >= n:
                break
            if b.removal is None:
                tail.append(b.index)
        return sorted(set(head) | set(tail))

    def standalone(self, i: int) -> bool:
        """A paragraph of its own: blank lines (or the text's edges) on both sides."""
        blocks = self.blocks
        before = i == 0 or blocks[i].blank_before
        after = i + 1 >= len(blocks) or blocks[i + 1].blank_before
        return before and after


def profile(doc: Document, by: object = None) -> Profile:
    """The :class:`Profile` of ``doc``, computed once however many filters ask.

    It is kept in ``doc.derived``, so it lives exactly as long as the document.
    ``by`` is the filter asking; it is recorded in :attr:`Profile.ran`.
    """
    prof = doc.derived.get(__name__)
    if prof is None or prof.blocks is not doc.blocks:
        prof = doc.derived[__name__] = Profile(doc.text, doc.blocks)
    if by is not None and not any(f is by for f in prof.ran):
        prof.ran.append(by)
    return prof


_NOT_TITLE_END = frozenset(".!?:;,")


def title_like(text: str, max_chars: int = 100) -> bool:
    """A short line that does not end like a sentence: a headline, label or menu item."""
    return 0 < len(text) <= max_chars and text[-1] not in _NOT_TITLE_END


def next_kept(blocks: list[Block], i: int, skip: Iterable[int] = ()) -> int:
    """Index of the first block after ``i`` that no filter removed (or -1)."""
    for j in range(i + 1, len(blocks)):
        if blocks[j].removal is None and j not in skip:
            return j
    return -1


def prev_kept(blocks: list[Block], i: int, skip: Iterable[int] = ()) -> int:
    """Index of the last block before ``i`` that no filter removed (or -1)."""
    for j in range(i - 1, -1, -1):
        if blocks[j].removal is None and j not in skip:
            return j
    return -1
