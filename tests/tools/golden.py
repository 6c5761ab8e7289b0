#!/usr/bin/env python3
"""Record, or compare against, everything the default chain says about a corpus.

A change meant to make the chain faster must not change what it does.  This
tool records, for every text of a corpus, the normalized text's digest, the
clean text's digest, the normalizers that changed the text, the metadata and
every removal (filter, kind, reason, scope, block, start, end, detail); then,
after the change, compares a new run with the record and lists the texts
that differ.

    python tests/tools/golden.py record /tmp/before.jsonl
    python tests/tools/golden.py compare /tmp/before.jsonl

The corpus is the full-page development texts (``../shared/data/trafilatura-eval/fulltext``),
the shared seeds and every fixture of ``fixtures/``; ``--limit N`` takes the
first N development texts.  Exit status 1 when ``compare`` finds a difference.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from cleantext import default_pipeline  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"


def corpus(limit: int | None) -> Iterator[tuple[str, str]]:
    dev = sorted((SHARED / "trafilatura-eval" / "fulltext").glob("*.txt"))
    if limit:
        dev = dev[:limit]
    files = dev + sorted((SHARED / "seeds" / "input").glob("*")) + sorted((ROOT / "fixtures").rglob("*.txt"))
    for f in files:
        yield str(f.relative_to(f.parents[2])), f.read_text(encoding="utf-8", errors="replace")


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def record_of(name: str, text: str) -> dict:
    r = default_pipeline().explain(text)
    return {
        "name": name,
        "normalized": digest(r.normalized),
        "clean": digest(r.text),
        "normalizers": list(r.normalizers),
        "metadata": json.loads(json.dumps(dict(r.metadata), default=str, sort_keys=True)),
        "removals": [[x.filter, x.kind.value, x.reason, x.scope, x.block, x.start, x.end, x.detail]
                     for x in r.removals],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("action", choices=("record", "compare"))
    ap.add_argument("file", type=Path)
    ap.add_argument("--limit", type=int, help="only the first N development texts")
    args = ap.parse_args(argv)
    records = (record_of(n, t) for n, t in corpus(args.limit))
    if args.action == "record":
        with args.file.open("w", encoding="utf-8") as out:
            for n, rec in enumerate(records, 1):
                out.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
        print(f"recorded {n} texts in {args.file}")
        return 0
    old = {}
    for line in args.file.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        old[rec["name"]] = rec
    differ = 0
    seen = 0
    for rec in records:
        seen += 1
        before = old.get(rec["name"])
        if before is None:
            print(f"new text (not in the record): {rec['name']}")
            continue
        if before != rec:
            differ += 1
            keys = [k for k in rec if rec[k] != before.get(k)]
            print(f"DIFFERS {rec['name']}: {', '.join(keys)}")
            if "removals" in keys:
                a = {tuple(x) for x in before["removals"]}
                b = {tuple(x) for x in rec["removals"]}
                for x in sorted(a - b)[:5]:
                    print(f"   - {x}")
                for x in sorted(b - a)[:5]:
                    print(f"   + {x}")
    print(f"{seen} texts compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
