"""The command in batch use: no record lost, failures reported, outputs never half written."""
import bz2
import gzip
import json
import os
import resource
import signal
import subprocess
import sys
import textwrap
import time
import tracemalloc

import pytest

from cleantext import Pipeline
from cleantext.stream import clean_jsonl, iter_lines

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def run(args, stdin=b"", **kw):
    return subprocess.run([sys.executable, "-m", "cleantext", *args], input=stdin,
                          capture_output=True, timeout=120, env=ENV, **kw)


def records(n, broken=()):
    lines = []
    for i in range(1, n + 1):
        if i in broken:
            lines.append(broken[i])
        else:
            lines.append(json.dumps({"id": i, "text": f"Advertisement\nParagraph number {i}.\n"}))
    return ("\n".join(lines) + "\n").encode()


def ids(stdout):
    return [json.loads(line)["id"] for line in stdout.decode().splitlines()]


def test_broken_record_in_the_middle(tmp_path):
    """Every good record out, in order; the broken one reported with its line number; exit 1."""
    data = tmp_path / "in.jsonl"
    data.write_bytes(records(9, broken={5: '{"id": 5, "text": "unterminated'}))
    rejects = tmp_path / "rejects.jsonl"
    p = run([str(data), "--jsonl", "--rejects", str(rejects)])
    assert p.returncode == 1
    assert ids(p.stdout) == [1, 2, 3, 4, 6, 7, 8, 9]
    assert all(json.loads(x)["text"] == f"Paragraph number {json.loads(x)['id']}.\n"
               for x in p.stdout.decode().splitlines())
    err = p.stderr.decode()
    assert f"{data}:5: invalid JSON" in err
    assert rejects.read_bytes() == b'{"id": 5, "text": "unterminated\n'


def test_every_kind_of_bad_record_is_reported_and_rejected_verbatim(tmp_path):
    bad = {
        2: '{"id": 2, "text": 7}',                      # wrong field type
        3: '{"id": 3}',                                 # missing field
        4: '["id", 4]',                                 # not an object
        5: "{\"id\": 5, \"text\": \"caf\xe9\"}",        # not UTF-8 (latin-1 byte)
        6: "[" * 3000 + "]" * 3000,                   # nesting deeper than any parser allows
        7: '{"id": 7, "text": "' + "x" * 9000 + '"}',   # over --max-input-size
    }
    raw = b""
    for i in range(1, 10):
        line = bad.get(i, json.dumps({"id": i, "text": f"Text {i}."}))
        raw += (line.encode("latin-1") if i == 5 else line.encode()) + b"\n"
    rejects = tmp_path / "rejects.jsonl"
    p = run(["--jsonl", "--rejects", str(rejects), "--max-input-size", "8k"], raw)
    assert p.returncode == 1
    assert ids(p.stdout) == [1, 8, 9]
    err = p.stderr.decode()
    for n, why in [(2, "field 'text' is int"), (3, "no field 'text'"), (4, "expected a JSON object"),
                   (5, "not valid UTF-8"), (6, "maximum recursion depth"), (7, "over the limit of 8,192")]:
        assert f"<stdin>:{n}: " in err and why in err, (n, why)
    got = rejects.read_bytes().split(b"\n")
    assert got[:5] == [raw.split(b"\n")[i] for i in range(1, 6)]
    assert got[5].startswith(b'{"id": 7') and len(got[5]) == 8192  # oversized: its head
    assert "6 input(s) or record(s) failed" in err


def test_lone_surrogate_escapes_give_valid_output():
    p = run(["--jsonl"], b'{"id": 1, "text": "Half \\ud800 pair", "other": "\\udfff"}\n')
    assert p.returncode == 0, p.stderr
    out = p.stdout.decode("utf-8")  # strict: valid UTF-8
    rec = json.loads(out)
    assert rec["text"].startswith("Half ") and rec["text"].endswith(" pair\n")
    assert rec["other"] == "\udfff"  # other fields untouched (written as a \\u escape)


def test_fail_fast_stops_and_leaves_output_file_unchanged(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    p = run(["--jsonl", "--fail-fast", "-o", str(out)], records(5, broken={3: "nope"}))
    assert p.returncode == 1
    assert b"<stdin>:3: invalid JSON" in p.stderr and b"left unchanged" in p.stderr
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["out.jsonl"]


def test_output_file_gets_every_good_record_and_normal_permissions(tmp_path):
    out = tmp_path / "new.jsonl"
    p = run(["--jsonl", "-o", str(out)], records(5, broken={2: "nope"}))
    assert p.returncode == 1
    assert ids(out.read_bytes()) == [1, 3, 4, 5]
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    assert sorted(x.name for x in tmp_path.iterdir()) == ["new.jsonl"]


@pytest.mark.parametrize("sig,code", [(signal.SIGINT, 130), (signal.SIGTERM, 128 + signal.SIGTERM)])
def test_interrupt_leaves_output_and_rejects_unchanged(tmp_path, sig, code):
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    out.write_text("old output\n", encoding="utf-8")
    rej.write_text("old rejects\n", encoding="utf-8")
    # A shell starts background jobs with SIGINT ignored, and the command would inherit
    # that (Python keeps an ignored SIGINT): give it the default disposition, as in a terminal.
    proc = subprocess.Popen([sys.executable, "-m", "cleantext", "--jsonl", "-o", str(out),
                             "--rejects", str(rej)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    proc.stdin.write(records(50, broken={7: "bad"}))
    proc.stdin.flush()  # stdin stays open: the command waits for more records
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len([x for x in tmp_path.iterdir()]) < 4:
        time.sleep(0.05)  # wait until both temporary files exist
    time.sleep(0.5)
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err.decode("utf-8", "replace")
    assert out.read_text(encoding="utf-8") == "old output\n"
    assert rej.read_text(encoding="utf-8") == "old rejects\n"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["out.jsonl", "rej.jsonl"]


@pytest.mark.parametrize("compress", [gzip.compress, bz2.compress, "zstd"])
def test_compressed_input_by_magic_bytes(tmp_path, compress):
    data = records(20, broken={10: "nope"})
    if compress == "zstd":
        import zstandard  # in the test extra

        blob = zstandard.ZstdCompressor().compress(data)
    else:
        blob = compress(data)
    path = tmp_path / "in.bin"  # no telling extension
    path.write_bytes(blob)
    p = run(["--jsonl", str(path)])
    assert p.returncode == 1
    assert ids(p.stdout) == [i for i in range(1, 21) if i != 10]
    assert f"{path}:10: invalid JSON".encode() in p.stderr
    p = run(["--jsonl"], blob)  # stdin too
    assert ids(p.stdout) == [i for i in range(1, 21) if i != 10]


def test_compressed_text_file():
    p = run([], gzip.compress("Advertisement\nThe ferry runs hourly.\n".encode()))
    assert p.returncode == 0 and p.stdout == b"The ferry runs hourly.\n"


def test_truncated_compressed_stream_reported_after_the_good_records(tmp_path):
    blob = gzip.compress(records(200))
    p = run(["--jsonl"], blob[: len(blob) // 2])
    assert p.returncode == 1
    got = ids(p.stdout)
    assert got == list(range(1, len(got) + 1)) and 0 < len(got) < 200
    assert b"cannot read past line" in p.stderr


def _bomb(tmp_path, gigabytes):
    """A gzip bomb: one member of 1 MiB of zeros, repeated (a valid multi-member gzip file)."""
    member = gzip.compress(bytes(1 << 20), compresslevel=9)
    path = tmp_path / "bomb.gz"
    path.write_bytes(member * int(gigabytes * 1024))
    return path


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.parametrize("mode", [[], ["--jsonl"]])
def test_gzip_bomb_is_a_clear_error_in_bounded_memory(tmp_path, mode):
    path = _bomb(tmp_path, 1.5)  # 1.5 GiB unpacked, 1.5 MB packed; the child may use 1 GiB
    t = time.monotonic()
    p = run([*mode, str(path)], preexec_fn=_limit_memory)
    assert time.monotonic() - t < 60
    assert p.returncode == 1
    assert b"MemoryError" not in p.stderr and b"Traceback" not in p.stderr
    assert b"over the limit of 67,108,864" in p.stderr
    assert p.stdout == b""


def test_timeout_rejects_a_stuck_record_and_goes_on(tmp_path):
    script = tmp_path / "stall.py"
    script.write_text(textwrap.dedent('''
        import sys, time
        from dataclasses import dataclass
        from cleantext import BlockFilter, register
        from cleantext.cli import main

        @register
        @dataclass(frozen=True)
        class Stall(BlockFilter):
            """Stall in C code on a line saying STALL."""
            name = "stall"
            def detect(self, doc):
                if any(b.text == "STALL" for b in doc.kept()):
                    time.sleep(600)
                return ()

        sys.exit(main(sys.argv[1:]))
    '''), encoding="utf-8")
    cfg = tmp_path / "c.toml"
    cfg.write_text('filters = ["whitespace", "stall"]\n', encoding="utf-8")
    data = records(6, broken={3: json.dumps({"id": 3, "text": "STALL"})})
    rejects = tmp_path / "rej.jsonl"
    t = time.monotonic()
    p = subprocess.run([sys.executable, str(script), "--jsonl", "--config", str(cfg), "--timeout", "1",
                        "--rejects", str(rejects)], input=data, capture_output=True, timeout=120)
    assert time.monotonic() - t < 30
    assert p.returncode == 1
    assert ids(p.stdout) == [1, 2, 4, 5, 6]
    assert b"<stdin>:3: DocumentTimeout" in p.stderr
    assert json.loads(rejects.read_text(encoding="utf-8"))["id"] == 3


def test_timeout_in_text_mode_and_usage_errors(tmp_path):
    p = run(["--timeout", "30"], b"Advertisement\nKept.\n")
    assert p.returncode == 0 and p.stdout == b"Kept.\n"
    for bad in (["--timeout", "0"], ["--timeout", "soon"], ["--max-input-size", "lots"]):
        assert run(bad).returncode == 2


def test_explain_reports_unexamined_long_lines():
    text = "Short line.\n" + "word " * 100 + "\n"
    p = run(["--explain", "--max-line-chars", "200"], text.encode())
    assert p.returncode == 0
    assert b"longer than 200 characters: kept, not examined" in p.stderr
    assert p.stdout.decode().splitlines()[1] == ("word " * 100).strip()


def test_text_mode_wide_and_binary_inputs(tmp_path):
    utf16 = tmp_path / "a.txt"
    utf16.write_bytes("Advertisement\nŁódź council met.\n".encode("utf-16-le"))
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    p = run([str(pdf), str(utf16)])
    assert p.returncode == 1
    assert p.stdout.decode() == "Łódź council met.\n"
    assert b"not text: looks like a PDF" in p.stderr


def test_memory_does_not_grow_with_the_number_of_records():
    pipe = Pipeline(["whitespace", "advertisement"])

    def peak(n):
        lines = (json.dumps({"id": i, "text": f"Advertisement\nLine {i} of the stream.\n"}).encode() + b"\n"
                 for i in range(n))
        tracemalloc.start()
        for rec in clean_jsonl(iter_lines(_Reader(lines), 1 << 20), pipe.explain):
            assert rec.error is None
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    small, large = peak(500), peak(10_000)
    assert large < small * 1.5 + 100_000, (small, large)


class _Reader:
    """A minimal binary file over a generator of lines (readline with a size hint)."""

    def __init__(self, lines):
        self._lines = lines

    def readline(self, size=-1):
        return next(self._lines, b"")


def test_unwritable_output_is_a_clear_error(tmp_path):
    p = run(["-o", str(tmp_path / "no-such-dir" / "out.txt")], b"Text.\n")
    assert p.returncode == 1
    assert b"cannot write output" in p.stderr and b"Traceback" not in p.stderr


def test_closed_downstream_pipe_stops_quietly(tmp_path):
    data = tmp_path / "in.jsonl"
    data.write_bytes(records(20_000))
    p = subprocess.run(f'"{sys.executable}" -m cleantext --jsonl "{data}" | head -n 1',
                       shell=True, capture_output=True, timeout=120, env=ENV)
    assert ids(p.stdout) == [1]
    assert b"Traceback" not in p.stderr and b"cannot read" not in p.stderr


def test_bom_and_raw_control_characters_in_strings_are_accepted():
    data = b'\xef\xbb\xbf{"id": 1, "text": "Tab\there."}\r\n{"id": 2, "text": "Ok."}\r\n'
    p = run(["--jsonl"], data)
    assert p.returncode == 0, p.stderr
    out = p.stdout.decode().splitlines()
    assert [json.loads(x)["id"] for x in out] == [1, 2]
    assert json.loads(out[0])["text"] == "Tab here.\n"
