"""What every family promises together: the negative corpus passes untouched,
the fixture articles clean to their expected text, the default chain is
idempotent, reason ids are documented and the phrase files are complete."""
import re
from pathlib import Path

import pytest

import cleantext
from cleantext import default_pipeline
from cleantext.defaults import FAMILY_FILTERS, families_pipeline
from cleantext.lexicon import PHRASE_DIR, builtin_languages, phrase_lists, phrases

from conftest import FIXTURES, ROOT, SHARED

NEGATIVE = sorted((FIXTURES / "negative").glob("*.txt"))
ARTICLES = sorted((FIXTURES / "articles").glob("*.txt"))
SEEDS = sorted((SHARED / "data" / "seeds" / "input").glob("*.txt"))
TABLES = ("navigation", "advertisement", "signup", "caption", "bio", "dateline", "related",
          "tracking")


@pytest.mark.parametrize("path", NEGATIVE, ids=lambda p: p.name)
def test_negative_corpus_passes_untouched(path):
    res = cleantext.explain(path.read_text(encoding="utf-8"))
    assert res.removals == (), [(r.reason, r.text) for r in res.removals]
    assert res.text == res.normalized


def test_negative_corpus_covers_the_trigger_words():
    text = " ".join(p.read_text(encoding="utf-8").lower() for p in NEGATIVE)
    for word in ("subscribe", "cookies", "advertisement", "author", "photo", "share", "related",
                 "copyright", "follow"):
        assert word in text


@pytest.mark.parametrize("path", [p for p in ARTICLES if (p.parent / "expected" / p.name).exists()],
                         ids=lambda p: p.name)
def test_fixture_articles_clean_to_expected(path):
    want = (path.parent / "expected" / path.name).read_text(encoding="utf-8")
    assert cleantext.clean(path.read_text(encoding="utf-8")) == want


@pytest.mark.parametrize("path", ARTICLES + NEGATIVE + SEEDS, ids=lambda p: p.name)
def test_default_chain_is_idempotent(path):
    once = cleantext.clean(path.read_text(encoding="utf-8"))
    assert cleantext.clean(once) == once


def test_families_pipeline_is_the_default_chain_families():
    """The default chain minus the boilerplate classifier, in the default order."""
    assert families_pipeline().names == ("encoding", "invisible", "whitespace", *FAMILY_FILTERS, "settle")
    assert families_pipeline().names == tuple(n for n in default_pipeline().names if n != "boilerplate")
    assert "boilerplate" in default_pipeline().names


def test_every_reason_id_is_documented():
    doc = (ROOT / "docs" / "filters.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `([a-z]+)` \| `([a-z]+)` \| `([a-z-]+)` \|", doc, re.M))
    assert rows, "docs/filters.md has no reason table"
    src = ""
    for name in FAMILY_FILTERS:
        src += (ROOT / "cleantext" / "filters" / f"{name}.py").read_text(encoding="utf-8")
    used = set(re.findall(r'"([a-z]+(?:-[a-z]+)+|ad-label)"', src))
    documented = {r for _f, _k, r in rows}
    assert used <= documented, used - documented


@pytest.mark.parametrize("lang", builtin_languages())
def test_phrase_files_have_every_table(lang):
    for table in TABLES:
        assert phrase_lists(table, "labels" if table not in ("caption", "dateline", "tracking")
                            else {"caption": "credits", "dateline": "months",
                                  "tracking": "params"}[table], (lang,))


def test_required_languages_are_built_in():
    assert {"en", "de", "fr", "es", "it", "pt", "nl", "pl"} <= set(builtin_languages())


@pytest.mark.parametrize("lang", builtin_languages())
def test_month_lists_have_twelve_entries(lang):
    for key in ("months", "months_short"):
        ((_path, names),) = phrase_lists("dateline", key, (lang,))
        assert len(names) == 12, (lang, key)
    for alt in phrases("dateline", "months_alt", (lang,)):
        name, _, num = alt.rpartition("=")
        assert name and 1 <= int(num) <= 12


def test_phrase_dir_holds_only_language_files():
    assert all(re.fullmatch(r"[a-z]{2}\.toml", p.name) for p in PHRASE_DIR.iterdir())


def test_no_filter_marks_what_another_already_removed():
    for path in ARTICLES:
        res = cleantext.explain(path.read_text(encoding="utf-8"))
        blocks = [r.block for r in res.removals if r.scope == "block"]
        assert len(blocks) == len(set(blocks))
        assert res.rebuild() == res.normalized


BIO_THEN_NAV = ("The council voted on Monday evening to approve a budget that is four percent "
                "smaller than last year, after a long meeting.\n\n"
                "Jane Doe is a reporter at the paper\n\nBack to top\n")


def test_settle_removes_what_a_second_run_would():
    # "Back to top" (navigation, which runs last) hides the bio from the
    # bylines' end-of-text scan; once it is gone, the bio is at the end.  (With a
    # full stop the bio would go at once: a bio above a line that is not prose.)
    res = cleantext.explain(BIO_THEN_NAV)
    assert [(r.filter, r.kind.value, r.reason) for r in res.removals] == [
        ("settle", "bio", "author-bio"), ("navigation", "navigation", "nav-label")]
    assert res.metadata["author"] == "Jane Doe"
    assert cleantext.clean(res.text) == res.text


def test_settle_reruns_only_the_families_that_ran_with_their_options():
    text = "Anzeige\n\nDer Rat tagte am Montag.\n\nAnzeige\n"
    assert cleantext.clean(text, pipeline=default_pipeline().without("advertisement")) == text
    only_en = default_pipeline().configure("advertisement", languages=("en",))
    assert cleantext.clean(text, pipeline=only_en) == text


@pytest.mark.skipif(not (SHARED / "data").exists(), reason="shared data not beside the clone")
def test_default_chain_is_idempotent_on_real_pages():
    pages = sorted((SHARED / "data" / "trafilatura-eval" / "fulltext").glob("*.txt"))[::25]
    for path in pages:
        once = cleantext.clean(path.read_text(encoding="utf-8"))
        assert cleantext.clean(once) == once, path.name


@pytest.mark.skipif(not (SHARED / "data").exists(), reason="shared data not beside the clone")
def test_settle_shortcuts_change_nothing_on_real_pages(monkeypatch):
    # settle runs each family's detect_again, which skips the rules that look at a
    # line alone (they found all they could the first time): the same as rerunning
    # the whole detect
    from cleantext.filters.base import BlockFilter
    pages = sorted((SHARED / "data" / "trafilatura-eval" / "fulltext").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in pages]
    fast = [[(r.filter, r.reason, r.text) for r in cleantext.explain(t).removals] for t in texts]
    for cls in {type(f) for f in default_pipeline().filters if isinstance(f, BlockFilter)}:
        monkeypatch.setattr(cls, "detect_again", cls.detect)
    full = [[(r.filter, r.reason, r.text) for r in cleantext.explain(t).removals] for t in texts]
    assert fast == full


def test_threads_give_the_same_results():
    from concurrent.futures import ThreadPoolExecutor
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES + SEEDS] * 4
    want = [cleantext.clean(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as ex:
        assert list(ex.map(cleantext.clean, texts)) == want
