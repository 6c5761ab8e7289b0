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

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Union

import ftfy
import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-* codecs)
import ftfy.chardata

from ..registry import register
from ._changes import changed_window
from ._chars import has_line_edge, has_space_run, unusual_runs
from ._ftfy_scan import (ENTITY, SCAN_KEEP_TYPOGRAPHY, build_scan, fix_text, optional_fixer_chars,
                         pattern_chars, scan_for)
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

#: What ftfy must not see before it repairs mojibake (see Encoding.normalize):
#: line separators (form feed, U+2028, U+2029), tabs and space separators other
#: than the plain space, the control characters ftfy removes anyway
#: (ftfy.chardata.CONTROL_CHARS) but ESC, which ftfy reads first as the start of
#: a terminal escape sequence.
_PREPASS = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f\u00a0\u1680\u2000-\u200a\u2028\u2029"
                      "\u202f\u205f\u206a-\u206f\u3000\ufeff\ufff9-\ufffc]")
#: UTF-8 lead bytes as the Latin-1 / Windows-125x / ISO-8859-2 codecs ftfy can
#: undo read them (MacRoman and CP437 are left out: they read lead bytes as
#: punctuation such as "‚", which ordinary text puts before a no-break space).
_LEAD_AS_LATIN1 = frozenset().union(*(
    bytes(range(0xC2, 0xF5)).decode(enc, errors="replace")
    for enc in ftfy.chardata.CHARMAP_ENCODINGS if enc not in ("macroman", "cp437"))) - {"\ufffd"}
#: Runs of spaces (edge spaces are then at most one space: str methods remove
#: them).  The literal "  " it starts with lets the regex engine skip quickly
#: to candidates; "{2,}" would make it try a match at every character.
_SPACE_RUN = re.compile("  +")
#: A line break with a space before or after it.  It starts with the rare
#: "\n", so the regex engine skips quickly to candidates: one pass instead of
#: two two-character searches.
_LINE_EDGE_SPACE = re.compile("\n(?:(?<= \n)| )")
#: The scans of :mod:`._ftfy_scan` that also match every pre-pass character.
PRESCAN_KEEP_TYPOGRAPHY = build_scan(pattern_chars(_PREPASS))
PRESCAN_ALL_FIXERS = build_scan(pattern_chars(_PREPASS) | optional_fixer_chars())
_ODD_SPACES = frozenset("\t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))


def _untidy_spaces(text: str) -> bool:
    """Whether ``text`` holds a run of spaces or a space at a line edge."""
    return (text[:1] == " " or text[-1:] == " " or has_space_run(text)
            or (has_line_edge(text) and _LINE_EDGE_SPACE.search(text) is not None))


def _prepass(text: str, drop_controls: bool, *, odd: bool = True) -> str:
    """``text`` with whitespace as the whitespace normalizer leaves it, and stray controls dropped.

    Line separators become "\n", tabs and odd spaces " ", runs of spaces one
    space, and lines lose their edge spaces; blank lines stay.  ``odd=False``
    says that the text holds no character of ``_PREPASS``.
    """
    def repl(m: re.Match[str]) -> str:
        ch = m.group()
        if ch in "\x0c\u2028\u2029":
            return "\n"
        if ch in _ODD_SPACES:
            i = m.start()
            return ch if ch == "\u00a0" and i and text[i - 1] in _LEAD_AS_LATIN1 else " "
        return "" if drop_controls else ch

    if odd:
        text = _PREPASS.sub(repl, text)
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    # Runs are single spaces now, so each line edge holds at most one space:
    # plain replacements remove them, in linear time (a regex for spaces before
    # a line end would retry every run from each of its spaces).
    if _LINE_EDGE_SPACE.search(text):
        text = text.replace(" \n", "\n").replace("\n ", "\n")
    if text.startswith(" "):
        text = text[1:]
    if text.endswith(" "):
        text = text[:-1]
    return text


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
        text = self._unify_breaks(text)
        prepass = not text.isascii()
        return self._repair(text, prepass=prepass, lt_before=False)

    def normalize_again(self, text: str, *, before: str, after: str) -> str:
        """``normalize(text)``, reading only the lines changed since the last look.

        Repair works line by line: a line is repaired the same way wherever it
        stands, but for two facts about the whole text: whether it is ASCII
        (then the pre-pass is skipped) and whether a ``<`` comes before the
        line (then entities stay).  The lines of ``text`` outside
        :func:`._changes.changed_window` were left as they were on the last
        look and have not changed since; so if those two facts are, for them,
        as they were on the last look or only less demanding (entities kept
        where they were decoded, no pre-pass where it ran), repairing the
        whole text changes nothing exactly when repairing the window changes
        nothing.  Otherwise the whole text is repaired.
        """
        window = changed_window(before, after, text)
        if window is None:
            return text
        start, end = window
        if end - start == len(text):
            return self.normalize(text)
        original = text[start:end]
        part = self._unify_breaks(original)
        # Lines outside the window hold no line break to unify (they would
        # have changed): the whole text, unified, is ASCII when they and the
        # unified window are.
        outside_ascii = _ascii_outside(text, start, end, original.isascii())
        prepass = not (part.isascii() and outside_ascii)
        # Were they pre-passed on the last look?  Surely, if they hold
        # non-ASCII text: without the pre-pass the last look's text was
        # ASCII, and ftfy makes non-ASCII characters only in lines it
        # changes, which lie inside the window.
        if prepass and outside_ascii and not _surely_prepassed(before, self.config):  # type: ignore[arg-type]
            return self.normalize(text)
        lt_before = text.find("<", 0, start) >= 0
        if not lt_before and config_unescapes(self.config):  # type: ignore[arg-type]
            # Lines after the window saw a "<" before them on the last look
            # (entities stayed) and may not now (they would be decoded).
            before_end = len(before) - (len(text) - end)
            if before.find("<", start, before_end) >= 0 and text.find("<", start, end) < 0:
                return self.normalize(text)
        if self._repair(part, prepass=prepass, lt_before=lt_before) == original:
            return text
        return self.normalize(text)

    def _unify_breaks(self, text: str) -> str:
        """Line breaks made ``\\n``, when ``fix_line_breaks`` is on.

        ftfy repairs text line by line, and only then turns ``\\r``, U+2028...
        into ``\\n``: unified first, each line is repaired on its own, as it
        will be seen on a second pass (so the result is stable), and VT, FF
        and the separators become line breaks instead of vanishing.
        """
        if self.config.fix_line_breaks:  # type: ignore[union-attr]
            for brk in occurring(text, BREAKS_BEFORE_FTFY):
                text = text.replace(brk, "\n")
        return text

    def _repair(self, text: str, *, prepass: bool, lt_before: bool) -> str:
        """Pre-pass (if ``prepass``) and ftfy, on whole lines with breaks unified.

        ``lt_before``: a ``<`` comes before ``text`` in the whole text.
        """
        config: ftfy.TextFixerConfig = self.config  # type: ignore[assignment]
        # Found by the property tests (tests/test_properties_regressions.py):
        # - a byte-order mark or control character anywhere in a line keeps
        #   ftfy from re-encoding the line, so its mojibake stays; ftfy deletes
        #   them anyway, so they go first;
        # - an unusual space right after mojibake ("ArtykuÅ‚\xa0sponsorowany",
        #   as when an &nbsp; entity is decoded right in a page decoded wrong)
        #   hides the sequence from ftfy, which then fixes it only on a second
        #   cleaning, after whitespace normalization: not idempotent.  Such
        #   spaces become plain spaces first (whitespace normalization makes
        #   them so anyway); a no-break space after a UTF-8 lead byte read as
        #   Latin-1 ("Â\xa0", "Ã\xa0") is part of the mojibake and stays;
        # - spaces at line edges and in runs ("Â\t0", " Â 0") are read by ftfy
        #   as mojibake of a no-break space only once whitespace normalization
        #   has tidied them, so they are tidied first.
        # The pre-pass is skipped on ASCII text, which holds none of these.
        # The runs of unusual characters (._chars) show whether there is any
        # pre-pass character or mojibake witness; only then is the text
        # itself scanned, for both at once: when the pre-pass changes
        # nothing, the places ftfy may change stand.
        matches = None
        normalized = False
        if prepass:
            prescan = _prescan_for(config)
            runs = unusual_runs(text)
            clean_runs = prescan.search(runs) is None
            if clean_runs:
                odd = False
            else:
                matches = list(prescan.finditer(text))
                odd = any(_PREPASS.search(m.group()) for m in matches)
            # The runs also tell whether the text is NFC; tidying spaces
            # does not change that.
            normalized = (not odd and config.normalization == "NFC"
                          and unicodedata.is_normalized("NFC", runs))
            if odd or _untidy_spaces(text):
                text = _prepass(text, config.remove_control_chars, odd=odd)
                matches = None
            if clean_runs:
                # No pre-pass character and no mojibake witness (they are all
                # unusual characters, and neighbours in the text are
                # neighbours among them): ftfy can only decode entities, and
                # tidying spaces creates no witness.
                matches = list(ENTITY.finditer(text)) if "&" in text else []
        return fix_text(text, config, lt_before=lt_before, matches=matches, normalized=normalized)


def _prescan_for(config: ftfy.TextFixerConfig) -> re.Pattern[str]:
    """:func:`._ftfy_scan.scan_for` ``config``, with the pre-pass characters."""
    return PRESCAN_KEEP_TYPOGRAPHY if scan_for(config) is SCAN_KEEP_TYPOGRAPHY else PRESCAN_ALL_FIXERS


def config_unescapes(config: ftfy.TextFixerConfig) -> bool:
    """Whether ftfy decodes entities only before the first ``<`` ("auto")."""
    return config.unescape_html == "auto"


def _ascii_outside(whole: str, start: int, end: int, window_ascii: bool) -> bool:
    """Whether ``whole`` is ASCII outside ``[start, end)``; ``window_ascii``: it is inside."""
    if whole.isascii():
        return True
    if window_ascii:                    # its non-ASCII characters lie outside
        return False
    return whole[:start].isascii() and whole[end:].isascii()


def _surely_prepassed(text: str, config: ftfy.TextFixerConfig) -> bool:
    """Whether :meth:`Encoding.normalize` ran the pre-pass over ``text``.

    It does when ``text`` with line breaks unified is not ASCII; a non-ASCII
    line separator (U+2028, U+2029) may be the only reason it is not, and
    then the answer is a safe "no".
    """
    if text.isascii():
        return False
    return not config.fix_line_breaks or ("\u2028" not in text and "\u2029" not in text)
