"""The command's ``--timeout``: one worker mechanism for text and HTML inputs, files and JSON Lines."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from html_pages import PARAGRAPHS, article, kept, page

TESTS = Path(__file__).resolve().parent
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
#: The command, with the test filter that stalls, dies or raises on a trigger line.
SCRIPT = textwrap.dedent(f"""
    import sys
    sys.path.insert(0, {str(TESTS)!r})
    from cleantext import register
    from cleantext.cli import main
    from worker_filters import Misbehave
    register(Misbehave)
    sys.exit(main(sys.argv[1:]))
""")


@pytest.fixture
def command(tmp_path):
    script = tmp_path / "command.py"
    script.write_text(SCRIPT, encoding="utf-8")
    cfg = tmp_path / "chain.toml"
    cfg.write_text('filters = ["whitespace", "advertisement", "misbehave"]\n', encoding="utf-8")

    def run(args, stdin=b""):
        return subprocess.run([sys.executable, str(script), "--config", str(cfg), *args],
                              input=stdin, capture_output=True, timeout=120, env=ENV)
    return run


def _page_with(line: str) -> str:
    return page(article(PARAGRAPHS[:2] + (line,) + PARAGRAPHS[2:]))


STALL = "STALL: the meeting ran on until the small hours of the morning."


def test_stalled_text_and_html_inputs_time_out_and_the_others_come_out(tmp_path, command):
    files = {"a.html": page(), "stall.html": _page_with(STALL),
             "b.txt": "Advertisement\nThe library keeps its opening hours.\n",
             "stall.txt": "Before the stall.\nSTALL\n", "c.html": page(article(PARAGRAPHS[1:]))}
    paths = {}
    for name, content in files.items():
        paths[name] = tmp_path / name
        paths[name].write_text(content, encoding="utf-8")
    good = [str(p) for name, p in paths.items() if not name.startswith("stall")]
    t = time.monotonic()
    p = command(["--timeout", "1", *map(str, paths.values())])
    assert time.monotonic() - t < 30
    assert p.returncode == 1
    in_process = command(good)
    assert in_process.returncode == 0 and kept(in_process.stdout.decode())
    assert p.stdout == in_process.stdout  # the same output as without workers, less the stalls
    err = p.stderr.decode()
    for name in ("stall.html", "stall.txt"):
        assert f"{paths[name]}: document took longer than 1 s (worker process stopped)" in err
    assert "2 input(s) or record(s) failed" in err


def test_jsonl_html_record_that_stalls_is_rejected_and_the_stream_goes_on(tmp_path, command):
    pages = {1: page(), 2: page(article(PARAGRAPHS[1:])), 3: _page_with(STALL), 4: page()}
    data = "".join(json.dumps({"id": i, "html": p}) + "\n" for i, p in pages.items()).encode()
    rejects = tmp_path / "rejects.jsonl"
    p = command(["--jsonl", "--html", "--field", "html", "--timeout", "1",
                 "--rejects", str(rejects)], data)
    assert p.returncode == 1
    assert [json.loads(line)["id"] for line in p.stdout.decode().splitlines()] == [1, 2, 4]
    assert b"<stdin>:3: HtmlTimeout: document took longer than 1 s" in p.stderr
    assert json.loads(rejects.read_text(encoding="utf-8"))["id"] == 3
    good = b"".join(line + b"\n" for line in data.splitlines() if json.loads(line)["id"] != 3)
    in_process = command(["--jsonl", "--html", "--field", "html"], good)
    assert in_process.returncode == 0 and p.stdout == in_process.stdout


@pytest.mark.parametrize("mode", ["text", "html"])
def test_a_worker_that_dies_is_reported_and_the_next_record_runs(command, mode):
    docs = ["The first paragraph of the day.\n", "EXIT\n", "The last paragraph of the day.\n"]
    if mode == "html":
        docs = [page(), _page_with("EXIT: the report stops here."), page(article(PARAGRAPHS[1:]))]
    data = "".join(json.dumps({"id": i, "text": d}) + "\n" for i, d in enumerate(docs, 1)).encode()
    args = ["--jsonl", "--timeout", "30"] + (["--html"] if mode == "html" else [])
    p = command(args, data)
    assert p.returncode == 1
    assert [json.loads(line)["id"] for line in p.stdout.decode().splitlines()] == [1, 3]
    assert b"<stdin>:2: WorkerDied: worker process died while cleaning the document " \
           b"(exit code 7)" in p.stderr
