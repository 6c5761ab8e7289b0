"""Which stopword list fits a page: language detection from jusText's stoplists.

jusText ships stopword lists for about 100 languages (a dependency of
trafilatura, so always installed).  A page's language is the list that covers
the most of a sample of its words; a line's *stopword density* under that list
is the strongest single sign of running prose.  When no list covers enough of
the sample (a language without a list, a script without spaces, a page of
numbers), :func:`stopwords_for` falls back to a language-free list: the page's
own most frequent short words, which are its function words in any language.

Lists are read once per process, and only when needed: the detector builds
a small index of each list's most frequent words, and a full list is read
(and kept as a frozenset) the first time a page in that language is seen.
jusText itself is not imported (its stoplists are located as package data).
"""
from __future__ import annotations

import importlib.util
from array import array
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from pathlib import Path

#: The language code of each jusText stoplist, as the result's metadata gives it: ISO 639-1
#: where the language has one, else ISO 639-3 (or the Wikipedia code of a variety:
#: "be-tarask").  A name not listed (a user's own list) stays as it is.
_SHORT = {
    "Afrikaans": "af", "Albanian": "sq", "Arabic": "ar", "Aragonese": "an", "Armenian": "hy",
    "Aromanian": "rup", "Asturian": "ast", "Azerbaijani": "az", "Basque": "eu", "Belarusian": "be",
    "Belarusian_Taraskievica": "be-tarask", "Bengali": "bn", "Bishnupriya_Manipuri": "bpy",
    "Bosnian": "bs", "Breton": "br", "Bulgarian": "bg", "Catalan": "ca", "Cebuano": "ceb",
    "Chinese": "zh", "Chuvash": "cv", "Croatian": "hr", "Czech": "cs", "Danish": "da", "Dutch": "nl",
    "English": "en", "Esperanto": "eo", "Estonian": "et", "Finnish": "fi", "French": "fr",
    "Galician": "gl", "Georgian": "ka", "German": "de", "Greek": "el", "Gujarati": "gu",
    "Haitian": "ht", "Hebrew": "he", "Hindi": "hi", "Hungarian": "hu", "Icelandic": "is", "Ido": "io",
    "Igbo": "ig", "Indonesian": "id", "Irish": "ga", "Italian": "it", "Japanese": "ja",
    "Javanese": "jv", "Kannada": "kn", "Kazakh": "kk", "Korean": "ko", "Kurdish": "ku", "Kyrgyz": "ky",
    "Latin": "la", "Latvian": "lv", "Lithuanian": "lt", "Lombard": "lmo", "Low_Saxon": "nds",
    "Luxembourgish": "lb", "Macedonian": "mk", "Malay": "ms", "Malayalam": "ml", "Maltese": "mt",
    "Marathi": "mr", "Neapolitan": "nap", "Nepali": "ne", "Newar": "new", "Norwegian_Bokmal": "nb",
    "Norwegian_Nynorsk": "nn", "Occitan": "oc", "Persian": "fa", "Piedmontese": "pms",
    "Polish": "pl", "Portuguese": "pt", "Quechua": "qu", "Romanian": "ro", "Russian": "ru",
    "Samogitian": "sgs", "Serbian": "sr", "Serbo_Croatian": "sh", "Sicilian": "scn",
    "Simple_English": "en", "Slovak": "sk", "Slovenian": "sl", "Spanish": "es", "Sundanese": "su",
    "Swahili": "sw", "Swedish": "sv", "Tagalog": "tl", "Tamil": "ta", "Telugu": "te",
    "Turkish": "tr", "Turkmen": "tk", "Ukrainian": "uk", "Urdu": "ur", "Uzbek": "uz",
    "Vietnamese": "vi", "Volapuk": "vo", "Walloon": "wa", "Waray_Waray": "war", "Welsh": "cy",
    "West_Frisian": "fy", "Western_Panjabi": "pnb", "Yoruba": "yo",
}
#: Lists left out of detection: a near-duplicate of another list that would split its votes.
_SKIP = frozenset({"Simple_English"})

#: How many words of the page vote for a language ...
VOTE_WORDS = 150
#: ... and how many the winning list must cover well enough.
SAMPLE_WORDS = 300
#: The best list must cover at least this share of the sampled words ...
MIN_COVERAGE = 0.12
#: ... and at least this many of them.
MIN_HITS = 8
#: The most frequent words of each list that vote for it.
VOTE_LIST_WORDS = 150
#: Words in more lists than this do not vote (they tell few languages apart, and cost time).
MAX_LISTS_PER_WORD = 12
#: Size of the language-free fallback list.
FALLBACK_WORDS = 40
#: Longest word that may enter the fallback list (function words are short).
FALLBACK_MAX_LEN = 4


def stoplist_dir() -> Path:
    """jusText's folder of stoplists, found without importing jusText (and lxml with it)."""
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the boilerplate classifier needs jusText (installed with trafilatura)")
    return Path(next(iter(spec.submodule_search_locations))) / "stoplists"


@lru_cache(maxsize=None)
def stoplist(name: str) -> frozenset[str]:
    """jusText's stoplist ``name`` ("German"), lower-cased, read once."""
    # as justext.get_stoplist: one word a line
    return frozenset((stoplist_dir() / f"{name}.txt").read_text(encoding="utf-8").lower().split())


def _head_words(path: Path, count: int) -> list[str]:
    """The first ``count`` words of a stoplist file (the lists are ordered by frequency)."""
    size = count * 24
    with open(path, encoding="utf-8") as fh:
        text = fh.read(size)
    if len(text) == size:  # cut at the last whole line
        text = text[:text.rfind("\n")]
    return text.lower().split()[:count]


@lru_cache(maxsize=1)
def _lists() -> tuple[tuple[str, ...], dict[str, list[int]]]:
    """(language names, word -> indices of the lists whose frequent words include it), built once.

    Only the :data:`VOTE_LIST_WORDS` most frequent words of each list vote, and
    only those in at most :data:`MAX_LISTS_PER_WORD` lists; the full lists are
    read on demand by :func:`stoplist`.
    """
    folder = stoplist_dir()
    names = tuple(sorted(p.stem for p in folder.glob("*.txt") if p.stem not in _SKIP))
    heads = [_head_words(folder / f"{n}.txt", VOTE_LIST_WORDS) for n in names]
    spread = Counter(chain.from_iterable(map(set, heads)))
    index: dict[str, list[int]] = {}
    for i, words in enumerate(heads):
        for w in set(words):
            if spread[w] <= MAX_LISTS_PER_WORD:
                index.setdefault(w, []).append(i)
    return names, index


#: Bits per list in a packed ballot (see :func:`_ballots`): room for VOTE_WORDS votes.
_BALLOT_BITS = 8


@lru_cache(maxsize=1)
def _ballots() -> dict[str, int]:
    """word -> its votes packed into one int: bit field ``i`` (of :data:`_BALLOT_BITS`) is 1 if it votes for list ``i``.

    Summing the ballots of a page's words counts the votes of every list at
    once (one C-level ``sum`` of big ints) instead of one counter update per
    (word, list) pair; no field can carry into the next, since a page casts
    at most :data:`VOTE_WORDS` votes per list.
    """
    assert VOTE_WORDS < 1 << _BALLOT_BITS
    _, index = _lists()
    return {w: sum(1 << (_BALLOT_BITS * i) for i in lists) for w, lists in index.items()}


def _tally(words: Sequence[str], lists: int) -> array | None:
    """Votes of ``words`` for each of the ``lists`` lists (an array of counts), or None if no word votes."""
    total = sum(filter(None, map(_ballots().get, words)))
    if not total:
        return None
    return array("B", total.to_bytes(lists * _BALLOT_BITS // 8, "little"))


def language_code(name: str) -> str:
    """The language code of a stoplist name ("German" -> "de", "Sundanese" -> "su"); a name
    without one (a user's own list, "unknown") stays as it is."""
    return _SHORT.get(name, name)


def detect(words: Sequence[str]) -> tuple[str, frozenset[str]] | None:
    """The stoplist that covers most of ``words`` (lower-cased), or None if none fits.

    Returns ``(language name, stoplist)``.  The first :data:`VOTE_WORDS` words
    vote for every list that contains them (only words in at most
    :data:`MAX_LISTS_PER_WORD` lists vote); ties go to the first list in name
    order.  The winner must then cover enough of the first
    :data:`SAMPLE_WORDS` words.
    """
    names, _ = _lists()
    if not words:
        return None
    votes = _tally(words[:VOTE_WORDS], len(names))
    if votes is None:
        return None
    # the most votes; ties go to the first list in name order (the lowest index)
    best = votes.index(max(votes))
    stop = stoplist(names[best])
    sample = words[:SAMPLE_WORDS]
    hits = sum(map(stop.__contains__, sample))
    if hits < MIN_HITS or hits < MIN_COVERAGE * len(sample):
        return None
    return names[best], stop


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
