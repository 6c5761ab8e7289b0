"""Phrase lists: per-language data files that the noise filters match against.

Built-in lists live in ``cleantext/data/phrases/<lang>.toml``, one file per
language, one table per noise family, one array per list::

    [advertisement]
    labels = ["Advertisement", "Sponsored"]

A user adds a language, or their own phrases, with a TOML file of the same
shape passed as ``extra_files`` to a filter (or ``phrase_files`` in a config
file).  Lists are read once per process and cached; they are data, not state:
the same files always give the same lists.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from .errors import ConfigError

PHRASE_DIR = Path(__file__).parent / "data" / "phrases"


def builtin_languages() -> tuple[str, ...]:
    """Language codes that have a built-in phrase file."""
    return tuple(sorted(p.stem for p in PHRASE_DIR.glob("*.toml")))


@lru_cache(maxsize=None)
def _read(path: str) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read phrase file {path}: {exc}") from None


def phrases(family: str, key: str, languages: Iterable[str] = (),
            extra_files: Iterable[str] = ()) -> tuple[str, ...]:
    """The ``family.key`` phrases of ``languages`` (all built-in ones if empty) and extra files."""
    langs = tuple(languages) or builtin_languages()
    files = [str(PHRASE_DIR / f"{lang}.toml") for lang in langs]
    for lang, f in zip(langs, files):
        if not Path(f).exists():
            raise ConfigError(f"no built-in phrase file for language {lang!r}; "
                              f"have: {', '.join(builtin_languages())}")
    files.extend(str(Path(f)) for f in extra_files)
    out: list[str] = []
    seen: set[str] = set()
    for f in files:
        table = _read(f).get(family, {})
        values = table.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ConfigError(f"{f}: [{family}].{key} must be a list of strings")
        for v in values:
            if v not in seen:
                seen.add(v)
                out.append(v)
    return tuple(out)


def phrase_lists(family: str, key: str, languages: Iterable[str] = (),
                 extra_files: Iterable[str] = ()) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The ``family.key`` list of each file, undeduplicated: ``((file, phrases), ...)``.

    For lists whose order carries meaning (month names, January first), which
    :func:`phrases` would merge across languages.
    """
    langs = tuple(languages) or builtin_languages()
    files = []
    for lang in langs:
        f = PHRASE_DIR / f"{lang}.toml"
        if not f.exists():
            raise ConfigError(f"no built-in phrase file for language {lang!r}; "
                              f"have: {', '.join(builtin_languages())}")
        files.append(str(f))
    files.extend(str(Path(f)) for f in extra_files)
    out = []
    for f in files:
        values = _read(f).get(family, {}).get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ConfigError(f"{f}: [{family}].{key} must be a list of strings")
        out.append((f, tuple(values)))
    return tuple(out)
