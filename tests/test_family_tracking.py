"""Tracking: opaque tokens and click-tracking URL parameters."""
import pytest

import cleantext
from cleantext import Pipeline

PIPE = Pipeline(["whitespace", "tracking"])
BODY = "The council met on Monday and agreed on a budget for the next two years."
BLOB = "ncG1vNJzZmhqZGy7psPSmqmorZ6Zwamx1qippZxemLyue82erqxnoqrA%2BjJupnpmbqHqlu9anZJyq%2F02"


def explain(text):
    return cleantext.explain(text, pipeline=PIPE)


def test_token_line():
    res = explain(f"{BODY}\n{BLOB}\n")
    assert [(r.reason, r.scope) for r in res.removals] == [("opaque-token-line", "block")]
    assert res.text == BODY + "\n"


def test_hash_line():
    res = explain(f"{BODY}\nd41d8cd98f00b204e9800998ecf8427e\n")
    assert [r.reason for r in res.removals] == ["opaque-token-line"]


def test_inline_token():
    res = explain(f"Use the code {BLOB} to log in.\n")
    assert [(r.reason, r.scope) for r in res.removals] == [("opaque-token", "span")]
    assert res.text == "Use the code to log in.\n"


@pytest.mark.parametrize("url, clean", [
    ("https://example.org/a?utm_source=x&utm_medium=y", "https://example.org/a"),
    ("https://example.org/a?utm_source=x&id=5", "https://example.org/a?id=5"),
    ("https://example.org/a?id=5&fbclid=AbC123", "https://example.org/a?id=5"),
    ("https://example.org/a?utm_source=x&gclid=1&id=5&utm_term=z", "https://example.org/a?id=5"),
    ("https://example.org/a?id=5&utm_source=x&page=2", "https://example.org/a?id=5&page=2"),
    # share links of news sites, web-analytics campaign tags
    ("https://example.org/2024/06/06/a.html?smid=nyt-share&referringSource=articleShare&sgrp=c-cb",
     "https://example.org/2024/06/06/a.html"),
    ("https://example.org/a.html?xtor=RSS-3&id=5", "https://example.org/a.html?id=5"),
    ("https://example.org/a?pk_campaign=spring&pk_kwd=ad&page=2&mtm_source=x", "https://example.org/a?page=2"),
])
def test_tracking_params_go_and_the_url_stays(url, clean):
    res = explain(f"Read the plan at {url}, the mayor said.\n")
    assert res.text == f"Read the plan at {clean}, the mayor said.\n"
    assert {r.reason for r in res.removals} == {"tracking-param"}
    assert res.rebuild() == res.normalized


@pytest.mark.parametrize("line", [
    "See https://example.org/search?q=budget&page=2 for the full plan.",
    "Donaudampfschifffahrtsgesellschaftskapitänswitwe",
    "https://example.org/news/2024/03/council-approves-smaller-budget-for-next-year",
    "ISBN 978-3-16-148410-0",
    "The reference number 20240312-000123 is on the letter.",
    "Le numéro de dossier est 2024-03-12-ABCD-0001.",
])
def test_words_urls_and_numbers_stay(line):
    assert explain(f"{line}\n").removals == ()


# URL-safe base64 holds "-" and "_" as often as any other character: a long
# token has many of them, unlike a slug, whose case changes only where a word
# starts.
URLSAFE = "DSgmkLRvnhJViLzK2hdKQh2M5yvIkGroCWRZipYvQS-Br3VW8F4-PSMo4iqIECcJVkKvQtdi-o7iJ6ivVR4gLHb5LfPRqa-LYxk"


def test_urlsafe_token_with_many_hyphens():
    assert [r.reason for r in explain(f"{BODY}\n{URLSAFE}\n").removals] == ["opaque-token-line"]


@pytest.mark.parametrize("line", [
    "How-To-Fix-Your-Bike-In-10-Steps-Before-The-2024-Season",
    "iPhone-iPad-MacBook-iOS-17-macOS-14-WatchOS-10-release-notes",
])
def test_hyphenated_slugs_stay(line):
    assert explain(f"{BODY}\n{line}\n").removals == ()
