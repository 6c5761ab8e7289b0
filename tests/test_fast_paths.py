"""Fast paths of the family filters equal the plain computations they replace."""
from hypothesis import example, given, settings, strategies as st

from cleantext.filters._context import Profile
from cleantext.filters._match import LONG_HEAD, first_words, fold, long_lines_starting_with, prefix_tuple, starts_with_phrase
from cleantext.filters._occur import anchor, positions

ALPHABET = st.sampled_from(list(" ab/>|=©()c:→·\u00a0É\n-—."))
TEXT = st.text(ALPHABET, max_size=60)
NEEDLE = st.text(ALPHABET, min_size=1, max_size=4)


def _find_all(text: str, needle: str, start: int) -> list[int]:
    out, k = [], text.find(needle, start)
    while k >= 0:
        out.append(k)
        k = text.find(needle, k + 1)
    return out


@settings(max_examples=500, deadline=None)
@given(TEXT, NEEDLE, st.integers(0, 8))
def test_positions_equal_repeated_find(text, needle, start):
    assert list(positions(text, needle, start)) == _find_all(text, needle, start)


def test_anchor_prefers_rare_characters():
    assert anchor(" > ") == ">"
    assert anchor(" → ") == "→"
    assert anchor("(c)") == "("
    assert anchor("opyright") == ""
    assert anchor("==") == "="


WORDS = st.sampled_from(["read", "read more", "more", "tags", "we use cookies", "we", "©", "r",
                         "follow us", "follow", "sign up"])


@settings(max_examples=500, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=8), st.text(st.sampled_from(list("readmo tgs:©wefl")), max_size=25))
def test_starts_with_phrase_equals_longest_first_scan(phrases, line):
    pre = prefix_tuple(phrases)
    assert pre.firsts == first_words(phrases)
    expected = None
    for p in sorted(set(phrases), key=lambda p: (-len(p), p)):
        if line.startswith(p) and (len(p) == len(line) or not line[len(p)].isalnum()):
            expected = p
            break
    assert starts_with_phrase(line, pre) == expected


FIRSTS = frozenset({"we", "this", "cookies", "by", "diese"})


TOKENS = st.sampled_from(["we", "We", "cookies", "COOKIES", "this", "by", "diese", "use", "x" * 45,
                          ",", "!", ".", " ", "  ", "\t", "—", "\u00a0", "(", "»"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(TOKENS, max_size=30).map("".join))
@example("cookies!")
@example("— We, use")
def test_long_line_first_word_test_never_misses(text):
    # a line too long to be folded, found by its first word (Profile.long_firsts)
    # whenever its folded head starts with one of the phrases
    from cleantext.document import Document
    line = text + " " + "y " * 100
    doc = Document(line)
    prof = Profile(doc.text, doc.blocks)
    head = doc.blocks[0].text[:LONG_HEAD]
    if prof.long_lines and fold(head).partition(" ")[0] in FIRSTS:
        assert [i for i, _p in long_lines_starting_with(prof, prefix_tuple(FIRSTS), 10_000)] == [0]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["home", "news", "sport", "a", "b", "c", "d", "e", "f", "g", "h",
                                 "i", "j", "k", "l", "m", "n"]), max_size=80),
       st.sets(st.sampled_from(["home", "news", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
                                "k", "l", "m", "n", "zzz"])))
def test_label_positions_equal_a_plain_scan(keys, hits):
    # few hits take the list.index path, many the one-pass path: both equal a plain scan
    assert Profile._positions(keys, frozenset(hits)) == [i for i, k in enumerate(keys) if k in hits]



@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["home", "news", "", "sport", "a b", "c"]), max_size=60),
       st.sets(st.sampled_from(["home", "news", "sport", "c", "zzz"]), max_size=5))
def test_indexed_lookups_on_large_documents_equal_the_scans(lines, labels):
    # the same lines as a small document (scans) and as a large one (position index)
    from cleantext.document import Document
    from cleantext.filters import _context
    doc = Document("\n".join(t or "-" for t in lines))
    small = Profile(doc.text, doc.blocks)
    big = Profile(doc.text, doc.blocks)
    phrases = frozenset(labels)
    expected = (small.lookup(phrases), small.starting_with(phrases))
    old = _context.INDEX_LINES
    _context.INDEX_LINES = 0
    try:
        assert (big.lookup(phrases), big.starting_with(phrases)) == expected
        assert big._indexes or not any(expected)  # the index path was taken
    finally:
        _context.INDEX_LINES = old

