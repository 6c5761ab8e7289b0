"""The cleantext command, run as a real process."""
import json
import subprocess
import sys

import pytest


def run(args, stdin=b""):
    return subprocess.run([sys.executable, "-m", "cleantext", *args], input=stdin,
                          capture_output=True, timeout=120)


def test_text_file_to_stdout(fixtures_dir):
    p = run([str(fixtures_dir / "articles" / "council-budget.txt")])
    assert p.returncode == 0
    out = p.stdout.decode()
    assert "Town council approves" in out and "Advertisement" not in out


def test_empty_input_gives_empty_output_and_exit_0():
    p = run([], b"")
    assert p.returncode == 0 and p.stdout == b""


def test_binary_input_is_a_clear_error():
    p = run([], b"\x89PNG\r\n\x1a\n" + bytes(64))
    assert p.returncode == 1
    assert b"not text" in p.stderr and b"PNG" in p.stderr


def test_missing_file_reported_and_others_processed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Advertisement\nKept line.\n", encoding="utf-8")
    p = run([str(tmp_path / "missing.txt"), str(good)])
    assert p.returncode == 1
    assert p.stdout.decode() == "Kept line.\n"
    assert b"missing.txt" in p.stderr


def test_jsonl_round_trip_keeps_other_fields_and_order():
    recs = [{"id": i, "meta": {"k": [i, "é"]}, "text": f"Advertisement\nLine {i}.\n", "z": None}
            for i in range(50)]
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode()
    p = run(["--jsonl"], stdin)
    assert p.returncode == 0, p.stderr
    out = [json.loads(line) for line in p.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == list(range(50))
    for r, o in zip(recs, out):
        assert list(o) == list(r)
        assert o["meta"] == r["meta"] and o["z"] is None
        assert o["text"] == f"Line {r['id']}.\n"


def test_jsonl_malformed_line_reported_rest_processed(tmp_path):
    lines = ['{"text": "a"}', '{"text": broken', '{"text": 5}', '{"other": "x"}', '[1]', '{"text": "b"}']
    rejects = tmp_path / "rejects.jsonl"
    p = run(["--jsonl", "--rejects", str(rejects)], ("\n".join(lines) + "\n").encode())
    assert p.returncode == 1
    assert [json.loads(l)["text"] for l in p.stdout.decode().splitlines()] == ["a\n", "b\n"]
    err = p.stderr.decode()
    assert "<stdin>:2: invalid JSON" in err
    assert "<stdin>:3: field 'text' is int" in err
    assert "<stdin>:4: no field 'text'" in err
    assert "<stdin>:5: expected a JSON object" in err
    assert rejects.read_text(encoding="utf-8").splitlines() == lines[1:5]


def test_jsonl_fail_fast_stops():
    p = run(["--jsonl", "--fail-fast"], b'{"text": "a"}\nbad\n{"text": "b"}\n')
    assert p.returncode == 1
    assert p.stdout.decode().splitlines() == ['{"text": "a\\n"}']


def test_jsonl_custom_field_and_removals_field():
    p = run(["--jsonl", "--field", "body", "--removals-field", "removed"],
            b'{"body": "Anzeige\\nText."}\n')
    o = json.loads(p.stdout)
    assert o["body"] == "Text.\n"
    assert o["removed"][0]["kind"] == "advertisement" and o["removed"][0]["text"] == "Anzeige"


def test_explain_to_stderr_for_people_and_programs():
    p = run(["--explain"], b"Advertisement\nText.\n")
    assert p.stdout == b"Text.\n" and b"advertisement" in p.stderr and b"ad-label" in p.stderr
    p = run(["--explain=json"], b"Advertisement\nText.\n")
    rec = json.loads(p.stderr.decode().splitlines()[0])
    assert rec["filter"] == "advertisement" and rec["text"] == "Advertisement"


def test_only_and_skip():
    assert run(["--skip", "advertisement"], b"Advertisement\nText.\n").stdout == b"Advertisement\nText.\n"
    assert run(["--only", "whitespace"], b"Advertisement  \nText.\n").stdout == b"Advertisement\nText.\n"
    p = run(["--skip", "nope"], b"x")
    assert p.returncode == 2 and b"nope" in p.stderr


def test_list_filters_and_version():
    p = run(["--list-filters"])
    assert p.returncode == 0 and b"advertisement" in p.stdout and b"whitespace" in p.stdout
    p = run(["--version"])
    assert p.returncode == 0 and p.stdout.startswith(b"cleantext ")


def test_usage_error_exit_2():
    assert run(["--no-such-flag"]).returncode == 2
    assert run(["--rejects", "x"]).returncode == 2


def test_output_file_written_atomically(tmp_path):
    out = tmp_path / "out.txt"
    out.write_text("old", encoding="utf-8")
    p = run(["-o", str(out)], b"Advertisement\nNew.\n")
    assert p.returncode == 0 and out.read_text(encoding="utf-8") == "New.\n"
    assert [x.name for x in tmp_path.iterdir()] == ["out.txt"]


def test_config_file(tmp_path):
    phrases = tmp_path / "mine.toml"
    phrases.write_text('[advertisement]\nlabels = ["House ad"]\n', encoding="utf-8")
    cfg = tmp_path / "cleantext.toml"
    cfg.write_text('[options.advertisement]\nlanguages = ["en"]\nextra_files = ["mine.toml"]\n',
                   encoding="utf-8")
    p = run(["--config", str(cfg)], "House ad\nAnzeige\nText.\n".encode())
    assert p.returncode == 0, p.stderr
    assert p.stdout == b"Anzeige\nText.\n"


def test_bad_config_is_usage_error(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('colour = "red"\n', encoding="utf-8")
    p = run(["--config", str(cfg)], b"x")
    assert p.returncode == 2 and b"unknown config key" in p.stderr
