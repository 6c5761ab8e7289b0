"""Streaming over many documents: the engine behind the CLI.

:func:`clean_jsonl` reads JSON Lines lazily and yields one :class:`Record`
per input line, in order, never more than one document in memory.  A line
that cannot be processed (bad JSON, not an object, a missing or non-string
field, a record over the size limit, an internal error) yields a record with
``error`` set and the rest of the stream goes on.

:func:`open_input` opens a file or stdin for reading bytes, decompressing
gzip, bzip2 and (with the ``zstandard`` package) zstd input, told by magic
bytes; :func:`read_capped` and :func:`iter_lines` read it with a size cap, so
a compression bomb or a gigabyte line costs bounded memory and gives a clear
error.
"""
from __future__ import annotations

import bz2
import gzip
import io
import json
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import IO, Any

from .document import Result
from .errors import CleantextError
from .limits import InputTooLarge

#: Errors a damaged compressed stream raises while being read.
READ_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error, ValueError)

_CHUNK = 1 << 16


@dataclass(frozen=True)
class Record:
    """The outcome for one input line.

    ``line`` is the 1-based line number; exactly one of ``output`` (the JSON line
    to write, without newline) and ``error`` (why it failed) is set.  ``raw`` is
    the input line, for a rejects file (its bytes are ``raw.encode("utf-8",
    "surrogateescape")``; cut at the size limit for an oversized line).
    """

    line: int
    raw: str
    output: str | None = None
    error: str | None = None
    result: Result | None = None


@dataclass(frozen=True)
class Oversized:
    """A line longer than the cap: its first ``len(head)`` bytes and its full ``size``."""

    head: bytes
    size: int
    cap: int


# --------------------------------------------------------------------------- input


@contextmanager
def open_input(name: str) -> Iterator[tuple[IO[bytes], str | None]]:
    """Open file ``name`` (``"-"`` for stdin) for bytes; give it and its compression.

    Compression (``"gzip"``, ``"bzip2"``, ``"zstd"`` or None) is told by magic
    bytes, not by the file name, so compressed stdin works too.  Closes what it
    opened (never stdin) on exit.
    """
    with ExitStack() as stack:
        if name == "-":
            raw: Any = sys.stdin.buffer
        else:
            raw = stack.enter_context(open(name, "rb"))
        head = raw.peek(16)[:16] if hasattr(raw, "peek") else b""
        if head.startswith(b"\x1f\x8b\x08"):
            yield stack.enter_context(gzip.GzipFile(fileobj=raw, mode="rb")), "gzip"
        elif head[:3] == b"BZh" and head[3:4].isdigit() and head[4:10] == b"1AY&SY":
            yield stack.enter_context(bz2.BZ2File(raw, mode="rb")), "bzip2"
        elif head.startswith(b"\x28\xb5\x2f\xfd"):
            try:
                import zstandard
            except ImportError:
                raise CleantextError("input is zstd-compressed: install the 'zstandard' "
                                     "package (pip install 'cleantext-articles[zstd]')") from None
            reader = zstandard.ZstdDecompressor().stream_reader(raw, closefd=False)
            yield stack.enter_context(io.BufferedReader(reader)), "zstd"
        else:
            yield raw, None


def read_capped(fh: IO[bytes], cap: int | None, what: str = "input") -> bytes:
    """Read all of ``fh``, raising :class:`InputTooLarge` past ``cap`` bytes.

    Never holds more than ``cap`` plus one chunk in memory.
    """
    if cap is None:
        return fh.read()
    parts: list[bytes] = []
    size = 0
    while True:
        chunk = fh.read(min(_CHUNK, cap + 1 - size) or 1)
        if not chunk:
            return b"".join(parts)
        size += len(chunk)
        if size > cap:
            raise InputTooLarge(f"{what} is over the limit of {cap:,} bytes "
                                "(Limits.max_input_size, CLI --max-input-size)")
        parts.append(chunk)


def iter_lines(fh: IO[bytes], cap: int | None) -> Iterator[bytes | Oversized]:
    """The lines of ``fh`` (with their newline); a line over ``cap`` bytes as :class:`Oversized`.

    An oversized line is read through in chunks and dropped, so memory stays
    bounded by ``cap`` whatever the input.
    """
    if cap is None:
        yield from fh
        return
    while True:
        line = fh.readline(cap + 1)
        if not line:
            return
        if len(line) <= cap or line.endswith(b"\n") and len(line) == cap + 1:
            yield line
            continue
        head, size = line[:cap], len(line)
        while not line.endswith(b"\n"):
            line = fh.readline(_CHUNK)
            if not line:
                break
            size += len(line)
        yield Oversized(head, size, cap)


class ReadError(Exception):
    """Reading an input failed (a truncated or corrupt compressed stream, an I/O error)."""


def guard_reads(lines: Iterator[Any]) -> Iterator[Any]:
    """``lines``, with read errors raised as :class:`ReadError` (write errors stay apart)."""
    while True:
        try:
            item = next(lines)
        except StopIteration:
            return
        except (*READ_ERRORS, MemoryError) as exc:
            raise ReadError(f"{type(exc).__name__}: {exc}") from exc
        yield item


# --------------------------------------------------------------------------- JSONL


def _decode_line(raw: str | bytes) -> str:
    if isinstance(raw, bytes):
        return raw.decode("utf-8", errors="surrogateescape")
    return raw


@dataclass(frozen=True)
class Pending:
    """A JSONL record ready to clean: its line number, raw line, object and the field's value."""

    line: int
    raw: str
    obj: dict[str, Any]
    value: str


def clean_jsonl(lines: Iterable[str | bytes | Oversized], explain: Callable[[str], Result], *,
                field: str = "text", removals_field: str | None = None) -> Iterator[Record]:
    """Clean ``field`` of each JSON object in ``lines``; other fields and order are kept.

    Blank lines are skipped (they hold no record); a UTF-8 byte-order mark
    opening the stream is ignored, and control characters inside JSON strings
    are accepted (they are written back escaped).  ``removals_field`` adds the
    audit trail of each record under that key.  Exceptions from ``explain``
    (a size or time limit, an internal error) become the record's ``error``.

    The work is done in two steps that a caller may also run apart (the
    command's ``--jobs`` cleans the pending records on several processes):
    :func:`parse_jsonl`, then :func:`finish_record` with what ``explain``
    gave or raised.
    """
    for item in parse_jsonl(lines, field=field):
        if isinstance(item, Record):
            yield item
            continue
        try:
            res = explain(item.value)
        except Exception as exc:  # one bad record must not stop the stream
            yield finish_record(item, error=exc)
            continue
        yield finish_record(item, res, field=field, removals_field=removals_field)


def parse_jsonl(lines: Iterable[str | bytes | Oversized], *,
                field: str = "text") -> Iterator[Record | Pending]:
    """Each record of ``lines`` as a :class:`Pending` to clean, or a failed :class:`Record`."""
    for n, raw in enumerate(lines, 1):
        if isinstance(raw, Oversized):
            yield Record(n, _decode_line(raw.head),
                         error=f"record is {raw.size:,} bytes, over the limit of {raw.cap:,} "
                               "(--max-input-size); not read (rejects get its first bytes)")
            continue
        text = _decode_line(raw).rstrip("\r\n")
        if n == 1 and text.startswith("\ufeff"):  # a UTF-8 byte-order mark opening the file
            text = text[1:]
        if not text.strip():
            continue
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            yield Record(n, text, error="line is not valid UTF-8")
            continue
        try:
            obj: Any = json.loads(text, strict=False)  # raw tabs or newlines inside strings: fine
        except (ValueError, RecursionError, MemoryError) as exc:
            yield Record(n, text, error=f"invalid JSON: {exc or type(exc).__name__}")
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
        yield Pending(n, text, obj, value)


def finish_record(item: Pending, res: Result | None = None, *, error: BaseException | None = None,
                  field: str = "text", removals_field: str | None = None) -> Record:
    """The :class:`Record` for ``item``, cleaned into ``res``, or failed with ``error``."""
    if error is not None:
        return Record(item.line, item.raw, error=f"{type(error).__name__}: {error}")
    if res is None:
        raise TypeError("finish_record needs a result or an error")
    obj = item.obj
    obj[field] = res.text
    if removals_field:
        obj[removals_field] = [r.as_dict() for r in res.removals]
    try:
        out = json.dumps(obj, ensure_ascii=False)
    except ValueError as exc:  # e.g. a NaN or a huge number json cannot write back
        return Record(item.line, item.raw, error=f"cannot write the record back as JSON: {exc}")
    try:
        out.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates in some field: keep them as \u escapes
        out = json.dumps(obj)
    return Record(item.line, item.raw, output=out, result=res)
