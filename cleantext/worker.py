"""A hard per-document timeout: run the work in a worker process.

The pipeline's own time budget (:attr:`~cleantext.Limits.time_budget`) is
checked between steps, so it cannot stop one step that runs long inside C code
(a parser, a regex in the ``re`` module), and HTML extraction (libxml2,
trafilatura) does not check it at all.  A :class:`Worker` runs a function in a
child process instead and kills the child when one document overruns; the
next document gets a fresh child.  A child that dies (a crash in C code, the
out-of-memory killer) is reported the same way, as :class:`WorkerDied`.  An
exception the function raises comes back to the caller as itself, and the
child goes on serving.

There is one mechanism, used two ways:

- :class:`IsolatedPipeline` runs a text :class:`~cleantext.Pipeline`
  (``explain``); the CLI's ``--timeout`` uses it for text input;
- :class:`cleantext.html.IsolatedHtml` runs
  :func:`~cleantext.html.explain_html`, raising
  :class:`~cleantext.html.HtmlTimeout` (a :class:`DocumentTimeout`); it is
  what ``clean_html(..., timeout=)`` and ``--html --timeout`` use.

Documents go one at a time, in order, through one persistent child::

    with IsolatedPipeline(default_pipeline(), timeout=10) as iso:
        for text in texts:
            try:
                result = iso.explain(text)
            except DocumentTimeout:
                ...   # this one took too long; the next one runs normally

The child is forked where that is safe (cheap: nothing to import again) and
spawned elsewhere (macOS, Windows); see :func:`default_start_method`.
"""
from __future__ import annotations

import gc
import math
import multiprocessing as mp
import pickle
import signal
import sys
import traceback
from collections.abc import Callable
from dataclasses import fields
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from types import MappingProxyType
from typing import Any

from .document import Result
from .errors import CleantextError
from .limits import DocumentTimeout
from .pipeline import Pipeline

#: Seconds an :class:`IsolatedPipeline` child gets beyond ``timeout`` to stop
#: by itself (its in-process time budget) before it is killed.
GRACE = 1.0
#: Seconds a child gets to exit by itself when the worker is closed.
EXIT_WAIT = 1.0

_RESULT_FIELDS = tuple(f.name for f in fields(Result))


class WorkerDied(CleantextError, RuntimeError):
    """The worker process died while cleaning a document."""


class WorkerTraceback(Exception):
    """The traceback, in the worker process, of an exception raised again in the caller.

    Set as the ``__cause__`` of that exception, so that a traceback printed in
    the caller shows where in the child it happened.
    """


def default_start_method() -> str:
    """``"fork"`` where the platform has it and it is safe, else ``"spawn"``.

    Forking is cheap (the child has every module and registered filter of the
    parent already) but unsafe on macOS, where system libraries may crash in a
    forked child (Python itself defaults to spawn there).  A spawned child
    imports cleantext again, so the function it runs must pickle and any
    filter it needs must be registered on import.  A program that runs
    other threads while it starts workers should ask for ``"spawn"``: a
    forked child gets only the calling thread, and any lock another thread
    held stays locked in it.
    """
    return "fork" if "fork" in mp.get_all_start_methods() and sys.platform != "darwin" else "spawn"


def _pack(result: Result) -> dict[str, Any]:
    """A :class:`Result` as plain values that pickle (its metadata proxy as a
    dict), without its blocks when they can be made again from the rest
    (:meth:`Result.compact`): half the bytes to send and to read back."""
    out = {name: getattr(result, name) for name in _RESULT_FIELDS}
    out["metadata"] = dict(out["metadata"])
    hidden = result.compact()
    if hidden is not None and result.blocks:
        out["blocks"] = hidden
        out["compact"] = True
    return out


def _unpack(values: dict[str, Any]) -> Result:
    if values.pop("compact", False):
        values["blocks"] = Result.expand_blocks(values["normalized"], values["removals"], values["blocks"])
    return Result(**{**values, "metadata": MappingProxyType(values["metadata"])})


def _portable(exc: Exception) -> Exception:
    """``exc`` if it survives pickling whole, else a ``RuntimeError`` naming it.

    An exception whose constructor does not match its ``args`` pickles but
    fails to unpickle in the parent; this finds out in the child.
    """
    try:
        pickle.loads(ForkingPickler.dumps(exc))
        return exc
    except Exception:
        kind = type(exc)
        return RuntimeError(f"{kind.__module__}.{kind.__qualname__}: {exc}")


def _serve(conn: Connection, func: Callable[[Any], Result]) -> None:
    """The child: answer each ``("run", item)`` with ``("ok", result)`` or
    ``("error", exc, traceback)``, until ``("stop",)`` or the end of the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):  # the parent has gone
            return
        if message[0] == "stop":
            return
        item = message[1]
        try:
            reply: tuple[Any, ...] = ("ok", _pack(func(item)))
        except Exception as exc:  # reported to the parent, which raises it
            reply = ("error", _portable(exc), traceback.format_exc())
        try:
            conn.send(reply)
        except Exception as exc:  # a result that does not pickle
            conn.send(("error", RuntimeError(f"the worker could not send its result back: "
                                             f"{type(exc).__name__}: {exc}"),
                       traceback.format_exc()))


def _exit_status(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by signal {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


class Worker:
    """Run ``func(item) -> Result`` in a child process, killed past ``timeout`` seconds per item.

    ``func`` runs in one persistent child, started on the first item; items
    go one at a time.  :meth:`run` returns a result equal to ``func(item)``
    in-process, raises again what ``func`` raised, raises ``timeout_error``
    (a :class:`DocumentTimeout`) when no answer came within ``timeout +
    grace`` seconds, and :class:`WorkerDied` when the child died.  After a
    timeout or a death, the child is gone and the next item starts a new one.

    ``timeout=None`` sets no time limit: the child still keeps a crash away
    from the caller (:class:`cleantext.parallel.Pool` runs its workers so).
    ``grace`` is extra time for a child that stops itself at ``timeout``
    (an in-process time budget) and so survives; ``start_method`` is a
    :mod:`multiprocessing` start method (default: :func:`default_start_method`).
    Under ``"spawn"``, ``func`` and the items must pickle.  Not thread-safe:
    one caller at a time.
    """

    def __init__(self, func: Callable[[Any], Result], *, timeout: float | None, grace: float = 0.0,
                 timeout_error: type[DocumentTimeout] = DocumentTimeout,
                 start_method: str | None = None) -> None:
        if timeout is not None and (not _seconds(timeout) or timeout <= 0):
            raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")
        if not _seconds(grace) or grace < 0:
            raise ValueError(f"grace must be zero or a positive number of seconds, not {grace!r}")
        if not (isinstance(timeout_error, type) and issubclass(timeout_error, DocumentTimeout)):
            raise TypeError(f"timeout_error must be a DocumentTimeout subclass, not {timeout_error!r}")
        self.timeout = timeout
        self.grace = grace
        self.timeout_error = timeout_error
        self._func = func
        self._ctx = mp.get_context(start_method or default_start_method())
        self._proc: Any = None
        self._conn: Connection | None = None

    @property
    def start_method(self) -> str:
        """How the child is started: ``"fork"`` or ``"spawn"`` (or ``"forkserver"``)."""
        return str(self._ctx.get_start_method())

    @property
    def wait_limit(self) -> float | None:
        """Seconds an answer may take before the child is killed (``timeout + grace``), or None."""
        return None if self.timeout is None else self.timeout + self.grace

    @property
    def pid(self) -> int | None:
        """The child's process id, or None while no child is running."""
        return None if self._proc is None else self._proc.pid  # type: ignore[no-any-return]

    def _start(self) -> Connection:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_serve, args=(child, self._func), daemon=True,
                                 name="cleantext-worker")
        try:
            proc.start()
        finally:
            child.close()
        self._proc, self._conn = proc, parent
        return parent

    def _stop(self, *, wait: float = 0.0, ask: bool = False) -> int | None:
        """End the child and return its exit code.

        ``ask``: the child is idle; tell it to stop and give it ``wait`` seconds
        to exit by itself.  (Closing the pipe is not enough: another worker's
        child forked meanwhile holds a copy of this end.)  Otherwise ``wait``
        is how long a child already dying gets before the kill.
        """
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if conn is not None:
            if ask:
                try:
                    conn.send(("stop",))
                except OSError:  # already gone
                    pass
            conn.close()
        if proc is None:
            return None
        if wait:
            proc.join(wait)
        if proc.is_alive():
            proc.kill()
        proc.join()
        return proc.exitcode  # type: ignore[no-any-return]

    def _send(self, item: Any) -> Connection:
        """Send ``item`` to the child; one retry on a new child if the old one is gone."""
        for attempt in (1, 2):
            conn = self._conn or self._start()
            try:
                conn.send(("run", item))
                return conn
            except OSError:  # BrokenPipeError, ConnectionResetError: the child has died
                code = self._stop(wait=GRACE)
                if attempt == 2:
                    raise WorkerDied(f"worker process died while receiving the document "
                                     f"({_exit_status(code)})") from None
        raise AssertionError("unreachable")  # pragma: no cover

    def run(self, item: Any) -> Result:
        """Run ``func(item)`` in the child; see the class docstring for what it raises."""
        try:
            conn = self.submit(item)
            if not conn.poll(self.wait_limit):
                raise self.expire()
            reply = self._reply(conn)
        except BaseException:
            # Interrupted while sending or waiting (Ctrl-C, a signal handler),
            # or the item does not pickle: a half-sent item or a late answer
            # would go to the next document, so this child is stopped.
            self._stop()
            raise
        return _answer(reply)

    # The three steps of :meth:`run`, for a caller that waits on several
    # workers at once (:class:`cleantext.parallel.Pool`): submit an item, wait
    # for :attr:`connection` to be readable (``multiprocessing.connection.wait``),
    # then collect; or expire the child when its time is up.

    def submit(self, item: Any) -> Connection:
        """Send ``item`` to the child (started if needed); return the connection its answer comes on.

        Raises :class:`WorkerDied` when neither the child nor a new one can take
        it, and what pickling raises for an item that does not pickle (the
        child is then stopped: part of the item may have been sent).
        """
        try:
            return self._send(item)
        except WorkerDied:
            raise
        except BaseException:
            self._stop()
            raise

    @property
    def connection(self) -> Connection | None:
        """The pipe to the child, readable when an answer is there; None while no child runs."""
        return self._conn

    def collect(self) -> Result:
        """The answer to the item last submitted: its result, or what ``func`` raised.

        Waits for it; raises :class:`WorkerDied` when the child died instead.
        """
        conn = self._conn
        if conn is None:
            raise WorkerDied("no document is running in this worker")
        try:
            reply = self._reply(conn)
        except BaseException:
            self._stop()
            raise
        return _answer(reply)

    def expire(self, error: type[DocumentTimeout] | None = None) -> DocumentTimeout:
        """Stop the child, whose item ran out of time; return the timeout error to raise.

        ``error`` is the class of that error (default: ``timeout_error``).
        """
        self._stop()
        limit = "its time limit" if self.timeout is None else f"{self.timeout:g} s"
        return (error or self.timeout_error)(f"document took longer than {limit} "
                                             "(worker process stopped)")

    def stop(self) -> None:
        """Kill the child now, abandoning the item it runs (a new child serves the next one)."""
        self._stop()

    def _reply(self, conn: Connection) -> Any:
        try:
            return _receive(conn)
        except (EOFError, OSError):
            code = self._stop(wait=GRACE)
            raise WorkerDied(f"worker process died while cleaning the document "
                             f"({_exit_status(code)})") from None

    def close(self) -> None:
        """Stop the worker process (it is started again if :meth:`run` is called)."""
        self._stop(wait=EXIT_WAIT, ask=True)

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _receive(conn: Connection) -> Any:
    """``conn.recv()`` with the cyclic garbage collector paused.

    A result is thousands of small objects (blocks, removals) and none of them
    form reference cycles; the collector would pass over the heap again and
    again while they are unpickled (two thirds of the time of receiving a
    result), as it would while the pipeline makes them (see ``Pipeline.explain``).
    """
    if not gc.isenabled():
        return conn.recv()
    gc.disable()
    try:
        return conn.recv()
    finally:
        gc.enable()


def _answer(reply: tuple[Any, ...]) -> Result:
    """The result a child sent, or the exception it sent raised again (child traceback as cause)."""
    if reply[0] == "error":
        _, exc, child_traceback = reply
        raise exc from WorkerTraceback(child_traceback)
    return _unpack(reply[1])


def _seconds(value: Any) -> bool:
    """True for a finite real number of seconds (not a bool)."""
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value))


def budgeted(pipeline: Pipeline, timeout: Any) -> Pipeline:
    """``pipeline`` with its in-process time budget cut to ``timeout`` seconds, if that is shorter.

    Under a hard timeout, most slow documents then stop cleanly in the child,
    which survives; the kill is for those that do not return.
    """
    if _seconds(timeout) and timeout > 0:
        budget = pipeline.limits.time_budget
        if budget is None or budget > timeout:
            return pipeline.with_limits(time_budget=timeout)
    return pipeline


class IsolatedPipeline(Worker):
    """Run a text pipeline's ``explain`` in a :class:`Worker`.

    ``explain`` is any picklable ``str -> Result`` callable (by default the
    pipeline's own).  The child's in-process time budget is set to
    ``timeout`` (unless the pipeline's is already shorter), so most slow
    documents stop cleanly there and the child survives; the kill,
    :data:`GRACE` seconds later, is for the ones that do not return.  Both
    raise :class:`DocumentTimeout`.
    """

    def __init__(self, pipeline: Pipeline, *, timeout: float,
                 explain: Callable[[Any], Result] | None = None,
                 start_method: str | None = None) -> None:
        if explain is None:
            explain = budgeted(pipeline, timeout).explain
        super().__init__(explain, timeout=timeout, grace=GRACE, start_method=start_method)

    def explain(self, text: Any) -> Result:
        """Clean one document in the child; raise :class:`DocumentTimeout` past ``timeout``."""
        return self.run(text)

    def __enter__(self) -> IsolatedPipeline:
        return self
