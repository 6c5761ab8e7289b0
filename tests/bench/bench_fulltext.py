#!/usr/bin/env python3
"""Full-page text: quality and speed of the default chain, in one run.

    python tests/bench/bench_fulltext.py [--limit N] [--pipeline default|fulltext]
                                         [--input fulltext|extracted] [--json]

On the 990 labelled pages of ``../shared/data/trafilatura-eval`` (full-page
text as a naive scraper leaves it) this prints:

- snippet precision / recall / F1, counted exactly as
  ``../shared/bench/snippet_score.py --mode text`` counts them, for all pages,
  for the tuning and the held-out half (see ``tests/tools/devpages.py``), and
  for each language group (de, pl, fr, en, rest; language detected per page
  from the input with jusText's stoplists);
- the share of pages whose output is empty;
- with ``--input extracted``, the same scores on the text an HTML extractor
  already pulled out of each page (``trafilatura.extract`` on the page's
  HTML), the other input the library takes, beside the scores of that text
  as it is: cleaning it must not lose what the extractor kept;
- throughput in MB/s of a ``str.splitlines()`` pass, ``ftfy.fix_text``, the
  whole chain (``clean``) and the boilerplate classifier alone (its
  ``detect`` on pages already split into blocks; and "in chain": on the
  documents as the filters before it in the chain leave them, the work it
  does in the chain), measured in this run, as
  the best of ``--repeat`` rounds, with ratios to ftfy.  Time is the
  process's CPU time (``time.process_time``), so other jobs on a shared
  machine do not skew the ratios; ``--wall`` uses wall-clock time instead.
"""
from __future__ import annotations

import argparse
import gc
import gzip
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "tools"))
import devpages  # noqa: E402

import ftfy  # noqa: E402

from cleantext import defaults  # noqa: E402
from cleantext.boilerplate.features import PageLines  # noqa: E402
from cleantext.boilerplate.language import language_code  # noqa: E402
from cleantext.document import Document, split_blocks  # noqa: E402

GROUPS = ("de", "pl", "fr", "en", "rest")


def pipeline(name: str):
    return {"default": defaults.default_pipeline, "fulltext": defaults.fulltext_pipeline}[name]()


def group_of(text: str) -> str:
    code = language_code(PageLines([b.text for b in split_blocks(text)]).language)
    return code if code in GROUPS else "rest"


CLOCK = time.process_time


def best_time(fn, repeat: int) -> float:
    """Best of ``repeat`` runs, with the cyclic garbage collector paused as the
    pipeline pauses it for each document (the same for every run compared)."""
    best = float("inf")
    gc.disable()
    try:
        for _ in range(repeat):
            t = CLOCK()
            fn()
            best = min(best, CLOCK() - t)
    finally:
        gc.enable()
    return best


def extracted(pages: list[devpages.Page]) -> list[devpages.Page]:
    """The pages with their text replaced by what trafilatura extracts from their HTML."""
    import trafilatura

    return [replace(p, text=trafilatura.extract(gzip.decompress(
                (devpages.EVAL / "html" / (p.file + ".gz")).read_bytes())) or "")
            for p in pages]


class AsIs:
    """A pipeline stand-in that returns its input: the scores of the input itself."""

    names = ("(as is)",)

    @staticmethod
    def clean(text: str) -> str:
        return text


def quality(pages, pipe) -> dict:
    counts: dict[str, list[int]] = {}
    empty = 0
    for p in pages:
        out = pipe.clean(p.text)
        if not out.strip():
            empty += 1
        tp, fn, fp = devpages.snippet_counts(p, out)
        for key in ("all", p.half, "lang:" + group_of(p.text)):
            c = counts.setdefault(key, [0, 0, 0, 0])
            c[0] += tp
            c[1] += fn
            c[2] += fp
            c[3] += 1
    rows = {}
    for key, (tp, fn, fp, n) in counts.items():
        pr, rc, f1 = devpages.prf(tp, fn, fp)
        rows[key] = {"pages": n, "precision": round(pr, 3), "recall": round(rc, 3), "f1": round(f1, 3)}
    return {"scores": rows, "empty_pages": empty, "empty_share": round(empty / max(1, len(pages)), 4)}


def speed(pages, pipe, repeat: int) -> dict:
    texts = [p.text for p in pages]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    normalized = [pipe.normalize(t)[0] for t in texts]
    clf = pipe["boilerplate"] if "boilerplate" in pipe else None

    def classifier():
        for t in normalized:
            for _ in clf.detect(Document(t)):
                pass

    def split_only():
        for t in normalized:
            Document(t)

    # the documents as the classifier sees them in the chain: after the detectors before it
    before = pipe.names[:pipe.names.index("boilerplate")] if clf is not None else ()
    in_chain = []
    for t in normalized:
        doc = Document(t)
        for det in pipe.only(*before).filters:
            if hasattr(det, "detect"):
                for mark in det.detect(doc):
                    doc.apply(det.name, mark)
        in_chain.append(doc)

    def classifier_in_chain():
        for doc in in_chain:
            clf.detect(doc)

    runs = {
        "splitlines": lambda: [t.splitlines() for t in texts],
        "ftfy.fix_text": lambda: [ftfy.fix_text(t) for t in texts],
        "chain (clean)": lambda: [pipe.clean(t) for t in texts],
    }
    out = {"megabytes": round(mb, 2), "lines": sum(t.count("\n") + 1 for t in texts)}
    for name, fn in runs.items():
        out[name] = round(mb / best_time(fn, repeat), 2)
    if clf is not None:
        split_s = best_time(split_only, repeat)
        both_s = best_time(classifier, repeat)
        out["classifier (detect)"] = round(mb / max(both_s - split_s, 1e-9), 2)
        out["classifier in chain"] = round(mb / best_time(classifier_in_chain, repeat), 2)
    ft = out["ftfy.fix_text"]
    out["ratios_to_ftfy"] = {k: round(v / ft, 2) for k, v in out.items()
                             if isinstance(v, float) and k not in ("megabytes",)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="only the first N pages (file order)")
    ap.add_argument("--pipeline", choices=["default", "fulltext"], default="default")
    ap.add_argument("--input", choices=["fulltext", "extracted"], default="fulltext",
                    help="the pages' full text, or the text trafilatura extracts from their HTML")
    ap.add_argument("--repeat", type=int, default=3, help="timing rounds (best is kept)")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--wall", action="store_true", help="time with the wall clock, not CPU time")
    a = ap.parse_args(argv)
    global CLOCK
    if a.wall:
        CLOCK = time.perf_counter
    pages = devpages.load_pages()[: a.limit]
    if a.input == "extracted":
        pages = extracted(pages)
    pipe = pipeline(a.pipeline)
    res = {"pipeline": list(pipe.names), "input": a.input, **quality(pages, pipe)}
    if a.input == "extracted":
        res["as_is"] = quality(pages, AsIs)["scores"]
    if not a.no_speed:
        res["speed_mb_s"] = speed(pages, pipe, a.repeat)
    if a.json:
        print(json.dumps(res, indent=1))
        return 0
    print(f"pipeline: {' '.join(res['pipeline'])}  ({len(pages)} pages, input: {a.input})")
    order = ["all", "tune", "heldout"] + [f"lang:{g}" for g in GROUPS]
    for title, scores in (("cleaned", res["scores"]), ("as is", res.get("as_is"))):
        if scores is None:
            continue
        print(f"{title + ':':<12} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6}")
        for key in order:
            r = scores.get(key)
            if r:
                print(f"{key:<12} {r['pages']:>5} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}")
    print(f"empty output: {res['empty_pages']} pages ({100 * res['empty_share']:.2f}%)")
    if "speed_mb_s" in res:
        s = res["speed_mb_s"]
        clock = "wall-clock" if a.wall else "CPU"
        print(f"throughput on {s['megabytes']} MB, {s['lines']} lines ({clock} time, best of {a.repeat}):")
        for k, v in s.items():
            if isinstance(v, float) and k != "megabytes":
                print(f"  {k:<22} {v:>8.2f} MB/s   {s['ratios_to_ftfy'][k]:>6.2f}x ftfy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
