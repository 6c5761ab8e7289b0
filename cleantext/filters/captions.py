"""Image captions and credits: "Image Credit: ...", "(Photo: AP)", "Foto: dpa".

Rules, each with its reason id (see docs/filters.md):

- ``credit-line``: a short line that starts with a ``[caption] credits``
  marker followed by a colon, bar or slash, or by a capitalised name when the
  marker has several words ("Photo by", "Foto von"; or by any name when the
  credit ends with an agency: "Photo by ev on Unsplash"), or by a dot when the
  marker is an abbreviation ("Fot. PAP") ("Photo: AP", "Photo by Jane Doe / Getty
  Images", "Foto: dpa"), or by a bare name after a one-word marker ("Foto Jan
  Smit": two or three capitalised words; in brackets, "(Photo Images
  Beaulieu)", one to four), or by a comma after a marker of two words
  ("Image source, Getty Images"); or that is only agency names ("AP Photo/Jane Doe").
- ``caption-credit``: a line whose last sentence is such a credit ("The old
  bridge at dusk. Image credit: City archive"; the credit may hold bars and
  slashes: "... tun. Foto: Timur | flickr | CC BY 2.0"), or that ends in a
  "©" credit: words, then "©" and a name or list of names ("A gas well near
  the river © Jane Doe"; not "profits rose © 2021 by a wide margin"), or
  whose last sentence is only an ``agencies`` name, written as listed ("Un
  grupo de pingüinos en la Antártida. EFE"; at most ``caption_sentences``
  sentences before it; "... sagte er. (dpa)" in brackets stays); or that
  ends with a photographer and an agency in brackets, joined by "/"
  ("The harbour at dusk. (Jane Doe/Reuters)", "... (smolaw11/iStock)"; at
  most ``caption_sentences`` sentences before it; "(dpa/lno)" and
  "(AFP/Reuters)", a news agency's credit for the text, stay); or that
  ends with a marked credit in brackets ("... (Photo by Jane Doe)", "...
  (foto Ansa/Jane Doe)"), or a photographer on assignment in brackets (a
  name, an ``assignment_words`` word, a publication: "... (Jane Doe for The
  Daily)"); or whose last sentence is a credit without a colon ("... lata.
  Fot. Jan Kowalski") or a name and an agency joined by "/" ("... en 2023.
  JEAN DUPONT / AFP", "... capacidad. EFE/Ana Ruiz"); or that a marker and an
  ellipsis glue to its credit ("... on Thursday.Credit...Jane Doe").
  A line that is only a name and an agency or a network joined by "/" is a
  ``credit-line`` ("Jane Doe / AFP", "Jane Doe/Instagram"; "AFP/Reuters",
  "Facebook/Instagram", "Israel/Gaza" stay), as is "Credit...Jane Doe".
- ``figure-label``: a line of at most ``caption_chars`` that starts with a
  ``[caption] figures`` label and a number, then a colon, dot, dash or bar
  and the caption ("Figure 2: Sales by region", "Abb. 3 – Der Fluss bei
  Hochwasser"); a label may also be followed directly by a colon ("Abbildung:
  ...").  "Figure 2 shows how sales grew" stays: no separator after the number.
- ``caption-marker``: a line of at most ``caption_chars`` and
  ``caption_sentences`` sentences that ends with a ``[caption] markers`` word
  in brackets ("Die Brücke bei Nacht (Symbolbild).", "... (file photo)"), or
  holds a ``[caption] positions`` word in brackets right after a capitalised
  word: where a person stands in the picture ("Anna Schmidt (l.) und Jan
  Berg", "Jane Doe and John Smith (from left)", "Jane Doe (right) looks on").
  Written with a capital where the list has none, the word names a party
  ("Jane Doe (Left) said ...") and does not count.  A position in brackets after
  a lower-case word ("Klicken Sie rechts (r.)") does not count.  A marked
  line is a whole caption and binds nothing.
- ``gallery-control``: a short line that is a ``[caption] controls``
  phrase, every number standing for any number: the counters and buttons of
  an image gallery or viewer ("Image 3 of 12", "1 / 5", "Enlarge image",
  "Bild vergrößern").
- ``bound-caption``: the caption sentences bound to a credit line: the other
  lines of a short paragraph (``max_group`` lines at most, blank lines around
  it) that holds a credit line.  Lines as long as paragraphs are bound only
  above the first paragraph, and only when they are one sentence: this
  catches a long descriptive caption between the headline and the first
  paragraph, and leaves alone a last paragraph that happens to stand next to
  a credit, and a first paragraph of two sentences or more with a credit
  under it after a single line break; and only when most paragraphs
  are set apart by blank lines (otherwise a line break after a credit says
  nothing about what belongs to it).  Texts without blank lines
  between paragraphs give no paragraph to bind to, so there only the credit
  itself goes.  The headline (the first line of several words with
  letters, without terminal punctuation) is never bound, even when a credit
  follows it directly, and neither is a line like it above the first
  paragraph.  A group with a line longer than ``caption_chars``, or of more
  than ``caption_sentences`` sentences, is not bound: no caption is that
  long, so it is a paragraph next to the credit with a single line break; nor is a prose-length line under a bare
  credit line ("Photo: Jane Doe"): a caption stands above its credit, or
  under a credit that carries caption text itself ("The guns at dawn. Image
  credit: ..."). A figure label is a whole caption and binds nothing.  A group
  that holds the headline above its credit is left alone, whatever stands
  above the headline ("About us:").

"The museum asks visitors not to use flash when they take a photo" stays: it
neither starts nor ends with a credit.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

from ..document import Block, BlockMark, Document
from ..kinds import Kind
from ..registry import register
from . import _phrases
from ._context import EDGE_CHARS, profile, title_like
from ._match import (Prefixes, first_words, fold, literal_pattern, number_shape, prefix_tuple,
                     starts_with_phrase, strip_edges)
from ._occur import positions
from ._phrases import PhraseOptions
from ._sentences import sentence_count
from .base import BlockFilter

_CAPTION = Kind.CAPTION
#: What may follow a credit marker: "Photo: X", "Photo | X", "Photo / X", "Photo (c) X".
_MARK_SEP = frozenset(":|/©")
#: How a caption sentence ends; a headline does not.
_SENTENCE_END = frozenset('.!?…"”“»«\')')
#: The copyright sign that starts a credit at the end of a caption.
_COPY = "©"
#: After a figure label: a number ("2", "3a", "4.1"), a separator, and text.
_FIGURE_NUMBER = re.compile(r" ?\d{1,3}[a-z]?(?:[.,]\d{1,3})* ?[:.|–—-] +\S")
#: Characters of a line folded to look for a figure label.
_FIGURE_HEAD = 40
#: Numbers in a gallery counter.
_DIGITS = re.compile(r"\d+")
#: Longest gallery control ("Bild anzeigen Bild schließen").
_CONTROL_CHARS = 40
#: Most words in a "©" credit at the end of a caption.
_CREDIT_WORDS = 8
#: A line that ends with a bracket (perhaps and a dot): where a bracketed credit may be.
_CLOSING = re.compile(r"\)\.?(?:\n|\Z)")


@register
@dataclass(frozen=True)
class Captions(PhraseOptions, BlockFilter):
    """Remove photo credits and the caption sentences bound to them."""

    name = "captions"
    kinds = (Kind.CAPTION,)
    #: Credits, figure labels and "©" captions are found in a line alone, and a caption
    #: is bound only to a credit line found with it: once a run has removed its credits,
    #: removing other lines cannot make a caption rule match, so ``settle`` need not
    #: run this filter again.
    context_free: ClassVar[bool] = True

    #: Longest credit, after its marker, in characters.
    credit_chars: int = 90
    #: Longest line that can end with a credit (caption + credit).
    caption_chars: int = 400
    #: Most lines in a paragraph whose lines are all bound to its credit.
    max_group: int = 3
    #: Most sentences in a line bound to a credit as its caption.
    caption_sentences: int = 2

    @cached_property
    def _credits(self) -> frozenset[str]:
        return _phrases.folded(self, "caption", "credits")

    @cached_property
    def _credit_tuple(self) -> Prefixes:
        return prefix_tuple(self._credits)


    @cached_property
    def _agencies(self) -> frozenset[str]:
        return _phrases.folded(self, "caption", "agencies")

    @cached_property
    def _agency_firsts(self) -> frozenset[str]:
        return first_words(self._agencies)

    def credit(self, text: str) -> str | None:
        """The credit marker when ``text`` is a credit ("Photo: AP"), else None."""
        if len(text) > self.credit_chars + 30:
            return None
        wrapped = text.lstrip()[:1] in "(["
        t = text.strip().strip("()[]").strip()
        f = fold(t)
        if not f:
            return None
        first = f.split(" ", 1)[0].rstrip(":;,.")
        if first in self._credit_tuple.firsts:
            m = starts_with_phrase(f, self._credit_tuple)
            if m:
                k = t.lower().find(m)
                rest = t[k + len(m):].lstrip() if k >= 0 else ""
                if rest and len(rest) <= self.credit_chars and (
                        rest[0] in _MARK_SEP
                        or (" " in m and (rest[0].isupper() or self._ends_with_agency(rest)))
                        or (rest[0] == "." and len(m) <= 4 and (rest[1:].strip()[:1].isupper()
                                                                 or fold(rest[1:]) in self._agencies))
                        # "Image source, Getty Images": a comma after a marker of two words
                        or (rest[0] == "," and " " in m and rest[1:].strip()[:1].isupper())
                        or (" " not in m and (self._name_like(rest, wrapped) or self._slash_credit(rest)))):
                    return m
        if len(t) <= 60 and self._only_agencies(f):
            return f
        return None

    @cached_property
    def _figures(self) -> Prefixes:
        return prefix_tuple(_phrases.folded(self, "caption", "figures"))

    def figure_label(self, text: str) -> str | None:
        """The figure label when ``text`` is a numbered figure caption ("Figure 2: ..."), else None."""
        f = fold(text[:_FIGURE_HEAD])
        m = starts_with_phrase(f, self._figures)
        if not m:
            return None
        # the label as written may end in a dot that folding dropped ("Abb." is "abb")
        rest = text.lstrip(EDGE_CHARS)[len(m):].lstrip(".")
        if rest[:1] == ":":
            return m if rest[1:].strip() else None
        return m if _FIGURE_NUMBER.match(rest) else None

    @cached_property
    def _bracketed(self) -> tuple[re.Pattern[str] | None, frozenset[str], frozenset[str], frozenset[str]]:
        """One regex for every caption marker and position in brackets, in any case;
        the markers and positions, case-folded; and the positions as listed."""
        markers = frozenset(p.casefold() for p in _phrases.raw(self, "caption", "markers"))
        listed = frozenset(_phrases.raw(self, "caption", "positions"))
        places = frozenset(p.casefold() for p in listed)
        trie = literal_pattern(f"({p.lower()})" for p in _phrases.raw(self, "caption", "markers")
                               + _phrases.raw(self, "caption", "positions"))
        return (None if trie is None else re.compile(trie.pattern, re.IGNORECASE)), markers, places, listed

    @cached_property
    def _controls(self) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
        """Gallery controls, folded: those without a number ("enlarge image"); those with
        numbers as "#" ("image # of #"); the first words of these that start with a word;
        and the second words of those that start with a number ("of" in "# of #"), which
        rule out most lines that start with a number at once."""
        shapes = {number_shape(f) for f in _phrases.folded(self, "caption", "controls")}
        numbered = frozenset(p for p in shapes if "#" in p)
        seconds = frozenset(p.split(" ")[1] for p in numbered if p.startswith("# "))
        return (frozenset(shapes - numbered), numbered,
                frozenset(w for w in first_words(numbered) if "#" not in w), seconds)

    def _controls_found(self, prof, marked: dict[int, BlockMark]) -> None:
        """Mark the lines that are a gallery's counters or buttons."""
        plain, numbered, firsts, seconds = self._controls
        folds, blocks, most = prof.folds, prof.blocks, _CONTROL_CHARS
        cands = [i for i in prof.starting_with(firsts) if len(folds[i]) <= most]
        for i in prof.starting_with_digit():
            f = folds[i]
            if len(f) <= most:
                words = f.split(" ", 2)
                if "/" in words[0] or (len(words) > 1 and words[1] in seconds):
                    cands.append(i)
        found = [i for i in cands if number_shape(folds[i]) in numbered and _counter_numbers(folds[i])]
        for i in sorted({*found, *prof.lookup(plain)}):
            if i not in marked and blocks[i].removal is None:
                marked[i] = BlockMark(i, _CAPTION, "gallery-control", folds[i])

    @cached_property
    def _agency_tail(self) -> re.Pattern[str] | None:
        """One regex for a sentence end and an agency name (as listed) at a line end
        (before a line break, or at the end of the text)."""
        trie = literal_pattern(f". {a}" for a in _phrases.raw(self, "caption", "agencies"))
        return None if trie is None else re.compile(f"(?:{trie.pattern})(?:\n|\\Z)")

    def _free_lines_matching(self, doc: Document, prof, pattern: re.Pattern[str],
                             marked: dict[int, BlockMark]) -> Iterator[tuple[re.Match[str], int, Block]]:
        """Each match of ``pattern`` in the text, with the index and block of its line, for
        lines of caption length that no filter or rule has taken (yet: ``marked`` is read
        as it grows)."""
        blocks = doc.blocks
        for m in pattern.finditer(doc.text):
            i = prof.block_at(m.start())
            b = blocks[i]
            if b.removal is None and i not in marked and len(b.text) <= self.caption_chars:
                yield m, i, b

    def _agency_tails(self, doc: Document, prof, marked: dict[int, BlockMark]) -> None:
        """Mark captions whose last sentence is an agency name ("... pasado. EFE")."""
        pattern = self._agency_tail
        if pattern is None:
            return
        for m, i, b in self._free_lines_matching(doc, prof, pattern, marked):
            agency = m.group()[2:].rstrip("\n")
            if m.start() + 2 + len(agency) != b.end:
                continue
            head = b.text[:m.start() + 1 - b.start]
            if _letter_words(head) >= 2 and sentence_count(head) <= self.caption_sentences:
                marked[i] = BlockMark(i, _CAPTION, "caption-credit", agency)

    def _bracket_credits(self, doc: Document, prof, marked: dict[int, BlockMark]) -> None:
        """Mark captions that end with "(Photographer/Agency)"."""
        agencies = self._agencies
        firsts = self._credit_tuple.firsts
        for m, i, b in self._free_lines_matching(doc, prof, _CLOSING, marked):
            t = b.text.rstrip(".")
            k = t.rfind("(")
            if k < 2 or not t.endswith(")"):
                continue
            # a marked credit ("(Photo by Jane Doe)", "(foto Ansa/Jane Doe)"): agencies
            # alone ("(dpa)", "(dpa/lno)") credit a news text, and are left to the test below
            inner = t[k + 1:-1].strip()
            # a marker's first word first (cheap), before the whole credit test
            mk = self.credit(inner) if fold(inner[:60]).split(" ", 1)[0].rstrip(":;,.") in firsts else None
            if ((mk and mk != fold(inner)) or self._assignment_credit(inner)) and self._caption_head(t[:k]):
                marked[i] = BlockMark(i, _CAPTION, "caption-credit", t[k:])
                continue
            parts = [p.strip() for p in t[k + 1:-1].split("/")]
            if not 2 <= len(parts) <= 4 or any(not p or p.count(" ") > 3 for p in parts):
                continue
            known = [fold(p.removesuffix(".com")) in agencies for p in parts]
            # an agency and someone else: a photographer's name (a 3-letter code is an editor's)
            if not any(known) or all(known) or not any(len(p) > 3 for p, a in zip(parts, known) if not a):
                continue
            head = t[:k]
            if _letter_words(head) >= 2 and sentence_count(head) <= self.caption_sentences:
                marked[i] = BlockMark(i, _CAPTION, "caption-credit", "(" + "/".join(parts) + ")")

    def _marked_captions(self, doc: Document, prof, marked: dict[int, BlockMark]) -> None:
        """Mark the lines that a caption marker or a position in brackets makes captions."""
        pattern, markers, places, listed = self._bracketed
        if pattern is None:
            return
        for m, i, b in self._free_lines_matching(doc, prof, pattern, marked):
            written = m.group()[1:-1]
            word = written.casefold()
            k, e = m.start() - b.start, m.end() - b.start
            at_end = word in markers and not strip_edges(b.text[e:])
            # a capitalised word not listed so is a party after a name: "Jane Doe (Left)"
            after_name = word in places and k >= 2 and b.text[k - 1] == " " \
                and b.text[:k - 1].rsplit(None, 1)[-1][:1].isupper() \
                and (written in listed or not (written[:1].isupper() and written[1:2].islower()))
            # the marker's own dots ("v. l. n. r.") end no sentence
            if (at_end or after_name) and sentence_count(b.text[:k] + b.text[e:]) <= self.caption_sentences:
                marked[i] = BlockMark(i, _CAPTION, "caption-marker", word)

    @cached_property
    def _particles(self) -> frozenset[str]:
        return _phrases.folded(self, "bio", "name_particles")

    def _name_like(self, rest: str, wrapped: bool) -> bool:
        """Whether ``rest``, after a one-word marker, is only a name ("Foto Jan Smit").

        In brackets ("(Photo Images Beaulieu)") one to four capitalised words
        are enough; otherwise two or three words of a personal name:
        capitalised letters (or a name particle), no digits, no end
        punctuation, which a sentence or a subheading rarely is.
        """
        words = rest.split()
        if wrapped:
            particles = self._particles
            return (1 <= len(words) <= 4 and words[0][:1].isupper()
                    and all(w[:1].isupper() or w.casefold() in particles for w in words))
        if not 2 <= len(words) <= 3 or not words[-1][:1].isupper():
            return False
        for w in words:
            if w in self._particles:
                continue
            core = w.replace("-", "").replace("'", "").replace("’", "")
            if not (core.isalpha() and w[:1].isupper() and not w[1:].isupper()):
                return False
        return True

    def _ends_with_agency(self, rest: str) -> bool:
        """Whether ``rest`` ends with a picture library or agency ("ev on Unsplash")."""
        words = fold(rest).split()
        agencies = self._agencies
        return any(" ".join(words[-k:]) in agencies for k in (1, 2, 3) if k < len(words))

    def _only_agencies(self, f: str) -> bool:
        parts = [p.strip() for p in f.replace("|", "/").replace(",", "/").replace(";", "/").split("/")]
        parts = [p for p in parts if p]
        if not parts or parts[0] not in self._agencies:
            return False
        return all(p in self._agencies or p.count(" ") <= 3 for p in parts)

    @cached_property
    def _networks(self) -> frozenset[str]:
        return _phrases.folded(self, "navigation", "networks")

    def _slash_credit(self, text: str) -> bool:
        """Whether ``text`` is a photographer and an agency joined by "/" ("Jane Doe/Reuters",
        "EFE/Raúl Caro Moreno", "PIERRE-LOUIS GARNIER / AFP"), or a name and the platform
        it was posted on ("Jane Doe/Instagram"): two or three parts, at least one a
        ``caption.agencies`` name (or, last, a ``navigation.networks`` name), the others
        names (``_credit_name``): "AFP/Reuters" and "Facebook/Instagram" are no photographer's."""
        if len(text) > self.credit_chars or "/" not in text:
            return False
        parts = [p.strip() for p in text.split("/")]
        if not 2 <= len(parts) <= 3:
            return False
        last = len(parts) - 1
        if any(fold(p) in self._networks for p in parts[:last]):
            return False  # a list of networks ("Facebook/Instagram"), not a name
        known = [fold(p.removesuffix(".com")) in self._agencies or (k == last and fold(p) in self._networks)
                 for k, p in enumerate(parts)]
        return any(known) and not all(known) and all(
            a or self._credit_name(p) for p, a in zip(parts, known))

    def _credit_name(self, text: str) -> bool:
        """Whether ``text`` reads as a photographer's name in a credit: one to four words,
        each capitalised, a number or a name particle ("Raúl Caro Moreno", "PIERRE-LOUIS
        GARNIER", "Westend61"), or a single user name with a digit ("smolaw11")."""
        words = text.split()
        if not 1 <= len(words) <= 4 or text[-1:] in ",;:!?":
            return False
        if len(words) == 1 and text.isalnum() and any(c.isdigit() for c in text):
            return True
        particles = self._particles
        return words[0][:1].isupper() and all(
            w[:1].isupper() or w[:1].isdigit() or w in particles for w in words)

    def _slash_credits(self, doc: Document, prof, marked: dict[int, BlockMark]) -> None:
        """Mark the lines that are a slash credit ("Jane Doe / AFP") and the captions whose
        last sentence is one ("... en 2023. PIERRE-LOUIS GARNIER / AFP"): each line with a
        "/" is looked at once (a test per line, cheaper than each "/" in URLs and dates)."""
        blocks = doc.blocks
        limit = self.caption_chars
        for i in [i for i, t in enumerate(prof.texts) if "/" in t and len(t) <= limit]:
            b = blocks[i]
            if b.removal is not None or i in marked:
                continue
            t = b.text.strip()
            if "://" in t or t.count("/") > 3:
                continue  # a link or a path, not a credit
            if self._slash_credit(t):
                marked[i] = BlockMark(i, _CAPTION, "credit-line", t)
                continue
            cut = t.rfind(". ")
            if cut > 0 and "/" in t[cut:] and self._slash_credit(t[cut + 2:]) and self._caption_head(t[:cut + 1]):
                marked[i] = BlockMark(i, _CAPTION, "caption-credit", t[cut + 2:])

    def _caption_head(self, head: str) -> bool:
        """Whether ``head``, the text before a credit on its line, can be a caption: two
        words or more, at most ``caption_sentences`` sentences."""
        return _letter_words(head) >= 2 and sentence_count(head) <= self.caption_sentences

    @cached_property
    def _marker_tail(self) -> re.Pattern[str] | None:
        """One regex for a credit marker as listed, capitalised, that starts a sentence
        ("... lata. Fot. Piotr Wawrzyniak", "... Monday. Photo by Jane Doe")."""
        raw = _phrases.raw(self, "caption", "credits")
        trie = literal_pattern(p[:1].upper() + p[1:] for p in raw)
        return None if trie is None else re.compile(rf"\. (?:{trie.pattern})(?=[ .:])")

    def _marker_tails(self, doc: Document, prof, marked: dict[int, BlockMark]) -> None:
        """Mark captions whose last sentence is a credit without a colon ("... Fot. Piotr
        Wawrzyniak")."""
        pattern = self._marker_tail
        if pattern is None:
            return
        for m, i, b in self._free_lines_matching(doc, prof, pattern, marked):
            k = m.start() - b.start
            tail = b.text[k + 2:]
            mk = self.credit(tail)
            if mk and not any(x in tail[len(mk) + 1:] for x in (". ", "! ", "? ")) \
                    and self._caption_head(b.text[:k + 1]):
                marked[i] = BlockMark(i, _CAPTION, "caption-credit", mk)

    def _ellipsis_credits(self, doc: Document, prof, marked: dict[int, BlockMark]) -> None:
        """Mark credits that an ellipsis joins to their marker ("Credit...Jane Doe"), alone
        on a line or glued to the caption before them ("... on Thursday.Credit...Jane Doe")."""
        blocks, text = doc.blocks, doc.text
        firsts = self._credit_tuple.firsts
        for dots in ("...", "…"):
            for p in positions(text, dots):
                # the marker: the word before the dots, capitalised, after a space, a
                # sentence end or the line start ("Thursday.Credit..."): looked at first
                before = text[max(0, p - 30):p]
                start = max(before.rfind(" "), before.rfind("."), before.rfind("\n")) + 1
                word = before[start:]
                if not word[:1].isupper() or word.lower() not in firsts:
                    continue
                i = prof.block_at(p)
                b = blocks[i] if i >= 0 else None
                if b is None or b.removal is not None or i in marked or len(b.text) > self.caption_chars:
                    continue
                k, j = p - b.start, p - b.start + len(dots)
                m = starts_with_phrase(fold(b.text[k - len(word):]).replace(dots, " ", 1), self._credit_tuple)
                tail, head = b.text[j:].strip(), b.text[:k - len(word)].strip()
                if not m or not (0 < len(tail) <= self.credit_chars and tail[0].isupper()) \
                        or any(x in tail for x in (". ", "! ", "? ")):
                    continue
                if not head:
                    marked[i] = BlockMark(i, _CAPTION, "credit-line", m)
                elif self._caption_head(head):
                    marked[i] = BlockMark(i, _CAPTION, "caption-credit", m)

    @cached_property
    def _assignment_words(self) -> frozenset[str]:
        return _phrases.folded(self, "caption", "assignment_words")

    def _assignment_credit(self, text: str) -> bool:
        """Whether ``text`` (a bracket's content) is a photographer on assignment: a name of
        two or three words, an ``assignment_words`` word and a capitalised publication of
        at most five words ("Jane Doe for The Daily Courier")."""
        words = text.split()
        for k in range(2, min(4, len(words) - 1)):
            if words[k] in self._assignment_words:
                pub = words[k + 1:]
                return (len(pub) <= 5 and self._credit_name(" ".join(words[:k]))
                        and all(w[:1].isupper() or w[:1].isdigit() for w in pub))
        return False

    def detect(self, doc: Document) -> Iterator[BlockMark]:
        prof = profile(doc, self)
        blocks = doc.blocks
        marked: dict[int, BlockMark] = {}
        credit_firsts = self._credit_tuple.firsts
        agencies_first = self._agency_firsts
        for i in sorted(set(prof.starting_with(credit_firsts)) | set(prof.starting_with(agencies_first))):
            if blocks[i].removal is None:
                m = self.credit(blocks[i].text)
                if m:
                    marked[i] = BlockMark(i, _CAPTION, "credit-line", m)
        for i in prof.starting_with(self._figures.firsts):
            b = blocks[i]
            if b.removal is None and i not in marked and len(b.text) <= self.caption_chars:
                m = self.figure_label(b.text)
                if m:
                    marked[i] = BlockMark(i, _CAPTION, "figure-label", m)
        # Caption + credit on one line: the last sentence is a credit.
        limit = self.caption_chars
        tail_max = self.credit_chars + 30
        for i in self._colon_lines(doc, prof, tail_max):
            b = blocks[i]
            t = b.text
            if b.removal is not None or i in marked or len(t) > limit:
                continue
            m = self._tail_credit(t, _last_part(t), credit_firsts) \
                or self._tail_credit(t, _marked_part(t, credit_firsts), credit_firsts)
            if m:
                marked[i] = BlockMark(i, _CAPTION, "caption-credit", m)
        # Caption + "© Name" on one line ("A gas well in Pennsylvania © Noah Addis").
        for i in sorted({prof.block_at(k) for k in positions(doc.text, _COPY)}):
            b = blocks[i] if i >= 0 else None
            if b is None or b.removal is not None or i in marked or len(b.text) > limit:
                continue
            if self._copyright_tail(b.text):
                marked[i] = BlockMark(i, _CAPTION, "caption-credit", _COPY)
        self._controls_found(prof, marked)
        self._agency_tails(doc, prof, marked)
        self._bracket_credits(doc, prof, marked)
        self._slash_credits(doc, prof, marked)
        self._marker_tails(doc, prof, marked)
        self._ellipsis_credits(doc, prof, marked)
        self._marked_captions(doc, prof, marked)
        self._bind(blocks, prof, marked)
        for i in sorted(marked):
            yield marked[i]

    def _tail_credit(self, text: str, tail: str, credit_firsts: frozenset[str]) -> str | None:
        """The credit marker when ``tail``, a part of ``text``, is a credit, else None."""
        if tail is not text and tail and strip_edges(tail.split(" ", 1)[0].lower()) in credit_firsts:
            return self.credit(tail)
        return None

    def _copyright_tail(self, text: str) -> bool:
        """Whether ``text`` is a caption ending in a "©" credit: words, then "© Name".

        The credit is a name or a list of names: at most ``credit_chars`` and
        ``_CREDIT_WORDS`` words, no sentence break, at least half of its words
        capitalised, digits or name particles ("© Noah Addis", "© Presse- und
        Informationsamt der Bundesregierung"; not "© 2021 by a wide margin in
        the third quarter").
        """
        k = text.rfind(_COPY)
        if k < 2 or text[k - 1] != " ":
            return False
        head, rest = text[:k].rstrip(" |-–—/"), text[k + 1:].strip()
        if _letter_words(head) < 2 or not 0 < len(rest) <= self.credit_chars or not rest[0].isalnum():
            return False
        words = rest.split()
        particles = self._particles
        lower = sum(w[0].islower() and w not in particles for w in words)
        return (len(words) <= _CREDIT_WORDS and 2 * lower <= len(words)
                and ". " not in rest and "? " not in rest and "! " not in rest)

    @staticmethod
    def _colon_lines(doc: Document, prof, tail_max: int) -> list[int]:
        """Lines with ": " in their last ``tail_max`` characters, in order."""
        blocks = doc.blocks
        found: set[int] = set()
        for k in positions(doc.text, ": "):
            i = prof.block_at(k)
            if i < 0 or i in found:
                continue
            b = blocks[i]
            p, n = k - b.start, b.end - b.start
            if p + 2 <= n and (n <= tail_max or p >= n - tail_max):
                found.add(i)
        return sorted(found)

    def _bind(self, blocks: list[Block], prof, marked: dict[int, BlockMark]) -> None:
        """Mark the other lines of a short paragraph that holds a credit."""
        if not any(b.blank_before for b in blocks):
            return
        n = len(blocks)
        # The headline: the first line of several words (words with letters: a
        # "– Search? –" prompt above it is not one).  A caption sits below it,
        # never above, so a group that starts with it is left alone
        # ("Headline\nAFP" with no blank line between).
        headline = next((k for k, b in enumerate(blocks)
                         if b.removal is None and k not in marked and b.text.count(" ") >= 3
                         and _letter_words(b.text) >= 4), -1)
        # Paragraphs set apart by blank lines: only then is a prose line in a
        # credit's paragraph a caption rather than a paragraph that happens to
        # follow the credit with a single line break.
        is_prose = prof.prose
        prose = [k for k in range(1, n) if is_prose[k]]
        spaced = sum(blocks[k].blank_before for k in prose) * 2 > len(prose)
        most = self.max_group
        for i in sorted(marked):
            if marked[i].reason in ("figure-label", "caption-marker"):
                continue  # the caption itself, whole on its line: nothing to bind
            # the credit's paragraph [s, e), looked for no further than a group can reach
            s = i
            while s > 0 and not blocks[s].blank_before and i - s <= most:
                s -= 1
            e = i + 1
            while e < n and not blocks[e].blank_before and e - s <= most:
                e += 1
            if e - s > most or e - s < 2:
                continue
            group = range(s, e)
            # The headline, or a line like it above the first paragraph (several words,
            # no sentence end): a caption sits below the headline, never above; so a
            # group that holds the headline above its credit is left alone too, whatever
            # stands before it ("About us:" above the headline).
            if s <= headline < i or s < i and blocks[s].text.rstrip()[-1:] not in _SENTENCE_END and (
                    s < prof.first_prose and _letter_words(blocks[s].text) >= 4):
                continue
            if any(blocks[j].removal is not None and blocks[j].removal.kind != _CAPTION
                   for j in group):
                continue
            # A headline-like line in the group is not a caption: leave the group alone.
            if any(j not in marked and title_like(blocks[j].text) and blocks[j].text.count(" ") < 8
                   for j in group):
                continue
            # Prose-length lines bind only above the article (a long caption between
            # headline and first paragraph), and only when they are one sentence;
            # further down, or of more sentences, they are paragraphs.
            head = prof.first_prose >= s and spaced
            if any(j not in marked and prof.prose[j] and (not head or sentence_count(blocks[j].text) > 1)
                   for j in group):
                continue
            # Under a bare credit ("Photo: Jane Doe") a prose-length line is the first
            # paragraph after a single line break; a caption stands above its credit, or
            # under a credit that itself carries caption text ("... Image credit: X").
            if marked[i].reason == "credit-line" and any(
                    j > i and j not in marked and prof.prose[j] for j in group):
                continue
            # No caption is longer than ``caption_chars``, nor holds more than
            # ``caption_sentences`` sentences: such a line in the group is a paragraph
            # next to the credit with a single line break.
            if any(j not in marked and (len(blocks[j].text) > self.caption_chars
                                        or sentence_count(blocks[j].text) > self.caption_sentences)
                   for j in group):
                continue
            for j in group:
                if j not in marked and blocks[j].removal is None:
                    marked[j] = BlockMark(j, _CAPTION, "bound-caption", f"with credit line {i}")


def _counter_numbers(text: str) -> bool:
    """Whether the numbers of ``text`` can be a gallery counter: none, or "n of m" with
    1 <= n <= m <= 999 written without leading zeros (not "04/2021", "2021/22")."""
    nums = _DIGITS.findall(text)
    if not nums:
        return True
    if len(nums) != 2 or any(n[0] == "0" for n in nums):
        return False
    n, m = int(nums[0]), int(nums[1])
    return 1 <= n <= m <= 999


def _letter_words(text: str) -> int:
    """Words of ``text`` that start or end with a letter ("Search?" is one, "–" is none)."""
    return sum(w[0].isalpha() or w[-1].isalpha() for w in text.split())


def _marked_part(text: str, firsts: frozenset[str]) -> str:
    """The part of ``text`` from the word before its last ": " on, when that word may
    start a credit marker (one of ``firsts``) and a sentence end or a separator comes
    before it ("... zu tun. Foto: Timur | flickr"), else ``text`` itself."""
    k = text.rfind(": ")
    if k < 0:
        return text
    if not any(strip_edges(w).lower() in firsts for w in text[:k].rsplit(None, 1)[-1:]):
        return text
    for cut in (". ", "! ", "? ", " | ", " – ", " - ", " (", ", "):
        j = text.rfind(cut, 0, k)
        if j >= 0 and " " not in text[j + len(cut):k].strip():
            return text[j + len(cut):].lstrip(" (")
    return text


def _last_part(text: str) -> str:
    """The last sentence of ``text``, or the part after its last " | " or " - "."""
    t = text.rstrip()
    cut = max(t.rfind(". "), t.rfind("! "), t.rfind("? "), t.rfind(" | "), t.rfind(" – "),
              t.rfind(" - "), t.rfind(" ("))
    if cut < 0:
        return text
    return t[cut + 2:].strip(" -–|(")
