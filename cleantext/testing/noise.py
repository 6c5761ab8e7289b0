"""Strategies for noise lines, one family (:class:`~cleantext.Kind`) at a time.

Two sources:

- **Phrase families**: every table named after a kind in the filters' own
  phrase files (``cleantext/data/phrases/<lang>.toml``).  Each phrase comes
  out as a line with realistic variations: case (``ADVERTISEMENT``), edge
  punctuation (``Anzeige:``, ``– Reklama –``) and surrounding whitespace.
  Each list is used as docs/phrases.md says the filters read it
  (:data:`.vocabulary.KEY_FORMS`): whole-line lists as they are, line-start
  lists completed the way the rule expects ("Photo: Jane Doe", "Read more:
  What happens next"), and lists that only mean something inside a larger
  rule (roles, months, fragments matched inside a line) not at all.
- **Structural families**, which are shapes rather than phrases: datelines
  and reading times, bylines, photo credit lines (from the kit's vocabularies)
  and opaque tracking tokens (base64, hex and percent-encoded blobs).

Inline tracking parameters live inside URLs in sentences: see
:func:`tracking_urls`.
"""
from __future__ import annotations

import base64
import json
import random
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import quote

from hypothesis import strategies as st

from ..kinds import Kind
from . import vocabulary as vocab
from .prose import fill, write

__all__ = ["TrackedURL", "noise_blocks", "noise_kinds", "tracking_tokens", "tracking_urls",
           "write_tracked_url"]

#: Families the kit builds from shapes, and the ``[noise]`` list of forms for each.
STRUCTURAL_FORMS: dict[Kind, str] = {
    Kind.CAPTION: "credit_forms",
    Kind.BIO: "byline_forms",
    Kind.DATELINE: "dateline_forms",
}


@lru_cache(maxsize=1)
def noise_kinds() -> tuple[Kind, ...]:
    """Every kind :func:`noise_blocks` can generate: phrase tables plus structural families."""
    have = set(vocab.phrase_kinds()) | set(STRUCTURAL_FORMS) | {Kind.TRACKING}
    return tuple(k for k in Kind if k in have)


# ----------------------------------------------------------------------------- variations

def _upper(text: str) -> str:
    """Capitals as sites type them: ``ß`` stays (``str.upper`` would respell it ``SS``)."""
    return "ß".join(part.upper() for part in text.split("ß"))


_CASES: tuple[Callable[[str], str], ...] = (str, _upper, str.lower, str.title)
_EDGES = (("", ""), ("", ":"), ("", " »"), ("", " ›"), ("", "…"), ("– ", " –"), ("[", "]"),
          ("(", ")"), ("■ ", ""), ("", " ▼"))
_SPACES = ("", "", " ", "  ", "\t", "\u00a0")


def _vary(phrases: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Phrases as sites print them: case, edge punctuation, surrounding spaces."""
    return st.builds(
        lambda phrase, case, edge, lead, trail: f"{lead}{edge[0]}{case(phrase)}{edge[1]}{trail}",
        phrases, st.sampled_from(_CASES), st.sampled_from(_EDGES),
        st.sampled_from(_SPACES), st.sampled_from(_SPACES))


def _pad(lines: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Lines with surrounding spaces."""
    return st.builds(lambda line, lead, trail: f"{lead}{line}{trail}", lines,
                     st.sampled_from(_SPACES), st.sampled_from(_SPACES))


# ----------------------------------------------------------------------------- sources


def _phrase_lines(kind: Kind, langs: tuple[str, ...], variations: bool) -> list[st.SearchStrategy[str]]:
    out: list[st.SearchStrategy[str]] = []
    lines = sorted({p for lang in langs for p in vocab.line_phrases(kind.value, lang)})
    if lines:
        base = st.sampled_from(lines)
        out.append(_vary(base) if variations else base)
    completed = sorted({pt for lang in langs for pt in vocab.completed_phrases(kind.value, lang)})
    if completed:
        lang0 = langs[0] if langs[0] in vocab.languages() else "en"
        line = st.sampled_from(completed).flatmap(
            lambda pt: fill(pt[1], lang0, phrase=pt[0]))
        out.append(_pad(line) if variations else line)
    return out


def _structural(kind: Kind, language: str | None, variations: bool) -> st.SearchStrategy[str] | None:
    if kind == Kind.TRACKING:
        token = tracking_tokens()
        return _pad(token) if variations else token
    key = STRUCTURAL_FORMS.get(kind)
    if key is None:
        return None
    langs = (language,) if language in vocab.languages() else vocab.languages()
    line = st.one_of([fill(form, lg) for lg in langs for form in vocab.noise_forms(lg)[key]])
    return _pad(line) if variations else line


def noise_blocks(kind: Kind | str, *, language: str | None = None,
                 variations: bool = True) -> st.SearchStrategy[str]:
    """Lines of noise of one family, as they stand alone on a scraped page.

    ``kind`` is a :class:`~cleantext.Kind` or its value.  Phrase families draw
    from the phrase files of ``language`` (every built-in language when None,
    or when ``language`` has no list for the family); structural families
    (datelines, bylines, credit lines, tracking tokens) from the kit's
    vocabularies.  With ``variations``, lines vary in case, edge punctuation
    and surrounding whitespace.  The text never contains a line break.
    """
    return _noise_blocks(Kind(kind), language, variations)


@lru_cache(maxsize=None)
def _noise_blocks(kind: Kind, language: str | None, variations: bool) -> st.SearchStrategy[str]:
    langs: tuple[str, ...] = vocab.phrase_languages()
    if language is not None and (vocab.line_phrases(kind.value, language)
                                 or vocab.prefix_phrases(kind.value, language)):
        langs = (language,)
    sources = _phrase_lines(kind, langs, variations)
    structural = _structural(kind, language, variations)
    if structural is not None:
        sources.append(structural)
    if not sources:
        raise ValueError(f"no noise generator for kind {kind.value!r}; "
                         f"the kit generates: {', '.join(k.value for k in noise_kinds())}")
    return st.one_of(sources)


# ----------------------------------------------------------------------------- tracking


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _percent_blob(payload: dict[str, object]) -> str:
    return quote(json.dumps(payload, separators=(",", ":")), safe="")


def tracking_tokens() -> st.SearchStrategy[str]:
    """Opaque tokens as scrapers leave them on a line of their own.

    Base64 (standard and URL-safe) of 24 to 90 bytes, hex digests (32, 40 or
    64 digits) and percent-encoded JSON payloads.
    """
    return st.tuples(st.integers(0, 3), _SEED).map(lambda fs: _token(fs[0], random.Random(fs[1])))


_SEED = st.integers(0, 2**32 - 1)


def _token(form: int, rng: random.Random) -> str:
    # Bytes come from a seeded generator, not from hypothesis: a token is the
    # output of a hash or a cipher, and hypothesis would shrink it to zeros
    # ("AAAA..."), which no site prints.
    if form == 0:
        return _b64(rng.randbytes(rng.randint(24, 90)))
    if form == 1:
        return _b64url(rng.randbytes(rng.randint(24, 90)))
    if form == 2:
        return rng.randbytes(rng.choice((16, 20, 32))).hex()
    return _percent_blob({"id": rng.randint(10**5, 10**9),
                          "src": rng.choice(vocab.common()["tracking"]["utm_values"]),
                          "ts": rng.randint(1_500_000_000, 1_900_000_000),
                          "sig": rng.randbytes(rng.randint(8, 16)).hex()})


class TrackedURL(NamedTuple):
    """A URL with tracking parameters, the same URL without them, and the parameters."""

    noisy: str
    clean: str
    params: tuple[str, ...]


def write_tracked_url(rng: random.Random) -> TrackedURL:
    """A :class:`TrackedURL` drawn with ``rng`` (see :func:`tracking_urls`)."""
    urls = vocab.common()["urls"]
    tr = vocab.common()["tracking"]
    path = write(rng, rng.choice(urls["paths"]), "en").lower()
    clean = f"https://{rng.choice(urls['hosts'])}/{path}"
    content = [write(rng, p, "en").lower() for p in rng.sample(urls["params"], rng.randint(0, 2))]
    params = [f"{k}={rng.choice(tr['utm_values'])}" for k in rng.sample(tr["utm_keys"], rng.randint(0, 3))]
    if not params or rng.random() < 0.5:
        click = _b64url(rng.randbytes(rng.randint(16, 40)))
        params.append(f"{rng.choice(tr['click_keys'])}={click}")
    if content:
        clean += "?" + "&".join(content)
        noisy = clean + "&" + "&".join(params)
    else:
        noisy = clean + "?" + "&".join(params)
    return TrackedURL(noisy, clean, tuple(params))


def tracking_urls() -> st.SearchStrategy[TrackedURL]:
    """A link as newsletters and social sites leave it: content URL plus tracking parameters.

    Content parameters (``id=12``) come first and stay in ``clean``; the
    tracking ones (``utm_*``, ``fbclid``, ``gclid``) follow and are listed in
    ``params`` as ``key=value``.
    """
    return st.integers(0, 2**32 - 1).map(lambda seed: write_tracked_url(random.Random(seed)))
