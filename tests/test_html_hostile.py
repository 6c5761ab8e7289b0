"""Hostile HTML: each input finishes in bounded time without a crash, the output is
valid UTF-8 and stable under a second cleaning, and the article around the damage
is kept."""
from __future__ import annotations

import time

import pytest

from cleantext import NotTextError, clean, clean_html, explain_html
from html_pages import PARAGRAPHS, article, kept, page

#: Generous wall-clock bound per page on a loaded 2-core machine; the point is
#: "no hang", not speed (tests/bench/bench_html.py measures speed).
BOUND = 30.0


def run(html):
    t = time.perf_counter()
    res = explain_html(html)
    elapsed = time.perf_counter() - t
    assert elapsed < BOUND, f"took {elapsed:.1f}s"
    res.text.encode("utf-8")  # valid UTF-8: no lone surrogates
    assert clean(res.text) == res.text  # idempotent under clean_html-then-clean
    assert res.rebuild() == res.normalized
    return res


def test_nested_3000_deep_with_article_at_bottom():
    res = run(page("<div><span>" * 1500 + article() + "</span></div>" * 1500))
    assert kept(res.text)
    assert any("flattened" in n for n in res.metadata["html_notes"])


def test_11mb_text_node_then_the_article():
    blob = ("lorem " * 1_900_000)[:11_000_000]
    res = run(page(f"<div><p>{blob}</p></div>" + article()))
    assert kept(res.text)


def test_100000_unclosed_p_b():
    res = run(page(article() + "<p><b>x" * 100_000))
    assert kept(res.text)


def test_100000_unclosed_p_b_before_the_article():
    res = run(page("<div>" + "<p><b>" * 100_000 + "</div>" + article()))
    assert kept(res.text)


def test_5mb_data_uri():
    uri = "data:image/png;base64," + "iVBORw0KGgo" * 460_000
    res = run(page(f'<figure><img src="{uri}" alt="bridge"></figure>' + article()))
    assert kept(res.text)
    assert "iVBORw0KGgo" not in res.text


@pytest.mark.parametrize("tag", ["script", "noscript", "template"])
def test_prose_inside_script_noscript_template_is_not_article_text(tag):
    hidden = ("The council secretly agreed to sell the old town hall to a hotel chain, "
              "according to documents seen by this newspaper on Thursday afternoon.")
    inner = article().replace("</article>", f"<{tag}>{hidden}</{tag}></article>")
    res = run(page(inner))
    assert kept(res.text)
    assert "secretly agreed" not in res.text


def test_lying_charset_meta():
    html = page(article(PARAGRAPHS + ("Ein Satz über Größe, Maß und Übermaß im Haushalt.",)))
    html = html.replace("<head>", '<head><meta charset="iso-8859-2">')
    res = run(html.encode("utf-8"))
    assert "Ein Satz über Größe, Maß und Übermaß im Haushalt." in res.text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_html(codec):
    res = run(page().encode(codec))
    assert kept(res.text)


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 64,
    b"%PDF-1.4\n1 0 obj << /Length 5 >> stream\n" + bytes(range(256)) * 64,
])
def test_png_or_pdf_passed_as_html(data):
    t = time.perf_counter()
    with pytest.raises(NotTextError):
        clean_html(data)
    assert time.perf_counter() - t < BOUND


def test_truncated_mid_tag():
    html = page()
    cut = html[: html.index(PARAGRAPHS[3][:20])] + '<p class="lea'
    res = run(cut.encode())
    assert kept(res.text, PARAGRAPHS[:3])


def test_truncated_inside_an_unclosed_comment():
    html = page()
    cut = html[: html.index(PARAGRAPHS[3][:20])] + "<!-- related stories: <a href=x>Bridge"
    res = run(cut.encode())
    assert kept(res.text, PARAGRAPHS[:3])
    assert "related stories" not in res.text


def test_numeric_entities_for_invalid_code_points():
    bad = "&#0; &#xD800; &#xDFFF; &#x110000; &#99999999999; &#128; &#xFFFE; &#x1F;"
    res = run(page(article(PARAGRAPHS[:2] + (f"Costs rose {bad} again.",) + PARAGRAPHS[2:])))
    assert kept(res.text)
    assert "Costs rose" in res.text and "again." in res.text


@pytest.mark.parametrize("decl", [
    '<?xml version="1.0" encoding="iso-8859-1"?>\n',
    '<?xml version="1.0" encoding="utf-16"?>\n',
    "<?xml encoding='shift_jis'?>",
])
def test_xml_encoding_declaration_in_str_input(decl):
    res = run(decl + page(article(PARAGRAPHS + ("Größe und Maß, ohne Umweg über Bytes.",))))
    assert kept(res.text)
    assert "Größe und Maß, ohne Umweg über Bytes." in res.text


def test_nul_and_control_bytes_inside_markup():
    html = page().replace("<p>", "<p>\x00\x01", 1).encode()
    res = run(html)
    assert kept(res.text)


def test_lone_surrogates_in_str_input():
    html = page(article(PARAGRAPHS + ("Broken \ud800 surrogate and \udfff another.",)))
    res = run(html)
    assert kept(res.text) and "surrogate" in res.text


def test_flattening_is_linear_on_unclosed_tags():
    from cleantext.html.parse import flatten

    def cost(n):
        t = time.perf_counter()
        flatten("<div>" * 300 + "<a" * n)
        return time.perf_counter() - t

    small, big = cost(20_000), cost(160_000)
    assert big < 8 * small * 3 + 0.05  # 8x the input: far from the 64x of quadratic


def test_deep_nesting_beyond_flattening_and_unclosed_tags():
    res = run(page("<div>" * 3000 + article() + "<a" * 20_000))
    assert kept(res.text)


def test_extractor_failure_falls_back_to_the_page_text(monkeypatch):
    import cleantext.html.api as api

    def broken(tree, *, options):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(api, "extract_pieces", broken)
    res = run(page())
    assert kept(res.text)
    assert any("extractor failed" in n for n in res.metadata["html_notes"])


TAGS = ["<p>", "</p>", "<div>", "</div>", "<b>", "<a href='x'>", "</a>", "<script>", "</script>",
        "<!--", "-->", "<br>", "&#0;", "&#x110000;", "&amp;", "&", "<", ">", "\x00", "\ud800",
        "<?xml encoding='latin-1'?>", "<meta charset='utf-16'>", "\u202e", "\u200d"]


def test_random_markup_never_crashes():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    chunk = st.one_of(st.sampled_from(TAGS), st.text(max_size=30))

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(chunk, max_size=40), st.booleans())
    def check(parts, as_bytes):
        html = page("".join(parts) + article())
        data = html.encode("utf-8", "surrogatepass") if as_bytes else html
        res = explain_html(data)
        res.text.encode("utf-8")
        assert clean(res.text) == res.text
        assert res.rebuild() == res.normalized

    check()
