#!/usr/bin/env python3
"""Cost of running the normalizer chain until it settles, against one round.

Run from the repository root::

    python tests/bench/bench_normalize_rounds.py              # full development corpus
    python tests/bench/bench_normalize_rounds.py --limit 200  # quicker look

``Pipeline`` runs its normalizers in turn until each in a row has left the
text unchanged (docs/normalization.md, "Idempotence").  This script times, in
one run and taking turns, the default chain's ``clean`` and its normalizers
alone, both as shipped and limited to a single round
(``cleantext.pipeline.MAX_NORMALIZE_ROUNDS = 1``, the chain before the change),
and counts how many texts needed more steps than one round.  Times are process
CPU time, best of ``--repeat`` runs over the corpus.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from cleantext import Pipeline, default_pipeline, pipeline as pipeline_module  # noqa: E402
from cleantext.filters.base import Normalizer  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "trafilatura-eval" / "fulltext"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else sorted((ROOT / "fixtures").rglob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files[:args.limit]]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    chain = default_pipeline()
    normalizers = Pipeline([f for f in chain if isinstance(f, Normalizer)])
    shipped = pipeline_module.MAX_NORMALIZE_ROUNDS
    runs = {
        ("chain", "one round"): (chain.clean, 1),
        ("chain", "until settled"): (chain.clean, shipped),
        ("normalizers", "one round"): (normalizers.normalize, 1),
        ("normalizers", "until settled"): (normalizers.normalize, shipped),
    }
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(args.repeat):
        for key, (fn, rounds) in runs.items():
            pipeline_module.MAX_NORMALIZE_ROUNDS = rounds
            t0 = time.process_time()
            for t in texts:
                fn(t)
            best[key] = min(best[key], time.process_time() - t0)
    pipeline_module.MAX_NORMALIZE_ROUNDS = shipped

    # how many texts needed more than one round, and how many steps in all
    # (a step is a call of normalize or, from the second look on,
    # normalize_again, which may call normalize itself)
    calls = [0]
    depth = [0]
    methods = ("normalize", "normalize_again")
    originals = {(type(n), m): getattr(type(n), m) for n in normalizers for m in methods}

    def counting(original):
        def step(self, *args, **kwargs):
            calls[0] += depth[0] == 0
            depth[0] += 1
            try:
                return original(self, *args, **kwargs)
            finally:
                depth[0] -= 1
        return step

    for (cls, name), original in originals.items():
        setattr(cls, name, counting(original))
    extra_texts = 0
    try:
        for t in texts:
            before = calls[0]
            normalizers.normalize(t)
            extra_texts += calls[0] - before > len(normalizers)
    finally:
        for (cls, name), original in originals.items():
            setattr(cls, name, original)
    steps = calls[0]

    print(f"{len(texts)} texts, {mb:.1f} MB")
    for what in ("chain", "normalizers"):
        one, settled = best[(what, "one round")], best[(what, "until settled")]
        print(f"{what:12s} one round {mb / one:7.1f} MB/s   until settled {mb / settled:7.1f} MB/s"
              f"   ratio {one / settled:.3f}")
    print(f"texts needing more than one round: {extra_texts}/{len(texts)}; "
          f"normalizer steps {steps} (one round: {len(normalizers) * len(texts)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
