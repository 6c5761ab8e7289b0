"""Navigation: skip links, menus, breadcrumbs, section labels, search and follow prompts."""
import pytest

import cleantext
from cleantext import Pipeline

from conftest import reasons_for

PIPE = Pipeline(["whitespace", "navigation"])
BODY = ("The council voted on Monday evening to approve a budget that is four percent smaller "
        "than last year's, after a long meeting.")
BODY2 = ("Most of the savings come from delaying the repair of two bridges over the river, "
         "the mayor said after the vote.")


reasons = reasons_for(PIPE)


@pytest.mark.parametrize("line", [
    "Skip to main content", "Zum Inhalt springen", "Aller au contenu principal",
    "Przejdź do treści", "Saltar al contenido", "Vai al contenuto", "Ga naar inhoud",
    "Pular para o conteúdo",
])
def test_skip_links(line):
    assert reasons(f"{line}\n\n{BODY}\n") == [("skip-link", line)]


@pytest.mark.parametrize("line, reason", [
    ("Hi, what are you looking for?", "search-prompt"),
    ("Suche", "search-prompt"),
    ("Czego szukasz?", "search-prompt"),
    ("Haben Sie das Gesuchte nicht gefunden?", "search-prompt"),
    ("Connect with us", "social-follow"),
    ("Follow us on Instagram and Facebook", "social-follow"),
    ("Folgen Sie uns auf Twitter", "social-follow"),
    ("Suivez-nous sur Facebook", "social-follow"),
    ("Follow her on Twitter @janedoe", "social-follow"),
    ("Folgen Sie ihm auf Instagram", "social-follow"),
    ("Listen to this article", "nav-label"),
    ("Artikel anhören", "nav-label"),
    ("Écouter cet article", "nav-label"),
])
def test_search_and_follow(line, reason):
    assert reasons(f"{line}\n\n{BODY}\n") == [(reason, line)]


@pytest.mark.parametrize("line", [
    "Home › News › World", "Startseite > Politik > Inland", "Accueil » Régions",
    "Strona główna / Kraj / Polityka", "News | Local | Transport",
    # a footer's links on one line, longer than a breadcrumb, one of them a question
    "Example Co | Contact Us | Accessibility | Work with us | Advertise | Your Ad Choices | "
    "Privacy Policy | Terms of Service | Terms of Sale | Site Map | Help | Subscriptions",
    "Qui sommes-nous ? | Mentions légales | Données personnelles | Paramètres des cookies | CGU | Contact",
])
def test_breadcrumbs(line):
    assert reasons(f"{line}\n\n{BODY}\n") == [("breadcrumb", line)]


@pytest.mark.parametrize("line", [
    "Berlin / Hamburg",                       # two parts, no home label
    "Rock / pop / and jazz were all played late into the night.",
    "GET / HTTP/1.1",
    "Wyniki: 3 / 4 / 5 punktów",
    "Who pays? | Who decides? | Who gains? These are the questions the council faced on Monday.",
])
def test_not_breadcrumbs(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == []


def test_menu_run_with_a_known_label():
    menu = "Startseite\nPolitik\nWirtschaft\nSport\nKultur"
    got = reasons(f"{menu}\n\n{BODY}\n")
    assert [t for _r, t in got] == menu.split("\n")
    assert {r for r, _t in got} <= {"menu-run", "nav-label"}


@pytest.mark.parametrize("lines", [
    "Zutaten:\n300 g Mehl\n200 g Zucker\n1 Prise Salz\n1 Ei",          # ingredients (de)
    "Anna Nowak\nPiotr Wiśniewski\nMaria Zielińska\nTomasz Lis",       # names (pl)
    "Paris\nLyon\nMarseille\nToulouse",                                 # cities (fr)
])
def test_lists_in_articles_are_not_menus(lines):
    assert reasons(f"{BODY}\n\n{lines}\n\n{BODY2}\n") == []


def test_section_label_above_headline():
    text = f"Politics\n\nMayor wins second term\n\n{BODY}\n"
    assert reasons(text) == [("section-label", "Politics")]
    de = f"Wirtschaft\n\nStadtwerke senken die Preise\n\n{BODY}\n"
    assert reasons(de) == [("section-label", "Wirtschaft")]


def test_section_word_inside_the_article_stays():
    text = f"Mayor wins second term\n\n{BODY}\n\nPolitics\n\n{BODY2}\n"
    assert reasons(text) == []


def test_header_tagline_under_navigation():
    text = ("Connect with us\n\nCity Desk: Local News, Sport and Weather\n\n"
            f"Mayor Wins Second Term\n\n{BODY}\n")
    assert reasons(text) == [("social-follow", "Connect with us"),
                             ("header-tagline", "City Desk: Local News, Sport and Weather")]


def test_headline_standfirst_and_subheadings_stay():
    text = (f"Skip to main content\n\nMayor wins second term\n\n"
            "The vote was closer than expected, and turnout fell in every district of the city\n\n"
            f"{BODY}\n\nWhat happens next\n\n{BODY2}\n")
    assert reasons(text) == [("skip-link", "Skip to main content")]


def test_one_word_label_between_paragraphs_is_a_subheading():
    text = f"{BODY}\n\nKontakt\n\n{BODY2}\n"
    assert reasons(text) == []
    assert reasons(f"{BODY}\n\nKontakt\n") == [("nav-label", "Kontakt")]


@pytest.mark.parametrize("line", [
    "Follow the river path for a mile and you reach the old mill.",
    "Folgen Sie dem Weg am Fluss, dann erreichen Sie die Mühle.",
    "Suivez le chemin le long de la rivière jusqu'au moulin.",
    "Szukaj dalej, powiedział ojciec, a znajdziesz.",
])
def test_prose_that_mentions_follow_or_search_stays(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY2}\n") == []


def test_a_subheading_among_removed_share_lines_stays():
    # Share lines between the paragraphs, one on each side of a subheading: the related
    # family removes the known ones, and in the clean text the subheading opens its
    # paragraph, so it is no menu item (a case the property kit found).
    text = (f"{BODY}\n{BODY}\nShare on Facebook\nShare on Mastodon\nMixed reactions\n"
            f"Share on Facebook\n{BODY}\n")
    out = cleantext.clean(text)
    assert "Mixed reactions\n" in out
    assert "Share on Facebook" not in out


@pytest.mark.parametrize("line", [
    "Follow The Daily on Twitter and Instagram @thedaily and on Facebook @thedailypaper.",
    "Folgen Sie der Zeitung auf Instagram, Facebook und Twitter oder abonnieren Sie unseren Newsletter.",
    "Siguenos en Telegram, Instagram, Facebook y Twitter para recibir todas nuestras actualizaciones",
    "Suivez-nous sur Facebook et Instagram",
    "Follow Jane Doe on Twitter: @janedoe",
    "Folgen Sie Anna Schmidt auf Twitter @annaschmidt.",
])
def test_invitations_to_follow_on_networks(line):
    assert [r for r, _ in reasons(f"{BODY}\n\n{line}\n\n{BODY}\n")] == ["social-follow"]


@pytest.mark.parametrize("line", [
    "Follow the money: Facebook and Twitter executives said on Monday that they would testify in March.",
    "Follow the debate on Twitter.",
    # an e-mail address is no account
    "Follow the debate on Twitter or write to letters@example.com with your view.",
    "Folgen Sie den Spuren der Römer durch die Altstadt, vorbei an Facebook-Zentrale und Twitter-Büro.",
])
def test_sentences_that_start_with_follow_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []
