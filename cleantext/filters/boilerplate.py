"""Full-page text: find the article and drop the page around it (menus, teasers, footers).

Text that a naive scraper pulled out of a page holds the whole page.  This
filter scores every line with a small learned model over cheap features
(:mod:`cleantext.boilerplate.features`, :mod:`cleantext.boilerplate.model`),
smooths the scores with the neighbours, finds the main region of the article
and marks the rest as :attr:`Kind.BOILERPLATE`
(:mod:`cleantext.boilerplate.region`).

It only acts on text that *looks like a full page*: a run of at least
``min_menu_run`` menu-like lines (a menu, a link list: 2 to ``short_chars``
characters, not ending like a sentence, not a list item or a table row) and
at least ``min_menu_lines`` of them in all, which article text, headings,
lists and tables included, does not have.  The test is made on the page as it
came in *or* on the lines the earlier filters left: the navigation family
removes the menus themselves, and the teasers, breadcrumbs and footers the
menus betrayed are still there.  It classifies the lines earlier filters
left, as a second run over the output would, and repeats itself on the lines
it keeps while they still look like a page, so cleaning its output again
changes nothing.  Verdicts that would remove more than ``max_prose_drop`` of
the prose are not carried out: the filter then removes nothing.  See
``docs/boilerplate.md``.

Reason ids:

- ``outside-main-region``: the line lies outside the article's region and its
  score does not clear the outside bar;
- ``menu-run``: inside the region, a low-scoring line in a run of short lines;
- ``low-content-score``: inside the region, any other low-scoring line.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from math import ceil
from operator import is_not, not_

from ..boilerplate.features import SHORT_CHARS, PageLines
from ..boilerplate.language import language_code
from ..boilerplate.model import MODEL_PATH, load_weights, own_terms, page_scores
from ..boilerplate.region import decide, headline_above, subheadings
from ..document import BlockMark, Document
from ..kinds import Kind
from ..registry import register
from ._context import SENTENCE_MARKS, prose_chars
from .base import BlockFilter


#: A line ending in one of these reads as a sentence, not as a menu item.
SENTENCE_END = SENTENCE_MARKS
#: A line that starts with one of these and a space is a list item ("- Flour",
#: "• Step two"), and one that starts and ends with "|" a table row ("| 50 g | Sugar |"):
#: extractors write an article's lists and tables so, and neither is a menu.
LIST_MARKS = frozenset("-*+•·‣◦▪–")
TABLE_EDGE = "|"
_LIST_OR_TABLE_START = LIST_MARKS | {TABLE_EDGE}
#: The detail of a removal: the line's smoothed score (one line of a %-format for all of them).
_DETAIL = "score %.1f\n"


def menu_flags(texts: Sequence[str], short_chars: int) -> bytes:
    """One byte per line, 1 for a menu-like line: 2 to ``short_chars`` characters, not ending
    like a sentence and not a list item ("Home", "Sport", "Next story"; not "Yes.", not "x",
    not "- Flour", not "| 50 g | Sugar |": see :data:`LIST_MARKS`)."""
    end, marks, edge, first = SENTENCE_END, LIST_MARKS, TABLE_EDGE, _LIST_OR_TABLE_START
    # the length test comes first, so t[-1] and t[1] are only read on a line of 2 or more
    # characters; most lines start with none of the marks, which one set look-up tells
    return bytes([1 < c <= short_chars and t[-1] not in end
                  and (t[0] not in first or not (t[1] == " " and t[0] in marks or t[0] == edge == t[-1]))
                  for t, c in zip(texts, map(len, texts))])


def has_run(flags: bytes, length: float) -> bool:
    """Whether ``flags`` (see :func:`menu_flags`) holds a run of at least ``length`` menu-like lines."""
    if not length <= len(flags):  # longer than the page (or NaN): no such run
        return False
    if length <= 0:
        return True
    # one substring search in C
    return b"\1" * ceil(length) in flags


def longest_short_run(texts: list[str], short_chars: int) -> int:
    """Length of the longest run of consecutive menu-like lines (see :func:`menu_flags`)."""
    return max(map(len, menu_flags(texts, short_chars).split(b"\0")))


@register
@dataclass(frozen=True)
class Boilerplate(BlockFilter):
    """Drop page text around the article (menus, teasers, footers) in full-page text."""

    name = "boilerplate"
    kinds = (Kind.BOILERPLATE,)

    #: The filter acts only on pages with a run of at least this many short lines.
    min_menu_run: int = 5
    #: Lines of at most this many characters (and not ending like a sentence) count for that test.
    short_chars: int = SHORT_CHARS
    #: ... and at least this many menu-like lines in all, as it came in (a menu and a
    #: footer, a long menu): one list of short lines in an article is not a page.
    min_menu_lines: int = 10
    #: Where the noise families run first, a page shows them its furniture (menus,
    #: labels, footers): the filter then acts only if the filters before it removed
    #: at least this share of the lines.  0, the filter's own default: no such test;
    #: the default chain sets :data:`~cleantext.defaults.MIN_REMOVED_SHARE`.
    min_removed_share: float = 0.0
    #: When earlier filters removed the menu run itself, the filter still acts if the page as it
    #: came in had one and the lines left hold a run of at least this many such lines (a teaser
    #: list, a footer); 0: only the lines left count.
    min_left_run: int = 2
    #: Weight of the neighbours' mean score in a line's smoothed score.
    smoothing: float = 0.3
    #: The main region maximises the sum of (smoothed score - this).
    region_threshold: float = 0.0
    #: Inside the main region a line stays if its smoothed score is above this.
    threshold_in: float = -1.0
    #: Outside the main region a line stays only if its smoothed score is above this.
    threshold_out: float = 0.5
    #: If nothing would stay, no line reads as article text: with None every
    #: line stays (the filter found no article, so it removes nothing); with a
    #: number, the lines within this margin of the best score stay.
    fallback_margin: float | None = None
    #: How many dropped lines of ``headline_min_words`` words or more above the main
    #: region are searched for the headline (0: none).
    headline_lookback: int = 3
    #: A headline has at least this many words ...
    headline_min_words: int = 3
    #: ... and a smoothed score above this; or above ``headline_meta_score`` when a
    #: byline or a date that a family removed stands right below it (None: no such cue).
    headline_min_score: float = -1.5
    headline_meta_score: float | None = -4.0
    #: Shorter lines and lines kept already are passed over in the search, up to this
    #: many lines above the region in all (None: ``headline_lookback``).
    headline_reach: int | None = 5
    #: A title-like line right above the headline found is kept too when the line found
    #: has at least this many words: it was the standfirst (None: never).
    headline_standfirst_words: int | None = 10
    #: A dropped line of at most this many words between two kept lines of
    #: ``subheading_paragraph`` characters or more, with a score above
    #: ``subheading_min_score``, is a subheading and stays (0: no such rule).
    subheading_words: int = 8
    subheading_min_score: float = -3.0
    subheading_paragraph: int = 80
    #: A run of at least this many short lines inside the region is reported as a menu.
    menu_run: int = 3
    #: At most this many rounds on the lines left by the previous round (see detect).
    max_rounds: int = 32
    #: If the verdicts would remove more than this share of the prose the
    #: filter was given (characters of lines that read like article
    #: paragraphs, see :func:`~cleantext.filters._context.is_prose`), it found
    #: no article it can tell from the rest, and it removes nothing; None: no limit.
    max_prose_drop: float | None = 0.5
    #: Model weights (JSON, as written by tests/tools/train_boilerplate.py).
    model_file: str = str(MODEL_PATH)

    def looks_like_full_page(self, texts: list[str]) -> bool:
        """True when the text has a run of at least ``min_menu_run`` menu-like lines and
        at least ``min_menu_lines`` of them in all."""
        flags = menu_flags(texts, self.short_chars)
        return has_run(flags, self.min_menu_run) and flags.count(1) >= self.min_menu_lines

    def detect(self, doc: Document) -> list[BlockMark]:
        """Marks for the page text around the article; none unless the text looks like a page."""
        # the lines a later run would see: blocks still kept, with their span removals cut out
        blocks = doc.blocks
        short_chars = self.short_chars
        every = [b.text for b in blocks]
        every_flags = menu_flags(every, short_chars)   # the page as it came in
        if every_flags.count(1) < self.min_menu_lines:
            return []
        mask = [b.removal is None for b in blocks]
        if mask.count(False) < self.min_removed_share * len(blocks):
            return []
        kept = list(compress(blocks, mask))
        cand = [b.index for b in kept]
        texts = [b.kept_text if b.spans else b.text for b in kept]
        # the kept lines' menu flags are the page's, but for lines that lost a span
        flags = bytes(compress(every_flags, mask))
        cut = list(compress(range(len(texts)), map(is_not, texts, compress(every, mask))))
        if cut:
            fixed = bytearray(flags)
            for j, f in zip(cut, menu_flags([texts[j] for j in cut], short_chars)):
                fixed[j] = f
            flags = bytes(fixed)
        if not all(texts):
            nonempty = list(map(bool, texts))
            cand, texts = list(compress(cand, nonempty)), list(compress(texts, nonempty))
            flags = bytes(compress(flags, nonempty))
        if not texts:
            return []
        # Repeat on the kept lines until they no longer look like a page or nothing more goes:
        # the output is then what a second run would leave as it is (clean is idempotent).
        # The first round also acts when the page as it came in looked like a page (earlier
        # filters may already have removed its menus); later rounds only ask it of the lines kept.
        # Later rounds reuse the first round's line measurements and language (PageLines.subset)
        # and the lines' menu flags.
        whole = (len(texts) < len(blocks) and self.min_left_run > 0
                 and has_run(flags, self.min_left_run) and has_run(every_flags, self.min_menu_run))
        weights = load_weights(self.model_file)
        given = texts
        idx: list[int] = []
        dropped: list[str] = []
        reasons: list[str] = []
        details: list[str] = []
        language = ""
        page: PageLines | None = None
        own: list[float] = []
        keep: list[bool] = []
        for _ in range(self.max_rounds):
            if not flags or not (whole or has_run(flags, self.min_menu_run)):
                break
            whole = False
            if page is None:
                page = PageLines(texts)
                own = own_terms(page, weights)
            else:
                sub = page.subset(keep)
                # a line's own score terms stay unless the stopwords changed with the kept lines
                own = list(compress(own, keep)) if sub.stopwords == page.stopwords else own_terms(sub, weights)
                page = sub
            keep, drop, r, d = self._classify(page, weights, own, _MetaBelow(blocks, cand))
            language = page.language
            if not drop:
                break
            idx += map(cand.__getitem__, drop)
            dropped += map(page.texts.__getitem__, drop)
            reasons += r
            details += d
            cand = list(compress(cand, keep))
            flags = bytes(compress(flags, keep))
        if not idx or self._drops_most_prose(given, dropped):
            return []
        # BlockMark is a NamedTuple: tuple.__new__ builds one without a Python-level call
        marks = list(map(tuple.__new__, repeat(BlockMark),
                         zip(idx, repeat(Kind.BOILERPLATE), reasons, details, repeat(None))))
        marks[0] = marks[0]._replace(meta={"language": language_code(language)})
        return marks

    def _drops_most_prose(self, given: list[str], dropped: list[str]) -> bool:
        """Whether ``dropped`` holds more than ``max_prose_drop`` of the prose in ``given``.

        On a page the article is a minority of the lines but most of the
        prose; verdicts that would remove most of the prose picked the wrong
        region, or were given an article with lists or code in it (a run of
        short lines that is not a menu), so the filter leaves the text alone.
        """
        limit = self.max_prose_drop
        if limit is None:
            return False
        gone = prose_chars(dropped)
        return gone > 0 and gone > limit * prose_chars(given)

    def _classify(self, page: PageLines, weights: tuple[float, ...], own: list[float],
                  above_meta: Callable[[int], bool] | None = None
                  ) -> tuple[list[bool], list[int], list[str], list[str]]:
        """Verdicts for the lines of ``page``: keep flags, dropped indices with their reasons and details."""
        texts = page.texts
        v = decide(page_scores(page, weights, own),
                   smoothing=self.smoothing, region_threshold=self.region_threshold,
                   threshold_in=self.threshold_in, threshold_out=self.threshold_out,
                   fallback_margin=self.fallback_margin)
        bs, be = v.region
        keep = v.keep
        if self.headline_lookback and be > bs:
            headline_above(texts, keep, v.smoothed, bs, lookback=self.headline_lookback,
                           min_words=self.headline_min_words, min_score=self.headline_min_score,
                           above_meta=above_meta, meta_min_score=self.headline_meta_score,
                           reach=self.headline_reach, standfirst_words=self.headline_standfirst_words)
        if self.subheading_words:
            subheadings(texts, keep, v.smoothed, max_words=self.subheading_words,
                        min_score=self.subheading_min_score, paragraph=self.subheading_paragraph)
        drop = list(compress(range(len(keep)), map(not_, keep)))
        if not drop:
            return keep, drop, [], []
        # drops before and after the region are "outside"; only those inside need a look at their run
        lo, hi = bisect_left(drop, bs), bisect_left(drop, be)
        menu, run = self.menu_run, page.run
        reasons = ["outside-main-region"] * lo
        reasons += ["menu-run" if run[i] >= menu else "low-content-score" for i in drop[lo:hi]]
        reasons += ["outside-main-region"] * (len(drop) - hi)
        # one %-format for all details ("score -3.1"), cut at the newlines
        details = (_DETAIL * len(drop) % tuple(map(v.smoothed.__getitem__, drop))).split("\n")
        details.pop()
        return keep, drop, reasons, details


#: The kinds of the lines that stand below a headline: its byline and its date.
_META_KINDS = frozenset((Kind.BIO, Kind.DATELINE))
#: How many removed lines below a line are looked at for its byline or date.
_META_GAP = 2


class _MetaBelow:
    """Whether the classified line ``j`` stands directly above a byline or a date that
    a family removed: one of the next :data:`_META_GAP` blocks, before the next
    classified line, is such a removal."""

    __slots__ = ("blocks", "cand")

    def __init__(self, blocks: list, cand: list[int]) -> None:
        self.blocks = blocks
        self.cand = cand

    def __call__(self, j: int) -> bool:
        blocks, cand = self.blocks, self.cand
        i = cand[j]
        end = min(cand[j + 1] if j + 1 < len(cand) else len(blocks), i + 1 + _META_GAP)
        for k in range(i + 1, end):
            r = blocks[k].removal
            if r is not None and r.kind in _META_KINDS:
                return True
        return False
