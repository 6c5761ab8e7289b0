"""Bytes to text: byte-order marks, BOM-less UTF-16/32, damaged UTF-8, binary refused."""
import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleantext
from cleantext import InputTooLarge, Limits, NotTextError, decode_bytes

TEXT = ("Łódź council met on Monday; the new budget (4 % smaller) passed.\n"
        "Il a dit : « c'est réglé ». Straße, naïve, 10³ m.\n")


@pytest.mark.parametrize("enc", ["utf-8", "utf-8-sig", "utf-16", "utf-32",
                                 "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_unicode_encodings_with_and_without_bom(enc):
    assert decode_bytes(TEXT.encode(enc)) == TEXT


@pytest.mark.parametrize("bom,enc", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
                                     (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")])
def test_explicit_bom_wins(bom, enc):
    assert decode_bytes(bom + TEXT.encode(enc)) == TEXT


def test_utf16_with_a_lone_surrogate_is_repaired_not_refused():
    data = "Before ".encode("utf-16-le") + b"\x00\xd8" + " after, more text here.".encode("utf-16-le")
    out = decode_bytes(data)
    assert out.startswith("Before ") and out.endswith(" after, more text here.")
    out.encode("utf-8")


def test_invalid_utf8_keeps_the_text_around_it():
    data = "Première ligne, très bien.\n".encode() + b"bad \xc3\x28 \xa0\xa1 \xf0\x28\x8c\x28 end\n" \
        + "Dernière ligne, déjà là.\n".encode()
    out = decode_bytes(data)
    assert out.startswith("Première ligne, très bien.\nbad ") and out.endswith("Dernière ligne, déjà là.\n")
    assert "\ufffd" in out


def test_utf8_encoded_surrogates_become_replacement_characters():
    out = decode_bytes(b"abc \xed\xa0\x80 def " + "é".encode() * 20)
    assert "\ud800" not in out and out.startswith("abc ") and "def" in out
    out.encode("utf-8")


def test_legacy_single_byte_encoding_detected():
    french = ("Le conseil municipal a approuvé mercredi un budget réduit pour l'année à venir, "
              "après une réunion de trois heures où les habitants se sont exprimés.")
    assert decode_bytes(french.encode("cp1252")) == french


def test_a_few_controls_are_text_many_are_binary():
    assert decode_bytes(b"line\x00one\x1b[1m bold\x07\n") == "line\x00one\x1b[1m bold\x07\n"
    with pytest.raises(NotTextError, match="NUL"):
        decode_bytes(b"\x00\x01\x02\x03" * 100)
    with pytest.raises(NotTextError, match="control bytes"):
        decode_bytes(bytes(range(1, 32)) * 20 + b"some text")
    with pytest.raises(NotTextError, match="NUL"):
        decode_bytes(b"\x00\xff" * 100)


@pytest.mark.parametrize("data,what", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    (b"PK\x03\x04\x14\x00" + bytes(100), "ZIP"),
    (b"\xff\xd8\xff\xe0" + bytes(100), "JPEG"),
    (b"GIF89a" + bytes(50), "GIF"),
    (b"\x1f\x8b\x08\x00" + bytes(20), "gzip"),
])
def test_binary_formats_are_refused_clearly(data, what):
    with pytest.raises(NotTextError, match=what):
        decode_bytes(data)


def test_size_cap_applies_to_bytes():
    decode_bytes(b"x" * 50, limits=Limits(max_input_size=50))
    with pytest.raises(InputTooLarge):
        decode_bytes(b"x" * 51, limits=Limits(max_input_size=50))


@pytest.mark.parametrize("bad", ["text", 5, None])
def test_decode_bytes_wants_bytes(bad):
    with pytest.raises(TypeError, match="expects bytes"):
        decode_bytes(bad)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_decode_to_valid_text_or_a_clear_refusal(data):
    try:
        out = decode_bytes(data)
    except NotTextError:
        return
    out.encode("utf-8")  # never a surrogate
    cleantext.clean(out).encode("utf-8")
