"""A real timeout for HTML work: a worker process, killed when time is up.

libxml2 parses in C and does not return to Python until it is done, so a
signal or a thread cannot interrupt it.  With ``timeout=``, the whole of
:func:`~cleantext.html.explain_html` runs in a child process; if it has not
answered in time, the child is killed and :class:`HtmlTimeout` is raised.
The child is forked where the platform allows it (cheap: nothing to import
again), spawned elsewhere.
"""
from __future__ import annotations

import multiprocessing as mp
import sys
from types import MappingProxyType
from typing import Any

from ..document import Result
from ..errors import CleantextError
from ..pipeline import Pipeline


class HtmlTimeout(CleantextError, TimeoutError):
    """HTML cleaning did not finish within the ``timeout`` given."""


def _context() -> Any:
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods and sys.platform != "darwin" else "spawn")


def _child(conn: Any, html: Any, url: Any, pipeline: Any, options: Any) -> None:
    from .api import explain_html

    try:
        res = explain_html(html, url=url, pipeline=pipeline, options=options)
        conn.send(("ok", (res.text, res.removals, dict(res.metadata), res.normalized,
                          res.normalizers, res.blocks)))
    except BaseException as exc:  # noqa: BLE001 - sent back and raised in the parent
        try:
            conn.send(("error", exc))
        except Exception:  # noqa: BLE001 - unpicklable exception
            conn.send(("error", CleantextError(f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()


def run_with_timeout(html: bytes | str, *, url: str | None, pipeline: Pipeline | None,
                     options: Any, timeout: float) -> Result:
    """Run :func:`explain_html` in a worker process; raise :class:`HtmlTimeout` after ``timeout`` s."""
    if timeout <= 0:
        raise ValueError(f"timeout must be positive, got {timeout}")
    ctx = _context()
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, html, url, pipeline, options), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(timeout):
            raise HtmlTimeout(f"HTML cleaning took longer than {timeout:g} s; the worker was stopped")
        try:
            status, payload = parent.recv()
        except EOFError:
            raise CleantextError(f"the HTML worker died (exit code {proc.exitcode})") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        parent.close()
    if status == "error":
        raise payload
    text, removals, meta, normalized, normalizers, blocks = payload
    return Result(text, removals, MappingProxyType(meta), normalized, normalizers, blocks)
