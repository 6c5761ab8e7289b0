"""The invariants cleantext guarantees, as assertions on any cleaning function.

Each helper takes a cleaning function ``f(text) -> text`` (``cleantext.clean``,
a configured ``Pipeline``, or a project's own function built on them) and
raises :class:`AssertionError` with a message that shows the offending piece
of text.  None of them needs hypothesis: call them from plain tests too.

- :func:`assert_idempotent`: cleaning clean text changes nothing;
- :func:`assert_deletion_only`: the output's blocks are the normalized
  input's blocks, in order, some left out (and, for span removals, with
  pieces cut out), never rewritten or invented;
- :func:`assert_audit_complete`: a :class:`~cleantext.Result`'s kept text
  plus its removals rebuild the normalized input;
- :func:`assert_keeps` / :func:`assert_removes`: given paragraphs survive as
  whole blocks; given noise does not.
"""
from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Union

from ..document import Result

if TYPE_CHECKING:
    from .articles import Noise

__all__ = ["assert_audit_complete", "assert_deletion_only", "assert_idempotent",
           "assert_keeps", "assert_removes", "blocks"]

Cleaner = Callable[[str], str]
Normalize = Callable[[str], str]

_SHOW = 160


def _show(text: str) -> str:
    """``repr`` of ``text``, cut to a readable length."""
    if len(text) > _SHOW:
        return repr(text[:_SHOW]) + f"... ({len(text)} chars)"
    return repr(text)


def _diff(want: str, got: str) -> str:
    """Where ``got`` first differs from ``want``, with some context."""
    i = next((i for i, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))
    lo = max(0, i - 30)
    return (f"they differ at character {i}: expected {_show(want[lo:i + 50])}, "
            f"got {_show(got[lo:i + 50])}")


def blocks(text: str) -> list[str]:
    """The blocks of ``text`` as cleantext sees them: non-blank lines, stripped."""
    return [s for s in (line.strip() for line in text.split("\n")) if s]


def _default_normalize(text: str) -> str:
    from ..defaults import default_pipeline
    return default_pipeline().normalize(text)[0]


def _first_difference(a: str, b: str) -> str:
    la, lb = a.split("\n"), b.split("\n")
    for i, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return f"line {i + 1}: first pass {_show(x)}, second pass {_show(y)}"
    return f"line counts differ: {len(la)} vs {len(lb)}"


def assert_idempotent(f: Cleaner, text: str) -> str:
    """Assert ``f(f(text)) == f(text)``; return ``f(text)``."""
    once = f(text)
    twice = f(once)
    if once != twice:
        raise AssertionError(f"not idempotent: cleaning the output again changed it; "
                             f"{_first_difference(once, twice)}\ninput: {_show(text)}")
    return once


def _is_cut_from(small: str, big: str) -> bool:
    """True when ``small`` is ``big`` with some characters left out (a subsequence)."""
    if len(small) > len(big):
        return False
    it = iter(big)
    return all(ch in it for ch in small)


def assert_deletion_only(f: Cleaner, text: str, *, normalize: Normalize | None = None,
                         spans: bool = True) -> str:
    """Assert that ``f`` only deletes: its output blocks are a subsequence of the input's.

    The input is first normalized with ``normalize`` (default: the
    normalizers of cleantext's default pipeline), since encoding and
    whitespace repair are the only rewriting a cleaner may do.  With
    ``spans`` (the default), an output block may also be an input block with
    pieces cut out of it (a tracking parameter stripped from a URL); with
    ``spans=False`` every output block must equal an input block.
    Returns ``f(text)``.
    """
    out = f(text)
    source = blocks((normalize or _default_normalize)(text))
    pos = 0
    for k, block in enumerate(blocks(out)):
        j = pos
        while j < len(source) and source[j] != block and not (spans and _is_cut_from(block, source[j])):
            j += 1
        if j == len(source):
            near = difflib.get_close_matches(block, source, n=1, cutoff=0.0)
            where = f"after input block {pos}" if pos else "anywhere"
            raise AssertionError(
                f"not deletion-only: output block {k} {_show(block)} is not "
                f"{'a (possibly cut) copy of' if spans else 'equal to'} any input block {where}; "
                f"closest input block: {_show(near[0]) if near else 'none'}")
        pos = j + 1
    return out


def assert_audit_complete(result: Result) -> None:
    """Assert that ``result``'s audit trail accounts for every character.

    - every block's text is ``normalized[start:end]``, and the layout between
      blocks is whitespace only;
    - every removal's text is ``normalized[start:end]``;
    - ``result.rebuild() == result.normalized``;
    - ``result.render() == result.text``: rendering is the only deletion.
    """
    norm = result.normalized
    pos = 0
    for b in result.blocks:
        if norm[b.start:b.end] != b.text:
            raise AssertionError(f"block {b.index} text {_show(b.text)} is not "
                                 f"normalized[{b.start}:{b.end}] = {_show(norm[b.start:b.end])}")
        gap = norm[pos:b.start]
        if gap.strip():
            raise AssertionError(f"text between blocks is not whitespace: normalized[{pos}:{b.start}] "
                                 f"= {_show(gap)} before block {b.index}")
        pos = b.end
    if norm[pos:].strip():
        raise AssertionError(f"text after the last block is not whitespace: {_show(norm[pos:])}")
    for r in result.removals:
        if norm[r.start:r.end] != r.text:
            raise AssertionError(f"removal by {r.filter!r} ({r.kind.value}, {r.reason}) records "
                                 f"{_show(r.text)} but normalized[{r.start}:{r.end}] is "
                                 f"{_show(norm[r.start:r.end])}")
    rebuilt = result.rebuild()
    if rebuilt != norm:
        i = next((i for i, (a, b) in enumerate(zip(rebuilt, norm)) if a != b), min(len(rebuilt), len(norm)))
        raise AssertionError(f"kept text plus removals do not rebuild the normalized input: they "
                             f"differ at offset {i}: rebuilt {_show(rebuilt[i:i + 60])}, "
                             f"normalized {_show(norm[i:i + 60])}")
    rendered = result.render()
    if rendered != result.text:
        raise AssertionError(f"render() differs from result.text: {_first_difference(rendered, result.text)}")


def assert_keeps(f: Cleaner, text: str, paragraphs: Iterable[str]) -> str:
    """Assert that every paragraph comes out of ``f(text)`` whole, as a block, in order.

    Paragraphs are compared with their whitespace collapsed.  Returns ``f(text)``.
    """
    out = f(text)
    got = [" ".join(b.split()) for b in blocks(out)]
    pos = 0
    for k, para in enumerate(paragraphs):
        want = " ".join(para.split())
        try:
            pos = got.index(want, pos) + 1
        except ValueError:
            near = difflib.get_close_matches(want, got, n=1, cutoff=0.0)
            if want in got:
                detail = "it comes out, but out of order"
            elif near:
                detail = f"closest output block {_show(near[0])}; {_diff(want, near[0])}"
            else:
                detail = "the output is empty"
            raise AssertionError(f"content lost: paragraph {k} {_show(want)} is not an output "
                                 f"block; {detail}") from None
    return out


NoiseLike = Union[str, "Noise"]


def assert_removes(f: Cleaner, text: str, noise: Iterable[NoiseLike]) -> str:
    """Assert that none of ``noise`` survives ``f(text)``.

    A string, or a :class:`~cleantext.testing.Noise` of a whole line, must not
    be an output block (whitespace collapsed); an inline ``Noise`` (a URL
    parameter) must not occur anywhere in the output.  Returns ``f(text)``.
    """
    out = f(text)
    got = {" ".join(b.split()) for b in blocks(out)}
    for item in noise:
        piece = item if isinstance(item, str) else item.text
        inline = not isinstance(item, str) and item.inline
        want = " ".join(piece.split())
        if (want in out) if inline else (want in got):
            kind = "" if isinstance(item, str) else f" ({item.kind.value}, {item.place})"
            raise AssertionError(f"noise kept{kind}: {_show(want)} is still in the output")
    return out
