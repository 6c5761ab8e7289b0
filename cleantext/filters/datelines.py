"""Datelines: publication and update dates, times and reading-time lines.

A dateline is a short line that is *only* a date, optionally with a weekday,
a time of day, a label ("Updated:", "Veröffentlicht am") and time words
("3:52pm ET", "10:59 Uhr"):

- ``date-line``: "March 2, 2022 3:52pm", "Veröffentlicht am 2. März 2022",
  "02.03.2022, 10:59 Uhr", "2022-03-02", "Published: 5:42 PM CDT July 18,
  2024"; a labelled one may end with a full stop after a ``closing_words``
  word ("Dieser Artikel wurde ursprünglich am 2. März 2022 veröffentlicht.");
  also a dateline beside a reading time ("Updated: Apr 2, 2024 • 10 min
  read"), and a publication date followed by its update on one line: a date
  ("Published 3 March 2020 Updated 4 March 2020 12:02"), a time of day on
  the same day ("Publié le 14 mars 2024 à 11h32, modifié à 15h08") or a time
  ago ("Jun 4, 2024 Updated 3 hrs ago"); and a post's meta line of up to
  ``meta_chars``: parts set apart by " | ", one a dateline, the others
  related labels, comment counts, reading times or tag lists ("January 13,
  2020 at 08:45 AM | categories: Python, Mercurial | View Comments");
- ``place-date``: one capitalised word, a comma, a full date and its time of
  day: "Zaragoza, 17 mar. 2024 - 21:58 CET" (without the time it may be a
  heading's place and date, and stays);
- ``reading-time``: "5 min read", "Lesezeit: 3 Minuten";
- ``relative-date``: a date given as a time ago, perhaps labelled: "3 hours
  ago", "Updated 2 days ago", "vor 5 Minuten" (no metadata: it names no date);
- ``time-line``: a line that is only a time of day with "am"/"pm" or a time
  word: "3:59 PM", "17:42 Uhr" (the time stamps of teaser lists and tickers;
  no metadata).  A bare "15:40" may be a score or a duration and stays.

Dates move into the result metadata: ``published`` (unlabelled or with a
``published_labels`` label) and ``updated`` (with an ``updated_labels``
label), as ISO 8601 (``2022-03-02T15:52``) when day, month and year are
known, else as written.  A date inside a sentence is prose and stays.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar
from functools import cached_property

from ..document import BlockMark, Document
from ..kinds import Kind
from ..lexicon import phrase_lists
from ..registry import register
from . import _phrases
from ._match import Prefixes, first_words, fold, literal_pattern, number_shape, prefix_tuple, starts_with_phrase
from ._context import profile
from ._phrases import PhraseOptions
from .base import BlockFilter

_DATE = Kind.DATELINE
#: Any digit: a dateline has at least one.
HAS_DIGIT = re.compile(r"\d")
#: Dates at the start of the (label-stripped) line.  Month names are matched
#: as a run of letters and checked against the month lists afterwards.
DATE_FORMS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"),
    re.compile(r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4}|\d{2})\b"),
    re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b"),
    re.compile(r"(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>\d{4})\b"),
    re.compile(r"(?P<d>\d{1,2})\.?\s(?:de\s)?(?P<mon>[^\W\d_]{3,12})\.?(?:,?\s(?:de\s)?(?P<y>\d{4}))?"),
    re.compile(r"(?P<mon>[^\W\d_]{3,12})\.?\s(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s(?P<y>\d{4}))?"),
)
#: Where any of the date forms matches (their groups unnamed): the places worth trying.
_ANY_DATE = re.compile("|".join(re.sub(r"\(\?P<\w+>", "(", f.pattern) for f in DATE_FORMS))
#: A time of day: "3:52pm", "10:59", "10.59 Uhr", "13:45h" (the words around it are checked apart).
TIME = re.compile(r"(?P<H>\d{1,2})[:.h](?P<M>\d{2})(?::\d{2})?h?\s?(?P<ap>[ap]\.?m\.?)?", re.IGNORECASE)
#: Marks that may stand between a date, its time and what follows, in any language
#: ("17 April 2012 • 2:54pm", "3 March 2020 / 10:00").
SEPARATORS = frozenset("|·•-–—/,")
#: A character that is not a letter or a digit (not ``str.isalnum``).
_NOT_ALNUM = re.compile(r"[\W_]")
#: A word of a line, with its position.
_WORD = re.compile(r"\S+")
#: Where a line may be a place and a date: one word, a comma, then a day or a month
#: and a day ("Zaragoza, 17 mar. 2024 - 21:58", "Boston, March 3, 2024 9:12 a.m.").
_PLACE_DATE = re.compile(r"[^\W\d_](?:[^\W\d_]|['.-]){1,30}, (?=\d|[^\W\d_]{3,12}\.? \d)")
#: The marks a reading time stands apart with beside a date ("Apr 2, 2024 • 10 min read").
_READING_SEPARATORS = (" • ", " · ", " | ", " - ", " – ", " — ")


@register
@dataclass(frozen=True)
class Datelines(PhraseOptions, BlockFilter):
    """Remove date, time and reading-time lines; keep the dates as metadata."""

    name = "datelines"
    kinds = (Kind.DATELINE,)
    #: Rules that look at a line alone, never at its neighbours: removing
    #: other lines cannot make them match, so ``settle`` need not run them again.
    context_free: ClassVar[bool] = True

    #: Longest dateline, in characters.
    max_chars: int = 80
    #: Longest post meta line: a dateline and, set apart by " | ", related labels, counts
    #: and a tag list ("January 13, 2020 | categories: Python, Mercurial | View Comments").
    meta_chars: int = 160

    @cached_property
    def _months(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for key in ("months", "months_short"):
            for path, names in phrase_lists("dateline", key, self.languages, self.extra_files):
                if not names:
                    continue
                if len(names) != 12:
                    from ..errors import ConfigError
                    raise ConfigError(f"{path}: [dateline].{key} must list 12 months, January first")
                for n, name in enumerate(names, 1):
                    out.setdefault(name.casefold().rstrip("."), n)
        for alt in _phrases.raw(self, "dateline", "months_alt"):
            name, _, num = alt.rpartition("=")
            if name and num.isdigit() and 1 <= int(num) <= 12:
                out.setdefault(name.casefold().rstrip("."), int(num))
        return out

    @cached_property
    def _labels(self) -> tuple[frozenset[str], frozenset[str]]:
        return (_phrases.folded(self, "dateline", "published_labels"),
                _phrases.folded(self, "dateline", "updated_labels"))

    @cached_property
    def _label_tuples(self) -> tuple[Prefixes, Prefixes]:
        published, updated = self._labels
        return prefix_tuple(published), prefix_tuple(updated)

    @cached_property
    def weekdays(self) -> frozenset[str]:
        """The weekday names, folded ("monday", "mo")."""
        return _phrases.folded(self, "dateline", "weekdays")

    @cached_property
    def time_words(self) -> frozenset[str]:
        """Words that may stand around a date and its time ("Uhr", "am", "EST"), case-folded."""
        return frozenset(w.casefold() for w in _phrases.raw(self, "dateline", "time_words"))

    @cached_property
    def label_keys(self) -> dict[str, str]:
        """Every dateline label, folded, and the metadata key it gives ("published" or
        "updated")."""
        published, updated = self._labels
        return {**{p: "published" for p in published}, **{u: "updated" for u in updated}}

    @cached_property
    def reading_shapes(self) -> frozenset[str]:
        """Reading times, folded, numbers as "#" ("# min read")."""
        return frozenset(number_shape(f) for f in _phrases.folded(self, "dateline", "reading_time"))

    @cached_property
    def _relative(self) -> frozenset[str]:
        return frozenset(number_shape(f) for f in _phrases.folded(self, "dateline", "relative"))

    @cached_property
    def first_words(self) -> frozenset[str]:
        """Words a dateline can start with (besides a digit): months, weekdays, labels,
        and the words before a date ("Le 5 août 2026", "On March 2, 2022")."""
        published, updated = self._label_tuples
        return (frozenset(self._months) | self.weekdays | published.firsts
                | updated.firsts | first_words(self.reading_shapes) | first_words(self._relative)
                | frozenset(w for w in self.time_words if w.isalpha()))

    def detect(self, doc: Document) -> Iterator[BlockMark]:
        prof = profile(doc, self)
        limit = self.max_chars
        blocks = doc.blocks
        # lines that start with a number or a dateline word (first words are kept
        # without trailing ":;,.!?", so "Updated:" is "updated")
        meta_limit = self.meta_chars
        for i in sorted({*prof.starting_with_digit(), *prof.starting_with(self.first_words)}):
            b = blocks[i]
            t = b.text
            if b.removal is not None or not HAS_DIGIT.search(t):
                continue
            if len(t) > limit:
                if len(t) <= meta_limit and " | " in t and (found := self._parse_meta_line(t)) is not None:
                    yield BlockMark(i, _DATE, "date-line", found[0], {found[0]: found[1]})
                continue
            f = prof.folds[i]
            shape = number_shape(f)
            if shape in self.reading_shapes:
                yield BlockMark(i, _DATE, "reading-time", f)
                continue
            found = self.parse(t) or self._parse_beside_reading(t)
            if found is None and " | " in t:
                found = self._parse_meta_line(t)
            if found is not None:
                key, value = found
                yield BlockMark(i, _DATE, "date-line", key, {key: value})
            elif (pair := self._parse_pair(t)) is not None:
                yield BlockMark(i, _DATE, "date-line", "published", pair)
            elif self._is_relative(f, shape):
                yield BlockMark(i, _DATE, "relative-date", f)
            elif self.is_time_line(t):
                yield BlockMark(i, _DATE, "time-line", f)
        # place lines: short ones with ", " (a cheap test per line, cheaper than a search of the text)
        match = _PLACE_DATE.match
        texts = prof.texts
        for i in [i for i, t in enumerate(texts) if len(t) <= limit and ", " in t]:
            t = texts[i]
            m = match(t)
            if m is not None and blocks[i].removal is None and t[:m.end() - 2].istitle():
                found = self._date_at(t[m.end():], "published")
                # a full date with its time of day, nothing else: a bare date after a word
                # may be a heading's ("Landtagswahl Bayern, 14. Oktober 2018")
                if found is not None and "T" in found[1]:
                    yield BlockMark(i, _DATE, "place-date", found[0], {found[0]: found[1]})

    def is_time_line(self, line: str, bare: bool = False) -> bool:
        """Whether ``line`` is only a time of day with a word that makes it one: "3:59 PM",
        "17:42 Uhr", "4:53 pm ET".  A bare "15:40" may be a score or a duration, so it stays
        (unless ``bare``: after an update label)."""
        line = line.strip()
        m = TIME.match(line)
        if m is None or _clock(m) is None:
            return False
        rest = line[m.end():].split()
        tw = self.time_words
        if not all(w.casefold() in tw for w in rest):
            return False
        return bare or m["ap"] is not None or any(w[0].isalpha() for w in rest)

    def _is_relative(self, folded: str, shape: str) -> bool:
        """Whether a folded line (``shape``: its digits as ``#``) is a time ago, perhaps
        after an update or publication label ("updated 2 days ago")."""
        relative = self._relative
        if shape in relative:
            return True
        published, updated = self._label_tuples
        label = starts_with_phrase(folded, updated) or starts_with_phrase(folded, published)
        return bool(label) and number_shape(folded[len(label):].lstrip(" :-–—|·,")) in relative

    def parse(self, line: str) -> tuple[str, str] | None:
        """``("published" | "updated", date)`` when ``line`` is only a dateline, else None."""
        if line[:1].isdigit():  # no label, no weekday: try the date forms directly
            return self._timed_date_at(line.strip(), "published")
        f = fold(line)
        key = "published"
        published, updated = self._label_tuples
        rest = line.strip()
        label = starts_with_phrase(f, updated) or None
        if label:
            key = "updated"
        else:
            label = starts_with_phrase(f, published)
        if label:
            rest = self._without_closing(_drop_words(rest, label.count(" ") + 1).lstrip(" :-–—|·,"))
        return self._timed_date_at(self._skip_lead_words(rest), key)

    def _without_closing(self, rest: str) -> str:
        """What follows a dateline label, without a full stop and a ``closing_words``
        word at its end: the notice "Dieser Artikel wurde ursprünglich am 5. März 2024
        veröffentlicht." holds a dateline."""
        if rest.endswith("."):
            rest = rest[:-1]
            head, _, last = rest.rpartition(" ")
            if head and last.casefold() in self._closing:
                rest = head
        return rest

    @cached_property
    def _closing(self) -> frozenset[str]:
        return frozenset(w.casefold() for w in _phrases.raw(self, "dateline", "closing_words"))

    def _parse_beside_reading(self, line: str) -> tuple[str, str] | None:
        """:meth:`parse` of a dateline with a reading time before or after it, set apart
        by a bullet, bar or dash ("Updated: Apr 2, 2024 • 10 min read"), else None."""
        shapes = self.reading_shapes
        for sep in _READING_SEPARATORS:
            k = line.find(sep)
            if k < 0:
                continue
            head, tail = line[:k], line[k + len(sep):]
            if number_shape(fold(tail)) in shapes:
                return self.parse(head)
            if number_shape(fold(head)) in shapes:
                return self.parse(tail)
        return None

    @cached_property
    def _meta_parts(self) -> tuple[frozenset[str], frozenset[str], Prefixes]:
        """What may stand beside a date in a post's meta line: the related labels of
        up to four words ("View Comments", "Leave a comment"), comment counts and
        reading times (numbers as "#"), and the tag prefixes ("categories:")."""
        labels = frozenset(p for p in _phrases.related_labels(self) if p.count(" ") <= 3)
        counts = frozenset(number_shape(f) for f in _phrases.folded(self, "related", "comment_counts"))
        return labels, counts | self.reading_shapes, prefix_tuple(_phrases.folded(self, "related", "tag_prefixes"))

    def _parse_meta_line(self, line: str) -> tuple[str, str] | None:
        """:meth:`parse` of a post's meta line: parts set apart by " | ", one a dateline,
        each other one a related label, a comment count, a reading time or a tag list
        ("January 13, 2020 at 08:45 AM | categories: Python, Mercurial | View Comments"),
        else None."""
        parts = line.split(" | ")
        if len(parts) < 2:
            return None
        labels, counts, tags = self._meta_parts
        found = None
        for part in parts:
            f = fold(part)
            if f in labels or number_shape(f) in counts or starts_with_phrase(f, tags):
                continue
            if found is not None:
                return None
            found = self.parse(part)
            if found is None:
                return None
        return found

    def _parse_pair(self, line: str) -> dict[str, str] | None:
        """``{"published": ..., "updated": ...}`` when ``line`` is a publication dateline
        followed by an update: a dateline ("Pubblicato il 19 Febbraio 2020 Ultima modifica
        19 Febbraio 2020 12:02"), a time of day on the same day ("Publié le 14 mars 2024
        à 11h32, modifié à 15h08") or a time ago ("Jun 4, 2024 Updated 3 hrs ago": only
        the publication date is kept), else None."""
        pattern = self._updated_inside
        low = line.lower()
        if pattern is None or len(low) != len(line):
            return None
        m = pattern.search(low, 1)
        while m is not None:
            k, end = m.start(), m.end()
            if end == len(low) or not low[end].isalnum():
                first = self.parse(line[:k])
                if first is not None and first[0] == "published":
                    found = self._update_after(first[1], line[k + 1:])
                    if found is not None:
                        return found
            m = pattern.search(low, k + 1)
        return None

    def _update_after(self, published: str, tail: str) -> dict[str, str] | None:
        """The metadata of a publication date and the update that follows it (see
        :meth:`_parse_pair`), else None."""
        second = self.parse(tail)
        if second is not None:
            return {"published": published, "updated": second[1]} if second[0] == "updated" else None
        f = fold(tail)
        if self._is_relative(f, number_shape(f)):
            return {"published": published}
        label = starts_with_phrase(f, self._label_tuples[1])
        rest = self._skip_lead_words(_drop_words(tail.strip(), label.count(" ") + 1)) if label else ""
        if len(published) >= 10 and published[4:5] == "-" and self.is_time_line(rest, bare=True):
            clock = _clock(TIME.match(rest))  # type: ignore[arg-type]
            if clock is not None:
                return {"published": published, "updated": f"{published[:10]}T{clock[0]:02d}:{clock[1]:02d}"}
        return None

    @cached_property
    def _updated_inside(self) -> re.Pattern[str] | None:
        """An update label after a space, as one trie regex (see :meth:`_parse_pair`)."""
        return literal_pattern(" " + u for u in self._label_tuples[1])

    def _skip_lead_words(self, rest: str) -> str:
        """``rest`` without a leading weekday and time words ("Tue, March 1", "on March 1",
        "EST, Tue March 1": what may stand between a label or a time and the date)."""
        tw, days = self.time_words, self.weekdays
        while rest:
            head, _, tail = rest.partition(" ")
            low = head.casefold()
            if low in tw or low.rstrip(",") in tw or fold(head) in days:
                rest = tail.lstrip(" ,")
            else:
                break
        return rest

    def _timed_date_at(self, rest: str, key: str) -> tuple[str, str] | None:
        """A date at the start of ``rest``, perhaps after a time ("02:31 26 January 2024")."""
        found = self._date_at(rest, key)
        if found is not None:
            return found
        m = TIME.match(rest)
        if m is None or not (rest[m.end() - 1] == " " or rest[m.end():m.end() + 1] in (" ", ",")):
            return None
        clock = _clock(m)
        if clock is None:
            return None
        h, mi = clock
        found = self._date_at(self._skip_lead_words(rest[m.end():].lstrip(" ,|·•-–—")), key)
        if found is None:
            return None
        date = found[1]
        if len(date) == 10 and date[4:5] == "-":
            date = f"{date}T{h:02d}:{mi:02d}"
        return key, date

    def _date_at(self, rest: str, key: str) -> tuple[str, str] | None:
        """A date at the start of ``rest``, with only time words after it."""
        for form in DATE_FORMS:
            m = form.match(rest)
            if m is None:
                continue
            date = self._iso(m)
            if date is None:
                continue
            tail = rest[m.end():]
            time = self._tail_time(tail)
            if time is False:
                continue
            if time and "T" not in date and len(date) == 10:
                date = f"{date}T{time}"
            return key, date if len(date) >= 10 else rest
        return None

    def find_date(self, line: str) -> tuple[int, int, str, bool] | None:
        """The first full date (day, month and year) inside ``line``, as ``(start, end,
        date, timed)``, else None.

        The date starts a word; ``end`` is past the time words, separators and time
        of day that follow it ("14. Mai 2014, 15:40 Uhr"), and ``timed`` tells
        whether a time of day is among them.  ``date`` is ISO 8601, with the time
        when there is one.  Bylines use it for a name and a date on one line.
        """
        m = _ANY_DATE.search(line)
        while m is not None:
            start = m.start()
            found = None if start and line[start - 1].isalnum() else self._full_date_at(line, start)
            if found is not None:
                break
            # a date starts after a character that is not a letter or digit: skip the rest
            # of this run of them
            gap = _NOT_ALNUM.search(line, start)
            m = None if gap is None else _ANY_DATE.search(line, gap.end())
        else:
            return None
        end, date = found
        timed = False
        tw = self.time_words
        w = _WORD.search(line, end)
        while w is not None:
            m = TIME.match(line, w.start())
            e = -1 if m is None else m.end() - line[m.end() - 1].isspace()
            if m is not None and (e == len(line) or not line[e].isalnum()):
                clock = _clock(m)
                if clock is None:
                    break
                end, timed = e, True
                if "T" not in date:
                    date = f"{date}T{clock[0]:02d}:{clock[1]:02d}"
            else:
                low = w.group().casefold().rstrip(",")
                if low and low not in tw and low not in SEPARATORS:
                    break
                end = w.end()
            w = _WORD.search(line, end)
        return start, end, date, timed

    def _full_date_at(self, line: str, start: int) -> tuple[int, str] | None:
        """``(end, date)`` of a date with day, month and year at ``start``, else None."""
        for form in DATE_FORMS:
            m = form.match(line, start)
            if m is None:
                continue
            date = self._iso(m)
            if date is not None and len(date) >= 10 and not date.startswith("-"):
                return m.end(), date
        return None

    def _iso(self, m: re.Match[str]) -> str | None:
        g = m.groupdict()
        if g.get("mon") is not None:
            month = self._months.get(g["mon"].casefold().rstrip("."))
            if month is None:
                return None
        else:
            month = int(g["m"])
        day = int(g["d"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        y = g.get("y")
        if not y:
            return f"--{month:02d}-{day:02d}"
        year = int(y)
        if len(y) == 2:
            year += 2000 if year < 70 else 1900
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        if g.get("H") is not None and g.get("M") is not None:
            iso += f"T{int(g['H']):02d}:{g['M']}"
        return iso

    def _tail_time(self, tail: str) -> str | bool | None:
        """The time in what follows a date (``None`` if none), or False if the tail is prose."""
        time = None
        tw = self.time_words
        toks = tail.replace(",", " , ").split()
        skip = False
        for k, tok in enumerate(toks):
            if skip:  # the "pm" of "3:52 pm", read with its time
                skip = False
                continue
            low = tok.casefold()
            if low in tw or low in SEPARATORS:
                continue
            m = TIME.fullmatch(tok) or TIME.fullmatch(low)
            if m is None:
                return False
            if m["ap"] is None and k + 1 < len(toks):
                spaced = TIME.fullmatch(f"{low} {toks[k + 1].casefold()}")
                if spaced is not None:
                    m, skip = spaced, True
            clock = _clock(m)
            if clock is None:
                return False
            time = f"{clock[0]:02d}:{clock[1]:02d}"
        return time


def _drop_words(text: str, n: int) -> str:
    parts = text.split(" ", n)
    return parts[n] if len(parts) > n else ""


def _clock(m: re.Match[str]) -> tuple[int, int] | None:
    """Hour (0-23) and minute of a :data:`TIME` match, or None if it is no valid time."""
    h, mi = int(m["H"]), int(m["M"])
    ap = (m["ap"] or "").replace(".", "").lower()
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    return None if h > 23 or mi > 59 else (h, mi)
