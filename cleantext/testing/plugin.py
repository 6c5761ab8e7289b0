"""The pytest plugin of cleantext's testing kit.

Installed with cleantext as a ``pytest11`` entry point, so pytest loads it in
any project where cleantext is installed (disable with ``-p no:cleantext``).
It adds:

- fixtures: ``cleantext_pipeline`` (the default pipeline) and
  ``cleantext_clean`` (its ``clean`` function), to pass to the invariants;
- hypothesis settings profiles ``cleantext-ci``, ``cleantext-long`` and
  ``cleantext-dev`` (see :mod:`cleantext.testing.profiles`), selected by, in
  order of precedence: ``--cleantext-profile=NAME``, the environment variable
  ``CLEANTEXT_PROFILE``, or the ini option ``cleantext_profile``.  Nothing is
  selected by default: a project's own hypothesis settings stay in force, and
  hypothesis's ``--hypothesis-profile`` wins when given.

Hypothesis is only needed when a profile is selected; the fixtures work
without it.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..pipeline import Pipeline

ENV_VAR = "CLEANTEXT_PROFILE"

try:  # register the profiles early, so --hypothesis-profile=cleantext-ci works too
    from .profiles import PROFILES
except ImportError:  # hypothesis not installed: fixtures only
    PROFILES = {}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cleantext", "cleantext property-testing kit")
    group.addoption("--cleantext-profile", action="store", default=None, metavar="NAME",
                    help="load a cleantext hypothesis settings profile: "
                         "cleantext-ci, cleantext-long or cleantext-dev "
                         f"(also: ${ENV_VAR}, ini option cleantext_profile)")
    parser.addini("cleantext_profile", "default cleantext hypothesis settings profile", default="")


def selected_profile(config: pytest.Config) -> str | None:
    """The profile chosen by option, environment or ini file, if any."""
    return (config.getoption("cleantext_profile") or os.environ.get(ENV_VAR)
            or config.getini("cleantext_profile") or None)


def pytest_configure(config: pytest.Config) -> None:
    name = selected_profile(config)
    if not name or config.getoption("hypothesis_profile", None):
        return
    if not PROFILES:
        raise pytest.UsageError(f"cleantext profile {name!r} needs hypothesis: "
                                "pip install 'cleantext-articles[test]'")
    if name not in PROFILES:
        raise pytest.UsageError(f"unknown cleantext profile {name!r}; have: {', '.join(PROFILES)}")
    from hypothesis import settings
    settings.load_profile(name)
    config.stash[_LOADED] = name


_LOADED = pytest.StashKey[str]()


def pytest_report_header(config: pytest.Config) -> str | None:
    name = config.stash.get(_LOADED, None)
    if name is None:
        return None
    return f"cleantext: hypothesis profile {name} ({PROFILES[name]['max_examples']} examples per property)"


@pytest.fixture(scope="session")
def cleantext_pipeline() -> Pipeline:
    """cleantext's default pipeline (immutable: derive variants with .without(), .configure())."""
    from ..defaults import default_pipeline
    return default_pipeline()


@pytest.fixture(scope="session")
def cleantext_clean(cleantext_pipeline: Pipeline) -> Callable[[str], str]:
    """The default pipeline's ``clean`` function, ready for the invariants."""
    clean: Callable[[str], Any] = cleantext_pipeline.clean
    return clean
