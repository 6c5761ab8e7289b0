"""Minimal failing examples found by the property suite, kept as plain tests."""
import ftfy.bad_codecs  # noqa: F401  (sloppy-windows-1252)
import pytest

import cleantext
from cleantext.testing import assert_idempotent, assert_keeps


def _mojibake(text: str) -> str:
    return text.encode("utf-8").decode("sloppy-windows-1252")


def test_nbsp_after_mojibake_is_repaired_in_one_pass():
    # "ArtykuÅ‚\xa0sponsorowany": the page was decoded wrongly, but its &nbsp;
    # entity was decoded right.  ftfy saw the sequence only after whitespace
    # normalization, i.e. on a second cleaning: clean() was not idempotent.
    text = "Artyku\u00c5\u201a\u00a0sponsorowany\n\nRada miejska zatwierdzi\u00c5\u201aa plan.\n"
    assert cleantext.clean(text) == "Rada miejska zatwierdziła plan.\n"
    assert_idempotent(cleantext.clean, text)


def test_thin_space_after_mojibake_is_repaired_in_one_pass():
    text = "Artyku\u00c5\u201a\u2009sponsorowany\n\nRada miejska zatwierdzi\u00c5\u201aa plan.\n"
    assert cleantext.clean(text) == "Rada miejska zatwierdziła plan.\n"
    assert_idempotent(cleantext.clean, text)


def test_real_mojibake_of_a_no_break_space_is_still_repaired():
    assert _mojibake("Anzeige\u00a0") == "Anzeige\u00c2\u00a0"
    assert cleantext.clean(" " + _mojibake("\u00a0Anzeige") + "\n\nText.\n") == "Text.\n"
    assert cleantext.clean(_mojibake("voilà la carte")) == "voilà la carte\n"


def test_byte_order_mark_in_a_line_does_not_block_mojibake_repair():
    # One BOM anywhere in a line kept ftfy from re-encoding the whole line.
    para = "„Nikt się nie spodziewał” – mówi wprost Anna, która 6 lutego była na miejscu."
    damaged = _mojibake(para).replace(" 6 ", " 6\ufeff ")
    assert_keeps(cleantext.clean, damaged, [para])
    assert_idempotent(cleantext.clean, damaged)


def test_terminal_escapes_are_still_removed_whole():
    assert cleantext.clean("\x1b[31mzażółć\x1b[0m gęślą\n") == "zażółć gęślą\n"


def test_carriage_returns_do_not_change_the_repair():
    # ftfy repairs line by line and sees only "\n" as a line break; the
    # property suite's minimal example was "Ü\ud800\r\x80".
    assert_idempotent(cleantext.clean, "Ü\ud800\r\x80")
    assert cleantext.clean("Ü\ud800\r\x80") == cleantext.clean("Ü\ud800\n\x80")
    assert cleantext.clean(_mojibake("Zażółć\r\ngęślą\u2028jaźń")) == "Zażółć\ngęślą\njaźń\n"


def test_spaces_around_a_lone_lead_byte_do_not_change_the_repair():
    # ftfy reads "Â " as a mojibake no-break space only once whitespace is tidy.
    for text in ("Â\t0", " Â 0", "Â  0", "Â\u2028 0", "Â\ud800\x0c\x80"):
        assert_idempotent(cleantext.clean, text)



@pytest.mark.parametrize("above, credit, after", [
    # a search prompt of four tokens above the headline was taken for the headline ...
    ("– Czego szukasz? –", "Autor zdjęcia: Agnieszka Jastrzębski", ""),
    # ... and so was a five-word follow prompt: no line like a headline above the
    # first paragraph is bound to the credit under it
    ("Dołącz do nas na Mastodon", "– Adobe Stock –", "\n\nAutor\n28 lipca 2025, 01:16"),
])
def test_a_headline_under_a_prompt_is_not_bound_to_its_photo_credit(above, credit, after):
    # The real headline, directly above a photo credit, was bound to it as its caption.
    headline = "Mieszkańcy spierają się o przyszłość hali targowej w miejscowości Kamionka"
    paras = ["Prace na pierwszym odcinku mają ruszyć 12 kwietnia i potrwać około 38 miesięcy. "
             "Rolnicy z doliny już drugi rok z rzędu zapowiadają słabe zbiory.",
             "Plan przedstawiony 2 maja ma przynieść regionowi około 6507 miejsc pracy. Z raportu "
             "wynika, że 22 procent gospodarstw domowych ograniczyło ogrzewanie zeszłej zimy."]
    text = f"{above}\n\n{headline}\n{credit}{after}\n\n{paras[0]}\n\n{paras[1]}\n"
    assert_keeps(cleantext.clean, text, [headline, *paras])
    assert credit.strip("– ") not in cleantext.clean(text)

def test_a_bracketed_credit_with_a_name_particle_goes():
    para = ("Le conseil municipal a approuvé mardi soir un budget en baisse de quatre pour cent, "
            "après une longue séance à l'hôtel de ville.")
    res = cleantext.explain(f"Le conseil adopte un budget réduit\n\n(Photo Photothèque du Valmont)\n\n{para}\n")
    assert [(r.reason, r.text) for r in res.removals] == [("credit-line", "(Photo Photothèque du Valmont)")]


def test_a_german_headline_above_a_title_like_line_is_not_a_tagline():
    # Found by the property suite: under removed navigation, a German headline in
    # sentence case (its nouns capitalised) above a title-like line left over (a
    # byline label behind mojibake that ftfy leaves alone) was taken for the
    # site's tagline and removed.
    headline = "Kosten für die Umgehungsstraße steigen um 56 Prozent"
    para = ("Der Gemeinderat von Birkenfelde hat am Donnerstag nach langer Debatte 47 neue "
            "Wohnprojekte genehmigt. Kritiker halten den Zeitplan für zu ehrgeizig.")
    text = f"Besuchen Sie uns auf Mastodon\n\nAGB\n\n{headline}\n\nâ–\xa0 Alle Artikel des Autors\n\n{para}\n"
    assert_keeps(cleantext.clean, text, [headline, para])


@pytest.mark.parametrize("above", [
    "Archivbild: Sabine Drechsler",   # a bare credit: a caption stands above it, not below
    "Abb 2: Gemischte Reaktionen",    # a figure label is a whole caption: nothing to bind
])
@pytest.mark.parametrize("first", [
    "Die neuen Regeln gelten für alle Betriebe mit mehr als 49 Beschäftigten. Das Museum "
    "erwartet zur Eröffnung der Ausstellung im Juli rund 6328 Besucher.",
    " ".join(["Der Gemeinderat von Birkenfelde hat am Donnerstag nach langer Debatte 47 neue "
              "Wohnprojekte genehmigt."] * 5),   # longer than any caption (caption_chars)
])
def test_a_first_paragraph_directly_under_a_credit_or_figure_label_stays(above, first):
    # Found by a long property run: the first paragraph followed a credit line (or a
    # figure label) with a single line break and was bound to it as its caption.
    headline = "Steinwalde genehmigt 55 neue Wohnungen am alten Bahnhof"
    rest = ["Lea Sommerfeld, Forscherin an der Universität, bringt es auf den Punkt. Die "
            "Hafenbehörde wollte sich zum Zeitpunkt der Entscheidung nicht äußern. Kritiker "
            "halten den Zeitplan für zu ehrgeizig und würden das Geld lieber in Schulen stecken.",
            "Die Anwohner sind für Montagabend zu einer Versammlung ins Rathaus eingeladen. Die "
            "Arbeiten am ersten Abschnitt sollen im Oktober 2027 beginnen und etwa 68 Monate dauern."]
    text = f"{headline}\n\n{above}\n{first}\n\n{rest[0]}\n\n{rest[1]}\n"
    assert_keeps(cleantext.clean, text, [headline, first, *rest])
    assert above not in cleantext.clean(text)


def test_a_paragraph_of_several_sentences_directly_above_a_credit_stays():
    # Found by a long property run: a first paragraph of four sentences (393
    # characters) stood directly above an agency credit and was bound to it as its
    # caption.  A caption holds at most two sentences (caption_sentences).
    headline = "Steinwalde genehmigt 55 neue Wohnungen am alten Bahnhof"
    first = ("Tobias Hainbach wohnt seit 62 Jahren in Steinwalde. Kritiker halten den Zeitplan "
             "für zu ehrgeizig. Der Zweckverband rechnet mit Mehrkosten von 8 Prozent. "
             "„So niedrig habe ich den Fluss noch nie gesehen“, fügte Brandhuber hinzu.")
    rest = ["Felix Kohlhaas wohnt seit 87 Jahren in Birkenfelde und erinnert sich noch an den alten "
            "Bahnhof. Die Universität rechnet mit Mehrkosten von 40 Prozent.",
            "Der Gemeinderat von Birkenfelde hat am Sonntag nach langer Debatte 10 neue Wohnprojekte "
            "genehmigt. Die Anwohner sind zu einer Versammlung ins Rathaus eingeladen."]
    text = f"{headline}\n\n{first}\nAFP\n\n{rest[0]}\n\n{rest[1]}\n"
    assert_keeps(cleantext.clean, text, [headline, first, *rest])
    assert "AFP" not in cleantext.clean(text)


def test_headline_between_a_label_and_a_gallery_counter_is_not_a_caption():
    # "About us:" above the headline made the group start above it, so the headline
    # was bound to the gallery counter "1 / 5" below it as that picture's caption.
    headline = "Harlan Bay approves plan for 55 new homes near the old station"
    para = ("Officials from the harbour authority declined to comment on the timing of the "
            "decision. The council approved 63 new housing projects on Wednesday.")
    text = f"About us:\r\n{headline}\r\n1 / 5\r\n \r\n\r\n{para}\r\n"
    assert_keeps(cleantext.clean, text, [headline, para])


def test_first_paragraph_above_an_archive_photo_credit_is_kept():
    # The property suite's long-standing case: under the headline and byline, the first
    # paragraph (two sentences) and "Archivbild: <name>" with a single line break; the
    # paragraph was bound to the credit as a long caption above the article.
    first = ("Die neuen Regeln gelten für alle Betriebe mit mehr als 49 Beschäftigten. Das Museum "
             "erwartet zur Eröffnung der Ausstellung im Juli rund 6328 Besucher.")
    text = ("Steinwalde genehmigt 55 neue Wohnungen am alten Bahnhof\n    Artikel von Sabine Drechsler\n \n\n"
            f"{_mojibake(first)}\n    Archivbild: Sabine Drechsler \t\n\n"
            "Die Anwohner sind für Montagabend zu einer Versammlung ins Rathaus eingeladen. Die Arbeiten "
            "am ersten Abschnitt sollen im Oktober 2027 beginnen und etwa 68 Monate dauern.\n")
    assert_keeps(cleantext.clean, text, [first])
    assert_idempotent(cleantext.clean, text)
