"""Datelines and reading time; dates go into the metadata as ISO 8601."""
import pytest

import cleantext
from cleantext import Pipeline

PIPE = Pipeline(["whitespace", "datelines"])
BODY = "The council met on Monday and agreed on a budget for the next two years."


def explain(text):
    return cleantext.explain(text, pipeline=PIPE)


@pytest.mark.parametrize("line, key, value", [
    ("March 2, 2022 3:52pm", "published", "2022-03-02T15:52"),
    # "pm" apart from the time is still read with it.
    ("March 2, 2022 3:52 pm", "published", "2022-03-02T15:52"),
    ("March 2, 2022 3:52 p.m. ET", "published", "2022-03-02T15:52"),
    ("March 2, 2022 3:52 am", "published", "2022-03-02T03:52"),
    ("Updated: March 3, 2022 10:59am", "updated", "2022-03-03T10:59"),
    ("Published on Monday, June 14, 2023", "published", "2023-06-14"),
    ("14 June 2023 | 09:05 BST", "published", "2023-06-14T09:05"),
    ("2024-03-12", "published", "2024-03-12"),
    ("2024-03-12T10:15:00Z", "published", "2024-03-12T10:15"),
    ("12.03.2024, 10:15 Uhr", "published", "2024-03-12T10:15"),
    ("Veröffentlicht am 12. März 2024", "published", "2024-03-12"),
    ("Publiziert: 03.04.2020, 12:35", "published", "2020-04-03T12:35"),
    ("Aktualisiert am 13.03.2024 um 08:30 Uhr", "updated", "2024-03-13T08:30"),
    ("Publié le 5 avril 2024 à 08h30", "published", "2024-04-05T08:30"),
    ("Mis à jour le 6 avril 2024", "updated", "2024-04-06"),
    ("Opublikowano: 3 marca 2024", "published", "2024-03-03"),
    ("Aktualizacja: 4 marca 2024, godz. 12:00", "updated", "2024-03-04T12:00"),
    ("5 de marzo de 2024", "published", "2024-03-05"),
    ("12 maggio 2024", "published", "2024-05-12"),
    ("31. Mai", "published", "31. Mai"),  # no year: kept as written
    # The time before the date.
    ("Updated 02:31 26 January 2024", "updated", "2024-01-26T02:31"),
    ("02:31, 26 January 2024", "published", "2024-01-26T02:31"),
    # ... with a time zone and a weekday between them.
    ("Published 12:05 PM EST, Tue March 1, 2022", "published", "2022-03-01T12:05"),
    ("Updated 9:41 a.m. ET Friday, June 16, 2023", "updated", "2023-06-16T09:41"),
    # Separators between the date and its time, in any language.
    ("17 April 2012 • 2:54pm", "published", "2012-04-17T14:54"),
    ("3 March 2020 / 10:00", "published", "2020-03-03T10:00"),
    # Day-month-year with hyphens.
    ("Gepubliceerd: 25-06-2022 23:50", "published", "2022-06-25T23:50"),
    # A word before the date ("le", "on") starts the line.
    ("Le 5 août 2026 à 05:45", "published", "2026-08-05T05:45"),
    ("On March 2, 2022", "published", "2022-03-02"),
    # The time before the date, with a time zone.
    ("Published: 5:42 PM CDT July 18, 2024", "published", "2024-07-18T17:42"),
    ("Updated: 10:15 PM MDT July 18, 2024", "updated", "2024-07-18T22:15"),
    # A time with an "h" after it.
    ("Actualizado: 12/03/2024 - 13:45h", "updated", "2024-03-12T13:45"),
    ("Publicado: 12/03/2024 - 11:02h", "published", "2024-03-12T11:02"),
    # Labels that name the date.
    ("Data utworzenia: 15 kwietnia 2024, 10:12", "published", "2024-04-15T10:12"),
    ("Date published: March 3, 2024", "published", "2024-03-03"),
    ("Fecha de actualización: 5 de marzo de 2024", "updated", "2024-03-05"),
    # A full stop at the end of a labelled dateline; a notice of the first publication.
    ("Published March 3, 2024.", "published", "2024-03-03"),
    ("This article was originally published on March 3, 2024.", "published", "2024-03-03"),
    ("Dieser Artikel wurde ursprünglich am 14. März 2024 um 13:12 Uhr veröffentlicht.",
     "published", "2024-03-14T13:12"),
])
def test_datelines(line, key, value):
    res = explain(f"{line}\n\n{BODY}\n")
    assert [(r.reason, r.text) for r in res.removals] == [("date-line", line)]
    assert res.metadata[key] == value


@pytest.mark.parametrize("line", [
    "5 min read", "Lesezeit: 3 Minuten", "3 Min. Lesezeit", "Temps de lecture : 4 min",
    "Czas czytania: 6 min", "10 minutos de lectura", "Ten tekst przeczytasz w 3 minuty",
])
def test_reading_time(line):
    assert [(r.reason, r.text) for r in explain(f"{BODY}\n\n{line}\n").removals] == \
        [("reading-time", line)]


@pytest.mark.parametrize("line, key, value", [
    ("Updated: Apr 2, 2024 • 10 min read", "updated", "2024-04-02"),
    ("12.03.2024, 09:10 Uhr | 4 Min. Lesezeit", "published", "2024-03-12T09:10"),
    ("5 min read · March 3, 2024", "published", "2024-03-03"),
])
def test_a_dateline_beside_a_reading_time(line, key, value):
    res = explain(f"{line}\n\n{BODY}\n")
    assert [(r.reason, r.text) for r in res.removals] == [("date-line", line)]
    assert res.metadata[key] == value


@pytest.mark.parametrize("line", [
    "3 hours ago", "Updated 2 days ago", "Updated: 1 minute ago", "Posted 5h ago",
    "vor 5 Minuten", "Aktualisiert vor 2 Stunden", "il y a 3 heures", "Mis à jour il y a 2 jours",
    "hace 2 días", "5 ore fa", "há 3 horas", "3 uur geleden", "2 godziny temu",
])
def test_relative_dates(line):
    res = explain(f"{line}\n\n{BODY}\n")
    assert [(r.reason, r.text) for r in res.removals] == [("relative-date", line)]
    assert "published" not in res.metadata and "updated" not in res.metadata


@pytest.mark.parametrize("line", [
    "3:59 PM", "12:05 p.m.", "4:53 pm ET", "17:42 Uhr", "10.30 Uhr", "08h30 h", "18:00 uur",
])
def test_time_lines(line):
    res = explain(f"{BODY}\n\n{line}\n\n{BODY}\n")
    assert [(r.reason, r.text) for r in res.removals] == [("time-line", line)]
    assert "published" not in res.metadata


@pytest.mark.parametrize("line", [
    "15:40",            # a score, a duration or a time: nothing says which
    "00:01:01",
    "1h30",
    "25:23 Uhr",        # no time of day
    "3:59 PM sharp the doors opened.",
    "17:42 Uhr endete die Sitzung.",
    "15:40 -",
])
def test_times_that_are_not_alone_stay(line):
    assert explain(f"{BODY}\n\n{line}\n\n{BODY}\n").removals == ()


@pytest.mark.parametrize("line", [
    "3 hours ago the council met for the last time.",
    "Two days ago, the council met.",
    "Updated 2 days ago, the plan now includes a new bridge.",
    "Vor 5 Minuten hat der Rat getagt.",
    "Il y a 3 heures, le conseil s'est réuni.",
])
def test_times_ago_in_sentences_stay(line):
    assert explain(f"{BODY}\n\n{line}\n").removals == ()


@pytest.mark.parametrize("line", [
    "On March 2, 2022 the council met for the last time.",
    "March 2, 2022 was the day the council met for the last time.",
    "Am 12. März 2024 tagte der Rat zum letzten Mal.",
    "12.03.2024 Konzert im Park",
    "300 g Mehl",
    "Le 5 avril 2024, le conseil s'est réuni pour la dernière fois.",
    "3 marca 2024 roku rada zebrała się po raz ostatni.",
    "May the best team win",
    "5 minutes later the bus came.",
    "14:00 26 people were evacuated from the station.",
    "9:30 am 4 May was when the doors opened.",
    "25-06-2022 was the day the council met for the last time.",
    "July 18, 2024 was the hottest day ever measured in the city.",
    "5:42 PM CDT July 18, 2024 was when the storm reached the city.",
    "Updated: Apr 2, 2024 • 10 min read about the vote",
    "Jun 4, 2024 Updated the schedule 3 days ago.",
    "Dieser Artikel wurde ursprünglich am 14. März 2024 im Rat beschlossen.",
    "This article was originally published on March 3, 2024 in a shorter form.",
    "Publié le 14 mars 2024 à 11h32, modifié ensuite par le conseil.",
])
def test_dates_in_sentences_stay(line):
    assert explain(f"{BODY}\n\n{line}\n").removals == ()


@pytest.mark.parametrize("line, published, updated", [
    ("Published 3 March 2020 Updated 4 March 2020 12:02", "2020-03-03", "2020-03-04T12:02"),
    ("Pubblicato il 19 Febbraio 2020 Ultima modifica 19 Febbraio 2020 12:02", "2020-02-19", "2020-02-19T12:02"),
    ("Veröffentlicht am 12.03.2024 Aktualisiert am 13.03.2024 um 08:30 Uhr", "2024-03-12", "2024-03-13T08:30"),
    # the update as a time of day on the same day
    ("Publié le 14 mars 2024 à 11h32, modifié à 15h08", "2024-03-14T11:32", "2024-03-14T15:08"),
    ("Veröffentlicht am 12.03.2024, 10:15 Uhr, aktualisiert um 14:20 Uhr", "2024-03-12T10:15",
     "2024-03-12T14:20"),
])
def test_published_and_updated_on_one_line(line, published, updated):
    res = explain(f"{BODY}\n\n{line}\n")
    assert [(r.reason, r.text) for r in res.removals] == [("date-line", line)]
    assert (res.metadata["published"], res.metadata["updated"]) == (published, updated)


def test_a_sentence_with_two_dates_stays():
    line = "Published 3 March 2020, updated the plan on 4 March 2020 after the vote."
    assert explain(f"{BODY}\n\n{line}\n").removals == ()


@pytest.mark.parametrize("line, value", [
    ("January 13, 2020 at 08:45 AM | categories: Python, Mercurial | View Comments", "2020-01-13T08:45"),
    ("6. November 2023 | 3 Kommentare", "2023-11-06"),
    ("Sonntag, 02.11.2014 | Tags: Weihnachtsmarkt, Advent", "2014-11-02"),
    ("29.07.2006 um 16:43 | Antworten", "2006-07-29T16:43"),
])
def test_a_post_meta_line(line, value):
    # a dateline and, set apart by bars, a comment count, a tag list or a comment link
    res = explain(f"{line}\n\n{BODY}\n")
    assert [(r.reason, r.text) for r in res.removals] == [("date-line", line)]
    assert res.metadata["published"] == value


@pytest.mark.parametrize("line", [
    "March 3, 2022 | The council votes on the budget",            # a headline beside the date
    "March 3, 2022 | May 5, 2022 | Comments",                       # two dates
    "Comments | Share | Print",                                     # no date
])
def test_lines_with_bars_that_are_no_meta_lines_stay(line):
    assert explain(f"{BODY}\n\n{line}\n\n{BODY}\n").removals == ()


@pytest.mark.parametrize("line", ["Jun 4, 2024 Updated 3 hrs ago", "12. März 2024 Aktualisiert vor 2 Stunden"])
def test_a_dateline_and_a_time_ago(line):
    # the time ago names no date: only the publication date goes into the metadata
    res = explain(f"{line}\n\n{BODY}\n")
    assert [(r.reason, r.text) for r in res.removals] == [("date-line", line)]
    assert "published" in res.metadata and "updated" not in res.metadata


@pytest.mark.parametrize("line, value", [
    ("Zaragoza, 17 mar. 2024 - 21:58 CET", "2024-03-17T21:58"),
    ("Boston, March 3, 2024 9:12 a.m.", "2024-03-03T09:12"),
    ("Saint-Étienne, 5 avril 2024 à 08h30", "2024-04-05T08:30"),
])
def test_a_place_a_date_and_a_time(line, value):
    res = explain(f"{BODY}\n\n{line}\n\n{BODY}\n")
    assert [(r.reason, r.text) for r in res.removals] == [("place-date", line)]
    assert res.metadata["published"] == value


@pytest.mark.parametrize("line", [
    "Berlin, 14. Oktober 2018",                  # no time: a heading's place and date too
    "Stadtfest Koblenz, 14. Oktober 2018 um 10:00 Uhr",  # two words: a name, an event
    "Jane Doe, 17 March 2024 10:12",             # a name: the bylines' to read
    "Paris, 5 avril 2024 à 08h30, le conseil s'est réuni.",
    "Boston, March 3, 2024 9:12 a.m. was when the storm hit.",
    "user42, 26. Januar 2022 13:05",
])
def test_place_and_date_lines_that_stay(line):
    assert explain(f"{BODY}\n\n{line}\n\n{BODY}\n").removals == ()
