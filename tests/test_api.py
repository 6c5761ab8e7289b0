"""The top-level API: clean, explain, input checking."""
import pytest

import cleantext
from cleantext import Kind, NotTextError


@pytest.mark.parametrize("bad", [b"bytes", 42, ["a"], None, bytearray(b"x")])
def test_non_str_input_is_a_clear_type_error(bad):
    with pytest.raises(TypeError, match="expects str"):
        cleantext.clean(bad)
    with pytest.raises(TypeError, match="expects str"):
        cleantext.explain(bad)


def test_bytes_error_points_to_decoding():
    with pytest.raises(TypeError, match="decode_bytes"):
        cleantext.clean(b"abc")


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\t \r\n \u00a0"])
def test_empty_and_whitespace_give_empty(text):
    assert cleantext.clean(text) == ""


def test_explain_lists_removals_with_kind_and_reason(fixtures_dir):
    text = (fixtures_dir / "articles" / "council-budget.txt").read_text(encoding="utf-8")
    r = cleantext.explain(text)
    ads = [x for x in r.removals if x.kind == Kind.ADVERTISEMENT]
    assert len(ads) == 3 and all(x.filter == "advertisement" for x in ads)
    assert "Advertisement" not in r.text and "Sponsored" not in r.text
    assert r.rebuild() == r.normalized


def test_negative_corpus_passes_untouched(fixtures_dir):
    for path in (fixtures_dir / "negative").glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        assert cleantext.clean(text) == text, path.name


def test_decode_bytes():
    assert cleantext.decode_bytes("Łódź".encode("utf-8")) == "Łódź"
    assert cleantext.decode_bytes("Łódź".encode("utf-16")) == "Łódź"
    assert cleantext.decode_bytes(b"\xef\xbb\xbfabc") == "abc"
    french = ("Le conseil municipal a approuvé mercredi un budget réduit pour l'année à venir, "
              "après une réunion de trois heures où les habitants se sont exprimés. "
              "Les économies proviennent surtout du report de la rénovation de deux ponts.")
    assert cleantext.decode_bytes(french.encode("cp1252")) == french
    with pytest.raises(NotTextError, match="PNG"):
        cleantext.decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(NotTextError, match="NUL"):
        cleantext.decode_bytes(b"\x00\xff" * 100)
