"""Ad slot labels ("Advertisement", "Sponsored", "Anzeige", "Publicité", "Reklama"...)
and advertising disclosures.

Rules, each with its reason id (see docs/filters.md):

- ``ad-label``: a line that, on its own, is one of the phrases of the
  ``[advertisement] labels`` lists.  Ad labels stand anywhere (between two
  paragraphs is where ad slots go), but only as a whole line: the same words
  inside a sentence ("the company cut its advertisement budget") are prose
  and stay.
- ``ad-prefix``: a line of at most ``prefix_chars`` that starts with a label
  of one or two words and a separator (``:``, ``|``, a dash, a middle dot or
  a bullet), then the ad's teaser or its source: "Anzeige: Cloud Services",
  "REKLAMA - ...", "Advertisement: ...", "Sponsored · Example Shop".  "Anzeige
  erstattet: Die Polizei ermittelt" stays: no separator after the label.
- ``ad-sponsor``: a line of at most ``sponsor_chars`` that is a ``sponsors``
  phrase and a name of at most ``sponsor_words`` words, the first
  capitalised, with no sentence or clause break ("Sponsored by Example Bank",
  "Sponsorizzato da Example"). "Sponsored by the town, the concert was free"
  stays: a lower-case word after the phrase.
- ``ad-small-print``: a line of at most ``prefix_chars`` made of parts set
  apart by bars, middle dots or bullets, one of which is an age limit ("18+",
  "+18") and another a ``gambling`` phrase: the small print under a
  betting ad ("18+ | Play responsibly | example.org").
- ``ad-disclosure``: a line of at most ``disclosure_chars`` that starts with
  a ``disclosures`` phrase: the site's own note that it earns from links or
  advertisers ("We may earn a commission when you buy through links on our
  site", "This post contains affiliate links").  The phrases speak in the
  site's voice, so an article about affiliate marketing ("Publishers earn a
  commission on each sale") stays.  A disclosure may also start a later
  sentence (after a full stop) of a line of at most
  ``disclosure_sentences`` sentences that does not stand between two
  paragraphs ("Example Mag is supported by its audience. When you purchase
  through links on our site, we may earn an affiliate commission.");
  between paragraphs it may quote a site.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar
from functools import cached_property

from ..document import BlockMark, Document
from ..kinds import Kind
from ..registry import register
from . import _phrases
from ._occur import positions
from ._context import profile
from ._match import (PREFIX_SEPARATORS, Prefixes, fold, followed_by_separator, literal_pattern,
                     long_lines_starting_with, prefix_tuple, starts_with_phrase)
from ._phrases import PhraseOptions
from ._sentences import sentence_count
from .base import BlockFilter

#: What may stand between an ad label and its teaser or source: the usual
#: separators, and the middle dot and bullet of ad widgets ("Sponsored · Example").
_AD_SEPARATORS = PREFIX_SEPARATORS | {"·", "•"}
#: How the parts of an ad's small print are set apart ("18+ | Play responsibly").
_PARTS = re.compile(r"[|·•]")
#: An age limit as ads write it: "18+", "+18", "18 +".
_AGE = re.compile(r"\+ ?1[89]|1[89] ?\+")
#: What a sponsor's name does not hold: a sentence or clause break.
_BREAKS = (". ", ", ", "; ", "! ", "? ", ": ")


@register
@dataclass(frozen=True)
class Advertisement(PhraseOptions, BlockFilter):
    """Remove ad labels ("Advertisement", "Anzeige", "Reklama") and advertising disclosures."""

    name = "advertisement"
    kinds = (Kind.ADVERTISEMENT,)
    #: Rules that look at a line alone, never at its neighbours: removing
    #: other lines cannot make them match, so ``settle`` need not run them again.
    context_free: ClassVar[bool] = True

    #: Lines longer than this are never labels (a cheap guard for prose).
    max_chars: int = 80
    #: Longest line with a label, a separator and a teaser.
    prefix_chars: int = 120
    #: Longest advertising disclosure.
    disclosure_chars: int = 600
    #: Most sentences in a line whose later sentence starts a disclosure.
    disclosure_sentences: int = 3
    #: Longest line with a sponsor phrase and a name ("Sponsored by Example Bank").
    sponsor_chars: int = 60
    #: Most words in the name after a sponsor phrase.
    sponsor_words: int = 4

    @cached_property
    def _labels(self) -> frozenset[str]:
        return _phrases.folded(self, "advertisement", "labels")

    @cached_property
    def _label_tuple(self) -> Prefixes:
        """The labels of one or two words, which a teaser may follow ("Anzeige: ...",
        "Sponsored content - ..."); longer ones are whole-line labels only."""
        return prefix_tuple(p for p in self._labels if p.count(" ") <= 1)

    @cached_property
    def _sponsors(self) -> Prefixes:
        return prefix_tuple(_phrases.folded(self, "advertisement", "sponsors"))

    @cached_property
    def _gambling(self) -> frozenset[str]:
        return _phrases.folded(self, "advertisement", "gambling")

    def _sponsor_name(self, text: str, phrase: str) -> bool:
        """Whether ``text``, after its sponsor ``phrase`` (folded), is only a name: at most
        ``sponsor_words`` words, the first capitalised or a number, no sentence or clause
        break ("Example Bank", not "the town, the concert was free")."""
        k = text.casefold().find(phrase)
        rest = text[k + len(phrase):].strip().lstrip(":").strip() if k >= 0 else ""
        words = rest.split()
        return (0 < len(words) <= self.sponsor_words and (rest[0].isupper() or rest[0].isdigit())
                and not any(b in rest for b in _BREAKS) and rest[-1] not in ".,;:!?")

    def _small_print(self, text: str) -> bool:
        """Whether ``text`` is an ad's small print: parts set apart by bars or dots, one
        an age limit ("18+") and another a ``gambling`` phrase ("Play responsibly")."""
        parts = _PARTS.split(text)
        return (len(parts) >= 2 and any(_AGE.fullmatch(p.strip()) for p in parts)
                and any(fold(p) in self._gambling for p in parts))

    @cached_property
    def _disclosures(self) -> Prefixes:
        return prefix_tuple(_phrases.folded(self, "advertisement", "disclosures"))

    @cached_property
    def _inner_disclosure(self) -> re.Pattern[str] | None:
        """A full stop, a space and a disclosure phrase as listed, its first letter a
        capital (a sentence starts with one).  Matched with case and after the literal
        ". ", which the regex engine searches for quickly: a third of the time of any
        sentence mark in any case."""
        raw = _phrases.raw(self, "advertisement", "disclosures")
        trie = literal_pattern(p[:1].upper() + p[1:] for p in raw)
        return None if trie is None else re.compile(f"\\. (?:{trie.pattern})")

    def detect(self, doc: Document) -> Iterator[BlockMark]:
        prof = profile(doc, self)
        blocks = doc.blocks
        labels = prof.lookup(self._labels)
        for i in labels:
            b = blocks[i]
            if b.removal is None and len(b.text) <= self.max_chars:
                yield BlockMark(i, Kind.ADVERTISEMENT, "ad-label", prof.folds[i] or "")
        # "Anzeige: Cloud Services", "REKLAMA - ...": a label, a separator and a teaser
        tuple_ = self._label_tuple
        whole = set(labels)
        for i in prof.starting_with(tuple_.firsts):
            b = blocks[i]
            if i in whole or b.removal is not None or len(b.text) > self.prefix_chars:
                continue
            p = starts_with_phrase(prof.folds[i], tuple_)
            if p and followed_by_separator(b.text, p, _AD_SEPARATORS):
                yield BlockMark(i, Kind.ADVERTISEMENT, "ad-prefix", p)
        # "Sponsored by Example Bank": a sponsor phrase and a name
        sponsors = self._sponsors
        for i in prof.starting_with(sponsors.firsts):
            b = blocks[i]
            if i in whole or b.removal is not None or len(b.text) > self.sponsor_chars:
                continue
            p = starts_with_phrase(prof.folds[i], sponsors)
            if p and self._sponsor_name(b.text, p):
                yield BlockMark(i, Kind.ADVERTISEMENT, "ad-sponsor", p)
        # "18+ | Play responsibly | example.org": a betting ad's small print
        # (only lines with a "+", where an age limit may stand: a search for one character,
        # not one per gambling phrase)
        plus = sorted({prof.block_at(k) for k in positions(doc.text, "+")} - {-1}) if self._gambling else ()
        for i in plus:
            b = blocks[i]
            if i not in whole and b.removal is None and len(b.text) <= self.prefix_chars \
                    and self._small_print(b.text):
                yield BlockMark(i, Kind.ADVERTISEMENT, "ad-small-print", prof.folds[i] or "")
        phrases = self._disclosures
        if not phrases:
            return
        found = {}
        for i in prof.starting_with(phrases.firsts):
            p = starts_with_phrase(prof.folds[i], phrases)
            if p:
                found[i] = p
        found.update(long_lines_starting_with(prof, phrases, self.disclosure_chars))
        inner = self._inner_disclosure
        for m in (inner.finditer(doc.text) if inner is not None else ()):
            i = prof.block_at(m.start())
            t = blocks[i].text
            if i not in found and len(t) <= self.disclosure_chars and not prof.sandwiched(i) \
                    and sentence_count(t) <= self.disclosure_sentences:
                found[i] = fold(m.group()[2:])
        for i in sorted(found):
            if blocks[i].removal is None:
                yield BlockMark(i, Kind.ADVERTISEMENT, "ad-disclosure", found[i])
