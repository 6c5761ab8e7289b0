"""Small HTML pages written for the tests: an invented article and its furniture."""
from __future__ import annotations

PARAGRAPHS = (
    "The town council voted on Monday evening to approve a budget that is four percent "
    "smaller than last year's, after a debate that lasted well past midnight.",
    "Most of the savings come from delaying the repair of two bridges over the river, a "
    "decision that several members of the council described as painful but necessary.",
    "The mayor said the library and the swimming pool would keep their opening hours, "
    "and that no member of staff would lose their job because of the cuts.",
    "Residents who spoke at the meeting asked for the bridge repairs to be scheduled again "
    "next spring, when the council expects the first grants from the regional fund.",
)

TITLE = "Town council approves a smaller budget"


def article(paragraphs: tuple[str, ...] = PARAGRAPHS) -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return f"<article><h1>{TITLE}</h1>\n{body}</article>"


def page(inner: str | None = None, *, head: str = "", lang: str = "en") -> str:
    """A whole page: head, a menu, the article (or ``inner``), a footer."""
    inner = article() if inner is None else inner
    return (f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head>{head}<title>{TITLE} | Riverside Gazette"
            "</title></head>\n<body><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">"
            "News</a></li></ul></nav>\n<main>" + inner + "</main>\n<footer><p>Copyright Riverside "
            "Gazette</p></footer></body></html>\n")


def kept(text: str, paragraphs: tuple[str, ...] = PARAGRAPHS) -> bool:
    """True when every paragraph is in ``text`` (whitespace-collapsed)."""
    flat = " ".join(text.split())
    return all(" ".join(p.split()) in flat for p in paragraphs)
