"""Related links, share bars, comment prompts, tag lists, copyright and cookie footers.

Rules, each with its reason id (see docs/filters.md):

- ``related-label``: a whole line from ``[related] labels`` ("Related Topics",
  "Read more", "Share this article", "Comments") or ``list_labels`` (headings
  of lists of other articles: "Most read", "Lesen Sie auch"), unless prose stands directly
  above and below a one-word label (then it is a subheading of the article).
  A label may carry a count in brackets: "Share (5)", "Teilen (3)".
- ``related-prefix``: a short line that starts with a ``[related] prefixes``
  phrase followed by a separator (``:``, ``|``, ``»``, ``›``, a dash):
  "Read more: ...", "Tags: budget, council".
- ``copyright``: a short line that starts with a ``copyright`` marker: a
  symbol ("©"), or a word followed by a symbol or a year ("Copyright 2024"), or holds a ``rights`` phrase ("All rights reserved")
  and either a marker or a place among the ``tail_lines`` last lines.  A
  longer line, up to ``legal_chars``, is a copyright footer when it starts
  with a marker or a ``rights`` phrase and holds a ``rights`` or ``legal``
  phrase: "© 2020 Example Media Ltd. All rights reserved. Example is a
  registered trade mark ...", "Copyright © 2019 Example, LLC. Reproduction
  ... without written permission is strictly prohibited."
- ``site-notice``: a line of up to ``notice_chars`` (300) characters that
  starts with a ``notices`` phrase: comment forms and site notices ("Leave a
  Reply", "Your email address will not be published", "We welcome reader
  comments ..."), and the appeals after an article ("Did you enjoy this
  article? Share it ...", "Hat Ihnen der Artikel gefallen?").
- ``cookie-notice``: a line that starts with a ``cookie_prefixes`` phrase
  ("We use cookies", "Diese Website verwendet Cookies"), a number in the
  phrase standing for any number ("We and our 843 partners store ...").  The
  phrase may also start a later sentence (after a full stop) of a line of
  at most ``cookie_sentences`` sentences that does not stand between two
  paragraphs ("Thanks for visiting. This site uses cookies.").
- ``post-link``: a line (up to ``notice_chars``) that starts with a ``post_links`` phrase, the
  link to the previous or next post, and goes on with that post's title, not
  with a sentence ("Next article: Council approves budget", "Vorheriger
  Beitrag Neue Brücke eröffnet"; not "Next week the council will vote.").
- ``comment-count``: a short line that is a ``comment_counts`` phrase, every
  number standing for any number ("12 comments", "3 Kommentare"), alone or
  followed by the quoted title it comments on ("3 thoughts on “Budget
  day”"); after a phrase that ends in a preposition ("3 Antworten zu") the
  title may go unquoted, if the line does not end like a sentence.
- ``tag-list``: a short line that starts with a ``tag_prefixes`` phrase
  ("Filed under", "Posted in", "Veröffentlicht in", "Tags") and goes on
  with a list of tags rather than a sentence: no sentence mark anywhere,
  items (between commas, bars, semicolons) of at most ``tag_words`` words,
  and at most ``tag_line_words`` words when there is one item, which must
  not stand between two paragraphs ("Filed under 2020 Election", "Tags
  budget, council, bridges").  "Tags darauf gingen wir zum Hafen." stays.
- ``comment-header``: the head of a reader's comment, a name and a
  ``comment_verbs`` verb and a colon alone on a line ("Jane Doe says:",
  "Anna Schmidt sagt:"), when the text holds at least ``min_comment_heads``
  of them: one such line may introduce a quotation in the article.
- ``server-error``: an error message the site's server printed into the
  page: an ``error_labels`` label and a colon, then the message and where
  it arose, "in <file> on line <number>" ("Warning: Creating default
  object from empty value in /www/wp-includes/classes.php on line 407").
  Any length: the paths make them long.
- ``script-notice``: a line of up to ``notice_chars`` that names JavaScript
  and holds a ``script_words`` word (enable, disabled, aktivieren, włącz): the
  notice a page shows when scripts do not run ("Please enable JavaScript to
  view the comments", "JavaScript ist deaktiviert. Bitte aktiviere
  JavaScript in deinem Browser.").  Not between two paragraphs: a tutorial
  may tell its reader to enable JavaScript.
- ``embed-credit``: a short line that starts with an ``embed_credits``
  phrase and names an account with "@": the credit under an embedded social
  media post ("A post shared by Jane Doe (@janedoe)").  "A post shared by
  the mayor drew 2,000 comments." stays: no account.

"The court ruled that the cookies stored by the website needed consent" and
"Copyright law changed in 2019, when ..." stay: neither starts like a notice
nor is short enough to be a footer; so do "12 comments were sent to the
council." and "Next article in the series: the budget." (a sentence).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from ..document import BlockMark, Document
from ..kinds import Kind
from ..registry import register
from . import _phrases
from ._context import SENTENCE_MARKS, profile
from ._match import (WORD, Prefixes, fold, followed_by_separator, literal_pattern, long_lines_starting_with,
                     number_shape, prefix_tuple, starts_with_phrase)
from ._occur import positions
from ._phrases import PhraseOptions
from ._sentences import sentence_count
from .base import BlockFilter

_RELATED = Kind.RELATED
#: A year right after a copyright word ("Copyright 2024 ...").
COPYRIGHT_YEAR = re.compile(r"(?:19|20)\d\d")
#: A count in brackets at the end of a line: "Share (5)".
_BRACKET_COUNT = re.compile(r"\(\d{1,6}\)[ \t]*(?:\n|\Z)")
#: How the title after a comment count starts: a quotation mark.
_QUOTES = frozenset('"“”„‘’‚«»\'')
#: A sentence mark followed by a space: a tag list has none.
_SENTENCE_INSIDE = re.compile(r"[.!?…] ")
#: Longest comment head ("Jane Doe says:").
_COMMENT_HEAD_CHARS = 60
#: How a server's error message ends, before the line number: "... in /www/app.php on line 407".
_ON_LINE = " on line "
#: Longest server error message looked at (the file paths make them long).
_ERROR_CHARS = 2000
#: The scripting language a page asks to enable, as a folded word, and what finds it
#: in the text (JavaScript, Javascript, javascript, JAVASCRIPT).
_SCRIPT = "javascript"
_SCRIPT_NEEDLES = ("avaScript", "avascript", "AVASCRIPT")
#: What separates the items of a tag list.
_TAG_SPLIT = re.compile(r"[,|;·•]")


@register
@dataclass(frozen=True)
class Related(PhraseOptions, BlockFilter):
    """Remove related-link headings, share bars, tag lists, copyright and cookie notices."""

    name = "related"
    kinds = (Kind.RELATED,)

    #: Longest line the prefix and copyright rules look at.
    max_chars: int = 160
    #: Longest cookie notice.
    cookie_chars: int = 600
    #: Most sentences in a line whose later sentence starts a cookie notice.
    cookie_sentences: int = 3
    #: Longest site notice (comment forms, comment policies, browser notices).
    notice_chars: int = 300
    #: A line like "Jane Doe says:" is a comment's head only when the text has this many.
    min_comment_heads: int = 2
    #: Longest item of a tag list ("Filed under bill clinton, warner bros"), in words.
    tag_words: int = 5
    #: Longest tag list of one item (no comma or bar), in words after the phrase.
    tag_line_words: int = 8
    #: Longest copyright footer: a line that starts with a marker or a rights
    #: phrase and holds a rights or legal phrase ("without written permission").
    legal_chars: int = 600
    #: Rights phrases ("All rights reserved") are looked for in lines with a
    #: copyright marker and in this many last lines of the text.
    tail_lines: int = 12

    @cached_property
    def _sets(self) -> dict[str, frozenset[str]]:
        keys = ("labels", "prefixes", "copyright", "rights", "cookie_prefixes", "notices", "post_links",
                "embed_credits", "tag_prefixes", "error_labels", "comment_verbs", "script_words")
        out = {k: _phrases.folded(self, "related", k) for k in keys}
        out["labels"] = _phrases.related_labels(self)
        return out

    @cached_property
    def _tuples(self) -> dict[str, Prefixes]:
        keys = ("prefixes", "notices", "post_links", "embed_credits", "tag_prefixes", "error_labels")
        out = {k: prefix_tuple(self._sets[k]) for k in keys}
        # a number in a banner's first words stands for any number ("We and our 843 partners")
        out["cookie_prefixes"] = prefix_tuple(map(number_shape, self._sets["cookie_prefixes"]))
        return out

    @cached_property
    def _inner_cookie(self) -> re.Pattern[str] | None:
        """A full stop, a space and a cookie phrase without a number, its first letter a
        capital: a cookie statement that starts a later sentence of a line."""
        raw = [p for p in _phrases.raw(self, "related", "cookie_prefixes") if not any(map(str.isdigit, p))]
        trie = literal_pattern(p[:1].upper() + p[1:] for p in raw)
        return None if trie is None else re.compile(f"\\. (?:{trie.pattern})")

    @cached_property
    def _count_seconds(self) -> frozenset[str] | None:
        """The second words of the comment counts ("comments"), None if one is a single word."""
        if not all(" " in p for p in self._counts):
            return None
        return frozenset(p.split(" ")[1] for p in self._counts)

    @cached_property
    def _counts(self) -> Prefixes:
        """The comment counts, their numbers written as "#"."""
        return prefix_tuple(number_shape(f) for f in _phrases.folded(self, "related", "comment_counts"))

    @cached_property
    def _rights(self) -> re.Pattern[str] | None:
        return literal_pattern(self._sets["rights"])

    @cached_property
    def _legal(self) -> re.Pattern[str] | None:
        """Rights and legal phrases: what makes a long line that starts with a marker a footer."""
        return literal_pattern(self._sets["rights"] | _phrases.folded(self, "related", "legal"))

    @cached_property
    def _copy_marks(self) -> tuple[str, ...]:
        """Copyright markers as they start a line, case-folded ("©", "(c)", "copyright")."""
        raw = _phrases.raw(self, "related", "copyright")
        return tuple(sorted({r.casefold() for r in raw if r.strip()}, key=len, reverse=True))

    def detect(self, doc: Document) -> Iterator[BlockMark]:
        return self._detect(doc, again=False)

    def detect_again(self, doc: Document) -> Iterator[BlockMark]:
        """Only the rules that ask where a line stands or what stands around it: labels
        (a one-word label is a subheading between paragraphs), tag lists (so is a list
        of one item) and copyright (the last lines).  Prefixes, notices, cookie banners,
        embed credits, post links and comment counts are what they are wherever they
        stand, so every one of them was found the first time."""
        return self._detect(doc, again=True)

    def _detect(self, doc: Document, again: bool) -> Iterator[BlockMark]:
        prof = profile(doc, self)
        blocks = doc.blocks
        marked: dict[int, BlockMark] = {}

        def mark(i: int, reason: str, detail: str) -> None:
            if blocks[i].removal is None and i not in marked:
                marked[i] = BlockMark(i, _RELATED, reason, detail)

        labels = self._sets["labels"]
        for i in prof.lookup(labels):
            f = prof.folds[i] or ""
            if " " in f or not prof.sandwiched(i):
                mark(i, "related-label", f)
        if not again:
            self._line_rules(doc, prof, mark)
            # a label with a count in brackets ("Teilen (3)", "Share (5)"), unless a
            # line rule took it as a comment count first
            for m in _BRACKET_COUNT.finditer(doc.text):
                i = prof.block_at(m.start())
                b = doc.blocks[i]
                label = fold(b.text[:m.start() - b.start])
                if prof.folds[i] and label in labels:
                    mark(i, "related-label", label)
            heads = self._comment_heads(doc, prof)
            if len(heads) >= max(1, self.min_comment_heads):
                for i, verb in heads:
                    mark(i, "comment-header", verb)
        # after the line rules: "Tags: budget" is a related prefix
        tags = self._tuples["tag_prefixes"]
        for i in prof.starting_with(tags.firsts):
            t = blocks[i].text
            if len(t) > self.max_chars:
                continue
            p = starts_with_phrase(prof.folds[i], tags)
            # a list of one item between two paragraphs reads as a subheading ("Posted in 1998")
            if p and self._is_tag_list(_after_words(t, p.count(" ") + 1), alone=not prof.sandwiched(i)):
                mark(i, "tag-list", p)
        self._copyright(doc, prof, mark)
        for i in sorted(marked):
            yield marked[i]

    def _line_rules(self, doc: Document, prof, mark) -> None:
        """The rules that look at a line alone: prefixes, notices, cookie banners, embed
        credits, post links and comment counts."""
        blocks = doc.blocks
        tuples = self._tuples
        for i in prof.starting_with(tuples["prefixes"].firsts):
            t = blocks[i].text
            if len(t) > self.max_chars:
                continue
            p = starts_with_phrase(prof.folds[i], tuples["prefixes"])
            if p and followed_by_separator(t, p):
                mark(i, "related-prefix", p)
        for i in prof.starting_with(tuples["notices"].firsts):
            p = starts_with_phrase(prof.folds[i], tuples["notices"])
            if p:
                mark(i, "site-notice", p)
        for i in prof.starting_with(tuples["cookie_prefixes"].firsts):
            p = starts_with_phrase(number_shape(prof.folds[i]), tuples["cookie_prefixes"])
            if p:
                mark(i, "cookie-notice", p)
        limit = self.max_chars
        # embed credits name an account: look only at the lines with an "@"
        embeds = tuples["embed_credits"]
        for i in sorted({prof.block_at(k) for k in positions(doc.text, "@")} if embeds else ()):
            f = prof.folds[i] if i >= 0 else ""
            if f and len(blocks[i].text) <= limit:
                p = starts_with_phrase(f, embeds)
                if p:
                    mark(i, "embed-credit", p)
        for i in prof.starting_with(tuples["post_links"].firsts):
            f = prof.folds[i]
            p = starts_with_phrase(f, tuples["post_links"])
            if p and not _ends_sentence(blocks[i].text):
                mark(i, "post-link", p)
        counts, seconds = self._counts, self._count_seconds
        for i in sorted({*prof.starting_with(counts.firsts), *prof.starting_with_digit()}):
            f = prof.folds[i]
            if len(f) > limit:
                continue
            # the second word ("comments", "thoughts") rules out most lines at once
            if seconds is not None:
                words = f.split(" ", 2)
                # the second word as the phrases have it: its numbers as "#" ("(5" -> "(#")
                if len(words) < 2 or (words[1] not in seconds and number_shape(words[1]) not in seconds):
                    continue
            shape = number_shape(f)
            p = starts_with_phrase(shape, counts)
            if p and (len(p) == len(shape) or shape[len(p) + 1:len(p) + 2] in _QUOTES
                      or (p.count(" ") >= 2 and not _ends_sentence(blocks[i].text))):
                mark(i, "comment-count", p)
        # Post links, notices and cookie banners longer than the folded lines of the profile.
        for i, p in long_lines_starting_with(prof, tuples["post_links"], self.notice_chars):
            if not _ends_sentence(blocks[i].text):
                mark(i, "post-link", p)
        for i, p in long_lines_starting_with(prof, tuples["notices"], self.notice_chars):
            mark(i, "site-notice", p)
        for i, p in long_lines_starting_with(prof, tuples["cookie_prefixes"], self.cookie_chars, shaped=True):
            mark(i, "cookie-notice", p)
        self._inner_cookies(doc, prof, mark)
        errors = tuples["error_labels"]
        for i in prof.starting_with(errors.firsts):
            p = starts_with_phrase(prof.folds[i], errors)
            if p and _server_error(blocks[i].text, p):
                mark(i, "server-error", p)
        for i, p in long_lines_starting_with(prof, errors, _ERROR_CHARS):
            if _server_error(blocks[i].text, p):
                mark(i, "server-error", p)
        self._script_notices(doc, prof, mark)

    def _inner_cookies(self, doc: Document, prof, mark) -> None:
        """Lines of at most ``cookie_sentences`` sentences (up to ``cookie_chars``) whose later
        sentence starts with a cookie phrase, not between two paragraphs ("Thanks for
        visiting. This site uses cookies ..."): one regex search of the text."""
        inner = self._inner_cookie
        if inner is None:
            return
        blocks = doc.blocks
        for m in inner.finditer(doc.text):
            i = prof.block_at(m.start())
            t = blocks[i].text
            if len(t) <= self.cookie_chars and not prof.sandwiched(i) \
                    and sentence_count(t) <= self.cookie_sentences:
                mark(i, "cookie-notice", fold(m.group()[2:]))

    def _script_notices(self, doc: Document, prof, mark) -> None:
        """Lines that name JavaScript and ask to enable it or say it is off; only the
        lines holding the name are looked at."""
        verbs = self._sets["script_words"]
        if not verbs:
            return
        blocks = doc.blocks
        text = doc.text
        for i in sorted({prof.block_at(k) for n in _SCRIPT_NEEDLES for k in positions(text, n)}):
            if i < 0:
                continue
            t = blocks[i].text
            if len(t) > self.notice_chars or prof.sandwiched(i):
                continue
            words = set(WORD.findall(t.casefold()))
            if _SCRIPT in words and not words.isdisjoint(verbs):
                mark(i, "script-notice", _SCRIPT)

    def _comment_heads(self, doc: Document, prof) -> list[tuple[int, str]]:
        """``(line, verb)`` for each line that is a name, a comment verb and a colon
        ("Jane Doe says:"); only lines that end with a colon are looked at."""
        verbs = self._sets["comment_verbs"]
        if not verbs:
            return []
        text, blocks, particles = doc.text, doc.blocks, self._particles
        out: list[tuple[int, str]] = []
        k = text.find(":\n")
        ends = []
        while k >= 0:
            ends.append(k)
            k = text.find(":\n", k + 2)
        if text.endswith(":"):
            ends.append(len(text) - 1)
        for k in ends:
            i = prof.block_at(k)
            t = blocks[i].text
            if len(t) > _COMMENT_HEAD_CHARS:
                continue
            words = t[:-1].split()
            if not 2 <= len(words) <= 5:
                continue
            verb = words[-1].casefold()
            if verb not in verbs:
                continue
            if all(w[:1].isupper() or w[:1].isdigit() or w.casefold() in particles for w in words[:-1]):
                out.append((i, verb))
        return out

    @cached_property
    def _particles(self) -> frozenset[str]:
        return _phrases.folded(self, "bio", "name_particles")

    def _is_tag_list(self, rest: str, alone: bool) -> bool:
        """Whether ``rest``, what follows a tag phrase, lists tags rather than starts a
        sentence.  A list of one item counts only ``alone``: not between two paragraphs."""
        tail = rest.lstrip(":|-–—»› ")
        if not tail or _SENTENCE_INSIDE.search(tail) or _ends_sentence(tail):
            return False
        items = _TAG_SPLIT.split(tail)
        if len(items) == 1:
            return alone and len(tail.split()) <= self.tag_line_words
        return all(len(item.split()) <= self.tag_words for item in items)

    @cached_property
    def _needles(self) -> tuple[str, ...]:
        """Few substrings that find every copyright marker: symbols as they are,
        words without their first letter ("opyright": Copyright and copyright)."""
        raw = {m if not m[0].isalpha() else m[1:] for m in self._copy_marks}
        raw |= {m.upper() for m in raw if not m[0].isalpha()}
        return tuple(sorted(m for m in raw if m and not any(o != m and o in m for o in raw)))

    def _copyright(self, doc: Document, prof, mark) -> None:
        """Lines that start with a copyright marker or hold a rights phrase near it."""
        blocks = doc.blocks
        text = doc.text
        rights = self._rights
        cands: set[int] = set()
        for needle in self._needles:
            cands.update(map(prof.block_at, positions(text, needle)))
        n = len(blocks)
        window = prof.edge_window(self.tail_lines)
        cands.update(i for i in window if i >= n // 2)
        for i in sorted(cands):
            if i < 0:
                continue
            t = blocks[i].text
            if len(t) > self.max_chars:
                if len(t) <= self.legal_chars and self._legal_footer(t.lower()):
                    mark(i, "copyright", "legal footer")
                continue
            low = t.lower()
            m = _first_prefix(low, self._copy_marks)
            if m is not None:
                rest = low[len(m):].lstrip()
                if not m.isalpha() or rest[:1] == "©" or rest[:3] == "(c)" \
                        or COPYRIGHT_YEAR.match(rest):
                    mark(i, "copyright", m)
            elif rights is not None:
                hit = rights.search(low)
                if hit:
                    mark(i, "copyright", hit.group())

    def _legal_footer(self, low: str) -> bool:
        """Whether the long line ``low`` (lower-cased) is a copyright footer: it starts
        with a marker (a word marker followed by a symbol or a year) or a rights phrase,
        and holds a rights or legal phrase."""
        legal = self._legal
        if legal is None:
            return False
        m = _first_prefix(low, self._copy_marks)
        if m is not None:
            rest = low[len(m):].lstrip()
            if m.isalpha() and not (rest[:1] == "©" or rest[:3] == "(c)" or COPYRIGHT_YEAR.match(rest)):
                return False
        else:
            hit = self._rights.match(low) if self._rights is not None else None
            if hit is None:
                return False
        return legal.search(low) is not None


def _first_prefix(text: str, prefixes: tuple[str, ...]) -> str | None:
    """The first of ``prefixes`` (longest first) that ``text`` starts with."""
    if not text.startswith(prefixes):
        return None
    return next(p for p in prefixes if text.startswith(p))


def _after_words(text: str, n: int) -> str:
    """``text`` after its first ``n`` words ("" if it has no more)."""
    parts = text.split(None, n)
    return parts[n] if len(parts) > n else ""


def _server_error(text: str, label: str) -> bool:
    """Whether ``text``, which starts with the error label ``label`` (folded), is a server's
    error message: the label, a colon, the message, and "in <file> on line <number>"."""
    t = text.strip()
    if t[len(label):len(label) + 1] != ":":
        return False
    head, found, number = t.rstrip(". ").rpartition(_ON_LINE)
    if not found or not number.isdigit():
        return False
    message, found, where = head.rpartition(" in ")
    return bool(found) and len(message) > len(label) + 1 and bool(where) and " " not in where.strip()


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence (a post title or a quoted title does not)."""
    return text.rstrip()[-1:] in SENTENCE_MARKS
