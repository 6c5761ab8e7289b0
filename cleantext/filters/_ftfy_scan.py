"""Run ftfy only where it could change something, with the same result.

``ftfy.fix_text`` cuts its input into *segments* (lines, each with its
``\\n``; lines longer than ``config.max_decode_length`` in pieces of that
length) and fixes each segment on its own.  A segment comes back unchanged
unless one of ftfy's steps has something to act on:

- ``unescape_html``: an entity such as ``&amp;`` (``HTML_ENTITY_RE``);
- ``fix_encoding``: the segment is "bad" (``ftfy.badness.BADNESS_RE`` matches);
- ``fix_c1_controls``, ``fix_line_breaks``, ``fix_surrogates``,
  ``remove_terminal_escapes``, ``remove_control_chars``: one of their characters;
- ``uncurl_quotes``, ``fix_latin_ligatures``, ``fix_character_width`` (off by
  default here): one of their characters;
- ``normalization``: the segment is not in that normal form.

So one cheap scan over the whole text finds the segments that *may* change,
and ftfy runs on those alone; every other segment is copied.  The output is
exactly ``ftfy.fix_text(text, config)`` (the test-suite checks this over the
development corpus and generated mojibake).

The scan for mojibake is derived from ftfy's own ``BADNESS_RE`` when this
module is imported: every alternative of that pattern needs either two
adjacent characters from two known sets ("witness pairs", such as a lower-case
accented letter followed by a currency sign) or one rare character (``Ã``,
``œ``, C1 controls).  A segment with no witness cannot match ``BADNESS_RE``, so
ftfy's encoding step leaves it alone.  Ordinary accented text ("für",
"Łódź", "¡Hola!") has no witness and costs only the scan.

Ordinary text does hold witness pairs now and then ("®“", an accented letter
before a curly quote).  A segment flagged by such pairs alone goes to ftfy
only if ``BADNESS_RE`` matches within its greatest width of one of them
(ftfy's encoding step begins with that test, and no other step has anything
to act on): a long line of prose then costs a few short searches, not a pass
of ftfy.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator

import ftfy
from ftfy import chardata
from ftfy.badness import BADNESS_RE

try:  # Python >= 3.11
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

#: Characters ``ftfy.fixes.fix_line_breaks`` replaces (it also turns ``\r\n`` into ``\n``).
LINE_BREAK_CHARS = frozenset("\r\u2028\u2029\x85")

_ASCII_MAX = 0x7F


# --------------------------------------------------------------------------- character sets


def _item_chars(op: object, av: object) -> frozenset[str] | None:
    """The characters one parsed regex item can match, or None if open-ended."""
    if op is _sre.LITERAL:
        return frozenset((chr(av),))  # type: ignore[arg-type]
    if op is _sre.IN:
        out: set[str] = set()
        for o, a in av:  # type: ignore[union-attr]
            if o is _sre.LITERAL:
                out.add(chr(a))
            elif o is _sre.RANGE:
                out.update(map(chr, range(a[0], a[1] + 1)))
            else:  # NEGATE, CATEGORY (\s, \w...): open-ended
                return None
        return frozenset(out)
    return None


def pattern_chars(pattern: re.Pattern[str]) -> frozenset[str]:
    """The characters of a pattern that is one character class (``[...]``)."""
    tree = _sre_parse.parse(pattern.pattern, pattern.flags)
    if len(tree.data) != 1:
        raise ValueError(f"not a single character class: {pattern.pattern!r}")
    chars = _item_chars(*tree.data[0])
    if chars is None:
        raise ValueError(f"not a finite character class: {pattern.pattern!r}")
    return chars


def _non_ascii(chars: frozenset[str] | None) -> bool:
    return chars is not None and all(ord(c) > _ASCII_MAX for c in chars)


def badness_witnesses(pattern: re.Pattern[str] = BADNESS_RE
                      ) -> tuple[list[tuple[frozenset[str], frozenset[str]]], frozenset[str], bool]:
    """What every match of ``pattern`` must contain: ``(pairs, singles, open_ended)``.

    For each top-level alternative, the narrowest pair of adjacent, mandatory,
    non-ASCII character sets is taken; failing that, the narrowest single
    non-ASCII set.  An alternative with neither could match around any
    non-ASCII character: then ``open_ended`` is true.  Each match of
    ``pattern`` contains a character of ``singles``, or two adjacent characters
    ``a b`` with ``a`` and ``b`` in the two sets of one pair, or (when
    ``open_ended``) some non-ASCII character.
    """
    if pattern.flags & re.IGNORECASE:
        return [], frozenset(), True   # case folding would widen every set
    tree = _sre_parse.parse(pattern.pattern, pattern.flags)
    data = tree.data
    branches = data[0][1][1] if len(data) == 1 and data[0][0] is _sre.BRANCH else [tree]
    pairs: list[tuple[frozenset[str], frozenset[str]]] = []
    singles: set[str] = set()
    open_ended = False
    for br in branches:
        # One entry per item: its characters, or None when open-ended or not
        # exactly one character (repeats, groups, lookarounds), which also
        # keeps the items on either side from counting as adjacent.
        seq: list[frozenset[str] | None] = []
        for op, av in br.data:
            if op is _sre.AT:          # ^, $, \b: zero-width, neighbours stay adjacent
                continue
            seq.append(_item_chars(op, av))
        cands = [(a, b) for a, b in zip(seq, seq[1:]) if _non_ascii(a) and _non_ascii(b)]
        if cands:
            pairs.append(min(cands, key=lambda p: len(p[0]) * len(p[1])))  # type: ignore[arg-type]
            continue
        single = [s for s in seq if s is not None and _non_ascii(s)]
        if single:
            singles.update(min(single, key=len))
        else:
            open_ended = True
    return pairs, frozenset(singles), open_ended


def char_class(chars: Iterable[str], extra: str = "") -> str:
    """A regex character class for ``chars`` (as ranges of ``\\U`` escapes) plus ``extra``."""
    codes = sorted({ord(c) for c in chars})
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(f"\\U{codes[i]:08x}" if i == j else f"\\U{codes[i]:08x}-\\U{codes[j]:08x}")
        i = j + 1
    return "[" + "".join(parts) + extra + "]"


# --------------------------------------------------------------------------- the scan


#: What follows the "&" of an HTML entity ftfy may decode.
_ENTITY_BODY = r"#?[0-9A-Za-z]{1,24};"
#: An HTML entity: on text without the scan's other witnesses, its matches are the scan's.
ENTITY = re.compile(f"&{_ENTITY_BODY}")


def _singles(extra: frozenset[str]) -> tuple[list[tuple[frozenset[str], frozenset[str]]], set[str], str]:
    """The witness pairs, the single characters and the extra class ranges of a scan."""
    pairs, bad_singles, open_ended = badness_witnesses()
    singles = set(extra) | bad_singles | LINE_BREAK_CHARS | {"\x1b"}
    singles.update(chr(c) for c in chardata.CONTROL_CHARS)
    singles.update(pattern_chars(chardata.C1_CONTROL_RE))
    # fix_surrogates: lone surrogates, as a range (such a str cannot be built from parts)
    single_extra = "\\ud800-\\udfff" + ("\\U00000080-\\U0010ffff" if open_ended else "")
    return pairs, singles, single_extra


def build_singles(extra: frozenset[str]) -> re.Pattern[str]:
    """The class of the characters that :func:`build_scan` ``(extra)`` flags on their own."""
    _, singles, single_extra = _singles(extra)
    return re.compile(char_class(singles, single_extra))


def build_scan(extra: frozenset[str]) -> re.Pattern[str]:
    """One pattern whose matches mark every place ftfy could change, and every character of ``extra``.

    Shape: ``[first](?:(?<=[single])|(?<=&)entity|(?=[second])(?:(?<=[a1])[b1]|...))``.
    Starting with one character class lets the regex engine skip quickly to
    candidate characters; each alternative is a fixed-length check, so the
    scan is linear in the text.
    """
    pairs, singles, single_extra = _singles(extra)
    follow: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        for ch in a:
            follow[ch] |= b
    groups: dict[frozenset[str], set[str]] = defaultdict(set)
    for ch, f in follow.items():
        groups[frozenset(f)].add(ch)
    alts = [f"(?<={char_class(singles, single_extra)})", f"(?<=&){_ENTITY_BODY}"]
    if groups:
        pair_alts = "|".join(f"(?<={char_class(a)}){char_class(b)}" for b, a in groups.items())
        alts.append(f"(?={char_class(set().union(*groups))})(?:{pair_alts})")
    first = char_class(set(follow) | singles | {"&"}, single_extra)
    return re.compile(f"{first}(?:{'|'.join(alts)})")


def optional_fixer_chars() -> frozenset[str]:
    """The characters that quote uncurling, ligature and width folding change."""
    chars: set[str] = set()
    chars.update(pattern_chars(chardata.SINGLE_QUOTE_RE))
    chars.update(pattern_chars(chardata.DOUBLE_QUOTE_RE))
    chars.update(chr(c) for c in chardata.LIGATURES)
    chars.update(chr(c) for c in chardata.WIDTH_MAP)
    return frozenset(chars)


#: Where ftfy could change text with quote uncurling, ligature and width
#: folding off (the meaning-preserving configuration).
SCAN_KEEP_TYPOGRAPHY = build_scan(frozenset())
#: The same, for configurations that uncurl quotes or fold ligatures or widths.
SCAN_ALL_FIXERS = build_scan(optional_fixer_chars())
#: The characters each scan flags on their own (a pair match may hold one as its second).
SINGLES_KEEP_TYPOGRAPHY = build_singles(frozenset())
SINGLES_ALL_FIXERS = build_singles(optional_fixer_chars())


def scan_for(config: ftfy.TextFixerConfig) -> re.Pattern[str]:
    """The scan pattern suited to ``config``."""
    if config.uncurl_quotes or config.fix_latin_ligatures or config.fix_character_width:
        return SCAN_ALL_FIXERS
    return SCAN_KEEP_TYPOGRAPHY


# --------------------------------------------------------------------------- segments


def _flagged_segments(text: str, config: ftfy.TextFixerConfig,
                      matches: Iterable[re.Match[str]] | None = None
                      ) -> dict[tuple[int, int], list[int] | None]:
    """Each ftfy segment that may change, ``(start, end)``, in order, with a reason.

    Segments follow ``ftfy.fix_text``: a line with its ``\\n``, cut into pieces of
    ``max_decode_length`` when longer.  A scan match may span two segments (at a
    ``max_decode_length`` cut); both are flagged.  ``matches``: the matches of
    :func:`scan_for` over ``text``, when the caller has them already.

    A segment maps to the start offsets of its matches when every match in
    it is a pair of mojibake witnesses and nothing else (a match of two
    characters, singles being one and entities three or more, whose second
    character is not a single), to None otherwise.
    """
    singles = SINGLES_ALL_FIXERS if scan_for(config) is SCAN_ALL_FIXERS else SINGLES_KEEP_TYPOGRAPHY
    size = config.max_decode_length
    n = len(text)
    line_start = line_end = 0          # the current line: [line_start, line_end)
    seg_end = 0                        # end of the last flagged segment
    flagged: dict[tuple[int, int], list[int] | None] = {}
    last = (0, 0)

    def segment(p: int) -> tuple[int, int]:
        nonlocal line_start, line_end
        if p >= line_end:
            line_start = text.rfind("\n", line_end, p) + 1 or line_end
            nl = text.find("\n", p)
            line_end = n if nl < 0 else nl + 1
        s = line_start + (p - line_start) // size * size
        return s, min(line_end, s + size)

    for m in scan_for(config).finditer(text) if matches is None else matches:
        start, end = m.span()
        other = end - start != 2 or singles.match(text, end - 1) is not None
        for p in (start, end - 1):
            if p >= seg_end:
                last = segment(p)
                seg_end = last[1]
                flagged[last] = None if other else []
            if other:
                flagged[last] = None
            else:
                pairs = flagged[last]
                if pairs is not None:
                    pairs.append(start)
    return flagged


#: Size of the windows (whole lines) checked for normalization at once.
_WINDOW = 1 << 12


def _segments(text: str, start: int, end: int, size: int) -> Iterator[tuple[int, int]]:
    """ftfy's segments of ``text[start:end]`` (``start`` begins a line)."""
    pos = start
    while pos < end:
        brk = text.find("\n", pos, end) + 1 or end
        if brk - pos > size:
            brk = pos + size
        yield pos, brk
        pos = brk


def _unnormalized_segments(text: str, config: ftfy.TextFixerConfig) -> Iterator[tuple[int, int]]:
    """Segments not already in ``config.normalization`` form.

    A line break never takes part in normalization, so a run of whole lines
    is normalized exactly when each of its lines is.  The text is checked in
    windows of whole lines; only the lines of a window that fails are checked
    one by one.  A line longer than ``max_decode_length`` is cut by ftfy, and
    each cut piece is checked on its own.
    """
    form = config.normalization
    if form is None:
        return
    size = config.max_decode_length
    n = len(text)
    if n <= size and unicodedata.is_normalized(form, text):
        return
    window = min(_WINDOW, size)
    pos = 0
    while pos < n:
        end = pos + window
        if end >= n:
            end = n
        else:
            nl = text.rfind("\n", pos, end)
            if nl >= 0:
                end = nl + 1
            else:                               # one line longer than the window
                nl = text.find("\n", end)
                end = n if nl < 0 else nl + 1
        if end - pos > size or not unicodedata.is_normalized(form, text[pos:end]):
            for s, e in _segments(text, pos, end, size):
                if not unicodedata.is_normalized(form, text[s:e]):
                    yield s, e
        pos = end


def _badness_reach() -> int | None:
    """How far from a witness pair a match of ``BADNESS_RE`` can reach, or None if unbounded.

    The pattern has no lookaround (checked here); one more character on each
    side lets a word-boundary test read the real neighbour.
    """
    tree = _sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    if re.search(r"\(\?<?[=!]", BADNESS_RE.pattern):
        return None
    width = tree.getwidth()[1]
    return width + 1 if width <= 64 else None


#: See :func:`_badness_reach`.
_BAD_REACH = _badness_reach()


def _bad_near(segment: str, pairs: list[int]) -> bool:
    """``ftfy.badness.is_bad(segment)``, for a segment whose only witnesses are ``pairs``.

    Every match of ``BADNESS_RE`` holds a witness pair (:func:`badness_witnesses`);
    the scan matched each such pair or the character before it, at the
    offsets ``pairs``.  So the matches lie within :data:`_BAD_REACH` of them.
    """
    if _BAD_REACH is None:
        return BADNESS_RE.search(segment) is not None
    n = len(segment)
    reach = _BAD_REACH
    return any(BADNESS_RE.search(segment, max(0, p - reach), min(n, p + 2 + reach)) is not None
               for p in pairs)


def fix_text(text: str, config: ftfy.TextFixerConfig, *, lt_before: bool = False,
             matches: Iterable[re.Match[str]] | None = None, normalized: bool = False) -> str:
    """``ftfy.fix_text(text, config)``, running ftfy only on segments that may change.

    ``lt_before``: ``text`` is a run of whole lines of a larger text, and a
    ``<`` comes before it there (so entities stay, as ftfy on the larger text
    would leave them).  ``matches``: the matches of :func:`scan_for` over
    ``text``, or of a scan built with more characters (:func:`build_scan`),
    when the caller has them already.  ``normalized``: the caller knows that
    ``text`` is in ``config.normalization`` form.
    """
    flagged = _flagged_segments(text, config, matches)
    unnormalized = set() if normalized else set(_unnormalized_segments(text, config))
    segs = sorted(flagged.keys() | unnormalized)
    if not segs:
        return text
    # fix_text stops unescaping HTML entities from the first segment holding a
    # "<" onwards (when unescape_html is "auto"): the text may be HTML.
    if config.unescape_html != "auto":
        first_lt = -1
    else:
        first_lt = 0 if lt_before else text.find("<")
    no_html = config._replace(unescape_html=False)
    out: list[str] = []
    pos = 0
    for s, e in segs:
        out.append(text[pos:s])
        segment = text[s:e]
        pairs = flagged.get((s, e))
        if pairs is None or (s, e) in unnormalized or _bad_near(segment, [p - s for p in pairs]):
            cfg = no_html if 0 <= first_lt < e else config
            segment = ftfy.fix_and_explain(segment, cfg).text
        # else: only pairs of witnesses flagged the segment, and ftfy does not
        # find it "bad": its encoding step returns it as it is (the first thing
        # it checks), and no other step has a character to act on.
        out.append(segment)
        pos = e
    out.append(text[pos:])
    return "".join(out)
