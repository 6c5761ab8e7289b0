"""The normalizers together: idempotent, and built from linear-time patterns."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import Pipeline, default_pipeline
from cleantext.filters import _chars, _ftfy_scan, encoding, invisible, whitespace
from cleantext.filters.base import Normalizer

from conftest import FIXTURES, SHARED

try:
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

CORPUS = SHARED / "data" / "trafilatura-eval" / "fulltext"
NORMALIZERS = Pipeline([f for f in default_pipeline() if isinstance(f, Normalizer)])


def test_default_chain_has_the_three_normalizers_in_order():
    assert NORMALIZERS.names == ("encoding", "invisible", "whitespace")


def _normalize(text: str) -> str:
    return NORMALIZERS.normalize(text)[0]


def test_normalization_is_idempotent_on_fixtures_and_corpus():
    paths = sorted(FIXTURES.rglob("*.txt"))
    if CORPUS.is_dir():
        paths += sorted(CORPUS.glob("*.txt"))[::5]
    for p in paths:
        once = _normalize(p.read_text(encoding="utf-8"))
        assert _normalize(once) == once, p.name


_COMMON = ["a", "b", " ", ".", ",", "\n", "\r\n", "\u2028", "\x0c", "👩", "💻", "ی", "Grüße",
           "Łódź", "¡Hola!", "“q”", "don’t", "—", "…", "10³", "ﬁ", "，", "&amp;", "&eacute;", "<",
           "\x93", "\x00", "e\u0301"]
_ODD = ["\u200b", "\u00ad", "\u202e", "\ufeff", "\u200d", "\u200c", "&shy;", "&nbsp;",
        "\t", "  ", "\xa0", "\u3000"]
_MOJIBAKE = ["CafÃ©", "donâ€™t", "Ã¢â‚¬â„¢", "Ã", "â€", "Ã\xa0"]
_LINE_WITH_ODD = st.lists(st.sampled_from(_COMMON + _ODD), max_size=12).map("".join)
_LINE_WITH_MOJIBAKE = st.lists(st.sampled_from(_COMMON + _MOJIBAKE), max_size=12).map("".join)
_LINE_WITH_BOTH = st.lists(st.sampled_from(_COMMON + _ODD + _MOJIBAKE), max_size=12).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.lists(_LINE_WITH_ODD | _LINE_WITH_MOJIBAKE | _LINE_WITH_BOTH, max_size=6).map("\n".join))
def test_normalization_is_idempotent_on_messy_text(text):
    once = _normalize(text)
    assert _normalize(once) == once


@pytest.mark.parametrize("text, expected", [
    # ftfy judges a line as a whole: an invisible character or an odd space in
    # a line of mojibake can keep it from repairing the line until the other
    # normalizers have tidied it.  The chain runs until it settles, so the
    # first cleaning repairs it already.
    ("\u00adÃ¢â‚¬â„¢", "’\n"),
    ("Ã\u3000a", "à a\n"),
    ("aÃ\ta", "aà a\n"),
    # removing a zero-width space joins "Ü" and the U+FFFD that a lone
    # surrogate became, which ftfy then reads as broken UTF-8
    ("Ü\u200b\ud800", "\ufffd\n"),
])
def test_odd_characters_inside_a_mojibake_line_are_repaired_in_one_cleaning(text, expected):
    once = _normalize(text)
    assert once == expected
    assert _normalize(once) == once


def test_entities_for_invisible_characters_and_spaces_are_tidied():
    # run first, the invisible and whitespace steps would miss the soft hyphen
    # and the no-break spaces that ftfy decodes from "&shy;" and "&nbsp;"
    assert _normalize("Zei&shy;tung&nbsp;&nbsp;heute") == "Zeitung heute\n"


def test_the_chain_runs_again_only_until_it_settles():
    seen = []

    class Counting(Normalizer):
        name = "counting"

        def normalize(self, text):
            seen.append(text)
            return text

    pipe = Pipeline([Counting(), *NORMALIZERS])
    pipe.normalize("plain text\n")          # nothing changes: one round
    assert len(seen) == 1
    seen.clear()
    pipe.normalize("Sub\u200bscribe\n")      # a later normalizer changes it:
    assert seen == ["Sub\u200bscribe\n", "Subscribe\n"]   # the earlier ones run again


@pytest.mark.parametrize("text, expected", [
    ("Sub\u200bscribe\u00a0now!\r\n\r\n\r\nCafÃ© &amp; bar\u2028next\n", "Subscribe now!\n\nCafé & bar\nnext\n"),
    ("\ufeff  “Quoted”\u3000text…  \n\n\n", "“Quoted” text…\n"),
    ("👩\u200d💻 می\u200cخواهم\n", "👩\u200d💻 می\u200cخواهم\n"),
])
def test_chain_examples(text, expected):
    assert _normalize(text) == expected


# --------------------------------------------------------------------------- patterns

MODULES = [_chars, _ftfy_scan, encoding, invisible, whitespace]


def _patterns():
    for mod in MODULES:
        for name, value in vars(mod).items():
            if isinstance(value, re.Pattern):
                yield f"{mod.__name__}.{name}", value


_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT) + ((sre.POSSESSIVE_REPEAT,) if hasattr(sre, "POSSESSIVE_REPEAT") else ())


def _walk(items, inside_repeat, problems):
    """Collect nested unbounded quantifiers and unbounded repeats anchored at an end."""
    items = list(items)
    for i, (op, av) in enumerate(items):
        if op in _REPEATS:
            lo, hi, body = av
            unbounded = hi == sre.MAXREPEAT
            if inside_repeat and (unbounded or hi > 1):
                problems.append("nested quantifier")
            nxt = items[i + 1] if i + 1 < len(items) else None
            if unbounded and nxt and nxt[0] is sre.AT and nxt[1] in (sre.AT_END, sre.AT_END_STRING):
                problems.append("unbounded repeat anchored at the end")
            _walk(body, inside_repeat or unbounded or hi > 1, problems)
        elif op is sre.BRANCH:
            for alt in av[1]:
                _walk(alt, inside_repeat, problems)
        elif op is sre.SUBPATTERN:
            _walk(av[-1], inside_repeat, problems)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            _walk(av[1], inside_repeat, problems)


def test_the_checker_catches_bad_patterns():
    for bad in ["(a+)+", "(?:\\w+\\s?)*x", "\\s+$", "(a|b{2,})*"]:
        problems: list[str] = []
        _walk(sre_parse.parse(bad), False, problems)
        assert problems, bad


def test_patterns_are_module_constants_and_linear_by_construction():
    found = dict(_patterns())
    assert {"cleantext.filters._ftfy_scan.SCAN_KEEP_TYPOGRAPHY",
            "cleantext.filters.invisible._STRAY_JOINERS",
            "cleantext.filters.whitespace._SPACE_RUN"} <= set(found)
    for name, pattern in found.items():
        problems: list[str] = []
        _walk(sre_parse.parse(pattern.pattern, pattern.flags), False, problems)
        assert not problems, (name, problems)
