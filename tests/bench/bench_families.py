"""Throughput of the noise families on the shared full-page texts.

Usage: python tests/bench/bench_families.py [--limit N] [--repeat R]

The texts are normalized first (encoding, whitespace), outside the timing.
Then, in the same run, it times:

- ``splitlines``: ``str.splitlines()`` over every text (the floor: touching each line once);
- ``frame``: a pipeline with no detectors (split into blocks, render);
- ``families``: the same pipeline with every noise family of the default
  chain and ``settle`` (the default chain without its normalizers);
- each family alone, on top of the frame.

Times are CPU time of this process (steady on a shared machine).
The families' own cost is ``families - frame``; their throughput is the
corpus size divided by it, also given as a multiple of ``splitlines``.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from cleantext import Pipeline
from cleantext.defaults import FAMILY_FILTERS

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "data" / "trafilatura-eval" / "fulltext"


def _time(fn, texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        for x in texts:
            fn(x)
        best = min(best, time.process_time() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="only the first N files")
    ap.add_argument("--repeat", type=int, default=3, help="best of R runs")
    a = ap.parse_args()
    files = sorted(CORPUS.glob("*.txt"))
    if a.limit:
        files = files[: a.limit]
    norm = Pipeline(["encoding", "whitespace"])
    texts = [norm.normalize(p.read_text(encoding="utf-8"))[0] for p in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    frame = Pipeline([])
    fams = Pipeline([*FAMILY_FILTERS, "settle"])
    fams.explain(texts[0])  # load the phrase lists outside the timing
    base = _time(str.splitlines, texts, a.repeat)
    t_frame = _time(frame.explain, texts, a.repeat)
    t_fams = _time(fams.explain, texts, a.repeat)
    own = max(t_fams - t_frame, 1e-9)
    print(f"corpus: {len(texts)} texts, {mb:.1f} MB")
    print(f"splitlines      {base:7.3f} s  {mb / base:8.1f} MB/s")
    print(f"frame           {t_frame:7.3f} s  {mb / t_frame:8.1f} MB/s  (split + render)")
    print(f"frame+families  {t_fams:7.3f} s  {mb / t_fams:8.1f} MB/s")
    print(f"families alone  {own:7.3f} s  {mb / own:8.1f} MB/s  "
          f"= {own / base:.0f}x the time of splitlines")
    for name in (*FAMILY_FILTERS, "settle"):
        # Each family alone (the shared line profile is included in each).
        t = _time(Pipeline([name]).explain, texts, 1) - t_frame
        print(f"  {name:<14} {max(t, 0):7.3f} s")


if __name__ == "__main__":
    main()
