"""Pipelines from TOML config files.

A config file names the filters and their options::

    # cleantext.toml
    filters = ["encoding", "whitespace", "advertisement"]   # optional: default chain
    skip = ["captions"]                                      # optional

    [options.advertisement]
    languages = ["de", "pl"]
    extra_files = ["my-phrases.toml"]

Lists given for tuple options are turned into tuples.  Relative paths in
``extra_files`` are taken relative to the config file.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from .defaults import default_pipeline
from .errors import ConfigError
from .pipeline import Pipeline

_KEYS = {"filters", "skip", "options"}


def pipeline_from_config(data: dict[str, Any], base_dir: Path | None = None) -> Pipeline:
    """Build a pipeline from a parsed config mapping."""
    unknown = set(data) - _KEYS
    if unknown:
        raise ConfigError(f"unknown config key(s): {', '.join(sorted(unknown))}; "
                          f"known: {', '.join(sorted(_KEYS))}")
    pipe = Pipeline(data["filters"]) if "filters" in data else default_pipeline()
    if data.get("skip"):
        pipe = pipe.without(*data["skip"])
    for name, opts in (data.get("options") or {}).items():
        if not isinstance(opts, dict):
            raise ConfigError(f"[options.{name}] must be a table")
        fixed: dict[str, Any] = {}
        for k, v in opts.items():
            if isinstance(v, list):
                if k.endswith("files") and base_dir is not None:
                    v = [str((base_dir / p).resolve()) for p in v]
                v = tuple(v)
            fixed[k] = v
        pipe = pipe.configure(name, **fixed)
    return pipe


def load_config(path: str | Path) -> Pipeline:
    """Build a pipeline from the TOML file at ``path``."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from None
    return pipeline_from_config(data, path.parent)
