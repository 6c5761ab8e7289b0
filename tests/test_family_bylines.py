"""Bylines, author labels and bios; the author goes into the metadata."""
import pytest

import cleantext
from cleantext import Pipeline

PIPE = Pipeline(["whitespace", "bylines"])
BODY = ("The council voted on Monday evening to approve a budget that is four percent smaller "
        "than last year's, after a long meeting in the town hall.")


def explain(text):
    return cleantext.explain(text, pipeline=PIPE)


def reasons(text):
    return [(r.reason, r.text) for r in explain(text).removals]


@pytest.mark.parametrize("line, author", [
    ("By Jane Doe", "Jane Doe"),
    ("By Jane Doe and John Smith", "Jane Doe and John Smith"),
    ("By Jane Doe, Health Reporter", "Jane Doe"),
    ("Written by Jane Doe", "Jane Doe"),
    ("Von Anna Schmidt", "Anna Schmidt"),
    ("Par Claire Dubois", "Claire Dubois"),
    ("Autor: Jan Kowalski", "Jan Kowalski"),
    ("Por Juan Pérez", "Juan Pérez"),
    ("Door Anna van Dijk", "Anna van Dijk"),
    ("Texto: Carmen Ruiz", "Carmen Ruiz"),
    # Particles do not count towards the six name words.
    ("Door Thijs Van Assen en Anna de Vries", "Thijs Van Assen en Anna de Vries"),
    ("Texto de Ana Lima", "Ana Lima"),
    # A place or section after the name.
    ("Posted by Jane Doe in Local News", "Jane Doe"),
    ("By Jane Doe in New York", "Jane Doe"),
    # A time of day after the name (blog post footers).
    ("Posted by Jane Doe at 12:11 PM", "Jane Doe"),
    ("Eingestellt von Max Muster um 21:11", "Max Muster"),
])
def test_bylines(line, author):
    res = explain(f"Headline\n\n{line}\n\n{BODY}\n")
    assert [(r.reason, r.text) for r in res.removals] == [("byline", line)]
    assert res.metadata["author"] == author


def test_byline_of_several_authors_goes():
    line = "Autorzy: Anna Nowak, Piotr Wiśniewski"
    assert reasons(f"Headline\n\n{line}\n\n{BODY}\n") == [("byline", line)]


@pytest.mark.parametrize("line", [
    "By Monday, the council had agreed on a budget.",
    "By Night",
    "Von Berlin nach Hamburg fährt der Zug zwei Stunden.",
    "Par temps de pluie, le marché se tient sous la halle.",
    "Por la mañana llovió en toda la ciudad.",
    "Texto y música se complementan en la obra, dijo la directora.",
])
def test_sentences_starting_with_a_byline_word_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


def test_bio_run_at_the_end():
    text = (f"{BODY}\n\nJane Doe is a senior reporter covering the coast.\n\nWritten By\n\n"
            "Jane Doe is a senior reporter at the paper. She has covered local politics for ten "
            "years and lives by the sea with her two dogs.\n")
    res = explain(text)
    assert [r.reason for r in res.removals] == ["author-bio", "byline-label", "author-bio"]
    assert res.metadata["author"] == "Jane Doe"
    assert res.text == BODY + "\n"


@pytest.mark.parametrize("line", [
    "Anna Schmidt ist Redakteurin im Lokalressort.",
    "Claire Dubois est journaliste au service politique.",
    "Jan Kowalski jest dziennikarzem działu miejskiego.",
])
def test_bios_in_other_languages(line):
    assert [r for r, _ in reasons(f"{BODY}\n\n{line}\n")] == ["author-bio"]


@pytest.mark.parametrize("line", [
    "Jane Doe is the third candidate to enter the race for mayor this spring.",
    "Anna Schmidt ist die dritte Kandidatin für das Bürgermeisteramt.",
    "Claire Dubois est la troisième candidate à la mairie.",
])
def test_name_is_sentences_without_a_role_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n") == []


def test_bio_like_sentence_followed_by_article_text_stays():
    line = "Jane Doe is a reporter who spent ten years covering the harbour."
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


def test_bio_above_page_furniture():
    # on a whole page the bio stands above share links and teasers, not at the end
    bio = ("Jane Doe is a senior writer for the paper, covering the harbour. She was previously "
           "a reporter at the county weekly.")
    text = f"{BODY}\n\n{bio}\n\nMore stories\n\nHarbour plans delayed again\n\nMayor opens new bridge\n"
    assert reasons(text) == [("author-bio", bio)]


def test_a_role_word_is_not_part_of_a_name():
    line = ("Als Naturfilmer und Autor arbeitet Stephan Berger als freier Mitarbeiter für "
            "zwei Fachzeitschriften.")
    assert reasons(f"{BODY}\n\n{line}\n\nMehr Artikel\n") == []


@pytest.mark.parametrize("line", [
    # wire credits at the end belong to the article in the development labels
    "Reporting by Jane Doe in Kyiv; Editing by John Roe",
    "Additional reporting by Anna Berg.",
    "Jane Doe contributed to this report.",
])
def test_wire_credits_stay(line):
    assert reasons(f"{BODY}\n\n{BODY}\n\n{line}\n") == []
