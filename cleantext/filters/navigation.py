"""Navigation: skip links, menus, breadcrumbs, section labels, search prompts,
social follow lines and header taglines.

Rules, each with its reason id (see docs/filters.md):

- ``skip-link``, ``search-prompt``, ``social-follow``: whole lines from the
  ``[navigation]`` phrase lists, anywhere; ``social-follow`` also takes short
  lines that start with a ``social_prefixes`` phrase ("Follow us on X"), and
  lines (up to ``follow_chars``) that start with a ``follow_prefixes`` phrase
  and name two ``networks`` or more, or one and an account ("Follow Jane Doe
  on Twitter: @janedoe"), one right after a ``network_prepositions`` word.
- ``nav-label``: whole-line menu and header items ("Home", "Impressum"),
  unless it is one word with prose directly above and below (a subheading).
- ``breadcrumb``: a short line of three or more short title-case parts joined
  by one separator (``›``, ``»``, ``>``, ``/``, ``|``, ``→``), or two when the
  first is a home label ("Home › World").
- ``menu-run``: a run of ``min_menu_run`` or more consecutive short
  title-case lines (menu items), of which at least one is a known menu,
  section or footer label.  An unknown line that directly opens or closes
  a paragraph of prose (a heading, a greeting) is not part of the run, also
  when only lines other filters removed stand between them.
- ``section-label``: a section name ("Politics", "Wirtschaft") above the first
  paragraph, directly above the headline.
- ``header-tagline``: the first kept line of a text that starts with removed
  navigation, when it is a short Title Case line directly above another
  (the headline): the site's tagline or section banner.  A sentence-case
  headline with its standfirst below never matches.

The headline, the standfirst and subheadings inside the article stay: every
rule needs either the exact wording of a label or the header position.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..document import BlockMark, Document
from ..kinds import Kind
from ..lexicon import phrases
from ..registry import register
from . import _phrases
from ._context import next_kept, prev_kept, profile, title_like
from ._match import WORD, Prefixes, long_lines_starting_with, phrase_set, prefix_tuple, starts_with_phrase
from ._occur import positions
from ._phrases import PhraseOptions
from .base import BlockFilter

#: Breadcrumb separators, tried in this order.
BREADCRUMB_SEPS = ("›", "»", " > ", " / ", " | ", " → ", " · ")
_NAV = Kind.NAVIGATION
#: A word, for finding network names in a line.
#: An account on a social network: "@janedoe" (not inside an e-mail address).
_HANDLE = re.compile(r"(?<![\w.])@\w{2,}")
_MENU_END = frozenset(".!?:;,\"'”“)")


@register
@dataclass(frozen=True)
class Navigation(PhraseOptions, BlockFilter):
    """Remove skip links, menus, breadcrumbs, section labels and search/follow prompts."""

    name = "navigation"
    kinds = (Kind.NAVIGATION,)

    #: Consecutive menu-like lines needed for a menu.
    min_menu_run: int = 4
    #: Longest menu item, in characters.
    menu_item_chars: int = 32
    #: Longest breadcrumb line, in characters (a footer's links on one line are longer
    #: than a breadcrumb).
    breadcrumb_chars: int = 300
    #: Longest line that can be a section label or header tagline.
    header_chars: int = 100
    #: Longest invitation to follow the site on social networks ("Follow The Daily on
    #: Twitter and Instagram ...").
    follow_chars: int = 300

    @cached_property
    def _sets(self) -> dict[str, frozenset[str]]:
        keys = ("skip_links", "search", "social", "social_prefixes", "labels", "sections", "follow_prefixes",
                "networks", "network_prepositions")
        return {k: _phrases.folded(self, "navigation", k) for k in keys}

    @cached_property
    def _social_tuple(self) -> Prefixes:
        return prefix_tuple(self._sets["social_prefixes"])

    @cached_property
    def _follow_tuple(self) -> Prefixes:
        return prefix_tuple(self._sets["follow_prefixes"])

    def _names_networks(self, text: str) -> bool:
        """Whether ``text`` names at least two social networks (``networks``), or one and
        an account ("@janedoe"), one of them right after a ``network_prepositions`` word
        ("on Twitter", "auf Instagram")."""
        words = WORD.findall(text.casefold())
        nets, before = self._sets["networks"], self._sets["network_prepositions"]
        named = len(nets.intersection(words))
        if named < 2 and not (named == 1 and _HANDLE.search(text)):
            return False
        return any(w in nets and words[k - 1] in before for k, w in enumerate(words) if k)


    @cached_property
    def _menu_words(self) -> frozenset[str]:
        """Labels that confirm a run of short lines is a menu."""
        s = self._sets
        other = _phrases.related_labels(self)
        signup = phrase_set(phrases("signup", "labels", self.languages, self.extra_files))
        return s["labels"] | s["sections"] | s["search"] | other | signup

    @cached_property
    def _home(self) -> frozenset[str]:
        return frozenset(f for f in self._sets["labels"] if " " not in f)

    def detect(self, doc: Document) -> list[BlockMark]:
        return self._detect(doc, again=False)

    def detect_again(self, doc: Document) -> list[BlockMark]:
        """Without the rules that look at a line alone (skip links, search prompts,
        social lines, breadcrumbs): they found all they could the first time."""
        return self._detect(doc, again=True)

    def _detect(self, doc: Document, again: bool) -> list[BlockMark]:
        prof = profile(doc, self)
        blocks = doc.blocks
        sets = self._sets
        marked: dict[int, BlockMark] = {}

        def mark(i: int, reason: str, detail: str) -> None:
            if blocks[i].removal is None and i not in marked:
                marked[i] = BlockMark(i, _NAV, reason, detail)

        if not again:
            for key, reason in (("skip_links", "skip-link"), ("search", "search-prompt"),
                                ("social", "social-follow")):
                for i in prof.lookup(sets[key]):
                    mark(i, reason, prof.folds[i] or "")
            for i in prof.starting_with(self._social_tuple.firsts):
                f = prof.folds[i] or ""
                if len(f) <= 60:
                    p = starts_with_phrase(f, self._social_tuple)
                    if p:
                        mark(i, "social-follow", p)
            # an invitation to follow the site on two networks or more (or on one, with its
            # account), however long its name
            follow = self._follow_tuple
            cands = [(i, starts_with_phrase(prof.folds[i], follow)) for i in prof.starting_with(follow.firsts)]
            cands += long_lines_starting_with(prof, follow, self.follow_chars)
            for i, p in cands:
                if p and len(blocks[i].text) <= self.follow_chars and self._names_networks(blocks[i].text):
                    mark(i, "social-follow", p)
        for i in prof.lookup(sets["labels"]):
            f = prof.folds[i] or ""
            if " " in f or not prof.sandwiched(i):
                mark(i, "nav-label", f)
        if not again:
            self._breadcrumbs(doc, prof, mark)
        self._menus(doc, prof, mark, marked)
        self._header(doc, prof, marked, mark)
        return [marked[i] for i in sorted(marked)]

    # ------------------------------------------------------------------ rules
    def _breadcrumbs(self, doc, prof, mark) -> None:
        blocks = doc.blocks
        text = doc.text
        done: set[int] = set()
        for sep in BREADCRUMB_SEPS:
            for k in positions(text, sep):
                i = prof.block_at(k)
                if i >= 0 and i not in done:
                    done.add(i)
                    t = blocks[i].text
                    if len(t) <= self.breadcrumb_chars:
                        self._crumbs(i, t, mark)

    def _crumbs(self, i: int, t: str, mark) -> None:
        for sep in BREADCRUMB_SEPS:
            if sep not in t:
                continue
            parts = [p.strip() for p in t.split(sep)]
            if len(parts) < 2 or not all(_crumb(p) for p in parts) \
                    or 3 * sum(p[0].isalpha() for p in parts) < 2 * len(parts):
                continue
            if len(parts) >= 3 or parts[0].lower() in self._home:
                mark(i, "breadcrumb", sep.strip())
                return

    def _menus(self, doc, prof, mark, marked) -> None:
        """Runs of menu-like lines.  Lines already removed (a "Kontakt" label, an
        ad label) belong to the run they stand in, so a menu split by them is
        one run, as it is in the clean text; they still confirm it as known."""
        limit = self.menu_item_chars
        end = _MENU_END
        blocks = doc.blocks
        texts = prof.texts
        # one byte per line, "1" for a menu-like line
        flags = bytearray([49 if len(t) <= limit and t[0].isupper() and t[-1] not in end
                           and t.count(" ") <= 3 and ": " not in t else 48 for t in texts])
        for i in [b.index for b in blocks if b.removal is not None]:
            flags[i] = 49
        for i in marked:
            flags[i] = 49
        words = self._menu_words
        folds = prof.folds
        prose = prof.prose
        n = len(blocks)
        for m in self._run.finditer(flags):
            s, e = m.start(), m.end()
            # A short line that opens or closes a paragraph (a heading right
            # above the text, a greeting right under it) is not a menu item.
            if s > 0 and prose[s - 1] and folds[s] not in words:
                s += 1
            if e < n and prose[e] and folds[e - 1] not in words:
                e -= 1
            if e - s < self.min_menu_run:
                continue
            run = range(s, e)
            kept = [j for j in run if blocks[j].removal is None and j not in marked]
            # The same in the clean text, where the lines removed in between are gone:
            # an unknown line next to a paragraph is its heading (or a greeting).
            if kept and folds[kept[-1]] not in words:
                j = next_kept(blocks, kept[-1], marked.keys())
                if j >= 0 and prose[j]:
                    kept.pop()
            if kept and folds[kept[0]] not in words:
                j = prev_kept(blocks, kept[0], marked.keys())
                if j >= 0 and prose[j]:
                    kept.pop(0)
            if len(kept) >= 2 and any(folds[j] in words for j in run):
                detail = f"{len(run)} menu lines"
                for j in kept:
                    marked[j] = BlockMark(j, _NAV, "menu-run", detail)

    @cached_property
    def _run(self) -> re.Pattern[bytes]:
        """Runs of at least ``min_menu_run`` menu-like lines in the flag bytes."""
        return re.compile(b"1{%d,}" % max(1, self.min_menu_run))

    def _header(self, doc, prof, marked, mark) -> None:
        blocks = doc.blocks
        limit = self.header_chars
        # Section labels: above the first paragraph, directly above the headline.
        for i in prof.lookup(self._sets["sections"]):
            if not prof.in_header(i):
                break
            j = next_kept(blocks, i, marked.keys())
            if j > 0 and title_like(blocks[j].text, 200) and not prof.prose[j]:
                mark(i, "section-label", prof.folds[i] or "")
        # Header tagline: the first kept line after removed navigation.
        first = next_kept(blocks, -1, marked.keys())
        if first <= 0 or not prof.in_header(first):
            return
        if not all(j in marked or (blocks[j].removal is not None
                                   and blocks[j].removal.kind == _NAV) for j in range(first)):
            return
        head = next_kept(blocks, first, marked.keys())
        if head < 0 or not title_like(blocks[first].text, limit) or blocks[first].text.count(" ") < 1:
            return
        if title_like(blocks[head].text, limit) and not prof.prose[head] \
                and _title_case(blocks[first].text) and _title_case(blocks[head].text):
            after = next_kept(blocks, head, marked.keys())
            if after >= 0:
                mark(first, "header-tagline", blocks[first].text[:60])


def _title_case(text: str) -> bool:
    """Every word of four letters or more starts with a capital: "Military and Security".

    Not most of them: German capitalises its nouns, so a German headline in
    sentence case ("Kosten für die Umgehungsstraße steigen um 56 Prozent")
    has most of its long words capitalised, but rarely all of them.
    """
    words = [w for w in text.split() if len(w) >= 4 and w[0].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words)


def _crumb(part: str) -> bool:
    """One part of a breadcrumb: a short title-case label (a question too: "Qui sommes-nous ?")."""
    return 0 < len(part) <= 40 and part.count(" ") <= 4 and (part[0].isupper() or part[0].isdigit()) \
        and part[-1] not in ".!,;"
