"""Streaming over many documents: the engine behind the CLI.

:func:`clean_jsonl` reads JSON Lines lazily and yields one :class:`Record`
per input line, in order, never more than one document in memory.  A line
that cannot be processed (bad JSON, not an object, a missing or non-string
field, an internal error) yields a record with ``error`` set and the rest of
the stream goes on.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .document import Result


@dataclass(frozen=True)
class Record:
    """The outcome for one input line.

    ``line`` is the 1-based line number; exactly one of ``output`` (the JSON line
    to write, without newline) and ``error`` (why it failed) is set.  ``raw`` is
    the input line, for a rejects file.
    """

    line: int
    raw: str
    output: str | None = None
    error: str | None = None
    result: Result | None = None


def _decode_line(raw: str | bytes) -> str:
    if isinstance(raw, bytes):
        return raw.decode("utf-8", errors="surrogateescape")
    return raw


def clean_jsonl(lines: Iterable[str | bytes], explain: Callable[[str], Result], *,
                field: str = "text", removals_field: str | None = None) -> Iterator[Record]:
    """Clean ``field`` of each JSON object in ``lines``; other fields and order are kept.

    Blank lines are skipped (they hold no record).  ``removals_field`` adds the
    audit trail of each record under that key.
    """
    for n, raw in enumerate(lines, 1):
        text = _decode_line(raw).rstrip("\r\n")
        if not text.strip():
            continue
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            yield Record(n, text, error="line is not valid UTF-8")
            continue
        try:
            obj: Any = json.loads(text)
        except ValueError as exc:
            yield Record(n, text, error=f"invalid JSON: {exc}")
            continue
        if not isinstance(obj, dict):
            yield Record(n, text, error=f"expected a JSON object, got {type(obj).__name__}")
            continue
        if field not in obj:
            yield Record(n, text, error=f"no field {field!r}")
            continue
        value = obj[field]
        if not isinstance(value, str):
            yield Record(n, text, error=f"field {field!r} is {type(value).__name__}, not a string")
            continue
        try:
            res = explain(value)
        except Exception as exc:  # one bad record must not stop the stream
            yield Record(n, text, error=f"{type(exc).__name__}: {exc}")
            continue
        obj[field] = res.text
        if removals_field:
            obj[removals_field] = [r.as_dict() for r in res.removals]
        out = json.dumps(obj, ensure_ascii=False)
        try:
            out.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates in some field: keep them as \u escapes
            out = json.dumps(obj)
        yield Record(n, text, output=out, result=res)
