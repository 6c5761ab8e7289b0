"""Related links, share bars, comment prompts, tag lists, copyright and cookie footers.

Rules, each with its reason id (see docs/filters.md):

- ``related-label``: a whole line from ``[related] labels`` ("Related Topics",
  "Read more", "Share this article", "Comments"), unless prose stands directly
  above and below a one-word label (then it is a subheading of the article).
- ``related-prefix``: a short line that starts with a ``[related] prefixes``
  phrase followed by a separator (``:``, ``|``, ``»``, ``›``, a dash):
  "Read more: ...", "Tags: budget, council".
- ``copyright``: a short line that starts with a ``copyright`` marker ("©",
  "Copyright 2024") or holds a ``rights`` phrase ("All rights reserved").
- ``site-notice``: a line of up to 160 characters that starts with a
  ``notices`` phrase: comment forms and site notices ("Leave a Reply",
  "Your email address will not be published").
- ``cookie-notice``: a line that starts with a ``cookie_prefixes`` phrase
  ("We use cookies", "Diese Website verwendet Cookies").

"The court ruled that the cookies stored by the website needed consent" and
"Copyright law changed in 2019, when ..." stay: neither starts like a notice
nor is short enough to be a footer.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from ..document import BlockMark, Document
from ..kinds import Kind
from ..registry import register
from . import _phrases
from ._context import profile
from ._match import first_words, fold, starts_with_phrase
from .base import BlockFilter

_RELATED = Kind.RELATED
#: Separators that may follow a prefix: "Read more: ...", "Tags | ...".
_PREFIX_SEP = frozenset(":|»›-–—>")
#: A year in a copyright line.
COPYRIGHT_YEAR = re.compile(r"(?:19|20)\d\d")


@register
@dataclass(frozen=True)
class Related(BlockFilter):
    """Remove related-link headings, share bars, tag lists, copyright and cookie notices."""

    name = "related"
    kinds = (Kind.RELATED,)

    #: Languages whose phrase lists are used; empty means every built-in language.
    languages: tuple[str, ...] = ()
    #: Extra TOML phrase files with a ``[related]`` table.
    extra_files: tuple[str, ...] = ()
    #: Longest line the prefix and copyright rules look at.
    max_chars: int = 160
    #: Longest cookie notice.
    cookie_chars: int = 600

    @cached_property
    def _sets(self) -> dict[str, frozenset[str]]:
        keys = ("labels", "prefixes", "copyright", "rights", "cookie_prefixes", "notices")
        return {k: _phrases.folded(self, "related", k) for k in keys}

    @cached_property
    def _firsts(self) -> dict[str, frozenset[str]]:
        return {k: first_words(self._sets[k]) for k in ("prefixes", "cookie_prefixes", "notices")}

    @cached_property
    def _rights(self) -> re.Pattern[str] | None:
        ps = sorted(self._sets["rights"], key=len, reverse=True)
        return re.compile("|".join(re.escape(p) for p in ps)) if ps else None

    @cached_property
    def _copy_marks(self) -> tuple[str, ...]:
        """Copyright markers as they start a line, case-folded ("©", "(c)", "copyright")."""
        raw = _phrases.raw(self, "related", "copyright")
        return tuple(sorted({r.casefold() for r in raw if r.strip()}, key=len, reverse=True))

    def detect(self, doc: Document) -> Iterator[BlockMark]:
        prof = profile(doc)
        blocks = doc.blocks
        sets = self._sets
        marked: dict[int, BlockMark] = {}

        def mark(i: int, reason: str, detail: str) -> None:
            if blocks[i].removal is None and i not in marked:
                marked[i] = BlockMark(i, _RELATED, reason, detail)

        for i in prof.lookup(sets["labels"]):
            f = prof.folds[i] or ""
            if " " in f or not prof.sandwiched(i):
                mark(i, "related-label", f)
        for i in prof.starting_with(self._firsts["prefixes"]):
            t = blocks[i].text
            if len(t) > self.max_chars:
                continue
            p = starts_with_phrase(prof.folds[i] or "", sets["prefixes"])
            if p and _followed_by_separator(t, p):
                mark(i, "related-prefix", p)
        for i in prof.starting_with(self._firsts["notices"]):
            p = starts_with_phrase(prof.folds[i] or "", sets["notices"])
            if p:
                mark(i, "site-notice", p)
        for i in prof.starting_with(self._firsts["cookie_prefixes"]):
            p = starts_with_phrase(prof.folds[i] or "", sets["cookie_prefixes"])
            if p:
                mark(i, "cookie-notice", p)
        # Cookie notices longer than the folded lines of the profile.
        cookie_firsts = self._firsts["cookie_prefixes"]
        for b in blocks:
            t = b.text
            if prof.folds[b.index] is not None or len(t) > self.cookie_chars:
                continue
            head = fold(t[:80])
            if head.split(" ", 1)[0] in cookie_firsts:
                p = starts_with_phrase(head, sets["cookie_prefixes"])
                if p:
                    mark(b.index, "cookie-notice", p)
        self._copyright(doc, prof, mark)
        for i in sorted(marked):
            yield marked[i]

    def _copyright(self, doc: Document, prof, mark) -> None:
        rights = self._rights
        marks = self._copy_marks
        firsts = frozenset(m[0] for m in marks) | frozenset(m[0].upper() for m in marks)
        for b in doc.blocks:
            t = b.text
            if len(t) > self.max_chars:
                continue
            c = t[0]
            if c in firsts:
                low = t[:12].casefold()
                for m in marks:
                    if low.startswith(m):
                        if c == "©" or m.startswith("©") or m.startswith("(c") \
                                or "©" in t or COPYRIGHT_YEAR.search(t):
                            mark(b.index, "copyright", m)
                        break
        if rights is not None:
            for i, hit in prof.hits(rights):
                if len(doc.blocks[i].text) <= self.max_chars:
                    mark(i, "copyright", hit)


def _followed_by_separator(text: str, phrase: str) -> bool:
    """Whether ``phrase`` (folded) at the start of ``text`` is followed by a separator."""
    n = len(phrase)
    low = text.casefold()
    k = low.find(phrase)
    if k < 0 or k > 3:
        return False
    rest = text[k + n:].lstrip()
    return bool(rest) and rest[0] in _PREFIX_SEP
