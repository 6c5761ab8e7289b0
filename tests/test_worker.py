"""The worker process behind every hard timeout: text (IsolatedPipeline) and HTML (IsolatedHtml)."""
from __future__ import annotations

import math
import multiprocessing as mp
import os
import signal
import sys
import time

import pytest

from cleantext import (CleantextError, DocumentTimeout, NotTextError, Pipeline, clean_html,
                       default_pipeline, explain_html)
from cleantext.document import Result
from cleantext.html import HtmlTimeout, IsolatedHtml
from cleantext.worker import (GRACE, IsolatedPipeline, Worker, WorkerDied, WorkerTraceback,
                              default_start_method)

from html_pages import PARAGRAPHS, article, kept, page
from worker_filters import Misbehave

TEXTS = (
    "Advertisement\nThe council met on Monday to vote on the budget.\nPhoto: Jane Doe / Example\n",
    "Sign up for our newsletter\n\nThe library keeps its opening hours.\n",
    "",
    "Prose that mentions cookies, a subscribe button and a photo stays whole.\n",
)
#: A text chain that stalls, dies or raises on a trigger line (see worker_filters).
CHAIN = Pipeline(["whitespace", Misbehave()])
URL = "https://example.org/news/budget"


def _page_with(line: str) -> bytes:
    """The test page with ``line`` as one more paragraph of the article."""
    return page(article(PARAGRAPHS[:2] + (line,) + PARAGRAPHS[2:])).encode()


def test_timeout_errors_are_one_family():
    for cls in (DocumentTimeout, HtmlTimeout):
        assert issubclass(cls, TimeoutError) and issubclass(cls, CleantextError)
    assert issubclass(HtmlTimeout, DocumentTimeout)
    assert issubclass(WorkerDied, CleantextError) and issubclass(WorkerDied, RuntimeError)


# ------------------------------------------------------------ same results as in-process

def test_text_results_equal_in_process_results_from_one_child():
    with IsolatedPipeline(default_pipeline(), timeout=30) as iso:
        assert iso.pid is None  # started on the first document
        results = [iso.explain(t) for t in TEXTS]
        pid = iso.pid
        assert pid is not None and iso.start_method == default_start_method()
        assert results == [default_pipeline().explain(t) for t in TEXTS]
        assert any(r.removals for r in results) and results[1].rebuild() == results[1].normalized
        assert iso.pid == pid
    assert iso.pid is None
    with pytest.raises(ProcessLookupError):  # closed: the child is gone
        os.kill(pid, 0)


def test_html_results_equal_in_process_results_from_one_child():
    pages = [page().encode(), _page_with("The clerk read the minutes aloud."), page()]
    with IsolatedHtml(timeout=60) as iso:
        results = [iso.explain(p, url=URL) for p in pages]
        assert iso.pid is not None
    assert results == [explain_html(p, url=URL) for p in pages]
    assert kept(results[0].text) and results[0].removals
    assert explain_html(pages[0], timeout=60) == explain_html(pages[0])


@pytest.mark.skipif("spawn" not in mp.get_all_start_methods(), reason="no spawn start method")
def test_spawned_child_gives_the_same_results():
    with IsolatedPipeline(default_pipeline(), timeout=60, start_method="spawn") as iso:
        assert iso.start_method == "spawn"
        assert [iso.explain(t) for t in TEXTS] == [default_pipeline().explain(t) for t in TEXTS]
    with IsolatedHtml(timeout=60, start_method="spawn") as html_iso:
        assert html_iso.explain(page()) == explain_html(page())


def test_default_start_method_forks_only_where_safe():
    expected = ("fork" if "fork" in mp.get_all_start_methods() and sys.platform != "darwin"
                else "spawn")
    assert default_start_method() == expected


# ------------------------------------------------------------ timeouts

def test_text_timeout_kills_a_stalled_document_and_the_next_gets_a_new_child():
    with IsolatedPipeline(CHAIN, timeout=0.5) as iso:
        assert iso.explain("quick\n").text == "quick\n"
        first = iso.pid
        t = time.monotonic()
        with pytest.raises(DocumentTimeout, match=r"longer than 0.5 s \(worker process stopped\)"):
            iso.explain("before\nSTALL here\n")
        assert time.monotonic() - t < 0.5 + GRACE + 3
        assert iso.pid is None
        assert iso.explain("after\n") == CHAIN.explain("after\n")
        assert iso.pid not in (None, first)


def test_html_timeout_kills_a_stalled_page_and_the_next_gets_a_new_child():
    stalled = _page_with("STALL: the meeting ran on until the small hours of the morning.")
    harmless = Pipeline(["whitespace", Misbehave(stall=0.0)])
    assert "STALL" in clean_html(stalled, pipeline=harmless)  # the trigger reaches the chain
    with IsolatedHtml(pipeline=CHAIN, timeout=1) as iso:
        assert kept(iso.explain(page()).text)
        first = iso.pid
        t = time.monotonic()
        with pytest.raises(HtmlTimeout, match=r"longer than 1 s \(worker process stopped\)"):
            iso.explain(stalled)
        assert time.monotonic() - t < 1 + 3  # no grace: nothing stops HTML work early
        assert iso.explain(page(), url=URL) == explain_html(page(), url=URL, pipeline=CHAIN)
        assert iso.pid not in (None, first)
    t = time.monotonic()
    with pytest.raises(DocumentTimeout):  # what an `except DocumentTimeout` sees
        clean_html(stalled, pipeline=CHAIN, timeout=1)
    assert time.monotonic() - t < 1 + 3


def test_in_process_budget_stops_a_slow_document_first_and_the_child_survives():
    # The detector returns after 0.5 s; the child's budget (the timeout, 0.2 s)
    # raises as it returns, well before the kill at 0.2 + GRACE seconds.
    with IsolatedPipeline(Pipeline(["whitespace", Misbehave(stall=0.5)]), timeout=0.2) as iso:
        assert iso.explain("warm\n").text == "warm\n"
        pid = iso.pid
        with pytest.raises(DocumentTimeout, match="time budget of 0.2 s"):
            iso.explain("STALL briefly\n")
        assert iso.pid == pid
        assert iso.explain("next\n").text == "next\n"


# ------------------------------------------------------------ errors and deaths

def test_exceptions_come_back_as_themselves_and_the_child_goes_on():
    with IsolatedPipeline(CHAIN, timeout=30) as iso:
        iso.explain("warm\n")
        pid = iso.pid
        with pytest.raises(LookupError, match="failed on purpose") as info:
            iso.explain("FAIL now\n")
        cause = info.value.__cause__
        assert isinstance(cause, WorkerTraceback)
        assert "in detect" in str(cause) and "LookupError" in str(cause)
        assert iso.explain("fine\n").text == "fine\n" and iso.pid == pid
    with IsolatedHtml(timeout=30) as html_iso:
        with pytest.raises(NotTextError):
            html_iso.explain(b"\x89PNG\r\n\x1a\n" + bytes(300))
        pid = html_iso.pid
        assert kept(html_iso.explain(page()).text) and html_iso.pid == pid


def test_a_child_that_dies_is_reported_and_the_next_document_runs():
    with IsolatedPipeline(CHAIN, timeout=30) as iso:
        with pytest.raises(WorkerDied, match="exit code 7"):
            iso.explain("EXIT now\n")
        assert iso.explain("fine\n").text == "fine\n"
    with IsolatedHtml(pipeline=CHAIN, timeout=30) as html_iso:
        with pytest.raises(WorkerDied, match="exit code 7"):
            html_iso.explain(_page_with("EXIT: the last paragraph of the report was never read."))
        assert kept(html_iso.explain(page()).text)


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="needs /proc to see a zombie")
def test_a_child_killed_while_idle_is_replaced_for_the_next_document():
    with IsolatedPipeline(CHAIN, timeout=30) as iso:
        iso.explain("one\n")
        pid = iso.pid
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while _state(pid) != "Z" and time.monotonic() < deadline:  # dead, not yet reaped
            time.sleep(0.01)
        assert iso.explain("two\n").text == "two\n"
        assert iso.pid != pid


def _state(pid: int) -> str:
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        return fh.read().rpartition(")")[2].split()[0]


class TwoArgs(Exception):
    """An exception that pickles but cannot be unpickled (its constructor takes two arguments)."""

    def __init__(self, a, b):
        super().__init__(f"{a} and {b}")


def _awkward(text):
    if text == "two-args":
        raise TwoArgs("one", "two")
    if text == "unsendable":
        res = Pipeline(["whitespace"]).explain("x\n")
        return Result(res.text, res.removals, {"callback": lambda: None}, res.normalized,
                      res.normalizers, res.blocks)
    return Pipeline(["whitespace"]).explain(text)


def test_what_does_not_pickle_is_reported_and_the_worker_goes_on():
    with IsolatedPipeline(Pipeline(["whitespace"]), timeout=30, explain=_awkward) as iso:
        with pytest.raises(RuntimeError, match=r"test_worker\.TwoArgs: one and two"):
            iso.explain("two-args")
        with pytest.raises(RuntimeError, match="could not send its result back"):
            iso.explain("unsendable")
        with pytest.raises((TypeError, AttributeError)):  # a document that cannot be sent
            iso.explain(x for x in "abc")
        assert iso.explain("still fine\n").text == "still fine\n"


def test_a_closed_worker_starts_again_on_demand():
    iso = IsolatedPipeline(Pipeline(["whitespace"]), timeout=30)
    assert iso.explain("a\n").text == "a\n"
    iso.close()
    assert iso.pid is None
    assert iso.explain("b\n").text == "b\n"
    iso.close()


# ------------------------------------------------------------ options

@pytest.mark.parametrize("bad", [0, -1, math.nan, math.inf, True, "5"])
def test_a_timeout_that_is_not_a_positive_number_is_refused(bad):
    with pytest.raises(ValueError, match="timeout"):
        IsolatedPipeline(default_pipeline(), timeout=bad)
    with pytest.raises(ValueError, match="timeout"):
        clean_html(page(), timeout=bad)


def test_other_bad_options_are_refused():
    with pytest.raises(ValueError, match="grace"):
        Worker(default_pipeline().explain, timeout=1, grace=-1)
    with pytest.raises(TypeError, match="DocumentTimeout"):
        Worker(default_pipeline().explain, timeout=1, timeout_error=ValueError)
    with pytest.raises(ValueError):
        IsolatedPipeline(default_pipeline(), timeout=1, start_method="teleport")


def test_results_travel_without_their_blocks_and_come_back_equal():
    # a span removal on a line that was then removed whole is not in
    # Result.removals; the compact form carries it, so blocks come back equal
    import pickle
    from cleantext.document import BlockMark, Document, Result, SpanMark
    from cleantext.kinds import Kind
    from cleantext.worker import _pack, _unpack
    doc = Document("Read this utm_token here\n\nThe council met.\n  \nAnd agreed.\n")
    doc.apply("tracking", SpanMark(0, 10, 19, Kind.TRACKING, "x"))
    doc.apply("navigation", BlockMark(0, Kind.NAVIGATION, "y"))
    doc.apply("tracking", SpanMark(2, 4, 11, Kind.TRACKING, "x"))
    res = Result.from_document(doc, ("whitespace",))
    packed = _pack(res)
    assert packed.get("compact") and packed["blocks"] == (tuple(res.blocks[0].spans),)
    back = _unpack(pickle.loads(pickle.dumps(packed)))
    assert back == res
    assert back.render(lambda r: True) == res.render(lambda r: True)
    assert back.render(lambda r: r.filter == "navigation") == res.render(lambda r: r.filter == "navigation")
