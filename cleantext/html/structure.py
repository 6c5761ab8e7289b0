"""Furniture recognisable from the extracted tree's structure, not its words.

The text filters see lines; here each piece still knows what element it came
from and how much of it was link text, which tells page furniture apart from
prose in any language:

- a piece that is (almost) all link text, outside tables, is a teaser or a
  "read more" link to another page (``related``), unless it is one written-out
  web or e-mail address;
- a heading followed only by link lines (up to the next heading or the end)
  is the title of a related-links block;
- a heading after the article's last long paragraph whose section holds only
  short pieces or link lines is the title of a box after the article (a
  newsletter box, further reading, a service teaser), not of a section of it;
- the headline, one of the first pieces matching the page title, is moved
  to ``metadata["title"]`` (``HtmlOptions(keep_title=True)`` keeps it).

Each rule yields a :class:`Verdict` with a noise kind and a stable reason id,
which becomes a :class:`~cleantext.Removal` under the filter name
``html-structure``: nothing is dropped without a record.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..kinds import Kind
from .extract import Piece

#: The filter name structural removals are recorded under.
FILTER_NAME = "html-structure"
#: How a written-out web address starts.
WEB_PREFIXES = ("http://", "https://", "www.")


def is_address(text: str) -> bool:
    """Whether ``text`` is one web or e-mail address: a reference the author
    wrote out (a source, a contact), not a teaser, even when it is all link text."""
    words = text.split()
    if len(words) != 1:
        return False
    word = words[0]
    if word.startswith(WEB_PREFIXES):
        return True
    user, at, domain = word.partition("@")
    return bool(user and at and "." in domain and "@" not in domain)


class Verdict(NamedTuple):
    """A structural rule's decision about one piece."""

    position: int
    kind: Kind
    reason: str
    detail: str


@dataclass(frozen=True)
class StructureRules:
    """Options of the structural rules; ``enabled=False`` turns them all off."""

    enabled: bool = True
    #: share of a piece's characters inside links above which it is a link line.
    link_share: float = 0.7
    #: link lines longer than this are kept (real paragraphs that are one long link are rare,
    #: but a long link line is more likely an article's own list of references).
    max_link_chars: int = 200

    #: the headline is looked for among this many first pieces.
    headline_window: int = 3
    #: a paragraph at least this long is article body; a heading after the last
    #: one whose section has only pieces shorter than :attr:`box_chars` (or
    #: link lines) is a box title (reason ``trailing-box-heading``).  0 turns
    #: the rule off.
    body_chars: int = 200
    box_chars: int = 100

    def headline(self, pieces: Sequence[Piece], title: str | None) -> list[int]:
        """Positions of the first pieces that repeat the page title."""
        t = " ".join((title or "").split()).casefold()
        if not t:
            return []
        out = []
        for p in pieces[: self.headline_window]:
            x = " ".join(p.text.split()).casefold()
            if len(x) >= 8 and len(x) <= len(t) + 10 and (x in t or t in x):
                out.append(p.position)
        return out

    def judge(self, pieces: Sequence[Piece], *, title: str | None = None) -> Iterator[Verdict]:
        """Yield a verdict for each piece that is furniture.

        With ``title``, pieces repeating it at the top are marked as the headline.
        """
        if not self.enabled:
            return
        heads = set(self.headline(pieces, title))
        links = [self._is_link_line(p) for p in pieces]
        last_body = max((i for i, p in enumerate(pieces)
                         if p.tag == "p" and self.body_chars and len(p.text) >= self.body_chars),
                        default=len(pieces))
        for i, p in enumerate(pieces):
            if p.position in heads:
                yield Verdict(p.position, Kind.BOILERPLATE, "headline-in-metadata",
                              "the headline is in metadata['title']; keep_title=True keeps it here")
            elif links[i]:
                yield Verdict(p.position, Kind.RELATED, "link-line",
                              f"{p.link_chars} of {len(p.text)} characters are link text")
            elif p.tag == "head" and self._heads_links(pieces, links, i):
                yield Verdict(p.position, Kind.RELATED, "link-list-heading",
                              "a heading followed only by link lines")
            elif p.tag == "head" and i > last_body and self._heads_box(pieces, links, i):
                yield Verdict(p.position, Kind.BOILERPLATE, "trailing-box-heading",
                              "a heading after the article body over only short lines")

    @staticmethod
    def _heads_links(pieces: Sequence[Piece], links: list[bool], i: int) -> bool:
        n = 0
        for j in range(i + 1, len(pieces)):
            if pieces[j].tag == "head":
                break
            if not links[j]:
                return False
            n += 1
        return n > 0

    def _heads_box(self, pieces: Sequence[Piece], links: list[bool], i: int) -> bool:
        for j in range(i + 1, len(pieces)):
            if pieces[j].tag == "head":
                break
            if not links[j] and len(pieces[j].text) >= self.box_chars:
                return False
        return True

    def _is_link_line(self, p: Piece) -> bool:
        if p.tag in ("table", "row", "cell") or not p.link_chars:
            return False
        if is_address(p.text):
            return False
        return len(p.text) <= self.max_link_chars and p.link_chars >= self.link_share * len(p.text)
