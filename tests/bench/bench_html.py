"""Throughput of ``clean_html`` against ``trafilatura.extract`` on the same pages.

Both run in this process over the trafilatura-eval pages (``../shared``), page
by page in alternation, so machine load hits both alike.  Reports documents
per second for each and the ratio; with ``--score``, also the snippet
precision/recall/F1 of each output.

    python tests/bench/bench_html.py [--limit N] [--score] [--min-ratio 1.0]

Exit code 1 if the ratio is below ``--min-ratio``.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "trafilatura-eval"
WS = re.compile(r"\s+")


def _norm(s: str) -> str:
    return WS.sub(" ", s).strip()


def load(limit: int | None) -> list[tuple[dict, bytes]]:
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    items = sorted(labels.values(), key=lambda it: it["file"])[:limit]
    return [(it, gzip.decompress((DATA / "html" / (it["file"] + ".gz")).read_bytes())) for it in items]


def f1(items: list[dict], outputs: list[str]) -> str:
    tp = fp = fn = 0
    for it, out in zip(items, outputs):
        out = _norm(out)
        t = sum(_norm(s) in out for s in it["with"])
        tp += t
        fn += len(it["with"]) - t
        fp += sum(_norm(s) in out for s in it["without"])
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="first N pages only (sorted by file name)")
    ap.add_argument("--score", action="store_true", help="also score both outputs on the labels")
    ap.add_argument("--min-ratio", type=float, default=1.0, help="fail below this docs/s ratio")
    a = ap.parse_args()
    import trafilatura

    from cleantext import clean_html

    pages = load(a.limit)
    clean_html(pages[0][1])  # warm up imports and caches for both
    trafilatura.extract(pages[0][1])
    t_ours = t_traf = 0.0
    ours: list[str] = []
    theirs: list[str] = []
    for _, html in pages:
        t = time.perf_counter()
        ours.append(clean_html(html))
        t_ours += time.perf_counter() - t
        t = time.perf_counter()
        theirs.append(trafilatura.extract(html) or "")
        t_traf += time.perf_counter() - t
    n = len(pages)
    ratio = (n / t_ours) / (n / t_traf)
    print(f"pages: {n}")
    print(f"trafilatura.extract: {n / t_traf:7.1f} docs/s")
    print(f"cleantext.clean_html: {n / t_ours:6.1f} docs/s")
    print(f"ratio clean_html / trafilatura: {ratio:.2f}x")
    if a.score:
        items = [it for it, _ in pages]
        print(f"trafilatura.extract  {f1(items, theirs)}")
        print(f"cleantext.clean_html {f1(items, ours)}")
    return 0 if ratio >= a.min_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
