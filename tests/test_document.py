"""The document model: blocks, marks, removals, rendering and the audit trail."""
import pytest

from cleantext import Kind, Pipeline
from cleantext.document import BlockMark, Document, SpanMark, render, split_blocks
from cleantext.filters.base import BlockFilter, SpanFilter
from dataclasses import dataclass


def test_split_blocks_positions_and_paragraph_style():
    text = "Title\n\nFirst para.\nSecond line.\n\n\nLast.\n"
    blocks = split_blocks(text)
    assert [b.text for b in blocks] == ["Title", "First para.", "Second line.", "Last."]
    assert all(text[b.start:b.end] == b.text for b in blocks)
    assert [b.blank_before for b in blocks] == [False, True, False, True]


@dataclass(frozen=True)
class MarkSecond(BlockFilter):
    name = "mark-second"

    def detect(self, doc):
        yield BlockMark(1, Kind.NAVIGATION, "test-second", "why")


@dataclass(frozen=True)
class CutWord(SpanFilter):
    name = "cut-word"
    word: str = "XYZ"

    def detect(self, doc):
        for b in doc.kept():
            i = b.text.find(self.word)
            if i >= 0:
                yield SpanMark(b.index, i, i + len(self.word), Kind.TRACKING, "test-word",
                               meta={"found": self.word})


PIPE = Pipeline(["whitespace", MarkSecond(), CutWord()])
TEXT = "Head line\n\nMenu\n\nBody with XYZ inside.\nMore body.\n"


def test_marks_become_removals_and_render_deletes():
    r = PIPE.explain(TEXT)
    assert r.text == "Head line\n\nBody with inside.\nMore body.\n"
    assert [(x.filter, x.kind, x.reason, x.scope, x.text) for x in r.removals] == [
        ("mark-second", Kind.NAVIGATION, "test-second", "block", "Menu"),
        ("cut-word", Kind.TRACKING, "test-word", "span", "XYZ"),
    ]
    for x in r.removals:
        assert r.normalized[x.start:x.end] == x.text
    assert r.metadata == {"found": "XYZ"}


def test_rebuild_restores_normalized_input():
    r = PIPE.explain(TEXT)
    assert r.rebuild() == r.normalized == TEXT


def test_rebuild_fails_if_a_removal_is_missing():
    r = PIPE.explain(TEXT)
    r.blocks[1].removal = r.blocks[1].removal._replace(text="")
    assert r.rebuild() != r.normalized


def test_render_can_undo_removals_without_detecting_again():
    r = PIPE.explain(TEXT)
    assert r.render(lambda x: x.kind == Kind.NAVIGATION) == "Head line\n\nMenu\n\nBody with inside.\nMore body.\n"
    assert r.render(lambda x: True) == TEXT


def test_first_filter_owns_a_block():
    doc = Document("a\nb\n")
    assert doc.apply("one", BlockMark(0, Kind.NAVIGATION, "r1")) is not None
    assert doc.apply("two", BlockMark(0, Kind.RELATED, "r2")) is None
    assert doc.blocks[0].removal.filter == "one"


def test_span_outside_block_is_an_error():
    doc = Document("abc\n")
    with pytest.raises(ValueError, match="outside block"):
        doc.apply("bad", SpanMark(0, 2, 9, Kind.TRACKING, "r"))


def test_overlapping_span_is_ignored():
    doc = Document("abcdef\n")
    assert doc.apply("x", SpanMark(0, 1, 4, Kind.TRACKING, "r")) is not None
    assert doc.apply("y", SpanMark(0, 3, 5, Kind.TRACKING, "r")) is None


def test_render_keeps_one_line_style():
    blocks = split_blocks("a\nb\nc\n")
    blocks[1].removal = object()  # any record means removed
    assert render(blocks) == "a\nc\n"


def test_render_empty():
    assert render([]) == ""
