"""Cleaning on several processes: the same outcomes as one process, in input order."""
from __future__ import annotations

import io
import json
import os
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleantext import DocumentTimeout, InputTooLarge, Limits, NotTextError, Pipeline, cli
from cleantext import default_pipeline, explain_html
from cleantext.html import HtmlTimeout
from cleantext.parallel import SKIP, Outcome, ParallelHtml, ParallelPipeline, Pool, resolve_jobs
from cleantext.testing import noisy_articles
from cleantext.worker import WorkerDied

from html_pages import PARAGRAPHS, article, kept, page
from worker_filters import Misbehave

#: Stalls, dies or raises on a trigger line (see worker_filters); sleeps 0.3 s on STALL.
CHAIN = Pipeline(["whitespace", "advertisement", Misbehave(stall=0.3)])


def _fixture_texts(fixtures_dir):
    return [p.read_text(encoding="utf-8") for p in sorted(fixtures_dir.glob("*/*.txt"))]


def _sequential(explain, items):
    out = []
    for item in items:
        try:
            out.append(("ok", explain(item)))
        except Exception as exc:
            out.append(("error", type(exc), str(exc)))
    return out


def _parallel(outcomes):
    return [("ok", o.result) if o.ok else ("error", type(o.error), str(o.error)) for o in outcomes]


# ------------------------------------------------------------ library

def test_fixture_texts_give_the_results_of_one_process(fixtures_dir):
    texts = _fixture_texts(fixtures_dir)
    assert len(texts) >= 5
    with ParallelPipeline(jobs=2) as pool:
        outcomes = list(pool.map(texts))
        assert len(pool.pids) == 2
    assert [o.index for o in outcomes] == list(range(len(texts)))
    assert [o.unwrap() for o in outcomes] == [default_pipeline().explain(t) for t in texts]
    assert pool.pids == []


def test_failures_are_reported_in_place_and_the_rest_comes_out():
    pipe = CHAIN.with_limits(max_input_size=200)
    items = ["Advertisement\nThe first paragraph.\n", "FAIL here\n", "x" * 201, b"bytes\n",
             "EXIT now\n", "The last paragraph.\n", "Advertisement\nOne more.\n"]
    with ParallelPipeline(pipe, jobs=2) as pool:
        outcomes = list(pool.map(items))
    got = _parallel(outcomes)
    assert [g[0] for g in got] == ["ok", "error", "error", "error", "error", "ok", "ok"]
    assert got[1][1] is LookupError and got[2][1] is InputTooLarge and got[3][1] is TypeError
    assert got[4][1] is WorkerDied and "exit code 7" in got[4][2]
    # everything but the crash, which one process would not survive, is as in one process
    seq = _sequential(pipe.explain, items[:4] + items[5:])
    assert got[:4] + got[5:] == seq
    with pytest.raises(LookupError):
        outcomes[1].unwrap()


def test_order_is_kept_when_documents_take_very_different_times():
    # A slow document at the head holds back the outcomes, not the work: the
    # quick ones behind it run meanwhile on the other worker.
    items = [f"STALL {i}\n" if i % 5 == 0 else f"Quick paragraph {i}.\n" for i in range(20)]
    start = time.monotonic()
    with ParallelPipeline(CHAIN, jobs=2, window=6) as pool:
        outcomes = list(pool.map(items))
    assert [o.index for o in outcomes] == list(range(20))
    assert [o.unwrap().text for o in outcomes] == [t for t in items]
    assert time.monotonic() - start < 4 * 0.3 + 5


def test_a_hard_timeout_stops_one_document_and_the_rest_comes_out():
    stalled = Pipeline(["whitespace", Misbehave(stall=600)])
    items = ["one\n", "STALL forever\n", "three\n", "four\n"]
    start = time.monotonic()
    with ParallelPipeline(stalled, jobs=2, timeout=0.3) as pool:
        got = _parallel(pool.map(items))
    assert time.monotonic() - start < 0.3 + 1 + 5
    assert got[1][1] is DocumentTimeout and "worker process stopped" in got[1][2]
    assert [g[1].text for i, g in enumerate(got) if i != 1] == ["one\n", "three\n", "four\n"]


def test_html_pages_give_the_results_of_one_process():
    pages = [page().encode(), (page(article(PARAGRAPHS[1:])), "https://example.org/a"),
             b"\x89PNG\r\n\x1a\n" + bytes(300), page(lang="de")]
    with ParallelHtml(jobs=2) as pool:
        got = _parallel(pool.map(pages))
    seq = _sequential(lambda p: explain_html(p[0], url=p[1]) if isinstance(p, tuple) else explain_html(p),
                      pages)
    assert got == seq
    assert got[2][1] is NotTextError and kept(got[0][1].text)


def test_html_timeout_is_an_html_timeout():
    slow = Pipeline(["whitespace", Misbehave(stall=600)])
    stalled = page(article(PARAGRAPHS[:1] + ("STALL: the meeting ran on and on.",)))
    with ParallelHtml(jobs=2, pipeline=slow, timeout=1) as pool:
        got = list(pool.map([stalled, page()]))
    assert isinstance(got[0].error, HtmlTimeout) and kept(got[1].unwrap().text)


def test_memory_is_bounded_by_the_window():
    pulled = []

    def texts():
        for i in range(40):
            pulled.append(i)
            yield f"Paragraph {i}.\n"

    with ParallelPipeline(Pipeline(["whitespace"]), jobs=2, window=5) as pool:
        for outcome in pool.map(texts()):
            assert len(pulled) <= outcome.index + 1 + 5
    assert len(pulled) == 40


def test_a_map_left_early_does_not_disturb_the_next_one():
    with ParallelPipeline(CHAIN, jobs=2) as pool:
        first = pool.map(["one\n", "STALL two\n", "STALL three\n", "four\n"])
        assert next(first).unwrap().text == "one\n"
        busy = pool.pids
        first.close()  # answers still on the way must not reach the next map
        for pid in busy:  # the busy workers were stopped, not left running
            with pytest.raises(ProcessLookupError):
                os.kill(pid, 0)
        assert [o.unwrap().text for o in pool.map(["a\n", "b\n", "c\n"])] == ["a\n", "b\n", "c\n"]


def test_one_map_at_a_time_and_skipped_entries_keep_their_place():
    with Pool(Pipeline(["whitespace"]).explain, jobs=2) as pool:
        running = pool.map(["a\n", "b\n"])
        next(running)
        with pytest.raises(RuntimeError, match="already running"):
            next(pool.map(["c\n"]))
        running.close()
        got = list(pool.map_tagged([("x", "a\n"), ("y", SKIP), ("z", "c\n")]))
    assert [t for t, _ in got] == ["x", "y", "z"] and got[1][1] is None
    assert [o.unwrap().text for _, o in (got[0], got[2])] == ["a\n", "c\n"]


@pytest.mark.parametrize("bad", [-1, 1.5, True, "2"])
def test_bad_jobs_and_windows_are_refused(bad):
    with pytest.raises(ValueError, match="jobs"):
        resolve_jobs(bad)
    with pytest.raises(ValueError, match="window"):
        Pool(Pipeline(["whitespace"]).explain, jobs=1, window=0 if bad == -1 else bad)


def test_jobs_zero_is_one_per_cpu():
    assert resolve_jobs(0) >= 1 and resolve_jobs(3) == 3
    assert Outcome(0, error=ValueError("x")).ok is False


# ------------------------------------------------------------ property

@pytest.fixture(scope="module")
def shared_pool():
    """One pool for every example: processes are slow to start."""
    with ParallelPipeline(jobs=2) as pool:
        yield pool


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(st.lists(noisy_articles().map(lambda a: a.text), min_size=1, max_size=6))
def test_parallel_equals_sequential_for_generated_batches(shared_pool, docs):
    assert [o.unwrap() for o in shared_pool.map(docs)] == [default_pipeline().explain(d) for d in docs]


# ------------------------------------------------------------ the command

@pytest.fixture
def command(monkeypatch):
    """Run the command in this process: ``(argv, stdin) -> (exit code, stdout, stderr)``.

    The chain is :data:`CHAIN`-like (with the command line's limits), so that
    documents can fail, stall or crash on purpose.
    """
    real = cli.make_pipeline

    def chain(args):
        pipe = real(args)
        return Pipeline(["whitespace", "advertisement", Misbehave()], limits=pipe.limits)

    monkeypatch.setattr(cli, "make_pipeline", chain)

    def run(argv, stdin=b""):
        out, err = io.BytesIO(), io.BytesIO()
        stdin_stream = io.TextIOWrapper(io.BufferedReader(io.BytesIO(stdin)), encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", stdin_stream)
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding="utf-8", newline="\n"))
        monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(err, encoding="utf-8", newline="\n"))
        code = cli.main(argv)
        sys.stdout.flush()
        sys.stderr.flush()
        return code, out.getvalue(), err.getvalue()
    return run


def _jsonl(docs):
    return "".join(json.dumps({"id": i, "text": d}) + "\n" for i, d in enumerate(docs)).encode()


JSONL = (
    json.dumps({"id": 1, "text": "Advertisement\nThe first paragraph.\n"}) + "\n"
    + "not json at all\n"
    + json.dumps({"id": 3, "text": "FAIL on this one\n"}) + "\n"
    + "\n"
    + json.dumps({"id": 5, "text": 42}) + "\n"
    + json.dumps({"id": 6, "body": "no text field"}) + "\n"
    + json.dumps({"id": 7, "text": "x" * 3000}) + "\n"
    + json.dumps({"id": 8, "text": "Advertisement\nThe last paragraph.\n\nSign up now\n"}) + "\n"
).encode()


@pytest.mark.parametrize("extra", [[], ["--removals-field", "removed", "--explain"],
                                   ["--explain=json", "--max-input-size", "1k"]])
def test_command_jsonl_with_broken_records_is_byte_identical(command, tmp_path, extra):
    runs = {}
    for jobs in ("1", "2"):
        rejects = tmp_path / f"rejects{jobs}.jsonl"
        code, out, err = command(["--jsonl", "--rejects", str(rejects), "--jobs", jobs, *extra],
                                 JSONL)
        runs[jobs] = (code, out, err, rejects.read_bytes())
    assert runs["1"] == runs["2"]
    code, out, err, rejects = runs["2"]
    assert code == 1 and b"<stdin>:3: LookupError: failed on purpose" in err
    assert [json.loads(line)["id"] for line in out.splitlines()] == (
        [1, 8] if "1k" in extra else [1, 7, 8])
    assert rejects.count(b"\n") == (5 if "1k" in extra else 4)


def test_command_files_text_and_html_are_byte_identical(command, tmp_path, fixtures_dir):
    html = tmp_path / "page.html"
    html.write_text(page(), encoding="utf-8")
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    files = [str(p) for p in sorted(fixtures_dir.glob("*/*.txt"))[:6]]
    argv = [files[0], str(html), str(tmp_path / "missing.txt"), str(png), *files[1:], str(html)]
    one, two = command(["--explain", "--jobs", "1", *argv]), command(["--explain", "-j", "3", *argv])
    assert one == two
    assert one[0] == 1 and b"missing.txt" in one[2] and b"not text" in one[2]
    pages = _jsonl([page(), page(article(PARAGRAPHS[2:])), 42, "FAIL: the report stops here."])
    assert command(["--jsonl", "--html"], pages) == command(["--jsonl", "--html", "-j", "2"], pages)


def test_command_fail_fast_stops_at_the_same_record(command, tmp_path):
    out_file = tmp_path / "out.jsonl"
    out_file.write_text("old\n", encoding="utf-8")
    runs = [command(["--jsonl", "--fail-fast", "-o", str(out_file), "-j", j], JSONL)
            for j in ("1", "2")]
    assert runs[0] == runs[1] and runs[0][0] == 1 and b"<stdin>:2" in runs[0][2]
    assert out_file.read_text(encoding="utf-8") == "old\n"


def test_command_reports_a_crash_and_a_timeout_and_goes_on(command):
    data = _jsonl(["The first paragraph.\n", "EXIT\n", "STALL: it never ends.\n",
                   "The last paragraph.\n"])
    code, out, err = command(["--jsonl", "--jobs", "2", "--timeout", "0.5"], data)
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == [0, 3]
    assert b"<stdin>:2: WorkerDied: worker process died while cleaning the document " \
           b"(exit code 7)" in err
    assert b"<stdin>:3: DocumentTimeout: document took longer than 0.5 s" in err


def test_command_jobs_zero_is_one_worker_per_cpu(command):
    data = _jsonl(["Advertisement\nThe first paragraph.\n", "The second paragraph.\n"])
    assert command(["--jsonl", "--jobs", "0"], data) == command(["--jsonl"], data)
    assert cli.build_parser().parse_args(["--jobs", "0"]).jobs == resolve_jobs(0)


def test_command_html_timeout_with_jobs_is_reported_as_with_one_worker(command):
    stalled = page(article(PARAGRAPHS[:1] + ("STALL: the meeting ran on and on.",)))
    data = _jsonl([page(), stalled, page(article(PARAGRAPHS[1:]))])
    code, out, err = command(["--jsonl", "--html", "--jobs", "2", "--timeout", "1"], data)
    assert code == 1 and [json.loads(line)["id"] for line in out.splitlines()] == [0, 2]
    assert b"<stdin>:2: HtmlTimeout: document took longer than 1 s (worker process stopped)" in err


@pytest.mark.parametrize("bad", ["-1", "two", "1.5"])
def test_command_refuses_bad_jobs(command, bad):
    with pytest.raises(SystemExit) as info:
        command(["--jobs", bad])
    assert info.value.code == 2


@pytest.mark.skipif("spawn" not in __import__("multiprocessing").get_all_start_methods(),
                    reason="no spawn start method")
def test_spawned_workers_give_the_same_results():
    # What macOS and Windows get: the command's work and its chains must pickle.
    from cleantext.cli_jobs import CommandWork
    from cleantext.html import extracted_pipeline
    work = CommandWork(default_pipeline(), extracted_pipeline())
    items = [("bytes", "Advertisement\nThe council met.\n".encode("utf-16")),
             ("text", "Sign up now\n\nHi.\n"),
             ("html", page().encode()), ("bytes", b"\x89PNG\r\n\x1a\n" + bytes(64))]
    with Pool(work, jobs=2, start_method="spawn") as pool:
        assert pool.start_method == "spawn"
        got = _parallel(pool.map(items))
    assert got == _sequential(work, items)
    assert got[3][1] is NotTextError and kept(got[2][1].text)
