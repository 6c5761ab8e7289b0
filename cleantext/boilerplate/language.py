"""Which stopword list fits a page: language detection from jusText's stoplists.

jusText ships stopword lists for about 100 languages (a dependency of
trafilatura, so always installed).  A page's language is the list that covers
the most of a sample of its words; a line's *stopword density* under that list
is the strongest single sign of running prose.  When no list covers enough of
the sample (a language without a list, a script without spaces, a page of
numbers), :func:`stopwords_for` falls back to a language-free list: the page's
own most frequent short words, which are its function words in any language.

All lists are read once per process and kept as frozensets.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain

#: Short names for the languages the project reports on; other lists keep jusText's name.
_SHORT = {"German": "de", "English": "en", "French": "fr", "Polish": "pl", "Spanish": "es",
          "Italian": "it", "Portuguese": "pt", "Dutch": "nl", "Czech": "cs", "Russian": "ru",
          "Swedish": "sv", "Danish": "da", "Finnish": "fi", "Hungarian": "hu", "Turkish": "tr",
          "Chinese": "zh", "Japanese": "ja", "Slovak": "sk", "Greek": "el"}
#: Lists left out of detection: a near-duplicate of another list that would split its votes.
_SKIP = frozenset({"Simple_English"})

#: How many words of the page the detector counts ...
SAMPLE_WORDS = 300
#: ... of which this many vote for candidate lists ...
VOTE_WORDS = 80
#: ... and this many best-voted lists are counted exactly.
CANDIDATES = 4
#: The best list must cover at least this share of the sampled words ...
MIN_COVERAGE = 0.12
#: ... and at least this many of them.
MIN_HITS = 8
#: Words in more lists than this do not vote (they tell few languages apart, and cost time).
MAX_LISTS_PER_WORD = 12
#: Size of the language-free fallback list.
FALLBACK_WORDS = 40
#: Longest word that may enter the fallback list (function words are short).
FALLBACK_MAX_LEN = 4


@lru_cache(maxsize=1)
def _lists() -> tuple[tuple[str, ...], tuple[frozenset[str], ...], dict[str, tuple[int, ...]]]:
    """(language names, stoplists, word -> indices of the lists that have it)."""
    import justext  # deferred: only pages that reach the classifier need it

    names = tuple(sorted(n for n in justext.get_stoplists() if n not in _SKIP))
    sets = tuple(justext.get_stoplist(n) for n in names)
    index: dict[str, list[int]] = {}
    for i, s in enumerate(sets):
        for w in s:
            index.setdefault(w, []).append(i)
    return names, sets, {w: tuple(v) for w, v in index.items() if len(v) <= MAX_LISTS_PER_WORD}


def language_code(name: str) -> str:
    """A short code for a stoplist name ("German" -> "de"); unknown names stay as they are."""
    return _SHORT.get(name, name)


def detect(words: Sequence[str]) -> tuple[str, frozenset[str]] | None:
    """The stoplist that covers most of ``words`` (lower-cased), or None if none fits.

    Returns ``(language name, stoplist)``.  Two stages keep it cheap: the
    first :data:`VOTE_WORDS` words vote for the lists that contain them (only
    words in at most :data:`MAX_LISTS_PER_WORD` lists vote), then the
    :data:`CANDIDATES` best lists are counted exactly over the first
    :data:`SAMPLE_WORDS` words.  Ties go to the first list in name order.
    """
    names, sets, index = _lists()
    sample = words[:SAMPLE_WORDS]
    if not sample:
        return None
    votes = Counter(chain.from_iterable(filter(None, map(index.get, sample[:VOTE_WORDS]))))
    if not votes:
        return None
    candidates = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]
    counts = Counter(sample)
    seen = counts.keys()
    best, hits = max(((i, sum(map(counts.__getitem__, sets[i].intersection(seen))))
                      for i, _ in candidates), key=lambda kv: (kv[1], -kv[0]))
    if hits < MIN_HITS or hits < MIN_COVERAGE * len(sample):
        return None
    return names[best], sets[best]


def fallback_stopwords(words: Sequence[str]) -> frozenset[str]:
    """Language-free stopwords: the most frequent short words of the page itself."""
    counts = Counter(w for w in words if len(w) <= FALLBACK_MAX_LEN and w.isalpha())
    return frozenset(w for w, n in counts.most_common(FALLBACK_WORDS) if n > 1)


def stopwords_for(words: Sequence[str]) -> tuple[str, frozenset[str]]:
    """The page's language name (or ``"unknown"``) and the stopword set to use for it."""
    found = detect(words)
    if found is not None:
        return found
    return "unknown", fallback_stopwords(words)
