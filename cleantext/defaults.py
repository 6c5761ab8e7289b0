"""The standard pipeline."""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from .pipeline import Pipeline

#: The noise families, in the order they run.  Later families use what
#: earlier ones removed as context (a byline run at the end of the text, a
#: tagline under removed navigation), so navigation and bylines come last.
FAMILY_FILTERS: tuple[str, ...] = (
    "tracking",
    "advertisement",
    "signup",
    "related",
    "datelines",
    "captions",
    "bylines",
    "navigation",
)

#: Stages of the default chain that are not noise families: the full-page
#: boilerplate classifier.  It runs after the families (which name what they
#: can) and before ``settle`` (which then runs the families over what the
#: classifier keeps, so that a second clean finds nothing more).
CLASSIFIER_FILTERS: tuple[str, ...] = ("boilerplate",)

#: Filter names of the standard pipeline, in order.  Normalizers run first
#: whatever their place; detectors run in this order.  ``settle`` runs the
#: families that ran again on what they leave, so that cleaning is idempotent.
DEFAULT_FILTERS: tuple[str, ...] = (
    "encoding",
    "invisible",
    "whitespace",
    *FAMILY_FILTERS,
    *CLASSIFIER_FILTERS,
    "settle",
)


#: In the standard pipeline the boilerplate classifier acts only if the noise
#: families before it removed at least this share of the lines: on a whole page
#: they find its menus, labels and footers (at least 13.8% of the lines on 9 of
#: 10 development pages the classifier acts on); on an article with lists or
#: code, next to nothing (none on half of them).
MIN_REMOVED_SHARE = 0.02


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The standard pipeline: normalization, then every noise family, the
    boilerplate classifier (with :data:`MIN_REMOVED_SHARE`) and ``settle``.

    Pipelines are immutable, so the same instance is returned every time.
    """
    return Pipeline(DEFAULT_FILTERS).configure("boilerplate", min_removed_share=MIN_REMOVED_SHARE)


@lru_cache(maxsize=1)
def families_pipeline() -> Pipeline:
    """Normalization and the phrase-and-context noise families only.

    The default chain minus the boilerplate classifier
    (:data:`CLASSIFIER_FILTERS`): every normalizer, every family and ``settle``,
    in the default order.
    """
    return Pipeline(tuple(n for n in DEFAULT_FILTERS if n not in CLASSIFIER_FILTERS))


def clean_families(text: str) -> str:
    """``str -> str`` with :func:`families_pipeline`, for benchmarks and scripts."""
    return families_pipeline().clean(text)


#: The boilerplate classifier's options that drop its full-page gate (the
#: full-text profile: :func:`fulltext_pipeline`, ``cleantext --input fulltext``).
GATE_OFF: Mapping[str, float] = MappingProxyType({"min_menu_run": 0, "min_menu_lines": 0,
                                                   "min_removed_share": 0.0})


@lru_cache(maxsize=1)
def fulltext_pipeline() -> Pipeline:
    """The standard pipeline with the boilerplate classifier always on.

    The default pipeline's classifier only acts on text that looks like a full
    page (a menu-like run of short lines).  For input known to be whole-page
    text (WET files, naive HTML-to-text dumps) this profile drops that gate, so
    even pages without a menu run are classified.
    """
    return default_pipeline().configure("boilerplate", **GATE_OFF)
