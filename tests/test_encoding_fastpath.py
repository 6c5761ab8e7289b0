"""The fast path gives exactly ``ftfy.fix_text``'s output.

``cleantext.filters._ftfy_scan.fix_text`` runs ftfy only on the segments a scan
flags.  These tests compare it with ftfy on the whole text: over the
development corpus, over generated mojibake (one and two layers, many
codecs, several configs, tiny ``max_decode_length`` so that ftfy cuts lines),
and exhaustively over single characters and witness pairs.
"""
import unicodedata

import ftfy
import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-* codecs)
import pytest
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleantext.filters import _ftfy_scan as scan
from cleantext.filters.encoding import KEEP_MEANING

from conftest import FIXTURES, SHARED

CORPUS = SHARED / "data" / "trafilatura-eval" / "fulltext"

CONFIGS = {
    "keep-meaning": KEEP_MEANING,
    "ftfy-default": ftfy.TextFixerConfig(explain=False),   # NFC, every optional fixer on
    "explain": KEEP_MEANING._replace(explain=True),
    "nfkc-no-html": KEEP_MEANING._replace(normalization="NFKC", unescape_html=False),
    "html-always-no-norm": KEEP_MEANING._replace(unescape_html=True, normalization=None),
    "uncurl-only": KEEP_MEANING._replace(uncurl_quotes=True),
}


def assert_same(text: str, config: ftfy.TextFixerConfig) -> None:
    expected = ftfy.fix_text(text, config)
    got = scan.fix_text(text, config)
    assert got == expected, (text, config)


# --------------------------------------------------------------------------- real text


def test_fixtures_match_ftfy():
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.txt"))]
    assert texts
    for cfg in CONFIGS.values():
        for t in texts:
            assert_same(t, cfg)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared development corpus not beside the repository")
def test_development_corpus_matches_ftfy():
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) > 900
    changed = 0
    for i, path in enumerate(files):
        text = path.read_text(encoding="utf-8")
        expected = ftfy.fix_text(text, KEEP_MEANING)
        assert scan.fix_text(text, KEEP_MEANING) == expected, path.name
        changed += expected != text
        if i % 10 == 0:   # a tenth of the corpus with every optional fixer on as well
            cfg = ftfy.TextFixerConfig(explain=False)
            assert scan.fix_text(text, cfg) == ftfy.fix_text(text, cfg), path.name
    assert changed > 10   # the corpus does hold text ftfy repairs: the check has teeth


# --------------------------------------------------------------------------- generated mojibake

CODECS = ["sloppy-windows-1252", "latin-1", "sloppy-windows-1250", "sloppy-windows-1251",
          "sloppy-windows-1253", "sloppy-windows-1254", "sloppy-windows-1257", "iso-8859-2",
          "macroman", "cp437"]

_PIECES = [
    "plain words", "Straße", "naïve café", "Łódź", "São", "¡Hola!", "¿Qué?", "Ελληνικά", "Русский",
    "你好，世界。", "「引用」", "👩\u200d💻", "🏳️\u200d🌈", "👍🏽", "“curly”", "‘single’", "don’t", "–", "—",
    "…", "€ 5", "10³", "½", "ﬁ", "Ｆ", "©", "™", "•", "°C", "±", "×", "«»", "\xa0", "\u00ad",
    "&amp;", "&eacute;", "&#8217;", "&NTILDE;", "&", "<", "<b>", "\r", "\u2028", "\u2029", "\x85",
    "\x0b", "\x0c", "\x00", "\x1b[31m", "\ufeff", "\x93", "\x9d", "\ud800", "\udc00",
    "e\u0301", "\u0301", "\u212b", "Ã", "Â ", "Ã ", "œ.", "Ã©", "â€™", "ÃƒÂ©", "\t", " ",
]


@st.composite
def broken_lines(draw):
    text = "".join(draw(st.lists(st.sampled_from(_PIECES), min_size=0, max_size=8)))
    layers = draw(st.integers(0, 2))
    codec = draw(st.sampled_from(CODECS))
    for _ in range(layers):
        try:
            text = text.encode("utf-8", "surrogatepass").decode(codec)
        except UnicodeDecodeError:
            break
    return text


@st.composite
def documents(draw):
    lines = draw(st.lists(broken_lines(), min_size=0, max_size=6))
    sep = draw(st.sampled_from(["\n", "\r\n", "\n\n"]))
    return sep.join(lines) + draw(st.sampled_from(["", "\n"]))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.sampled_from(sorted(CONFIGS)), st.sampled_from([1_000_000, 3, 7, 20]))
def test_generated_mojibake_matches_ftfy(text, config_name, max_len):
    # small max_decode_length makes ftfy cut lines into pieces: the fast path must cut alike
    assert_same(text, CONFIGS[config_name]._replace(max_decode_length=max_len))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.sampled_from(sorted(CONFIGS)))
def test_arbitrary_text_matches_ftfy(text, config_name):
    assert_same(text, CONFIGS[config_name])


@pytest.mark.parametrize("codec", CODECS)
def test_mojibake_inside_long_clean_text_matches_ftfy(codec):
    clean = "Ordinary prose with Umlaute: Grüße, Straße.\n" * 200
    broken = "“Broken” — naïve café".encode("utf-8").decode(codec)
    text = clean + broken + "\n" + clean + broken
    assert_same(text, KEEP_MEANING)
    assert scan.fix_text(text, KEEP_MEANING) != text   # something was fixed


# A segment flagged only by pairs of witnesses is passed to ftfy only when
# ftfy's heuristic finds it "bad" near one of them: the pairs ordinary text
# holds (an accented letter before a curly quote, "®" before "“") next to
# mojibake, letters, digits and spaces, in long lines and cut ones.
_PAIRS = scan.badness_witnesses()[0]
_WITNESS_CHARS = sorted({c for a, b in _PAIRS for c in sorted(a)[:6] + sorted(b)[:6]})


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WITNESS_CHARS + ["a", "Z", "7", " ", ".", "\n", "é", "ü„", "®“",
                                                  "ą”", "Ã©", "â€™"]), max_size=80).map("".join),
       st.sampled_from(sorted(CONFIGS)), st.sampled_from([1_000_000, 5, 16]))
def test_witness_pairs_in_ordinary_text_match_ftfy(text, config_name, max_len):
    assert_same(text, CONFIGS[config_name]._replace(max_decode_length=max_len))


def _badness_chars():
    """A few characters of every class in ftfy's badness pattern, and ASCII letters and spaces."""
    tree = scan._sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    chars = set("aZ .'\n")

    def walk(items):
        for op, av in items:
            found = scan._item_chars(op, av)
            if found:
                chars.update(sorted(found)[:4] + sorted(found)[-2:])
            if op is scan._sre.BRANCH:
                for alt in av[1]:
                    walk(alt)
            elif op is scan._sre.SUBPATTERN:
                walk(av[-1])
            elif op in (scan._sre.MAX_REPEAT, scan._sre.MIN_REPEAT):
                walk(av[2])
    walk(tree.data)
    return sorted(chars) + _badness_examples()


def _badness_examples():
    """One match of each alternative of ftfy's badness pattern (first choice of each item)."""
    tree = scan._sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    out = []
    for alt in tree.data[0][1][1]:
        example = []
        for op, av in alt.data:
            found = scan._item_chars(op, av)
            if found:
                example.append(min(found))
            elif op is scan._sre.ANY:
                example.append("x")
        out.append("".join(example))
    return out


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_badness_chars()), max_size=40).map("".join))
def test_badness_is_judged_near_the_pairs_as_on_the_whole_segment(text):
    for (s, e), pairs in scan._flagged_segments(text, KEEP_MEANING).items():
        if pairs is not None:
            segment = text[s:e]
            assert scan._bad_near(segment, [p - s for p in pairs]) == bool(BADNESS_RE.search(segment))


def test_a_long_line_with_witness_pairs_and_far_mojibake_matches_ftfy():
    prose = "Die Marke®“ steht für Qualität, sagt „ą” oder „ü„ und lächelt. " * 400
    for text in (prose, prose + "donâ€™t" + prose, "donâ€™t " + prose, prose + " CafÃ©"):
        for size in (1_000_000, 1000, 333):
            assert_same(text, KEEP_MEANING._replace(max_decode_length=size))


# --------------------------------------------------------------------------- exhaustive checks


@pytest.mark.parametrize("config_name", ["keep-meaning", "ftfy-default"])
def test_every_unflagged_character_is_left_alone_by_ftfy(config_name):
    """Each code point, alone among ASCII, is flagged or left unchanged by ftfy."""
    config = CONFIGS[config_name]
    pattern = scan.scan_for(config)
    unflagged = 0
    for cp in range(0x80, 0x30000):
        c = chr(cp)
        text = f"x{c} {c}.{c}"
        if pattern.search(text) or not unicodedata.is_normalized("NFC", text):
            continue  # flagged by the scan, or by the normalization check
        unflagged += 1
        assert ftfy.fix_and_explain(text, config).text == text, hex(cp)
    assert unflagged > 100_000


def _mojibake_chars() -> list[str]:
    chars: set[str] = set()
    for a, b in scan.badness_witnesses()[0]:
        chars |= a | b
    for part in MOJIBAKE_CATEGORIES.values():
        chars.update(c for c in part if ord(c) > 0x7F)
    return sorted(chars)


def test_every_bad_pair_is_flagged():
    """Two adjacent characters that ftfy's badness heuristic reacts to are flagged."""
    chars = _mojibake_chars()
    assert len(chars) > 300
    pattern = scan.SCAN_KEEP_TYPOGRAPHY
    for a in chars:
        for b in chars:
            text = a + b
            if BADNESS_RE.search(text) or BADNESS_RE.search("x" + text + " "):
                assert pattern.search(text), (a, b)


def test_badness_heuristic_has_a_witness_in_every_alternative():
    pairs, singles, open_ended = scan.badness_witnesses()
    assert not open_ended            # else every non-ASCII line would go through ftfy
    assert len(pairs) > 20 and {"Ã", "Â", "œ", "\x80"} <= singles


def test_witness_derivation_handles_open_and_optional_items():
    import re
    pairs, singles, open_ended = scan.badness_witnesses(re.compile("[äö][€£]|x\\s?[Ã] |[^a]é|ab"))
    assert pairs == [(frozenset("äö"), frozenset("€£"))]
    assert singles == frozenset("Ãé") and open_ended   # "ab" could match in any line
