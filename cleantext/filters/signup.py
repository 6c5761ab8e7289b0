"""Sign-up, subscribe, log-in and paywall prompts.

Rules, each with its reason id (see docs/filters.md):

- ``signup-label``: a whole line from ``[signup] labels`` ("Subscribe now",
  "Newsletter", "Already a subscriber? Log in"), anywhere.
- ``signup-call``: a short line (at most ``max_chars``, three sentences or
  fewer) whose *last sentence* is a call to act from ``[signup] calls``
  ("Get our best stories delivered to your inbox. Sign up now.").
- ``signup-prompt``: a short line that holds a ``[signup] phrases`` phrase
  ("... delivered to your inbox", "unlimited access") and stands above the
  first or below the last paragraph of prose, or alone between blank lines
  while being short.

"Readers can subscribe to the paper's print edition for £5" stays: it is
neither a label, nor ends with a call, nor holds a prompt phrase.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from ..document import BlockMark, Document
from ..kinds import Kind
from ..registry import register
from . import _phrases
from ._context import profile
from ._match import fold
from ._sentences import last_sentence, sentence_count
from .base import BlockFilter

_SIGNUP = Kind.SIGNUP


@register
@dataclass(frozen=True)
class Signup(BlockFilter):
    """Remove newsletter, subscribe, log-in and paywall prompts."""

    name = "signup"
    kinds = (Kind.SIGNUP,)

    #: Languages whose phrase lists are used; empty means every built-in language.
    languages: tuple[str, ...] = ()
    #: Extra TOML phrase files with a ``[signup]`` table.
    extra_files: tuple[str, ...] = ()
    #: Longest line a call or prompt rule looks at.
    max_chars: int = 300
    #: Longest prompt line that may stand between paragraphs (not at an edge).
    standalone_chars: int = 120

    @cached_property
    def _labels(self) -> frozenset[str]:
        return _phrases.folded(self, "signup", "labels")

    @cached_property
    def _calls(self) -> frozenset[str]:
        return _phrases.folded(self, "signup", "calls")

    @cached_property
    def _prompt(self) -> re.Pattern[str] | None:
        """One alternation of the literal prompt phrases (escaped: linear time)."""
        ps = sorted(_phrases.folded(self, "signup", "phrases"), key=len, reverse=True)
        return re.compile("|".join(re.escape(p) for p in ps)) if ps else None

    def detect(self, doc: Document) -> Iterator[BlockMark]:
        prof = profile(doc)
        blocks = doc.blocks
        labels = set(prof.lookup(self._labels))
        calls, prompt = self._calls, self._prompt
        for b in blocks:
            i = b.index
            if b.removal is not None:
                continue
            if i in labels:
                yield BlockMark(i, _SIGNUP, "signup-label", prof.folds[i] or "")
                continue
            t = b.text
            if len(t) > self.max_chars or len(t) < 6:
                continue
            last = last_sentence(t)
            if len(last) <= 60 and fold(last) in calls and sentence_count(t) <= 3:
                yield BlockMark(i, _SIGNUP, "signup-call", last)
                continue
            if prompt is None:
                continue
            edge = prof.at_edge(i)
            if not edge and not (len(t) <= self.standalone_chars and prof.standalone(i)):
                continue
            m = prompt.search(t.casefold())
            if m:
                yield BlockMark(i, _SIGNUP, "signup-prompt", m.group())
