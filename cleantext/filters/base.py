"""The three filter roles and their one-method contracts.

A filter is a frozen dataclass: its fields are its options, with documented
defaults, so a configured filter is an immutable value that can be compared,
hashed and shown.  Filters keep no state between documents.

- :class:`Normalizer` -- ``normalize(text) -> text``, run before the text is
  split into blocks (encoding repair, whitespace).
- :class:`BlockFilter` -- ``detect(doc) -> marks`` of whole blocks.
- :class:`SpanFilter` -- ``detect(doc) -> marks`` of spans inside blocks.

Detectors only *mark*; the pipeline records the marks as removals and the
renderer deletes.  Each filter declares its ``name`` (registry key), the noise
``kinds`` it can mark and a one-line ``summary`` (its docstring's first line).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from typing import Any, ClassVar

from ..document import BlockMark, Document, SpanMark
from ..kinds import Kind


@dataclass(frozen=True)
class Filter:
    """Base of every filter."""

    name: ClassVar[str] = ""
    role: ClassVar[str] = ""
    kinds: ClassVar[tuple[Kind, ...]] = ()

    @classmethod
    def summary(cls) -> str:
        """The first line of the filter's docstring."""
        doc = (cls.__doc__ or "").strip()
        return doc.splitlines()[0] if doc else ""

    @classmethod
    def option_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def options(self) -> dict[str, Any]:
        """The filter's options and their values."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def with_options(self, **options: Any) -> Filter:
        """A copy with some options changed (unknown names raise ``TypeError``)."""
        return replace(self, **options)


@dataclass(frozen=True)
class Normalizer(Filter):
    """A ``str -> str`` step run before splitting into blocks."""

    role: ClassVar[str] = "normalizer"

    def normalize(self, text: str) -> str:
        raise NotImplementedError

    def normalize_again(self, text: str, *, before: str, after: str) -> str:
        """``normalize(text)``, on a later look at the same document.

        This normalizer last turned ``before`` into ``after``, and the
        normalizers after it then turned ``after`` into ``text``.  The
        pipeline calls this instead of :meth:`normalize` on every look but
        the first, until the chain settles.  The result must be exactly
        ``normalize(text)``; an override may use the earlier look to read only
        what changed since (see :mod:`cleantext.filters._changes`).  This
        default runs :meth:`normalize`.
        """
        return self.normalize(text)

    def __call__(self, text: str) -> str:
        return self.normalize(text)


@dataclass(frozen=True)
class BlockFilter(Filter):
    """Marks whole blocks (lines) as noise."""

    role: ClassVar[str] = "block"

    def detect(self, doc: Document) -> Iterable[BlockMark]:
        raise NotImplementedError

    def detect_again(self, doc: Document) -> Iterable[BlockMark]:
        """:meth:`detect` on the lines left after this filter and others ran (what
        ``settle`` asks).  A filter whose rules mostly look at a line alone may run only
        the rules that depend on other lines: the rest found all they could the first time."""
        return self.detect(doc)


@dataclass(frozen=True)
class SpanFilter(Filter):
    """Marks spans inside blocks as noise."""

    role: ClassVar[str] = "span"

    def detect(self, doc: Document) -> Iterable[SpanMark]:
        raise NotImplementedError
