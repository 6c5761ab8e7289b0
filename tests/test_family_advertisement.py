"""Advertisement: ad slot labels as whole lines, in many languages."""
import pytest

from cleantext import Pipeline

from conftest import reasons_for

PIPE = Pipeline(["whitespace", "advertisement"])
BODY = "The council met on Monday and agreed on a budget for the next two years."


reasons = reasons_for(PIPE)


@pytest.mark.parametrize("line", [
    "Advertisement", "ADVERTISEMENT:", "– Advertisement –", "Story continues below advertisement",
    "Sponsored", "Anzeige", "Werbung", "Publicité", "Publicidad", "Pubblicità", "Reklama",
    "Advertentie", "Publicidade", "Dalsza część artykułu pod reklamą",
    # Bullets from the geometric shapes block, as menus and ad slots wear them.
    "■ Pubblicità", "● Anzeige", "▪ Advertisement ▪", "Anzeige, enthält Affiliate Links",
    "Supported by", "Sponsored Stories", "Video Ad Feedback", "Sponsor Message",
    "Article continues after advertisement", "AdChoices", "Skip Ad",
])
def test_ad_labels(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == [("ad-label", line)]


@pytest.mark.parametrize("line", [
    "The company cut its advertisement budget by a third.",
    "Das Unternehmen hat seine Ausgaben für Werbung deutlich gesenkt.",
    "Anzeige erstattet: Die Polizei ermittelt nach dem Einbruch.",
    "La publicité à la télévision a perdu un quart de son audience.",
    "Reklama w prasie lokalnej przynosi coraz mniejsze przychody.",
    "Sponsored by the town, the concert was free for everyone.",
])
def test_prose_about_advertising_stays(line):
    assert reasons(f"{line}\n") == []


def test_language_option_narrows_the_lists():
    only_en = Pipeline(["whitespace", "advertisement"]).configure("advertisement", languages=("en",))
    assert reasons("Anzeige\n", only_en) == []
    assert reasons("Advertisement\n", only_en) == [("ad-label", "Advertisement")]


def test_user_phrase_file(tmp_path):
    f = tmp_path / "house.toml"
    f.write_text('[advertisement]\nlabels = ["House ad"]\n', encoding="utf-8")
    pipe = PIPE.configure("advertisement", extra_files=(str(f),))
    assert reasons("House ad\n", pipe) == [("ad-label", "House ad")]


@pytest.mark.parametrize("line", [
    "When you purchase through links on our site, we may earn an affiliate commission. Here's how it works.",
    "This post contains affiliate links. " * 8,   # long lines too
    "We may receive compensation when you click on links to products from our advertisers.",
    "Für Links auf dieser Seite erhält die Redaktion ggf. eine Provision vom Händler.",
    "Dieser Artikel enthält Affiliate-Links.",
    "Cet article contient des liens affiliés.",
    "Questo articolo contiene link di affiliazione.",
    "Dit artikel bevat affiliate links.",
    "Artykuł zawiera linki afiliacyjne.",
    "Este artigo contém links de afiliados.",
])
def test_advertising_disclosures(line):
    line = line.strip()
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == [("ad-disclosure", line)]


@pytest.mark.parametrize("line", [
    "Publishers earn a commission on each sale made through their links, the report found.",
    "We earn a commission on every sale, the company's founder told investors in a letter.",
    "Affiliate marketing grew by a fifth last year, according to the industry association.",
])
def test_prose_about_affiliate_links_stays(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


PARAGRAPH = ("The council voted on Monday evening to approve a budget that is four percent smaller "
             "than last year's, after a long meeting in the town hall.")


def test_disclosure_in_a_later_sentence_of_a_line_off_the_article():
    line = ("Example Mag is supported by its audience. When you purchase through links on our site, "
            "we may earn an affiliate commission. Learn more")
    assert reasons(f"{PARAGRAPH}\n\n{line}\n\nMore stories\n") == [("ad-disclosure", line)]
    assert reasons(f"Menu\n\n{line}\n\n{PARAGRAPH}\n") == [("ad-disclosure", line)]


def test_a_quoted_disclosure_between_paragraphs_stays():
    line = ("Affiliate sites are everywhere now. We may earn a commission, the publishers tell "
            "readers, but few say how much.")
    assert reasons(f"{PARAGRAPH}\n\n{line}\n\n{PARAGRAPH}\n") == []
    # more sentences than a disclosure line has
    long = line + " The rules are unclear. The regulator has said nothing."
    assert reasons(f"{PARAGRAPH}\n\n{long}\n") == []


@pytest.mark.parametrize("line", [
    "Anzeige: Cloud Services für Ihr Unternehmen",
    "ADVERTISEMENT - Special offers for our readers",
    "Reklama: automatycznie wyświetlimy artykuł za 15 sekund.",
    "Werbung – Sponsored Post",
])
def test_label_with_a_teaser(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == [("ad-prefix", line)]


@pytest.mark.parametrize("line", [
    "Anzeige erstattet: Die Polizei ermittelt nach dem Einbruch.",
    "Werbung ist teuer: Das Unternehmen spart nun an den Plakaten in der Stadt.",
    "Advertisement revenue fell by a third: the paper blamed the search engines.",
    "Anzeige: " + "Die Polizei ermittelt nach dem Einbruch in das Rathaus am Montag, " * 3,
])
def test_sentences_after_a_label_word_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []
