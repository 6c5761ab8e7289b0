"""The ``cleantext`` command: a thin layer over :mod:`cleantext.stream`.

Exit codes: 0 all good, 1 some input or record failed, 2 usage error.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TextIO

from . import __version__
from .config import load_config
from .defaults import default_pipeline
from .document import Result
from .errors import CleantextError
from .html import cli_support as html_cli
from .pipeline import Pipeline
from .registry import available
from .stream import clean_jsonl

EPILOG = """\
examples:
  cleantext article.txt                      clean a text file to stdout
  curl -s URL | cleantext --html             clean a web page (HTML is also recognised unasked)
  cleantext --explain article.txt            ... and list every removal on stderr
  cleantext --jsonl --field text < in.jsonl > out.jsonl
  cleantext --jsonl --removals-field removed --rejects bad.jsonl data.jsonl -o clean.jsonl
  cleantext --skip advertisement article.txt
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
    p.add_argument("--only", action="append", metavar="FILTER", help="run only these filters (comma list)")
    p.add_argument("--skip", action="append", metavar="FILTER", help="do not run these filters (comma list)")
    p.add_argument("--list-filters", action="store_true", help="list filters: name, role, kinds, summary")
    p.add_argument("--version", action="version", version=f"cleantext {__version__}")
    html_cli.add_arguments(p)
    return p


def make_pipeline(args: argparse.Namespace) -> Pipeline:
    pipe = load_config(args.config) if args.config else default_pipeline()
    only, skip = _names(args.only), _names(args.skip)
    if only:
        pipe = pipe.only(*only)
    if skip:
        pipe = pipe.without(*skip)
    return pipe


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


@contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    """stdout, or a temporary file renamed over ``path`` only when all went well."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".cleantext-", dir=d)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _read_bytes(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    with open(name, "rb") as fh:
        return fh.read()


def _open_lines(name: str) -> Iterator[bytes]:
    if name == "-":
        yield from sys.stdin.buffer
        return
    with open(name, "rb") as fh:
        yield from fh


def run(args: argparse.Namespace, out: IO[str], err: TextIO) -> int:
    pipe = make_pipeline(args)
    failed = 0
    files = args.files or ["-"]
    rejects = open(args.rejects, "w", encoding="utf-8") if args.rejects else None
    try:
        for name in files:
            source = "<stdin>" if name == "-" else name
            if args.jsonl:
                explain = html_cli.record_explainer(args, pipe)
                for rec in clean_jsonl(_open_lines(name), explain, field=args.field,
                                       removals_field=args.removals_field):
                    if rec.error is not None:
                        failed += 1
                        err.write(f"cleantext: {source}:{rec.line}: {rec.error}\n")
                        if rejects:
                            rejects.write(rec.raw + "\n")
                        if args.fail_fast:
                            return 1
                        continue
                    out.write(rec.output + "\n")  # type: ignore[operator]
                    if args.explain and rec.result is not None:
                        _report_removals(rec.result, f"{source}:{rec.line}", args.explain, err)
                continue
            try:
                res = html_cli.explain_input(_read_bytes(name), pipe, mode=args.input_mode,
                                             timeout=args.html_timeout)
            except (OSError, CleantextError) as exc:
                failed += 1
                err.write(f"cleantext: {source}: {exc}\n")
                if args.fail_fast:
                    return 1
                continue
            out.write(res.text)
            if args.explain:
                _report_removals(res, source, args.explain, err)
    finally:
        if rejects:
            rejects.close()
    return 1 if failed else 0


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
        with _output(args.output) as out:
            return run(args, out, sys.stderr)
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except BrokenPipeError:  # downstream closed (e.g. `| head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
