"""Per-line features for the boilerplate classifier: cheap, one pass, no regex on long lines.

Each line gets a short vector of numbers (see :data:`FEATURES`): its length,
its stopword density under the page's language, whether it ends like a
sentence, separators and link-like tokens, how title-cased it is, whether it
repeats on the page, where it sits, and the same few signs for its
neighbours.  The model (:mod:`.model`) weighs them; nothing here decides.

Everything is computed from ``str`` methods and set lookups, so the cost is
linear in the text and small per line.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from math import log

from .language import stopwords_for

#: Characters that end a sentence (or a quoted sentence) in the languages we see.
TERMINAL = frozenset('.!?…"”“»«)\'’;:')
#: Separators that menus, breadcrumbs and footers are built from.
SEPARATOR_RE = re.compile(r"[|»›·•«‹/>]|\s[-–—]\s")
#: Signs of a link, an address or a handle.
LINKISH_RE = re.compile(r"https?:|www\.|@|\.(?:com|de|pl|fr|org|net)\b")
#: A digit.
DIGIT_RE = re.compile(r"\d")
#: A line this short (in chars) is "short" for the run features.
SHORT_CHARS = 40
#: Title-case share is only measured on lines of at most this many words.
TITLE_MAX_WORDS = 12

#: Names of the feature columns, in order.
FEATURES: tuple[str, ...] = (
    "bias",
    "log_chars",          # log(1 + characters)
    "chars_le_20",
    "chars_le_50",
    "chars_ge_150",
    "words_le_3",
    "stop_density",       # stopwords / words
    "stop_count_log",     # log(1 + stopwords)
    "terminal",           # ends like a sentence
    "separator",          # | » › · • / > or a spaced dash
    "linkish",            # URL, e-mail, handle, domain
    "digit",              # contains a digit, short line
    "title_share",        # share of title-case words (short lines)
    "repeated",           # the same line appears again on the page
    "position",           # index / number of lines
    "edge",               # in the first or last 5% of the page
    "prev_short",         # previous line is short
    "next_short",
    "prev_dense",         # previous line has stop density >= 0.25 and >= 8 words
    "next_dense",
    "short_run",          # length of the run of short lines this line is in (log)
)


class PageLines:
    """Per-line measurements of one page, computed once and shared by features and rules."""

    __slots__ = ("texts", "words", "stops", "chars", "language", "stopwords", "counts")

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        lowered = [t.lower().split() for t in texts]
        self.words = [len(ws) for ws in lowered]
        # sample long lines first for language detection: they are prose if anything is
        sample: list[str] = []
        for ws in sorted(lowered, key=len, reverse=True):
            sample.extend(ws)
            if len(sample) >= 400:
                break
        self.language, stop = stopwords_for(sample)
        self.stopwords = stop
        contains = stop.__contains__
        self.stops = [sum(map(contains, ws)) for ws in lowered]
        self.chars = [len(t) for t in texts]
        self.counts = Counter(texts)


def line_features(page: PageLines) -> list[list[float]]:
    """One feature vector per line of ``page``, columns as in :data:`FEATURES`."""
    texts, words, stops, chars, counts = page.texts, page.words, page.stops, page.chars, page.counts
    n = len(texts)
    short = [c <= SHORT_CHARS for c in chars]
    dense = [w >= 8 and s >= 0.25 * w for w, s in zip(words, stops)]
    # run lengths of consecutive short lines
    run = [0] * n
    i = 0
    while i < n:
        if short[i]:
            j = i
            while j < n and short[j]:
                j += 1
            for k in range(i, j):
                run[k] = j - i
            i = j
        else:
            i += 1
    edge_n = max(1, n // 20)
    out: list[list[float]] = []
    for i, t in enumerate(texts):
        c, w, s = chars[i], words[i], stops[i]
        small = c <= 80
        title = 0.0
        if w <= TITLE_MAX_WORDS:
            tw = t.split()
            title = sum(map(str.istitle, tw)) / len(tw)
        out.append([
            1.0,
            log(1 + c),
            float(c <= 20),
            float(c <= 50),
            float(c >= 150),
            float(w <= 3),
            s / w if w else 0.0,
            log(1 + s),
            float(t[-1] in TERMINAL),
            float(small and SEPARATOR_RE.search(t) is not None),
            float(small and LINKISH_RE.search(t) is not None),
            float(small and DIGIT_RE.search(t) is not None),
            title,
            float(counts[t] > 1),
            i / n,
            float(i < edge_n or i >= n - edge_n),
            float(i > 0 and short[i - 1]),
            float(i + 1 < n and short[i + 1]),
            float(i > 0 and dense[i - 1]),
            float(i + 1 < n and dense[i + 1]),
            log(1 + run[i]),
        ])
    return out
