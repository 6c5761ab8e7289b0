"""The command's ``--jobs N``: inputs cleaned on N worker processes, output as with one.

The command's own work stays in the main process and in input order: opening
and reading files, splitting JSONL into records and rejecting the bad ones,
writing outputs, reports and rejects.  Only the cleaning of each document
(decoding a text file, the text chain, or the whole HTML front end) goes to a
:class:`cleantext.parallel.Pool`, which gives the outcomes back in input
order; each is then written or reported by the same code as with ``--jobs 1``
(:class:`cleantext.cli._Run`), so the bytes written, the error messages and
the exit code are the same.

With ``--timeout``, each worker enforces it as the one worker of ``--jobs 1``
does: for text the child's in-process budget is the timeout and the child is
killed :data:`~cleantext.worker.GRACE` seconds later; HTML work is killed at
the timeout (:class:`~cleantext.html.HtmlTimeout`).  Without ``--timeout``,
a worker that crashes costs only the document it was cleaning, reported as
``worker process died``, where one process would have died with it.
"""
from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, closing
from dataclasses import dataclass, replace
from typing import IO, Any, Protocol

from .decoding import decode_bytes
from .document import Result
from .errors import CleantextError
from .html import cli_support as html_cli
from .html.api import explain_html
from .html.worker import HtmlTimeout
from .limits import DocumentTimeout, Limits
from .parallel import SKIP, Pool
from .pipeline import Pipeline
from .stream import (Pending, ReadError, Record, finish_record, guard_reads, iter_lines,
                     open_input, parse_jsonl, read_capped)
from .worker import GRACE, budgeted


@dataclass(frozen=True)
class CommandWork:
    """What a worker does with one document of the command: ``(kind, data) -> Result``.

    ``kind`` is ``"bytes"`` (a text file: decoded, then the text chain),
    ``"text"`` (a JSONL field) or ``"html"`` (a page or, with ``--html``, a
    JSONL field).  The same calls as the command makes in one process.
    """

    text: Pipeline
    html: Pipeline

    def __call__(self, item: tuple[str, Any]) -> Result:
        kind, data = item
        if kind == "html":
            return for_the_command(explain_html(data, pipeline=self.html))
        if kind == "bytes":
            data = decode_bytes(data, limits=self.text.limits)
        return for_the_command(self.text.explain(data))


def for_the_command(result: Result) -> Result:
    """``result`` without its normalized text and blocks, which the command never writes.

    The command writes the clean text, the removals (each with its own text
    and offsets) and the metadata; the normalized text and the blocks would
    more than double what each worker sends back and the main process
    unpickles.  (Such a result cannot :meth:`~cleantext.Result.render` again:
    it stays inside the command.)
    """
    return replace(result, normalized="", blocks=())


def kill_policy(item: tuple[str, Any]) -> tuple[float, type[DocumentTimeout]]:
    """Grace and timeout error per kind of document, as in one process (see the module doc)."""
    return (0.0, HtmlTimeout) if item[0] == "html" else (GRACE, DocumentTimeout)


def open_pool(args: argparse.Namespace, pipeline: Pipeline, jobs: int) -> Pool:
    """The pool for one run of the command: ``jobs`` workers running :class:`CommandWork`."""
    work = CommandWork(budgeted(pipeline, args.timeout), html_cli.html_pipeline(pipeline))
    return Pool(work, jobs=jobs, timeout=args.timeout, policy=kill_policy)


class Run(Protocol):
    """What :func:`run_files` needs of the command's run (``cli._Run``)."""

    args: argparse.Namespace
    limits: Limits

    def fail(self, where: str, reason: str, raw: str | None = None) -> None: ...
    def record(self, rec: Record, source: str) -> None: ...
    def input_failed(self, source: str, exc: Exception) -> None: ...
    def document(self, res: Result, source: str) -> None: ...


def run_files(run: Run, pool: Pool, names: Iterable[str]) -> None:
    """Clean every input of ``names`` on ``pool``; write and report each in input order."""
    args = run.args
    with closing(pool.map_tagged(_entries(run, names))) as outcomes:
        for tag, outcome in outcomes:
            what, source, data = tag
            if what == "record":
                rec = data
                if outcome is not None:
                    rec = finish_record(data, outcome.result, error=outcome.error,
                                        field=args.field, removals_field=args.removals_field)
                run.record(rec, source)
            elif what == "input":
                assert outcome is not None
                if outcome.error is not None:
                    run.input_failed(source, outcome.error)  # type: ignore[arg-type]
                else:
                    run.document(outcome.result, source)  # type: ignore[arg-type]
            elif what == "error":
                run.input_failed(source, data)
            else:  # "fail": the input could not be opened, or read to its end
                run.fail(source, data)


Tag = tuple[str, str, Any]


def _entries(run: Run, names: Iterable[str]) -> Iterator[tuple[Tag, Any]]:
    """``(tag, item)`` for :meth:`Pool.map_tagged`: one per input (or JSONL record), in order."""
    for name in names:
        source = "<stdin>" if name == "-" else name
        with ExitStack() as stack:
            try:
                fh, compressed = stack.enter_context(open_input(name))
            except (OSError, CleantextError) as exc:
                yield ("fail", source, str(exc)), SKIP
                continue
            if run.args.jsonl:
                yield from _records(run, fh, source)
            else:
                yield _document(run, fh, source, compressed)


def _records(run: Run, fh: IO[bytes], source: str) -> Iterator[tuple[Tag, Any]]:
    kind = "html" if getattr(run.args, "input_mode", None) == "html" else "text"
    line = 0
    try:
        for item in parse_jsonl(guard_reads(iter_lines(fh, run.limits.max_input_size)),
                                field=run.args.field):
            line = item.line
            if isinstance(item, Pending):
                yield ("record", source, item), (kind, item.value)
            else:
                yield ("record", source, item), SKIP
    except ReadError as exc:
        yield ("fail", source, f"cannot read past line {line}: {exc}"), SKIP


def _document(run: Run, fh: IO[bytes], source: str, compressed: str | None) -> tuple[Tag, Any]:
    what = f"input (after {compressed} decompression)" if compressed else "input"
    try:
        data = read_capped(fh, run.limits.max_input_size, what)
        html = html_cli.is_html(data, run.args.input_mode)
    except Exception as exc:
        return ("error", source, exc), SKIP
    return ("input", source, None), ("html" if html else "bytes", data)
