"""Per-line features for the boilerplate classifier: cheap, C-speed passes, no regex on long lines.

:class:`PageLines` measures each line of a page once: length, words,
stopwords under the page's language, how it ends, separators, digits, title
case, and whether its neighbours are short menu-like lines or dense prose.
:func:`line_features` turns the measurements into one vector per line (see
:data:`FEATURES`), the form the training script fits; the model
(:mod:`.model`) computes the same dot products from the measurements with
look-up tables, without building the vectors.

Costs are kept low on purpose: stopwords are counted on the first
:data:`STOP_SAMPLE_CHARS` characters of a line only (the density of a long
line is known well before its end) and as distinct words (a set
intersection, C speed), lines of at most :data:`MIN_STOP_CHARS`
characters are not split at all, and the separator, digit and title-case
features only look at lines of at most :data:`SHORT_LINE_CHARS` characters.
Each line is split once per page for the stopword counts, which are packed
with the word counts into one int per line (:func:`stop_key`) that indexes
the model's tables; the words are dropped as soon as they are counted, so
the words of all lines are never held at once (memory, and time, then grow
with the page in proportion).  The few lines of the language sample are
split for it beforehand.  Separators and
digits of all short lines are found with one ``bytes.translate`` pass
(:func:`separator_digit_flags`) instead of two regex searches per line.  On
CPython a comprehension that does several things per line is faster than a
chain of ``map`` passes, so each measurement is one fused comprehension.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import compress
from math import log
from operator import add

from .language import stopwords_for

#: Characters that end a sentence (or a quoted sentence) in the languages we see.
TERMINAL = frozenset('.!?…"”“»«)\'’;:')
#: Separators that menus, breadcrumbs and footers are built from (short lines only).
SEPARATOR_CHARS = "|»›·•«‹/>–—"
SEPARATOR_RE = re.compile(f"[{re.escape(SEPARATOR_CHARS)}]")
#: A plain hyphen counts as a separator when spaced, as in "Section - Site".
SPACED_HYPHEN = " - "
#: A digit (short lines only).
DIGIT_CHARS = "0123456789"
DIGIT_RE = re.compile(r"[0-9]")
#: A line this short (in chars) is "short" for the context and run features.
SHORT_CHARS = 40
#: Regex and title-case features only look at lines of at most this many characters.
SHORT_LINE_CHARS = 80
#: Lines of at most this many characters are not split for stopwords.
MIN_STOP_CHARS = 20
#: Stopwords are counted in this many leading characters of a line.
STOP_SAMPLE_CHARS = 160
#: A line is "dense" prose with at least this many sampled words ...
DENSE_WORDS = 8
#: ... of which at least this share are stopwords.
DENSE_SHARE = 0.25
#: Lines at least this long feed the language detector first.
LANGUAGE_LINE_CHARS = 100
#: Words the language detector looks at.
LANGUAGE_SAMPLE_WORDS = 300

#: Names of the feature columns, in order.
FEATURES: tuple[str, ...] = (
    "bias",
    "log_chars",          # log(1 + characters)
    "chars_le_20",
    "chars_le_50",
    "chars_ge_150",
    "words_le_3",         # at most 3 space-separated tokens, short line
    "stop_density",       # distinct stopwords / words, in the sampled head of the line
    "stop_count_log",     # log(1 + distinct stopwords in the sampled head)
    "terminal",           # ends like a sentence
    "separator",          # | » › · • « ‹ / > – — or a spaced hyphen, short line
    "digit",              # contains a digit, short line
    "title",              # every word capitalised, short line
    "position",           # index / number of lines
    "edge",               # in the first or last 5% of the page
    "prev_short",         # previous line is short
    "next_short",
    "prev_dense",         # previous line is dense prose
    "next_dense",
    "short_run",          # log(1 + length of the run of short lines this line is in)
)

#: A line's stopword key packs (words in its head) << STOP_KEY_BITS | (distinct stopwords among them).
STOP_KEY_BITS = 7
#: The most words a head of STOP_SAMPLE_CHARS characters can hold (one letter and a space each).
MAX_HEAD_WORDS = STOP_SAMPLE_CHARS // 2 + 1
_STOP_MASK = (1 << STOP_KEY_BITS) - 1
assert MAX_HEAD_WORDS <= _STOP_MASK


class PageLines:
    """Measurements of every line of one page, computed once.

    ``chars`` (length), ``keys`` (the words of the line's sampled head --
    none for lines of at most :data:`MIN_STOP_CHARS` -- and the distinct
    stopwords among them, packed into one int: see :func:`stop_key`,
    :attr:`sampled`, :attr:`stops`), ``short`` (at most :data:`SHORT_CHARS`),
    ``dense`` (dense prose), ``near`` (``short + 2 * dense``: what the
    neighbours' features read), ``run`` (length of the run of short lines the
    line is in), and the page's ``sample`` of words (with ``sample_span``:
    where it was taken, see :func:`_take_sample`), ``language`` and
    ``stopwords``.

    The words of the heads are dropped once counted: a page's words
    outnumber its lines tenfold, and holding them all would make time
    grow faster than the page (the objects no longer fit the caches).  If the stopwords change with a subset of
    the lines (:meth:`subset`), the heads are split again.
    """

    __slots__ = ("texts", "chars", "keys", "short", "dense", "near", "run", "sample", "sample_span",
                 "language", "stopwords")

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        chars = self.chars = list(map(len, texts))
        self.short = short = list(map(SHORT_CHARS.__ge__, chars))
        # the few lines of the language sample are split for it; then every head is split,
        # counted and dropped in one pass, so the words of all lines are never held at once
        cut = STOP_SAMPLE_CHARS
        self.sample, self.sample_span = _take_sample(lambda i: texts[i][:cut].lower().split(), chars)
        self.language, stop = stopwords_for(self.sample)
        self._count_stopwords(stop)
        self.run = short_runs(short)

    @property
    def sampled(self) -> list[int]:
        """Words in each line's sampled head (0 for lines of at most MIN_STOP_CHARS)."""
        return [k >> STOP_KEY_BITS for k in self.keys]

    @property
    def stops(self) -> list[int]:
        """Distinct stopwords in each line's sampled head."""
        return [k & _STOP_MASK for k in self.keys]

    def _set_keys(self, keys: list[int]) -> None:
        """Set ``keys`` and what follows from them: ``dense`` and ``near``."""
        self.keys = keys
        table = _DENSE
        dense = self.dense = [table[k] for k in keys]
        self.near = list(map(add, self.short, map(add, dense, dense)))

    def _count_stopwords(self, stop: frozenset[str]) -> None:
        """Set ``stopwords`` and the keys for the stopword set ``stop`` (splitting the heads again)."""
        self.stopwords = stop
        inter, cut, least, bits = stop.intersection, STOP_SAMPLE_CHARS, MIN_STOP_CHARS, STOP_KEY_BITS
        # one fused pass: split the head, count it and its distinct stopwords, drop the words
        self._set_keys([len(h := t[:cut].lower().split()) << bits | len(inter(h)) if c > least else 0
                        for t, c in zip(self.texts, self.chars)])

    def subset(self, keep: Sequence[bool]) -> PageLines:
        """``PageLines`` of the lines flagged in ``keep``, reusing their measurements.

        A line's own measurements do not depend on the rest of the page, so they
        are carried over.  The language sample is taken again only if a line it
        was taken from, or one that would have been taken before it, is gone;
        the language is detected again only if the sample changed, and the
        stopword counts redone only if the stopwords changed.  The run lengths
        are computed again.  The result equals ``PageLines`` of the kept lines.
        """
        page = PageLines.__new__(PageLines)
        page.texts = texts = list(compress(self.texts, keep))
        page.chars = chars = list(compress(self.chars, keep))
        page.short = short = list(compress(self.short, keep))
        end, least = self.sample_span
        if all(compress(keep[:end], map(least.__le__, self.chars[:end]))):
            # every line the sample read (or skipped for being too short) before ``end`` is kept
            page.sample, page.sample_span = self.sample, (keep[:end].count(True), least)
        else:
            cut = STOP_SAMPLE_CHARS
            page.sample, page.sample_span = _take_sample(lambda i: texts[i][:cut].lower().split(), chars)
        if page.sample == self.sample:
            page.language, stop = self.language, self.stopwords
        else:
            page.language, stop = stopwords_for(page.sample)
        if stop == self.stopwords:
            page.stopwords = self.stopwords
            page.keys = list(compress(self.keys, keep))
            page.dense = list(compress(self.dense, keep))
            page.near = list(compress(self.near, keep))
        else:
            page._count_stopwords(stop)
        page.run = short_runs(short)
        return page


def stop_key(words: int, stops: int) -> int:
    """The packed ``(words, distinct stopwords)`` of a line's head, as in :attr:`PageLines.keys`."""
    return words << STOP_KEY_BITS | stops


def _dense_table() -> list[bool]:
    """Whether a head is dense prose, indexed by its :func:`stop_key`."""
    table = [False] * (stop_key(MAX_HEAD_WORDS, 0) + _STOP_MASK + 1)
    for w in range(MAX_HEAD_WORDS + 1):
        for s in range(w + 1):
            table[stop_key(w, s)] = w >= DENSE_WORDS and s >= DENSE_SHARE * w
    return table


_DENSE = _dense_table()


def _take_sample(words_of: Callable[[int], Sequence[str]], chars: Sequence[int]
                 ) -> tuple[list[str], tuple[int, int]]:
    """The language sample (see :func:`language_sample`) and where it was taken.

    ``words_of(i)`` gives the words of line ``i``'s head; only the lines the
    sample needs are asked for.  Returns the sample and ``(end, least)``: the
    sample read the lines of at least ``least`` characters before index
    ``end``, and no other line.  So a subset of the lines that keeps every
    line of at least ``least`` characters before ``end`` has the same sample.
    """
    want = LANGUAGE_SAMPLE_WORDS
    sample: list[str] = []
    end = 0
    for i in compress(range(len(chars)), map(LANGUAGE_LINE_CHARS.__le__, chars)):
        sample += words_of(i)
        end = i + 1
        if len(sample) >= want:
            return sample, (end, LANGUAGE_LINE_CHARS)
    # a page of short lines: take what there is
    least = MIN_STOP_CHARS + 1
    sample = []
    end = 0
    for i in compress(range(len(chars)), map(least.__le__, chars)):
        sample += words_of(i)
        end = i + 1
        if len(sample) >= want:
            break
    return sample[:want], (end, least)


def language_sample(texts: Sequence[str], chars: Sequence[int]) -> list[str]:
    """The words the language is detected from: heads of prose-length lines, in page order.

    The lower-cased words of the first :data:`STOP_SAMPLE_CHARS` characters
    of each line of at least :data:`LANGUAGE_LINE_CHARS` characters, until
    there are :data:`LANGUAGE_SAMPLE_WORDS`; on a page without enough such
    lines, the first words of the heads of all lines longer than
    :data:`MIN_STOP_CHARS`.  Only the lines needed are split.
    """
    cut = STOP_SAMPLE_CHARS
    return _take_sample(lambda i: texts[i][:cut].lower().split(), chars)[0]


def short_runs(short: Sequence[bool]) -> list[int]:
    """For each line, the length of the run of consecutive short lines it is in (0 if not short)."""
    run: list[int] = []
    # one byte per line, 1 for short: each piece between zero bytes is a run, each zero a long line
    for piece in bytes(short).split(b"\0"):
        n = len(piece)
        run += [n] * n
        run.append(0)
    run.pop()
    return run

def is_terminal(text: str) -> bool:
    return text[-1] in TERMINAL

def short_line_flags(text: str) -> tuple[bool, bool, bool]:
    """(separator, digit, title) of a line; all false for lines longer than SHORT_LINE_CHARS."""
    if len(text) > SHORT_LINE_CHARS:
        return False, False, False
    return (SEPARATOR_RE.search(text) is not None or SPACED_HYPHEN in text,
            DIGIT_RE.search(text) is not None,
            text.istitle())

#: Separators and digits are found in a page's short lines all at once, in their cp1252 bytes:
#: cp1252 gives each of these characters one byte of its own (and each other character it
#: knows another byte, each character it does not know a "?"), so deleting every other byte
#: but the newline leaves, per line, the separators (or digits) it holds.
_FLAG_CODEC = "cp1252"
_KEEP_SEPARATORS = SEPARATOR_CHARS.encode(_FLAG_CODEC) + b"\n"
_KEEP_DIGITS = DIGIT_CHARS.encode(_FLAG_CODEC) + b"\n"
assert len(_KEEP_SEPARATORS) == len(SEPARATOR_CHARS) + 1 and len(_KEEP_DIGITS) == len(DIGIT_CHARS) + 1
_DROP_SEPARATORS = bytes(sorted(set(range(256)) - set(_KEEP_SEPARATORS)))
_DROP_DIGITS = bytes(sorted(set(range(256)) - set(_KEEP_DIGITS)))


def separator_digit_flags(texts: Sequence[str], chars: Sequence[int]) -> tuple[list, list]:
    """Per line, whether it holds a separator (:data:`SEPARATOR_RE`) and a digit (:data:`DIGIT_RE`).

    Only lines of at most :data:`SHORT_LINE_CHARS` characters are looked at
    (longer ones get false).  The flags are truthy/falsy values (byte strings
    or booleans): one ``encode``, two ``bytes.translate`` and two ``split``
    over the page's short lines instead of two regex searches per line.  Lines
    holding a newline cannot be told apart this way; they are searched with
    the patterns line by line.
    """
    short = SHORT_LINE_CHARS
    data = "\n".join([t if c <= short else "" for t, c in zip(texts, chars)]).encode(_FLAG_CODEC, "replace")
    seps = data.translate(None, _DROP_SEPARATORS).split(b"\n")
    if len(seps) == len(texts):
        return seps, data.translate(None, _DROP_DIGITS).split(b"\n")
    sep, dig = SEPARATOR_RE.search, DIGIT_RE.search
    return ([c <= short and sep(t) is not None for t, c in zip(texts, chars)],
            [c <= short and dig(t) is not None for t, c in zip(texts, chars)])


def edge_lines(n: int) -> int:
    """How many lines at each end of a page of ``n`` lines count as its edge."""
    return max(1, n // 20)

def line_features(page: PageLines) -> list[list[float]]:
    """One feature vector per line of ``page``, columns as in :data:`FEATURES` (for training)."""
    texts = page.texts
    n = len(texts)
    short, dense, sampled, stops = page.short, page.dense, page.sampled, page.stops
    edge_n = edge_lines(n)
    out: list[list[float]] = []
    for i, t in enumerate(texts):
        c, w, sw, s = page.chars[i], t.count(" ") + 1, sampled[i], stops[i]
        sep, dig, title = short_line_flags(t)
        out.append([
            1.0,
            log(1 + c),
            float(c <= 20),
            float(c <= 50),
            float(c >= 150),
            float(w <= 3 and c <= SHORT_LINE_CHARS),
            s / sw if sw else 0.0,
            log(1 + s),
            float(is_terminal(t)),
            float(sep),
            float(dig),
            float(title),
            i / n,
            float(i < edge_n or i >= n - edge_n),
            float(i > 0 and short[i - 1]),
            float(i + 1 < n and short[i + 1]),
            float(i > 0 and dense[i - 1]),
            float(i + 1 < n and dense[i + 1]),
            log(1 + page.run[i]),
        ])
    return out
