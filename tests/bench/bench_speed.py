#!/usr/bin/env python3
"""Throughput of the default text chain, each of its filters, and two baselines.

Run from the repository root::

    python tests/bench/bench_speed.py              # full development corpus
    python tests/bench/bench_speed.py --limit 200  # quicker look

Input: the full-page texts of ``../shared/data/trafilatura-eval/fulltext``
(whole pages as a naive scraper leaves them), or ``fixtures/`` when the shared
data is not beside the repository.

In one run it measures, as MB/s of UTF-8 input:

- ``str.splitlines()`` over each text (the cheapest possible pass) and
  ``ftfy.fix_text`` with its defaults (the usual encoding clean-up);
- the whole default chain, ``default_pipeline().clean`` (every filter on);
- each filter of the chain: normalizers one by one on the text they receive
  in the chain; splitting into blocks; each detector's ``detect`` plus the
  recording of its marks, on the document as the earlier detectors left it;
  rendering.  The list follows whatever ``default_pipeline()`` holds;

and prints the ratios: chain vs ftfy (acceptance: >= 7x), chain vs
splitlines, and normalizers + splitting + rendering together (budget: >= 30 MB/s
so that detectors have room).  Then it checks that cost grows linearly (16x the
input may take at most 17x the time; judged with freed memory kept for reuse,
see ``REUSE_MEMORY``, and shown with the default allocator too) and times two
extreme inputs: one 20 MB line and 300,000 tiny lines.

Times are process CPU time (``--clock wall`` for wall time), best of
``--repeat`` runs over the corpus; the runs to compare take turns, so that
other load on the machine disturbs figures and ratios less.  Per-stage times
take the best try of each text (the stages of one text run back to back).
Exit status 1 when an acceptance check fails.
"""
from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import ftfy  # noqa: E402

from cleantext import default_pipeline  # noqa: E402
from cleantext.document import Document, Result  # noqa: E402
from cleantext.filters.base import Normalizer  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "trafilatura-eval" / "fulltext"
CHAIN_VS_FTFY = 7.0        # acceptance: the default chain >= 7x ftfy.fix_text
NORMALIZE_BUDGET = 30.0    # MB/s for normalizers + splitting + rendering
GROWTH_FACTOR = 16
GROWTH_LIMIT = 17.0


def load_texts(limit: int | None) -> tuple[list[str], str]:
    if CORPUS.is_dir():
        files = sorted(CORPUS.glob("*.txt"))
        where = str(CORPUS)
    else:
        files = sorted((ROOT / "fixtures").rglob("*.txt"))
        where = f"{ROOT / 'fixtures'} (shared corpus not found)"
    if limit:
        files = files[:limit]
    return [f.read_text(encoding="utf-8") for f in files], where


def megabytes(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def best_of(repeat: int, clock: Callable[[], float], fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = clock()
        fn()
        best = min(best, clock() - t0)
    return best


def alternating_best(texts: Sequence[str], repeat: int, clock: Callable[[], float],
                     runs: dict[str, Callable[[str], object]]) -> dict[str, float]:
    """Seconds per run over all texts, best of ``repeat``; the runs alternate.

    Each run goes over the whole corpus back to back, as a stream would; the
    runs take turns, so that load from other processes hits them alike.
    """
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, fn in runs.items():
            t0 = clock()
            for text in texts:
                fn(text)
            best[name] = min(best[name], clock() - t0)
    return best


def stage_times(texts: Sequence[str], repeat: int, clock: Callable[[], float]) -> dict[str, float]:
    """Seconds spent in each stage of the default chain (best try per text and stage)."""
    pipe = default_pipeline()
    normalizers = [f for f in pipe if isinstance(f, Normalizer)]
    detectors = [f for f in pipe if not isinstance(f, Normalizer)]
    names = [n.name for n in normalizers] + ["(split into blocks)"] + [d.name for d in detectors] + ["(render)"]
    total = dict.fromkeys(names, 0.0)
    # as in Pipeline.explain: the cyclic garbage collector is paused per document
    gc.disable()
    try:
        _stage_times(texts, repeat, clock, normalizers, detectors, names, total)
    finally:
        gc.enable()
    return total


def _stage_times(texts, repeat, clock, normalizers, detectors, names, total) -> None:
    for raw in texts:
        best = dict.fromkeys(names, float("inf"))
        for _ in range(repeat):
            text = raw
            for nz in normalizers:
                t0 = clock()
                text = nz.normalize(text)
                best[nz.name] = min(best[nz.name], clock() - t0)
            t0 = clock()
            doc = Document(text)
            best["(split into blocks)"] = min(best["(split into blocks)"], clock() - t0)
            for det in detectors:
                t0 = clock()
                doc.apply_all(det.name, det.detect(doc))
                best[det.name] = min(best[det.name], clock() - t0)
            t0 = clock()
            Result.from_document(doc, ())
            best["(render)"] = min(best["(render)"], clock() - t0)
        for k in names:
            total[k] += best[k]


def growth_check(texts: Sequence[str], repeat: int, clock: Callable[[], float],
                 base_mb: float) -> tuple[float, float, float]:
    """Chain time on a sample of ``base_mb`` MB and on 16 copies of it.

    The sample should be larger than the CPU caches hold as objects (about a
    megabyte of text), or the comparison measures the cache, not the code.
    """
    clean = default_pipeline().clean
    sample_parts: list[str] = []
    size = 0
    for t in texts:
        sample_parts.append(t)
        size += len(t)
        if size >= base_mb * 1e6:
            break
    sample = "\n\n".join(sample_parts)
    big = "\n\n".join([sample] * GROWTH_FACTOR)
    # Interleaved runs, best of each: load from other processes hits both alike.
    t1 = t16 = float("inf")
    for _ in range(max(repeat, 5)):
        t1 = min(t1, best_of(1, clock, lambda: clean(sample)))
        t16 = min(t16, best_of(1, clock, lambda: clean(big)))
    return len(sample.encode()) / 1e6, t1, t16


#: Allocator settings for the growth check's second run: freed memory is kept
#: for reuse (as in a long-running process) instead of handed back to the OS.
#: On a virtual machine, touching fresh pages costs more than the work on a
#: 16 MB text, so without this the check measures page faults, not the code.
REUSE_MEMORY = {
    "PYTHONMALLOC": "malloc",
    "MALLOC_MMAP_THRESHOLD_": str(1 << 30),
    "MALLOC_TRIM_THRESHOLD_": str(1 << 32),
}


def growth_in_child(args: argparse.Namespace) -> tuple[float, float, float]:
    """The growth check in a fresh interpreter with :data:`REUSE_MEMORY`."""
    cmd = [sys.executable, __file__, "--growth-only", "--repeat", str(args.repeat),
           "--clock", args.clock, "--growth-base", str(args.growth_base)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    out = subprocess.run(cmd, env={**os.environ, **REUSE_MEMORY}, check=True,
                         capture_output=True, text=True).stdout.split()
    size, t1, t16 = map(float, out[-3:])
    return size, t1, t16


def extremes(texts: Sequence[str], clock: Callable[[], float]) -> list[tuple[str, float, float]]:
    """Chain time on one 20 MB line and on 300,000 tiny lines."""
    clean = default_pipeline().clean
    words = " ".join(" ".join(texts[:50]).split()) or "plain words of prose"
    one_line = (words + " ") * (20_000_000 // (len(words.encode()) + 1) + 1)
    one_line = one_line.encode()[:20_000_000].decode("utf-8", "ignore")
    tiny = "".join(f"w{i % 97}\n" for i in range(300_000))
    out = []
    for name, text in (("one 20 MB line", one_line), ("300,000 tiny lines", tiny)):
        t = best_of(1, clock, lambda: clean(text))
        out.append((name, len(text.encode()) / 1e6, t))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, help="use only the first N texts")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    ap.add_argument("--clock", choices=("cpu", "wall"), default="cpu")
    ap.add_argument("--no-growth", action="store_true", help="skip the linear-growth check")
    ap.add_argument("--growth-base", type=float, default=1.0, metavar="MB",
                    help="size of the growth check's small input (default 1 MB)")
    ap.add_argument("--growth-only", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--no-extremes", action="store_true", help="skip the 20 MB line / 300k lines")
    args = ap.parse_args(argv)
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    texts, where = load_texts(args.limit)
    if args.growth_only:
        print(*growth_check(texts, args.repeat, clock, args.growth_base))
        return 0
    mb = megabytes(texts)
    print(f"input: {len(texts)} texts, {mb:.2f} MB, {sum(t.count(chr(10)) for t in texts)} lines from {where}")
    print(f"chain: {', '.join(default_pipeline().names)}   clock: {args.clock}, best of {args.repeat}")

    pipe = default_pipeline()
    pipe.clean(texts[0])  # load phrase lists and caches outside the timing
    normal = [f.name for f in pipe if isinstance(f, Normalizer)]
    no_detectors = pipe.only(*normal)
    runs = alternating_best(texts, args.repeat, clock, {
        "splitlines": str.splitlines, "ftfy": ftfy.fix_text, "chain": pipe.clean,
        "no detectors": no_detectors.clean})
    t_split, t_ftfy, t_chain, t_norm = (runs[k] for k in ("splitlines", "ftfy", "chain", "no detectors"))
    stages = stage_times(texts, args.repeat, clock)

    def rate(seconds: float, size: float = mb) -> str:
        return f"{size / seconds:9.1f} MB/s" if seconds > 0 else "      inf MB/s"

    print()
    print(f"{'str.splitlines()':28}{rate(t_split)}")
    print(f"{'ftfy.fix_text (defaults)':28}{rate(t_ftfy)}")
    print(f"{'default chain':28}{rate(t_chain)}")
    print(f"{'  without its detectors':28}{rate(t_norm)}   (normalizers, splitting, rendering)")
    print()
    total_stages = sum(stages.values())
    print(f"{'per stage':28}{'MB/s':>14}   share of chain")
    for name, sec in stages.items():
        print(f"  {name:26}{rate(sec)}   {100 * sec / total_stages:5.1f} %")

    failures = []
    ratio_ftfy = t_ftfy / t_chain
    print()
    print(f"chain vs ftfy.fix_text:          {ratio_ftfy:6.2f}x   (acceptance >= {CHAIN_VS_FTFY:g}x)")
    print(f"chain vs str.splitlines():       {t_split / t_chain:6.3f}x   "
          f"(splitlines is {t_chain / t_split:.1f}x faster)")
    print(f"normalizers + split + render:    {mb / t_norm:6.1f} MB/s   (budget >= {NORMALIZE_BUDGET:g} MB/s)")
    if ratio_ftfy < CHAIN_VS_FTFY:
        failures.append(f"chain only {ratio_ftfy:.2f}x ftfy.fix_text")
    if mb / t_norm < NORMALIZE_BUDGET:
        print("  (below budget)")

    if not args.no_growth:
        for label, (size, t1, t16) in (
                ("default allocator", growth_check(texts, args.repeat, clock, args.growth_base)),
                ("memory reused", growth_in_child(args))):
            print(f"growth, {label + ':':19}{size:.2f} MB in {t1 * 1000:.0f} ms, x{GROWTH_FACTOR} "
                  f"in {t16 * 1000:.0f} ms: {t16 / t1:.2f}x time")
        grow = t16 / t1
        print(f"  acceptance (memory reused): {grow:.2f}x <= {GROWTH_LIMIT:g}x")
        if grow > GROWTH_LIMIT:
            failures.append(f"16x input took {grow:.2f}x the time")
    if not args.no_extremes:
        for name, size, sec in extremes(texts, clock):
            print(f"{name:28}{rate(sec, size)}   ({sec:.2f} s for {size:.1f} MB)")

    print()
    print("FAIL: " + "; ".join(failures) if failures else "PASS")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
