"""The boilerplate classifier's fast paths equal the plain definitions they replace.

The classifier computes its features with whole-page tricks (one translate
pass for separators and digits, packed language votes, byte strings for menu
runs, measurements carried over between rounds).  Each is checked here
against the straightforward per-line definition, on hand-written and on
generated lines.
"""
from __future__ import annotations

import random
from collections import Counter
from itertools import chain, compress
from pathlib import Path

import pytest

from cleantext.boilerplate import features, language
from cleantext.boilerplate.features import (DIGIT_RE, SEPARATOR_RE, SHORT_LINE_CHARS, PageLines,
                                            separator_digit_flags)
from cleantext.document import split_blocks
from cleantext.filters.boilerplate import LIST_MARKS, SENTENCE_END, has_run, longest_short_run, menu_flags

FULLPAGES = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "fullpage").glob("*.txt"))

#: Pieces lines are built from: separators, digits, letters of several scripts, characters
#: that cp1252 lacks or leaves undefined, a lone surrogate, spaces and hyphens.
PIECES = ["Home", "news", "|", "»", "›", "·", "•", "«", "‹", "/", ">", "–", "—", " - ", "-", "7", "2024",
          "Ünïcödé", "Łódź", "Привет", "日本語", "😀", "\u0081", "\u008d", "\udc80", "€", "ß", " ", "  ",
          "\u00a0", "\t", ".", "!", "?", "…", "x", "Title Case Words"]


def random_lines(rng: random.Random, count: int) -> list[str]:
    lines = []
    for _ in range(count):
        line = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30)))
        if rng.random() < 0.1:
            line = line * 8  # longer than SHORT_LINE_CHARS
        lines.append(line.strip() or "x")
    return lines


def lines_of(path: Path) -> list[str]:
    return [b.text for b in split_blocks(path.read_text(encoding="utf-8"))]


# ----------------------------------------------------------------- separators and digits


def reference_flags(texts: list[str]) -> tuple[list[bool], list[bool]]:
    short = [len(t) <= SHORT_LINE_CHARS for t in texts]
    return ([s and SEPARATOR_RE.search(t) is not None for t, s in zip(texts, short)],
            [s and DIGIT_RE.search(t) is not None for t, s in zip(texts, short)])


@pytest.mark.parametrize("seed", range(5))
def test_separator_and_digit_flags_equal_the_patterns(seed: int) -> None:
    texts = random_lines(random.Random(seed), 400)
    seps, digits = separator_digit_flags(texts, list(map(len, texts)))
    assert ([bool(f) for f in seps], [bool(f) for f in digits]) == reference_flags(texts)


def test_each_separator_and_digit_is_seen_alone() -> None:
    texts = [f"ab{c}cd" for c in features.SEPARATOR_CHARS + features.DIGIT_CHARS] + ["ab - cd", "abcd", "äöü€"]
    seps, digits = separator_digit_flags(texts, list(map(len, texts)))
    assert ([bool(f) for f in seps], [bool(f) for f in digits]) == reference_flags(texts)
    assert sum(map(bool, seps)) == len(features.SEPARATOR_CHARS)
    assert sum(map(bool, digits)) == len(features.DIGIT_CHARS)


def test_separator_and_digit_flags_of_lines_holding_a_newline() -> None:
    # such lines cannot be cut apart in the joined bytes: the patterns are used line by line
    texts = ["a\nb | c", "no digit", "9", "x" * 100 + "|"]
    seps, digits = separator_digit_flags(texts, list(map(len, texts)))
    assert ([bool(f) for f in seps], [bool(f) for f in digits]) == reference_flags(texts)
    assert separator_digit_flags([], []) == ([], [])


def test_separator_and_digit_flags_on_the_fixture_pages() -> None:
    for path in FULLPAGES:
        texts = lines_of(path)
        seps, digits = separator_digit_flags(texts, list(map(len, texts)))
        assert ([bool(f) for f in seps], [bool(f) for f in digits]) == reference_flags(texts), path.name


# ----------------------------------------------------------------- menu runs


def reference_menu_like(t: str, short_chars: int) -> bool:
    """The plain definition: 2 to short_chars characters, no sentence end, not a list item, not a table row."""
    if not 1 < len(t) <= short_chars or t[-1] in SENTENCE_END:
        return False
    list_item = t[0] in LIST_MARKS and t[1] == " "
    table_row = t.startswith("|") and t.endswith("|")
    return not (list_item or table_row)


def reference_longest_run(texts: list[str], short_chars: int) -> int:
    best = cur = 0
    for t in texts:
        if reference_menu_like(t, short_chars):
            cur += 1
            best = max(best, cur)
        else:
            cur = 0
    return best


@pytest.mark.parametrize("seed", range(5))
def test_menu_runs_equal_the_plain_count(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(50):
        texts = [rng.choice(["Home", "News.", "x", "", "A menu item", "A long line of text " * 3, "Sport",
                             "- Flour", "-Home", "• Eggs", "| 1 | 2 |", "| Sport", "Sport |", "||", "- ", "--"])
                 for _ in range(rng.randint(0, 40))]
        longest = reference_longest_run(texts, 40)
        assert longest_short_run(texts, 40) == longest
        flags = menu_flags(texts, 40)
        assert flags == bytes(reference_menu_like(t, 40) for t in texts)
        for length in (*range(-1, 8), 2.5, 10**12, float("inf"), float("nan")):
            assert has_run(flags, length) == (longest >= length)


# ----------------------------------------------------------------- language votes


def reference_detect(words: list[str]) -> tuple[str, frozenset[str]] | None:
    """The language vote as plain counting: one counter update per (word, list)."""
    names, index = language._lists()
    if not words:
        return None
    votes = Counter(chain.from_iterable(filter(None, map(index.get, words[:language.VOTE_WORDS]))))
    if not votes:
        return None
    best = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    stop = language.stoplist(names[best])
    sample = words[:language.SAMPLE_WORDS]
    hits = sum(map(stop.__contains__, sample))
    if hits < language.MIN_HITS or hits < language.MIN_COVERAGE * len(sample):
        return None
    return names[best], stop


def test_packed_language_votes_equal_plain_counting() -> None:
    names, index = language._lists()
    voters = sorted(index)
    rng = random.Random(6)
    samples = [[w for t in lines_of(p) for w in t.lower().split()][:400] for p in FULLPAGES]
    # random mixtures of voting words from several lists, ties included
    samples += [[rng.choice(voters) for _ in range(rng.randint(1, 300))] for _ in range(200)]
    samples += [[voters[0]] * 3 + [voters[1]] * 3, ["zzqx"] * 20, []]
    for words in samples:
        assert language.detect(words) == reference_detect(words)


# ----------------------------------------------------------------- later rounds


@pytest.mark.parametrize("path", FULLPAGES, ids=lambda p: p.name)
def test_subsets_measure_as_the_kept_lines_alone(path: Path) -> None:
    texts = lines_of(path)
    whole = PageLines(texts)
    rng = random.Random(path.name)
    n = len(texts)
    keeps = [[rng.random() < share for _ in range(n)] for share in (0.2, 0.5, 0.9, 0.99)]
    keeps.append([c < features.LANGUAGE_LINE_CHARS or i > n // 2 for i, c in enumerate(whole.chars)])
    keeps.append([c >= features.LANGUAGE_LINE_CHARS for c in whole.chars])
    keeps.append([True] * n)
    for keep in keeps:
        sub = whole.subset(keep)
        ref = PageLines(list(compress(texts, keep)))
        for name in PageLines.__slots__:
            assert getattr(sub, name) == getattr(ref, name), name
        # and again, as later rounds do
        keep2 = [rng.random() < 0.7 for _ in range(len(sub.texts))]
        sub2 = sub.subset(keep2)
        ref2 = PageLines(list(compress(ref.texts, keep2)))
        for name in PageLines.__slots__:
            assert getattr(sub2, name) == getattr(ref2, name), name


def test_a_subset_that_changes_the_language_counts_stopwords_again() -> None:
    german = "Die Stadt hat das alte Bad an der Ecke mit viel Geld und der Hilfe vieler Leute wieder geöffnet."
    english = "The city has opened the old bath on the corner again with a lot of money and the help of people."
    texts = [german] * 10 + [english] * 40
    whole = PageLines(texts)
    keep = [False] * 10 + [True] * 40
    sub = whole.subset(keep)
    ref = PageLines(texts[10:])
    assert (whole.language, sub.language) == ("German", "English")
    for name in PageLines.__slots__:
        assert getattr(sub, name) == getattr(ref, name), name
