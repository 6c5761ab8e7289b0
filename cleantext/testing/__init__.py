"""cleantext's property-testing kit: hypothesis strategies and invariants.

Use it to property-test cleantext, a configured pipeline, or your own
cleaning function built on them::

    from hypothesis import given
    from cleantext.testing import noisy_articles, assert_idempotent, assert_keeps

    @given(noisy_articles())
    def test_my_cleaner(case):
        assert_idempotent(my_clean, case.text)
        assert_keeps(my_clean, case.text, case.paragraphs)

Strategies (need ``hypothesis``, in the ``test`` extra):

- :func:`article_paragraphs`: realistic article prose in several languages;
- :func:`noise_blocks`: noise lines of one family (:class:`~cleantext.Kind`);
- :func:`noisy_articles`: articles with noise where sites put it, plus
  damage, as :class:`NoisyArticle` (text, expected paragraphs, noise);
- :func:`tracking_urls`, :func:`tracking_tokens`, :func:`noise_kinds`.

Invariants (plain functions, no hypothesis needed): :func:`assert_idempotent`,
:func:`assert_deletion_only`, :func:`assert_audit_complete`,
:func:`assert_keeps`, :func:`assert_removes`; and :func:`removal_rate` /
:func:`assert_removal_rate` to measure a family's removal rate.

Hypothesis settings profiles (``cleantext-ci``, ``cleantext-long``,
``cleantext-dev``) are in :mod:`cleantext.testing.profiles`; the pytest plugin
(:mod:`cleantext.testing.plugin`, loaded automatically by pytest) adds the
``cleantext_pipeline`` fixture and a ``--cleantext-profile`` option.

Names are imported on first use, so ``import cleantext.testing`` and the
invariants work without hypothesis installed.  See ``docs/testing.md``.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "article_paragraphs": "prose",
    "paragraph": "prose",
    "sentence": "prose",
    "noise_blocks": "noise",
    "noise_kinds": "noise",
    "tracking_tokens": "noise",
    "tracking_urls": "noise",
    "TrackedURL": "noise",
    "noisy_articles": "articles",
    "NoisyArticle": "articles",
    "Noise": "articles",
    "PLACES": "articles",
    "assert_idempotent": "invariants",
    "assert_deletion_only": "invariants",
    "assert_audit_complete": "invariants",
    "assert_keeps": "invariants",
    "assert_removes": "invariants",
    "removal_rate": "rates",
    "assert_removal_rate": "rates",
    "RemovalStats": "rates",
    "covered_kinds": "rates",
    "register_profiles": "profiles",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from .articles import PLACES, Noise, NoisyArticle, noisy_articles
    from .invariants import (assert_audit_complete, assert_deletion_only, assert_idempotent,
                             assert_keeps, assert_removes)
    from .noise import TrackedURL, noise_blocks, noise_kinds, tracking_tokens, tracking_urls
    from .profiles import register_profiles
    from .prose import article_paragraphs, paragraph, sentence
    from .rates import RemovalStats, assert_removal_rate, covered_kinds, removal_rate


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'cleantext.testing' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
