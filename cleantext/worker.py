"""A hard per-document timeout: run a pipeline in a worker process.

The pipeline's own time budget (:attr:`~cleantext.Limits.time_budget`) is
checked between steps, so it cannot stop one step that runs long inside C code
(a parser, a regex in the ``re`` module).  :class:`IsolatedPipeline` runs each
document in a child process instead and kills it when the document overruns;
the next document gets a fresh child.  A child that dies (a crash in C code,
the out-of-memory killer) is reported the same way.  Documents go one at a
time, in order::

    with IsolatedPipeline(default_pipeline(), timeout=10) as iso:
        for text in texts:
            try:
                result = iso.explain(text)
            except DocumentTimeout:
                ...   # this one took too long; the next one runs normally

The child also gets ``timeout`` as its in-process time budget, so most slow
documents stop cleanly there and the child survives; the kill, a second later,
is for the ones that do not return.
"""
from __future__ import annotations

import multiprocessing as mp
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from types import MappingProxyType
from typing import Any

from .document import Result
from .errors import CleantextError
from .limits import DocumentTimeout
from .pipeline import Pipeline

#: Seconds the child gets beyond ``timeout`` to stop by itself before the kill.
GRACE = 1.0


class WorkerDied(CleantextError, RuntimeError):
    """The worker process died while cleaning a document."""


def _serve(conn: Connection, explain: Callable[[Any], Result]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        try:
            r = explain(item)
            reply: tuple[Any, ...] = ("ok", (r.text, r.removals, dict(r.metadata), r.normalized,
                                             r.normalizers, r.blocks))
        except Exception as exc:  # reported to the parent, which decides
            reply = ("error", exc)
        try:
            conn.send(reply)
        except Exception as exc:  # e.g. an exception that does not pickle
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))


class IsolatedPipeline:
    """Run ``explain`` in a child process, killed after ``timeout`` seconds per document.

    ``explain`` is any picklable ``str -> Result`` callable (by default the
    pipeline's own, with its time budget set to ``timeout``); exceptions it
    raises are raised again in the parent.
    """

    def __init__(self, pipeline: Pipeline, *, timeout: float,
                 explain: Callable[[Any], Result] | None = None) -> None:
        if timeout <= 0:
            raise ValueError(f"timeout must be positive, not {timeout!r}")
        self.timeout = timeout
        budget = pipeline.limits.time_budget
        if budget is None or budget > timeout:
            pipeline = pipeline.with_limits(time_budget=timeout)
        self._explain = explain or pipeline.explain
        methods = mp.get_all_start_methods()
        self._ctx = mp.get_context("fork" if "fork" in methods else "spawn")
        self._proc: Any = None
        self._conn: Connection | None = None

    def _start(self) -> Connection:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_serve, args=(child, self._explain), daemon=True,
                                 name="cleantext-worker")
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent
        return parent

    def _stop(self) -> None:
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.kill()
            self._proc.join()
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    def explain(self, text: Any) -> Result:
        """Clean one document in the child; raise :class:`DocumentTimeout` past ``timeout``."""
        conn = self._conn or self._start()
        try:
            conn.send(text)
        except (BrokenPipeError, EOFError, OSError):  # the child is gone: one retry on a new one
            self._stop()
            conn = self._start()
            conn.send(text)
        if not conn.poll(self.timeout + GRACE):
            self._stop()
            raise DocumentTimeout(f"document took longer than {self.timeout:g} s "
                                  "(worker process stopped)")
        try:
            status, payload = conn.recv()
        except (EOFError, OSError):
            code = None
            if self._proc is not None:
                self._proc.join(GRACE)
                code = self._proc.exitcode
            self._stop()
            raise WorkerDied(f"worker process died while cleaning the document "
                             f"(exit code {code})") from None
        if status == "error":
            raise payload
        text_, removals, meta, normalized, normalizers, blocks = payload
        return Result(text_, removals, MappingProxyType(meta), normalized, normalizers, blocks)

    def close(self) -> None:
        """Stop the worker process."""
        self._stop()

    def __enter__(self) -> IsolatedPipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
