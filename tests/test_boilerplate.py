"""The boilerplate classifier for full-page text (cleantext.filters.boilerplate)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import cleantext
from cleantext import Kind, Pipeline, default_pipeline
from cleantext.boilerplate import features, language, model, region
from cleantext.boilerplate.features import FEATURES, PageLines, line_features
from cleantext.boilerplate.model import MODEL_PATH, dot_scores, load_weights, page_scores
from cleantext.defaults import MIN_REMOVED_SHARE, fulltext_pipeline
from cleantext.document import split_blocks
from cleantext.filters._context import is_prose, prose_chars
from cleantext.filters.boilerplate import Boilerplate, menu_flags

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"

FULLPAGES = sorted((FIXTURES / "fullpage").glob("*.txt"))
# clean article text: the fixture articles' expected outputs (their inputs carry page furniture),
# the articles that have none, and the negative corpus
CLEAN_TEXTS = (sorted((FIXTURES / "articles" / "expected").glob("*.txt"))
               + [p for p in sorted((FIXTURES / "articles").glob("*.txt"))
                  if not (FIXTURES / "articles" / "expected" / p.name).exists()]
               + sorted((FIXTURES / "negative").glob("*.txt")))
SEEDS = SHARED / "data" / "seeds"
EVAL = SHARED / "data" / "trafilatura-eval"
REASONS = {"outside-main-region", "menu-run", "low-content-score"}


def lines_of(text: str) -> list[str]:
    return [b.text for b in split_blocks(text)]


def removals(text: str, pipe: Pipeline | None = None):
    return [r for r in cleantext.explain(text, pipeline=pipe).removals if r.filter == "boilerplate"]


# ----------------------------------------------------------------- full pages


@pytest.mark.parametrize("path", FULLPAGES, ids=lambda p: p.name)
def test_full_page_keeps_article_and_drops_furniture(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    res = cleantext.explain(text)
    out = lines_of(res.text)
    src = lines_of(text)
    paragraphs = [ln for ln in src if len(ln) > 120]
    assert paragraphs
    # the article is the headline (the line before the first paragraph, after the breadcrumb)
    # through its last sentence, subheadings included: exactly that stays
    first = src.index(paragraphs[0])
    last = max(i for i, ln in enumerate(src) if ln.endswith("."))
    assert last >= src.index(paragraphs[-1])
    assert out == src[first - 1:last + 1]
    # menus, breadcrumb, teaser lists and footers all go, each with a filter and a reason;
    # the noise families name what they can, the classifier takes the rest
    by_block = {r.block: r for r in res.removals if r.scope == "block"}
    furniture = [i for i in range(len(src)) if not first - 1 <= i <= last]
    assert len(furniture) >= 15
    assert all(i in by_block and by_block[i].filter and by_block[i].reason for i in furniture)
    gone = [r for r in res.removals if r.filter == "boilerplate"]
    assert {r.kind for r in gone} <= {Kind.BOILERPLATE}
    assert {r.reason for r in gone} <= REASONS
    assert res.rebuild() == res.normalized
    assert res.metadata["language"] in {"en", "de"}


@pytest.mark.parametrize("path", FULLPAGES, ids=lambda p: p.name)
def test_full_page_cleaning_is_idempotent_and_deterministic(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    once = cleantext.clean(text)
    assert cleantext.clean(once) == once
    assert cleantext.clean(text) == once


def test_language_is_detected_per_page() -> None:
    by_name = {p.name: PageLines(lines_of(p.read_text(encoding="utf-8"))).language for p in FULLPAGES}
    assert by_name["harbour-ferry-en.txt"] == "English"
    assert by_name["stadtbad-de.txt"] == "German"


def test_language_free_fallback_uses_the_page_s_own_frequent_words() -> None:
    words = ("zq kx vw zq kx qj zq vw xq kx zq qj wx zq kx vw").split() * 3
    name, stop = language.stopwords_for(words)
    assert name == "unknown"
    assert {"zq", "kx"} <= stop
    assert language.stopwords_for([]) == ("unknown", frozenset())


# ----------------------------------------------------------------- safety on clean text


@pytest.mark.parametrize("path", CLEAN_TEXTS, ids=lambda p: p.name)
def test_clean_article_text_is_untouched(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert removals(text) == []
    assert not Boilerplate().looks_like_full_page(lines_of(text))


FOOTER = ["About us", "Advertise", "Privacy", "Terms of use", "Careers"]


def test_only_runs_of_menu_like_lines_make_a_page() -> None:
    gate = Boilerplate(min_menu_lines=0).looks_like_full_page
    assert gate(["Home", "News", "Sport", "Culture", "Weather"])
    assert not gate(["Home", "News", "Sport", "Culture"])
    assert not gate(["One.", "Two!", "Three?", "Four.", "Five…"])  # short sentences
    assert not gate(list("abcdefgh"))  # a column of single characters
    assert not gate(["Home", "News", "Sport", "Yes.", "Culture", "Weather"])


def test_a_page_has_more_menu_like_lines_than_one_list() -> None:
    gate = Boilerplate().looks_like_full_page
    menu = ["Home", "News", "Sport", "Culture", "Weather"]
    assert Boilerplate().min_menu_lines == 10
    assert not gate(menu)
    assert not gate(menu + ["A paragraph of the article, long enough to end like one."] + FOOTER[:4])
    assert gate(menu + ["A paragraph of the article, long enough to end like one."] + FOOTER)


def test_list_items_and_table_rows_are_not_menu_lines() -> None:
    gate = Boilerplate(min_menu_lines=0).looks_like_full_page
    for mark in "-*+•·–":
        assert not gate([f"{mark} {item}" for item in ("Flour", "Eggs", "Milk", "Salt", "Butter", "Sugar")])
    assert not gate([f"| {n} g | {item} |" for n, item in enumerate(("Flour", "Sugar", "Butter", "Salt", "Nuts"))])
    # a marker glued to the word, or a separator inside the line, is not a list or a table
    assert gate(["-Home", "*News", "Sport |", "| Culture", "Weather"])
    assert menu_flags(["- Flour", "| a | b |", "Home", "--", "||"], 40) == bytes([0, 0, 1, 1, 0])


ARTICLE_WITH_LIST = """Steinwalde approves 55 new flats at the old station

The council of Birkenfelde approved 47 new housing projects on Thursday after a long debate. Critics think the timetable is too ambitious and would rather spend the money on schools. Residents are invited to a meeting at the town hall on Friday evening.

The project includes:

{items}

Mixed reactions

Felix Kohlhaas has lived in Birkenfelde for 87 years and still remembers the old station. The university now expects costs 40 percent higher than planned in 2018.
"""
ITEMS = ("120 flats", "two nurseries", "a supermarket", "an underground car park", "a park")


@pytest.mark.parametrize("items", [[f"- {i}" for i in ITEMS], [f"| {i} | yes |" for i in ITEMS], list(ITEMS)],
                         ids=["bulleted list", "table", "plain list"])
def test_an_article_with_a_list_or_table_passes_untouched(items: list[str]) -> None:
    # a run of five short lines inside an article: a list, a table, or too few short lines for a page
    text = ARTICLE_WITH_LIST.format(items="\n".join(items))
    assert removals(text) == []
    assert cleantext.clean(text) == text


def test_the_classifier_removes_nothing_rather_than_most_of_the_prose() -> None:
    page = (FIXTURES / "fullpage" / "harbour-ferry-en.txt").read_text(encoding="utf-8")
    teasers = ("\n\nMore from Local News\n\nCouncil delays bridge repairs again\n\n"
               "The council has once more postponed the repair of the two old bridges over the river, citing "
               "rising costs and a shortage of engineers who are able to take on the work this year.\n\n"
               "Read more\n\nSchool garden wins national prize\n\n"
               "Pupils at the primary school on the hill have won a national prize for the vegetable garden "
               "they built behind the gym, and they plan to spend the money on a greenhouse.\n\nRead more\n")
    text = page + teasers
    gone = {r.text for r in removals(text)}
    # the teasers are prose the classifier drops as they stand outside the article ...
    assert any(t.startswith("Pupils at the primary school") for t in gone)
    # ... and a share of the page's prose: with a limit below that share it removes nothing at all
    for limit in (0.0, 0.05):
        strict = default_pipeline().configure("boilerplate", max_prose_drop=limit)
        assert removals(text, strict) == []
    assert {r.text for r in removals(text, default_pipeline().configure("boilerplate", max_prose_drop=None))} == gone


def test_prose_share_decision() -> None:
    para = "A line that reads like a paragraph of an article: it is long enough, and it ends in a full stop."
    other = "Another paragraph of the same article, which is also long enough to count, and ends like one."
    assert is_prose(para) and is_prose(other) and len(para) > len(other)
    half = Boilerplate(max_prose_drop=0.5)._drops_most_prose
    assert not half([para, other, "Home"], ["Home"])          # no prose dropped
    assert not half([para, para, other, other], [para])       # a quarter
    assert half([para, other, "Home"], [para, "Home"])       # just over half
    assert not half([para, other, "Home"], [other, "Home"])  # just under half
    assert half([para, "Home"], [para])                      # all of it
    assert not Boilerplate(max_prose_drop=None)._drops_most_prose([para], [para])


def test_headings_between_paragraphs_do_not_make_a_page_look_full() -> None:
    para = ("The committee met for the third time this month and agreed on a plan that "
            "will be put to a vote next week, after a long debate about costs.")
    text = "\n\n".join([para, "A short heading", para, "Another heading", "One more", para]) + "\n"
    assert removals(text) == []
    assert cleantext.clean(text) == text


@pytest.mark.skipif(not SEEDS.exists(), reason="needs ../shared/data/seeds beside the repository")
def test_seed_content_lines_are_never_removed_by_the_classifier() -> None:
    labels = json.loads((SEEDS / "labels.json").read_text(encoding="utf-8"))
    for pipe in (default_pipeline(), fulltext_pipeline()):
        for name, items in labels.items():
            raw = (SEEDS / "input" / name).read_text(encoding="utf-8")
            gone = {r.text for r in removals(raw, pipe)}
            content = [" ".join(it["text"].split()) for it in items if it["label"] == "content"]
            lost = [c for c in content if c in gone]
            assert not lost, (pipe.names, name, lost)
            expected = (SEEDS / "expected" / name).read_text(encoding="utf-8")
            assert removals(expected, pipe) == []


@pytest.mark.skipif(not SEEDS.exists(), reason="needs ../shared/data/seeds beside the repository")
def test_seeds_check_keeps_all_content_with_the_default_chain() -> None:
    out = subprocess.run([sys.executable, str(SHARED / "bench" / "seeds_check.py"), "--py", "cleantext:clean"],
                         capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert re.search(r"content lines kept (\d+)/\1\b", out), out


# ----------------------------------------------------------------- the model


def test_fast_scores_equal_the_reference_dot_products() -> None:
    w = load_weights()
    pages = [lines_of(p.read_text(encoding="utf-8")) for p in FULLPAGES]
    pages.append(["x"] * 3 + ["A line of text that is long enough to be split for stopwords."] * 2)
    pages.append(["word " * 400, "|", "12 34", "Title Case Line Here"])
    for texts in pages:
        page = PageLines(texts)
        fast = page_scores(page, w)
        ref = dot_scores(line_features(page), w)
        assert fast == pytest.approx(ref, abs=1e-9)


def test_a_subset_of_a_page_measures_as_the_kept_lines_alone() -> None:
    texts = lines_of(FULLPAGES[0].read_text(encoding="utf-8"))
    whole = PageLines(texts)
    for keep in ([len(t) > 40 for t in texts], [i % 3 != 0 for i in range(len(texts))],
                 [i < 4 for i in range(len(texts))]):
        sub = whole.subset(keep)
        ref = PageLines([t for t, k in zip(texts, keep) if k])
        for name in PageLines.__slots__:
            assert getattr(sub, name) == getattr(ref, name), name


def test_shipped_model_matches_the_features() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURES
    assert len(data["weights"]) == len(FEATURES)
    assert data["trained_on"]["half"] == "tune"


def test_a_model_file_for_other_features_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "model.json"
    bad.write_text(json.dumps({"features": ["bias"], "weights": [0.0]}), encoding="utf-8")
    with pytest.raises(ValueError, match="do not match"):
        load_weights(str(bad))


@pytest.mark.skipif(not EVAL.exists(), reason="needs ../shared/data/trafilatura-eval beside the repository")
def test_shipped_model_is_reproduced_by_the_training_script() -> None:
    r = subprocess.run([sys.executable, str(ROOT / "tests" / "tools" / "train_boilerplate.py"), "--check"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr


# ----------------------------------------------------------------- region logic


def test_main_region_is_the_best_scoring_run() -> None:
    s = [-3, -3, 2, 3, -0.5, 2, -3, 1, -3]
    assert region.main_region(s, 0.0) == (2, 6)
    assert region.main_region([-1.0, -2.0], 0.0) == (0, 0)


def test_smoothing_lifts_a_weak_line_between_strong_ones() -> None:
    s = region.smooth([3.0, -1.0, 3.0], 0.5)
    assert s[1] == pytest.approx(0.5)
    assert region.smooth([1.0], 0.5) == [1.0]


def test_a_page_is_never_emptied() -> None:
    v = region.decide([-5.0, -4.0, -6.0], smoothing=0.0, region_threshold=0.0,
                      threshold_in=-1.0, threshold_out=0.5, fallback_margin=0.5)
    assert v.keep == [False, True, False]


def test_headline_search_skips_dates_and_separators() -> None:
    texts = ["Home | News", "Ferry back after long repair", "March 3, 2024.", "Body"]
    keep = [False, False, False, True]
    assert region.headline_above(texts, keep, [0.0] * 4, 3, lookback=2, min_words=3, min_score=-1) == 1
    assert keep == [False, True, False, True]


def test_headline_search_passes_over_short_and_kept_lines() -> None:
    # a kept standfirst, a "Save" button and a player's times stand between headline and body
    texts = ["Harbour ferry back after long repair", "What the repair means for the island's commuters",
             "Save", "00:00", "Share this on Mastodon", "Body"]
    scores = [0.0, 0.0, 0.0, 0.0, -3.0, 0.0]
    keep = [False, True, False, False, False, True]
    # within three lines above the body there is no title-like line ...
    assert region.headline_above(texts, list(keep), scores, 5, lookback=3, min_words=3, min_score=-1.5) is None
    # ... but shorter and kept lines do not count, up to ``reach`` lines above it
    found = list(keep)
    assert region.headline_above(texts, found, scores, 5, lookback=3, min_words=3, min_score=-1.5, reach=8) == 0
    assert found == [True, True, False, False, False, True]
    # only ``lookback`` dropped lines of three words or more are looked at
    menu = ["Harbour ferry back after long repair", "Politics and Elections Desk", "Local Business News Today",
            "Culture and Arts Weekly", "Body"]
    assert region.headline_above(menu, [False] * 4 + [True], [0.0, -3.0, -3.0, -3.0, 0.0], 4, lookback=3,
                                 min_words=3, min_score=-1.5, reach=8) is None


@pytest.mark.parametrize("line", [
    "Published 23.01.2020 at the town hall",   # a numeric date
    "Stammtisch at 20:00 in the club house",   # a clock time
    "113 25 Stockholm",                         # numbers and a single word
])
def test_dates_times_and_numbers_are_no_headline(line: str) -> None:
    keep = [False, True]
    assert region.headline_above([line, "Body"], keep, [0.0, 0.0], 1, lookback=3, min_words=3,
                                 min_score=-1.5) is None


def test_the_headline_above_a_standfirst_is_kept_too() -> None:
    headline = "Harbour ferry back after long repair"
    standfirst = "Operators blame a shortage of parts and a long winter for the delays of the last three months"
    texts = [headline, standfirst, "Save", "Body"]
    keep = [False, False, False, True]
    assert region.headline_above(texts, keep, [0.0] * 4, 3, lookback=3, min_words=3, min_score=-1.5,
                                 standfirst_words=10) == 1
    assert keep == [True, True, False, True]
    # a line found of fewer words is the headline itself: the blog's name above it stays out
    texts = ["Notes from a small garden", "The year we fixed the porch", "Body"]
    keep = [False, False, True]
    assert region.headline_above(texts, keep, [0.0] * 3, 2, lookback=3, min_words=3, min_score=-1.5,
                                 standfirst_words=10) == 1
    assert keep == [False, True, True]


PARA = ("The team is working with a regional water utility to field-test the sensor this spring, "
        "and hopes to license it to a manufacturer next year.")


@pytest.mark.parametrize("line", ["Next steps", "Side effects and risks", "What does the research say?"])
def test_a_short_heading_between_kept_paragraphs_stays(line: str) -> None:
    texts = [PARA, line, PARA]
    keep = [True, False, True]
    assert region.subheadings(texts, keep, [1.0, -1.5, 1.0], max_words=8, min_score=-3.0, paragraph=80) == [1]
    assert keep == [True, True, True]


@pytest.mark.parametrize("texts, keep, score", [
    ([PARA, "Next steps", PARA], [True, False, True], -3.5),            # too low a score
    ([PARA, "Next steps", PARA], [True, False, False], -1.5),           # nothing kept below
    ([PARA, "Next steps", "Share"], [True, False, True], -1.5),         # a label below, no paragraph
    ([PARA, "News | Sport | Weather", PARA], [True, False, True], -1.5),  # a menu
    ([PARA, "Weiterlesen", PARA], [True, False, True], -1.5),           # one word
    ([PARA, "17", PARA], [True, False, True], -1.5),                    # a count
    ([PARA, "The nine members of the council met again on Monday", PARA], [True, False, True], -1.5),  # 10 words
])
def test_other_lines_between_paragraphs_are_no_subheadings(texts, keep, score) -> None:
    assert region.subheadings(texts, keep, [1.0, score, 1.0], max_words=8, min_score=-3.0, paragraph=80) == []


def test_a_headline_above_its_byline_needs_a_lower_score() -> None:
    texts = ["Ferry back after long repair", "Body"]
    below = [True, False]
    keep = [False, True]
    # too low a score for a headline by itself ...
    assert region.headline_above(texts, keep, [-3.0, 0.0], 1, lookback=2, min_words=3, min_score=-1.5) is None
    # ... but enough above a byline or a date
    assert region.headline_above(texts, keep, [-3.0, 0.0], 1, lookback=2, min_words=3, min_score=-1.5,
                                 above_meta=below.__getitem__, meta_min_score=-4.0) == 0
    # not when it starts like a sentence's middle ("durch Jane Doe") or scores lower still
    for first, score in (("durch Jane Doe und Max Muster", -3.0), ("Ferry back after long repair", -5.0)):
        keep = [False, True]
        assert region.headline_above([first, "Body"], keep, [score, 0.0], 1, lookback=2, min_words=3,
                                     min_score=-1.5, above_meta=below.__getitem__, meta_min_score=-4.0) is None


def test_the_headline_above_a_byline_stays_on_a_page() -> None:
    menu = "\n".join(["Home", "World", "Politics", "Business", "Sport", "Culture", "Travel", "Video"])
    body = "\n\n".join(
        f"Paragraph {k}: the council voted on Monday evening to approve a budget that is four percent "
        f"smaller than last year's, after a long and at times heated meeting in the town hall." for k in range(6))
    footer = "\n".join(["Terms of Use", "Privacy Policy", "Cookies", "Contact us", "About us", "Careers"])
    text = (f"{menu}\n\nEurope\n\nCouncil approves smaller budget after long night\n\nBy Jane Doe\n\n"
            f"Example News\n\nPublished\n\n12 July 2022\n\n{body}\n\n{footer}\n")
    out = cleantext.clean(text)
    assert out.startswith("Council approves smaller budget after long night\n")
    assert "By Jane Doe" not in out and "Terms of Use" not in out
    # without the byline's cue its score alone does not keep it
    off = default_pipeline().configure("boilerplate", headline_meta_score=None)
    assert cleantext.clean(text, pipeline=off).startswith("Paragraph 0:")


def test_headline_and_standfirst_above_the_byline_stay_on_a_page() -> None:
    menu = "\n".join(["Home", "World", "Politics", "Business", "Sport", "Culture", "Travel", "Video"])
    body = "\n\n".join(
        f"Paragraph {k}: the council voted on Monday evening to approve a budget that is four percent "
        f"smaller than last year's, after a long and at times heated meeting in the town hall." for k in range(6))
    footer = "\n".join(["Terms of Use", "Privacy Policy", "Cookies", "Contact us", "About us", "Careers"])
    headline = "Council approves smaller budget after long night"
    standfirst = "Members blame rising costs and a shortfall in grants for the cuts to libraries and parks"
    text = (f"{menu}\n\n{headline}\n\n{standfirst}\n\nBy Jane Doe\n\n12 July 2022\n\nSave\n\nGift\n\n"
            f"{body}\n\n{footer}\n")
    assert cleantext.clean(text).startswith(f"{headline}\n\n{standfirst}\n\nParagraph 0:")
    # the standfirst alone was taken for the headline before
    off = default_pipeline().configure("boilerplate", headline_reach=None, headline_standfirst_words=None)
    assert cleantext.clean(text, pipeline=off).startswith(f"{standfirst}\n\nParagraph 0:")


def test_short_runs() -> None:
    assert features.short_runs([True, True, False, True]) == [2, 2, 0, 1]


# ----------------------------------------------------------------- options and edge cases


def test_options_and_profile() -> None:
    assert "boilerplate" in default_pipeline()
    assert fulltext_pipeline()["boilerplate"].min_menu_run == 0
    off = default_pipeline().configure("boilerplate", min_menu_run=10**6)
    text = FULLPAGES[0].read_text(encoding="utf-8")
    assert removals(text, off) == []


@pytest.mark.parametrize("text", ["", "\n\n", "x", "Home\n" * 50, "· · ·\n" * 10, "1\n2\n3\n4\n5\n6\n"])
def test_degenerate_pages_do_not_crash_and_keep_something(text: str) -> None:
    # the classifier never empties what it is given, gated or not ...
    for pipe in (Pipeline(["encoding", "invisible", "whitespace", "boilerplate"]),
                 Pipeline(["encoding", "invisible", "whitespace", Boilerplate(min_menu_run=0)])):
        res = cleantext.explain(text, pipeline=pipe)
        assert res.rebuild() == res.normalized
        if res.normalized.strip():
            assert res.text.strip()
    # ... and in the full chains every line that goes has a reason (a page that is nothing
    # but menu labels may be emptied by the navigation family)
    for pipe in (default_pipeline(), fulltext_pipeline()):
        res = cleantext.explain(text, pipeline=pipe)
        assert res.rebuild() == res.normalized
        assert all(r.filter and r.reason for r in res.removals)
        assert (len([r for r in res.removals if r.scope == "block"]) + len(lines_of(res.text))
                == len(lines_of(res.normalized)))
        if res.normalized.strip() and not res.text.strip():
            assert {r.kind for r in res.removals} == {Kind.NAVIGATION}, res.removals


def test_every_pattern_is_a_precompiled_module_constant_without_nested_quantifiers() -> None:
    pats = [v for mod in (features, model, region) for v in vars(mod).values() if isinstance(v, re.Pattern)]
    assert pats
    for p in pats:
        assert not re.search(r"[+*}]\)?[+*{]", p.pattern), p.pattern


def test_cli_input_fulltext_profile(tmp_path: Path) -> None:
    from cleantext.cli import build_parser, make_pipeline

    auto = make_pipeline(build_parser().parse_args([]))
    full = make_pipeline(build_parser().parse_args(["--input", "fulltext"]))
    assert auto["boilerplate"].min_menu_run > 0
    assert full["boilerplate"] == fulltext_pipeline()["boilerplate"]
    page = tmp_path / "page.txt"
    page.write_text(FULLPAGES[0].read_text(encoding="utf-8"), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "cleantext", "--input", "fulltext", str(page)],
                         capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out == cleantext.clean(page.read_text(encoding="utf-8"), pipeline=fulltext_pipeline())


@pytest.mark.skipif(not EVAL.exists(), reason="needs ../shared/data/trafilatura-eval beside the repository")
def test_cleaning_full_pages_is_idempotent() -> None:
    """Every fourth development page: a second clean changes nothing."""
    files = sorted((EVAL / "fulltext").glob("*.txt"))[::4]
    assert len(files) > 200
    for path in files:
        once = cleantext.clean(path.read_text(encoding="utf-8"))
        assert cleantext.clean(once) == once, path.name


def test_prose_chars_counts_the_characters_of_prose_lines() -> None:
    lines = ["x" * 200, "y" * 199, "A sentence of ninety characters or more, ending as one does. " + "z" * 30 + ".",
             "w" * 88 + ".", "", "Home"]
    assert prose_chars(lines) == sum(len(t) for t in lines if is_prose(t)) == 200 + 92
    assert prose_chars([]) == 0


RECIPE = ("Sweet almond rolls\n\nFor the dough\n\n{dough}\n\n"
          "Mix the flour with the yeast in a large bowl, then add the warm milk and the melted butter "
          "and knead everything into a smooth, elastic dough.\n\n"
          "Leave the dough to rise in a warm place for about forty minutes, until it has visibly doubled "
          "in size, and preheat the oven in the meantime.\n\nFor the topping\n\n{topping}\n\n"
          "Bake the rolls on the middle shelf for fifteen to twenty minutes until they are golden brown, "
          "then let them cool on a wire rack before serving.\n").format(
    dough="\n".join(["500 g flour", "1 sachet dry yeast", "250 ml milk", "60 g butter", "1 egg", "1 pinch of salt"]),
    topping="\n".join(["100 g sugar", "2 tbsp honey", "50 g almonds", "1 lemon", "200 ml cream", "1 vanilla pod"]))


def test_the_chain_leaves_text_on_which_the_families_found_no_furniture() -> None:
    # two unmarked ingredient lists: twelve short lines, enough for the gate, and no
    # menu, label or footer the noise families know
    assert Boilerplate().looks_like_full_page(lines_of(RECIPE))
    assert default_pipeline()["boilerplate"].min_removed_share == MIN_REMOVED_SHARE > 0
    assert removals(RECIPE) == []
    assert cleantext.clean(RECIPE) == RECIPE
    # the filter's own default asks nothing of the filters before it: it then takes the
    # lists for a page's furniture, as does the full-text profile, which drops the test
    assert Boilerplate().min_removed_share == 0
    for pipe in (default_pipeline().configure("boilerplate", min_removed_share=0.0), fulltext_pipeline()):
        assert "500 g flour" in {r.text for r in removals(RECIPE, pipe)}


def test_every_stoplist_has_a_language_code():
    # the metadata's language is a code for every list the detector can choose
    import re

    from cleantext.boilerplate.language import _lists, language_code
    names, _ = _lists()
    for name in names:
        assert re.fullmatch(r"[a-z]{2,3}(-[a-z]+)?", language_code(name)), name
    assert language_code("Sundanese") == "su" and language_code("Norwegian_Bokmal") == "nb"
    assert language_code("unknown") == "unknown"
