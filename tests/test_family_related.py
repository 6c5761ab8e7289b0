"""Related links, share bars, tag lists, comment forms, copyright and cookie notices."""
import pytest

from cleantext import Pipeline

from conftest import reasons_for

PIPE = Pipeline(["whitespace", "related"])
BODY = ("The council voted on Monday evening to approve a budget that is four percent smaller "
        "than last year's, after a long meeting in the town hall.")


reasons = reasons_for(PIPE)


@pytest.mark.parametrize("line, reason", [
    ("Related Topics", "related-label"),
    ("Share this article", "related-label"),
    ("Mehr zum Thema", "related-label"),
    ("Zobacz także", "related-label"),
    ("À lire aussi", "related-label"),
    ("Read more: Bridges to close for repairs", "related-prefix"),
    ("Lesen Sie auch: Wie sicher sind die Radwege?", "related-prefix"),
    ("Tags: budget, council, bridges", "related-prefix"),
    ("© 2024 Example Media", "copyright"),
    ("Copyright © Example Media. All rights reserved.", "copyright"),
    ("Copyright 2024 Example Media", "copyright"),
    ("Alle Rechte vorbehalten", "related-label"),
    ("We use cookies to improve your experience on our site.", "cookie-notice"),
    ("Diese Website verwendet Cookies. Mit der Nutzung stimmen Sie zu.", "cookie-notice"),
    ("Ta strona używa plików cookie.", "cookie-notice"),
    ("Your email address will not be published. Required fields are marked *", "site-notice"),
    ("Schreibe einen Kommentar Antworten abbrechen", "site-notice"),
    ("All content is licensed under a Creative Commons Attribution 4.0 International License.", "copyright"),
    ("Alle Inhalte unterliegen dieser Creative-Commons-Lizenz.", "copyright"),
    ("View this post on Instagram", "site-notice"),
    ("Mit Ihrer Zustimmung wird hier ein externer Inhalt geladen.", "site-notice"),
    ("Externer Inhalt", "related-label"),
    ("A post shared by Jane Doe (@janedoe)", "embed-credit"),
    ("Ein Beitrag geteilt von Anna Schmidt (@anna.schmidt)", "embed-credit"),
    ("Learn more", "related-label"),
    ("Kommentare (12)", "comment-count"),   # listed among the comment counts
    ("Teilen (3)", "related-label"),
    ("Share (5)", "related-label"),
    ("SUGGESTED CITATION Doe, Jane: Budget day, Example Blog, 2020/4/09, https://example.org/budget-day/.", "site-notice"),
    ("Zitiervorschlag: Doe, Jane: Haushalt, Beispielblog, 9.4.2020.", "site-notice"),
    ("Video verfügbar bis 28.02.2021", "site-notice"),
    ("Klicken Sie auf den unteren Button, um den Inhalt von www.example.de zu laden.", "site-notice"),
    ("Als PDF herunterladen", "related-label"),
    ("3737 Bewertungen", "comment-count"),
    ("12 reviews", "comment-count"),
    ("Dich interessiert vielleicht auch", "related-label"),
    ("Für Sie empfohlen", "related-label"),
    ("Diese Seite teilen", "related-label"),
    ("Markiert: #gesundheit, #schlaf, #winter", "related-prefix"),
    ("Die Kommentarfunktion ist geschlossen.", "related-label"),
    ("Komentarze są zamknięte.", "related-label"),
    ("MIRA: Madre se acerca a conocer los motivos de la captura de su hijo", "related-prefix"),
    ("Quelle: Landesregierung", "related-prefix"),
    ("Source: CDC, Chicago Department of Public Health", "related-prefix"),
    ("Źródło: ISBnews", "related-prefix"),
    ("(Alle Angaben ohne Gewähr)", "related-label"),
    ("Para comentar debes registrarte y completar los datos generales.", "site-notice"),
    ("Sorry, your blog cannot share posts by email.", "site-notice"),
    ("Post was not sent - check your email addresses!", "site-notice"),
    ("Your browser does not support the video tag.", "site-notice"),
    ("Explore more on these topics", "related-label"),
    ("Leserbrief schreiben", "related-label"),
    ("Alle Kommentare anzeigen", "related-label"),
    ("Datenschutzeinstellungen", "related-label"),
    ("Dans la même rubrique", "related-label"),
    ("Ver comentarios", "related-label"),
    ("Zgłoś błąd", "related-label"),
    ("Segnala un errore", "related-label"),
    ("Bookmark the permalink.", "related-label"),
    ("Request Reprint & Licensing", "related-label"),
    ("Submit Correction", "related-label"),
    ("Load more", "related-label"),
    ("Share on X", "related-label"),
    ("We pay for your stories! Do you have a story for our news desk?", "site-notice"),
    ("View site in Reader", "related-label"),
    ("This entry was posted in News and tagged budget, council. Bookmark the permalink.", "site-notice"),
    ("Discover more from The Example Blog", "site-notice"),
    ("Reuse this content", "related-label"),
    ("Share this with Facebook", "related-label"),
    ("Read full article", "related-label"),
    ("CLICK HERE TO GET THE EXAMPLE NEWS APP", "site-notice"),
    ("A version of this article appears in print on June 12, 2020, Section A, Page 1.", "site-notice"),
    ("Privacy Notice: Newsletters may contain info about charities and online ads.", "related-prefix"),
])
def test_footer_lines(line, reason):
    assert reasons(f"{BODY}\n\n{line}\n") == [(reason, line)]


@pytest.mark.parametrize("line", [
    "The court ruled that the cookies stored by the website needed the visitor's consent.",
    "Das Gericht entschied, dass die Cookies der Website eine Zustimmung brauchten.",
    "Sąd orzekł, że pliki cookie zapisywane przez stronę wymagały zgody.",
    "Copyright law changed in 2019, when the rules for quoting articles were rewritten.",
    "Read more books, the librarian told the children.",
    "Share prices of the printing firm rose by six percent.",
    "Related research from the university found that local papers matter.",
    "Partager les frais entre les communes reste la seule solution.",
    "Für Sie empfohlen hat der Arzt eine Kur an der See.",
    "A post shared by the mayor on Monday drew more than two thousand comments.",
    "Learn more about the budget at the town hall on Monday, the mayor said.",
    "The vote (12)",
    "Zitierweise im Fließtext",
    "Comments from readers (12) were mostly about the bridge.",
    "12 reviews of the bridge project were sent to the council.",
    "Markiert wurden die Wege mit roter Farbe.",
    "Mira lo que pasó ayer en la plaza mayor de la ciudad.",
    "Sources say the mayor will resign before the end of the month.",
    "Source of the trouble: a broken pipe under the bridge",
    "Quellen zufolge will der Bürgermeister noch vor Monatsende zurücktreten.",
    "Lea el informe completo en la página del consejo.",
    "Die Kommentarfunktion ist geschlossen worden, weil zu viele Beleidigungen kamen, sagte die Redaktion am Montag.",
])
def test_prose_stays(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []
    assert reasons(f"{BODY}\n\n{line}\n") == []


@pytest.mark.parametrize("line", ["[komentarze (5)]", "[Komentarze (12)]", "» 5 komentarzy «"])
def test_comment_counts_in_brackets_or_decorated(line):
    # a count ending in a bracket, the whole in brackets: the fold drops the closing
    # bracket, so the second word reads "(5", which is "(#" as the phrases have it
    assert reasons(f"{BODY}\n\n{line}\n") == [("comment-count", line)]


@pytest.mark.parametrize("line", [
    "Most read", "Most popular", "You might also like", "Lo más leído", "Meistgelesene Artikel",
    "Das könnte dir auch gefallen", "Najczęściej czytane", "Les plus lus", "Mais lidas", "I più letti",
    "Meest gelezen", "MOST READ",
])
def test_headings_of_lists_of_other_articles(line):
    # list_labels are labels too: at the end, and between paragraphs (a list of
    # other articles' headlines stands inside the article)
    assert reasons(f"{BODY}\n\n{line}\n") == [("related-label", line)]
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == [("related-label", line)]


@pytest.mark.parametrize("line", [
    "Most read books were returned late, the librarian said.",
    "Lo más leído del año fue una novela sobre el puerto.",
    "Meistgelesene Artikel des Jahres waren die über den Brückenbau.",
])
def test_sentences_starting_like_list_headings_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []
    assert reasons(f"{BODY}\n\n{line}\n") == []


def test_one_word_label_between_paragraphs_is_a_subheading():
    assert reasons(f"{BODY}\n\nComments\n\n{BODY}\n") == []
    assert reasons(f"{BODY}\n\nComments\n") == [("related-label", "Comments")]


@pytest.mark.parametrize("line", [
    "This article was originally published on The Conversation.",
    "This article is republished from The Conversation under a Creative Commons license.",
    "A version of this story appeared in print on March 2, 2022.",
    "The views expressed in this article are the author's own.",
    "Have a news tip? Email us at tips@example.com.",
    "Submit your letter to the editor via this form.",
    "Dieser Artikel erschien zuerst auf der Website des Verlags.",
    "Cet article a été publié initialement sur le site du journal.",
    "Este artículo fue publicado originalmente en el sitio del diario.",
])
def test_republication_notes_disclaimers_and_tip_lines(line):
    assert reasons(f"{BODY}\n\n{line}\n") == [("site-notice", line)]


@pytest.mark.parametrize("line", [
    "Filed under 2020 Election",
    "Posted in Latest News",
    "Tags budget, council, bridges",
    "Tagged with: budget, council",
    "Veröffentlicht in Body & Fitness",
    "Getaggt mit Derek Jarman, The Garden",
    "Schlagwörter Monster, Winter",
    "Mots clés Valérie Plante, trottinette, trottinette électrique",
    "Kategorien Gesellschaft & Kultur • Tags Frankenstein, Geister, Spuk",
])
def test_tag_lists(line):
    assert reasons(f"{BODY}\n\n{line}\n") == [("tag-list", line)]


def test_a_tag_list_of_many_items_goes_between_paragraphs_too():
    line = "Tags budget, council, bridges"
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == [("tag-list", line)]


@pytest.mark.parametrize("line", [
    "Tags darauf gingen wir zum Hafen. Dort lag das Schiff.",
    "Tags sind problematisch, wenn sie auf Accounts von Marken verweisen, mit denen Shops verknüpft sind",
    "Tagged as a terrorist, he fled the country in 1999.",
    "Posted in Datenschutz by the admin on August 3, 2019 at the start of the school holidays",
    "Posted in 1998",               # one item between paragraphs: a subheading
    "Tag der Arbeit",
    "Categories",
])
def test_sentences_and_headings_like_tag_lists_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


COMMENT = "Thanks for this piece, it explains the budget far better than the council did at the meeting."


@pytest.mark.parametrize("first, second", [
    ("Jane Doe says:", "Bebs says:"),
    ("Anna Schmidt sagt:", "Mulm-1006 schreibt:"),
    ("Jan Kowalski pisze:", "Anna Nowak napisała:"),
])
def test_comment_heads(first, second):
    text = f"{BODY}\n\n{first}\n\n{COMMENT}\n\n{second}\n\n{COMMENT}\n"
    assert reasons(text) == [("comment-header", first), ("comment-header", second)]


@pytest.mark.parametrize("text", [
    # one line like a comment head introduces a quotation
    f"{BODY}\n\nThe mayor's spokesman Jan Berg says:\n\n{COMMENT}\n",
    f"{BODY}\n\nMerkel sagt:\n\n{COMMENT}\n",
    # not a name before the verb
    f"{BODY}\n\nthe mayor says:\n\n{COMMENT}\n\nthe council says:\n\n{COMMENT}\n",
    # not alone on its line
    f"{BODY}\n\nJane Doe says: the budget is too small.\n\nJohn Roe says: it is fine.\n",
])
def test_lines_like_comment_heads_stay(text):
    assert reasons(text) == []


@pytest.mark.parametrize("line", [
    "Warning: Creating default object from empty value in /www/htdocs/wp-includes/classes.php on line 407",
    "Deprecated: Function set_magic_quotes_runtime() is deprecated in /www/htdocs/wp-settings.php on line 18",
    "Strict Standards: Declaration of Walker_Page::start_lvl() should be compatible with "
    "Walker::start_lvl(&$output) in /www/htdocs/wp-includes/classes.php on line 576",
    "Notice: Undefined index: page in C:\\inetpub\\wwwroot\\index.php on line 3",
    "Warning: Use of undefined constant comments - assumed 'comments' (this will throw an Error in a "
    "future version of PHP) in /www/htdocs/wp-content/themes/blog/comments.php on line 20",
])
def test_server_error_messages(line):
    # between paragraphs too: a server's message is never part of the article
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == [("server-error", line)]


@pytest.mark.parametrize("line", [
    "Warning: the storm will reach the coast in two hours, officials said on line 5 of the bulletin.",
    "Notice: the library is closed in August.",
    "Warning: Roads closed in the north on line 7",
    "Warning signs were posted in the park on line 3 of the trail map.",
])
def test_warnings_in_prose_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


@pytest.mark.parametrize("line", [
    "Did you enjoy this article? Share it with your friends.",
    "If you enjoyed reading this post – would you consider supporting our work? Just click here. Thanks!",
    "Wenn Ihnen unser Artikel gefallen hat: Unterstützen Sie diese Form des Journalismus.",
    "Dir hat der Artikel gefallen? Jetzt teilen...",
    "Gefällt dir unser Magazin? Dann unterstütze uns mit einem kleinen Beitrag.",
    "Vous avez aimé cet article ? Partagez-le !",
    "¿Te ha gustado este artículo? Compártelo en tus redes.",
    "Podobał Ci się ten artykuł? Udostępnij go znajomym.",
])
def test_appeals_after_the_article(line):
    assert reasons(f"{BODY}\n\n{line}\n") == [("site-notice", line)]


@pytest.mark.parametrize("line", [
    "While you are here, take the ferry to the island and walk along the old harbour wall.",
    "Enjoying the article's success, the author wrote a second one within a month.",
    "Liked by many readers, the column ran for twelve years in the Sunday edition.",
    "Gefallen hat der Artikel vor allem den Lesern aus der Region, sagte die Redaktion.",
    "Si cet accord vous paraît juste, dit le maire, il faudra le voter lundi.",
])
def test_sentences_like_appeals_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


@pytest.mark.parametrize("line", [
    "The views expressed in this survey were mixed, the authors of the study said on Tuesday.",
    "A version of this plan was rejected by the council in 2019.",
])
def test_sentences_like_notices_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


@pytest.mark.parametrize("line, reason", [
    ("Next article: Council approves budget", "post-link"),
    ("Previous post Bridges to close for repairs", "post-link"),
    ("Vorheriger Beitrag Neue Brücke eröffnet", "post-link"),
    ("Article suivant Après une mise en quarantaine au cours de laquelle ils ont été placés sous "
     "contrôle médical : les rapatriés de la ville rentrent chez eux après deux semaines", "post-link"),
    ("Le puede interesar: El consejo aprueba el presupuesto", "related-prefix"),
    ("Weiter Nächster Beitrag: Stadtrat beschließt Haushalt", "post-link"),
    ("Article précédent : Le conseil vote le budget", "post-link"),
    ("Następny wpis Rada miasta przyjęła budżet", "post-link"),
    ("12 comments", "comment-count"),
    ("3 thoughts on “Budget day in the town hall”", "comment-count"),
    ("One response to \"Budget day\"", "comment-count"),
    ("2 Kommentare zu „Haushalt beschlossen“", "comment-count"),
    ("71 Kommentare", "comment-count"),
    ("5 commentaires sur « Le budget »", "comment-count"),
    ("142 Antworten zu Würde des Lebens – ein Projekt", "comment-count"),
    ("3 thoughts on Budget day in the town hall", "comment-count"),
    ("Lea más: El consejo aprueba el presupuesto", "related-prefix"),
    ("Dowiedz się więcej: Rada miasta przyjęła budżet", "related-prefix"),
    ("Mit Freunden teilen", "related-label"),
    ("Vos réactions (11)", "comment-count"),
    ("Kommentare insgesamt: 0", "comment-count"),
    ("Jump to Recipe Print Recipe", "related-label"),
    ("Simple theme. Powered by Blogger.", "site-notice"),
    ("We welcome reader comments on the top stories of the day.", "site-notice"),
    ("We welcome reader comments on the top stories of the day. Some comments may be republished on "
     "the website or in the newspaper; email addresses will not be published.", "site-notice"),
    ("Please understand that comments are moderated and it is not always possible to publish all.",
     "site-notice"),
    ("Explore further", "related-label"),
    ("Copyleft © 2002-2016 Jane Doe", "copyright"),
    ("This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
     "site-notice"),
    ("Click to share on Twitter (Opens in new window)", "site-notice"),
    ("Privacy & Cookies: This site uses cookies. By continuing to use this website, you agree to their use.",
     "cookie-notice"),
])
def test_post_links_comment_counts_and_more_footers(line, reason):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == [(reason, line)]


@pytest.mark.parametrize("line", [
    "Next article in the series will look at the budget.",
    "Previous posts on this blog covered the bridge repairs.",
    "12 comments were sent to the council before the vote.",
    "12 comments on the plan were received by Friday.",
    "3 Antworten zu dieser Frage gab es im Rat, aber keine überzeugte.",
    "3 thoughts on the budget came up again and again at the meeting.",
    "Ein Kommentar zu diesem Thema kam vom Bürgermeister selbst.",
    "Keine Kommentare gab es vom Bürgermeister zu diesem Thema.",
])
def test_sentences_like_post_links_and_comment_counts_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


def test_licence_sentence_inside_the_article_stays():
    line = "The museum said the photo is licensed under a Creative Commons licence, so anyone may use it."
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\n{BODY}\n") == []


def test_label_with_a_count_between_paragraphs_goes():
    # a one-word label between paragraphs is a subheading, but not with a count
    assert reasons(f"{BODY}\n\nShare (3)\n\n{BODY}\n") == [("related-label", "Share (3)")]


@pytest.mark.parametrize("line", [
    "© 2004-2020 Example Media UK Ltd, Brighton, UK, an Example Company. All rights reserved. "
    "Example News is the registered trade mark of Example Media. Any medical information published "
    "on this website is not intended as a substitute for informed medical advice.",
    "Copyright © 2019 Example.com, LLC. Reproduction of material from any Example pages without written "
    "permission is strictly prohibited. EXAMPLE ® is registered in the U.S. Patent and Trademark Office "
    "as a trademark of Example.com, LLC.",
    "© 2022, ExampleNews.com. This article is the copyrighted property of Example News. Written permission "
    "must be obtained before reprint in online or print media. Reprinting content without permission is "
    "theft and punishable by law.",
    "Some rights reserved 2017-2023 by Example Newsfeed, a partnership of Example Internet Media Networks "
    "and Example Media Group. All articles may be shared with credit to the author and a link back to "
    "the original story, under the licence given at the foot of the page.",
    "© 2021 Beispiel Verlag GmbH. Alle Rechte vorbehalten. Vervielfältigung und Verbreitung der Inhalte "
    "sind ohne schriftliche Genehmigung des Verlags nicht gestattet, auch nicht in Auszügen oder für "
    "Pressespiegel und elektronische Archive.",
])
def test_long_legal_footers(line):
    assert len(line) > 160
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == [("copyright", line)]


@pytest.mark.parametrize("line", [
    # a copyright word with no symbol or year after it is not a marker
    "Copyright holders must give written permission before a newspaper reprints a photo, the court said "
    "on Monday, and a registered trademark cannot be used in an advertisement without the owner's consent.",
    # a marker, but nothing legal in the line: a caption's credit running into text
    "© Reuters The minister arrived at the summit on Monday morning and spoke to reporters for nearly an "
    "hour about the trade talks, the budget and the coming election in the spring of next year.",
])
def test_long_lines_like_legal_footers_stay(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


@pytest.mark.parametrize("line", [
    "You need to enable JavaScript to view this site.",
    "JavaScript is disabled. For a better experience, please enable JavaScript in your browser before proceeding.",
    "JavaScript ist deaktiviert. Für eine bessere Darstellung aktiviere bitte JavaScript in deinem Browser.",
    "Zur optimalen Darstellung unserer Webseite benötigen Sie Javascript.",
    "Włącz obsługę języka JavaScript, aby strona działała prawidłowo.",
    "Tu navegador tiene deshabilitado el uso de Javascript.",
    "you MUST enable javascript to be able to comment",
])
def test_script_notices(line):
    assert reasons(f"{BODY}\n\n{line}\n") == [("script-notice", line)]
    assert reasons(f"Share\n\n{line}\n\n{BODY}\n") == [("related-label", "Share"), ("script-notice", line)]


@pytest.mark.parametrize("text", [
    # a tutorial tells its reader to enable JavaScript, between two paragraphs
    f"{BODY}\n\nTo try the demo, enable JavaScript in your browser settings and reload the page.\n\n{BODY}\n",
    # JavaScript named without asking to enable it
    f"{BODY}\n\nWe needed to re-evaluate how we wrote inline JavaScript for the new pages.\n",
    f"{BODY}\n\nFree of PHP or JavaScript. Purely made with open source software.\n",
])
def test_lines_naming_javascript_stay(text):
    assert reasons(text) == []


@pytest.mark.parametrize("line", [
    "We and our 843 partners store and/or access information on a device, such as cookies, and process personal data.",
    "We and our partners store and/or access information on a device, such as unique IDs in cookies.",
    "We use some essential cookies to make this service work. We’d also like to use analytics cookies.",
    "Valoramos tu privacidad. Nosotros y nuestros socios almacenamos o accedemos a información en un dispositivo.",
    "Wir und unsere 212 Partner speichern und/oder greifen auf Informationen auf einem Gerät zu.",
    "Szanowny Użytkowniku, zanim przejdziesz do serwisu, prosimy o zapoznanie się z informacjami.",
    "We care about your privacy",
    # a cookie statement that starts a later sentence of a short notice
    "Thanks for visiting our site. We use cookies to improve your experience.",
    "Zachęcamy do regularnych odwiedzin naszej strony. Informujemy, że korzystamy z cookies.",
])
def test_consent_banners(line):
    assert [r for r, _ in reasons(f"{BODY}\n\n{line}\n")] == ["cookie-notice"]


@pytest.mark.parametrize("line", [
    "We and our 12 partners built the bridge in two years.",
    "The company said it would share the data with partners who use cookies.",
    "Wir und unsere Partner haben die Brücke in zwei Jahren gebaut.",
])
def test_prose_like_consent_banners_stays(line):
    assert reasons(f"{BODY}\n\n{line}\n") == []
    assert reasons(f"{line}\n\n{BODY}\n") == []


def test_a_cookie_sentence_inside_an_article_paragraph_stays():
    line = "The court heard the case on Monday. We use cookies, the company's lawyer told the judge."
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []


@pytest.mark.parametrize("line, reason", [
    ("Accept and continue", "related-label"),
    ("Akceptuję i przechodzę do serwisu", "related-label"),
    ("Zustimmen und weiter", "related-label"),
    ("Site Index", "related-label"),
    ("View larger map", "related-label"),
    ("Editors’ Picks", "related-label"),   # the list has "Editors' picks"
    ("Partager l'article par e-mail", "related-label"),
    ("Vous souhaitez réagir ?", "related-label"),
    ("Kommentieren Sie diesen Artikel", "related-label"),
    ("Kommentar hinterlassen", "related-label"),
    ("Zgłoś do moderacji", "related-label"),
    ("Um zu kommentieren, melden Sie sich bitte an.", "site-notice"),
    ("Per commentare devi essere registrato. Accedi o registrati.", "site-notice"),
    ("Connectez-vous pour commenter", "site-notice"),
    ("Log in to comment", "site-notice"),
    ("412 shares", "comment-count"),
    ("1.1K shares", "comment-count"),
    ("Zugriffe: 214", "comment-count"),
    ("Views: 184", "comment-count"),
    ("★★★★★ 4,8 von 5 (212 Bewertungen)", "comment-count"),
    ("4.98 from 212 votes", "comment-count"),
    ("5 from 7 votes", "comment-count"),
])
def test_consent_buttons_comment_furniture_and_counts(line, reason):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == [(reason, line)]


@pytest.mark.parametrize("line", [
    "412 shares were sold on Monday, the exchange said.",
    "The app was downloaded 412 times.",
    "4.98 from 212 votes was the best score of the contest.",
    "Per commentare la notizia il ministro ha convocato i giornalisti.",
    "Um zu kommentieren, was geschehen war, trat der Minister vor die Presse.",
])
def test_prose_like_counts_and_comment_notices_stays(line):
    assert reasons(f"{BODY}\n\n{line}\n\n{BODY}\n") == []
    assert reasons(f"{BODY}\n\n{line}\n") == []
