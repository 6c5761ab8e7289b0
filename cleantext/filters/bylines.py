"""Bylines and author bios: "By Jane Doe", "Written By", "Jane Doe is a reporter who...".

Rules, each with its reason id (see docs/filters.md):

- ``byline``: a short line that is a ``byline_prefixes`` phrase ("By",
  "Von", "Par", "Written by") followed by a name: one to six capitalised
  words, ``name_particles`` ("van", "de", "von", "and") allowed besides, optionally
  a role of up to four words after a comma or bar ("By Jane Doe, Health
  Reporter"), a place or section after "in" ("Posted by Jane Doe in Local
  News") or a time of day ("Posted by Jane Doe at 12:11 PM").
- ``dated-byline``: a short line that is a byline or a name and a full date,
  perhaps with its time, a dateline label, a comment count or a reading
  time, and nothing else: "By Jane Doe Feb 8, 2020 5 min read", "von Jane
  Doe am 14. Mai 2014, 15:40 Uhr", "19.6.2007 9:40 Uhr Jane Doe 71
  Kommentare".  A name without a byline prefix needs one of those besides
  the date (a time, a label, a count), so "Landtagswahl Bayern 14. Oktober
  2018" stays; so does a site's user name after a one-word prefix
  ("Veröffentlicht am 12. Juni 2017 von gizzmo").  The date may stand twice
  (published, then modified), and a related label or notice of up to four
  words may end the line ("... by Jane Doe | Leave a comment").  The date
  goes into the metadata too.
- ``byline-label``: a whole line from ``[bio] labels`` ("Written By", "About
  the author"), unless prose stands directly above and below.
- ``author-bio``: a line whose first sentence is a name, a ``copulas`` verb
  and a ``roles`` word ("Jane Doe is a senior reporter at ..."), or a name
  and a ``beats`` verb in lower case, in a first sentence that ends with a
  full stop ("Jane Doe covers Congress for the Courier."), standing in the
  run of furniture at the end of the text (only bios, labels, bylines or
  lines other filters removed below it), directly under a byline label or a
  byline, or above a line that is not prose (the article does not go on
  after it: on a whole page, the bio above the share bar and the teasers; a
  bio there need not read like prose if its first sentence ends with a full
  stop: "... More about Jane Doe").  A role word is
  never part of the name ("Als Naturfilmer und Autor arbeitet ...").  Right
  under a byline label ("About the author", "Zur Person") a name and a
  ``copulas`` verb are enough, and the name may carry an age ("Jane Doe (37)
  is a pitch coach ...").

- ``author-bio`` also takes an author box: a name alone on the line above a
  bio with the same name or above a bio without one; a bio that starts with
  its role ("Journalist and author, ...", "Giornalista, segue ..."), a name, a
  dash and a role ("Jane Doe – reporter at ..."; under a label any word in
  lower case), a first-person introduction with an age or a role ("Ich bin
  Jana, 34, Lehrerin ...") or a greeting ("Hi, I'm Megan!"), in the places
  above; under a label a name alone with such a bio under it.
- ``about-box``: a heading of an ``about_prefixes`` phrase and a name ("About
  Acme", "Über Acme") and the paragraph under it that starts with that name,
  perhaps after an article ("Die Acme GmbH ..."), or introduces it ("Ich bin
  Jana, ..."), with no prose after it (a press release's boilerplate, a
  blogger's box).  After a one-word name the paragraph must introduce a
  person or hold a web address: "About Python" / "Python is ..." stays.
- ``press-contact``: a ``contact_prefixes`` label, a colon, a name and a
  phone number or an e-mail address: "Contact: Jane Doe, 555-0142,
  jane@example.gov".

The name found goes into the metadata as ``author``.  A sentence that starts
with a name inside the article ("Jane Doe is the mayor's third challenger")
stays: it has no role word, or prose follows it.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from ..document import BlockMark, Document
from ..kinds import Kind
from ..registry import register
from . import _phrases
from ._context import EDGE_CHARS, Profile, next_kept, profile
from ._match import Prefixes, fold, number_shape, prefix_tuple, starts_with_phrase, strip_edges
from ._phrases import PhraseOptions
from .base import BlockFilter
from .datelines import SEPARATORS, Datelines

#: An age in brackets after a name: "Jane Doe (37) ist ...".
_AGE = re.compile(r"\(\d{1,3}\),?")
_BIO = Kind.BIO
#: A user name as sites print it after "by": letters first, then letters, digits, "_", "-", ".".
_USER_NAME = re.compile(r"[^\W\d_][\w.\-]{1,29}")
#: The shortest bio above page furniture ("Jane Doe is a reporter at the Courier.").
_BIO_MIN_CHARS = 30
#: How far into a bio's first sentence its role is looked for, in words.
_BIO_WORDS = 30
#: A web address: "www.", a scheme, or a host name with a common top-level domain.
_WEB = re.compile(r"www\.|https?://|\w\.(?:com|org|net|info|de|at|ch|fr|es|it|pl|nl|pt|eu|uk|gov|edu|io)\b")
#: The domain of an e-mail address ("@example.org").
_EMAIL = re.compile(r"@[\w-]+\.\w")
#: A phone number: digits with spaces, dots, dashes, slashes or brackets between them.
_PHONE = re.compile(r"\+?\(?\d[\d ()./-]{5,}\d")
#: A time of day as one word: "12:11", "21.15", "9h30".
_CLOCK = re.compile(r"\d{1,2}[:.h]\d{2}")
#: What every full date holds: a four-digit year, or a two-digit one after "d.m." (a
#: cheap test before the dates are looked for).
_YEAR = re.compile(r"\d{4}|\d\.\d\d(?!\d)")
def _name_words(words: list[str], glue: frozenset[str]) -> bool:
    """Whether ``words`` spell one or more personal names (``glue``: lower-case particles).
    An age in brackets may follow a name: "Jane Doe (37)"."""
    caps = 0
    for w in words:
        w = w.strip(",")
        if not w or w == "&" or _AGE.fullmatch(w):
            continue
        if w.casefold() in glue:
            continue
        c = w[0]
        if not c.isupper() or any(ch.isdigit() for ch in w) or len(w) > 25:
            return False
        caps += 1
    return caps >= 1


def _name_length(words: list[str], glue: frozenset[str]) -> bool:
    """One to six words besides particles ("Anna van Dijk en Jan de Vries"), nine at most."""
    return len(words) <= 9 and 1 <= sum(w.strip(",").casefold() not in glue for w in words) <= 6


def split_name(rest: str, glue: frozenset[str] = frozenset()) -> str | None:
    """The name in what follows a byline prefix, or None when it is not a name."""
    rest = rest.strip().lstrip(":").strip()
    for sep in (" | ", " - ", " – ", " — ", " · ", ", "):
        head, found, tail = rest.partition(sep)
        if found and head:
            words = head.split()
            # A role or place may follow the name ("Jane Doe, Health Reporter");
            # a longer tail is a sentence or an affiliation worth keeping.
            if _name_length(words, glue) and len(tail.split()) <= 4 and _name_words(words, glue):
                return head
    words = rest.split()
    if _name_length(words, glue) and _name_words(words, glue):
        return rest.rstrip(",.;")
    return None


@register
@dataclass(frozen=True)
class Bylines(PhraseOptions, BlockFilter):
    """Remove bylines, author labels and author bios; keep the author as metadata."""

    name = "bylines"
    kinds = (Kind.BIO,)

    #: Longest byline line.
    byline_chars: int = 90
    #: Longest bio line.
    bio_chars: int = 700

    @cached_property
    def _sets(self) -> dict[str, frozenset[str]]:
        return {k: _phrases.folded(self, "bio", k) for k in ("labels", "byline_prefixes", "roles", "copulas",
                                                       "name_particles", "beats", "intros", "greetings")}

    @cached_property
    def _verbs(self) -> frozenset[str]:
        """The words that may follow a bio's name: the copulas and the beats' first words."""
        return self._sets["copulas"] | {b.split(" ", 1)[0] for b in self._sets["beats"]}

    @cached_property
    def _prefix_tuple(self) -> Prefixes:
        return prefix_tuple(self._sets["byline_prefixes"])

    @cached_property
    def _starts(self) -> dict[str, Prefixes]:
        """Line starts: contact lines, "About <Name>" headings, first-person introductions
        and greetings."""
        sets = self._sets
        return {"contact": prefix_tuple(_phrases.folded(self, "bio", "contact_prefixes")),
                "about": prefix_tuple(_phrases.folded(self, "bio", "about_prefixes")),
                "intro": prefix_tuple(sets["intros"]),
                "greeting": prefix_tuple(sets["greetings"])}

    @cached_property
    def _box_firsts(self) -> frozenset[str]:
        """The words a box bio without a dash can start with: a role's, an
        introduction's or a greeting's first word (a cheap test before the rules)."""
        sets = self._sets
        return frozenset(p.split(" ", 1)[0] for key in ("roles", "intros", "greetings") for p in sets[key])

    def detect(self, doc: Document) -> Iterator[BlockMark]:
        return self._detect(doc, again=False)

    def detect_again(self, doc: Document) -> Iterator[BlockMark]:
        """Without the byline rule, which looks at a line alone: it found all it could
        the first time."""
        return self._detect(doc, again=True)

    def _detect(self, doc: Document, again: bool) -> Iterator[BlockMark]:
        prof = profile(doc, self)
        blocks = doc.blocks
        sets = self._sets
        marked: dict[int, BlockMark] = {}

        def mark(i: int, reason: str, detail: str, author: str | None = None) -> None:
            if blocks[i].removal is None and i not in marked:
                marked[i] = BlockMark(i, _BIO, reason, detail, {"author": author} if author else None)

        labels = set()
        for i in prof.lookup(sets["labels"]):
            if not prof.sandwiched(i):
                labels.add(i)
                mark(i, "byline-label", prof.folds[i] or "")
        self._contact_lines(prof, mark)
        self._about_boxes(prof, marked, mark)
        for i in (() if again else prof.starting_with(self._prefix_tuple.firsts)):
            t = blocks[i].text
            if i in marked:
                continue
            if len(t) <= self.byline_chars:
                found = self._byline(t, prof.folds[i])
                if found is not None:
                    mark(i, "byline", *found)
                elif _may_be_dated(t):
                    self._mark_dated(i, t, marked)
        limit = self.byline_chars
        # dated bylines that start with the date or its label: "5 May 2020 by ...",
        # "September 15, 2020 by ...", "Published May 5, 2020 by ..."
        dated = () if again else sorted({*prof.starting_with_digit(),
                                         *prof.starting_with(self._dates.first_words)})
        for i in dated:
            t = blocks[i].text
            if len(t) <= limit and _may_be_dated(t) and i not in marked and blocks[i].removal is None:
                self._mark_dated(i, t, marked)
        # Bios: the run of furniture at the end, or right under a label.
        n = len(blocks)
        i = n - 1
        while i >= 0:
            b = blocks[i]
            if b.removal is not None or i in marked:
                i -= 1
                continue
            name = self._bio_name(b.text)
            if name is None:
                if not self._box_bio(b.text):
                    break
                name = ""
            mark(i, "author-bio", name or "box", name)
            i -= 1
        # Bios above page furniture: a line the article does not go on after (the next
        # line left is not prose), from the bottom up, so that a bio above a bio counts
        # too.  The bio need not read like prose itself: a link may end it ("... More
        # about Jane Doe").
        prose = prof.prose
        short = _BIO_MIN_CHARS
        texts = prof.texts
        # (every bio is that long and starts with a capital: cheap tests first)
        for i in reversed([i for i, t in enumerate(texts) if len(t) >= short and t[:1].isupper()
                           and (i + 1 == n or not prose[i + 1] or blocks[i + 1].removal is not None
                                or i + 1 in marked)]):
            t = texts[i]
            if i in marked or blocks[i].removal is not None or not (prose[i] or _sentence_ended(t)):
                continue
            j = next_kept(blocks, i, marked.keys())
            if j >= 0 and prose[j]:
                continue
            name = self._bio_name(t)
            if name is not None:
                mark(i, "author-bio", name, name)
            elif self._box_bio(t):
                mark(i, "author-bio", "box")
        # A bio right under a byline: "By Jane Doe" / "Ms. Doe is a professor of law."
        for i in [i for i, m in marked.items() if m.reason in ("byline", "dated-byline")]:
            k = i + 1
            if k < n and blocks[k].removal is None and k not in marked:
                name = self._bio_name(blocks[k].text)
                if name is not None:
                    mark(k, "author-bio", name, name)
        for j in sorted(labels):
            k = j + 1
            if k < n and blocks[k].removal is None and k not in marked:
                t = blocks[k].text
                name = self._bio_name(t, need_role=False)
                if name is not None:
                    mark(k, "author-bio", name, name)
                elif self._box_bio(t, labelled=True):
                    mark(k, "author-bio", "box")
                elif k + 1 < n and self._bare_name(t) and blocks[k + 1].removal is None \
                        and self._box_bio(blocks[k + 1].text, labelled=True):
                    # the author's name under the label, and the bio under it
                    mark(k, "author-bio", t, t)
                    mark(k + 1, "author-bio", "box")
        # An author's name alone on the line above a bio: "Jane Doe" / "Journalist, ..." (a bio
        # without a name), "Jane Doe" / "Jane Doe is a reporter ..." (the same name)
        for i in [i for i, m in marked.items() if m.reason == "author-bio" and i > 0]:
            t = blocks[i - 1].text
            named = marked[i].meta
            if blocks[i - 1].removal is None and i - 1 not in marked and self._bare_name(t) \
                    and (named is None or named["author"] == t):
                mark(i - 1, "author-bio", t, t)
        for i in sorted(marked):
            yield marked[i]

    def _contact_lines(self, prof: Profile, mark: Callable[[int, str, str], None]) -> None:
        """``press-contact``: a contact label, a colon, a name and a phone number or an
        e-mail address: "Contact: Jane Doe, 555-0100, jane@example.org"."""
        starts = self._starts["contact"]
        texts = prof.texts
        for i in prof.starting_with(starts.firsts):
            p = starts_with_phrase(prof.folds[i], starts)
            if not p:
                continue
            k = p.count(" ") + 1
            words = texts[i].split(None, k)
            if len(words) > k and words[k - 1].endswith(":") and words[k][:1].isupper() \
                    and _contact_info(words[k]):
                mark(i, "press-contact", p)

    def _about_boxes(self, prof: Profile, marked: dict[int, BlockMark],
                     mark: Callable[[int, str, str], None]) -> None:
        """``about-box``: a heading "About <Name>" ("Über Acme", "À propos de Acme") and the
        paragraph under it that starts with that name ("Acme is a ...", "Die Acme GmbH
        ...") or introduces it ("I'm Jane, ..."), with no prose after it."""
        starts = self._starts["about"]
        glue = self._sets["name_particles"]
        blocks, prose = prof.blocks, prof.prose
        n = len(blocks)
        for i in prof.starting_with(starts.firsts):
            t, k = blocks[i].text, i + 1
            if k >= n or len(t) > 80 or t[-1] in ".!?,;" or blocks[k].removal is not None or k in marked:
                continue
            p = starts_with_phrase(prof.folds[i], starts)
            words = _after_words(t, p.count(" ") + 1).rstrip(":").split() if p else []
            u = blocks[k].text
            if not (words and _name_length(words, glue) and _name_words(words, glue)) \
                    or not words[0][:1].isupper() or len(u) < _BIO_MIN_CHARS \
                    or not (prose[k] or _sentence_ended(u)) or not self._names_start(u, words[:2]):
                continue
            # one word ("Über Acme") may be a topic ("About Python"): the paragraph then
            # introduces a person ("I'm Jane, ...") or gives the web address
            if len(words) < 2 and _WEB.search(u) is None and self._intro_at(u.split(None, 6)) is None:
                continue
            j = next_kept(blocks, k, marked.keys())
            if j < 0 or not prose[j]:
                name = " ".join(words)
                mark(i, "about-box", name)
                mark(k, "about-box", name)

    def _names_start(self, text: str, name: list[str]) -> bool:
        """Whether ``text`` starts with ``name`` (its first two words), perhaps after an
        article ("Die Acme GmbH ..."), or introduces its first word ("Ich bin Jana, ...")."""
        words = [strip_edges(w) for w in text.split(None, 6)[:6]]
        k = len(name)
        if words[:k] == name or words[1:k + 1] == name and len(words[0]) <= 3 and words[0][:1].isupper():
            return True
        at = self._intro_at(words)
        return at is not None and name[0] in words[at:at + 2]

    def _intro_at(self, words: list[str]) -> int | None:
        """The index of the word after a first-person introduction ("I'm", "Ich bin") that
        ``words`` start with, perhaps after a greeting ("Hi, I'm ..."); else None."""
        starts = self._starts
        k = 0
        g = starts_with_phrase(fold(" ".join(words[:4])), starts["greeting"])
        if g:
            k = g.count(" ") + 1
        p = starts_with_phrase(fold(" ".join(words[k:k + 4])), starts["intro"])
        return None if p is None else k + p.count(" ") + 1

    def _greeting(self, text: str) -> bool:
        """A greeting and an introduction alone on a line: "Hi, I'm Jane!", "Hallo, ich bin
        Lisa!"."""
        if len(text) > 60 or text[-1:] not in "!.":
            return False
        words = text.split()
        if not starts_with_phrase(fold(" ".join(words[:3])), self._starts["greeting"]):
            return False
        at = self._intro_at(words)
        return at is not None and 1 <= len(words) - at <= 2 and _name_words(words[at:], frozenset())

    def _bare_name(self, text: str) -> bool:
        """A personal name alone on a line: two to four capitalised words."""
        words = text.split()
        return 2 <= len(words) <= 4 and len(text) <= 40 and text[-1].isalpha() \
            and _name_words(words, self._sets["name_particles"]) \
            and not any(w.casefold() in self._sets["roles"] for w in words)

    def _box_bio(self, text: str, labelled: bool = False) -> bool:
        """A bio of an author box that does not start with a name and a verb: a role
        first ("Journalist and author, ..."), a name, a dash and a role ("Jane Doe –
        reporter at ...", under a label any word in lower case), or a first-person
        introduction with an age or a role ("I'm Jane, 34, ..."), or a greeting
        ("Hi, I'm Jane!")."""
        if len(text) > self.bio_chars or not text[:1].isupper():
            return False
        head = text[:160]
        if strip_edges(head.split(None, 1)[0]).casefold() not in self._box_firsts \
                and " – " not in head and " — " not in head and " - " not in head:
            return False
        roles = self._sets["roles"]
        seg, comma, _ = head.partition(",")
        if comma and self._roles_only(seg):
            return True
        for dash in (" – ", " — ", " - "):
            name, found, rest = head.partition(dash)
            if found:
                words = name.split()
                if 2 <= len(words) <= 4 and _name_words(words, self._sets["name_particles"]) and rest[:1].islower():
                    return labelled or strip_edges(rest.split(None, 1)[0]).casefold() in roles
                break
        if self._greeting(text):
            return True
        words = head.split(None, 8)
        at = self._intro_at(words)
        if at is None or at + 1 >= len(words):
            return False
        # the name, a comma, then an age, a role or a short word ("a", "eine")
        name, after = words[at], strip_edges(words[at + 1]).casefold()
        return name[:1].isupper() and name.endswith(",") and strip_edges(name).casefold() not in roles \
            and (after.isdigit() or after in roles or after.isalpha() and after.islower() and len(after) <= 4)

    def _roles_only(self, seg: str) -> bool:
        """Whether ``seg`` is role words alone, joined by "and": "Journalist and author"."""
        words = seg.casefold().split()
        roles, glue = self._sets["roles"], self._sets["name_particles"]
        if not 1 <= len(words) <= 5 or words[0] not in roles and " ".join(words[:2]) not in roles:
            return False
        k = 0
        while k < len(words):
            if " ".join(words[k:k + 2]) in roles and k + 1 < len(words):
                k += 2
            elif words[k] in roles or words[k] in glue and k:
                k += 1
            else:
                return False
        return True

    def _byline(self, text: str, folded: str) -> tuple[str, str] | None:
        """``(prefix, name)`` when ``text`` is a byline prefix and a name, perhaps with a
        place ("Reporting by Jane Doe in Kyiv"), else None."""
        p = starts_with_phrase(folded, self._prefix_tuple)
        if not p:
            return None
        rest = _without_place(self._without_time(_after_words(text, p.count(" ") + 1).rstrip(" .,")))
        name = split_name(rest, self._sets["name_particles"])
        if name is None:
            return None
        # "By Night" is a subheading; a one-word name needs a colon or a long prefix.
        if len(name.split()) < 2 and not (":" in text[:len(p) + 2] or " " in p):
            return None
        return p, name

    def _mark_dated(self, i: int, text: str, marked: dict[int, BlockMark]) -> None:
        found = self._dated_byline(text)
        if found is not None:
            name, key, date = found
            marked[i] = BlockMark(i, _BIO, "dated-byline", name, {"author": name, key: date})

    @cached_property
    def _dates(self) -> Datelines:
        return Datelines(languages=self.languages, extra_files=self.extra_files)

    @cached_property
    def _counts(self) -> tuple[frozenset[str], frozenset[str]]:
        """Comment counts and reading times, numbers as ``#`` ("# comments", "# min
        read"), and their last words (a cheap test before the shapes are made)."""
        shapes = {number_shape(f) for f in _phrases.folded(self, "related", "comment_counts")}
        shapes |= self._dates.reading_shapes
        return frozenset(shapes), frozenset(p.rsplit(" ", 1)[-1] for p in shapes)

    @cached_property
    def _label_ends(self) -> frozenset[str]:
        """The last words of the dateline labels (a cheap test before they are looked for)."""
        return frozenset(p.rsplit(" ", 1)[-1] for p in self._dates.label_keys)

    def _dated_byline(self, text: str) -> tuple[str, str, str] | None:
        """``(name, key, date)`` when ``text`` is a byline or a name and a full date, with
        nothing else but the date's time, a dateline label, a comment count or a reading
        time; ``key`` is "published" or "updated" (by the label).  A name without a byline
        prefix counts only with a time, a label or a count beside the date, and holds no
        label ("Termin:") and no weekday."""
        found = self._dates.find_date(text)
        if found is None:
            return None
        start, end, date, signal = found
        tw = self._time_words
        left = text[:start].split()
        while left and (left[-1].casefold() in tw or left[-1] in SEPARATORS):
            left.pop()
        key = "published"
        if left and fold(left[-1]) in self._label_ends:
            # a dateline label of up to three words at the end: "Jane Doe Stand: 5. März 2020"
            labels = self._dates.label_keys
            for k in range(min(3, len(left)), 0, -1):
                label_key = labels.get(fold(" ".join(left[-k:])))
                if label_key is not None:
                    del left[-k:]
                    key, signal = label_key, True
                    break
        rest = text[end:]
        again = self._dates.find_date(rest)
        if again is not None and not rest[:again[0]].strip(" ,|·-–—"):
            # the date a second time (published, then modified): "5. Mai 2020 6. Mai 2020 von ..."
            rest = rest[again[1]:]
        right = rest.split()
        while right and right[0] in SEPARATORS:
            right.pop(0)
        counts, count_ends = self._counts
        if right and strip_edges(right[-1].lower()) in count_ends:
            # a comment count or reading time of up to five words at the end
            low = " ".join(right).lower().split()
            for k in range(min(5, len(right)), 0, -1):
                if number_shape(" ".join(low[-k:]).strip(EDGE_CHARS)) in counts:
                    del right[-k:]
                    signal = True
                    break
        while right and right[-1] in SEPARATORS:
            right.pop()
        if right and fold(right[-1]) in self._trailing_link_ends:
            # a link at the end: "... by Jane Doe | Leave a comment"
            for k in range(min(4, len(right)), 0, -1):
                if fold(" ".join(right[-k:])) in self._trailing_links:
                    del right[-k:]
                    signal = True
                    break
            while right and right[-1] in SEPARATORS:
                right.pop()
        if left and right or not (left or right):
            return None
        words = left or right
        part = " ".join(words)
        byline = self._byline(part, fold(part))
        if byline is not None:
            return byline[1], key, date
        if signal and right and len(words) == 2 and _USER_NAME.fullmatch(words[1]) \
                and fold(words[0]) in self._handle_prefixes:
            # a site's user name after "by" / "von", next to a labelled or timed date:
            # "Veröffentlicht am 12. Juni 2017 von gizzmo", "Posted on 2015-04-05 by marc"
            return words[1], key, date
        glue = self._sets["name_particles"]
        # a bare name: capitalised words, no label ("Termin:") and no weekday among them,
        # and not a dateline's word first ("Actualizado al 03/05/2022 22:46")
        days = self._dates.weekdays
        if signal and len(words) >= 2 and fold(words[0]) not in self._dates.first_words and all((w[:1].isupper() or w.casefold() in glue)
                                              and w[-1] != ":" and fold(w) not in days for w in words):
            name = split_name(part, glue)
            if name is not None:
                return name, key, date
        return None

    @cached_property
    def _trailing_links(self) -> frozenset[str]:
        """Links that may end a dated byline ("Leave a comment", "Share"): the related
        labels and notices of four words at most."""
        found = _phrases.related_labels(self) | _phrases.folded(self, "related", "notices")
        return frozenset(p for p in found if p.count(" ") <= 3)

    @cached_property
    def _trailing_link_ends(self) -> frozenset[str]:
        return frozenset(p.rsplit(" ", 1)[-1] for p in self._trailing_links)

    @cached_property
    def _handle_prefixes(self) -> frozenset[str]:
        """The one-word byline prefixes ("by", "von", "par"): before a user name."""
        return frozenset(p for p in self._sets["byline_prefixes"] if " " not in p)

    @property
    def _time_words(self) -> frozenset[str]:
        return self._dates.time_words

    def _without_time(self, rest: str) -> str:
        """``rest`` without a trailing time of day after a short word: "Jane Doe at
        12:11 PM" -> "Jane Doe", "Max Muster um 21:11" -> "Max Muster"."""
        words = rest.split()
        k = len(words)
        while k and words[k - 1].casefold() in self._time_words:
            k -= 1
        if k >= 3 and _CLOCK.fullmatch(words[k - 1]) and words[k - 2].islower() and len(words[k - 2]) <= 5:
            return " ".join(words[:k - 2])
        return rest

    def _bio_name(self, text: str, need_role: bool = True) -> str | None:
        """The name, when the first sentence of ``text`` is "<Name> <is> ... <role>".

        Without ``need_role`` (a line right under a byline label: "About the
        author", "Zur Person") the name and the verb are enough: "Jane Doe is a
        pitch coach ..."."""
        if len(text) > self.bio_chars or not text[:1].isupper():
            return None
        # the copula stands among the first five words, after a name of two words or more
        # (the second one capitalised or a particle): look there before splitting more
        head = text.split(None, 5)
        if len(head) < 3:
            return None
        second = head[1].strip(",")
        if second and second != "&" and not second[0].isupper() \
                and second.casefold() not in self._sets["name_particles"]:
            return None
        verbs = self._verbs
        if not any(w.casefold() in verbs for w in head[2:5]):
            return None
        copulas = self._sets["copulas"]
        # the role stands among the first words: a long first sentence is read that far
        words = _first_sentence(text).split()[:_BIO_WORDS]
        for k in range(1, min(5, len(words))):
            if words[k].casefold() in verbs:
                if not _name_words(words[:k], self._sets["name_particles"]) or k < 2:
                    return None
                roles = self._sets["roles"]
                # "Als Naturfilmer und Autor arbeitet ...": a role word is not part of a name
                if any(strip_edges(w).casefold() in roles for w in words[:k]):
                    return None
                if not need_role:
                    return " ".join(w for w in words[:k] if not _AGE.fullmatch(w))
                # a beat counts as a role: "Jane Doe covers Congress.", "... schreibt über
                # Sport." -- in a sentence, not in a headline ("Jane Doe Covers Up", "Jane Doe
                # covers up in a cardigan")
                beats = self._sets["beats"]
                beat = " ".join(strip_edges(w).casefold() for w in words[k:k + 2])
                if (words[k] in beats or beat in beats) and words[k].islower() and _sentence_ended(text):
                    return " ".join(words[:k])
                if words[k].casefold() not in copulas:
                    return None
                low = [strip_edges(w).casefold() for w in words[k + 1:]]
                for a, w in enumerate(low):
                    if w in roles or (a + 1 < len(low) and f"{w} {low[a + 1]}" in roles):
                        return " ".join(words[:k])
                return None
        return None


def _contact_info(text: str) -> bool:
    """Whether ``text`` holds an e-mail address or a phone number (seven digits or more)."""
    if "@" in text and _EMAIL.search(text):
        return True
    m = _PHONE.search(text)
    return m is not None and sum(c.isdigit() for c in m.group()) >= 7


def _may_be_dated(text: str) -> bool:
    """A cheap test before a line is read as a dated byline: every one has four words
    at least (a name of two words, or a byline prefix and a name; a date; and beside a
    bare name a time, label or count) and a year."""
    return text.count(" ") >= 3 and _YEAR.search(text) is not None


def _sentence_ended(text: str) -> bool:
    """Whether the first sentence of ``text`` ends with a full stop (a bio's does; a
    headline's or a teaser's does not)."""
    return len(_first_sentence(text)) < len(text) or text.rstrip()[-1:] == "."


def _first_sentence(text: str) -> str:
    """``text`` up to its first ". " that ends a sentence, not an abbreviation or an
    initial inside a name ("Perry Bacon Jr. is ...", "Jane A. Doe is ...")."""
    k = text.find(". ")
    while k >= 0:
        word = text[:k].rsplit(None, 1)[-1] if text[:k].strip() else ""
        if not (word[:1].isupper() and len(word) <= 3 and word.isalpha()):
            return text[:k]
        k = text.find(". ", k + 2)
    return text


def _without_place(rest: str) -> str:
    """``rest`` without a trailing place: "Jane Doe in New York" -> "Jane Doe"."""
    head, found, place = rest.rpartition(" in ")
    words = place.split()
    if found and head and 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
        return head
    return rest


def _after_words(text: str, n: int) -> str:
    parts = text.split(" ", n)
    return parts[n] if len(parts) > n else ""
