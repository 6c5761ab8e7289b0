"""Loading a family's phrase lists for a filter, by its ``languages`` and ``extra_files``."""
from __future__ import annotations

from typing import Protocol

from ..lexicon import phrases
from ._match import phrase_set


class Phrased(Protocol):
    languages: tuple[str, ...]
    extra_files: tuple[str, ...]


def folded(flt: Phrased, family: str, key: str) -> frozenset[str]:
    """The folded ``family.key`` phrases for whole-line or prefix lookups."""
    return phrase_set(phrases(family, key, flt.languages, flt.extra_files))


def raw(flt: Phrased, family: str, key: str) -> tuple[str, ...]:
    """The ``family.key`` phrases as written."""
    return phrases(family, key, flt.languages, flt.extra_files)
