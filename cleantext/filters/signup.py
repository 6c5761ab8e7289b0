"""Sign-up, subscribe, log-in and paywall prompts.

Rules, each with its reason id (see docs/filters.md):

- ``signup-label``: a whole line from ``[signup] labels`` ("Subscribe now",
  "Newsletter", "Already a subscriber? Log in"), anywhere.
- ``signup-call``: a short line (at most ``max_chars``, three sentences or
  fewer) whose *last sentence* is a call to act from ``[signup] calls``
  ("Get our best stories delivered to your inbox. Sign up now.").
- ``signup-prompt``: a short line (at most ``max_chars``, three sentences
  or fewer) that holds a ``[signup] prompts`` phrase, wherever it stands:
  wording that only a site's own prompt uses ("... delivered straight to
  your inbox", "Sign up for our newsletter", "Already a subscriber?");
  or a short line that holds a ``[signup] phrases`` phrase ("unlimited
  access", "free trial", "for just": words that prose uses too), stands
  above the first or below the last paragraph of prose, and is one of the
  ``edge_lines`` first or last lines of the text or next to another sign-up
  line, or between two sign-up lines of one paragraph wherever it stands
  (the middle of a paywall box).  Phrases match whole words: "for just" is
  not in "for justice".
- ``signup-newsletter``: a short line (at most ``max_chars``, two sentences
  or fewer, no quotation marks) that names a newsletter (``[signup]
  newsletter_words``, also inside a compound: "Newsletterdienst") and reads
  as a promotion of the site's own: a heading of at most
  ``newsletter_heading_words`` words without a sentence end ("Get the Weekly
  Newsletter", "Newsletter abonnieren"), a line that ends with "!", or one
  of at most ``newsletter_prompt_words`` words where an ``owner_words`` word
  stands at most two words before the newsletter ("Get our free newsletter
  every Friday", "Unser kostenloser Newsletter informiert Sie ...").  Also a
  line of at most ``newsletter_start_chars`` (three sentences or fewer) that
  starts with a ``newsletter_starts`` phrase and names a newsletter, not
  between two paragraphs ("Sign up for the <Name> newsletter for travel
  ideas ...", "Verpasse kein Rezept mehr! Trag dich in meinen Newsletter
  ein ..."), and a line opened by a newsletter word directly over another
  sign-up line of its paragraph ("Newsletter „Der Morgen“: ..." over the
  e-mail field).
- ``signup-app``: a short line that starts with an ``app_starts`` phrase and
  has an ``app_words`` word (also "<Name>-App", "l'app") within
  ``app_name_words`` words after it, no "?" after that word ("Download the
  <Name> app", "Hol dir die App!"); between two paragraphs only when that
  word ends the line.  "Download the app? Most residents never did" stays.
- ``signup-field``: a run of ``[signup] fields`` lines ("First name",
  "E-Mail", "Absenden", "Wyślij") with a sign-up line just above or below it
  in the same paragraph: a form.  Alone, the words stay.
- ``signup-consent``: the consent line of a sign-up, comment or contact
  form: a line of at most ``consent_chars`` that starts with a ``[signup]
  consents`` phrase ("I agree", "By submitting", "Ich akzeptiere", "Mit dem
  Absenden", "Wyrażam zgodę") and holds a ``consent_words`` word (privacy,
  data, terms, newsletter; "Datenschutz", "danych"), not between two
  paragraphs.  "I agree to the mayor's plan, and so do my neighbours." stays:
  it names nothing a form asks consent for.

"Readers can subscribe to the paper's print edition for £5" stays: it is
neither a label, nor ends with a call, nor holds a prompt phrase; so do
"The newsletter, founded in 1998, now reaches 5,000 readers." and "She said
she would subscribe to the newsletter." (neither heading, nor exclamation,
nor the site's own newsletter).
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
from ._context import EDGE_CHARS, SENTENCE_MARKS, profile
from ._match import (Prefixes, fold, literal_pattern, long_lines_starting_with, prefix_tuple,
                     starts_with_phrase)
from ._sentences import last_sentence, sentence_count
from ._phrases import PhraseOptions
from .base import BlockFilter

_SIGNUP = Kind.SIGNUP
#: A line holding one of these quotes someone; a newsletter named in it is not a prompt.
_QUOTES = frozenset('"“”„«»')
#: How a sentence, or a line leading into what follows (":"), ends; a heading does not.
_SENTENCE_END = SENTENCE_MARKS | {":"}


@register
@dataclass(frozen=True)
class Signup(PhraseOptions, BlockFilter):
    """Remove newsletter, subscribe, log-in and paywall prompts."""

    name = "signup"
    kinds = (Kind.SIGNUP,)

    #: Longest line a call or prompt rule looks at.
    max_chars: int = 160
    #: Prompts are looked for in this many lines at the top and at the bottom
    #: of the text, and next to other sign-up lines.
    edge_lines: int = 12
    #: A line naming a newsletter, without a sentence end and of at most this
    #: many words, is a newsletter heading ("Get the Weekly Newsletter").
    newsletter_heading_words: int = 6
    #: A line of at most this many words that names the site's own newsletter
    #: ("our free newsletter") promotes it; a longer one tells a story.
    newsletter_prompt_words: int = 16
    #: Longest consent line of a form ("I agree to receive emails ... Privacy Policy").
    consent_chars: int = 700
    #: Longest line that starts with a ``newsletter_starts`` phrase and names a
    #: newsletter ("Never miss a story — sign up for ...'s free daily newsletter ...").
    newsletter_start_chars: int = 320
    #: Most words between an ``app_starts`` phrase and the word naming the app
    #: ("Download the <Name> News app").
    app_name_words: int = 4

    @cached_property
    def _labels(self) -> frozenset[str]:
        return _phrases.folded(self, "signup", "labels")

    @cached_property
    def _calls(self) -> frozenset[str]:
        return _phrases.folded(self, "signup", "calls")

    @cached_property
    def _prompt(self) -> re.Pattern[str] | None:
        """The literal prompt phrases as one trie regex (linear time)."""
        return literal_pattern(_phrases.folded(self, "signup", "phrases"))

    @cached_property
    def _anywhere(self) -> re.Pattern[str] | None:
        """The prompt phrases that count wherever they stand, as one trie regex."""
        return literal_pattern(_phrases.folded(self, "signup", "prompts"))

    @cached_property
    def _anywhere_keys(self) -> tuple[str, ...]:
        """Few pieces of words (five letters or more) such that every ``prompts`` phrase
        holds one: the lines worth a regex search are found with one C search per key.
        Chosen greedily, the piece that covers most phrases first (then the longer)."""
        phrases = sorted(_phrases.folded(self, "signup", "prompts"))
        holders: dict[str, set[int]] = {}
        for k, p in enumerate(phrases):
            for w in p.split():
                for a in range(len(w) - 4):
                    for b in range(a + 5, len(w) + 1):
                        holders.setdefault(w[a:b], set()).add(k)
        left, keys = set(range(len(phrases))), []
        while left:
            best = max(sorted(holders), key=lambda c: (len(holders[c] & left), len(c)), default=None)
            if best is None or not holders[best] & left:  # no word of five letters: the phrase
                keys += sorted(phrases[k] for k in left)
                break
            keys.append(best)
            left -= holders[best]
        return tuple(sorted(keys))

    @cached_property
    def _call_words(self) -> frozenset[str]:
        """The last word of each call: a cheap key before the sentence check."""
        return frozenset(c.rpartition(" ")[2] for c in self._calls)

    @cached_property
    def _newsletter_words(self) -> tuple[str, ...]:
        """Single words (a phrase of several words could not be found in one)."""
        return tuple(sorted(w for w in _phrases.folded(self, "signup", "newsletter_words") if " " not in w))

    @cached_property
    def _consents(self) -> Prefixes:
        return prefix_tuple(_phrases.folded(self, "signup", "consents"))

    @cached_property
    def _consent_words(self) -> re.Pattern[str] | None:
        """What a form asks consent for (also inside a compound: "Datenschutzerklärung")."""
        return literal_pattern(_phrases.folded(self, "signup", "consent_words"))

    def _consent_lines(self, doc: Document, prof, marked: dict[int, BlockMark]) -> None:
        """Consent lines of forms (``signup-consent``)."""
        phrases, words = self._consents, self._consent_words
        if not phrases or words is None:
            return
        blocks, folds, limit = doc.blocks, prof.folds, self.consent_chars
        # their first words ("I", "Mit", "En") start much prose: the position rules out
        # most lines before a phrase is looked for
        skip = prof.sandwiched
        found = [(i, starts_with_phrase(folds[i], phrases))
                 for i in prof.starting_with(phrases.firsts) if not skip(i)]
        found += long_lines_starting_with(prof, phrases, limit, skip=skip)
        for i, p in sorted(found):
            t = blocks[i].text
            if p and i not in marked and len(t) <= limit and words.search(t.lower()):
                marked[i] = BlockMark(i, _SIGNUP, "signup-consent", p)

    @cached_property
    def _owner_words(self) -> frozenset[str]:
        return _phrases.folded(self, "signup", "owner_words")

    def _newsletter(self, doc: Document, prof, marked: dict[int, BlockMark]) -> None:
        """Lines that promote the site's own newsletter (``signup-newsletter``)."""
        blocks = doc.blocks
        limit = self.max_chars
        owners = self._owner_words
        for i in prof.folds_containing(self._newsletter_words):
            if i in marked:
                continue
            t = blocks[i].text
            if len(t) > limit:
                continue
            low = t.lower()
            words = low.split()
            names = self._newsletter_words
            hit = next((k for k, w in enumerate(words) if any(n in w for n in names)), None)
            if hit is None:
                continue
            if hit == 0 and _signup_line(blocks, marked, i + 1, i) and not prof.sandwiched(i):
                # a line opened by the newsletter's name over the form's field or button
                # ("Newsletter „Der Morgen“: Jeden Werktag um 6 Uhr ...")
                marked[i] = BlockMark(i, _SIGNUP, "signup-newsletter", words[0].strip(EDGE_CHARS))
                continue
            if _QUOTES.intersection(t) or sentence_count(t) > 2:
                continue
            end = t.rstrip()[-1:]
            n = len(words)
            if (end == "!" or (end not in _SENTENCE_END and n <= self.newsletter_heading_words)
                    or (n <= self.newsletter_prompt_words
                        and any(w.strip(EDGE_CHARS) in owners for w in words[max(0, hit - 2):hit]))):
                marked[i] = BlockMark(i, _SIGNUP, "signup-newsletter", words[hit].strip(EDGE_CHARS))

    @cached_property
    def _newsletter_starts(self) -> Prefixes:
        return prefix_tuple(_phrases.folded(self, "signup", "newsletter_starts"))

    def _newsletter_invitations(self, doc: Document, prof, marked: dict[int, BlockMark]) -> None:
        """Lines that start with a sign-up phrase and name a newsletter, not between
        two paragraphs, up to ``newsletter_start_chars`` (``signup-newsletter``)."""
        starts, names = self._newsletter_starts, self._newsletter_words
        if not starts or not names:
            return
        blocks, folds, limit = doc.blocks, prof.folds, self.newsletter_start_chars
        skip = prof.sandwiched
        found = [(i, starts_with_phrase(folds[i], starts))
                 for i in prof.starting_with(starts.firsts) if i not in marked and not skip(i)]
        found += long_lines_starting_with(prof, starts, limit, skip=skip)
        for i, p in found:
            t = blocks[i].text
            if (p and i not in marked and len(t) <= limit and sentence_count(t) <= 3
                    and any(n in t.lower() for n in names)):
                marked[i] = BlockMark(i, _SIGNUP, "signup-newsletter", p)

    @cached_property
    def _app_starts(self) -> Prefixes:
        return prefix_tuple(_phrases.folded(self, "signup", "app_starts"))

    @cached_property
    def _app_words(self) -> frozenset[str]:
        return _phrases.folded(self, "signup", "app_words")

    def _apps(self, doc: Document, prof, marked: dict[int, BlockMark]) -> None:
        """Short lines offering the site's app (``signup-app``): an ``app_starts`` phrase,
        then within ``app_name_words`` words an ``app_words`` word that no "?" follows
        ("Download the app? ..." asks); between two paragraphs, only when the app word
        ends the line ("Install the app on every phone, police advised." stays there)."""
        starts, apps = self._app_starts, self._app_words
        if not starts or not apps:
            return
        folds, limit = prof.folds, self.max_chars
        for i in prof.starting_with(starts.firsts):
            f = folds[i]
            p = starts_with_phrase(f, starts) if i not in marked and len(f) <= limit else None
            if not p:
                continue
            # a phrase that ends with the app word ("Scarica l'app") counts it as the first
            rest = [p.rpartition(" ")[2]] + f[len(p):].split()[:self.app_name_words + 1]
            for k, w in enumerate(rest):
                core = w.rstrip(EDGE_CHARS)
                if _app_word(core) not in apps:
                    continue
                if w.endswith("?") or (k + 1 < len(rest) and prof.sandwiched(i)):
                    break
                marked[i] = BlockMark(i, _SIGNUP, "signup-app", p)
                break

    @cached_property
    def _fields(self) -> frozenset[str]:
        return _phrases.folded(self, "signup", "fields")

    def _form_fields(self, doc: Document, prof, marked: dict[int, BlockMark]) -> None:
        """Runs of form fields and buttons ("First name", "E-Mail", "Submit") in one
        paragraph with a sign-up line just above or below them (``signup-field``)."""
        fields = self._fields
        if not fields:
            return
        blocks = doc.blocks
        run: list[int] = []
        for i in prof.lookup(fields) + [-2]:
            if run and (i != run[-1] + 1 or blocks[i].blank_before):
                a, b = run[0], run[-1]
                if _signup_line(blocks, marked, a - 1, a) or _signup_line(blocks, marked, b + 1, b):
                    for j in run:
                        if j not in marked:
                            marked[j] = BlockMark(j, _SIGNUP, "signup-field", prof.folds[j])
                run = []
            if i >= 0 and blocks[i].removal is None:
                run.append(i)

    def _between_prompts(self, doc: Document, prof, marked: dict[int, BlockMark]) -> None:
        """A short line with a ``phrases`` phrase between two sign-up lines of one
        paragraph, wherever it stands: the middle of a paywall box
        ("... Support the <Name> and get unlimited access ...") (``signup-prompt``)."""
        prompt = self._prompt
        if prompt is None:
            return
        blocks, folds = doc.blocks, prof.folds
        for i in sorted(marked):
            j = i + 1
            if (j in marked or j + 1 not in marked or blocks[j].blank_before
                    or blocks[j + 1].blank_before or not folds[j] or len(folds[j]) > self.max_chars):
                continue
            phrase = _whole_match(prompt, folds[j])
            if phrase:
                marked[j] = BlockMark(j, _SIGNUP, "signup-prompt", phrase)

    def detect(self, doc: Document) -> Iterator[BlockMark]:
        prof = profile(doc, self)
        blocks = doc.blocks
        folds = prof.folds
        marked: dict[int, BlockMark] = {}
        for i in prof.lookup(self._labels):
            marked[i] = BlockMark(i, _SIGNUP, "signup-label", folds[i])
        calls = self._calls
        words = self._call_words
        if words:
            for i in prof.ending_with(words):
                if i in marked:
                    continue
                t = blocks[i].text
                last = last_sentence(t)
                if len(t) <= self.max_chars and fold(last) in calls and sentence_count(t) <= 3:
                    marked[i] = BlockMark(i, _SIGNUP, "signup-call", last)
        self._prompts(doc, prof, marked)
        if self._newsletter_words:
            self._newsletter(doc, prof, marked)
        self._prompts_anywhere(doc, prof, marked)
        self._newsletter_invitations(doc, prof, marked)
        self._apps(doc, prof, marked)
        self._consent_lines(doc, prof, marked)
        self._between_prompts(doc, prof, marked)
        self._form_fields(doc, prof, marked)
        for i in sorted(marked):
            if blocks[i].removal is None:
                yield marked[i]

    def detect_again(self, doc: Document) -> Iterator[BlockMark]:
        """Only the rules that ask where a line stands (prompts, newsletter invitations
        and consent lines, not between two paragraphs; lines between sign-up lines; form
        fields): labels, calls and other newsletter lines are what they are wherever
        they stand, so every one of them was found the first time."""
        prof = profile(doc, self)
        marked: dict[int, BlockMark] = {}
        self._prompts(doc, prof, marked)
        self._newsletter_invitations(doc, prof, marked)
        self._consent_lines(doc, prof, marked)
        self._between_prompts(doc, prof, marked)
        self._form_fields(doc, prof, marked)
        blocks = doc.blocks
        for i in sorted(marked):
            if blocks[i].removal is None:
                yield marked[i]

    def _prompts_anywhere(self, doc: Document, prof, marked: dict[int, BlockMark]) -> None:
        """Short lines with a ``prompts`` phrase, wherever they stand (``signup-prompt``)."""
        pattern = self._anywhere
        if pattern is None:
            return
        blocks, folds, limit = doc.blocks, prof.folds, self.max_chars
        # a C search for each key finds the few lines worth a regex search
        for i in prof.folds_containing(self._anywhere_keys):
            f = folds[i]
            if i in marked or len(f) > limit:
                continue
            phrase = _whole_match(pattern, f)
            if phrase and sentence_count(blocks[i].text) <= 3:
                marked[i] = BlockMark(i, _SIGNUP, "signup-prompt", phrase)

    def _prompts(self, doc: Document, prof, marked: dict[int, BlockMark]) -> None:
        """Short lines with a prompt phrase at the edges or next to a sign-up line (``signup-prompt``)."""
        prompt = self._prompt
        blocks = doc.blocks
        if prompt is None or not blocks:
            return
        folds = prof.folds
        n = len(blocks)
        near = set(prof.edge_window(self.edge_lines))
        for i in list(marked):
            near.update((i - 2, i - 1, i + 1, i + 2))
        for i in sorted(near):
            if not 0 <= i < n or i in marked:
                continue
            f = folds[i]
            if f and len(f) <= self.max_chars and prof.at_edge(i):
                phrase = _whole_match(prompt, f)
                if phrase:
                    marked[i] = BlockMark(i, _SIGNUP, "signup-prompt", phrase)


def _signup_line(blocks, marked: dict[int, BlockMark], j: int, i: int) -> bool:
    """Whether line ``j``, next to line ``i`` in the same paragraph, is a sign-up line
    (found by this family now or removed as one before)."""
    if not 0 <= j < len(blocks) or blocks[max(i, j)].blank_before:
        return False
    r = blocks[j].removal
    return j in marked or (r is not None and r.kind is _SIGNUP)


def _app_word(word: str) -> str:
    """The app word of a compound or an elided form: "<name>-app" and "l'app" give "app"."""
    return word.rpartition("-")[2].rpartition("'")[2].rpartition("’")[2]


def _whole_match(pattern: re.Pattern[str], text: str) -> str:
    """The first match of ``pattern`` in ``text`` that starts and ends at word
    boundaries ("for just" is not in "for justice"), or ""."""
    n = len(text)
    for m in pattern.finditer(text):
        a, b = m.start(), m.end()
        if (a == 0 or not text[a - 1].isalnum()) and (b == n or not text[b].isalnum()):
            return m.group()
    return ""
