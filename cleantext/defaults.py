"""The standard pipeline."""
from __future__ import annotations

from functools import lru_cache

from .pipeline import Pipeline

#: Filter names of the standard pipeline, in order.  Normalizers run first
#: whatever their place; detectors run in this order.
DEFAULT_FILTERS: tuple[str, ...] = (
    "encoding",
    "whitespace",
    "advertisement",
    "boilerplate",
)


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The standard pipeline: normalization, then every noise family.

    Pipelines are immutable, so the same instance is returned every time.
    """
    return Pipeline(DEFAULT_FILTERS)


@lru_cache(maxsize=1)
def fulltext_pipeline() -> Pipeline:
    """The standard pipeline with the boilerplate classifier always on.

    The default pipeline's classifier only acts on text that looks like a full
    page (a menu-like run of short lines).  For input known to be whole-page
    text (WET files, naive HTML-to-text dumps) this profile drops that gate, so
    even pages without a menu run are classified.
    """
    return default_pipeline().configure("boilerplate", min_menu_run=0)
