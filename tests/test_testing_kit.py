"""The testing kit itself: invariants catch what they claim, strategies make what they claim."""
import dataclasses
import random
import subprocess
import sys
import unicodedata
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleantext
from cleantext import BlockFilter, BlockMark, Kind, Pipeline
from cleantext.filters._match import fold, phrase_set
from cleantext.testing import (Noise, article_paragraphs, assert_audit_complete,
                               assert_deletion_only, assert_idempotent, assert_keeps,
                               assert_removal_rate, assert_removes, covered_kinds, noise_blocks,
                               noise_kinds, noisy_articles, removal_rate, tracking_urls)
from cleantext.testing import vocabulary as vocab
from cleantext.testing.invariants import blocks
from cleantext.testing.prose import write

from conftest import SHARED

FEW = settings(max_examples=60)

# ----------------------------------------------------------------------------- invariants


def test_idempotent_catches_a_cleaner_that_keeps_changing():
    assert_idempotent(cleantext.clean, "Advertisement\n\nText.\n")
    with pytest.raises(AssertionError, match=r"not idempotent.*line 1: first pass 'Text\.!'"):
        assert_idempotent(lambda t: t.strip() + "!", "Text.")


def test_deletion_only_catches_rewriting_and_inventing():
    text = "Advertisement\n\nFirst paragraph.\n\nSecond paragraph.\n"
    assert assert_deletion_only(cleantext.clean, text) == "First paragraph.\n\nSecond paragraph.\n"
    with pytest.raises(AssertionError, match="output block 0 'ADVERTISEMENT' is not a \\(possibly cut\\) copy"):
        assert_deletion_only(lambda t: t.upper(), text)
    with pytest.raises(AssertionError, match="output block 3 'Invented.' is not .* after input block 3"):
        assert_deletion_only(lambda t: t + "Invented.\n", text)
    with pytest.raises(AssertionError, match="output block 1 'First paragraph.'"):  # reordering
        assert_deletion_only(lambda t: "Second paragraph.\nFirst paragraph.\n", text)


def test_deletion_only_accepts_cut_spans_unless_told_not_to():
    text = "See https://example.org/a?utm_source=x now.\n"
    cut = lambda t: t.replace("?utm_source=x", "")  # noqa: E731
    assert_deletion_only(cut, text)
    with pytest.raises(AssertionError, match="not equal to any input block"):
        assert_deletion_only(cut, text, spans=False)


def test_deletion_only_compares_with_the_normalized_input():
    # Encoding and whitespace repair are not rewriting.
    assert_deletion_only(cleantext.clean, "  caf\u00c3\u00a9\u00a0au\tlait \r\n")


def test_audit_complete_catches_every_kind_of_tampering():
    r = cleantext.explain("Advertisement\n\nThe council met.\n")
    assert_audit_complete(r)
    with pytest.raises(AssertionError, match="render\\(\\) differs from result.text"):
        assert_audit_complete(dataclasses.replace(r, text="Something else.\n"))
    bad = r.removals[0]._replace(text="Sponsored")
    with pytest.raises(AssertionError, match="records 'Sponsored' but normalized\\[0:13\\]"):
        assert_audit_complete(dataclasses.replace(r, removals=(bad,)))
    with pytest.raises(AssertionError, match="between blocks is not whitespace"):
        assert_audit_complete(dataclasses.replace(r, normalized="Advertisement\nXThe council met.\n"))


def test_keeps_shows_the_lost_paragraph_and_where_it_differs():
    text = "Head\n\nThe council met on Monday.\n\nIt voted.\n"
    assert_keeps(cleantext.clean, text, ["Head", "The council met on Monday.", "It voted."])
    with pytest.raises(AssertionError, match=r"paragraph 1 'The council met on Monday\.'.*"
                                             r"differ at character 19"):
        assert_keeps(lambda t: t.replace("Monday", "Friday"), text, ["Head", "The council met on Monday."])
    with pytest.raises(AssertionError, match="out of order"):
        assert_keeps(cleantext.clean, text, ["It voted.", "Head"])
    with pytest.raises(AssertionError, match="the output is empty"):
        assert_keeps(lambda t: "", text, ["Head"])


def test_removes_checks_lines_whole_and_inline_noise_anywhere():
    text = "Advertisement\n\nAd blockers are common.\n\nSee https://example.org/?utm_source=x here.\n"
    assert_removes(cleantext.clean, text, ["Advertisement", "  Advertisement "])
    with pytest.raises(AssertionError, match="noise kept: 'Ad blockers are common.'"):
        assert_removes(cleantext.clean, text, ["Ad blockers are common."])
    inline = Noise(Kind.TRACKING, "utm_source=x", "inline", "utm_source=x")
    assert_removes(cleantext.clean, text, [inline])
    keeps_urls = Pipeline(["whitespace", "advertisement"]).clean
    with pytest.raises(AssertionError, match=r"noise kept \(tracking, inline\): 'utm_source=x'"):
        assert_removes(keeps_urls, text, [inline])
    assert_removes(lambda t: t.replace("?utm_source=x", ""), text, [inline])


def test_invariants_need_no_hypothesis():
    code = ("import sys, cleantext; assert 'hypothesis' not in sys.modules and 'pytest' not in sys.modules\n"
            "from cleantext.testing import assert_idempotent, assert_keeps\n"
            "assert 'hypothesis' not in sys.modules\n"
            "from cleantext.testing import noisy_articles; assert 'hypothesis' in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)


# ----------------------------------------------------------------------------- strategies

_TERMINAL = (".", "!", "?", "”", "“", "\"", "»", "'", "’")


@FEW
@given(article_paragraphs())
def test_article_paragraphs_read_like_an_article(paras):
    headline, body = paras[0], paras[1:]
    assert headline[-1] not in ".!?" and headline[0].isupper()
    prose = [p for p in body if p.endswith(_TERMINAL)]
    heads = [p for p in body if not p.endswith(_TERMINAL)]
    assert len(prose) >= 3 and len(heads) <= 2
    assert prose[0] == body[0] and prose[-1] == body[-1]  # subheadings only in between
    for p in prose:
        assert p.count(". ") + p.count("? ") + p.count("” ") + p.count("» ") >= 1  # several sentences
    for p in paras:
        assert "\n" not in p and "  " not in p and p == p.strip()
        assert unicodedata.is_normalized("NFC", p)


@pytest.mark.parametrize("lang", vocab.languages())
def test_every_template_of_every_language_can_be_written(lang):
    rng = random.Random(0)
    data = vocab.vocabulary(lang)
    for table in ("prose", "noise"):
        for key, values in data[table].items():
            for v in values:
                assert unicodedata.is_normalized("NFC", v), (lang, key, v)
                if "{" in v:
                    out = write(rng, v, lang, url="https://example.org/x")
                    assert "{" not in out and "  " not in out, (lang, key, out)
    assert vocab.languages() == ("de", "en", "es", "fr", "it", "nl", "pl", "pt")


@pytest.mark.parametrize("kind", noise_kinds(), ids=lambda k: k.value)
def test_noise_blocks_are_single_lines_of_their_family(kind):
    phrases = phrase_set(p for lang in vocab.phrase_languages()
                         for p in vocab.line_phrases(kind.value, lang))

    @FEW
    @given(noise_blocks(kind))
    def check(line):
        assert line.strip() and "\n" not in line and "\r" not in line
        if phrases and fold(line) in phrases:
            return
        # A structural form, or a phrase with a name after a prefix.
        assert kind in (Kind.CAPTION, Kind.BIO, Kind.DATELINE, Kind.TRACKING) or \
            vocab.prefix_phrases(kind.value, "en"), line

    check()


def test_phrase_noise_comes_from_the_filters_data_files():
    labels = phrase_set(p for lang in vocab.phrase_languages()
                        for p in vocab.line_phrases("advertisement", lang))
    completed = [fold(p) for p in vocab.prefix_phrases("advertisement", "pl")]

    @FEW
    @given(noise_blocks("advertisement", language="pl"))
    def check(line):
        # a whole-line phrase of the language, or a line a template completes around one
        assert (fold(line) in labels and fold(line) in phrase_set(vocab.line_phrases("advertisement", "pl"))
                or any(p in fold(line) for p in completed))

    check()


def test_noise_kinds_follow_the_phrase_tables(tmp_path, monkeypatch):
    (tmp_path / "en.toml").write_text('[navigation]\nlabels = ["Skip to content"]\n'
                                      '[advertisement]\nlabels = ["Advertisement"]\n'
                                      'shape_patterns = ["^ad$"]\n', encoding="utf-8")
    monkeypatch.setattr(vocab, "PHRASE_DIR", tmp_path)
    for fn in (vocab.phrase_languages, vocab.phrase_kinds, vocab.phrase_lists, vocab.line_phrases,
               vocab.completed_phrases, vocab.prefix_phrases, vocab._load):
        fn.cache_clear()
    import cleantext.testing.noise as noise_mod
    noise_mod.noise_kinds.cache_clear()
    try:
        assert Kind.NAVIGATION in noise_mod.noise_kinds()
        assert vocab.line_phrases("advertisement", "en") == ("Advertisement",)  # patterns skipped
    finally:
        monkeypatch.undo()
        for fn in (vocab.phrase_languages, vocab.phrase_kinds, vocab.phrase_lists,
                   vocab.line_phrases, vocab.completed_phrases, vocab.prefix_phrases, vocab._load,
                   noise_mod.noise_kinds):
            fn.cache_clear()


def test_unknown_family_is_a_clear_error():
    with pytest.raises(ValueError, match="no noise generator for kind 'boilerplate'"):
        noise_blocks(Kind.BOILERPLATE)


@FEW
@given(tracking_urls())
def test_tracking_urls(url):
    assert url.noisy.startswith(url.clean) and url.params
    assert all(p.split("=")[0].startswith(("utm_", "fbclid", "gclid")) for p in url.params)
    assert url.noisy.count("?") == 1


@FEW
@given(noisy_articles(mojibake=False, invisible=False, whitespace=False, inline=False, links=False))
def test_undamaged_articles_hold_their_paragraphs_and_noise_verbatim(case):
    lines = blocks(case.text)
    pos = 0
    for p in case.paragraphs:
        pos = lines.index(p, pos) + 1
    assert len(lines) == len(case.paragraphs) + len(case.noise)
    for n in case.noise:
        assert n.text in lines and n.raw in case.text
    first, last = lines.index(case.paragraphs[0]), len(lines) - 1 - lines[::-1].index(case.paragraphs[-1])
    for n in case.noise:
        at = [i for i, line in enumerate(lines) if line == n.text]
        if n.place == "top":
            assert min(at) < first
        elif n.place == "footer":
            assert max(at) > last
    # Every noise line sits in one of its places: top noise above the
    # headline, footer noise below the last paragraph, as many as inserted.
    for place, where in (("top", range(0, first)), ("footer", range(last + 1, len(lines)))):
        assert sorted(lines[i] for i in where) == sorted(n.text for n in case.noise if n.place == place)


@FEW
@given(noisy_articles(kinds=[]))
def test_no_kinds_no_noise(case):
    assert case.noise == ()
    assert_keeps(cleantext.clean, case.text, case.paragraphs)


@FEW
@given(noisy_articles(kinds=["tracking"], min_noise=1))
def test_inline_tracking_is_in_the_text_and_not_in_the_expected_paragraphs(case):
    for n in case.noise:
        if n.inline:
            assert n.text in case.text.replace("\r", "")
            assert not any(n.text in p for p in case.paragraphs)


# ----------------------------------------------------------------------------- rates


@dataclass(frozen=True)
class DropExact(BlockFilter):
    """Drop lines equal to one word (a deliberately weak ad filter)."""

    name = "drop-exact"
    kinds = (Kind.SIGNUP,)

    def detect(self, doc):
        for b in doc.kept():
            if b.text == "Advertisement":
                yield BlockMark(b.index, Kind.SIGNUP, "exact", b.text)


def test_covered_kinds_come_from_the_filters():
    assert covered_kinds(cleantext.default_pipeline()) == (
        Kind.NAVIGATION, Kind.ADVERTISEMENT, Kind.SIGNUP, Kind.CAPTION, Kind.BIO, Kind.DATELINE,
        Kind.RELATED, Kind.TRACKING, Kind.BOILERPLATE)
    assert covered_kinds(Pipeline(["whitespace", "advertisement"])) == (Kind.ADVERTISEMENT,)
    assert covered_kinds(Pipeline(["whitespace", DropExact()])) == (Kind.SIGNUP,)


def test_removal_rate_counts_misses_and_reports_them():
    stats = removal_rate(cleantext.clean, "advertisement", examples=30)
    assert stats.cases >= 15 and stats.rate == 1.0
    weak = Pipeline(["whitespace", DropExact()]).clean
    with pytest.raises(AssertionError, match=r"removal rate below 99%: advertisement: removed in "
                                             r"\d+/\d+ cases.*\n  kept \("):
        assert_removal_rate(weak, "advertisement", examples=30)


# ----------------------------------------------------------------------------- own data


def test_kit_vocabularies_share_no_sentence_with_the_shared_seeds():
    seeds = SHARED / "data" / "seeds" / "input"
    if not seeds.is_dir():
        pytest.skip("shared data not beside the repository")
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in seeds.glob("*.txt")).casefold()
    for lang in vocab.languages():
        for key, values in vocab.prose(lang).items():
            for v in values:
                for piece in v.replace("}", "{").split("{")[::2]:
                    if len(piece) >= 25:
                        assert piece.casefold() not in corpus, (lang, key, piece)


# ----------------------------------------------------------------------------- pytest plugin

_PLUGIN_TEST = '''
import os
from hypothesis import settings

def test_fixtures(cleantext_pipeline, cleantext_clean):
    assert "advertisement" in cleantext_pipeline
    assert cleantext_clean("Advertisement\\n\\nText.\\n") == "Text.\\n"

def test_profile():
    assert settings.default.max_examples == int(os.environ["EXPECTED_EXAMPLES"])
'''


def _pytest(tmp_path, *args, env=(), ini=""):
    (tmp_path / "test_uses_plugin.py").write_text(_PLUGIN_TEST, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n" + ini, encoding="utf-8")
    environ = {k: v for k, v in __import__("os").environ.items() if k != "CLEANTEXT_PROFILE"}
    environ.update(env)
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
                          cwd=tmp_path, env=environ, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args, env, ini, examples", [
    ((), {}, "", 100),  # nothing selected: hypothesis's own default stays
    (("--cleantext-profile=cleantext-dev",), {"CLEANTEXT_PROFILE": "cleantext-long"}, "", 100),
    ((), {"CLEANTEXT_PROFILE": "cleantext-long"}, "cleantext_profile = cleantext-ci\n", 20000),
], ids=["none", "option-beats-env", "env-beats-ini"])
def test_plugin_fixtures_and_profile_selection(tmp_path, args, env, ini, examples):
    run = _pytest(tmp_path, *args, env={"EXPECTED_EXAMPLES": str(examples), **env}, ini=ini)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 passed" in run.stdout
    assert ("cleantext: hypothesis profile" in run.stdout) == bool(args or env or ini)


def test_plugin_rejects_an_unknown_profile(tmp_path):
    run = _pytest(tmp_path, "--cleantext-profile=nightly", env={"EXPECTED_EXAMPLES": "0"})
    assert run.returncode == 4
    assert "unknown cleantext profile 'nightly'" in run.stderr


@settings(max_examples=1)
@given(st.data())
def test_noisy_articles_reject_a_family_without_generator(data):
    with pytest.raises(ValueError, match="no noise generator for boilerplate"):
        data.draw(noisy_articles(kinds=["boilerplate"]))
