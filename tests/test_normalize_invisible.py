"""Invisible and odd characters: removed, kept where they mean something, or spaced."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleantext
from cleantext import Pipeline
from cleantext.filters.invisible import REMOVED, SPACE_SEPARATORS, Invisible

inv = Invisible().normalize


@pytest.mark.parametrize("ch", list(REMOVED))
def test_invisible_characters_are_removed_from_inside_words(ch):
    assert inv(f"sub{ch}scribe {ch}now{ch}") == "subscribe now"


def test_the_removed_set_is_what_the_issue_names():
    names = {
        "\u200b": "zero-width space", "\u2060": "word joiner", "\ufeff": "byte-order mark",
        "\u00ad": "soft hyphen", "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF",
        "\u202d": "LRO", "\u202e": "RLO", "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI",
        "\u2069": "PDI",
    }
    assert set(REMOVED) == set(names)


@pytest.mark.parametrize("joiner", ["\u200c", "\u200d"])
def test_joiners_inside_latin_words_are_removed(joiner):
    assert inv(f"sub{joiner}scribe") == "subscribe"
    assert inv(f"{joiner}lead trail{joiner} {joiner}{joiner}") == "lead trail "


@pytest.mark.parametrize("text", [
    "👩\u200d💻",                              # woman technologist
    "👨\u200d👩\u200d👧\u200d👦",              # family
    "🏳️\u200d🌈",                              # rainbow flag (after VS16)
    "❤️\u200d🔥",                              # heart on fire
    "🏴\u200d☠️",                              # pirate flag
    "👩🏽\u200d🚀",                              # with a skin tone
    "می\u200cخواهم",                            # Persian: ZWNJ between Arabic letters
    "क्\u200dष",                               # Devanagari: ZWJ changes the conjunct
    "ന്\u200d",                                # Malayalam chillu
    "ශ්\u200dරී",                              # Sinhala
])
def test_joiners_that_carry_meaning_are_kept(text):
    assert inv(text) == text


def test_marks_and_variation_selectors_are_kept():
    text = "\u05e9\u05dc\u05d5\u05dd\u200f 123 \u200e ©\ufe0f ✈\ufe0e"
    assert inv(text) == text


@pytest.mark.parametrize("space", list(SPACE_SEPARATORS))
def test_space_separators_become_spaces(space):
    assert inv(f"5{space}km") == "5 km"


def test_text_without_such_characters_is_returned_as_is():
    for text in ("plain ascii", "Grüße, “quoted” — fine…", "你好，世界"):
        assert inv(text) is text


def test_hidden_junk_is_found_by_the_rules_after_cleaning():
    text = "A sentence of the article.\n\nAdvert\u200bise\u00adment\n\nThe article goes on.\n"
    assert cleantext.clean(text) == "A sentence of the article.\n\nThe article goes on.\n"
    assert "Advert" in Pipeline(["whitespace", "advertisement"]).clean(text)


_ALPHABET = st.sampled_from(list("ab ") + list(REMOVED) + list(SPACE_SEPARATORS)
                            + ["\u200c", "\u200d", "👩", "\ufe0f", "ی", "क", "\u200e"])


@settings(max_examples=800, deadline=None)
@given(st.text(_ALPHABET, max_size=30))
def test_invisible_is_idempotent_and_leaves_no_removed_character(text):
    once = inv(text)
    assert inv(once) == once
    assert not set(once) & set(REMOVED + SPACE_SEPARATORS)
