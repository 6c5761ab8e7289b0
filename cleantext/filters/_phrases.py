"""Loading a family's phrase lists for a filter, by its ``languages`` and ``extra_files``."""
from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import phrases
from ._match import phrase_set


@dataclass(frozen=True)
class PhraseOptions:
    """The options every phrase-driven family filter shares; its filters list it first.

    ``class Signup(PhraseOptions, BlockFilter)`` gives the filter these two
    fields ahead of its own.
    """

    #: Languages whose phrase lists are used; empty means every built-in language.
    languages: tuple[str, ...] = ()
    #: Extra TOML phrase files with a table for the filter's family.
    extra_files: tuple[str, ...] = ()



def folded(flt: PhraseOptions, family: str, key: str) -> frozenset[str]:
    """The folded ``family.key`` phrases for whole-line or prefix lookups."""
    return phrase_set(phrases(family, key, flt.languages, flt.extra_files))


def related_labels(flt: PhraseOptions) -> frozenset[str]:
    """The folded related labels: ``[related] labels`` and the headings of lists of other
    articles, ``list_labels``; every reader of the labels reads both."""
    return folded(flt, "related", "labels") | folded(flt, "related", "list_labels")


def raw(flt: PhraseOptions, family: str, key: str) -> tuple[str, ...]:
    """The ``family.key`` phrases as written."""
    return phrases(family, key, flt.languages, flt.extra_files)
