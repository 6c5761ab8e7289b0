"""Limits: input size, line length seen by detectors, time per document; the worker timeout."""
import pickle
import time
from dataclasses import dataclass

import pytest
import regex

import cleantext
from cleantext import DocumentTimeout, InputTooLarge, Kind, Limits, Pipeline, SpanMark, default_pipeline
from cleantext.filters.base import BlockFilter, SpanFilter
from cleantext.limits import remaining_time
from cleantext.worker import IsolatedPipeline, WorkerDied


@dataclass(frozen=True)
class CutMarker(SpanFilter):
    """Cut the word MARKER wherever a detector sees it (for tests)."""

    name = "cut-marker"

    def detect(self, doc):
        for b in doc.kept():
            i = b.text.find("MARKER")
            if i >= 0:
                yield SpanMark(b.index, i, i + 6, Kind.TRACKING, "test-marker")


@dataclass(frozen=True)
class SlowLines(BlockFilter):
    """Sleep on every line, in C (for tests)."""

    name = "slow-lines"
    seconds: float = 0.2

    def detect(self, doc):
        for _ in doc.kept():
            time.sleep(self.seconds)
        return ()


@dataclass(frozen=True)
class Backtracker(BlockFilter):
    """One whole-document regex call with the time-budget backstop (for tests)."""

    name = "backtracker"

    def detect(self, doc):
        regex.search(r"(a|aa)+$", doc.text, timeout=remaining_time())
        return ()


def test_defaults_are_documented_values():
    lim = default_pipeline().limits
    assert lim == Limits() == cleantext.limits.DEFAULT_LIMITS
    assert lim.max_input_size == 64 * 1024 * 1024
    assert lim.max_line_chars == 100_000
    assert lim.time_budget == 60.0


@pytest.mark.parametrize("bad", [dict(max_input_size=0), dict(max_line_chars=-1),
                                 dict(time_budget=0), dict(max_input_size=True),
                                 dict(max_line_chars=1.5), dict(time_budget="5")])
def test_invalid_limits_are_rejected(bad):
    with pytest.raises(ValueError, match="Limits"):
        Limits(**bad)


def test_input_over_the_size_limit_is_a_clear_error():
    lim = Limits(max_input_size=100)
    assert cleantext.clean("x" * 100, limits=lim) == "x" * 100 + "\n"
    with pytest.raises(InputTooLarge, match="101 characters, over the limit of 100"):
        cleantext.clean("x" * 101, limits=lim)
    with pytest.raises(InputTooLarge):
        cleantext.explain("x" * 101, pipeline=default_pipeline().with_limits(max_input_size=100))
    with pytest.raises(InputTooLarge, match="bytes"):
        cleantext.decode_bytes(b"x" * 101, limits=lim)
    assert issubclass(InputTooLarge, ValueError) and issubclass(InputTooLarge, cleantext.CleantextError)


def test_long_line_is_kept_untouched_unexamined_and_flagged():
    pipe = Pipeline(["whitespace", CutMarker()], limits=Limits(max_line_chars=50))
    long_line = "MARKER" + " word" * 20
    text = f"Short MARKER line.\n\n{long_line}\n\nAnother MARKER here.\n"
    r = pipe.explain(text)
    assert r.text == f"Short line.\n\n{long_line}\n\nAnother here.\n"
    assert r.metadata["limits"] == {"max_line_chars": 50, "unexamined_blocks": [
        {"block": 1, "start": r.normalized.index(long_line),
         "end": r.normalized.index(long_line) + len(long_line)}]}
    assert r.rebuild() == r.normalized
    assert all(x.text == "MARKER" and x.block != 1 for x in r.removals)
    # within the limit, the same line is examined as usual
    r2 = pipe.with_limits(max_line_chars=None).explain(text)
    assert "MARKER" not in r2.text and "limits" not in r2.metadata
    assert r2.text.count("word") == 20


def test_time_budget_stops_between_marks_and_steps():
    pipe = Pipeline(["whitespace", SlowLines(seconds=0.1)], limits=Limits(time_budget=0.25))
    t = time.monotonic()
    with pytest.raises(DocumentTimeout, match="time budget of 0.25 s"):
        pipe.explain("line\n" * 5)
    assert time.monotonic() - t < 2.0
    assert pipe.with_limits(time_budget=None).explain("a\nb\n").text == "a\nb\n"


def test_regex_timeout_backstop_becomes_document_timeout():
    pipe = Pipeline([Backtracker()], limits=Limits(time_budget=0.3))
    t = time.monotonic()
    with pytest.raises(DocumentTimeout, match="backtracker"):
        pipe.explain("a" * 60 + "!")
    assert time.monotonic() - t < 3.0
    assert remaining_time() is None  # no budget outside a document


def test_pipeline_carries_limits_through_variants():
    lim = Limits(max_line_chars=1234, time_budget=9)
    p = default_pipeline().with_limits(lim)
    assert p.limits == lim and default_pipeline().limits == Limits()
    for q in (p.without("advertisement"), p.only("whitespace"), p + [],
              p.configure("advertisement", max_chars=10),
              p.replace("advertisement", "advertisement")):
        assert q.limits == lim
    assert p != default_pipeline() and p == default_pipeline().with_limits(max_line_chars=1234,
                                                                           time_budget=9)
    assert default_pipeline().with_limits() is default_pipeline()
    assert pickle.loads(pickle.dumps(p)) == p
    assert "limits=" in repr(p) and "limits=" not in repr(default_pipeline())
    with pytest.raises(TypeError, match="Limits"):
        Pipeline(["whitespace"], limits={"max_line_chars": 5})


def test_unlimited():
    lim = Limits.unlimited()
    assert (lim.max_input_size, lim.max_line_chars, lim.time_budget) == (None, None, None)
    assert cleantext.clean("a\n", limits=lim) == "a\n"


def test_worker_kills_a_document_stuck_in_c_code_and_goes_on():
    pipe = Pipeline(["whitespace", SlowLines(seconds=30)])
    with IsolatedPipeline(pipe, timeout=0.5, explain=_explain_unless_slow) as iso:
        assert iso.explain("quick\n").text == "quick\n"
        t = time.monotonic()
        with pytest.raises(DocumentTimeout, match="worker process stopped"):
            iso.explain("SLOW\n")
        assert time.monotonic() - t < 5
        assert iso.explain("after\n").text == "after\n"
        with pytest.raises(InputTooLarge):  # errors raised in the worker come back as they are
            iso.explain("x" * (Limits().max_input_size + 1))


def _explain_unless_slow(text):
    if text.startswith("SLOW"):
        return Pipeline(["whitespace", SlowLines(seconds=30)], limits=Limits(time_budget=None)).explain(text)
    return Pipeline(["whitespace"]).explain(text)


def test_worker_death_is_reported_and_the_next_document_runs():
    with IsolatedPipeline(Pipeline(["whitespace"]), timeout=5, explain=_explain_or_die) as iso:
        with pytest.raises(WorkerDied, match="exit code 7"):
            iso.explain("DIE")
        assert iso.explain("fine\n").text == "fine\n"


def _explain_or_die(text):
    if text == "DIE":
        import os
        os._exit(7)
    return Pipeline(["whitespace"]).explain(text)
