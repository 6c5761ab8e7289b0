"""The registry of filters by name, used by the API, the CLI and config files."""
from __future__ import annotations

from typing import Any, TypeVar

from .errors import ConfigError
from .filters.base import Filter

_REGISTRY: dict[str, type[Filter]] = {}

F = TypeVar("F", bound=type[Filter])


def register(cls: F) -> F:
    """Class decorator: make a filter available by its ``name``."""
    if not cls.name:
        raise ValueError(f"{cls.__qualname__} has no name")
    other = _REGISTRY.get(cls.name)
    if other is not None and other is not cls:
        raise ValueError(f"filter name {cls.name!r} is taken by {other.__qualname__}")
    _REGISTRY[cls.name] = cls
    return cls


def _load() -> None:
    from . import filters  # noqa: F401  (importing registers the built-in filters)


def get(name: str) -> type[Filter]:
    """The filter class registered as ``name``."""
    _load()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ConfigError(f"unknown filter {name!r}; known: {', '.join(sorted(_REGISTRY))}") from None


def create(name: str, **options: Any) -> Filter:
    """An instance of filter ``name`` with ``options``."""
    cls = get(name)
    try:
        return cls(**options)
    except TypeError as exc:
        raise ConfigError(f"bad options for filter {name!r}: {exc}; "
                          f"options are: {', '.join(cls.option_names()) or 'none'}") from None


def available() -> dict[str, type[Filter]]:
    """All registered filters, by name."""
    _load()
    return dict(sorted(_REGISTRY.items()))
