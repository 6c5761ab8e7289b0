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


@pytest.mark.parametrize("line", [
    "SKIP ADVERTISEMENT", "Recommended by Outbrain", "Empfohlen von Outbrain", "Promoted by Taboola",
    "Contenuti sponsorizzati", "Gesponserte Inhalte", "Contenidos patrocinados", "Treści sponsorowane",
])
def test_widget_and_plural_ad_labels(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == [("ad-label", line)]


@pytest.mark.parametrize("line", [
    "Gesponsert · Gesundheitsratgeber", "Anzeige · immobilien-example.de", "Sponsored · Example Shop",
    "Sponsored • Garden Tools Direct",
])
def test_label_a_middle_dot_and_a_source(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == [("ad-prefix", line)]


@pytest.mark.parametrize("line", [
    "Sponsored by Example Bank", "Sponsorizzato da BancaSì", "Gesponsert von Muster AG",
    "Paid for by Friends of Jane Doe", "Patrocinado por Banco Ejemplo", "Sponsorisé par Exemple",
])
def test_sponsor_and_a_name(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == [("ad-sponsor", line)]


@pytest.mark.parametrize("line", [
    "Sponsored by the town, the concert was free for everyone.",
    "Sponsored by Example Bank, the race drew a record field.",
    "Promoted by Jane Doe to captain last spring, he never lost.",
    "In Zusammenarbeit mit der Universität entsteht ein neues Labor.",
    "Sponsored by Example Bank.",
])
def test_sentences_that_start_with_a_sponsor_phrase_stay(line):
    for text in (f"{BODY}\n\n{line}\n\n{BODY}\n", f"{line}\n\n{BODY}\n", f"{BODY}\n\n{line}\n"):
        assert reasons(text) == []


@pytest.mark.parametrize("line", [
    "+18 | Juega con responsabilidad | jugarbien.es",
    "18+ | Play responsibly | example.org",
    "18+ · Spiel verantwortungsbewusst",
    "Gioca responsabilmente | 18+",
])
def test_betting_small_print(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == [("ad-small-print", line)]


@pytest.mark.parametrize("line", [
    "Play responsibly, the regulator told the 18+ crowd at the fair.",
    "Only adults may bet: 18+ is the rule, and play responsibly is the advice.",
    "Play responsibly | Example Casino",          # no age limit
    "18+ | Example Casino | example.org",         # no gambling phrase
])
def test_lines_about_gambling_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


@pytest.mark.parametrize("line", [
    "Dieser Beitrag enthält Werbung durch Affiliate-Links.",
    ("*Werbung/Affiliate-Links: Mit einem * markierte Links sind Affiliate-Links. Kaufst du darüber "
     "ein, erhalte ich eine kleine Provision."),
    "Mit einem * markierte Links sind Affiliate-Links.",
    "Este artículo contiene enlaces de afiliado. Si reservas a través de ellos, nos llevamos una comisión.",
    "Wpis zawiera linki afiliacyjne. Kupując przez nie, wspierasz bloga bez dodatkowych kosztów.",
    ("We include products we think are useful for our readers. If you buy through links on this "
     "page, we may earn a small commission."),
    "Questo post contiene link affiliati.",
])
def test_more_advertising_disclosures(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == [("ad-disclosure", line)]


@pytest.mark.parametrize("line", [
    "Mit einem Partnerprogramm verdienen viele Blogs Geld, sagt die Studie.",
    "Enlaces de afiliado y comisiones: así funciona el negocio de los blogs de viajes.",
    "If you buy through links on other sites, the retailer pays them a fee, the report found.",
    "Werbung ist für Blogs die wichtigste Einnahmequelle, sagt die Studie.",
])
def test_more_prose_about_affiliate_links_stays(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []
