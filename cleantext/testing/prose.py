"""Strategies for realistic article prose: the content a cleaner must keep whole.

Articles are written from the kit's vocabularies
(``cleantext/data/testing/<lang>.toml``): sentence templates filled with
names, places, organisations, numbers and dates, quotes with the language's
quotation marks, headlines and subheadings.  A paragraph is several sentences
with terminal punctuation, as a reader (and a boilerplate classifier) expects
of article text.

Hypothesis draws the article's shape (language, number of paragraphs, where
subheadings go) and one seed per paragraph; the seed picks the sentences and
fills their slots.  This keeps generation fast (a few draws per paragraph
instead of dozens) while every example stays reproducible and the shape
still shrinks.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from functools import lru_cache

from hypothesis import strategies as st

from . import vocabulary as vocab

__all__ = ["article_paragraphs", "fill", "languages", "paragraph", "sentence", "write"]

languages = vocab.languages

_NUMBERS: dict[str, Callable[[random.Random], str]] = {
    "num": lambda r: str(r.randint(2, 90)),
    "big": lambda r: str(r.randint(120, 9800)),
    "pct": lambda r: str(r.randint(2, 60)),
    "year": lambda r: str(r.randint(2012, 2031)),
    "day": lambda r: str(r.randint(1, 28)),
    "n": lambda r: str(r.randint(2, 15)),
    "hour12": lambda r: str(r.randint(1, 12)),
    "hour24": lambda r: f"{r.randint(0, 23):02d}",
    "minute": lambda r: f"{r.randint(0, 59):02d}",
    "dd": lambda r: f"{r.randint(1, 28):02d}",
    "mm": lambda r: f"{r.randint(1, 12):02d}",
    "ampm": lambda r: r.choice(("am", "pm")),
}
#: Slots filled from a list of the same (plural) name in ``[prose]`` or
#: ``[noise]``, or in the language-independent ``[slots]`` of ``_common.toml``.
_LISTS = {"place": "places", "org": "orgs", "role": "roles", "weekday": "weekdays",
          "month": "months", "quote": "quotes", "org_title": "org_titles",
          "agency": "agencies", "subheading": "subheadings", "network": "networks"}

_SEED = st.integers(0, 2**32 - 1)


def _slot_value(rng: random.Random, language: str, slot: str) -> str:
    words = vocab.prose(language)
    if slot in ("name", "name2"):
        return f"{rng.choice(words['given'])} {rng.choice(words['family'])}"
    if slot == "surname":
        return rng.choice(words["family"])
    if slot in _NUMBERS:
        return _NUMBERS[slot](rng)
    key = _LISTS.get(slot, slot)
    values = (words.get(key) or vocab.noise_forms(language).get(key)
              or vocab.common().get("slots", {}).get(key))
    if not values:
        raise ValueError(f"template slot {{{slot}}} has no list {key!r} in the {language} vocabulary")
    return rng.choice(values)


def _capitalize(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isdigit():
            return text
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1:] if ch.islower() else text
    return text


def write(rng: random.Random, template: str, language: str, **given: str) -> str:
    """``template`` with its ``{slot}`` fields filled from ``language``'s vocabulary.

    ``given`` fixes some slots (``url=...``); the result starts with a capital
    unless it starts with a number.
    """
    values = dict(given)
    for slot in vocab.template_slots(template):
        if slot not in values:
            values[slot] = _slot_value(rng, language, slot)
    return _capitalize(template.format(**values))


@lru_cache(maxsize=None)
def _fill(template: str, language: str) -> st.SearchStrategy[str]:
    return _SEED.map(lambda seed: write(random.Random(seed), template, language))


def fill(template: str, language: str, **given: str) -> st.SearchStrategy[str]:
    """A strategy for ``template`` filled from ``language``'s vocabulary (see :func:`write`)."""
    if not given:
        return _fill(template, language)
    return _SEED.map(lambda seed: write(random.Random(seed), template, language, **given))


def _paragraph_text(rng: random.Random, language: str, min_sentences: int, max_sentences: int) -> str:
    words = vocab.prose(language)
    plain: list[str] = words["sentences"]
    n = rng.randint(min(min_sentences, len(plain)), min(max_sentences, len(plain)))
    out = [write(rng, t, language) for t in rng.sample(plain, n)]
    if rng.random() < 0.5:
        out.insert(rng.randint(0, len(out)), write(rng, rng.choice(words["quote_forms"]), language))
    return " ".join(out)


def sentence(language: str = "en", *, quotes: bool = True) -> st.SearchStrategy[str]:
    """One sentence of article prose, ending with terminal punctuation."""
    words = vocab.prose(language)
    templates = list(words["sentences"]) + (list(words["quote_forms"]) if quotes else [])
    return st.tuples(st.sampled_from(templates), _SEED).map(
        lambda ts: write(random.Random(ts[1]), ts[0], language))


def paragraph(language: str = "en", *, min_sentences: int = 2,
              max_sentences: int = 5) -> st.SearchStrategy[str]:
    """A paragraph: several different sentences, perhaps one with a quote."""
    return _SEED.map(lambda seed: _paragraph_text(random.Random(seed), language,
                                                  min_sentences, max_sentences))


@st.composite
def article_paragraphs(draw: st.DrawFn, language: str | None = None, *, min_paragraphs: int = 3,
                       max_paragraphs: int = 7, headline: bool = True,
                       subheadings: bool = True) -> list[str]:
    """The blocks of a clean article, in order: headline, paragraphs, subheadings.

    ``language`` is drawn from :func:`languages` when None.  The headline (no
    terminal punctuation) comes first; subheadings (short, no terminal
    punctuation) stand between paragraphs, never first, last or side by side.
    Every paragraph has two to five sentences with names, numbers, dates and
    sometimes a quote in the language's quotation marks.
    """
    lang = language or draw(st.sampled_from(languages()))
    words = vocab.prose(lang)
    n = draw(st.integers(min_paragraphs, max_paragraphs))
    seeds = draw(st.lists(_SEED, min_size=n, max_size=n, unique=True))
    body = [_paragraph_text(random.Random(s), lang, 2, 5) for s in seeds]
    if subheadings and n >= 3:
        # Before paragraph i, for i in 2..n-1, at least two apart: never adjacent.
        count = draw(st.integers(0, min(2, (n - 1) // 2)))
        rng = random.Random(draw(_SEED))
        slots: list[int] = []
        for _ in range(count):
            ok = [i for i in range(2, n) if all(abs(i - j) > 1 for j in slots)]
            if ok:
                slots.append(rng.choice(ok))
        heads = rng.sample(words["subheadings"], len(slots))
        for pos, head in sorted(zip(slots, heads), reverse=True):
            body.insert(pos, head)
    if headline:
        body.insert(0, draw(st.tuples(st.sampled_from(words["headlines"]), _SEED).map(
            lambda ts: write(random.Random(ts[1]), ts[0], lang))))
    return body
