"""Encoding repair with ftfy, keeping the text's meaning.

What is fixed (ftfy's own fixers):

- mojibake, including two layers (``Ã¢â‚¬â„¢`` → ``’``), and the Latin-1 /
  Windows-1252 mix-up;
- HTML entities left in text (``&amp;``, ``&eacute;``, ``&#8217;``), unless the
  text holds a ``<`` and may be HTML;
- C1 control characters (``\\x80``–``\\x9f``, read as Windows-1252), lone
  surrogates (→ U+FFFD), terminal escapes and stray control characters;
- Unicode normalization to **NFC**.

What is kept, unlike ftfy's defaults: curly quotes, full-width CJK punctuation
(``，。「」``), ligatures as written (``ﬁ``) and compatibility characters such
as ``10³`` or ``½`` (NFC, not NFKC).  Look-alikes of mojibake in real words
(``¡Hola!``, ``Łódź``, ``IL Y MARQUÉ…``) pass untouched: ftfy's heuristic only
acts on sequences that are very unlikely in real text.

Options are ftfy's own :class:`ftfy.TextFixerConfig`, passed through, so every
ftfy switch is available::

    Encoding(config={"uncurl_quotes": True, "normalization": "NFKC"})

Line breaks (``\r\n``, ``\r``, VT, FF, U+2028, U+2029, U+001C–U+001E) become
``\n`` first, when ``fix_line_breaks`` is on (ftfy's default): ftfy works line by
line, so each line is then repaired on its own, as a second pass would see it.

Speed: ftfy runs only on the lines a cheap scan flags as possibly broken
(:mod:`._ftfy_scan`); the result is the same as ``ftfy.fix_text`` on the whole
text with the same config.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Union

import ftfy

from ..registry import register
from ._ftfy_scan import fix_text
from ._occur import occurring
from .base import Normalizer
from .whitespace import LINE_BREAKS

#: Line breaks made ``\n`` before ftfy runs (when ``fix_line_breaks`` is on):
#: all but NEL (U+0085), which ftfy reads as the Windows-1252 "…" it almost
#: always is in scraped text.
BREAKS_BEFORE_FTFY = tuple(b for b in LINE_BREAKS if b != "\x85")

#: The meaning-preserving ftfy configuration: no quote uncurling, no width or
#: ligature folding, NFC.  Everything else is ftfy's default.
KEEP_MEANING = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    normalization="NFC",
    explain=False,
)


def fixer_config(value: ftfy.TextFixerConfig | Mapping[str, Any]) -> ftfy.TextFixerConfig:
    """A :class:`ftfy.TextFixerConfig` from itself or from a mapping of its fields.

    A mapping (as a TOML config file gives) changes fields of
    :data:`KEEP_MEANING`.  Unknown field names and values ftfy cannot work
    with raise ``TypeError`` (the channel for bad filter options).
    """
    if isinstance(value, ftfy.TextFixerConfig):
        config = value
    elif isinstance(value, Mapping):
        unknown = set(value) - set(ftfy.TextFixerConfig._fields)
        if unknown:
            raise TypeError(f"unknown ftfy option(s) {', '.join(sorted(unknown))}; "
                            f"known: {', '.join(ftfy.TextFixerConfig._fields)}")
        config = KEEP_MEANING._replace(**value)
    else:
        raise TypeError(f"config must be an ftfy.TextFixerConfig or a mapping of its fields, "
                        f"not {type(value).__name__}")
    if config.normalization not in _FORMS:
        raise TypeError(f"normalization must be one of {', '.join(map(str, _FORMS))}, "
                        f"not {config.normalization!r}")
    size = config.max_decode_length
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise TypeError(f"max_decode_length must be a positive integer, not {size!r}")
    return config


_FORMS = ("NFC", "NFD", "NFKC", "NFKD", None)


@register
@dataclass(frozen=True)
class Encoding(Normalizer):
    """Repair mojibake and stray encoding damage with ftfy, meaning-preserving."""

    name = "encoding"

    #: ftfy options, as an :class:`ftfy.TextFixerConfig` or a mapping of its
    #: fields over :data:`KEEP_MEANING` (keeps typography, NFC).
    config: Union[ftfy.TextFixerConfig, Mapping[str, Any]] = KEEP_MEANING

    def __post_init__(self) -> None:
        object.__setattr__(self, "config", fixer_config(self.config))

    def normalize(self, text: str) -> str:
        config: ftfy.TextFixerConfig = self.config  # type: ignore[assignment]
        if config.fix_line_breaks:
            # ftfy repairs text line by line, and only then turns \r, U+2028...
            # into \n: unified first, each line is repaired on its own, as it
            # will be seen on a second pass (so the result is stable), and VT,
            # FF and the separators become line breaks instead of vanishing.
            for brk in occurring(text, BREAKS_BEFORE_FTFY):
                text = text.replace(brk, "\n")
        return fix_text(text, config)
