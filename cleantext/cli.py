"""The ``cleantext`` command: a thin layer over :mod:`cleantext.stream`.

Exit codes: 0 all good, 1 some input or record failed, 2 usage error.

Batch safety: a failing input or record is reported on stderr (with its line
number) and, for JSONL, written to ``--rejects``; every other one still comes
out, in order.  ``-o`` and ``--rejects`` files are written to a temporary file
and renamed into place only at the end, so they are never left half written;
after ``--fail-fast`` stops, or on an interrupt, the old files stay as they were.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, nullcontext
from typing import IO, Any, TextIO

from . import __version__, cli_jobs
from .config import load_config
from .decoding import decode_bytes
from .defaults import GATE_OFF, default_pipeline
from .document import Result
from .errors import CleantextError
from .html import cli_support as html_cli
from .limits import DEFAULT_LIMITS, Limits, parse_size
from .parallel import resolve_jobs
from .pipeline import Pipeline
from .registry import available
from .stream import (READ_ERRORS, ReadError, Record, clean_jsonl, guard_reads, iter_lines, open_input,
                     read_capped)
from .worker import IsolatedPipeline

EPILOG = """\
examples:
  cleantext article.txt                      clean a text file to stdout
  curl -s URL | cleantext --html             clean a web page (when HTML support is installed)
  cleantext --explain article.txt            ... and list every removal on stderr
  cleantext --jsonl --field text < in.jsonl > out.jsonl
  cleantext --jsonl --removals-field removed --rejects bad.jsonl data.jsonl -o clean.jsonl
  cleantext --jsonl --timeout 10 crawl.jsonl.gz -o clean.jsonl   (.gz, .bz2, .zst read as is)
  cleantext --jsonl --jobs 0 crawl.jsonl -o clean.jsonl    one worker per CPU, same output
  cleantext --skip advertisement article.txt
  cleantext --input fulltext page.txt        whole-page text: always run the boilerplate classifier
  cleantext --list-filters

exit codes: 0 ok, 1 some input or record failed (reported on stderr), 2 usage error
"""


def _names(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cleantext",
        description="Remove page furniture (menus, ads, sign-up prompts, captions, bylines, "
                    "related links, tracking tokens) from scraped article text.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="*", metavar="FILE", help="input files (default: stdin; '-' is stdin)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write here instead of stdout (replaced atomically when done)")
    p.add_argument("--jsonl", action="store_true", help="input is JSON Lines; clean one field per record")
    p.add_argument("--field", default="text", metavar="NAME", help="JSONL field to clean (default: text)")
    p.add_argument("--removals-field", metavar="NAME", help="JSONL: add the audit trail under this field")
    p.add_argument("--rejects", metavar="FILE", help="JSONL: write records that failed here, as they came")
    p.add_argument("--fail-fast", action="store_true", help="stop at the first failed input or record")
    p.add_argument("--explain", nargs="?", const="text", choices=["text", "json"],
                   help="list every removal on stderr (for people, or =json for programs)")
    p.add_argument("--config", metavar="FILE", help="TOML pipeline config (filters, skip, options)")
    p.add_argument("--input", choices=["auto", "fulltext"], default="auto",
                   help="fulltext: the input is whole-page text, classify it even without a menu "
                        "(default auto: only text that looks like a full page)")
    p.add_argument("--only", action="append", metavar="FILTER", help="run only these filters (comma list)")
    p.add_argument("--skip", action="append", metavar="FILTER", help="do not run these filters (comma list)")
    p.add_argument("--list-filters", action="store_true", help="list filters: name, role, kinds, summary")
    lim = p.add_argument_group("limits (per document; see docs/limits.md)")
    lim.add_argument("--max-input-size", metavar="SIZE", type=_size_arg,
                     default=DEFAULT_LIMITS.max_input_size,
                     help="largest document or JSONL record, in bytes after decompression "
                          "(e.g. 500k, 64M; 'none' for no cap; default: 64M); larger ones fail")
    lim.add_argument("--max-line-chars", metavar="N", type=_size_arg,
                     default=DEFAULT_LIMITS.max_line_chars,
                     help="longer lines are kept as they are, unexamined by the filters "
                          "(default: 100000; 'none' for no cap)")
    lim.add_argument("--timeout", metavar="SECONDS", type=_seconds_arg,
                     help="stop a document after this long (run in a worker process that is "
                          "killed if needed); it is reported and rejected, the rest goes on")
    p.add_argument("-j", "--jobs", metavar="N", type=_jobs_arg, default=1,
                   help="clean on N worker processes (0: one per CPU; default 1, no workers); "
                        "the output is the same, in the same order")
    p.add_argument("--version", action="version", version=f"cleantext {__version__}")
    html_cli.add_arguments(p)
    return p


def _size_arg(text: str) -> int | None:
    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _jobs_arg(text: str) -> int:
    try:
        return resolve_jobs(int(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not 0 or a positive number of jobs: {text!r}") from None


def _seconds_arg(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        v = -1.0
    if not v > 0:
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {text!r}")
    return v


def make_limits(args: argparse.Namespace) -> Limits:
    """The limits the options ask for (``--timeout`` is also the in-process budget)."""
    budget = args.timeout if args.timeout is not None else DEFAULT_LIMITS.time_budget
    return Limits(max_input_size=args.max_input_size, max_line_chars=args.max_line_chars,
                  time_budget=budget)


def make_pipeline(args: argparse.Namespace) -> Pipeline:
    pipe = load_config(args.config) if args.config else default_pipeline()
    if args.input == "fulltext" and "boilerplate" in pipe:
        pipe = pipe.configure("boilerplate", **GATE_OFF)
    only, skip = _names(args.only), _names(args.skip)
    if only:
        pipe = pipe.only(*only)
    if skip:
        pipe = pipe.without(*skip)
    return pipe.with_limits(make_limits(args))


def list_filters(out: TextIO) -> None:
    default = set(default_pipeline().names)
    for name, cls in available().items():
        kinds = ",".join(k.value for k in cls.kinds) or "-"
        mark = "*" if name in default else " "
        out.write(f"{mark} {name:<16} {cls.role:<10} {kinds:<24} {cls.summary()}\n")
    out.write("(* = in the default pipeline)\n")


def _report_removals(res: Result, source: str, mode: str, err: TextIO) -> None:
    for r in res.removals:
        if mode == "json":
            err.write(json.dumps({"source": source, **r.as_dict()}, ensure_ascii=False) + "\n")
        else:
            text = r.text if len(r.text) <= 100 else r.text[:97] + "..."
            err.write(f"{source}: {r.filter} removed {r.kind.value} ({r.reason}) "
                      f"at {r.start}:{r.end}: {text!r}\n")
    lim = res.metadata.get("limits")
    for b in (lim or {}).get("unexamined_blocks", ()):
        if mode == "json":
            err.write(json.dumps({"source": source, "limit": "max_line_chars", **b}) + "\n")
        else:
            err.write(f"{source}: line at {b['start']}:{b['end']} is longer than "
                      f"{lim['max_line_chars']} characters: kept, not examined\n")


class _Abort(Exception):
    """--fail-fast: stop now, leave output files as they were."""


@contextmanager
def _atomic(path: str, mode: str) -> Iterator[IO[Any]]:
    """A temporary file beside ``path``, renamed over it only if the block ends normally."""
    path = os.path.abspath(path)
    fd, tmp = tempfile.mkstemp(prefix=".cleantext-", suffix=".tmp", dir=os.path.dirname(path))
    try:
        kw: dict[str, Any] = {} if "b" in mode else {"encoding": "utf-8", "newline": "\n"}
        with os.fdopen(fd, mode, **kw) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        except FileNotFoundError:  # a new file: the mode open() would have given it
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


@contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    """stdout, or a temporary file renamed over ``path`` only when all went well."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with _atomic(path, "w") as fh:
        yield fh


Explain = Callable[[str], Result]


def _explainer(pipe: Pipeline, args: argparse.Namespace) -> Any:
    """A context giving the ``str -> Result`` function for text inputs: in-process, or
    with --timeout in one worker process for the run (HTML inputs: :func:`html_cli.explainer`)."""
    if args.timeout is None:
        return nullcontext(pipe.explain)
    return _isolated(pipe, args.timeout)


@contextmanager
def _isolated(pipe: Pipeline, timeout: float) -> Iterator[Explain]:
    with IsolatedPipeline(pipe, timeout=timeout) as iso:
        yield iso.explain


class _Run:
    """One run of the command: counts failures, writes outputs and reports."""

    def __init__(self, args: argparse.Namespace, pipeline: Pipeline, out: IO[str], err: TextIO,
                 rejects: IO[bytes] | None, explain: Explain, html_explain: html_cli.HtmlExplain
                 ) -> None:
        self.args, self.pipeline, self.limits, self.explain = args, pipeline, pipeline.limits, explain
        self.html_explain = html_explain
        self.out, self.err, self.rejects = out, err, rejects
        self.failed = 0

    def fail(self, where: str, reason: str, raw: str | None = None) -> None:
        self.failed += 1
        self.err.write(f"cleantext: {where}: {reason}\n")
        if raw is not None and self.rejects is not None:
            self.rejects.write(raw.encode("utf-8", "surrogateescape") + b"\n")
        if self.args.fail_fast:
            raise _Abort

    def jsonl(self, fh: IO[bytes], source: str) -> None:
        line = 0
        lines = guard_reads(iter_lines(fh, self.limits.max_input_size))
        try:
            explain = html_cli.record_explainer(self.args, self.explain, self.html_explain)
            for rec in clean_jsonl(lines, explain, field=self.args.field,
                                   removals_field=self.args.removals_field):
                line = rec.line
                self.record(rec, source)
        except ReadError as exc:
            self.fail(source, f"cannot read past line {line}: {exc}")

    def record(self, rec: Record, source: str) -> None:
        """Write one JSONL record's output (and removals), or report its failure."""
        if rec.error is not None:
            self.fail(f"{source}:{rec.line}", rec.error, rec.raw)
            return
        self.out.write(rec.output + "\n")  # type: ignore[operator]
        if self.args.explain and rec.result is not None:
            _report_removals(rec.result, f"{source}:{rec.line}", self.args.explain, self.err)

    def text(self, fh: IO[bytes], source: str, compressed: str | None) -> None:
        limits = self.limits
        what = f"input (after {compressed} decompression)" if compressed else "input"
        try:
            data = read_capped(fh, limits.max_input_size, what)
            if html_cli.is_html(data, self.args.input_mode):
                res = self.html_explain(data)
            else:
                res = self.explain(decode_bytes(data, limits=limits))
        except Exception as exc:
            self.input_failed(source, exc)
            return
        self.document(res, source)

    def input_failed(self, source: str, exc: Exception) -> None:
        """Report an input that could not be read or cleaned."""
        if isinstance(exc, (CleantextError, *READ_ERRORS, MemoryError)):
            self.fail(source, str(exc))
        else:  # an internal error: report it, go on with the next input
            self.fail(source, f"{type(exc).__name__}: {exc}")

    def document(self, res: Result, source: str) -> None:
        """Write one input's clean text (and its removals)."""
        self.out.write(res.text)
        if self.args.explain:
            _report_removals(res, source, self.args.explain, self.err)

    def file(self, name: str) -> None:
        source = "<stdin>" if name == "-" else name
        with ExitStack() as stack:
            try:
                fh, compressed = stack.enter_context(open_input(name))
            except (OSError, CleantextError) as exc:
                self.fail(source, str(exc))
                return
            if self.args.jsonl:
                self.jsonl(fh, source)
            else:
                self.text(fh, source, compressed)


def run(args: argparse.Namespace, out: IO[str], err: TextIO) -> int:
    """Process every input; return the exit code.  Raises :class:`_Abort` on --fail-fast."""
    pipe = make_pipeline(args)
    with ExitStack() as stack:
        rejects = stack.enter_context(_atomic(args.rejects, "wb")) if args.rejects else None
        explain = stack.enter_context(_explainer(pipe, args))
        html_explain = stack.enter_context(html_cli.explainer(args, pipe))
        r = _Run(args, pipe, out, err, rejects, explain, html_explain)
        if args.jobs > 1:
            with cli_jobs.open_pool(args, pipe, args.jobs) as pool:
                cli_jobs.run_files(r, pool, args.files or ["-"])
        else:
            for name in args.files or ["-"]:
                r.file(name)
        if r.failed:
            err.write(f"cleantext: {r.failed} input(s) or record(s) failed\n")
    return 1 if r.failed else 0


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds like an interrupt: temporary files removed


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    if args.list_filters:
        list_filters(sys.stdout)
        return 0
    if not args.jsonl and (args.removals_field or args.rejects):
        parser.error("--removals-field and --rejects need --jsonl")
    try:
        make_pipeline(args)
    except CleantextError as exc:
        parser.error(str(exc))
    try:
        signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread
        pass
    try:
        with _output(args.output) as out:
            return run(args, out, sys.stderr)
    except _Abort:
        sys.stderr.write("cleantext: stopped at the first failure (--fail-fast)"
                         + (f"; {args.output} left unchanged" if args.output not in (None, "-") else "")
                         + "\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("cleantext: interrupted\n")
        return 130
    except BrokenPipeError:  # downstream closed (e.g. `| head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as exc:  # cannot write the output (no such folder, disk full...)
        sys.stderr.write(f"cleantext: cannot write output: {exc}\n")
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
