"""HTML bytes to text: which encoding to believe, and refusing what is not text.

Order of trust, most reliable first:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. UTF-16/32 without a BOM, recognised by the NUL pattern of ASCII markup;
3. a clean, strict UTF-8 decode: legacy encodings almost never decode as UTF-8
   by accident, so a page that does is UTF-8 whatever its ``<meta>`` says;
   also UTF-8 with a few broken bytes (at most one per 20 valid multi-byte
   characters), each bad byte becoming U+FFFD;
4. the ``<meta charset>`` / ``http-equiv`` declaration, *only* when it decodes
   the bytes and detection over the whole document (charset_normalizer) agrees
   that the bytes can be in it;
5. otherwise charset_normalizer's best guess.

Images, PDFs, archives and other binary data raise
:class:`~cleantext.errors.NotTextError`.  The decision is returned with the text
(:class:`Decoded`) so that it can be put in the result's metadata.
"""
from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from ..decoding import sniff_binary, sniff_wide
from ..errors import NotTextError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: ``charset=NAME`` in a ``<meta>`` tag or an XML declaration's ``encoding="NAME"``,
#: searched in the first bytes only.  No nested quantifiers: linear time.
CHARSET_DECL = re.compile(rb"""(?:charset|encoding)\s{0,8}=\s{0,8}["']?([A-Za-z0-9_.:-]{1,40})""",
                          re.IGNORECASE)
#: How far into the document a charset declaration is looked for.
DECL_WINDOW = 4096

#: C0 controls that never occur in text (not TAB, LF, FF, CR, ESC).
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


class Decoded(NamedTuple):
    """The decoded text, the encoding used and why it was chosen."""

    text: str
    encoding: str
    #: why: "bom", "wide-pattern", "utf-8", "utf-8-damaged", "meta", "detected",
    #: "str" or "lenient-utf-8"
    source: str


#: Labels browsers read as windows-1252 (WHATWG Encoding Standard): pages
#: declaring Latin-1 or ASCII use its extra characters (curly quotes, euro sign).
_AS_CP1252 = frozenset({"latin-1", "iso8859-1", "ascii"})


def _canonical(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in its first bytes (canonical name), if any."""
    m = CHARSET_DECL.search(data[:DECL_WINDOW])
    return _canonical(m.group(1).decode("ascii")) if m else None


def _looks_binary(data: bytes) -> bool:
    head = data[:65536]
    if not head:
        return False
    bad = len(head) - len(head.translate(None, _BINARY_BYTES))
    return bad > len(head) // 20


def decode_html(data: bytes | bytearray | memoryview | str) -> Decoded:
    """Decode an HTML page given as bytes (or pass a ``str`` through).

    Raises :class:`~cleantext.errors.NotTextError` for binary input and
    ``TypeError`` for anything that is neither bytes nor str.
    """
    if isinstance(data, str):
        return Decoded(data[1:] if data.startswith("\ufeff") else data, "unicode", "str")
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"clean_html() expects bytes or str, got {type(data).__name__}")
    data = bytes(data)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom):].decode(enc, errors="replace"), enc, "bom")
    what = sniff_binary(data)
    if what:
        raise NotTextError(f"input is not HTML: looks like a {what}")
    wide = sniff_wide(data)
    if wide:
        return Decoded(data.decode(wide, errors="replace"), wide, "wide-pattern")
    if _looks_binary(data):
        raise NotTextError("input is not HTML: binary data (control bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    damaged = lenient.count("\ufffd")
    multibyte = sum(1 for ch in lenient if ch > "\x7f") - damaged
    if damaged * 20 <= multibyte:
        # UTF-8 with a few broken bytes (a bad splice, a truncated character):
        # keep the text; each bad byte becomes U+FFFD.
        return Decoded(lenient, "utf-8", "utf-8-damaged")
    return _detect(data)


def _detect(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    declared = declared_charset(data)
    matches = from_bytes(data)
    if declared and declared != "utf-8":
        agrees = any(declared in {_canonical(c) for c in m.could_be_from_charset} for m in matches)
        if agrees:
            for enc in (("cp1252", declared) if declared in _AS_CP1252 else (declared,)):
                try:
                    return Decoded(data.decode(enc), enc, "meta")
                except (UnicodeDecodeError, LookupError):
                    pass
    best = matches.best()
    if best is not None:
        enc = _canonical(best.encoding) or best.encoding
        return Decoded(str(best), enc, "detected")
    # Nothing fits: keep every valid UTF-8 sequence, each bad byte becomes U+FFFD.
    lenient = data.decode("utf-8", errors="replace")
    if lenient.count("\ufffd") > len(lenient) // 4:
        raise NotTextError("input is not HTML: no text encoding fits these bytes")
    return Decoded(lenient, "utf-8", "lenient-utf-8")
