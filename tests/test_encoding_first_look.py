"""The encoding normalizer's cheap first look changes nothing in its result.

``Encoding`` first reads the runs of unusual characters (``_chars.unusual_runs``):
when they hold no pre-pass character and no mojibake witness it passes ftfy
only the entities, and when they are NFC it skips the normalization check.
These tests hold it to the plain recipe: line breaks unified, the pre-pass on
non-ASCII text, then ``ftfy.fix_text`` on everything.
"""
import unicodedata

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.filters._chars import SEPARATOR, unusual_runs
from cleantext.filters.encoding import BREAKS_BEFORE_FTFY, KEEP_MEANING, Encoding, _prepass

from conftest import FIXTURES, SHARED

CORPUS = SHARED / "data" / "trafilatura-eval" / "fulltext"


def plain_recipe(text, config=KEEP_MEANING):
    if config.fix_line_breaks:
        for brk in BREAKS_BEFORE_FTFY:
            text = text.replace(brk, "\n")
    if not text.isascii():
        text = _prepass(text, config.remove_control_chars)
    return ftfy.fix_text(text, config)


E = Encoding()
E_NFD = Encoding(config={"normalization": "NFD"})

_PIECES = ["a", "e", "=", "<", " ", "  ", "\n", "\n ", " \n", "\t", "\r\n", "\x0c", "\u2028",
           "\u0301", "\u0316", "\u0338", "\u0315", "\u0345", "\u0327", "\u1100", "\u1161", "\u11a8",
           "\u212b", "\u2126", "Å", "é", "ü", "ω", "ﬁ", "³", "“", "€", "–", "\xa0", "\u3000",
           "&amp;", "&eacute;", "&nbsp;", "&#x301;", "Ã©", "Ã", "â€", "\x93", "\x07", "\ud800"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_first_look_gives_the_plain_recipe(text):
    assert E.normalize(text) == plain_recipe(text)
    assert E_NFD.normalize(text) == plain_recipe(text, E_NFD.config)
    assert unicodedata.is_normalized("NFC", text) or not unicodedata.is_normalized("NFC", unusual_runs(text))


@pytest.mark.parametrize("text", [
    "Caf\u00e9 e\u0301 \u20ac",          # an ASCII letter and a combining acute compose
    "a \u2260 b, a =\u0338 b \u20ac",     # "=" + long solidus overlay composes to "≠"
    "x a\u0316\u0301 \u20ac",            # composes past a mark of a lower class
    "x a\u0301\u0316 \u20ac",            # marks out of canonical order
    "\u1100\u1161 \u20ac",               # Hangul jamo compose
    "\u212b \u20ac",                     # a singleton: the Angstrom sign becomes "Å"
    "\u0301 at the start \u20ac",
    "\u0315\u0301 \u20ac",               # the separator itself in the text
])
def test_normalization_is_caught_through_the_runs(text):
    assert E.normalize(text) == plain_recipe(text)
    # the runs are NFC only if the text is
    assert unicodedata.is_normalized("NFC", text) or not unicodedata.is_normalized("NFC", unusual_runs(text))


def test_the_separator_outranks_every_mark_that_composes_with_ascii():
    assert unicodedata.combining(SEPARATOR) == 232
    assert unicodedata.normalize("NFC", SEPARATOR) == SEPARATOR
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        parts = unicodedata.decomposition(chr(code)).split()
        if parts and not parts[0].startswith("<"):
            assert SEPARATOR not in "".join(chr(int(p, 16)) for p in parts), hex(code)
            if len(parts) == 2 and int(parts[0], 16) < 0x80:
                assert 0 < unicodedata.combining(chr(int(parts[1], 16))) < 232, hex(code)


def test_corpus_and_fixtures_give_the_plain_recipe():
    files = sorted(FIXTURES.rglob("*.txt")) + sorted(CORPUS.glob("*.txt"))[:150]
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert E.normalize(text) == plain_recipe(text), f.name


def test_first_looks_are_remembered_for_one_document_only():
    import gc
    import weakref

    import cleantext
    from cleantext.filters import _chars

    class Text(str):  # a str that can be weakly referenced
        pass

    text = Text("Caf\u00e9 \u00a0 menu\n")
    ref = weakref.ref(text)
    cleantext.default_pipeline().clean(text)
    assert _chars._MEMO.get() is None          # the scope closed with the document
    with _chars.memo_scope():
        first = _chars.unusual_runs(text)
        assert _chars.unusual_runs(text) is first   # remembered inside the scope
    del text
    gc.collect()
    assert ref() is None                         # nothing holds on to the last text
