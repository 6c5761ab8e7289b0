"""Pipelines: building, deriving variants, the registry and determinism."""
import random

import pytest

import cleantext
from cleantext import ConfigError, Pipeline, default_pipeline
from cleantext.filters.advertisement import Advertisement


def test_default_pipeline_is_shared_and_immutable():
    p = default_pipeline()
    assert p is default_pipeline()
    q = p.without("advertisement")
    assert "advertisement" in p and "advertisement" not in q


def test_names_and_strings_resolve_through_registry():
    p = Pipeline(["whitespace", "advertisement"])
    assert p.names == ("whitespace", "advertisement")
    assert isinstance(p["advertisement"], Advertisement)


def test_unknown_filter_is_a_clear_error():
    with pytest.raises(ConfigError, match="unknown filter 'nope'"):
        Pipeline(["nope"])
    with pytest.raises(ConfigError, match="not in this pipeline"):
        default_pipeline().without("nope")


def test_duplicates_rejected():
    with pytest.raises(ConfigError, match="listed twice"):
        Pipeline(["whitespace", "whitespace"])


def test_only_replace_configure_and_add():
    p = default_pipeline()
    assert p.only("whitespace").names == ("whitespace",)
    q = p.configure("advertisement", languages=("de",))
    assert q["advertisement"].languages == ("de",)
    assert p["advertisement"].languages == ()
    r = p.replace("advertisement", Advertisement(max_chars=10))
    assert r["advertisement"].max_chars == 10
    assert (Pipeline(["whitespace"]) + ["advertisement"]).names == ("whitespace", "advertisement")
    with pytest.raises(ConfigError, match="bad options"):
        p.configure("advertisement", colour="red")


def test_language_restriction_changes_behaviour():
    text = "Anzeige\nDer Rat tagte am Montag.\n"
    assert cleantext.clean(text) == "Der Rat tagte am Montag.\n"
    only_en = default_pipeline().configure("advertisement", languages=("en",))
    assert cleantext.clean(text, pipeline=only_en) == text


def test_normalizers_run_first_whatever_their_place():
    p = Pipeline(["advertisement", "whitespace"])
    assert p.clean("  Advertisement  \r\nText.") == "Text.\n"


def test_deterministic_whatever_ran_before(fixtures_dir):
    docs = [p.read_text(encoding="utf-8") for p in sorted(fixtures_dir.rglob("*.txt"))]
    first = [cleantext.clean(d) for d in docs]
    rng = random.Random(7)
    for _ in range(3):
        order = list(range(len(docs)))
        rng.shuffle(order)
        again = {i: cleantext.clean(docs[i]) for i in order}
        assert [again[i] for i in range(len(docs))] == first


def test_filter_listing_has_summaries():
    for name, cls in cleantext.available_filters().items():
        assert cls.name == name
        assert cls.summary(), name
        assert cls.role in ("normalizer", "block", "span")


def test_explain_document_runs_the_detectors_as_explain_does():
    from cleantext.document import Document
    pipe = cleantext.default_pipeline()
    text = "Skip to main content\n\nThe council met on Tuesday and agreed the budget for next year.\n\nAdvertisement\n"
    normalized, changed = pipe.normalize(text)
    assert pipe.explain_document(Document(normalized), changed) == pipe.explain(text)


def test_explain_document_keeps_earlier_removals_of_long_lines():
    # a front end (HTML) may remove a line before the detectors run; the
    # long-line limit must not hand it back
    from cleantext.document import BlockMark, Document
    from cleantext.kinds import Kind
    pipe = cleantext.default_pipeline().with_limits(max_line_chars=50)
    doc = Document("x" * 80 + "\n\nThe council met on Tuesday.\n")
    doc.apply("structure", BlockMark(0, Kind.BOILERPLATE, "hidden"))
    res = pipe.explain_document(doc)
    assert res.text == "The council met on Tuesday.\n"
    assert [(r.filter, r.reason) for r in res.removals] == [("structure", "hidden")]
