"""Turning bytes into text, or refusing clearly when they are not text.

Order of trust:

1. a byte-order mark (UTF-8, UTF-16 or UTF-32, either byte order);
2. the magic bytes of binary formats (images, PDFs, archives): refused;
3. UTF-16 or UTF-32 without a byte-order mark, told by where the NUL bytes
   fall (text in Latin script has a NUL in every other, or three in every
   four, bytes);
4. too many NUL or other control bytes for text: refused;
5. strict UTF-8;
6. UTF-8 with a few damaged bytes (each becomes U+FFFD, the rest is kept);
7. detection over the input (charset_normalizer) for legacy encodings.

Refusals raise :class:`~cleantext.errors.NotTextError`.  Decoding never
produces surrogate code points: invalid sequences (including UTF-8-encoded
surrogates) become U+FFFD.  Control characters that are text-like (tab, line
breaks, ESC of ANSI colour codes, a stray NUL) are kept here and left to the
normalizers.
"""
from __future__ import annotations

import codecs

from .errors import NotTextError
from .limits import Limits

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


#: Control bytes that do not occur in text (tab, LF, VT, FF, CR and ESC do).
_BINARY_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_SAMPLE = 65536


def sniff_wide(data: bytes) -> str | None:
    """``"utf-32-le"``/``"utf-32-be"``/``"utf-16-le"``/``"utf-16-be"`` for BOM-less wide text.

    Looks at where NUL bytes fall in the first 64 KiB.  Only text with many
    characters below U+0100 (Latin script, digits, punctuation, markup) shows
    the pattern; other wide text is left to charset detection.
    """
    head = data[:_SAMPLE]
    n = len(head)
    if n < 4 or head.count(0) < n // 4:
        return None
    if n % 4 == 0:
        cols = [head[i::4] for i in range(4)]
        zeros = [c.count(0) / len(c) for c in cols]
        if zeros[3] == 1.0 and zeros[2] > 0.9 and zeros[1] > 0.5 and zeros[0] < 0.5:
            return "utf-32-le"
        if zeros[0] == 1.0 and zeros[1] > 0.9 and zeros[2] > 0.5 and zeros[3] < 0.5:
            return "utf-32-be"
    if n % 2 == 0:
        even, odd = head[0::2], head[1::2]
        ze, zo = even.count(0) / len(even), odd.count(0) / len(odd)
        if zo > 0.5 and ze < 0.1:
            return "utf-16-le"
        if ze > 0.5 and zo < 0.1:
            return "utf-16-be"
    return None


def _plausible(sample: str) -> bool:
    """Does a decoded sample look like text: printable, varied, hardly any U+FFFD?"""
    n = len(sample)
    if n == 0:
        return False
    printable = sum(1 for ch in sample if ch.isprintable() or ch in "\t\n\r")
    return (printable >= 0.9 * n and sample.count("\ufffd") <= 1 + n // 100
            and len(set(sample)) >= min(8, n // 4))


def _check_controls(data: bytes) -> None:
    head = data[:_SAMPLE]
    if not head:
        return
    nul = head.count(0)
    if nul > max(16, len(head) // 10):
        raise NotTextError(f"input is not text: too many NUL bytes ({nul} in the first {len(head)})")
    ctl = len(head) - len(head.translate(None, _BINARY_CONTROLS))
    if ctl > max(16, len(head) // 10):
        raise NotTextError(f"input is not text: too many control bytes ({ctl} in the first {len(head)})")


def decode_bytes(data: bytes, *, limits: Limits | None = None) -> str:
    """Decode ``data`` as text, or raise :class:`NotTextError` if it is not text.

    ``limits.max_input_size`` (default :class:`~cleantext.Limits`) caps the
    size in bytes: larger input raises :class:`~cleantext.InputTooLarge`.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode_bytes() expects bytes, got {type(data).__name__}")
    data = bytes(data)
    (limits or Limits()).check_size(data)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    what = sniff_binary(data)
    if what:
        raise NotTextError(f"input is not text: looks like a {what}")
    wide = sniff_wide(data)
    if wide and _plausible(data[:_SAMPLE].decode(wide, errors="replace")):
        return data.decode(wide, errors="replace")
    _check_controls(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    damaged = lenient.count("\ufffd")
    wide_chars = len(lenient) - len(lenient.encode("ascii", errors="ignore")) - damaged
    if damaged * 20 <= max(wide_chars, len(lenient) // 100):
        # UTF-8 with a few broken bytes: keep the text, each bad byte becomes U+FFFD.
        return lenient
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return lenient if best is None else str(best)
