"""The pipeline: an ordered, immutable chain of filters.

``Pipeline([...])`` takes filter instances or registered names.  Normalizers run
first, in their order, on the raw text; then the normalized text is split into
blocks and the detectors (block and span filters) run in their order, each
seeing the marks of the ones before it; last, the kept text is rendered.

Pipelines are values: :meth:`without`, :meth:`only`, :meth:`replace`,
:meth:`configure` and ``+`` return new pipelines and never change the old one.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Union

from .document import Document, Result
from .errors import ConfigError
from .filters.base import BlockFilter, Filter, Normalizer, SpanFilter
from . import registry

FilterLike = Union[Filter, str]


def _as_filter(f: FilterLike) -> Filter:
    if isinstance(f, str):
        return registry.create(f)
    if isinstance(f, Filter):
        return f
    raise TypeError(f"a pipeline step must be a Filter or a registered name, not {type(f).__name__}")


class Pipeline:
    """An ordered, immutable chain of filters."""

    __slots__ = ("_filters", "_normalizers", "_detectors")

    def __init__(self, filters: Iterable[FilterLike] = ()) -> None:
        fs = tuple(_as_filter(f) for f in filters)
        names = [f.name for f in fs]
        dup = {n for n in names if names.count(n) > 1}
        if dup:
            raise ConfigError(f"filter(s) listed twice: {', '.join(sorted(dup))}")
        self._filters = fs
        self._normalizers = tuple(f for f in fs if isinstance(f, Normalizer))
        self._detectors = tuple(f for f in fs if isinstance(f, (BlockFilter, SpanFilter)))

    # ------------------------------------------------------------ container protocol
    @property
    def filters(self) -> tuple[Filter, ...]:
        return self._filters

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self._filters)

    def __iter__(self) -> Iterator[Filter]:
        return iter(self._filters)

    def __len__(self) -> int:
        return len(self._filters)

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def __getitem__(self, name: str) -> Filter:
        for f in self._filters:
            if f.name == name:
                return f
        raise KeyError(name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pipeline) and self._filters == other._filters

    def __hash__(self) -> int:
        return hash(self._filters)

    def __repr__(self) -> str:
        return f"Pipeline({list(self.names)!r})"

    # ------------------------------------------------------------ deriving variants
    def __add__(self, other: Pipeline | Iterable[FilterLike]) -> Pipeline:
        extra = other.filters if isinstance(other, Pipeline) else tuple(other)
        return Pipeline(self._filters + tuple(extra))

    def _check(self, names: Iterable[str]) -> list[str]:
        names = list(names)
        unknown = [n for n in names if n not in self.names]
        if unknown:
            raise ConfigError(f"not in this pipeline: {', '.join(unknown)}; it has: {', '.join(self.names)}")
        return names

    def without(self, *names: str) -> Pipeline:
        """This pipeline minus the named filters."""
        drop = set(self._check(names))
        return Pipeline(f for f in self._filters if f.name not in drop)

    def only(self, *names: str) -> Pipeline:
        """This pipeline restricted to the named filters (order kept)."""
        keep = set(self._check(names))
        return Pipeline(f for f in self._filters if f.name in keep)

    def replace(self, name: str, new: FilterLike) -> Pipeline:
        """This pipeline with filter ``name`` swapped for ``new`` in its place."""
        self._check([name])
        nf = _as_filter(new)
        return Pipeline(nf if f.name == name else f for f in self._filters)

    def configure(self, name: str, **options: Any) -> Pipeline:
        """This pipeline with some options of filter ``name`` changed."""
        try:
            return self.replace(name, self[name].with_options(**options))
        except TypeError as exc:
            raise ConfigError(f"bad options for filter {name!r}: {exc}") from None

    # ------------------------------------------------------------ running
    def normalize(self, text: str) -> tuple[str, tuple[str, ...]]:
        """Run the normalizers; return the text and the names of those that changed it."""
        changed = []
        for n in self._normalizers:
            new = n.normalize(text)
            if new != text:
                changed.append(n.name)
                text = new
        return text, tuple(changed)

    def explain(self, text: str) -> Result:
        """Clean ``text`` and return the full :class:`~cleantext.document.Result`."""
        if not isinstance(text, str):
            raise TypeError(f"expected str, got {type(text).__name__}: decode bytes first "
                            "(cleantext.decode_bytes), or use clean_html() for HTML")
        normalized, changed = self.normalize(text)
        doc = Document(normalized)
        for det in self._detectors:
            for mark in det.detect(doc):
                doc.apply(det.name, mark)
        return Result.from_document(doc, changed)

    def clean(self, text: str) -> str:
        """Clean ``text`` and return only the clean text."""
        return self.explain(text).text

    __call__ = clean

    def map(self, texts: Iterable[str]) -> Iterator[Result]:
        """Explain each text of a stream lazily, in order."""
        for t in texts:
            yield self.explain(t)
