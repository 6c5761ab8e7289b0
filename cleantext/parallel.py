"""Clean many documents on several processes, with results in input order.

A :class:`Pool` runs one function (a pipeline's ``explain``, or
:func:`~cleantext.html.explain_html`) in ``jobs`` worker processes and yields
one :class:`Outcome` per input, in input order, lazily: at most ``window``
documents are read ahead of the one the caller is given, so memory stays
bounded however long the stream.  The result for each document is the one the
function gives in-process, so the output does not depend on how the work was
split.

The workers are :class:`cleantext.worker.Worker` children (the same mechanism
as the hard timeout): each is started on its first document and serves the
whole run; the function (and the pipeline in it) reaches a child once, when
it starts.  Each child has one document at a time, so when a document fails
the pool knows which one it was:

- an exception raised while cleaning it comes back as itself, in that
  document's :class:`Outcome`; the child goes on;
- a child that dies (a crash in C code, the out-of-memory killer) gives that
  document :class:`~cleantext.worker.WorkerDied`; a new child takes the next;
- with ``timeout``, a child whose document runs longer than ``timeout`` (plus
  ``grace``) is killed and the document gets the ``timeout_error``.

Two front ends, like :class:`~cleantext.worker.IsolatedPipeline` and
:class:`~cleantext.html.IsolatedHtml`::

    with ParallelPipeline(default_pipeline(), jobs=4) as pool:
        for outcome in pool.map(texts):
            if outcome.error is None:
                print(outcome.result.text)

    for outcome in ParallelHtml(jobs=0).map(pages):   # pages: bytes, str or (page, url)
        ...

See ``docs/parallel.md``.
"""
from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from .document import Result
from .limits import DocumentTimeout
from .pipeline import Pipeline
from .worker import GRACE, Worker, budgeted

T = TypeVar("T")

#: Documents read ahead per worker: enough to keep every worker busy while
#: the caller waits for one slow document at the head of the line.
WINDOW_PER_JOB = 4

#: An entry of :meth:`Pool.map_tagged` with nothing to run: its tag comes out
#: in its place, with no outcome.
SKIP: Any = type("Skip", (), {"__repr__": lambda self: "SKIP"})()

#: Grace and timeout error for one item (see :class:`Pool`, ``policy``).
Policy = Callable[[Any], "tuple[float, type[DocumentTimeout]]"]


def cpu_count() -> int:
    """The number of CPUs this process may run on (what ``jobs=0`` means)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def resolve_jobs(jobs: int) -> int:
    """``jobs`` as a number of worker processes: 0 is :func:`cpu_count`; negative is refused."""
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise ValueError(f"jobs must be 0 (one per CPU) or a positive number, not {jobs!r}")
    return jobs or cpu_count()


@dataclass(frozen=True)
class Outcome:
    """What became of one document: its ``result``, or the ``error`` it raised.

    ``index`` is its 0-based position in the input.  Exactly one of
    ``result`` and ``error`` is set.
    """

    index: int
    result: Result | None = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def unwrap(self) -> Result:
        """The result; or the error raised, as the in-process call would have."""
        if self.error is not None:
            raise self.error
        assert self.result is not None
        return self.result


class _Slot(Generic[T]):
    """One entry on its way through the pool."""

    __slots__ = ("index", "tag", "item", "outcome", "done")

    def __init__(self, index: int, tag: T, item: Any) -> None:
        self.index, self.tag, self.item = index, tag, item
        self.outcome: Outcome | None = None
        self.done = item is SKIP


class Pool:
    """Run ``func(item) -> Result`` on ``jobs`` worker processes; outcomes in input order.

    ``jobs``: number of processes (0: one per CPU, :func:`cpu_count`).
    ``window``: most documents between the oldest not yet given to the
    caller and the newest read (default ``jobs *`` :data:`WINDOW_PER_JOB`).
    ``timeout``: seconds one document may take before its child is killed
    (plus ``grace``; default None, no limit), reported as ``timeout_error``;
    ``policy(item)`` may give ``(grace, timeout_error)`` per item instead.
    ``start_method`` as for :class:`~cleantext.worker.Worker` (fork where
    safe, else spawn); under spawn, ``func`` and the items must pickle.

    One :meth:`map` at a time; a pool can run many maps one after the other
    with the same children.  :meth:`close` (or leaving a ``with`` block)
    stops them.
    """

    def __init__(self, func: Callable[[Any], Result], *, jobs: int = 0,
                 timeout: float | None = None, grace: float = 0.0,
                 timeout_error: type[DocumentTimeout] = DocumentTimeout,
                 policy: Policy | None = None, window: int | None = None,
                 start_method: str | None = None) -> None:
        self.jobs = resolve_jobs(jobs)
        if window is None:
            window = self.jobs * WINDOW_PER_JOB
        if isinstance(window, bool) or not isinstance(window, int) or window < 1:
            raise ValueError(f"window must be a positive number of documents, not {window!r}")
        self.window = window
        self.timeout = timeout
        self._policy = policy or (lambda item: (grace, timeout_error))
        self._workers = [Worker(func, timeout=timeout, grace=grace, timeout_error=timeout_error,
                                start_method=start_method) for _ in range(self.jobs)]
        self._running = False

    @property
    def start_method(self) -> str:
        return self._workers[0].start_method

    @property
    def pids(self) -> list[int]:
        """Process ids of the children running now."""
        return [w.pid for w in self._workers if w.pid is not None]

    def map(self, items: Iterable[Any]) -> Iterator[Outcome]:
        """One :class:`Outcome` per item of ``items``, in order, computed ``jobs`` at a time."""
        with closing(self.map_tagged((None, item) for item in items)) as tagged:
            for _, outcome in tagged:
                yield outcome  # type: ignore[misc]

    def map_tagged(self, entries: Iterable[tuple[T, Any]]) -> Iterator[tuple[T, Outcome | None]]:
        """For each ``(tag, item)`` of ``entries``, in order: ``(tag, outcome)``.

        An item that is :data:`SKIP` is not run: ``(tag, None)`` comes out in
        its place (a caller's own failures, such as a record that is not
        JSON, keep their place in the stream this way).
        """
        if self._running:
            raise RuntimeError("this pool is already running a map; finish or close it first")
        self._running = True
        busy: dict[Connection, tuple[Worker, _Slot[T], float | None]] = {}
        try:
            yield from self._run(iter(entries), busy)
        finally:
            for worker, _, _ in busy.values():  # abandoned (closed early, an error): answers
                worker.stop()                    # still on the way must not reach the next map
            self._running = False

    def _run(self, entries: Iterator[tuple[T, Any]],
             busy: dict[Connection, tuple[Worker, _Slot[T], float | None]]
             ) -> Iterator[tuple[T, Outcome | None]]:
        pending: deque[_Slot[T]] = deque()   # read, not yet given out, in input order
        waiting: deque[_Slot[T]] = deque()   # read, not yet sent to a worker
        idle = list(reversed(self._workers))
        index = 0
        more = True
        while True:
            while more and len(pending) < self.window:
                try:
                    tag, item = next(entries)
                except StopIteration:
                    more = False
                    break
                slot = _Slot(index, tag, item)
                index += 1
                pending.append(slot)
                if not slot.done:
                    waiting.append(slot)
            while waiting and idle:
                self._submit(waiting.popleft(), idle, busy)
            while pending and pending[0].done:
                slot = pending.popleft()
                yield slot.tag, slot.outcome
            if not pending:
                if not more:
                    return
                continue
            if busy:  # the head is running (or waits for a worker that is)
                self._collect(busy, idle)

    def _submit(self, slot: _Slot[T], idle: list[Worker],
                busy: dict[Connection, tuple[Worker, _Slot[T], float | None]]) -> None:
        worker = idle.pop()
        try:
            conn = worker.submit(slot.item)
        except Exception as exc:  # the item does not pickle, or no child can be started
            _finish(slot, error=exc)
            idle.append(worker)
            return
        deadline = None
        if self.timeout is not None:
            grace, _ = self._policy(slot.item)
            deadline = time.monotonic() + self.timeout + grace
        busy[conn] = (worker, slot, deadline)

    def _collect(self, busy: dict[Connection, tuple[Worker, _Slot[T], float | None]],
                 idle: list[Worker]) -> None:
        """Wait for at least one answer (or a deadline) and record what came."""
        deadlines = [d for _, _, d in busy.values() if d is not None]
        wait_for = None if not deadlines else max(min(deadlines) - time.monotonic(), 0.0)
        for conn in wait(list(busy), wait_for):
            worker, slot, _ = busy.pop(conn)  # type: ignore[call-overload]
            try:
                _finish(slot, result=worker.collect())
            except Exception as exc:  # what func raised, or WorkerDied
                # Its traceback here would only show this loop (and tie the
                # outcome to this frame); the child's is its __cause__.
                _finish(slot, error=exc.with_traceback(None))
            idle.append(worker)
        now = time.monotonic()
        for conn, (worker, slot, deadline) in list(busy.items()):
            if deadline is not None and now >= deadline:
                del busy[conn]
                _, error = self._policy(slot.item)
                _finish(slot, error=worker.expire(error))
                idle.append(worker)

    def close(self) -> None:
        """Stop every worker process (they start again if :meth:`map` is called)."""
        for w in self._workers:
            w.close()

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _finish(slot: _Slot[Any], *, result: Result | None = None,
            error: BaseException | None = None) -> None:
    slot.outcome = Outcome(slot.index, result, error)
    slot.done = True
    slot.item = None  # the document is not needed any more


class ParallelPipeline(Pool):
    """A text :class:`~cleantext.Pipeline` on ``jobs`` processes: ``map(texts)``.

    ``pipeline`` defaults to :func:`~cleantext.default_pipeline`.  With
    ``timeout``, the children's in-process time budget is cut to it and a
    child is killed :data:`~cleantext.worker.GRACE` seconds later, as for
    :class:`~cleantext.worker.IsolatedPipeline`; both give a
    :class:`~cleantext.DocumentTimeout`.
    """

    def __init__(self, pipeline: Pipeline | None = None, *, jobs: int = 0,
                 timeout: float | None = None, window: int | None = None,
                 start_method: str | None = None) -> None:
        if pipeline is None:
            from .defaults import default_pipeline
            pipeline = default_pipeline()
        super().__init__(budgeted(pipeline, timeout).explain, jobs=jobs, timeout=timeout,
                         grace=GRACE if timeout is not None else 0.0, window=window,
                         start_method=start_method)

    def __enter__(self) -> ParallelPipeline:
        return self


def _page(item: Any) -> tuple[Any, str | None]:
    return item if isinstance(item, tuple) else (item, None)


class ParallelHtml(Pool):
    """:func:`~cleantext.html.explain_html` on ``jobs`` processes: ``map(pages)``.

    A page is bytes or str, or a ``(page, url)`` pair.  ``pipeline`` and
    ``options`` are those of :func:`~cleantext.html.explain_html`.  With
    ``timeout``, a child is killed at ``timeout`` and the page gets a
    :class:`~cleantext.html.HtmlTimeout`, as for
    :class:`~cleantext.html.IsolatedHtml`.
    """

    def __init__(self, *, jobs: int = 0, pipeline: Pipeline | None = None,
                 options: Any = None, timeout: float | None = None, window: int | None = None,
                 start_method: str | None = None) -> None:
        from .html.api import DEFAULT_OPTIONS
        from .html.worker import HtmlTimeout, _explain_item
        func = partial(_explain_item, pipeline=pipeline, options=options or DEFAULT_OPTIONS)
        super().__init__(func, jobs=jobs, timeout=timeout, timeout_error=HtmlTimeout,
                         window=window, start_method=start_method)

    def map(self, items: Iterable[Any]) -> Iterator[Outcome]:
        return super().map(_page(item) for item in items)

    def __enter__(self) -> ParallelHtml:
        return self
