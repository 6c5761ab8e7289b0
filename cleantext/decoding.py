"""Turning bytes into text, or refusing clearly when they are not text.

Order of trust: a byte-order mark; then strict UTF-8; then detection over the
whole input (charset_normalizer).  Binary formats (images, PDFs, archives) and
inputs full of NUL bytes raise :class:`~cleantext.errors.NotTextError`.
"""
from __future__ import annotations

import codecs

from .errors import NotTextError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Leading bytes of common binary formats.
_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"GIF87a": "GIF image",
    b"GIF89a": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"%PDF-": "PDF document",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip data",
    b"BZh": "bzip2 data",
    b"\x28\xb5\x2f\xfd": "zstd data",
    b"RIFF": "RIFF media",
    b"\x7fELF": "ELF binary",
    b"OggS": "Ogg media",
    b"\x00\x00\x01\x00": "ICO image",
    b"wOFF": "WOFF font",
    b"wOF2": "WOFF2 font",
}


def sniff_binary(data: bytes) -> str | None:
    """A name for ``data``'s binary format, or None if it may be text."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    if data[:4] == b"RIFF" or data[4:8] == b"ftyp":
        return "media file"
    return None


def decode_bytes(data: bytes) -> str:
    """Decode ``data`` as text, or raise :class:`NotTextError` if it is binary."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode_bytes() expects bytes, got {type(data).__name__}")
    data = bytes(data)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    what = sniff_binary(data)
    if what:
        raise NotTextError(f"input is not text: looks like a {what}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    head = data[:65536]
    if head.count(0) > len(head) // 10:
        raise NotTextError("input is not text: too many NUL bytes")
    lenient = data.decode("utf-8", errors="replace")
    damaged = lenient.count("\ufffd")
    wide = sum(1 for ch in lenient if ord(ch) > 0x7F) - damaged
    if damaged * 20 <= max(wide, len(lenient) // 100):
        # UTF-8 with a few broken bytes: keep the text, each bad byte becomes U+FFFD.
        return lenient
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return lenient if best is None else str(best)
