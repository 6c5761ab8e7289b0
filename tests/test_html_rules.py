"""The HTML path's text chain and its structural rules: the extracted-text
chain, the lead paragraph, box headings after the article, <noscript> content."""
from __future__ import annotations

from dataclasses import replace

import cleantext
from cleantext import Kind, clean_html, explain_html
from cleantext.defaults import GATE_OFF
from cleantext.html import DEFAULT_OPTIONS, FULL_PAGE_STAGES, extracted_pipeline
from cleantext.html.cli_support import html_pipeline
from cleantext.html.extract import Piece
from cleantext.html.lead import find_lead
from cleantext.html.structure import StructureRules

from html_pages import PARAGRAPHS, TITLE, article, kept, page

INGREDIENTS = ("250 g flour", "2 eggs", "100 ml milk", "1 pinch of salt", "50 g butter",
               "1 lemon", "2 tbsp sugar")
LEAD = ("After a debate that lasted past midnight, the council agreed to delay the repair of "
        "two bridges and to keep the library open.")
#: a paragraph long enough to count as article body for the box-heading rule.
BODY = " ".join(PARAGRAPHS[:2])


# ---------------------------------------------------------------- the text chain

def test_extracted_pipeline_is_the_default_chain_without_whole_page_stages():
    names = extracted_pipeline().names
    assert "boilerplate" in FULL_PAGE_STAGES and "boilerplate" not in names
    assert names == tuple(n for n in cleantext.default_pipeline().names if n not in FULL_PAGE_STAGES)
    assert extracted_pipeline() is extracted_pipeline()


def _recipe_page() -> str:
    items = "".join(f"<li>{i}</li>" for i in INGREDIENTS)
    inner = article(PARAGRAPHS[:2]).replace("</article>", f"<h2>Ingredients</h2><ul>{items}</ul>"
                                            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
                                            + "</article>")
    return page(inner)


def test_clean_html_runs_the_extracted_text_chain_by_default():
    html = _recipe_page()
    res = explain_html(html)
    assert kept(res.text) and all(i in res.text for i in INGREDIENTS)
    assert not any(r.filter in FULL_PAGE_STAGES for r in res.removals)
    assert res.text == clean_html(html, pipeline=extracted_pipeline())


def test_a_given_pipeline_is_used_as_is():
    html = _recipe_page()
    # the whole-page classifier, asked for without its gate and its prose limit, runs
    # (and drops the list, which scores low: that is why the HTML path leaves it out)
    ungated = cleantext.default_pipeline().configure("boilerplate", **GATE_OFF, max_prose_drop=None)
    res = explain_html(html, pipeline=ungated)
    assert any(r.filter == "boilerplate" for r in res.removals)
    only_ads = cleantext.Pipeline(["advertisement"])
    res = explain_html(html, pipeline=only_ads)
    assert {r.filter for r in res.removals} <= {"advertisement", "html-structure"}


def test_command_line_default_chain_becomes_the_extracted_chain_with_its_limits():
    cli_default = cleantext.default_pipeline().with_limits(time_budget=7)
    got = html_pipeline(cli_default)
    assert got.names == extracted_pipeline().names and got.limits == cli_default.limits
    custom = cleantext.default_pipeline().without("tracking")
    assert html_pipeline(custom) is custom


# ---------------------------------------------------------------- lead paragraph

def _lead_page(description: str, lead_html: str) -> str:
    head = f'<meta name="description" content="{description}">'
    inner = (f"<article><header><h1>{TITLE}</h1>{lead_html}</header>"
             + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>")
    return page(inner, head=head)


def test_lead_left_out_by_the_extractor_is_restored_first():
    html = _lead_page(LEAD, f'<div class="teaser"><p>{LEAD}</p></div>')
    without = clean_html(html, options=replace(DEFAULT_OPTIONS, restore_lead=False))
    assert LEAD not in without and kept(without)  # the extractor drops it
    out = clean_html(html)
    assert out.startswith(LEAD) and kept(out)


def test_truncated_description_still_finds_the_lead():
    html = _lead_page(LEAD[:90] + "…", f'<div class="teaser"><p>{LEAD}</p></div>')
    assert clean_html(html).startswith(LEAD)


def test_no_lead_from_a_short_or_absent_description():
    short = "Budget news from the town hall."
    html = _lead_page(short, f'<div class="teaser"><p>{short}</p></div>')
    assert short not in clean_html(html)
    other = "A description that the page does not contain anywhere in its body, long enough to count."
    assert clean_html(_lead_page(other, "")).startswith(PARAGRAPHS[0])


def test_lead_already_extracted_is_not_repeated():
    pieces = [Piece(LEAD, "p", 0, 0), Piece(PARAGRAPHS[0], "p", 0, 1)]
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(f"<html><body><p>{LEAD}</p><p>{PARAGRAPHS[0]}</p></body></html>")
    assert find_lead(tree, LEAD, pieces) is None
    assert find_lead(tree, LEAD, pieces[1:]) == LEAD


# ---------------------------------------------------------------- box headings

def test_heading_after_the_article_over_short_lines_is_a_box_title():
    pieces = [Piece(BODY, "p", 0, 0), Piece("Budget in detail", "head", 0, 1),
              Piece(BODY, "p", 0, 2), Piece("Stay informed", "head", 0, 3),
              Piece("Every Friday in your inbox.", "p", 0, 4)]
    got = {v.position: (v.reason, v.kind) for v in StructureRules().judge(pieces)}
    assert got == {3: ("trailing-box-heading", Kind.BOILERPLATE)}
    assert not list(StructureRules(body_chars=0).judge(pieces))


def test_heading_over_a_long_paragraph_after_the_article_stays():
    pieces = [Piece(BODY, "p", 0, 0), Piece("What comes next", "head", 0, 1),
              Piece(PARAGRAPHS[1][:150], "p", 0, 2)]
    assert not list(StructureRules().judge(pieces))


def test_heading_before_the_last_long_paragraph_stays():
    pieces = [Piece("Short intro line.", "p", 0, 0), Piece("Budget in detail", "head", 0, 1),
              Piece("A short line.", "p", 0, 2), Piece(BODY, "p", 0, 3)]
    assert not list(StructureRules().judge(pieces))


def test_a_written_out_address_is_not_a_link_line():
    rules = StructureRules()
    for text in ("https://example.org/reports/budget-2021.pdf", "www.example.org",
                 "press@example.org"):
        assert not rules._is_link_line(Piece(text, "p", len(text), 0)), text
    teaser = "Bridge closures: what drivers need to know"
    assert rules._is_link_line(Piece(teaser, "p", len(teaser), 0))


# ---------------------------------------------------------------- noscript

def test_article_inside_noscript_is_kept():
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = page(f'<article><h1>{TITLE}</h1><script type="text/template"></script>'
                f"<noscript>{body}</noscript></article>")
    assert kept(clean_html(html))
