"""The labelled full-page development set, its split and the line labels derived from it.

Used by ``train_boilerplate.py`` and ``tests/bench/bench_fulltext.py``.

- Pages: ``../shared/data/trafilatura-eval`` (``fulltext/FILE.txt`` and
  ``labels.json`` with "with" / "without" snippets per page).
- Split: a page belongs to the *tuning* half when the first byte of the
  SHA-1 of its file name is even, else to the *held-out* half.  Only the
  tuning half is used to train and tune; the held-out half is only scored.
- Line labels (for training only; scoring always uses the snippets): after the
  pipeline's normalizers, a line is *content* when it contains a "with"
  snippet or, being at least ``MIN_INSIDE`` characters long, is contained in
  one; *boilerplate* by the same rule with "without" snippets.  A line that
  is both, or neither, gets no label and is not trained on.  Short lines are
  only labelled by containing a snippet, so a menu word that happens to occur
  inside an article sentence is not called content.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "data" / "trafilatura-eval"
WS = re.compile(r"\s+")
MIN_INSIDE = 10


def norm(s: str) -> str:
    return WS.sub(" ", s).strip()


@dataclass
class Page:
    file: str
    url: str
    text: str
    with_: list[str]
    without: list[str]

    @property
    def half(self) -> str:
        return "tune" if hashlib.sha1(self.file.encode()).digest()[0] % 2 == 0 else "heldout"


def load_pages(base: Path = EVAL) -> list[Page]:
    """All labelled pages, sorted by file name."""
    labels = json.loads((base / "labels.json").read_text(encoding="utf-8"))
    pages = [Page(it["file"], url, (base / "fulltext" / (it["file"] + ".txt")).read_text(encoding="utf-8"),
                  [norm(s) for s in it["with"]], [norm(s) for s in it["without"]])
             for url, it in labels.items()]
    return sorted(pages, key=lambda p: p.file)


def line_label(line: str, page: Page) -> int | None:
    """1 content, 0 boilerplate, None unknown or ambiguous (see module docstring)."""
    line = norm(line)
    c = any(s in line or (len(line) >= MIN_INSIDE and line in s) for s in page.with_)
    b = any(s in line or (len(line) >= MIN_INSIDE and line in s) for s in page.without)
    if c == b:
        return None
    return 1 if c else 0


def snippet_counts(page: Page, output: str) -> tuple[int, int, int]:
    """(true positives, false negatives, false positives) of ``output``, as snippet_score counts."""
    out = norm(output)
    tp = sum(s in out for s in page.with_)
    fp = sum(s in out for s in page.without)
    return tp, len(page.with_) - tp, fp


def prf(tp: int, fn: int, fp: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
