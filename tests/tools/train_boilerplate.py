#!/usr/bin/env python3
"""Train the boilerplate line model and write ``cleantext/data/boilerplate/model.json``.

    python tests/tools/train_boilerplate.py [--check]

Reads the development pages beside the repository (``../shared``, see
:mod:`devpages`), derives line labels from the snippets, keeps only the
*tuning* half of the pages, and fits an L2-regularised logistic regression over
the features of :mod:`cleantext.boilerplate.features` by Newton's method
(IRLS), in pure Python.  The classes are weighted to balance.  Output is
deterministic: the same data give the same file.  ``--check`` trains and
compares with the shipped file instead of writing it (exit 1 if it differs).
"""
from __future__ import annotations

import argparse
import json
import sys
from math import exp
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import devpages  # noqa: E402

from cleantext.boilerplate.features import FEATURES, PageLines, line_features  # noqa: E402
from cleantext.boilerplate.model import MODEL_PATH  # noqa: E402
from cleantext.defaults import default_pipeline  # noqa: E402
from cleantext.document import split_blocks  # noqa: E402

L2 = 1.0
ITERATIONS = 12


def page_rows(page: devpages.Page) -> tuple[list[list[float]], list[int | None]]:
    """Features and derived labels of every line of ``page``, as the filter sees them."""
    normalized, _ = default_pipeline().normalize(page.text)
    texts = [b.text for b in split_blocks(normalized)]
    if not texts:
        return [], []
    return line_features(PageLines(texts)), [devpages.line_label(t, page) for t in texts]


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve ``a x = b`` by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        p = m[col][col]
        for r in range(col + 1, n):
            f = m[r][col] / p
            if f:
                mr, mc = m[r], m[col]
                for k in range(col, n + 1):
                    mr[k] -= f * mc[k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def fit(rows: list[list[float]], ys: list[int], l2: float = L2, iterations: int = ITERATIONS) -> list[float]:
    """Class-balanced L2 logistic regression by IRLS; the bias is not penalised."""
    d = len(rows[0])
    pos = sum(ys)
    neg = len(ys) - pos
    cw = {1: len(ys) / (2 * pos), 0: len(ys) / (2 * neg)}
    w = [0.0] * d
    for _ in range(iterations):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for x, y in zip(rows, ys):
            z = sum(wi * xi for wi, xi in zip(w, x))
            p = 1 / (1 + exp(-z)) if z > -30 else 0.0
            c = cw[y]
            g = c * (p - y)
            h = c * p * (1 - p)
            for i in range(d):
                xi = x[i]
                if xi:
                    grad[i] += g * xi
                    hi = hess[i]
                    hx = h * xi
                    for j in range(i, d):
                        hi[j] += hx * x[j]
        for i in range(d):
            for j in range(i):
                hess[i][j] = hess[j][i]
            if i:
                grad[i] += l2 * w[i]
                hess[i][i] += l2
            else:
                hess[i][i] += 1e-9
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return w


def training_set(pages: list[devpages.Page]) -> tuple[list[list[float]], list[int]]:
    xs: list[list[float]] = []
    ys: list[int] = []
    for p in pages:
        rows, labels = page_rows(p)
        for x, y in zip(rows, labels):
            if y is not None:
                xs.append(x)
                ys.append(y)
    return xs, ys


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the shipped model, do not write")
    a = ap.parse_args(argv)
    pages = [p for p in devpages.load_pages() if p.half == "tune"]
    xs, ys = training_set(pages)
    w = fit(xs, ys)
    model = {
        "features": list(FEATURES),
        "weights": [round(v, 6) for v in w],
        "trained_on": {"pages": len(pages), "half": "tune", "lines": len(ys),
                       "content": sum(ys), "boilerplate": len(ys) - sum(ys), "l2": L2},
    }
    text = json.dumps(model, indent=1) + "\n"
    for name, v in zip(FEATURES, w):
        print(f"{name:>16} {v:+.3f}")
    print(f"trained on {len(pages)} pages, {len(ys)} labelled lines ({sum(ys)} content)")
    if a.check:
        same = MODEL_PATH.read_text(encoding="utf-8") == text
        print("shipped model is up to date" if same else "shipped model differs")
        return 0 if same else 1
    MODEL_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
