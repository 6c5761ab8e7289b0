"""The pipeline: an ordered, immutable chain of filters.

``Pipeline([...])`` takes filter instances or registered names.  Normalizers run
first, in their order, on the raw text, round after round until the chain
settles (each in a row leaves the text unchanged), so that cleaning the output
again changes nothing; then the normalized text is split into
blocks and the detectors (block and span filters) run in their order, each
seeing the marks of the ones before it; last, the kept text is rendered.

Pipelines are values: :meth:`without`, :meth:`only`, :meth:`replace`,
:meth:`configure`, :meth:`with_limits` and ``+`` return new pipelines and never
change the old one.

Every pipeline carries :class:`~cleantext.limits.Limits` (size, line length,
time per document), enforced on every call: too large an input raises
:class:`~cleantext.limits.InputTooLarge`, too long a line is kept but not shown
to the detectors, a spent time budget raises
:class:`~cleantext.limits.DocumentTimeout`.  The result is always valid Unicode:
lone surrogates that the normalizers leave become U+FFFD.
"""
from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace as _replace
from types import MappingProxyType
from typing import Any, Union

from .document import Block, Document, Removal, Result
from .errors import ConfigError
from .filters._chars import memo_scope
from .filters.base import BlockFilter, Filter, Normalizer, SpanFilter
from .kinds import Kind
from .limits import _CURRENT, DEFAULT_LIMITS, Budget, DocumentTimeout, Limits
from . import registry

#: Lone (or any) surrogate code points: not text, and not encodable as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")

FilterLike = Union[Filter, str]

#: Most rounds of the normalizer chain per document (see Pipeline._normalize).
#: The default chain settles in two: a second round only finishes what the
#: first one's later normalizers uncovered.
MAX_NORMALIZE_ROUNDS = 4

#: The time budget is checked after this many marks of one detector (and after each detector):
#: a detector that yields forever is still stopped, and a page with thousands
#: of removals does not pay for a clock read each.
MARKS_PER_CHECK = 64


def _as_filter(f: FilterLike) -> Filter:
    if isinstance(f, str):
        return registry.create(f)
    if isinstance(f, Filter):
        return f
    raise TypeError(f"a pipeline step must be a Filter or a registered name, not {type(f).__name__}")


class Pipeline:
    """An ordered, immutable chain of filters."""

    __slots__ = ("_filters", "_normalizers", "_detectors", "_limits")

    def __init__(self, filters: Iterable[FilterLike] = (), *, limits: Limits | None = None) -> None:
        fs = tuple(_as_filter(f) for f in filters)
        names = [f.name for f in fs]
        dup = {n for n in names if names.count(n) > 1}
        if dup:
            raise ConfigError(f"filter(s) listed twice: {', '.join(sorted(dup))}")
        if limits is not None and not isinstance(limits, Limits):
            raise TypeError(f"limits must be a cleantext.Limits, not {type(limits).__name__}")
        self._filters = fs
        self._normalizers = tuple(f for f in fs if isinstance(f, Normalizer))
        self._detectors = tuple(f for f in fs if isinstance(f, (BlockFilter, SpanFilter)))
        self._limits = limits or DEFAULT_LIMITS

    # ------------------------------------------------------------ container protocol
    @property
    def filters(self) -> tuple[Filter, ...]:
        return self._filters

    @property
    def limits(self) -> Limits:
        """The :class:`~cleantext.limits.Limits` enforced on every document."""
        return self._limits

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
        return (isinstance(other, Pipeline) and self._filters == other._filters
                and self._limits == other._limits)

    def __hash__(self) -> int:
        return hash((self._filters, self._limits))

    def __repr__(self) -> str:
        lim = "" if self._limits == DEFAULT_LIMITS else f", limits={self._limits!r}"
        return f"Pipeline({list(self.names)!r}{lim})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._filters, self._limits))

    # ------------------------------------------------------------ deriving variants
    def __add__(self, other: Pipeline | Iterable[FilterLike]) -> Pipeline:
        extra = other.filters if isinstance(other, Pipeline) else tuple(other)
        return Pipeline(self._filters + tuple(extra), limits=self._limits)

    def _check(self, names: Iterable[str]) -> list[str]:
        names = list(names)
        unknown = [n for n in names if n not in self.names]
        if unknown:
            raise ConfigError(f"not in this pipeline: {', '.join(unknown)}; it has: {', '.join(self.names)}")
        return names

    def without(self, *names: str) -> Pipeline:
        """This pipeline minus the named filters."""
        drop = set(self._check(names))
        return Pipeline((f for f in self._filters if f.name not in drop), limits=self._limits)

    def only(self, *names: str) -> Pipeline:
        """This pipeline restricted to the named filters (order kept)."""
        keep = set(self._check(names))
        return Pipeline((f for f in self._filters if f.name in keep), limits=self._limits)

    def replace(self, name: str, new: FilterLike) -> Pipeline:
        """This pipeline with filter ``name`` swapped for ``new`` in its place."""
        self._check([name])
        nf = _as_filter(new)
        return Pipeline((nf if f.name == name else f for f in self._filters), limits=self._limits)

    def configure(self, name: str, **options: Any) -> Pipeline:
        """This pipeline with some options of filter ``name`` changed."""
        try:
            return self.replace(name, self[name].with_options(**options))
        except TypeError as exc:
            raise ConfigError(f"bad options for filter {name!r}: {exc}") from None

    def with_limits(self, limits: Limits | None = None, **changes: Any) -> Pipeline:
        """This pipeline with other limits: a whole :class:`Limits`, or some fields changed.

        ``pipe.with_limits(max_line_chars=20_000, time_budget=5)``
        """
        new = limits if limits is not None else self._limits
        if changes:
            new = new.with_(**changes)
        if new == self._limits:
            return self
        return _rebuild(self._filters, new)

    # ------------------------------------------------------------ running
    def normalize(self, text: str) -> tuple[str, tuple[str, ...]]:
        """Run the normalizers; return the text and the names of those that changed it."""
        return self._normalize(text, Budget(None))

    def _normalize(self, text: str, budget: Budget) -> tuple[str, tuple[str, ...]]:
        # Normalizers run in turn, round after round, until each in a row has
        # left the text as it found it: then the text is a fixed point of the
        # whole chain, and cleaning the output again changes nothing.  One
        # normalizer can make work for an earlier one (removing a zero-width
        # space can join two characters that ftfy reads as mojibake), so one
        # round is not always enough.  Counting unchanged steps in a row, not
        # whole rounds, stops as early as that can be known: after a first
        # round that changed nothing, no step is repeated; after one that only
        # the first normalizer changed, only that one runs again.
        normalizers = self._normalizers
        if not normalizers:
            return text, ()
        # The normalizers' shared first looks at a text (filters/_chars.py)
        # are remembered for this document only.
        with memo_scope():
            return self._normalize_rounds(text, budget)

    def _normalize_rounds(self, text: str, budget: Budget) -> tuple[str, tuple[str, ...]]:
        normalizers = self._normalizers
        # From the second look on, each normalizer is told what it did last
        # time (Normalizer.normalize_again), so that it can read only what
        # changed since: on real text the second round then costs a few
        # C-level comparisons instead of a pass of every normalizer.
        changed: dict[str, None] = {}
        count = len(normalizers)
        last: list[tuple[str, str] | None] = [None] * count   # (input, output) of each one's last look
        still = 0   # normalizers in a row that left the text unchanged
        steps = 0
        limit = MAX_NORMALIZE_ROUNDS * count
        while still < count and steps < limit:
            i = steps % count
            n = normalizers[i]
            steps += 1
            budget.step = n.name
            seen = last[i]
            if seen is None:
                new = n.normalize(text)
            else:
                new = n.normalize_again(text, before=seen[0], after=seen[1])
            last[i] = (text, new)
            budget.check(n.name)
            if new != text:
                changed[n.name] = None
                text = new
                still = 0
            else:
                still += 1
        return text, tuple(n.name for n in normalizers if n.name in changed)

    def explain(self, text: str) -> Result:
        """Clean ``text`` and return the full :class:`~cleantext.document.Result`.

        Raises :class:`~cleantext.limits.InputTooLarge` or
        :class:`~cleantext.limits.DocumentTimeout` past the pipeline's limits.
        """
        if not isinstance(text, str):
            raise TypeError(f"expected str, got {type(text).__name__}: decode bytes first "
                            "(cleantext.decode_bytes), or use clean_html() for HTML")
        self._limits.check_size(text)
        return _paused_gc(self._explain, text, None)

    def explain_document(self, doc: Document, normalizers: tuple[str, ...] = ()) -> Result:
        """Run the detectors over ``doc``, already normalized and split; return the Result.

        For callers that build the normalized text themselves (the HTML front
        end normalizes each piece of a page on its own): the detectors run
        exactly as in :meth:`explain`, under the same limits.  ``normalizers``
        names the normalizers that changed the text, for the Result.
        """
        return _paused_gc(self._explain, doc, normalizers)

    def _explain(self, item: str | Document, normalizers: tuple[str, ...] | None) -> Result:
        limits = self._limits
        budget = Budget(limits.time_budget)
        token = _CURRENT.set(budget)
        try:
            if isinstance(item, Document):
                doc, changed = item, normalizers or ()
            else:
                normalized, changed = self._normalize(item, budget)
                doc = Document(_valid_unicode(normalized))
            shielded = _shield_long_blocks(doc, limits.max_line_chars)
            try:
                for det in self._detectors:
                    name = budget.step = det.name
                    doc.apply_all(name, det.detect(doc), budget.check, MARKS_PER_CHECK)
                    budget.check(name)
            finally:
                for b in shielded:
                    b.removal = None
            result = Result.from_document(doc, changed)
        except DocumentTimeout:
            raise
        except TimeoutError as exc:  # a regex-module timeout=remaining_time() backstop fired
            raise DocumentTimeout(f"document took longer than its time budget of "
                                  f"{limits.time_budget:g} s (in {budget.step})") from exc
        finally:
            _CURRENT.reset(token)
        if shielded:
            meta = dict(result.metadata)
            meta["limits"] = {
                "max_line_chars": limits.max_line_chars,
                "unexamined_blocks": [{"block": b.index, "start": b.start, "end": b.end}
                                      for b in shielded],
            }
            result = _replace(result, metadata=MappingProxyType(meta))
        return result

    def clean(self, text: str) -> str:
        """Clean ``text`` and return only the clean text."""
        return self.explain(text).text

    __call__ = clean

    def map(self, texts: Iterable[str]) -> Iterator[Result]:
        """Explain each text of a stream lazily, in order."""
        for t in texts:
            yield self.explain(t)


def _rebuild(filters: tuple[Filter, ...], limits: Limits) -> Pipeline:
    """A pipeline from already checked parts (used by :meth:`Pipeline.with_limits` and pickle)."""
    p = Pipeline.__new__(Pipeline)
    p._filters = filters
    p._normalizers = tuple(f for f in filters if isinstance(f, Normalizer))
    p._detectors = tuple(f for f in filters if isinstance(f, (BlockFilter, SpanFilter)))
    p._limits = limits
    return p


def _paused_gc(run: Callable[..., Result], *args: Any) -> Result:
    """``run(*args)`` with the cyclic garbage collector paused, then resumed whatever happens.

    One document makes an object per line and per removal, and none of them
    form reference cycles; the collector would run over the whole heap again
    and again while they pile up (about a tenth of the chain's time, more on
    large documents).
    """
    if not gc.isenabled():
        return run(*args)
    gc.disable()
    try:
        return run(*args)
    finally:
        gc.enable()


def _valid_unicode(text: str) -> str:
    """``text`` with surrogate code points replaced by U+FFFD (they cannot be encoded)."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def _shield_long_blocks(doc: Document, max_chars: int | None) -> list[Block]:
    """Hide blocks longer than ``max_chars`` from ``doc.kept()``; return them.

    They get a placeholder removal while the detectors run (so ``kept()`` skips
    them and marks on them are moot); the caller clears it before rendering, so
    the lines are kept exactly as they are.
    """
    if max_chars is None or len(doc.text) <= max_chars:
        return []
    out = []
    for b in doc.blocks:
        if b.end - b.start > max_chars and b.removal is None:
            b.removal = Removal("limits", Kind.BOILERPLATE, "line-too-long", b.start, b.end,
                                b.text, "block", b.index)
            out.append(b)
    return out
