"""Strategies for whole noisy articles: clean prose with noise where sites put it.

:func:`noisy_articles` writes a clean article (:func:`~.prose.article_paragraphs`),
then puts noise of the chosen families where scraped pages have it:

- ``top``: above the headline (menus, ad labels);
- ``lead``: between the headline and the first paragraph (bylines, datelines,
  photo credits);
- ``between``: alone on a line between two paragraphs (ad labels, sign-up
  prompts, photo credits);
- ``footer``: after the last paragraph (related links, sign-up prompts,
  copyright lines, tracking tokens);
- ``inline``: tracking parameters inside a URL in a sentence.

Then, optionally, the damage scraped text carries: mojibake (UTF-8 read as
Windows-1252 or Latin-1), invisible characters (byte-order marks, C0
controls, DEL) and whitespace damage (CRLF or CR line ends, indentation,
trailing spaces, no-break spaces and tabs between words, extra blank lines).
It returns a :class:`NoisyArticle`: the noisy text, the clean paragraphs a
correct cleaner outputs, and every piece of noise it put in.
"""
from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-* codecs)
from hypothesis import strategies as st

from ..kinds import Kind
from . import vocabulary as vocab
from .noise import write_tracked_url, noise_blocks, noise_kinds
from .prose import article_paragraphs, write

__all__ = ["INVISIBLE", "PLACES", "Noise", "NoisyArticle", "noisy_articles"]

#: Where each family sits on a page.  Families not listed go between
#: paragraphs or in the footer.
PLACES: dict[Kind, tuple[str, ...]] = {
    Kind.NAVIGATION: ("top", "footer"),
    Kind.ADVERTISEMENT: ("top", "between", "footer"),
    Kind.SIGNUP: ("between", "footer"),
    Kind.CAPTION: ("lead", "between"),
    Kind.BIO: ("lead",),
    Kind.DATELINE: ("lead",),
    Kind.RELATED: ("footer",),  # copyright, cookie and tag lines: never mid-article
    Kind.TRACKING: ("footer",),
}
_DEFAULT_PLACES = ("between", "footer")

#: Invisible characters injected as damage: ones a cleaner is expected to
#: strip (byte-order mark / zero-width no-break space, C0 controls, DEL).
#: Zero-width spaces, joiners and soft hyphens are not injected: they can
#: carry meaning (emoji sequences, hyphenation hints) and cleantext keeps them.
INVISIBLE = ("\ufeff", "\x00", "\x07", "\x7f")
_SPACE_DAMAGE = ("\u00a0", "\t", "  ", "\u2009", "\u202f", " \u00a0")
_MOJIBAKE = ("sloppy-windows-1252", "latin-1")


@dataclass(frozen=True)
class Noise:
    """One piece of noise put into an article.

    ``text`` is the piece as a cleaner sees it after whitespace
    normalization (a whole line, or for ``place == "inline"`` a
    ``key=value`` URL parameter); ``raw`` is what was inserted.
    """

    kind: Kind
    text: str
    place: str
    raw: str

    @property
    def inline(self) -> bool:
        return self.place == "inline"


@dataclass(frozen=True)
class NoisyArticle:
    """A generated test case.

    - ``text``: the noisy, possibly damaged input;
    - ``paragraphs``: the blocks a correct cleaner outputs, in order
      (headline, paragraphs, subheadings; inline tracking already stripped);
    - ``noise``: every piece of noise inserted;
    - ``language``: the article's language; ``damage``: the damage applied.
    """

    text: str
    paragraphs: tuple[str, ...]
    noise: tuple[Noise, ...]
    language: str
    damage: tuple[str, ...] = ()

    def kinds(self) -> frozenset[Kind]:
        """The families of the inserted noise."""
        return frozenset(n.kind for n in self.noise)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _places(kind: Kind) -> tuple[str, ...]:
    return PLACES.get(kind, _DEFAULT_PLACES)


def _link_sentence(rng: random.Random, language: str, tracked: bool) -> tuple[str, str, tuple[str, ...]]:
    """(noisy sentence, clean sentence, tracking params) with a URL in it."""
    url = write_tracked_url(rng)
    form = rng.choice(vocab.noise_forms(language)["link_forms"])
    clean = write(rng, form, language, url=url.clean)
    if not tracked:
        return clean, clean, ()
    return clean.replace(url.clean, url.noisy, 1), clean, url.params


_INDENTS = ("", " ", "\t", "    ")
_TRAILS = ("", " ", "  ", "\t", "\u00a0")
_EXTRA_LINES = ("", "\n", "\n \n")
_ENDINGS = ("\n", "\n", "\r\n", "\r")
_SEED = st.integers(0, 2**32 - 1)


def _damage_invisible(rng: random.Random, text: str) -> str:
    # At the start of the text and of lines, and before spaces: never inside a
    # mojibake sequence, where it would hide the sequence from repair.
    spots = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"] + [i for i, c in enumerate(text) if c == " "]
    out = text
    for pos in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 6))), reverse=True):
        out = out[:pos] + rng.choice(INVISIBLE) + out[pos:]
    return out


def _damage_whitespace(rng: random.Random, text: str) -> str:
    spaces = [i for i, c in enumerate(text) if c == " "]
    chars = list(text)
    for i in rng.sample(spaces, min(len(spaces), rng.randint(0, 8))):
        chars[i] = rng.choice(_SPACE_DAMAGE)
    lines = "".join(chars).split("\n")
    for _ in range(rng.randint(0, 10)):
        i = rng.randrange(len(lines))
        if lines[i]:
            lines[i] = f"{rng.choice(_INDENTS)}{lines[i]}{rng.choice(_TRAILS)}{rng.choice(_EXTRA_LINES)}"
    return "\n".join(lines).replace("\n", rng.choice(_ENDINGS))


@st.composite
def noisy_articles(draw: st.DrawFn, *, kinds: Iterable[Kind | str] | None = None,
                   language: str | None = None, min_noise: int = 1, max_noise: int = 8,
                   min_paragraphs: int = 3, max_paragraphs: int = 7,
                   inline: bool = True, links: bool = True, mojibake: bool = True,
                   invisible: bool = True, whitespace: bool = True) -> NoisyArticle:
    """A clean article with noise inserted where sites put it, and optional damage.

    - ``kinds``: families to insert (default: every kind of
      :func:`~.noise.noise_kinds`); an empty list gives a clean article;
    - ``language``: drawn from the kit's languages when None;
    - ``min_noise``/``max_noise``: how many noise lines (plus inline params);
    - ``min_paragraphs``/``max_paragraphs``: body length, as for
      :func:`~.prose.article_paragraphs`;
    - ``inline``: tracking parameters inside URLs when ``tracking`` is chosen;
    - ``links``: sentences with plain URLs that must survive untouched;
    - ``mojibake``/``invisible``/``whitespace``: which damage may be drawn
      (each is drawn or not per example).
    """
    chosen = tuple(Kind(k) for k in (noise_kinds() if kinds is None else kinds))
    missing = [k.value for k in chosen if k not in noise_kinds()]
    if missing:
        raise ValueError(f"no noise generator for {', '.join(missing)}; "
                         f"the kit generates: {', '.join(k.value for k in noise_kinds())}")
    lang = language or draw(st.sampled_from(vocab.languages()))
    blocks = draw(article_paragraphs(lang, min_paragraphs=min_paragraphs,
                                     max_paragraphs=max_paragraphs))
    headline, body = blocks[0], blocks[1:]
    expected = [headline, *body]
    body_noisy = list(body)
    noise: list[Noise] = []
    prose_idx = [i for i, p in enumerate(body) if p[-1:] in ".!?»“”\"…"]

    if links and draw(st.booleans()):
        i = draw(st.sampled_from(prose_idx))
        sent, _, _ = _link_sentence(random.Random(draw(_SEED)), lang, tracked=False)
        body_noisy[i] = expected[i + 1] = f"{body[i]} {sent}"
    if inline and Kind.TRACKING in chosen and draw(st.booleans()):
        i = draw(st.sampled_from(prose_idx))
        noisy_s, clean_s, params = _link_sentence(random.Random(draw(_SEED)), lang, tracked=True)
        at_start = draw(st.booleans())
        body_noisy[i] = f"{noisy_s} {body_noisy[i]}" if at_start else f"{body_noisy[i]} {noisy_s}"
        expected[i + 1] = f"{clean_s} {expected[i + 1]}" if at_start else f"{expected[i + 1]} {clean_s}"
        noise.extend(Noise(Kind.TRACKING, p, "inline", p) for p in params)

    top: list[str] = []
    lead: list[str] = []
    footer: list[str] = []
    between: dict[int, list[str]] = {}
    if chosen:
        n = draw(st.integers(min_noise, max(min_noise, max_noise)))
        for kind in draw(st.lists(st.sampled_from(chosen), min_size=n, max_size=n)):
            places = _places(kind)
            if len(body) < 2:
                places = tuple(p for p in places if p != "between") or ("footer",)
            place = draw(st.sampled_from(places))
            raw = draw(noise_blocks(kind, language=lang))
            noise.append(Noise(kind, _norm(raw), place, raw))
            if place == "between":
                between.setdefault(draw(st.integers(0, len(body) - 2)), []).append(raw)
            else:
                {"top": top, "lead": lead, "footer": footer}[place].append(raw)

    lines = [*top, headline, *lead]
    for i, para in enumerate(body_noisy):
        lines.append(para)
        lines.extend(between.get(i, ()))
    lines.extend(footer)
    sep = draw(st.sampled_from(("\n\n", "\n")))
    text = sep.join(lines) + "\n"

    # Damage: whether each kind is applied shrinks (towards none); where it
    # falls is drawn from one seed, which keeps generation fast.
    damage: list[str] = []
    if mojibake and not text.isascii() and draw(st.integers(0, 3)) == 0:
        codec = draw(st.sampled_from(_MOJIBAKE))
        text = text.encode("utf-8").decode(codec)
        damage.append(f"mojibake:{codec}")
    if invisible and draw(st.booleans()):
        text = _damage_invisible(random.Random(draw(_SEED)), text)
        damage.append("invisible")
    if whitespace and draw(st.booleans()):
        text = _damage_whitespace(random.Random(draw(_SEED)), text)
        damage.append("whitespace")
    return NoisyArticle(text, tuple(expected), tuple(noise), lang, tuple(damage))


def inserted(articles: Sequence[NoisyArticle], kind: Kind) -> list[Noise]:
    """All noise of ``kind`` in ``articles`` (for per-family statistics)."""
    return [n for a in articles for n in a.noise if n.kind == kind]
