"""What a text holds besides plain printable ASCII: a cheap first look for the normalizers.

Each normalizer acts on a few kinds of characters, and almost all of them are
unusual: control characters, line separators, odd spaces, invisible
characters, the non-ASCII characters of mojibake.  A regex character class
reads about 3 ns per character.  :func:`unusual_runs` takes the text's UTF-8
bytes, blanks out printable ASCII and ``"\n"`` (``bytes.translate``) and keeps
the runs of what is left (``bytes.split``): all in C, and the result is some
20 times shorter than European text, so that any class, or any pair of
neighbours, is then found almost for free.

The normalizers run one after another on the same text object whenever one of
them leaves it unchanged, so the last answer is kept for the next question
(a one-entry memo keyed by object identity: the answer depends on the text
alone, so nothing carries over from one document to the next).
"""
from __future__ import annotations

#: Byte translation: printable ASCII and "\n" become spaces (run separators);
#: tab, CR, VT and FF, which ``bytes.split`` would also take as separators,
#: become U+001F (see :func:`unusual_runs`); every other byte stays.
_BLANK_PLAIN = bytes(0x20 if 0x20 <= b < 0x7F or b == 0x0A else
                     0x1F if b in (0x09, 0x0B, 0x0C, 0x0D) else b for b in range(256))

_last: tuple[str, str] | None = None
_last_run: tuple[str, bool] | None = None


def unusual_runs(text: str) -> str:
    """The runs of unusual characters of ``text``, in order, joined by single spaces.

    Unusual: anything but printable ASCII and ``"\n"``.  Two unusual
    characters are neighbours in the result exactly when they are neighbours
    in ``text``.  Tab, CR, VT and FF appear as U+001F, the unit separator: a
    control character that each normalizer treats as work just as it treats
    them (it is a whitespace, control and pre-pass character too).  Lone
    surrogates are kept.
    """
    global _last
    last = _last
    if last is not None and last[0] is text:
        return last[1]
    if text.isascii():
        raw = text.encode("ascii")
    else:
        raw = text.encode("utf-8", "surrogatepass")
    out = b" ".join(raw.translate(_BLANK_PLAIN).split()).decode("utf-8", "surrogatepass")
    _last = (text, out)
    return out


def has_space_run(text: str) -> bool:
    """Whether ``text`` holds two spaces in a row (memoized like :func:`unusual_characters`)."""
    global _last_run
    last = _last_run
    if last is not None and last[0] is text:
        return last[1]
    out = "  " in text
    _last_run = (text, out)
    return out
