"""Captions and credits, and caption sentences bound to a credit line."""
import pytest

from cleantext import Pipeline

from conftest import reasons_for

PIPE = Pipeline(["whitespace", "captions"])
BODY = ("The council voted on Monday evening to approve a budget that is four percent smaller "
        "than last year's, after a long meeting in the town hall.")
BODY2 = ("Most of the savings come from delaying the repair of two bridges over the river, "
         "the mayor said after the vote on Monday night.")


reasons = reasons_for(PIPE)


@pytest.mark.parametrize("line", [
    "Photo: AP", "(Photo: AP)", "Photo by Jane Doe / Getty Images", "Image credit: City archive",
    "AP Photo/Jane Doe", "Foto: dpa", "Bild: picture alliance / Max Muster", "Fot. PAP",
    "Photo : AFP", "Crédit photo : Mairie", "Foto: EFE", "Foto: ANSA", "Beeld: ANP",
    "Photo by ev on Unsplash", "Crédits photos : Agence X", "Copyright: Jane Doe",
])
def test_credit_lines(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == [("credit-line", line)]


def test_caption_ending_with_a_credit():
    line = "The old bridge at dusk. Image credit: City archive"
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == [("caption-credit", line)]


@pytest.mark.parametrize("line", [
    # the credit's marker stands after the last sentence, and the credit holds separators
    "The crowd at the finish line. Photo: Jane Doe | Flickr | CC BY 2.0",
    "Nach dem Spiel! Die Mannschaft feiert den Sieg. Foto: Max Muster/Verein",
    "Jane Doe, photo: Archives of the Town Council",
    # a "©" credit at the end of a caption
    "A gas well near the river in the north of the state © Jane Doe",
    "Die Ministerin bei der Eröffnung der neuen Brücke am Montag. | © Stadt Musterhausen/Presseamt",
    "Le maire et les élus devant la mairie © Service de presse de la Ville",
])
def test_caption_ending_with_a_marked_credit(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == [("caption-credit", line)]


@pytest.mark.parametrize("line", [
    "The company said profits rose © 2021 by a wide margin in the third quarter.",
    "© signs were printed on every page of the pirated edition, the court heard.",
    "Prices rose sharply. Analysts said: the market will settle by the end of the year.",
    "He sent the letter. Photo booth owners said: business is slow this winter.",
])
def test_prose_with_a_copyright_sign_or_a_colon_stays(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == []


def test_caption_bound_to_its_credit():
    text = (f"Mayor wins second term\n\nThe mayor waves to supporters on election night.\n"
            f"Photo: Jane Doe\n\n{BODY}\n")
    assert reasons(text) == [("bound-caption", "The mayor waves to supporters on election night."),
                             ("credit-line", "Photo: Jane Doe")]


def test_long_caption_under_the_headline_is_bound():
    caption = ("Volunteers carry sandbags to the river wall on the evening before the flood, "
               "while firefighters from three neighbouring towns pump water out of the cellars "
               "of the old market street, March 3.")
    text = (f"Flood defences hold\n\nThe river wall at night. Photo credit: Jane Doe\n{caption}\n\n"
            f"{BODY}\n\n{BODY2}\n")
    assert [r for r, _t in reasons(text)] == ["caption-credit", "bound-caption"]


def test_a_first_paragraph_of_two_sentences_above_a_credit_is_not_bound():
    # above the article a long caption is bound, but one of two sentences or more
    # reads as the first paragraph with the credit after a single line break
    first = ("Die neuen Regeln gelten für alle Betriebe mit mehr als 49 Beschäftigten. Das Museum "
             "erwartet zur Eröffnung der Ausstellung im Juli rund 6328 Besucher.")
    text = f"Steinwalde genehmigt neue Wohnungen\n\n{first}\nArchivbild: Sabine Drechsler\n\n{BODY}\n\n{BODY2}\n"
    assert reasons(text) == [("credit-line", "Archivbild: Sabine Drechsler")]


def test_last_paragraph_next_to_a_credit_is_not_bound():
    text = f"{BODY}\n\n{BODY2} {BODY2}\nPhoto: Jane Doe\n"
    assert reasons(text) == [("credit-line", "Photo: Jane Doe")]


def test_texts_without_blank_lines_bind_nothing():
    text = f"Headline here\nThe mayor waves to supporters.\nFoto: dpa\n{BODY}\n"
    assert reasons(text) == [("credit-line", "Foto: dpa")]


@pytest.mark.parametrize("line", [
    "The museum asks visitors not to use flash when they take a photo of the paintings.",
    "Foto zeigt den Bürgermeister beim Spatenstich am Montag.",
    "Das Foto entstand kurz nach der Abstimmung im Rathaus.",
    "La photo a été prise juste après le vote au conseil municipal.",
    "Zdjęcie zrobiono tuż po głosowaniu w ratuszu.",
    "Photo competitions and quiz nights keep older readers loyal, the editor said.",
])
def test_prose_about_photos_stays(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == []


@pytest.mark.parametrize("line", [
    "Foto Lotte de Vries", "Photo Jane Doe", "(Photo Images Beaulieu)", "(Foto Archivio)",
    "Foto di Marco Rossi", "Credito fotografico: Archivio", "Fotografía de Ana Ruiz",
])
def test_credit_with_a_bare_name_after_the_marker(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == [("credit-line", line)]


@pytest.mark.parametrize("line", [
    "Foto van de week", "Photo booth", "Photos from the 1990s", "Video games week",
    "Photo of the town hall, 1952.",
])
def test_lines_starting_with_a_marker_but_no_name_stay(line):
    assert ("credit-line", line) not in reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n")


def test_headline_directly_above_a_credit_is_not_a_caption():
    text = f"Harbour town approves plan for new homes\nAFP\n\n{BODY}\n\n{BODY2}\n"
    assert reasons(text) == [("credit-line", "AFP")]


def test_paragraph_after_a_credit_stays_where_paragraphs_are_not_blank_separated():
    # Mostly single line breaks, a blank line only under the headline: the
    # first paragraph directly under the credit is article text.
    text = (f"Harbour town approves plan for new homes\n\nPhoto: Jane Doe\n{BODY}\n{BODY2}\n"
            f"{BODY}\n")
    assert reasons(text) == [("credit-line", "Photo: Jane Doe")]


@pytest.mark.parametrize("line", [
    "Figure 2: Sales by region between 2010 and 2020",
    "Fig. 4.1: Sample spectra after heating",
    "Abbildung 5: Oberflächenreif in einem Nordhang (Foto: Max Muster).",
    "Abb. 3 – Der Fluss bei Hochwasser",
    "Abbildung: Farblich codierte Schneehöhen im Tal",
    "Bild 1. Die Brücke im Winter",
    "Rys. 2. Wykres sprzedaży w latach 2010–2020",
])
def test_figure_labels(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == [("figure-label", line)]


@pytest.mark.parametrize("line", [
    "Figure 2 shows how sales grew between 2010 and 2020.",
    "Figures released on Monday show that sales grew again.",
    "Bilder sagen mehr als Worte: das wusste schon der alte Meister.",
    "Grafik 2024: Was kommt auf die Branche zu?",
    "Abbildungen in Schulbüchern sind oft veraltet, sagt die Studie.",
])
def test_sentences_that_start_like_figure_labels_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == []


# -- caption-marker: a marker or a position in brackets makes a line a caption --
@pytest.mark.parametrize("line", [
    "Die neue Brücke über den Rhein bei Nacht (Symbolbild).",
    "Die neue Brücke über den Rhein bei Nacht. (Archivbild)",
    "Protesters gather outside the court on Monday (file photo)",
    "Anna Schmidt (l.) und Jan Berg bei der Eröffnung der Brücke.",
    "Jane Doe, John Smith and Ann Lee (from left) at the opening of the bridge.",
    "Jan de Vries (v.l.n.r.), Anna Smit en Piet Jansen bij de opening.",
    "Anna Schmidt, Jan Berg und Max Muster (v. l. n. r.) bei der Eröffnung.",
    "Marta Nowak (z lewej) i Anna Kowalska podczas otwarcia mostu.",
    "The minister, Jane Doe (right), looks on as John Smith (left) opens the new harbour office.",
    "Chief of Staff General John Smith (centre) with members of the three services at the station.",
])
def test_caption_markers(line):
    # a whole caption: the paragraphs around it are not bound to it
    assert reasons(f"{BODY}\n{line}\n\n{BODY2}\n") == [("caption-marker", line)]


@pytest.mark.parametrize("line", [
    # a position in brackets after a lower-case word: an instruction, not a person
    "Klicken Sie auf den Knopf rechts oben und dann auf das Feld daneben (r.) im Menü.",
    # a marker that does not end the line
    "Das Foto (Symbolbild) zeigt eine Brücke, die es so nicht gibt, sagte der Sprecher.",
    # more sentences than a caption has
    ("Anna Schmidt (l.) leitet das Amt seit 2019. Sie kam aus Hamburg. Dort war sie "
     "Richterin. Jetzt will sie wieder zurück."),
    # a party or trademark sign after a name is no position
    "Senator Jane Doe (R) said the budget was too small for the bridges.",
    "Jane Doe (Left) and John Smith (Centre) said the budget was too small for the bridges.",
])
def test_brackets_that_are_not_caption_markers_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == []


@pytest.mark.parametrize("line", [
    "Un grupo de pingüinos, en la Antártida el 11 de febrero pasado. EFE",
    "The old bridge at dusk, seen from the river bank. Reuters",
])
def test_caption_ending_with_an_agency(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == [("caption-credit", line)]


@pytest.mark.parametrize("line", [
    # a wire credit in brackets ends a news paragraph: it stays
    "Der Minister trat am Montag zurück, wie ein Sprecher sagte. (dpa)",
    # longer than a caption
    ("The council met on Monday. It voted on the budget. The mayor spoke first. "
     "Then the vote was taken. AP"),
    # the agency is part of the sentence
    "Most of the photos were taken by a photographer for Reuters",
])
def test_agency_names_at_a_line_end_that_are_not_credits_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == []


@pytest.mark.parametrize("line", [
    "A student erasing answers from a test (smolaw11/iStock)",
    "Das Hermelin ist im Winter mit seinem weißen Fell gut getarnt. (mlharing / iStock.com)",
    "The mayor and the harbour master during a meeting in 2009. (Jane Doe/AFP/Getty Images)",
    "Dmitry Muratov, periodista ruso y Premio Nobel de la Paz (REUTERS/Denis Balibouse)",
])
def test_caption_ending_with_a_photographer_and_an_agency_in_brackets(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == [("caption-credit", line)]


@pytest.mark.parametrize("line", [
    "Der Minister trat am Montag zurück, wie ein Sprecher sagte. (dpa/lno)",   # an editor's code
    "Der Rat tagte am Montag bis spät in die Nacht. (AFP/Reuters)",            # agencies only
    "The plan weighs the harbour's cost against its use (cost/benefit)",     # no agency
    ("The council met on Monday. It voted on the budget. The mayor spoke first. "
     "Then the vote was taken. (Jane Doe/Reuters)"),                          # longer than a caption
])
def test_brackets_with_slashes_that_are_not_photo_credits_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == []


@pytest.mark.parametrize("line", [
    "Image 3 of 12", "1 / 5", "12 of 40", "Enlarge image", "Toggle caption",
    "Bild 2 von 9", "Bild vergrößern", "Zdjęcie 4 z 10", "Photo 2 sur 6",
    "Scroll down for video", "Video player loading", "This video can not be played",
    # a web video player's own words
    "This is a modal window.", "Beginning of dialog window. Escape will cancel and close the window.",
    "Close Modal Dialog", "No compatible source was found for this media.",
])
def test_gallery_controls(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == [("gallery-control", line)]


@pytest.mark.parametrize("line", [
    "1 of 5 adults said they had no savings at all.",
    "Image 3 of 12 shows the bridge at dusk, seen from the river bank.",
    "Bild vergrößern lassen kann man die Fotos im Laden nebenan.",
])
def test_sentences_like_gallery_controls_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == []


@pytest.mark.parametrize("line", ["04/2021", "12 / 2022", "2021/22", "05225/8738444", "7 / 3"])
def test_dates_and_numbers_are_no_gallery_counters(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == []


@pytest.mark.parametrize("line", [
    "Image source, Getty Images",
    "Image caption, The bridge was closed on Monday after the storm",
    "Media caption, Watch: the moment the bridge gave way",
])
def test_a_comma_after_a_marker_of_two_words(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == [("credit-line", line)]


@pytest.mark.parametrize("line", [
    # a one-word marker and a comma: prose
    "Photo, video and audio archives of the council are open to the public on Mondays.",
    "Image source, the council said, was a matter for the archive and not for the mayor.",
])
def test_a_comma_after_other_markers_stays(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == []


@pytest.mark.parametrize("line", [
    "Westend61/Getty Images", "Jane Doe/Reuters", "Jane Doe / AFP", "Marisa Quint/Instagram",
    "EFE/Raúl Caro Moreno", "PIERRE-LOUIS GARNIER / AFP", "Photographs by Jane Doe",
    "Illustrations by Jane Doe", "Credit...Illustration by Jane Doe; photographs via Getty Images",
])
def test_name_and_agency_lines(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == [("credit-line", line)]


@pytest.mark.parametrize("line", [
    "The old bridge at dusk, seen from the river bank on Monday. (Photo by Jane Doe)",
    "Passeggeri in attesa alla stazione durante un precedente sciopero (foto Ansa/Marco Rossi)",
    "Vista del embalse, al 14 % de su capacidad. EFE/Ana Ruiz Moreno",
    "Au siège de l'agence, à Paris, en 2023. JEAN-LUC DUPONT / AFP",
    "The mayor and the harbour master in 2009. Jane Doe/Reuters",
    "Billboardy przy ul. Kościuszki znikną najpóźniej za dwa lata. Fot. Jan Kowalski",
    "Pierwszy start w zawodach w Poznaniu. Fot. archiwum prywatne",
    "A volunteer sorts seeds in the back room of the library. (Jane Doe for The Daily Courier)",
    "The mayor speaks to reporters outside the town hall on Thursday.Credit...Jane Doe for The Courier",
    "Die Ehrengäste beim Turnier 2021. | © Kevin C. Doe/Getty Images",
])
def test_caption_ending_with_a_credit_without_a_colon(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == [("caption-credit", line)]


@pytest.mark.parametrize("line", [
    "She sold the photo to Getty Images.",
    "Reuters reported on Monday that the bank would close two of its branches.",
    "The deal was signed in Paris. AFP/Reuters",            # agencies only
    "Facebook/Instagram", "Israel/Gaza",                    # no agency, or networks only
    "The ratio was 50/50 for most of the year.",
    "He filed the story for AP/Reuters on Monday.",
    "The company was founded in 1990. Photo booth owners said business was slow.",
    "I bought the cheapest camera in the shop (Photo Pro).",
    "The choir sang for the mayor at the opening (Friends for Life).",
    "Sales rose in the north. Picture Perfect Ltd said it expected more.",
    "It was taken in 1990. Photo by Jane Doe. She later sold it to a museum.",
    "Credit... is what the bank wanted, the mayor said.",
])
def test_prose_naming_agencies_and_credits_stays(line):
    for text in (f"{BODY}\n\n{line}\n\n{BODY2}\n", f"{BODY}\n{line}\n{BODY2}\n", f"{BODY}\n\n{line}\n"):
        assert reasons(text) == []
