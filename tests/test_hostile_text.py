"""Hostile text through the public API (clean / explain).

Each input: no crash, bounded time, output valid UTF-8 and idempotent, and the
article text around the damage kept.  Behaviour is checked through
``cleantext.clean``/``explain`` only, so the tests hold whatever normalizers
the default chain uses.
"""
import time

import pytest

import cleantext

LEAD = "The harbour authority opened the new ferry terminal on Thursday morning."
TAIL = "Ticket prices for the first month will stay at last year's level."

#: Invisible characters a normalizer may or may not remove inside words.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"
                                   "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def check(text, *, keep=(LEAD, TAIL), seconds=30.0, limits=None, result=None):
    """Clean ``text``; assert the hostile-input contract; return the output.

    ``result`` receives the :class:`~cleantext.Result` (a list to append to).
    """
    t = time.monotonic()
    r = cleantext.explain(text, limits=limits)
    out = r.text
    assert time.monotonic() - t < seconds, "took too long"
    if result is not None:
        result.append(r)
    out.encode("utf-8")  # valid UTF-8: raises on surrogates
    assert cleantext.clean(out, limits=limits) == out, "not idempotent"
    for k in keep:
        assert k in out, k
    return out


def test_invalid_utf8_bytes_decoded_then_cleaned():
    raw = (LEAD.encode() + b"\nBroken \xc3\x28 bytes \xff\xfe and \xed\xa0\x80 here.\n"
           + TAIL.encode() + b"\n")
    out = check(cleantext.decode_bytes(raw))
    assert "Broken" in out and "bytes" in out and "here." in out


def test_nul_and_ansi_escapes():
    text = f"{LEAD}\nA \x00NUL\x00 and \x1b[1;31mcoloured\x1b[0m words.\x07\n{TAIL}\n"
    out = check(text)
    assert "\x00" not in out and "\x1b" not in out
    assert "NUL" in out and "coloured" in out and "words." in out


@pytest.mark.parametrize("ch", ["\x01", "\x08", "\x7f", "\x80", "\x9b", "\x9f"])
def test_c0_and_c1_controls(ch):
    out = check(f"{LEAD}\nOne{ch}two three.\n{TAIL}\n")
    assert "One" in out and "two three." in out


def test_fifty_megabyte_single_line():
    blob = ("lorem ipsum dolor sit amet " * 1_900_000)[:50_000_000]
    text = f"{LEAD}\n\n{blob}\n\n{TAIL}\n"
    got = []
    out = check(text, seconds=60, result=got)
    assert blob.strip() in out
    (flagged,) = got[0].metadata["limits"]["unexamined_blocks"]
    assert flagged["end"] - flagged["start"] == len(blob.strip())


def test_300000_one_character_lines():
    text = LEAD + "\n" + "".join(f"{chr(97 + i % 26)}\n" for i in range(300_000)) + TAIL + "\n"
    out = check(text, seconds=60)
    assert out.count("\n") >= 300_000


@pytest.mark.parametrize("brk", ["\r\n", "\r", "\n", "\u2028", "\u2029", "\x0c"])
def test_mixed_line_breaks_each_kind(brk):
    out = check(f"{LEAD}{brk}Middle line.{brk}{TAIL}")
    assert out.splitlines() == [LEAD, "Middle line.", TAIL]


@pytest.mark.parametrize("brk", ["\x85", "\x0b"])
def test_ambiguous_line_breaks_keep_the_text(brk):
    # NEL is read as a cp1252 ellipsis by the encoding repair, and VT is a
    # control character it may drop: the text around them must survive either way.
    out = check(f"{LEAD}{brk}Middle line.{brk}{TAIL}")
    assert "Middle line." in out


def test_mixed_line_breaks_together():
    text = f"{LEAD}\r\nOne.\rTwo.\u2028Three.\u2029Four.\x0cFive.\n\n{TAIL}"
    out = check(text)
    assert out.splitlines() == [LEAD, "One.", "Two.", "Three.", "Four.", "Five.", "", TAIL]


def test_lone_surrogates():
    text = f"{LEAD}\nHigh \ud800 low \udfff pair \ud83d\ude00 end.\n{TAIL}\n\udbff"
    out = check(text)
    assert "High" in out and "low" in out and "end." in out


def test_surrogates_in_a_pipeline_without_encoding_repair():
    pipe = cleantext.default_pipeline().without("encoding")
    out = cleantext.clean(f"{LEAD} \ud800\n", pipeline=pipe)
    out.encode("utf-8")
    assert LEAD in out


def test_bidi_controls_and_zero_width_inside_words():
    text = (f"{LEAD}\nThe pass\u200bword, in\u00adter\u200dnational and "
            f"\u202eReversed\u202c and \u2066isolated\u2069 words stay.\n{TAIL}\n")
    out = check(text)
    plain = out.translate(INVISIBLE)
    assert "password, international and Reversed and isolated words stay." in plain


def test_two_layer_mojibake_repaired():
    good = "Die Straße führt zum Café am Rhein."
    once = good.encode("utf-8").decode("cp1252")
    twice = once.encode("utf-8").decode("cp1252")
    assert twice != once != good
    for bad in (once, twice):
        out = check(f"{LEAD}\n{bad}\n{TAIL}\n")
        assert good in out


@pytest.mark.parametrize("text", [
    "SÃO PAULO: A INFORMAÇÃO CHEGOU ÀS DEZ.",
    "The letters À Á Â Ã Ä Å are capitals.",
    "naïve façade, Ça va, Łódź, ½ cup, 10³ m, “quoted”, ‘single’ — dash…",
    "Ελληνικά, русский, 日本語, עברית, العربية",
])
def test_mojibake_look_alikes_left_alone(text):
    out = check(f"{LEAD}\n{text}\n{TAIL}\n")
    assert text in out


@pytest.mark.parametrize("emoji", [
    "\U0001F469\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466",  # family
    "\U0001F3F3\uFE0F\u200D\U0001F308",  # rainbow flag
    "\U0001F44D\U0001F3FD",  # thumbs up, skin tone
    "\U0001F1E9\U0001F1EA",  # flag of Germany
    "1\uFE0F\u20E3",  # keycap
    "\U0001F9D1\u200D\U0001F4BB",  # technologist
])
def test_emoji_zwj_sequences_kept_whole(emoji):
    out = check(f"{LEAD}\nThe crew cheered {emoji} at the opening.\n{TAIL}\n")
    assert f"cheered {emoji} at" in out


@pytest.mark.parametrize("text", ["", " ", "\n" * 1000, "\t\r\n\u00a0\u2028\u3000 \x0b\x0c"])
def test_empty_and_whitespace_only(text):
    assert check(text, keep=()) == ""


@pytest.mark.parametrize("bad", [42, ["text"], b"text", bytearray(b"t"), None, 3.5])
def test_non_str_is_a_clear_type_error(bad):
    for fn in (cleantext.clean, cleantext.explain):
        with pytest.raises(TypeError, match="expects str, got"):
            fn(bad)
    with pytest.raises(TypeError):
        cleantext.default_pipeline().explain(bad)


def test_very_long_word_without_spaces():
    word = "x" * 3_000_000
    out = check(f"{LEAD}\n{word}\n{TAIL}\n")
    assert word in out


def test_many_tiny_blank_separated_paragraphs():
    text = LEAD + "\n\n" + "Ok.\n\n" * 50_000 + TAIL + "\n"
    check(text, seconds=60)
