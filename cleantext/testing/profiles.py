"""Hypothesis settings profiles for property tests of cleaning functions.

- ``cleantext-ci``: 1,000 examples per property, derandomized (the same
  examples every run, so CI never flakes), no deadline (a cleaner's speed is
  measured by benchmarks, not by property tests), no example database;
- ``cleantext-long``: 20,000 examples per property, random, for a nightly
  or pre-release run (minutes per property);
- ``cleantext-dev``: 100 examples, for a quick look while editing.

Select one with ``pytest --cleantext-profile=NAME``, the environment variable
``CLEANTEXT_PROFILE=NAME``, the ini option ``cleantext_profile = NAME`` (see
:mod:`cleantext.testing.plugin`), or in code with
``register_profiles(); settings.load_profile(NAME)``.
"""
from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, settings

__all__ = ["PROFILES", "register_profiles"]

_SLOW_DATA = [HealthCheck.too_slow, HealthCheck.data_too_large]

#: Profile name -> keyword arguments of :func:`hypothesis.settings.register_profile`.
PROFILES: dict[str, dict[str, Any]] = {
    "cleantext-ci": dict(max_examples=1000, derandomize=True, deadline=None, database=None,
                         print_blob=True, suppress_health_check=_SLOW_DATA),
    "cleantext-long": dict(max_examples=20000, deadline=None, print_blob=True,
                           suppress_health_check=_SLOW_DATA),
    "cleantext-dev": dict(max_examples=100, deadline=None, suppress_health_check=_SLOW_DATA),
}


def register_profiles() -> tuple[str, ...]:
    """Register the profiles with hypothesis (idempotent); return their names."""
    for name, options in PROFILES.items():
        settings.register_profile(name, **options)
    return tuple(PROFILES)


register_profiles()
