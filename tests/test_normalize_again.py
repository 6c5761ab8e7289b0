"""Later looks at a document (``Normalizer.normalize_again``) give what ``normalize`` gives.

The pipeline settles its normalizers round after round; from the second look
on, each normalizer is told what it did last time and may read only what
changed since (:mod:`cleantext.filters._changes`).  These tests hold that to
the plain rule: the result is exactly that of running ``normalize`` on every
step, for the default normalizers, other orders and other ftfy configurations.
"""
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import Pipeline, default_pipeline
from cleantext.filters._changes import changed_window, common_prefix, common_suffix
from cleantext.filters.base import Normalizer
from cleantext.filters.encoding import Encoding
from cleantext.filters.invisible import Invisible
from cleantext.filters.whitespace import Whitespace
from cleantext.pipeline import MAX_NORMALIZE_ROUNDS

from conftest import FIXTURES, SHARED

CORPUS = SHARED / "data" / "trafilatura-eval" / "fulltext"


def settle_plainly(normalizers, text):
    """The settling loop of ``Pipeline._normalize`` with ``normalize`` on every step."""
    changed = set()
    still = steps = 0
    while still < len(normalizers) and steps < MAX_NORMALIZE_ROUNDS * len(normalizers):
        n = normalizers[steps % len(normalizers)]
        steps += 1
        new = n.normalize(text)
        if new != text:
            changed.add(n.name)
            text, still = new, 0
        else:
            still += 1
    return text, tuple(n.name for n in normalizers if n.name in changed)


_PIECES = ["a", "b", " ", "  ", ".", "\n", "\n", "\n\n\n", "\r\n", "\r", "\u2028", "\x0c", "\x85",
           "\t", "\xa0", "\u3000", "\u200b", "\u00ad", "\ufeff", "\u200d", "\u200c", "\u202e",
           "👩", "ی", "Grüße", "Łódź", "“q”", "…", "ﬁ", "e\u0301", "\x93", "\x00", "\x1b[1m",
           "&amp;", "&amp;lt;", "&eacute;", "&nbsp;", "&shy;", "&#10;", "<", "<b>",
           "CafÃ©", "donâ€™t", "Ã¢â‚¬â„¢", "Ã", "â€", "Ã\xa0", "Ü", "\ud800"]
messy = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)

E, I, W = Encoding(), Invisible(), Whitespace()
CHAINS = [
    (E, I, W),
    (E, I),
    (I, E),
    (E, W),
    (W, I, E),
    (Encoding(config={"uncurl_quotes": True, "normalization": "NFKC"}), I, W),
    (Encoding(config={"unescape_html": True, "fix_line_breaks": False}), W),
    (Encoding(config={"max_decode_length": 7}), I, W),
]


@settings(max_examples=400, deadline=None)
@given(messy, st.sampled_from(range(len(CHAINS))))
def test_the_pipeline_settles_as_plain_normalize_steps_would(text, which):
    chain = CHAINS[which]
    assert Pipeline(chain).normalize(text) == settle_plainly(chain, text)


@pytest.mark.parametrize("chain, text, expected", [
    # ASCII on the first look (no pre-pass), not on the second: the pre-pass
    # now tidies lines that the first look left alone
    ((E, I), "&eacute;\na  b", ("é\na b", ("encoding",))),
    ((E, I, W), "&eacute;\u200b\n\x1b[1ma\n", ("é\na\n", ("encoding", "invisible"))),
])
def test_context_of_the_whole_text_is_respected(chain, text, expected):
    assert Pipeline(chain).normalize(text) == expected == settle_plainly(chain, text)


class _DropLt(Normalizer):
    """Removes every "<": a later step that changes what ftfy saw before a line."""

    name = "drop-lt"

    def normalize(self, text):
        return text.replace("<", "")


def test_a_removed_lt_lets_later_entities_be_decoded():
    chain = (E, _DropLt())
    text = "<\n&amp;\n"
    assert Pipeline(chain).normalize(text) == settle_plainly(chain, text) == ("\n&\n", ("encoding", "drop-lt"))


def _edit_lines(text, rng, pieces):
    """``text`` with a few lines changed, inserted or deleted."""
    lines = text.split("\n")
    for _ in range(rng.randint(0, 3)):
        i = rng.randrange(len(lines) + 1)
        what = rng.random()
        new = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4))).replace("\n", "")
        if what < 0.4 and i < len(lines):
            lines[i] = new
        elif what < 0.7 and i < len(lines):
            del lines[i]
        else:
            lines.insert(i, new)
    return "\n".join(lines)


@pytest.mark.parametrize("normalizer", [E, I, W, CHAINS[5][0], CHAINS[6][0], CHAINS[7][0]],
                         ids=lambda n: f"{n.name}:{n.options()}"[:60])
def test_normalize_again_equals_normalize_after_edits(normalizer):
    rng = random.Random(6)
    for _ in range(1500):
        before = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30)))
        after = normalizer.normalize(before)
        text = _edit_lines(after, rng, _PIECES) if rng.random() < 0.8 else after
        got = normalizer.normalize_again(text, before=before, after=after)
        assert got == normalizer.normalize(text), (before, after, text)


def test_a_later_look_reads_only_the_changed_lines():
    calls = []

    class Recording(Encoding):
        def _repair(self, text, **kw):
            calls.append(text)
            return super()._repair(text, **kw)

    enc = Recording()
    before = "".join(f"Zeile {i} für Grüße\n" for i in range(1000)) + "Ende"
    after = enc.normalize(before)
    assert after == before
    calls.clear()
    assert enc.normalize_again(after + "\n", before=before, after=after) == after + "\n"
    assert calls == ["Ende\n"]


def test_changed_window_brackets_the_changed_lines():
    before = "one\ntwo\nthree\nfour\nfive"
    after = "one\ntwo\nthree\nfour\nfive"          # left as it was
    assert changed_window(before, after, after) is None
    assert changed_window(before, after, "one\ntwo\nTHREE\nfour\nfive") == (8, 14)
    assert changed_window(before, after, "one\ntwo\nthree\nfour\nfive\n") == (19, 24)
    # own change in line two, later change in line four: both lines and between
    own = "one\nTWO\nthree\nfour\nfive"
    text = "one\nTWO\nthree\nfour!\nfive"
    start, end = changed_window(before, own, text)
    assert text[start:end] == "TWO\nthree\nfour!\n"
    # a deleted line break joins two lines: the joined line
    start, end = changed_window(before, after, "one\ntwothree\nfour\nfive")
    assert "one\ntwothree\nfour\nfive"[start:end] == "twothree\n"


def _prefix(a, b):
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return i


def _suffix(a, b, limit):
    i = 0
    while i < min(len(a), len(b), limit) and a[-1 - i] == b[-1 - i]:
        i += 1
    return i


@given(st.text("ab\n", max_size=20), st.text("ab\n", max_size=20), st.integers(0, 25))
def test_common_prefix_and_suffix(a, b, limit):
    assert common_prefix(a, b) == _prefix(a, b)
    assert common_prefix(a, a + b) == len(a)
    assert common_suffix(a, b, limit) == _suffix(a, b, limit)


def test_corpus_and_fixtures_settle_as_plain_normalize_steps_would():
    files = sorted(FIXTURES.rglob("*.txt")) + sorted(CORPUS.glob("*.txt"))[:300]
    chain = tuple(f for f in default_pipeline() if isinstance(f, Normalizer))
    pipe = Pipeline(chain)
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert pipe.normalize(text) == settle_plainly(chain, text), f.name
