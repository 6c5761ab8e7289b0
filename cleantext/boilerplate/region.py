"""From line scores to keep/drop decisions: smoothing, the main region, the verdicts.

A page's article is, nearly always, one contiguous run of good lines.  The
decision uses three steps, all linear in the number of lines:

1. *Smoothing*: a line's score is moved towards the mean of its two
   neighbours, so a short heading between two good paragraphs rises and a
   lone plausible line inside a menu sinks (jusText's context idea).
2. *Main region*: the contiguous run of lines with the largest total of
   ``score - region_threshold`` (Kadane's maximum segment).
3. *Verdicts*: inside the region a line stays unless its score is below
   ``threshold_in``; outside, it must beat the stricter ``threshold_out``
   (teasers and comments after the article are prose too, so the bar is
   higher there).  If nothing would be kept, no line reads as article
   text: the classifier found no article and every line stays (or, with a
   ``fallback_margin``, the best-scoring lines stay).  A page is never
   emptied by the classifier.
4. *Headline*: the article's title usually sits just above the region,
   often with a date or byline between; :func:`headline_above` keeps the
   nearest title-like line among the few above it.
5. *Subheadings*: a short heading between two kept paragraphs stays
   (:func:`subheadings`).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple


#: Menu and breadcrumb separators: a line with one is not a headline.
HEADLINE_SEPARATOR_RE = re.compile(r"[|»›·•/>]")
#: A headline does not end like a running sentence or a label.
_NOT_HEADLINE_END = frozenset(".,:;")
#: A clock time or a numeric date ("15:00", "23.01.2020", "3/4/2021"): a date line, an event listing.
_TIME_OR_DATE_RE = re.compile(r"\d:\d\d|\d\.\d{1,2}\.\d|\d/\d{1,2}/\d")
#: A word of three letters or more.
_WORD_RE = re.compile(r"[^\W\d_]{3,}")


class Verdicts(NamedTuple):
    keep: list[bool]
    smoothed: list[float]
    region: tuple[int, int]  # [start, end) line indices of the main region


def smooth(scores: Sequence[float], weight: float) -> list[float]:
    """Each score plus ``weight`` times the mean score of its neighbours."""
    n = len(scores)
    if n < 2 or not weight:
        return list(scores)
    half = weight / 2
    out = [scores[0] + weight * scores[1]]
    out += [b + half * (a + c) for a, b, c in zip(scores, scores[1:], scores[2:])]
    out.append(scores[-1] + weight * scores[-2])
    return out


def main_region(scores: Sequence[float], threshold: float) -> tuple[int, int]:
    """``[start, end)`` of the contiguous run with the largest sum of ``score - threshold``."""
    best = cur = 0.0
    bs = be = st = 0
    values = [x - threshold for x in scores] if threshold else scores
    for i, v in enumerate(values):
        if cur <= 0:
            cur, st = v, i
        else:
            cur += v
        if cur > best:
            best, bs, be = cur, st, i + 1
    return bs, be


def decide(scores: Sequence[float], *, smoothing: float, region_threshold: float,
           threshold_in: float, threshold_out: float, fallback_margin: float | None) -> Verdicts:
    """Keep/drop verdicts for lines with the given model scores (log-odds of content)."""
    s = smooth(scores, smoothing)
    bs, be = main_region(s, region_threshold)
    keep = [x > threshold_out for x in s]
    keep[bs:be] = [x > threshold_in for x in s[bs:be]]
    if s and not any(keep):
        if fallback_margin is None:
            keep = [True] * len(s)
        else:
            top = max(s) - fallback_margin
            keep = [x >= top for x in s]
    return Verdicts(keep, s, (bs, be))


def headline_above(texts: Sequence[str], keep: list[bool], scores: Sequence[float], start: int, *,
                   lookback: int, min_words: int, min_score: float, max_chars: int = 150,
                   above_meta: Callable[[int], bool] | None = None,
                   meta_min_score: float | None = None, reach: int | None = None,
                   standfirst_words: int | None = None) -> int | None:
    """Mark the article's headline kept in ``keep``; return its index, or None.

    Looks upwards from ``start`` (the region's first line) at up to
    ``lookback`` dropped lines of ``min_words`` words or more, nearest first,
    and keeps the first one that looks like a title: at most ``max_chars``
    characters, no menu separator, not ending in ``. , : ;``, no clock time or
    numeric date, two words of three letters or more, and scoring above
    ``min_score``.  Lines kept already (a standfirst) and shorter dropped lines
    (a "Save" button, a share count, a player's "00:00") are passed over
    without counting, up to ``reach`` lines above ``start`` in all (None:
    ``lookback``).  A line that ``above_meta`` says stands directly above the
    article's byline or date needs only a score above ``meta_min_score``, if it
    does not start with a lower-case letter (as "durch Jane Doe" does): that is
    where a headline stands, and its neighbours (a site name, a "Published"
    label) pull its smoothed score down.

    When the line found has ``standfirst_words`` words or more, it may be the
    standfirst: a title-like line right above it is kept too, as the headline
    ("Shares sink 18% as retailer cuts forecast" above "Company blames weak
    spending among middle-income shoppers and a pullback in home goods").
    """
    def title_like(j: int) -> bool:
        t = texts[j]
        return (t.count(" ") + 1 >= min_words and len(t) <= max_chars
                and t[-1] not in _NOT_HEADLINE_END and HEADLINE_SEPARATOR_RE.search(t) is None
                and _TIME_OR_DATE_RE.search(t) is None and len(_WORD_RE.findall(t)) >= 2
                and (scores[j] > min_score
                     or (meta_min_score is not None and above_meta is not None
                         and scores[j] > meta_min_score and not t[:1].islower() and above_meta(j))))

    budget = lookback
    for j in range(start - 1, max(-1, start - 1 - (reach or lookback)), -1):
        if keep[j] or texts[j].count(" ") + 1 < min_words:
            continue
        if title_like(j):
            keep[j] = True
            if (standfirst_words and j > 0 and texts[j].count(" ") + 1 >= standfirst_words
                    and not keep[j - 1] and title_like(j - 1)):
                keep[j - 1] = True
            return j
        budget -= 1
        if not budget:
            break
    return None


def subheadings(texts: Sequence[str], keep: list[bool], scores: Sequence[float], *,
                max_words: int, min_score: float, paragraph: int) -> list[int]:
    """Keep the dropped subheadings between kept paragraphs; return their indices.

    A subheading has at most ``max_words`` words, two of them of three
    letters or more, does not end in ``. , : ;``, holds no menu separator,
    scores above ``min_score``, and stands between two kept lines of
    ``paragraph`` characters or more: "Next steps", "Side effects and risks"
    between the paragraphs they divide.  Short headings score low (no
    sentence, few words), and where the region ends at one, the paragraph
    after it may still be kept by its own score.
    """
    found = []
    for j in range(1, len(texts) - 1):
        if keep[j] or not keep[j - 1] or not keep[j + 1] or scores[j] <= min_score:
            continue
        t = texts[j]
        if (t.count(" ") < max_words and t[-1] not in _NOT_HEADLINE_END
                and len(texts[j + 1]) >= paragraph and len(texts[j - 1]) >= paragraph
                and HEADLINE_SEPARATOR_RE.search(t) is None and len(_WORD_RE.findall(t)) >= 2):
            found.append(j)
    for j in found:
        keep[j] = True
    return found
