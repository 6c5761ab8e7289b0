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
