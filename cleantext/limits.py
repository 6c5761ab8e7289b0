"""What one document may cost: its size, its line lengths and its time.

Scraped data holds every gigantic and adversarial input the web produces.  A
:class:`Limits` value, carried by every :class:`~cleantext.Pipeline`, bounds
the work done on one document, and says what happens past each bound:

``max_input_size``
    Longest input accepted: characters for ``str``, bytes for ``bytes`` (the
    CLI and :func:`~cleantext.decode_bytes` also apply it to decompressed
    input).  Longer input raises :class:`InputTooLarge` before any work is
    done; nothing is cut silently.
``max_line_chars``
    Longest line the detectors (block and span filters) look at.  A longer
    line is kept in the output untouched, never fed to a pattern, and listed
    in ``result.metadata["limits"]["unexamined_blocks"]``.
``time_budget``
    Seconds one document may take in the pipeline.  Checked between filters
    and between a detector's marks (and by filters that pass
    :func:`remaining_time` to the ``regex`` module's ``timeout``); past it,
    :class:`DocumentTimeout` is raised.  Work running in C cannot be
    interrupted in-process: the CLI's ``--timeout`` runs documents in a
    worker process that is killed when it overruns (see
    :mod:`cleantext.worker`).

``None`` switches a limit off.  See ``docs/limits.md``.
"""
from __future__ import annotations

import time
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace
from typing import Any

from .errors import CleantextError


class InputTooLarge(CleantextError, ValueError):
    """The input is longer than :attr:`Limits.max_input_size`."""


class DocumentTimeout(CleantextError, TimeoutError):
    """A document took longer than its time budget."""


@dataclass(frozen=True)
class Limits:
    """Bounds on the work done for one document (see the module docstring)."""

    #: Longest input: characters for ``str``, bytes for ``bytes`` and files.
    #: 64 Mi leaves room for any real article and keeps memory use near 1 GB.
    max_input_size: int | None = 64 * 1024 * 1024
    #: Longest line shown to detectors; longer lines are kept, unexamined.
    #: Real paragraphs are far shorter (the longest in 990 scraped pages: 7,400).
    max_line_chars: int | None = 100_000
    #: Seconds per document before :class:`DocumentTimeout`.  A 50 MB line
    #: takes a few seconds through the default chain.
    time_budget: float | None = 60.0

    def __post_init__(self) -> None:
        for f in fields(self):
            v = getattr(self, f.name)
            if v is None:
                continue
            if isinstance(v, bool) or not isinstance(v, (int, float)) or v <= 0:
                raise ValueError(f"Limits.{f.name} must be a positive number or None, not {v!r}")
            if f.name != "time_budget" and not isinstance(v, int):
                raise ValueError(f"Limits.{f.name} must be an int or None, not {v!r}")

    @classmethod
    def unlimited(cls) -> Limits:
        """No limit at all (for trusted input only)."""
        return cls(max_input_size=None, max_line_chars=None, time_budget=None)

    def with_(self, **changes: Any) -> Limits:
        """A copy with some limits changed."""
        return replace(self, **changes)

    def check_size(self, data: str | bytes, what: str = "input") -> None:
        """Raise :class:`InputTooLarge` if ``data`` is over :attr:`max_input_size`."""
        cap = self.max_input_size
        if cap is not None and len(data) > cap:
            unit = "characters" if isinstance(data, str) else "bytes"
            raise InputTooLarge(f"{what} is {len(data):,} {unit}, over the limit of {cap:,} "
                                f"(Limits.max_input_size, CLI --max-input-size)")


DEFAULT_LIMITS = Limits()


class Budget:
    """The time left for one document; :meth:`check` raises once it is spent."""

    __slots__ = ("seconds", "end", "step")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.step = ""  # the filter running now, for messages
        self.end = None if seconds is None else time.monotonic() + seconds

    def remaining(self) -> float | None:
        """Seconds left (at least a millisecond), or None without a budget."""
        if self.end is None:
            return None
        return max(self.end - time.monotonic(), 0.001)

    def check(self, where: str) -> None:
        """Raise :class:`DocumentTimeout` if the budget is spent."""
        if self.end is not None and time.monotonic() > self.end:
            raise DocumentTimeout(f"document took longer than its time budget of "
                                  f"{self.seconds:g} s (at {where})")


_CURRENT: ContextVar[Budget | None] = ContextVar("cleantext_budget", default=None)


def remaining_time() -> float | None:
    """Seconds left for the document being cleaned, or None.

    A filter that makes one whole-document call with the ``regex`` module can
    pass it as a backstop: ``PATTERN.sub(repl, text, timeout=remaining_time())``.
    The pipeline turns the resulting ``TimeoutError`` into :class:`DocumentTimeout`.
    """
    budget = _CURRENT.get()
    return None if budget is None else budget.remaining()


def parse_size(text: str) -> int | None:
    """``"64M"``, ``"500k"``, ``"1G"``, ``"1000"`` as a number; ``"0"``/``"none"`` as None."""
    s = text.strip().lower()
    if s in ("0", "none", "off", "unlimited"):
        return None
    mult = 1
    if s and s[-1] in "kmg":
        mult = 1024 ** ("kmg".index(s[-1]) + 1)
        s = s[:-1]
    try:
        n = int(s) * mult
    except ValueError:
        raise ValueError(f"not a size: {text!r} (examples: 1000, 500k, 64M, 1G, none)") from None
    if n < 0:
        raise ValueError(f"not a size: {text!r}")
    return n
