"""Ad slot labels: "Advertisement", "Sponsored", "Anzeige", "Publicité", "Reklama"...

A line is an ad label when, on its own, it is one of the phrases of the
``[advertisement] labels`` lists.  Ad labels stand anywhere (between two
paragraphs is where ad slots go), but only as a whole line: the same words
inside a sentence ("the company cut its advertisement budget") are prose and
stay.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar
from functools import cached_property

from ..document import BlockMark, Document
from ..kinds import Kind
from ..registry import register
from . import _phrases
from ._context import profile
from ._phrases import PhraseOptions
from .base import BlockFilter


@register
@dataclass(frozen=True)
class Advertisement(PhraseOptions, BlockFilter):
    """Remove lines that are only an ad label ("Advertisement", "Anzeige", "Reklama")."""

    name = "advertisement"
    kinds = (Kind.ADVERTISEMENT,)
    #: Rules that look at a line alone, never at its neighbours: removing
    #: other lines cannot make them match, so ``settle`` need not run them again.
    context_free: ClassVar[bool] = True

    #: Lines longer than this are never labels (a cheap guard for prose).
    max_chars: int = 80

    @cached_property
    def _labels(self) -> frozenset[str]:
        return _phrases.folded(self, "advertisement", "labels")

    def detect(self, doc: Document) -> Iterator[BlockMark]:
        prof = profile(doc, self)
        blocks = doc.blocks
        for i in prof.lookup(self._labels):
            b = blocks[i]
            if b.removal is None and len(b.text) <= self.max_chars:
                yield BlockMark(i, Kind.ADVERTISEMENT, "ad-label", prof.folds[i] or "")
