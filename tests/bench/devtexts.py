"""The development full-page texts the benchmarks read (``../shared/data/trafilatura-eval/fulltext``)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "data" / "trafilatura-eval" / "fulltext"


def load(limit: int | None = None) -> tuple[list[str], float]:
    """The first ``limit`` texts (all with 0 or None), in file-name order, and their size in MB."""
    paths = sorted(CORPUS.glob("*.txt"))
    if limit:
        paths = paths[:limit]
    docs = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    return docs, sum(len(d.encode("utf-8")) for d in docs) / 1e6
