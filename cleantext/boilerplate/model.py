"""The line model: a logistic regression whose weights ship as a data file.

``cleantext/data/boilerplate/model.json`` holds the feature names and weights,
written by ``tests/tools/train_boilerplate.py``; it is read once per process.
A line's *score* is the model's log-odds that the line is article content.

:func:`page_scores` computes exactly ``weights · line_features(page)[i]`` for
every line, but from the page's measurements with look-up tables and
column-wise passes, which is several times faster than building the vectors
(the test-suite checks that both agree).
"""
from __future__ import annotations

import json
from functools import lru_cache
from math import log
from operator import add
from pathlib import Path

from .features import (DIGIT_RE, FEATURES, SEPARATOR_RE, SHORT_LINE_CHARS, SPACED_HYPHEN, STOP_SAMPLE_CHARS,
                       TERMINAL,
                       PageLines, edge_lines)

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "boilerplate" / "model.json"

_LEN_MAX = 1024
_STOP_MAX = STOP_SAMPLE_CHARS // 2 + 1  # a head of N characters has at most N/2 + 1 words


@lru_cache(maxsize=None)
def load_weights(path: str = str(MODEL_PATH)) -> tuple[float, ...]:
    """The weights of the model at ``path``, checked against :data:`FEATURES`."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path}: model features {data['features']} do not match the code's {FEATURES}")
    return tuple(float(v) for v in data["weights"])


def dot_scores(rows: list[list[float]], weights: tuple[float, ...]) -> list[float]:
    """Log-odds of content for each feature row (the reference computation)."""
    return [sum(map(float.__mul__, weights, row)) for row in rows]


class _Tables:
    """Weights folded into per-value tables, built once per weight vector."""

    def __init__(self, weights: tuple[float, ...]) -> None:
        w = dict(zip(FEATURES, weights))
        self.w = w
        self.length = [self.length_term(c) for c in range(_LEN_MAX + 1)]
        # stop[sampled][stops]
        self.stop = [[self.stop_term(n, s) for s in range(n + 1)] for n in range(_STOP_MAX + 1)]
        self.run = [w["short_run"] * log(1 + r) for r in range(_LEN_MAX + 1)]

    def length_term(self, c: int) -> float:
        w = self.w
        return (w["bias"] + w["log_chars"] * log(1 + c) + w["chars_le_20"] * (c <= 20)
                + w["chars_le_50"] * (c <= 50) + w["chars_ge_150"] * (c >= 150))

    def stop_term(self, n: int, s: int) -> float:
        w = self.w
        return (w["stop_density"] * s / n if n else 0.0) + w["stop_count_log"] * log(1 + s)


@lru_cache(maxsize=8)
def _tables(weights: tuple[float, ...]) -> _Tables:
    return _Tables(weights)


def own_terms(page: PageLines, weights: tuple[float, ...]) -> list[float]:
    """The part of each line's score that depends on the line alone (and the page's stopwords).

    Length and stopword terms from tables, ending, the short-line flags.  It
    does not change when other lines are removed, so a caller that scores a
    page again after removing lines can keep it (see :func:`page_scores`).
    """
    tb = _tables(weights)
    w = tb.w
    lt, lf, st = tb.length, tb.length_term, tb.stop
    wt, w3 = w["terminal"], w["words_le_3"]
    wsep, wdig, wtitle = w["separator"], w["digit"], w["title"]
    sep, dig, term, hyphen = SEPARATOR_RE.search, DIGIT_RE.search, TERMINAL, SPACED_HYPHEN
    return [(lt[c] if c <= _LEN_MAX else lf(c)) + st[m][s] + (wt if t[-1] in term else 0.0)
            + ((w3 if k <= 3 else 0.0) + (wsep if sep(t) or hyphen in t else 0.0) + (wdig if dig(t) else 0.0)
               + (wtitle if t.istitle() else 0.0) if c <= SHORT_LINE_CHARS else 0.0)
            for t, c, m, s, k in zip(page.texts, page.chars, page.sampled, page.stops, page.words)]


def page_scores(page: PageLines, weights: tuple[float, ...], own: list[float] | None = None) -> list[float]:
    """Log-odds of content for every line of ``page`` (equal to the dot products, faster).

    Three column-wise passes: the line's own measurements (:func:`own_terms`,
    or ``own`` if given), then the neighbours, position and run terms, then
    the page edges.
    """
    tb = _tables(weights)
    w = tb.w
    n = len(page.texts)
    if not n:
        return []
    z = own_terms(page, weights) if own is None else own
    # neighbours: code = short + 2 * dense indexes the previous / next line's term
    codes = list(map(add, page.short, map(add, page.dense, page.dense)))
    ps, ns, pd, nd = w["prev_short"], w["next_short"], w["prev_dense"], w["next_dense"]
    prev_t = (0.0, ps, pd, ps + pd)
    next_t = (0.0, ns, nd, ns + nd)
    prev = [0.0]
    prev += map(prev_t.__getitem__, codes[:-1])
    nxt = list(map(next_t.__getitem__, codes[1:]))
    nxt.append(0.0)
    wp = w["position"] / n
    rt, wr = tb.run, w["short_run"]
    z = [a + wp * i + p + q + (rt[r] if r <= _LEN_MAX else wr * log(1 + r))
         for i, (a, p, q, r) in enumerate(zip(z, prev, nxt, page.run))]
    we = w["edge"]
    e = edge_lines(n)
    for i in range(min(e, n)):
        z[i] += we
    for i in range(max(e, n - e), n):
        z[i] += we
    return z
