"""The line model: a logistic regression whose weights ship as a data file.

``cleantext/data/boilerplate/model.json`` holds the feature names and weights,
written by ``tests/tools/train_boilerplate.py``.  The file is read once per
process.  A line's *score* is the model's log-odds that it is article content.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .features import FEATURES

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "boilerplate" / "model.json"


@lru_cache(maxsize=None)
def load_weights(path: str = str(MODEL_PATH)) -> tuple[float, ...]:
    """The weights of the model at ``path``, checked against :data:`FEATURES`."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path}: model features {data['features']} do not match the code's {FEATURES}")
    return tuple(float(v) for v in data["weights"])


def scores(rows: list[list[float]], weights: tuple[float, ...]) -> list[float]:
    """Log-odds of content for each feature row."""
    return [sum(map(float.__mul__, weights, row)) for row in rows]
