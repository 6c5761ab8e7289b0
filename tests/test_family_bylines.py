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
    "Przez lata rada zbierała się w starym ratuszu.",
    "Przez Atlantyk",
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


@pytest.mark.parametrize("line, author", [
    # an abbreviation or an initial in the name does not end the first sentence
    ("Perry Bacon Jr. is a senior writer for the paper. @perrybaconjr", "Perry Bacon Jr."),
    ("Jane A. Doe is a reporter. She lives by the sea.", "Jane A. Doe"),
    ("Candice Sealey is the Founder & Principal Consultant at a marketing firm.", "Candice Sealey"),
    # academics writing for a blog or a paper
    ("Jane Doe is an assistant professor of political science at the University of Example.", "Jane Doe"),
    ("Anna Schmidt ist Professorin für Digitale Kultur in Zürich.", "Anna Schmidt"),
    ("Claire Dubois est chercheuse au laboratoire de sociologie de Lyon.", "Claire Dubois"),
])
def test_bio_names_and_roles(line, author):
    res = explain(f"{BODY}\n\n{line}\n")
    assert [r.reason for r in res.removals] == ["author-bio"]
    assert res.metadata["author"] == author


@pytest.mark.parametrize("line", [
    "Jane Doe is the third candidate to enter the race for mayor this spring.",
    "Anna Schmidt ist die dritte Kandidatin für das Bürgermeisteramt.",
    "Claire Dubois est la troisième candidate à la mairie.",
])
def test_name_is_sentences_without_a_role_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n") == []


@pytest.mark.parametrize("line", [
    "Jane Doe is a reporter who spent ten years covering the harbour.",
    "Jane Doe is a professor of history who has studied the harbour for thirty years.",
])
def test_bio_like_sentence_followed_by_article_text_stays(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


def test_bio_above_page_furniture():
    # on a whole page the bio stands above share links and teasers, not at the end
    bio = ("Jane Doe is a senior writer for the paper, covering the harbour. She was previously "
           "a reporter at the county weekly.")
    text = f"{BODY}\n\n{bio}\n\nMore stories\n\nHarbour plans delayed again\n\nMayor opens new bridge\n"
    assert reasons(text) == [("author-bio", bio)]


def test_a_long_first_sentence_holds_its_role_among_its_first_words():
    bio = ("Jane Doe is the founder and principal consultant of a full-service marketing and "
           "public relations agency that helps small businesses and local brands to stand out and "
           "get noticed in a crowded market across the whole of the region and beyond it")
    assert reasons(f"{BODY}\n\n{bio}\n") == [("author-bio", bio)]


@pytest.mark.parametrize("label, bio, author", [
    ("Zur Person", "Dr. Anna Schmidt ist Bewegungswissenschaftlerin und Biomechanikerin. Seit über "
     "30 Jahren beschäftigt sie sich mit dem Pferd.", "Dr. Anna Schmidt"),
    ("Über die Autorin:", "Bianca Muster (37) ist Pitch Coach für Start-ups in der Tech-Branche.",
     "Bianca Muster"),
    ("About the author", "Jane Doe has lived by the harbour all her life. Jane Doe is also a keen "
     "sailor.", None),
    ("About the author", "Jane Doe is a pitch coach for start-ups and a speaking trainer.", "Jane Doe"),
])
def test_under_a_byline_label_a_name_and_a_verb_make_a_bio(label, bio, author):
    text = f"{BODY}\n\nShare\n\n{label}\n\n{bio}\n\nMore stories\n"
    found = reasons(text)
    if author is None:  # no copula after the name: not read as a bio
        assert found == [("byline-label", label)]
    else:
        assert found == [("byline-label", label), ("author-bio", bio)]
        assert explain(text).metadata["author"] == author


@pytest.mark.parametrize("line, author", [
    ("Jane Doe covers Congress for the Courier, with a focus on spending.", "Jane Doe"),
    ("John Roe covers county government for the Gazette. Reach him at 555-0163.", "John Roe"),
    ("Jane Doe writes about technology and science for the paper.", "Jane Doe"),
    ("Jane Doe reports on health care from the state capital.", "Jane Doe"),
    ("Anna Schmidt schreibt über Verkehr und Stadtplanung.", "Anna Schmidt"),
    ("Anna Schmidt berichtet für die Zeitung über Landespolitik.", "Anna Schmidt"),
    ("Claire Dubois couvre la politique locale pour le journal.", "Claire Dubois"),
])
def test_a_beat_counts_as_a_role(line, author):
    # at the end, and above page furniture
    for text in (f"{BODY}\n\n{line}\n", f"{BODY}\n\n{line}\n\nMore stories\n\nMayor opens new bridge\n"):
        res = explain(text)
        assert [(r.reason, r.text) for r in res.removals] == [("author-bio", line)]
        assert res.metadata["author"] == author


@pytest.mark.parametrize("line", [
    "The mayor covers the costs for the festival.",
    "Smith covers the event for the local paper every year, she said.",
    "Jane Doe Covers Up In A Long Yellow Coat",        # a headline
    "Jane Doe covers up in a long yellow coat on a shopping trip",   # a teaser
    "Wer schreibt für den Newsletter?",
])
def test_beat_like_lines_stay(line):
    for text in (f"{BODY}\n\n{line}\n\n{BODY}\n", f"{BODY}\n\n{line}\n",
                 f"{BODY}\n\n{line}\n\nMore stories\n"):
        assert reasons(text) == [], text


def test_a_beat_sentence_inside_the_article_stays():
    line = "Jane Doe covers the costs of the festival out of her own pocket every year."
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


def test_two_bios_above_furniture_with_links_after_them():
    # a link ends each bio ("More about ..."), so neither reads like prose
    one = "Jane Doe covers Congress for the Courier, with a focus on spending. More about Jane Doe"
    two = "John Roe is a Washington correspondent covering the environment. More about John Roe"
    text = f"{BODY}\n\n{one}\n{two}\n\nShare full article\n\nMore stories\n"
    assert reasons(text) == [("author-bio", one), ("author-bio", two)]


def test_a_bio_right_under_a_byline():
    text = (f"Headline\n\nBy Jane Marsh\nMs. Marsh is a professor of law.\n\n{BODY}\n\n{BODY}\n")
    assert reasons(text) == [("byline", "By Jane Marsh"), ("author-bio", "Ms. Marsh is a professor of law.")]


def test_a_short_name_is_sentence_under_a_byline_without_a_role_stays():
    text = f"Headline\n\nBy Jane Marsh\nMs. Marsh is the third candidate.\n\n{BODY}\n"
    assert reasons(text) == [("byline", "By Jane Marsh")]


def test_without_a_label_a_bio_needs_its_role():
    line = "Jane Doe is a keen sailor and has lived by the harbour all her life."
    assert reasons(f"{BODY}\n\n{line}\n\nMore stories\n") == []


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


# -- dated-byline: a byline or a name and a full date on one line -------------
PIPE_DATED = Pipeline(["whitespace", "datelines", "bylines"])


@pytest.mark.parametrize("line, author, key, date", [
    ("By Jane Doe Feb 8, 2020 5 min read", "Jane Doe", "published", "2020-02-08"),
    ("By Jane Doe, August 14, 2020 2:30 pm", "Jane Doe", "published", "2020-08-14T14:30"),
    ("Posted on September 21, 2020 by Jane Doe", "Jane Doe", "published", "2020-09-21"),
    ("von Anna Schmidt am 14. Mai 2014, 15:40 Uhr", "Anna Schmidt", "published", "2014-05-14T15:40"),
    ("Veröffentlicht am 13. März 2019 von Anna Schmidt", "Anna Schmidt", "published", "2019-03-13"),
    ("Par Claire Dubois, le mercredi 15 mai 2019 à 08h07", "Claire Dubois", "published", "2019-05-15T08:07"),
    ("por Juan Pérez 4 mayo, 2022", "Juan Pérez", "published", "2022-05-04"),
    ("04.02.2022 | 15:33 Uhr | von Anna Schmidt", "Anna Schmidt", "published", "2022-02-04T15:33"),
    # a name without a byline prefix: with a time, a label or a comment count
    ("19.6.2007 9:40 Uhr Max Muster 71 Kommentare", "Max Muster", "published", "2007-06-19T09:40"),
    ("04.02.2022 | 15:33 Uhr | Anna Schmidt", "Anna Schmidt", "published", "2022-02-04T15:33"),
    ("By Jane Doe Updated March 3, 2022", "Jane Doe", "updated", "2022-03-03"),
    # a site's user name after the prefix, next to a labelled date
    ("Veröffentlicht am 12. Juni 2017 von gizzmo", "gizzmo", "published", "2017-06-12"),
    ("Posted on 2015-04-05 by marc", "marc", "published", "2015-04-05"),
    # the date twice (published, then modified)
    ("Veröffentlicht am 10. Februar 2019 9. Februar 2019 von Heiko", "Heiko", "published", "2019-02-10"),
    # a link at the end
    ("Posted on 2015-04-05 by marc | Leave a comment", "marc", "published", "2015-04-05"),
    # the date first, with the month's name first ("September 15, 2020"), or its label first
    ("September 15, 2020 by Jane Doe", "Jane Doe", "published", "2020-09-15"),
    ("Sept. 15, 2020 By Jane Doe", "Jane Doe", "published", "2020-09-15"),
    ("Published September 15, 2020 by Jane Doe", "Jane Doe", "published", "2020-09-15"),
    ("Dezember 26, 2019 von Andrea Muster", "Andrea Muster", "published", "2019-12-26"),
    # Polish "przez" (by)
    ("Opublikowano 6 maja 2024 przez Anna Nowak", "Anna Nowak", "published", "2024-05-06"),
])
def test_dated_bylines(line, author, key, date):
    res = cleantext.explain(f"Headline\n\n{line}\n\n{BODY}\n", pipeline=PIPE_DATED)
    assert [(r.reason, r.text) for r in res.removals] == [("dated-byline", line)]
    assert res.metadata["author"] == author
    assert res.metadata[key] == date


@pytest.mark.parametrize("line", [
    # a name and a date alone: a list item or a heading as well
    "Landtagswahl Bayern 14. Oktober 2018",
    "Angela Merkel, 17. Juli 1954",
    # sentences with a date
    "Am 14. Mai 2014 starb Anna Schmidt in Berlin.",
    "By March 3, 2022 the council had agreed on a budget.",
    "On 3 March 2020 the council met for the last time.",
    "Von 2019 bis 2022 leitete sie das Amt.",
    "14. Mai 2014: Anna Schmidt gewinnt die Wahl in Berlin",
    # a lower-case word after "von" with no label or time beside the date
    "14. Oktober 2018 von oben",
    # the month first: sentences, and a heading
    "September 15, 2020 by the latest, the council said.",
    "September 15, 2020: Jane Doe wins the vote",
    "Updated September 15, 2020 to add a statement from the mayor",
])
def test_names_and_dates_that_are_not_bylines_stay(line):
    res = cleantext.explain(f"Headline\n\n{line}\n\n{BODY}\n", pipeline=PIPE_DATED)
    assert not res.removals, res.removals


@pytest.mark.parametrize("line", [
    "Termin: Montag, 15. November 2021 um 10.30 Uhr",   # a label, not a name
    "Montag Dienstag, 15. November 2021 um 10.30 Uhr",  # weekdays, not a name
    "Actualizado al 03/05/2022 22:46",                  # a dateline's words, not a name
])
def test_a_label_or_a_weekday_is_no_name_beside_a_date(line):
    from cleantext.filters.bylines import Bylines
    assert Bylines()._dated_byline(line) is None
    assert Bylines()._dated_byline("Jane Doe 15. November 2021 um 10.30 Uhr") == (
        "Jane Doe", "published", "2021-11-15T10:30")


# -- review bylines, author boxes, "About <Org>" boxes, contact lines ----------
@pytest.mark.parametrize("line, author", [
    ("Fact checked by Lauren Example", "Lauren Example"),
    ("Medically reviewed by Jane Doe, MD", "Jane Doe"),
    ("Reviewed by Jane Doe", "Jane Doe"),
    ("Geprüft von Anna Schmidt", "Anna Schmidt"),
    ("Vérifié par Claire Dubois", "Claire Dubois"),
])
def test_review_bylines(line, author):
    res = explain(f"Headline\n\n{line}\n\n{BODY}\n")
    assert [(r.reason, r.text) for r in res.removals] == [("byline", line)]
    assert res.metadata["author"] == author


@pytest.mark.parametrize("line", [
    "Reviewed by the council, the plan was approved on Monday.",
    "Geprüft von der Stadt wurde der Plan nicht.",
])
def test_review_sentences_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


@pytest.mark.parametrize("name, bio", [
    ("Marco Rossi", "Giornalista, segue da dieci anni trasporti e infrastrutture per la redazione."),
    ("Jane Doe", "Journalist and author, she has covered the harbour for ten years."),
    ("Andrea Muster", "Redakteurin, schreibt über Verkehr und Stadtplanung."),
])
def test_a_name_above_a_bio_that_starts_with_its_role(name, bio):
    for after in ("", "Share on Facebook | Share on X\n"):
        text = f"{BODY}\n\n{BODY}\n\n{name}\n{bio}\n\n{after}"
        assert reasons(text)[:2] == [("author-bio", name), ("author-bio", bio)], text


@pytest.mark.parametrize("line", [
    "Giornalista da trent'anni, Rossi ha raccontato la città e i suoi cambiamenti.",
    "Ich bin Lehrerin, sagte sie.",
    "Anna Nowak – radna z Poznania – powiedziała, że plan jest gotowy.",
])
def test_role_and_intro_sentences_inside_the_article_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


def test_a_quote_at_the_end_stays():
    text = f"{BODY}\n\nMarco Rossi\n«Non è finita qui», ha detto il sindaco ai giornalisti.\n"
    assert reasons(text) == []


@pytest.mark.parametrize("label, bio", [
    ("O autorce", "Anna Nowak – księgowa z Poznania, mama dwóch nastolatków i biegaczka od 2022 roku."),
    ("About the author", "Hi, I'm Megan!"),
    ("Über die Autorin", "Ich bin Jana, 34, Lehrerin aus Koblenz und am liebsten zu Fuß unterwegs."),
])
def test_author_boxes_under_a_label(label, bio):
    text = f"{BODY}\n\n{label}\n{bio}\n\nMore stories\n"
    assert reasons(text) == [("byline-label", label), ("author-bio", bio)]


@pytest.mark.parametrize("label", ["More about me", "Mehr über mich", "En savoir plus sur moi"])
def test_more_about_me_labels(label):
    assert reasons(f"{BODY}\n\n{label}\n\nMore stories\n") == [("byline-label", label)]
    assert reasons(f"{BODY}\n\n{label}\n\n{BODY}\n") == []


@pytest.mark.parametrize("heading, para", [
    ("About Harvest Table Coalition", "Harvest Table Coalition is a nonprofit network of 84 food banks "
     "working to end hunger. Learn more at example.org."),
    ("Über Acme", "Die Acme GmbH mit Sitz in München wurde 2011 gegründet und entwickelt Software. "
     "Weitere Informationen unter www.acme.example.de."),
    ("À propos de Acme", "Acme est une entreprise fondée en 2011 à Lyon. Plus d'informations sur acme.example.fr."),
    ("Über Jana", "Ich bin Jana, 34, Lehrerin aus Koblenz und am liebsten zu Fuß unterwegs."),
])
def test_about_boxes_at_the_end(heading, para):
    for after in ("", "Pressekontakt:\n"):
        text = f"{BODY}\n\n{BODY}\n\n{heading}\n{para}\n\n{after}"
        assert reasons(text)[:2] == [("about-box", heading), ("about-box", para)], text


@pytest.mark.parametrize("heading, para", [
    ("About 200 people came.", "About 200 people came to the meeting in the town hall on Monday."),
    # a topic, not an organisation: no web address, no introduction
    ("About Python", "Python is an interpreted, object-oriented, high-level programming language."),
    ("About The Study", "The study was carried out over two years in three cities."),
])
def test_about_like_headings_stay(heading, para):
    assert reasons(f"{BODY}\n\n{heading}\n{para}\n") == []


def test_an_about_box_with_the_article_going_on_after_it_stays():
    heading, para = "About Acme Corp", "Acme Corp is a company founded in 2011. Learn more at example.org."
    assert reasons(f"{BODY}\n\n{heading}\n{para}\n\n{BODY}\n") == []


@pytest.mark.parametrize("line", [
    "Contact: Dana Example, 503-555-0142, dana@example.gov",
    "Media contact: Jane Doe, press@example.org",
    "Pressekontakt: Anna Schmidt, Tel. 089 215 488 30",
])
def test_press_contact_lines(line):
    assert reasons(f"Headline\n\n{line}\n\n{BODY}\n") == [("press-contact", reasons(f"{line}\n")[0][1])]


@pytest.mark.parametrize("line", [
    "Contact: the first meeting was in 2011, the mayor said.",
    "Contact with the harbour office is possible by phone.",
])
def test_contact_like_lines_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []
