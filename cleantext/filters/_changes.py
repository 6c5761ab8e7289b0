"""Where a text changed since a normalizer last saw it: a window of whole lines.

The pipeline runs its normalizers round after round until none changes the
text (see ``Pipeline._normalize``).  On the second look a normalizer has
already processed almost all of the text: only what it changed itself and
what the later normalizers changed since can hold new work.  For a
normalizer that works line by line, :func:`changed_window` finds the lines
holding those changes, so that the second look reads them alone.

The differences are located with common prefixes and suffixes, found by
C-level comparisons (``str.startswith`` / ``str.endswith``): linear time, a
small fraction of one regex pass.
"""
from __future__ import annotations


def common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix of ``a`` and ``b``."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    n = len(short)
    if long_.startswith(short):
        return n
    lo, hi = 0, n            # a[:lo] == b[:lo]; the answer lies in [lo, hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a.startswith(b[lo:mid], lo):
            lo = mid
        else:
            hi = mid
    return lo


def common_suffix(a: str, b: str, limit: int) -> int:
    """Length of the longest common suffix of ``a`` and ``b``, at most ``limit``."""
    la, lb = len(a), len(b)
    n = min(la, lb, limit)
    if a.endswith(b[lb - n:]):
        return n
    lo, hi = 0, n            # a[la-lo:] == b[lb-lo:]; the answer lies in [lo, hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a.endswith(b[lb - mid:lb - lo], 0, la - lo):
            lo = mid
        else:
            hi = mid
    return lo


def _changed_span(old: str, new: str) -> tuple[int, int] | None:
    """``(start, end)`` in ``new`` outside of which ``new`` equals ``old``, or None if equal.

    ``new[:start] == old[:start]`` and ``new[end:]`` is a suffix of ``old``.
    The span is empty (``start == end``) for a pure deletion.
    """
    if old is new or old == new:
        return None
    p = common_prefix(old, new)
    s = common_suffix(old, new, min(len(old), len(new)) - p)
    return p, len(new) - s


def changed_window(before: str, after: str, text: str) -> tuple[int, int] | None:
    """The lines of ``text`` that may hold work for a line-by-line normalizer.

    The normalizer last turned ``before`` into ``after``; the normalizers after
    it then turned ``after`` into ``text``.  Returns ``(start, end)``, a run of
    whole lines of ``text`` (``start`` begins a line; ``end`` follows a
    ``"\\n"`` or is the end of the text), such that every line of ``text``
    outside it was a line of ``before`` that the normalizer left as it was,
    and that nothing changed since.  None when ``before``, ``after`` and
    ``text`` are equal.

    Why a line outside the window is a line the normalizer left alone: the
    first character the normalizer changed (inserted, deleted or replaced)
    lies inside the first line it changed, and likewise the last; the same
    holds for the later normalizers.  Common prefixes and suffixes therefore
    stop inside, or at the edge of, the first and last changed lines, and the
    window widens the differences to whole lines.
    """
    own = _changed_span(before, after)      # in `after` coordinates
    since = _changed_span(after, text)      # in `text` coordinates
    if own is None and since is None:
        return None
    if since is None:                       # text == after
        lo, hi = own                        # type: ignore[misc]
    else:
        lo, hi = since
        if own is not None:
            # `after` and `text` agree on after[:since[0]] and on the last
            # len(text) - since[1] characters: map `own` into `text`.
            shift = len(text) - len(after)
            lo = min(lo, own[0])
            hi = max(hi, own[1] + shift)
    start = text.rfind("\n", 0, lo) + 1
    nl = text.find("\n", hi)
    return start, len(text) if nl < 0 else nl + 1
