"""clean_html / explain_html: decoding, extraction, metadata, audit trail, CLI."""
from __future__ import annotations

import codecs
import subprocess
import sys

import pytest

import cleantext
from cleantext import Kind, NotTextError, clean_html, explain_html
from cleantext.html import HtmlOptions, HtmlTimeout, InputTooLarge, decode_html
from cleantext.html.cli_support import looks_like_html
from cleantext.html.structure import FILTER_NAME

from html_pages import PARAGRAPHS, TITLE, article, kept, page

GERMAN = (
    "Die Bürgerinnen und Bürger der Gemeinde haben am Sonntag über den Neubau der Grundschule "
    "abgestimmt, und eine große Mehrheit hat sich für den Entwurf mit dem grünen Schulhof entschieden.",
    "Der Gemeinderat möchte schon im Frühjahr mit den Arbeiten beginnen; die Kosten von rund "
    "zwölf Millionen Euro trägt zum größten Teil das Land, der Rest kommt aus Rücklagen.",
    "Eltern äußerten in der Versammlung die Sorge, dass der Unterricht während der Bauzeit in "
    "Containern stattfinden müsse, was die Schulleitung für höchstens ein Jahr für zumutbar hält.",
)


def test_clean_page_keeps_article_drops_menu_and_footer():
    out = clean_html(page().encode("utf-8"))
    assert kept(out)
    assert "Home" not in out and "Copyright" not in out
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_str_and_bytes_give_the_same_text():
    assert clean_html(page()) == clean_html(page().encode("utf-8"))


def test_metadata_title_author_date_sitename_url():
    head = ('<meta name="author" content="Jane Rivers"><meta property="og:site_name" '
            'content="Riverside Gazette"><meta property="article:published_time" '
            'content="2021-03-04T10:00:00Z"><link rel="canonical" href="https://example.org/budget">')
    res = explain_html(page(head=head).encode())
    md = res.metadata
    assert md["title"].startswith(TITLE)
    assert md["author"] == "Jane Rivers"
    assert md["date"] == "2021-03-04"
    assert md["sitename"] == "Riverside Gazette"
    assert md["url"] == "https://example.org/budget"
    assert md["encoding"] == "utf-8"


def test_headline_moves_to_metadata_with_a_record():
    res = explain_html(page())
    assert TITLE not in res.text and kept(res.text)
    assert res.metadata["title"].startswith(TITLE)
    rec = [r for r in res.removals if r.reason == "headline-in-metadata"]
    assert len(rec) == 1 and rec[0].text == TITLE
    assert res.render(lambda r: r.reason == "headline-in-metadata").startswith(TITLE)


def test_headline_kept_with_keep_title():
    out = clean_html(page(), options=HtmlOptions(keep_title=True))
    assert out.startswith(TITLE + "\n") and out.count(TITLE) == 1 and kept(out)
    inner = "<article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>"
    assert TITLE not in clean_html(page(inner))
    out = clean_html(page(inner), options=HtmlOptions(keep_title=True))
    assert out.startswith(TITLE)


# ---------------------------------------------------------------- decoding

def _german_page() -> str:
    return page(article(GERMAN), lang="de")


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1251", "shift_jis"])
def test_lying_meta_charset_utf8_bytes(declared):
    html = _german_page().replace("<head>", f'<head><meta charset="{declared}">')
    res = explain_html(html.encode("utf-8"))
    assert kept(res.text, GERMAN)
    assert res.metadata["encoding_source"] == "utf-8"


def test_lying_meta_charset_legacy_bytes_declared_utf8():
    html = _german_page().replace("<head>", '<head><meta charset="utf-8">')
    res = explain_html(html.encode("cp1252"))
    assert kept(res.text, GERMAN)
    assert res.metadata["encoding_source"] == "detected"


def test_truthful_legacy_meta_is_used():
    html = _german_page().replace("<head>", '<head><meta http-equiv="Content-Type" '
                                            'content="text/html; charset=iso-8859-1">')
    res = explain_html(html.encode("cp1252"))
    assert kept(res.text, GERMAN)
    assert res.metadata["encoding_source"] == "meta"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_unicode_with_bom(codec):
    data = _german_page().encode(codec)
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8,
                            codecs.BOM_UTF32_LE)):
        bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
        data = bom + data
    res = explain_html(data)
    assert kept(res.text, GERMAN)
    assert res.metadata["encoding_source"] == "bom"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec):
    assert kept(clean_html(_german_page().encode(codec)), GERMAN)


def test_utf8_with_a_few_broken_bytes_stays_utf8():
    data = _german_page().encode("utf-8").replace(b"Sonntag", b"Sonn\xfftag")
    d = decode_html(data)
    assert d.source == "utf-8-damaged" and "Bürgerinnen" in d.text and "Sonn\ufffdtag" in d.text


@pytest.mark.parametrize("data, what", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 40, "PDF"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 40, "JPEG"),
    (bytes(range(256)) * 100, "binary"),
])
def test_image_pdf_binary_passed_as_html_is_a_clear_error(data, what):
    with pytest.raises(NotTextError, match="not HTML"):
        clean_html(data)


def test_wrong_types_are_type_errors():
    for bad in (3, None, ["<p>x</p>"]):
        with pytest.raises(TypeError, match="bytes or str"):
            clean_html(bad)  # type: ignore[arg-type]


# ---------------------------------------------------------------- damaged and odd pages

def test_truncated_document_keeps_what_came_before():
    html = page()
    cut = html[: html.index(PARAGRAPHS[3][:30]) + 10]
    out = clean_html(cut.encode())
    assert kept(out, PARAGRAPHS[:3])


def test_pure_script_and_style_gives_empty_result_with_reason():
    html = ("<html><head><style>body { color: red } p { margin: 0 }</style></head><body>"
            "<script>var x = 'The council voted on Monday to approve the budget';</script>"
            "<style>.a { display: none }</style></body></html>")
    res = explain_html(html)
    assert res.text == ""
    assert res.metadata["empty_reason"]


@pytest.mark.parametrize("html", ["", "   \n\t ", b"", b"\n\n"])
def test_empty_input_gives_empty_result_with_reason(html):
    res = explain_html(html)
    assert res.text == "" and res.metadata["empty_reason"]


@pytest.mark.parametrize("depth", [300, 3000])
def test_deep_nesting_keeps_content_at_the_bottom(depth):
    html = page("<div>" * depth + article() + "</div>" * depth)
    res = explain_html(html)
    assert kept(res.text)
    if depth > 2000:
        assert any("flattened" in n for n in res.metadata["html_notes"])


def test_too_large_input_is_refused_clearly():
    with pytest.raises(InputTooLarge, match="max_bytes"):
        clean_html(page(), options=HtmlOptions(max_bytes=100))


# ---------------------------------------------------------------- audit trail

def test_link_lines_are_removed_with_a_record_and_can_be_undone():
    teaser = '<p><a href="/other">Bridge closures: what drivers need to know this winter</a></p>'
    inner = article(PARAGRAPHS[:2]).replace("</article>", teaser + "".join(
        f"<p>{p}</p>" for p in PARAGRAPHS[2:]) + "</article>")
    res = explain_html(page(inner))
    assert kept(res.text)
    assert "what drivers need to know" not in res.text
    rec = [r for r in res.removals if r.filter == FILTER_NAME and r.reason == "link-line"]
    assert len(rec) == 1 and rec[0].kind is Kind.RELATED and "drivers" in rec[0].text
    assert res.rebuild() == res.normalized
    assert "what drivers need to know" in res.render(lambda r: r.filter == FILTER_NAME)


def test_text_filters_run_over_extracted_text():
    inner = article(PARAGRAPHS[:2]).replace("</article>", "<p>Advertisement</p>" + "".join(
        f"<p>{p}</p>" for p in PARAGRAPHS[2:]) + "</article>")
    res = explain_html(page(inner))
    assert kept(res.text) and "Advertisement" not in res.text
    assert any(r.filter == "advertisement" for r in res.removals)
    without = clean_html(page(inner), pipeline=cleantext.default_pipeline().without("advertisement"))
    assert "Advertisement" in without


# ---------------------------------------------------------------- timeout

def test_timeout_result_equals_in_process_result():
    html = page().encode()
    isolated = explain_html(html, url="https://example.org/a", timeout=60)
    assert isolated == explain_html(html, url="https://example.org/a")  # text, removals, metadata
    assert isolated.metadata["url"] == "https://example.org/a" and isolated.removals


def test_timeout_stops_the_worker():
    big = page("<div>" * 2000 + article() * 50 + "</div>" * 2000)
    with pytest.raises(HtmlTimeout, match="worker process stopped"):
        clean_html(big, timeout=0.001)
    assert issubclass(HtmlTimeout, cleantext.DocumentTimeout)  # one timeout for text and HTML


def test_errors_in_the_worker_come_back():
    with pytest.raises(NotTextError):
        clean_html(b"\x89PNG\r\n\x1a\n" + bytes(300), timeout=60)


# ---------------------------------------------------------------- command line

def _cli(args, data):
    return subprocess.run([sys.executable, "-m", "cleantext", *args], input=data,
                          capture_output=True, timeout=120)


def test_sniffing_recognises_html():
    assert looks_like_html(page().encode())
    assert looks_like_html(b"\xef\xbb\xbf  <!doctype html><p>x")
    assert looks_like_html(page().encode("utf-16"))
    assert not looks_like_html(b"The <b> tag makes text bold.\n")


def test_cli_html_auto_forced_and_text_forced():
    data = page().encode()
    auto = _cli([], data)
    assert auto.returncode == 0 and kept(auto.stdout.decode()) and b"<p>" not in auto.stdout
    forced = _cli(["--html"], data)
    assert forced.stdout == auto.stdout
    text = _cli(["--text"], data)
    assert b"<p>" in text.stdout


def test_cli_html_binary_is_reported_exit_1():
    r = _cli(["--html"], b"\x89PNG\r\n\x1a\n" + bytes(300))
    assert r.returncode == 1 and b"not HTML" in r.stderr and r.stdout == b""


def test_cli_jsonl_html_field():
    import json

    lines = [json.dumps({"id": 1, "html": page()}), json.dumps({"id": 2, "html": 5}),
             json.dumps({"id": 3, "html": page(article(PARAGRAPHS[:2]))})]
    r = _cli(["--jsonl", "--html", "--field", "html"], ("\n".join(lines) + "\n").encode())
    out = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == [1, 3]
    assert kept(out[0]["html"]) and kept(out[1]["html"], PARAGRAPHS[:2])
    assert r.returncode == 1 and b":2:" in r.stderr


def test_extract_options_are_checked():
    from cleantext.html import ExtractOptions

    with pytest.raises(ValueError, match="favor"):
        ExtractOptions(favor="speed")


def test_heading_over_link_lines_goes_with_them():
    from cleantext.html.extract import Piece
    from cleantext.html.structure import StructureRules

    pieces = [Piece(PARAGRAPHS[0], "p", 0, 0), Piece("More on this", "head", 0, 1),
              Piece("Bridge closures expected in March", "item", 34, 2),
              Piece("Library hours unchanged", "item", 23, 3),
              Piece("Budget in detail", "head", 0, 4), Piece(PARAGRAPHS[1], "p", 0, 5)]
    got = {v.position: v.reason for v in StructureRules().judge(pieces)}
    assert got == {1: "link-list-heading", 2: "link-line", 3: "link-line"}
    assert not list(StructureRules(enabled=False).judge(pieces))


def test_url_argument_fills_metadata_without_canonical_link():
    res = explain_html(page(), url="https://example.org/news/budget")
    assert res.metadata["url"] == "https://example.org/news/budget"
    assert "url" not in explain_html(page()).metadata
