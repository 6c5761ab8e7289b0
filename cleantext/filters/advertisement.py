"""Ad slot labels: "Advertisement", "Sponsored", "Anzeige", "Publicité", "Reklama"...

A line is an ad label when, on its own, it is one of the phrases of the
``[advertisement] labels`` lists.  The same words inside a sentence ("the
company cut its advertisement budget") are prose and stay.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from ..document import BlockMark, Document
from ..kinds import Kind
from ..lexicon import phrases
from ..registry import register
from ._match import fold, phrase_set
from .base import BlockFilter


@register
@dataclass(frozen=True)
class Advertisement(BlockFilter):
    """Remove lines that are only an ad label ("Advertisement", "Anzeige", "Reklama")."""

    name = "advertisement"
    kinds = (Kind.ADVERTISEMENT,)

    #: Languages whose phrase lists are used; empty means every built-in language.
    languages: tuple[str, ...] = ()
    #: Extra TOML phrase files with an ``[advertisement] labels`` list.
    extra_files: tuple[str, ...] = ()
    #: Lines longer than this are never labels (a cheap guard for prose).
    max_chars: int = 80

    @cached_property
    def _labels(self) -> frozenset[str]:
        return phrase_set(phrases("advertisement", "labels", self.languages, self.extra_files))

    def detect(self, doc: Document) -> Iterator[BlockMark]:
        labels = self._labels
        for b in doc.kept():
            if len(b.text) <= self.max_chars:
                f = fold(b.text)
                if f in labels:
                    yield BlockMark(b.index, Kind.ADVERTISEMENT, "ad-label", f)
