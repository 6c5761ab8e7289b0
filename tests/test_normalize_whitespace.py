"""Line breaks and whitespace: every kind, paragraph style, ends, idempotence."""
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleantext
from cleantext import Pipeline
from cleantext.filters.whitespace import LINE_BREAKS, SPACES, Whitespace, normalize_whitespace

ws = Whitespace().normalize

_OTHER_BREAKS = str.maketrans({c: "\n" for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


def reference(text: str) -> str:
    """The definition, line by line: the fast implementation must agree."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_OTHER_BREAKS)
    lines: list[str] = []
    blank = False
    for line in text.split("\n"):
        line = " ".join(line.split())
        if not line:
            blank = True
            continue
        if blank and lines:
            lines.append("")
        lines.append(line)
        blank = False
    return "\n".join(lines) + "\n" if lines else ""


@pytest.mark.parametrize("brk", ["\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"])
def test_each_line_break_becomes_newline(brk):
    assert ws(f"one{brk}two{brk}{brk}three") == "one\ntwo\n\nthree\n"


def test_crlf_is_one_break_not_two():
    assert ws("a\r\nb\r\n\r\nc\r\n") == "a\nb\n\nc\n"


@pytest.mark.parametrize("space", list(SPACES))
def test_each_kind_of_space_becomes_a_space(space):
    assert ws(f"a{space}b{space}{space} c") == "a b c\n"


def test_space_table_is_pythons_isspace_minus_line_breaks():
    breaks = {b for b in LINE_BREAKS if len(b) == 1} | {"\n"}
    everything = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert set(SPACES) == everything - breaks - {" "}


def test_runs_collapse_and_lines_are_trimmed():
    assert ws("  lead,   inner \t run,  trail  \n\tnext\t\n") == "lead, inner run, trail\nnext\n"


def test_at_most_one_blank_line_and_none_at_the_edges():
    assert ws("\n\n  \nfirst\n\n\n \n\t\nsecond\n\n\n") == "first\n\nsecond\n"


def test_paragraph_style_is_kept():
    blank_separated = "Para one, line one.\n\nPara two.\n\nPara three.\n"
    one_per_line = "Para one.\nPara two.\nPara three.\n"
    assert ws(blank_separated) == blank_separated
    assert ws(one_per_line) == one_per_line
    assert ws("A\n\n\n\nB\nC\n") == "A\n\nB\nC\n"


@pytest.mark.parametrize("text", ["", " ", "\n", "\n\n \t\u3000\r\n", "\u2028\u2029"])
def test_blank_input_gives_empty_output(text):
    assert ws(text) == ""
    assert cleantext.clean(text) == ""


@pytest.mark.parametrize("text", ["x", "x\n", "x\n\n\n", "x  ", "x \r\n ", "\n\nx"])
def test_output_ends_with_exactly_one_newline(text):
    assert ws(text) == "x\n"
    assert cleantext.clean(text) == "x\n"


def test_unchanged_text_is_returned_as_is():
    text = "Already clean.\n\nNothing to do.\n"
    assert ws(text) is text


_WS_ALPHABET = st.sampled_from(list("ab .\n\r") + list(SPACES) + list("\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"))


@settings(max_examples=1500, deadline=None)
@given(st.text(_WS_ALPHABET, max_size=40))
def test_fast_implementation_equals_the_line_by_line_definition(text):
    assert normalize_whitespace(text) == reference(text)


@settings(max_examples=500, deadline=None)
@given(st.text(_WS_ALPHABET, max_size=40) | st.text(max_size=40))
def test_whitespace_is_idempotent(text):
    once = ws(text)
    assert ws(once) == once
    assert once == "" or (once.endswith("\n") and not once.endswith("\n\n"))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_default_output_ends_with_one_newline_or_is_empty(text):
    out = cleantext.clean(text)
    assert out == "" or (out.endswith("\n") and not out.endswith("\n\n") and out.strip() != "")


def test_whitespace_alone_in_a_pipeline():
    assert Pipeline(["whitespace"]).clean("a\u00a0\u00a0b\r\n\r\n\r\nc") == "a b\n\nc\n"


def test_chunked_search_finds_needles_across_chunk_edges():
    from cleantext.filters._occur import CHUNK, occurring
    base = ["x"] * (6 * CHUNK)
    for i, needle in ((CHUNK - 1, "\r\n"), (3 * CHUNK - 1, "  "), (5 * CHUNK + 7, "\u3000")):
        base[i:i + len(needle)] = list(needle)
    text = "".join(base)
    needles = ["\r\n", "\r", "  ", "\u3000", "\t", "\u2028"]
    assert occurring(text, needles) == [n for n in needles if n in text] == ["\r\n", "\r", "  ", "\u3000"]
    big = "word \r\n" * (CHUNK // 2) + "a\u00a0\u00a0b\n"
    assert ws(big) == reference(big)
