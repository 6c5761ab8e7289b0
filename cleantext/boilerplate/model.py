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
from itertools import repeat
from math import log
from operator import add
from pathlib import Path

from .features import (FEATURES, MAX_HEAD_WORDS, SHORT_LINE_CHARS, SPACED_HYPHEN, STOP_KEY_BITS, TERMINAL,
                       PageLines, edge_lines, separator_digit_flags, stop_key)

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "boilerplate" / "model.json"

_LEN_MAX = 1024


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
        # the stopword terms, indexed by the line's stop_key(sampled, stops)
        self.stop = [0.0] * (stop_key(MAX_HEAD_WORDS, 0) + (1 << STOP_KEY_BITS))
        for n in range(MAX_HEAD_WORDS + 1):
            for s in range(n + 1):
                self.stop[stop_key(n, s)] = self.stop_term(n, s)
        self.run = [w["short_run"] * log(1 + r) for r in range(_LEN_MAX + 1)]

    def length_term(self, c: int) -> float:
        w = self.w
        return (w["bias"] + w["log_chars"] * log(1 + c) + w["chars_le_20"] * (c <= 20)
                + w["chars_le_50"] * (c <= 50) + w["chars_ge_150"] * (c >= 150))

    def stop_term(self, n: int, s: int) -> float:
        w = self.w
        return (w["stop_density"] * s / n if n else 0.0) + w["stop_count_log"] * log(1 + s)

    def run_table(self, longest: int) -> list[float]:
        """The run term for every run length up to ``longest`` (the shared table, extended if needed)."""
        if longest <= _LEN_MAX:
            return self.run
        wr = self.w["short_run"]
        return self.run + [wr * log(1 + r) for r in range(_LEN_MAX + 1, longest + 1)]


@lru_cache(maxsize=8)
def _tables(weights: tuple[float, ...]) -> _Tables:
    return _Tables(weights)


def own_terms(page: PageLines, weights: tuple[float, ...]) -> list[float]:
    """The part of each line's score that depends on the line alone (and the page's stopwords).

    Length and stopword terms from tables, ending, the short-line flags.  It
    does not change when other lines are removed, so a caller that scores a
    page again after removing lines can keep it (see :func:`page_scores`).
    The terms are always added in the same order (that of the feature
    vector, the length terms and the stopword terms each folded into one
    table entry), so a score does not depend on how it was computed.  One
    fused comprehension: on CPython a comprehension doing several things per
    line beats a chain of ``map`` passes, which each build a list.
    """
    tb = _tables(weights)
    w = tb.w
    lt, lf, st, lm, short = tb.length, tb.length_term, tb.stop, _LEN_MAX, SHORT_LINE_CHARS
    wt, w3 = w["terminal"], w["words_le_3"]
    wsep, wdig, wtitle = w["separator"], w["digit"], w["title"]
    term, hyphen = TERMINAL, SPACED_HYPHEN
    texts, chars = page.texts, page.chars
    seps, digits = separator_digit_flags(texts, chars)
    # "at most 3 tokens" is "at most 2 spaces"
    return [(lt[c] if c <= lm else lf(c)) + st[k] + (wt if t[-1] in term else 0.0)
            + ((w3 if t.count(" ") <= 2 else 0.0) + (wsep if sp or hyphen in t else 0.0)
               + (wdig if dg else 0.0) + (wtitle if t.istitle() else 0.0) if c <= short else 0.0)
            for t, c, k, sp, dg in zip(texts, chars, page.keys, seps, digits)]


def page_scores(page: PageLines, weights: tuple[float, ...], own: list[float] | None = None) -> list[float]:
    """Log-odds of content for every line of ``page`` (equal to the dot products, faster).

    The line's own terms (:func:`own_terms`, or ``own`` if given), then one
    comprehension adds position, neighbours and run terms from tables, then
    the page edges, always in this order.
    """
    tb = _tables(weights)
    w = tb.w
    n = len(page.texts)
    if not n:
        return []
    z = own_terms(page, weights) if own is None else own
    # neighbours: code = short + 2 * dense indexes the previous / next line's term;
    # codes[i] is line i - 1's code (a 0 at each end stands for "no line")
    ps, ns, pd, nd = w["prev_short"], w["next_short"], w["prev_dense"], w["next_dense"]
    prev_t = (0.0, ps, pd, ps + pd)
    next_t = (0.0, ns, nd, ns + nd)
    codes = [0]
    codes += page.near
    codes.append(0)
    wp = w["position"] / n
    run = page.run
    rt = tb.run_table(max(run))
    z = [a + wp * i + prev_t[p] + next_t[q] + rt[r]
         for i, a, p, q, r in zip(range(n), z, codes, codes[2:], run)]
    we = w["edge"]
    e = min(edge_lines(n), n)
    z[:e] = map(add, z[:e], repeat(we))
    tail = max(e, n - e)
    z[tail:] = map(add, z[tail:], repeat(we))
    return z
