"""Settle's sub-document and carried-over line profile equal what splitting
the rendered text and profiling it from scratch give."""
from hypothesis import given, settings, strategies as st

import cleantext
from cleantext.document import BlockMark, Document, SpanMark, render
from cleantext.filters._context import Profile, profile
from cleantext.filters.settle import kept_document
from cleantext.kinds import Kind

from conftest import FIXTURES

LINES = st.lists(st.sampled_from([
    "", "  ", "Home", "Photo: Jane Doe", "The council met on Tuesday.", "Read more: budget",
    "A long paragraph of prose that goes on for a while, as articles do, with a full stop." * 3,
    "Newsletter", "utm_source=x", "— Section —", "İstanbul Haber",
]), max_size=30)


def _check(doc: Document, skip: set[int]) -> None:
    sub, index = kept_document(doc.blocks, skip)
    # skipped blocks count as removed: mark them on a copy and render that
    ref_doc = Document(doc.text)
    for b, r in zip(ref_doc.blocks, doc.blocks):
        b.removal, b.spans = r.removal, list(r.spans)
        if b.index in skip and b.removal is None:
            ref_doc.apply("t", BlockMark(b.index, Kind.NAVIGATION, "skip"))
    ref = Document(render(ref_doc.blocks))
    assert sub.text == ref.text
    assert sub.blocks == ref.blocks
    assert len(index) == len(sub.blocks)
    for b, j in zip(sub.blocks, index):
        assert doc.blocks[j].removal is None and j not in skip
    parent = profile(doc)
    fresh = Profile(ref.text, ref.blocks)
    for _ in ("before the parent's first words and prose flags", "after"):
        carried = parent.carried(sub, index)
        assert profile(sub) is carried
        assert carried.folds == fresh.folds
        assert carried.firsts == fresh.firsts
        assert carried.prose == fresh.prose
        assert (carried.first_prose, carried.last_prose) == (fresh.first_prose, fresh.last_prose)
        parent.firsts, parent.prose


@settings(max_examples=300, deadline=None)
@given(LINES, st.data())
def test_kept_document_equals_split_of_rendered_text(lines, data):
    doc = Document("\n".join(lines))
    n = len(doc.blocks)
    if n:
        for i in data.draw(st.sets(st.integers(0, n - 1), max_size=n)):
            doc.apply("t", BlockMark(i, Kind.NAVIGATION, "x"))
        for i in data.draw(st.sets(st.integers(0, n - 1), max_size=n)):
            t = doc.blocks[i].text
            if len(t) > 2:
                doc.apply("t", SpanMark(i, 0, len(t) // 2, Kind.TRACKING, "x"))
    skip = data.draw(st.sets(st.integers(0, max(n - 1, 0)), max_size=3)) if n else set()
    _check(doc, skip)


def test_kept_document_on_fixture_articles():
    for path in sorted((FIXTURES / "articles").glob("*.txt")):
        res = cleantext.explain(path.read_text(encoding="utf-8"))
        doc = Document.from_blocks(res.normalized, list(res.blocks))
        _check(doc, set())
