"""The article's lead paragraph, when the extractor left it out.

News and magazine pages put a lead (standfirst, teaser, intro) between the
headline and the body, often in the page header or in an element whose class
names it a teaser; trafilatura discards such elements as page furniture.  The
same text is usually the page's own description (``<meta name=description>``,
``og:description``), which is read for metadata anyway.

So when the description is long enough to be a paragraph, is missing from the
extracted text, and an element of the page's body starts with it, that
element's text is restored as the first piece (type ``lead``).  The rule uses
no words and no class names: only the page's agreement with itself.
"""
from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from .extract import Piece

#: Descriptions shorter than this are taglines, not leads.
MIN_LEAD_CHARS = 80
#: Characters of the description that must match the start of the element.
KEY_CHARS = 60
#: Elements that hold one paragraph of text.
PARAGRAPHS = frozenset("p div h2 h3 h4 h5 h6 li section header blockquote td dd span strong".split())


def _norm(text: str) -> str:
    return " ".join(text.split())


def find_lead(tree: etree._Element, description: str | None, pieces: Sequence[Piece]) -> str | None:
    """The lead paragraph's text, if it is missing from ``pieces`` and found in ``tree``."""
    desc = _norm(description or "").rstrip(".… ")
    if len(desc) < MIN_LEAD_CHARS:
        return None
    key = desc[:KEY_CHARS]
    if any(key in _norm(p.text) for p in pieces):
        return None
    body = tree.find("body")
    if body is None:
        return None
    for el in body.iter():
        text = el.text
        if not isinstance(el.tag, str) or not text or key[:20] not in _norm(text):
            continue
        block = el
        while block is not None and block.tag not in PARAGRAPHS:
            block = block.getparent()
        if block is None:
            continue
        lead = _norm(block.text_content())
        at = lead.find(key)
        if 0 <= at <= 40 and len(lead) <= 2 * len(desc) + 200:
            return lead
    return None


def with_lead(pieces: list[Piece], lead: str) -> list[Piece]:
    """``pieces`` with the lead as the first piece."""
    return [Piece(lead, "lead", 0, 0)] + [p._replace(position=p.position + 1) for p in pieces]
