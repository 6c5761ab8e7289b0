"""Measuring how much of a noise family a cleaning function removes.

A property that must hold for every example is an assertion
(:mod:`.invariants`).  Removal of noise is a rate: a family is expected to
go in, say, 99% of generated cases, and the cases it misses are worth
reading.  :func:`removal_rate` runs hypothesis over articles with noise of
one family and counts the cases where any of it survives;
:func:`assert_removal_rate` fails below a threshold and shows the misses.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings

from ..kinds import Kind
from .articles import Noise, NoisyArticle, noisy_articles
from .invariants import blocks

__all__ = ["RemovalStats", "assert_removal_rate", "covered_kinds", "removal_rate"]

Cleaner = Callable[[str], str]


def covered_kinds(pipeline: Any) -> tuple[Kind, ...]:
    """The noise kinds the filters of ``pipeline`` declare (``Filter.kinds``), in Kind order."""
    declared = {k for f in pipeline for k in getattr(f, "kinds", ())}
    return tuple(k for k in Kind if k in declared)


@dataclass
class RemovalStats:
    """Cases generated, and the ones where noise of the family survived."""

    kind: Kind
    cases: int = 0
    misses: list[tuple[NoisyArticle, tuple[Noise, ...]]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Share of cases where every inserted piece of the family was removed."""
        return 1.0 - len(self.misses) / self.cases if self.cases else 0.0

    def report(self, limit: int = 5) -> str:
        """The rate and the first ``limit`` surviving pieces, for a failure message."""
        lines = [f"{self.kind.value}: removed in {self.cases - len(self.misses)}/{self.cases} "
                 f"cases ({self.rate:.2%})"]
        for case, kept in self.misses[:limit]:
            for n in kept:
                lines.append(f"  kept ({n.place}, {case.language}): {n.text!r}")
        return "\n".join(lines)


def _survivors(out: str, noise: Iterable[Noise]) -> tuple[Noise, ...]:
    got = {" ".join(b.split()) for b in blocks(out)}
    return tuple(n for n in noise if (n.text in out if n.inline else n.text in got))


def removal_rate(f: Cleaner, kind: Kind | str, *, examples: int | None = None,
                 **article_options: Any) -> RemovalStats:
    """Run ``f`` over generated articles with noise of ``kind`` and count the misses.

    ``examples`` defaults to the current hypothesis profile's
    ``max_examples``; ``article_options`` go to
    :func:`~.articles.noisy_articles` (``language=``, ``max_noise=``...).
    Derandomization follows the current profile.
    """
    kind = Kind(kind)
    stats = RemovalStats(kind)
    strategy = noisy_articles(kinds=[kind], **article_options)

    @settings(max_examples=examples or settings().max_examples, deadline=None,
              database=None, phases=[Phase.explicit, Phase.generate],
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(strategy)
    def run(case: NoisyArticle) -> None:
        stats.cases += 1
        kept = _survivors(f(case.text), (n for n in case.noise if n.kind == kind))
        if kept:
            stats.misses.append((case, kept))

    run()
    return stats


def assert_removal_rate(f: Cleaner, kind: Kind | str, *, min_rate: float = 0.99,
                        examples: int | None = None, **article_options: Any) -> RemovalStats:
    """Assert that ``f`` removes noise of ``kind`` in at least ``min_rate`` of generated cases."""
    stats = removal_rate(f, kind, examples=examples, **article_options)
    if stats.rate < min_rate:
        raise AssertionError(f"removal rate below {min_rate:.0%}: {stats.report()}")
    return stats
