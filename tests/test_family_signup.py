"""Sign-up, subscribe and paywall prompts."""
import pytest

from cleantext import Pipeline

from conftest import reasons_for

PIPE = Pipeline(["whitespace", "signup"])
BODY = ("The council voted on Monday evening to approve a budget that is four percent smaller "
        "than last year's, after a long meeting in the town hall.")


reasons = reasons_for(PIPE)


@pytest.mark.parametrize("line", [
    "Subscribe now", "Already a subscriber? Log in", "Create a free account", "Newsletter",
    "Newsletter abonnieren", "Bereits Abonnent? Hier anmelden", "Abonnez-vous",
    "Zapisz się do newslettera", "Suscríbete", "Iscriviti alla newsletter", "Abonneer nu",
    "E-Paper", "Enable notifications", "Follow Blog via Email", "Sign me up",
])
def test_labels(line):
    assert reasons(f"{BODY}\n\n{line}\n") == [("signup-label", line)]


@pytest.mark.parametrize("line", [
    "Get our biggest stories delivered right to your inbox. Sign up now.",
    "Stay informed with unlimited access to our reporting. Subscribe now.",
    "Die wichtigsten Nachrichten jeden Morgen per E-Mail. Jetzt abonnieren!",
    "Najważniejsze informacje codziennie rano. Zapisz się.",
])
def test_calls_at_the_end_of_a_line(line):
    assert reasons(f"{BODY}\n\n{line}\n") == [("signup-call", line)]


def test_prompt_phrase_at_the_edge():
    line = "The best of our local reporting, straight to your inbox every Friday"
    assert reasons(f"{BODY}\n\n{line}\n") == [("signup-prompt", line)]


@pytest.mark.parametrize("line", [
    "The best of our local reporting, straight to your inbox every Friday",
    "Subscribe now to our e-paper edition to read the full story.",
    "If you're seeing this message but you're already a subscriber, you can log in for immediate access.",
    "Enter your email address to subscribe to this blog and receive notifications of new posts by email.",
    "Missing out on our latest stories? Enter your email below to receive them direct to your inbox.",
    "Immediate online access to all issues from 2019. Subscription will auto renew annually.",
    "Sign up to First Edition, our free daily newsletter – every weekday morning at 7am",
    "As a subscriber, you have 10 gift articles to give each month.",
    "Ihnen hat der Beitrag gefallen? Dann bestellen Sie unseren Newsletter, er kommt jeden Freitag. Danke!",
    "Vous êtes déjà abonné ? Connectez-vous pour lire la suite de cet article.",
    "Zapraszamy też do subskrypcji tygodnika i oglądania naszych audycji.",
    ("Puede escribirnos a la redacción o seguir a la revista en Facebook, Twitter e Instagram, "
     "o suscribirse aquí a nuestra newsletter."),
])
def test_prompt_wording_goes_wherever_it_stands(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == [("signup-prompt", line)]


@pytest.mark.parametrize("line", [
    "The house on the harbour sold for just $200,000 in 1998.",
    "Customers can try the service with a free trial, the company said.",
    "The streaming service offers unlimited access for ten dollars a month.",
    "Phishing emails that land in your inbox often look like invoices.",
    "The letters went direct to the minister's office, not to the council.",
    "Kunden können den Dienst einen Monat kostenlos testen, sagte die Firma.",
])
def test_prompt_words_that_prose_uses_stay_between_paragraphs(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


def test_prompt_phrases_match_whole_words():
    line = "Students for Justice in Palestine"
    assert reasons(f"{BODY}\n\n{line}\n") == []


@pytest.mark.parametrize("line", [
    "Readers can subscribe to the paper's print edition for £5 a month, the publisher said.",
    "Leser können die gedruckte Ausgabe für zwölf Euro im Monat abonnieren, sagte der Verlag.",
    "Les lecteurs peuvent s'abonner à l'édition papier pour douze euros par mois.",
    "Czytelnicy mogą zamówić prenumeratę wydania papierowego za dwadzieścia złotych.",
    "\"Subscribe, or we close,\" the founder wrote in a front-page letter, and readers did.",
])
def test_prose_about_subscribing_stays(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []
    assert reasons(f"{BODY}\n\n{line}\n") == []


def test_prompt_phrase_inside_the_article_stays():
    line = "Scammers send fake invoices that land in your inbox, police warned."
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


@pytest.mark.parametrize("line", [
    "Get the Weekly Newsletter",
    "GET THE TOWN HALL NEWSLETTER",
    "Newsletter abonnieren und 10 € Gutschein sichern!",
    "Never miss the latest news by signing up to our newsletter today!",
    "Unser kostenloser Newsletter informiert Sie über unsere neuesten Beiträge.",
    "Mit unserem Newsletter verpassen Sie keine Ausgabe mehr.",
    "Abonnez-vous à notre infolettre du matin.",
    "Zapisz się na nasz newsletter",
    "Suscríbete a nuestro boletín.",
    "Meld je aan voor onze nieuwsbrief.",
])
def test_newsletter_promotions_anywhere(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == [("signup-newsletter", line)]


@pytest.mark.parametrize("line", [
    "The newsletter, founded in 1998, now reaches 5,000 readers every week.",
    "She reads the weekly newsletter every Friday before the council meets.",
    "\u201cOur newsletter is our lifeline,\u201d said the editor of the parish paper.",
    "Der Newsletter des Vereins erscheint seit 1998 viermal im Jahr.",
    "I wrote about the budget in my newsletter last week, and readers answered in their hundreds.",
    "Our newsletter went out late on Monday because the printer broke down, and then the council met and argued for hours.",
])
def test_prose_about_newsletters_stays(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


@pytest.mark.parametrize("line", [
    "Subscribe now to our digital edition for the full story.",
    "For the latest news download our apps for iOS and Android.",
    "Vous avez lu 1 des 4 articles gratuits ce mois-ci.",
])
def test_paywall_and_app_prompts_at_the_edge(line):
    assert reasons(f"{BODY}\n\n{line}\n") == [("signup-prompt", line)]


@pytest.mark.parametrize("line", ["Möchten Sie weiterlesen?", "Ja. Ich bin Abonnent."])
def test_paywall_labels(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == [("signup-label", line)]


def test_every_prompt_phrase_holds_a_search_key(tmp_path):
    # the lines worth a regex search are found by the keys: each phrase must hold one,
    # also a phrase without a word of five letters (then the key is the phrase itself)
    from cleantext.filters import _phrases
    from cleantext.filters.signup import Signup
    extra = tmp_path / "house.toml"
    extra.write_text('[signup]\nprompts = ["订阅", "go on", "get our app now"]\n', encoding="utf-8")
    for f in (Signup(), Signup(extra_files=(str(extra),))):
        keys = f._anywhere_keys
        for phrase in _phrases.folded(f, "signup", "prompts"):
            assert any(k in phrase for k in keys), phrase
    line = "订阅"
    pipe = Pipeline(["whitespace", "signup"]).configure("signup", extra_files=(str(extra),))
    assert [r.reason for r in pipe.explain(f"{BODY}\n\n{line}\n\n{BODY}\n").removals] == ["signup-prompt"]


CONSENT_BODY = ("The council voted on Monday evening to approve a budget that is four percent smaller "
                "than last year's, after a long meeting in the town hall.")


@pytest.mark.parametrize("line", [
    "By clicking Submit, I consent to receiving emails in line with the Privacy Policy.",
    "I agree to my personal data being stored and used to receive the newsletter",
    "By submitting your information you agree to the Terms & Conditions and Privacy Policy.",
    "Ich akzeptiere die Datenschutzerklärung.",
    "Mit dem Absenden des Kommentars bestätigst Du, dass Du unsere Datenschutzerklärung zur Kenntnis genommen hast.",
    "Ja, ich möchte den wöchentlichen Newsletter bekommen.",
    "Wyrażam zgodę na przetwarzanie danych osobowych",
    "Acepto los términos y condiciones.",
])
def test_consent_lines_of_forms(line):
    assert reasons(f"{CONSENT_BODY}\n\nEmail address\n\n{line}\n") == [
        ("signup-label", "Email address"), ("signup-consent", line)]


@pytest.mark.parametrize("text", [
    # nothing a form asks consent for
    f"{CONSENT_BODY}\n\nI agree to the mayor's plan, and so do most of my neighbours on the street.\n",
    f"{CONSENT_BODY}\n\nIch stimme dem Bürgermeister zu, sagte die Anwohnerin am Montag.\n",
    # between two paragraphs: an opinion piece about data
    f"{CONSENT_BODY}\n\nI have read the privacy policy of the app, and it allows far too much.\n\n{CONSENT_BODY}\n",
])
def test_lines_like_consent_lines_stay(text):
    assert reasons(text) == []


@pytest.mark.parametrize("line, reason", [
    ("You have 1 free article remaining this month.", "signup-prompt"),
    ("This article is available exclusively to subscribers.", "signup-prompt"),
    ("Thanks for reading The Example Letter! Subscribe for free to receive new posts and support my work.",
     "signup-prompt"),
    ("Never miss a recipe!", "signup-label"),
    ("Jetzt kostenlos abonnieren", "signup-label"),
    ("Example-App: Nachrichten aus Ihrer Region – jetzt kostenlos herunterladen", "signup-prompt"),
    ("Lesen Sie alle Artikel auf example.de – jetzt 1 Monat für 0,99 € testen.", "signup-prompt"),
    ("Recevez chaque matin l'essentiel de l'actualité de votre commune", "signup-prompt"),
    ("Descárgate la app de Example y sigue todos los resultados en directo", "signup-prompt"),
    ("Disponible en App Store y Google Play", "signup-label"),
    ("Zamów prenumeratę Gazety Przykładowej i czytaj e-wydanie już w czwartek od 6:00!", "signup-prompt"),
])
def test_paywall_and_app_prompts(line, reason):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == [(reason, line)]


@pytest.mark.parametrize("line", [
    "Readers can subscribe for free, the editor said.",
    "She said she had one free article left to read before the paywall.",
    "The app was downloaded 412 times.",
    "Never miss a chance to see the bridge at dusk, the guide said.",
])
def test_prose_like_paywall_and_app_prompts_stays(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []
    assert reasons(f"{line}\n\n{BODY}\n") == []
    assert reasons(f"{BODY}\n\n{line}\n") == []


@pytest.mark.parametrize("line", [
    "Sign up for the Example newsletter for travel ideas, deals and the best of our guides, every Thursday.",
    "Sign up for my free newsletter and get my Top 10 Cookie Recipes e-book.",
    ("Never miss a story \u2014 sign up for Example\u2019s free daily newsletter to stay up-to-date on the best "
     "of what Example has to offer, from celebrity news to casting scoops, right in your inbox."),
    "Verpasse kein Rezept mehr! Trag dich in meinen Newsletter ein und erhalte mein E-Book \u201eDie 10 besten Kuchen\u201c gratis.",
    "Melden Sie sich jetzt für den kostenlosen Example-Newsletter an! Wir informieren Sie regelmäßig.",
    "Inscrivez-vous à la newsletter d'Example pour recevoir nos meilleures idées de jardin chaque semaine.",
])
def test_invitations_to_a_newsletter_go_at_the_edges(line):
    assert reasons(f"{BODY}\n\n{line}\n") == [("signup-newsletter", line)]
    assert reasons(f"{line}\n\n{BODY}\n") == [("signup-newsletter", line)]


@pytest.mark.parametrize("line", [
    "Sign up for the newsletter was slow at first, the founder said, and then it grew every week.",
    "Subscribe to the newsletter, the mayor urged residents at the meeting on Monday.",
])
def test_invitations_to_a_newsletter_between_paragraphs_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


@pytest.mark.parametrize("line", [
    "The newsletter, which she started in 2019, now has 18,000 readers.",
    "Support the local paper, the mayor urged.",
    "Download the app? Most residents never did, the survey found.",
])
def test_prose_about_newsletters_apps_and_support_stays_everywhere(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []
    assert reasons(f"{line}\n\n{BODY}\n") == []
    assert reasons(f"{BODY}\n\n{line}\n") == []


def test_newsletter_name_over_a_form_goes():
    line = "Newsletter \u201eDer Morgen\u201c: Jeden Werktag um 6 Uhr die wichtigsten Nachrichten in Ihrem Postfach."
    assert reasons(f"{BODY}\n\n{line}\nE-Mail-Adresse eingeben\n") == [
        ("signup-newsletter", line), ("signup-label", "E-Mail-Adresse eingeben")]
    # not over a form: the line stays
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []
    assert reasons(f"{BODY}\n\n{line}\n\nE-Mail-Adresse eingeben\n") == [
        ("signup-label", "E-Mail-Adresse eingeben")]


@pytest.mark.parametrize("line", [
    "Download the Example app",
    "Get the Example News app for breaking news alerts and live video.",
    "Get the iOS Weather app",
    "Install our apps",
    "Hol dir die App!",
    "Laden Sie sich die Example-App herunter",
    "Scarica l'app di Example",
    "Pobierz aplikację Example",
    "Téléchargez l'application Example",
])
def test_app_prompts(line):
    assert reasons(f"{BODY}\n\n{line}\n") == [("signup-app", line)]


def test_app_prompt_between_paragraphs_only_when_the_app_ends_it():
    assert reasons(f"{BODY}\n\nDownload the Example app\n\n{BODY}\n") == [
        ("signup-app", "Download the Example app")]
    for line in ("Install the app on every phone in the house, police advised.",
                 "Get the app running on your laptop first, then connect the phone."):
        assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


def test_paywall_line_between_two_signup_lines_goes():
    line = "Local journalism matters. Support the Example and get unlimited access to stories like this one."
    text = (f"{BODY}\n\nThis article is available exclusively to subscribers.\n{line}\nSubscribe Now\n\n"
            f"{BODY}\n")
    assert [r for r, _ in reasons(text)] == ["signup-prompt", "signup-prompt", "signup-label"]
    # the same words between two paragraphs stay
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


@pytest.mark.parametrize("fields, button", [
    (["Vorname", "E-Mail"], "Jetzt anmelden"),
    (["First name", "Your email"], "Subscribe"),
    (["Imię", "Wyślij"], "Zapisz się do newslettera"),
])
def test_form_fields_next_to_a_signup_line(fields, button):
    form = "\n".join(fields)
    got = reasons(f"{BODY}\n\n{form}\n{button}\n\n{BODY}\n")
    assert got == [("signup-field", f) for f in fields] + [("signup-label", button)]


@pytest.mark.parametrize("line", ["Vorname", "E-Mail", "Submit", "Wyślij", "Absenden", "First name"])
def test_form_field_words_alone_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []
    assert reasons(f"{BODY}\n\n{line}\n") == []
    # in another paragraph than the sign-up line
    assert reasons(f"{BODY}\n\n{line}\n\nSubscribe\n") == [("signup-label", "Subscribe")]


def test_polish_data_notice_of_a_form():
    line = "Administratorem Twoich danych osobowych jest Example sp. z o.o. Szczegóły w Polityce prywatności."
    assert reasons(f"{BODY}\n\nWyślij\n{line}\n") == [("signup-field", "Wyślij"), ("signup-consent", line)]
