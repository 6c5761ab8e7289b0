"""What the limits cost: the default chain with and without them, and the worker timeout.

    python tests/bench/bench_limits.py [--limit N] [--worker-docs N]

On the full-page texts of ../shared/data/trafilatura-eval/fulltext, measured in
one run:

- ``ftfy.fix_text`` alone (the project's reference baseline);
- the default pipeline (limits enforced: size check, time budget, surrogate
  guard, long-line shield);
- the same chain run by a bare loop without any of that, so the ratio is the
  limits' own cost;
- ``IsolatedPipeline`` (what ``--timeout`` uses): one worker round trip per
  document, against in-process on the same documents.
"""
from __future__ import annotations

import argparse
import gc
import time

import ftfy

import cleantext
import devtexts
from cleantext.document import Document, Result
from cleantext.worker import IsolatedPipeline



def bare_explain(pipe: cleantext.Pipeline, text: str) -> Result:
    """The pipeline's work without limits: normalizers, blocks, detectors, render
    (marks recorded and the garbage collector paused as the pipeline does)."""
    gc.disable()
    try:
        normalized, changed = pipe.normalize(text)
        doc = Document(normalized)
        for det in pipe.filters:
            if hasattr(det, "detect"):
                doc.apply_all(det.name, det.detect(doc))
        return Result.from_document(doc, changed)
    finally:
        gc.enable()


def best_of(fn, docs, repeats=3, clock=time.process_time) -> float:
    """Best total time of ``fn`` over ``docs`` (CPU time by default: the machine is shared)."""
    best = float("inf")
    for _ in range(repeats):
        t = clock()
        for d in docs:
            fn(d)
        best = min(best, clock() - t)
    return best


def interleaved(fns, docs, repeats=5) -> list[float]:
    """Best CPU time of each of ``fns``, run in turn so that drift hits them alike."""
    best = [float("inf")] * len(fns)
    for _ in range(repeats):
        for i, fn in enumerate(fns):
            best[i] = min(best[i], best_of(fn, docs, repeats=1))
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="use only the first N documents")
    ap.add_argument("--worker-docs", type=int, default=200, help="documents for the worker timing")
    args = ap.parse_args()
    docs, mb = devtexts.load(args.limit)
    pipe = cleantext.default_pipeline()
    for d in docs:  # same output both ways
        assert bare_explain(pipe, d).text == pipe.explain(d).text

    t_ftfy, t_pipe, t_bare = interleaved(
        [ftfy.fix_text, pipe.explain, lambda d: bare_explain(pipe, d)], docs)
    print(f"{len(docs)} documents, {mb:.1f} MB")
    print(f"ftfy.fix_text            {mb / t_ftfy:7.2f} MB/s")
    print(f"default pipeline         {mb / t_pipe:7.2f} MB/s  ({t_ftfy / t_pipe:.2f}x ftfy)")
    print(f"same chain, no limits    {mb / t_bare:7.2f} MB/s  (limits cost {100 * (t_pipe / t_bare - 1):+.1f} %)")

    few = docs[: args.worker_docs]
    t_in = best_of(pipe.explain, few, repeats=1, clock=time.perf_counter)
    with IsolatedPipeline(pipe, timeout=30) as iso:
        iso.explain("warm up")
        t_iso = best_of(iso.explain, few, repeats=1, clock=time.perf_counter)
    per = (t_iso - t_in) / len(few) * 1e3
    print(f"worker (--timeout)       {len(few) / t_iso:7.0f} docs/s vs {len(few) / t_in:.0f} in-process "
          f"({per:+.2f} ms per document)")


if __name__ == "__main__":
    main()
