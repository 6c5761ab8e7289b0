"""Tracking: opaque tokens and click-tracking URL parameters.

Rules, each with its reason id (see docs/filters.md):

- ``opaque-token-line``: a line that is one long opaque token (base64 or
  percent-encoded blob, hash): removed whole (a block mark).
- ``opaque-token``: such a token inside a line: only the token goes.
- ``tracking-param``: ``utm_*``, ``fbclid``, ``gclid`` and the other
  ``[tracking] params`` in a URL's query string: the parameters go, the URL
  (and its other parameters) and the sentence around it stay.

Inline tokens are looked for in lines that hold ``%`` or ``==`` (percent
escapes, base64 padding); one-word lines are always checked.  A token is
opaque when it has at least ``min_token`` characters of the
base64/URL alphabet with no space, holds digits and letters, and either is
hexadecimal (a hash), or switches between lower and upper case often, or
holds percent escapes: words, slugs, paths and numbers do not.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar
from functools import cached_property

from ..document import BlockMark, Document, SpanMark
from ..kinds import Kind
from ..registry import register
from . import _phrases
from ._context import profile
from ._occur import positions
from ._phrases import PhraseOptions
from .base import SpanFilter

_TRACK = Kind.TRACKING
#: Runs of the base64 / URL-safe alphabet, percent escapes included (one char class: linear).
TOKEN_RUN = re.compile(r"[A-Za-z0-9%+/=_\-]{32,}")
#: A URL with a query string (stops at whitespace, quotes, brackets and the fragment).
URL_QUERY = re.compile(r"https?://[^\s?#\"'<>()\[\]]+\?[^\s#\"'<>()\[\]]+")
#: One query parameter: separator, name and value.
QUERY_PARAM = re.compile(r"([?&;])([^=&;#\s]+)(?:=([^&;#\s]*))?")
#: Hexadecimal strings.
HEX = re.compile(r"[0-9a-fA-F]+")
_TRAILING = ".,;:!?"
#: Characters whose presence makes a line worth scanning for inline tokens.
_TOKEN_HINTS = ("%", "==")


def opaque(token: str) -> bool:
    """Whether ``token`` (no spaces) looks like an opaque blob rather than a word or path."""
    digits = sum(c.isdigit() for c in token)
    if digits < 2 or digits == len(token):
        return False
    if HEX.fullmatch(token):
        return True
    if token.count("%") >= 2:
        return True
    switches = inner = 0
    prev = False
    for k, c in enumerate(token):
        up = c.isupper()
        if up != prev and c.isalpha():
            switches += 1
            # A switch inside a word, not at a hyphen or underscore: slugs
            # ("Budget-Review-2024") switch only where a word starts.
            if k and token[k - 1] not in "-_":
                inner += 1
            prev = up
    if token.count("-") <= 2:
        return switches >= 6
    return inner >= max(12, len(token) // 6)


@register
@dataclass(frozen=True)
class Tracking(PhraseOptions, SpanFilter):
    """Remove opaque tokens and strip tracking parameters (utm_*, fbclid) from URLs."""

    name = "tracking"
    kinds = (Kind.TRACKING,)
    #: Rules that look at a line alone, never at its neighbours: removing
    #: other lines cannot make them match, so ``settle`` need not run them again.
    context_free: ClassVar[bool] = True

    #: Shortest opaque token, in characters.
    min_token: int = 32

    @cached_property
    def _params(self) -> tuple[frozenset[str], tuple[str, ...]]:
        names = _phrases.raw(self, "tracking", "params")
        exact = frozenset(n.casefold() for n in names if not n.endswith("*"))
        prefixes = tuple(n[:-1].casefold() for n in names if n.endswith("*"))
        return exact, prefixes

    def _tracking(self, name: str) -> bool:
        low = name.casefold()
        exact, prefixes = self._params
        return low in exact or low.startswith(prefixes)

    def detect(self, doc: Document) -> Iterator[BlockMark | SpanMark]:
        """Span marks, and a block mark for a line that is only a token."""
        prof = profile(doc, self)
        blocks = doc.blocks
        text = doc.text
        marks: dict[int, list[BlockMark | SpanMark]] = {}
        n_min = self.min_token
        # Candidates: one-word lines, and lines with percent escapes or base64
        # padding ("%2B", "=="), found with C-level searches.
        cands = {i for i, t in enumerate(prof.texts) if len(t) >= n_min and " " not in t}
        for hint in _TOKEN_HINTS:
            cands.update(map(prof.block_at, positions(text, hint)))
        for i in sorted(cands):
            b = blocks[i]
            if i < 0 or b.removal is not None or len(b.text) < n_min:
                continue
            t = b.text
            for m in TOKEN_RUN.finditer(t):
                s, e = m.span()
                if len(m.group()) < n_min:
                    continue
                # Whole space-delimited words only (not part of a URL or path).
                if (s > 0 and t[s - 1] != " ") or (e < len(t) and t[e] != " " and t[e] not in _TRAILING):
                    continue
                tok = m.group()
                if not opaque(tok):
                    continue
                if s == 0 and e == len(t):
                    marks.setdefault(i, []).append(BlockMark(i, _TRACK, "opaque-token-line", tok[:40]))
                else:
                    marks.setdefault(i, []).append(SpanMark(i, s, e, _TRACK, "opaque-token", tok[:40]))
        if "?" in text:
            for m in URL_QUERY.finditer(text):
                i = prof.block_at(m.start())
                b = blocks[i]
                if b.removal is not None or m.end() > b.end:
                    continue
                url = m.group().rstrip(_TRAILING)
                for s, e, detail in self._param_spans(url):
                    off = m.start() - b.start
                    marks.setdefault(i, []).append(
                        SpanMark(i, off + s, off + e, _TRACK, "tracking-param", detail))
        for i in sorted(marks):
            ms = marks[i]
            if any(isinstance(x, BlockMark) for x in ms):
                yield next(x for x in ms if isinstance(x, BlockMark))
                continue
            ms.sort(key=lambda x: x.start)
            yield from ms

    def _param_spans(self, url: str) -> list[tuple[int, int, str]]:
        """Spans of ``url`` to cut so that only its tracking parameters go."""
        q = url.index("?")
        params = [(m.start(), m.end(), m.group(2)) for m in QUERY_PARAM.finditer(url, q)]
        flags = [self._tracking(name) for _s, _e, name in params]
        if not any(flags):
            return []
        if all(flags):  # the whole query string goes, "?" included
            return [(q, params[-1][1], ",".join(p[2] for p in params))]
        spans: list[tuple[int, int, str]] = []
        k, n = 0, len(params)
        while k < n:
            if not flags[k]:
                k += 1
                continue
            run_end = k
            while run_end + 1 < n and flags[run_end + 1]:
                run_end += 1
            names = ",".join(p[2] for p in params[k:run_end + 1])
            if k == 0:  # "?utm=x&id=1" -> "?id=1": cut "utm=x&"
                spans.append((params[0][0] + 1, params[run_end + 1][0] + 1, names))
            else:  # "?id=1&utm=x" -> "?id=1": cut "&utm=x"
                spans.append((params[k][0], params[run_end][1], names))
            k = run_end + 1
        return spans
