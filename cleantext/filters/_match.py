"""Matching a line against a phrase list.

Lines and phrases are compared in a folded form: lower case, whitespace
collapsed, surrounding punctuation and symbols dropped, so ``"ADVERTISEMENT:"``
and ``"– Advertisement –"`` both match the phrase ``Advertisement``.  Inside
a pipeline the whitespace normalizer has already collapsed spaces, so a line
is folded with two C-level string calls (see :func:`._context.fold_line`).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ._context import EDGE_CHARS, LONG_WORD_SAMPLE


def strip_edges(text: str) -> str:
    """``text`` without leading and trailing punctuation, symbols and spaces."""
    return text.strip(EDGE_CHARS)


def fold(text: str) -> str:
    """The comparison form of a line: lower case, spaces collapsed, edge punctuation gone."""
    return " ".join(text.split()).lower().strip(EDGE_CHARS)


#: A number in a phrase template: each stands for any number ("5 min read" matches "12 min read").
_NUMBER = re.compile(r"\d+")


#: Separators that may follow a line's leading phrase: "Read more: ...", "Tags | ...".
PREFIX_SEPARATORS = frozenset(":|»›-–—>")


def followed_by_separator(text: str, phrase: str,
                          separators: frozenset[str] = PREFIX_SEPARATORS) -> bool:
    """Whether ``phrase`` (folded) at the start of ``text`` is followed by a separator
    (:data:`PREFIX_SEPARATORS`, or ``separators``)."""
    n = len(phrase)
    low = text.casefold()
    k = low.find(phrase)
    if k < 0 or k > 3:
        return False
    rest = text[k + n:].lstrip()
    return bool(rest) and rest[0] in separators


def number_shape(text: str) -> str:
    """``text`` with each number written as ``#``: the form in which lines are compared
    with phrase templates whose numbers stand for any number ("12 comments" -> "# comments")."""
    return _NUMBER.sub("#", text)


def phrase_set(phrases: Iterable[str]) -> frozenset[str]:
    """Fold a phrase list for :func:`fold`-based whole-line lookups.  A phrase written
    with a straight apostrophe also stands in its typographic form ("Editors' picks"
    finds "Editors’ Picks"): pages print either, and folding a line keeps its own."""
    out = {f for f in (fold(p) for p in phrases) if f}
    return frozenset(out | {f.replace("'", "’") for f in out if "'" in f})


def first_words(folded: Iterable[str]) -> frozenset[str]:
    """The first words of folded phrases: a cheap key to find lines that may start with one."""
    return frozenset(f.split(" ", 1)[0].strip(EDGE_CHARS) for f in folded if f)


#: A word: a run of letters, digits and "_" (findall on a folded line gives its words).
WORD = re.compile(r"\w+")

def literal_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One regex that finds any of ``phrases`` (literal text), or None for no phrases.

    The alternation is built as a trie (common prefixes factored out), so a
    search tries each position against one branch per distinct next
    character instead of every phrase.  Only literals, groups and
    alternation: linear time.
    """
    trie: dict = {}
    for p in set(phrases):
        if not p:
            continue
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return None
    return re.compile(_trie_regex(trie))


def _trie_regex(node: dict) -> str:
    end = "" in node
    branches = [re.escape(ch) + _trie_regex(sub) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return "(?:" + body + ")?"
    return body


class Prefixes(tuple):
    """Folded phrases, longest first, grouped by first character, and their first words.

    A line can only start with the phrases that share its first character,
    so :func:`starts_with_phrase` tries those alone.  ``firsts`` (see
    :func:`first_words`) finds the lines worth trying with a set lookup.
    """

    by_char: dict[str, tuple[str, ...]]
    firsts: frozenset[str]

    def __new__(cls, folded: Iterable[str]) -> Prefixes:
        self = super().__new__(cls, sorted({p for p in folded if p}, key=lambda p: (-len(p), p)))
        groups: dict[str, list[str]] = {}
        for p in self:
            groups.setdefault(p[0], []).append(p)
        self.by_char = {c: tuple(g) for c, g in groups.items()}
        self.firsts = first_words(self)
        return self


def prefix_tuple(folded: Iterable[str]) -> Prefixes:
    """Folded phrases, longest first, for :func:`starts_with_phrase`."""
    return Prefixes(folded)


def starts_with_phrase(folded_line: str, phrases: Prefixes) -> str | None:
    """The longest phrase of ``phrases`` (see :func:`prefix_tuple`) that
    ``folded_line`` starts with, ending at a word boundary."""
    if not folded_line.startswith(phrases):
        return None
    n = len(folded_line)
    for p in phrases.by_char[folded_line[0]]:
        if folded_line.startswith(p):
            k = len(p)
            if k == n or not folded_line[k].isalnum():
                return p
    return None


#: Characters at the start of a long line that are folded to compare it with line starts.
LONG_HEAD = 100


def long_lines_starting_with(prof: Any, phrases: Prefixes, max_chars: int,
                             skip: Callable[[int], bool] | None = None,
                             shaped: bool = False) -> Iterator[tuple[int, str]]:
    """``(index, phrase)`` for each line of the profile ``prof`` too long to be folded
    (see :attr:`~._context.Profile.long_lines`), of at most ``max_chars``, that
    starts with one of ``phrases``: only its first :data:`LONG_HEAD` characters
    are folded, and only when its first word (:attr:`~._context.Profile.long_firsts`,
    read once per profile) is the first word of one of them.  Lines for which
    ``skip(index)`` is true are passed over before their head is folded (a cheap
    test of position, for phrases whose first words start much prose).  With
    ``shaped``, the phrases have their numbers as "#" (:func:`number_shape`) and
    so has each head before it is compared."""
    firsts = phrases.firsts
    texts = prof.texts
    if "" in firsts or max(map(len, firsts), default=0) >= LONG_WORD_SAMPLE:
        cands = prof.long_lines  # a phrase no first word can rule out: look at every line
    else:
        # a line of no words ("") is left to the full test
        cands = [i for i, w in zip(prof.long_lines, prof.long_firsts) if w in firsts or not w]
    for i in cands:
        t = texts[i]
        if len(t) <= max_chars and (skip is None or not skip(i)):
            head = fold(t[:LONG_HEAD])
            # the first word without its trailing punctuation, as in the profile's firsts
            if head.partition(" ")[0].rstrip(EDGE_CHARS) in firsts:
                p = starts_with_phrase(number_shape(head) if shaped else head, phrases)
                if p:
                    yield i, p
