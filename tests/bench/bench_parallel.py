"""What --jobs buys: documents per second on one process and on N worker processes.

    python tests/bench/bench_parallel.py [--limit N] [--jobs N] [--repeats N]

On the full-page texts of ../shared/data/trafilatura-eval/fulltext, measured
in one run, wall-clock (the work is spread over processes), best of
``--repeats`` rounds run in turn so that load from elsewhere hits all alike:

- ``in-process``: the default pipeline in this process, one document after
  the other (what ``--jobs 1`` does);
- ``pool jobs=1``: :class:`cleantext.parallel.ParallelPipeline` with one
  worker: the cost of shipping documents and results between processes;
- ``pool jobs=N``: the same with N workers (default: one per CPU);
- ``command jobs=N``: the work of ``cleantext --jsonl --jobs N`` on the same
  texts (:class:`cleantext.cli_jobs.CommandWork`, whose results come back
  without the normalized text and blocks the command does not write).

Each pool round starts its workers anew, as one run of the command does.
The outcomes are checked to equal the in-process results first.  Ratios are
against ``in-process`` in the same run.  Other processes on the machine take
CPU time from the workers: the ratio is only as good as the CPUs are free.
"""
from __future__ import annotations

import argparse
import resource
import time

import cleantext
import devtexts
from cleantext.cli_jobs import CommandWork
from cleantext.parallel import ParallelPipeline, Pool, cpu_count



def in_process(pipe: cleantext.Pipeline, docs: list[str]) -> None:
    for d in docs:
        pipe.explain(d)


def pooled(pipe: cleantext.Pipeline, docs: list[str], jobs: int) -> None:
    with ParallelPipeline(pipe, jobs=jobs) as pool:
        for outcome in pool.map(docs):
            outcome.unwrap()


def command(pipe: cleantext.Pipeline, docs: list[str], jobs: int) -> None:
    with Pool(CommandWork(pipe, pipe), jobs=jobs) as pool:
        for outcome in pool.map(("text", d) for d in docs):
            outcome.unwrap()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=300, help="first N documents (0: all 990)")
    ap.add_argument("--jobs", type=int, default=0, help="workers for the parallel run (0: one per CPU)")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    jobs = args.jobs or cpu_count()
    docs, mb = devtexts.load(args.limit)
    pipe = cleantext.default_pipeline()

    with ParallelPipeline(pipe, jobs=jobs) as pool:  # same results both ways
        assert [o.unwrap() for o in pool.map(docs)] == [pipe.explain(d) for d in docs]

    runs = {
        "in-process": lambda: in_process(pipe, docs),
        "pool jobs=1": lambda: pooled(pipe, docs, 1),
        f"pool jobs={jobs}": lambda: pooled(pipe, docs, jobs),
        f"command jobs={jobs}": lambda: command(pipe, docs, jobs),
    }
    best = dict.fromkeys(runs, float("inf"))
    cpu: dict[str, tuple[float, float]] = {}
    for _ in range(args.repeats):
        for name, fn in runs.items():
            kids = _children_cpu()
            c, t = time.process_time(), time.perf_counter()
            fn()
            secs = time.perf_counter() - t
            if secs < best[name]:
                best[name] = secs
                cpu[name] = (time.process_time() - c, _children_cpu() - kids)

    base = best["in-process"]
    print(f"{len(docs)} documents, {mb:.1f} MB; {cpu_count()} CPUs; best of {args.repeats}, wall clock")
    for name, secs in best.items():
        print(f"{name:<17} {len(docs) / secs:8.0f} docs/s {mb / secs:7.2f} MB/s"
              f"   x{base / secs:4.2f} against in-process"
              f"   (CPU s: main {cpu[name][0]:.2f}, workers {cpu[name][1]:.2f})")
    print("On N free CPUs a pool's wall time tends to max(main, (main + workers) / N): the CPU "
          "figures tell what the machine allows when other work takes CPUs during the run.")


def _children_cpu() -> float:
    """CPU seconds of the worker processes that have ended so far."""
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


if __name__ == "__main__":
    main()
