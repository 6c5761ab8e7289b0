"""The encoding normalizer: what it repairs, what it keeps, and its options."""
import ftfy
import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-* codecs)
import pytest

import cleantext
from cleantext import ConfigError, Pipeline, default_pipeline
from cleantext.config import pipeline_from_config
from cleantext.filters.encoding import KEEP_MEANING, Encoding

fix = Encoding().normalize

ORIGINAL = "Grüße – “quoted” don’t, naïve café"
MOJIBAKE_CODECS = ["sloppy-windows-1252", "latin-1", "sloppy-windows-1250",
                   "sloppy-windows-1251", "iso-8859-2", "macroman", "cp437"]


def mojibake(text: str, codec: str, layers: int) -> str:
    for _ in range(layers):
        text = text.encode("utf-8").decode(codec)
    return text


# --------------------------------------------------------------------------- repairs


@pytest.mark.parametrize("codec", MOJIBAKE_CODECS)
@pytest.mark.parametrize("layers", [1, 2])
def test_mojibake_one_and_two_layers_is_fixed(codec, layers):
    broken = mojibake(ORIGINAL, codec, layers)
    assert broken != ORIGINAL
    assert fix(broken) == ORIGINAL


def test_two_layer_mojibake_of_a_curly_apostrophe():
    assert fix("donÃ¢â‚¬â„¢t") == "don’t"


def test_html_entities_left_in_text_are_decoded():
    assert fix("Fish &amp; chips, &eacute;t&eacute; &#8217;24, &lt;3\n") == "Fish & chips, été ’24, <3\n"


def test_entities_stay_when_the_text_looks_like_html():
    # ftfy stops unescaping from the first line holding a "<": it may be markup.
    text = "A &amp; B\n<p>C &amp; D</p>\nE &amp; F\n"
    assert fix(text) == "A & B\n<p>C &amp; D</p>\nE &amp; F\n"


def test_c1_controls_are_read_as_windows_1252():
    assert fix("\x93quoted\x94 and\x85") == "“quoted” and…"


def test_lone_surrogates_become_replacement_characters():
    assert fix("a\ud800b") == "a\ufffdb"
    assert fix("\ud83d\ude00 pair") == "😀 pair"


def test_stray_control_characters_and_terminal_escapes_are_removed():
    assert fix("a\x00b\x07c \x1b[31mred\x1b[0m \ufeffd\x7f") == "abc red d"


def test_nfc_composes_decomposed_accents():
    assert fix("cafe\u0301 Ha\u0308user") == "café Häuser"


# --------------------------------------------------------------------------- kept


KEPT = [
    "“Curly double” and ‘curly single’ quotes, don’t",
    "你好，世界。「引用」！（括号）",        # full-width CJK punctuation
    "ﬁnance and ﬂow, written with ligatures",
    "Ｆｕｌｌｗｉｄｔｈ letters",
    "👩\u200d💻 🏳️\u200d🌈 👨\u200d👩\u200d👧 👍🏽 ❤️",     # emoji, ZWJ sequences, modifiers
    "10³ m², ½ cup, x₂, ™",                   # compatibility characters: NFC, not NFKC
    "Straße – 5 € — fine…",
]


@pytest.mark.parametrize("text", KEPT)
def test_meaning_and_typography_are_kept(text):
    assert fix(text) == text


# Real words that contain the characters mojibake is made of.  ftfy's
# heuristic must not touch them; nor must the fast path.
LOOK_ALIKES = [
    "¡Hola!", "Łódź", "IL Y MARQUÉ…", "¿Qué tal?", "São Paulo", "ŠKODA", "«citation»",
    "№ 5", "±3 °C", "© 2024 Example™", "Œuvre complète", "Ελληνικά κείμενα", "Русский текст",
    "• bullet † dagger", "ÀÉÎÕÜ", "Ärger über Öl", "Ça va? Ñandú", "Ø 12 mm", "Æsir ÐÞ",
    "árvíztűrő tükörfúrógép", "Crème brûlée à la carte", "Ångström: 5 Å", "PØLSE", "NÃO",
    "mañana", "Größe 42", "Świętokrzyskie", "Čeština, Šárka", "Türkçe İstanbul", "ß¹²³",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_false_positive_look_alikes_pass_untouched(text):
    assert fix(text) == text
    assert fix(text + "\n" + text) == text + "\n" + text


# --------------------------------------------------------------------------- idempotence


@pytest.mark.parametrize("text", KEPT + LOOK_ALIKES + [
    mojibake(ORIGINAL, c, n) for c in MOJIBAKE_CODECS for n in (1, 2)] + [
    "A &amp;amp; B", "\x93\x94", "a\ud800", "e\u0301\u0301",
    "&amp;\u2028<", "&amp;\x0c<b>", "&amp;\r<", "CafÃ©\u2029&lt;"])
def test_encoding_is_idempotent(text):
    once = fix(text)
    assert fix(once) == once


# --------------------------------------------------------------------------- options


def test_default_config_keeps_meaning():
    cfg = Encoding().config
    assert cfg == KEEP_MEANING
    assert (cfg.uncurl_quotes, cfg.fix_character_width, cfg.fix_latin_ligatures,
            cfg.normalization) == (False, False, False, "NFC")


def test_options_are_ftfys_own_config():
    uncurl = Encoding(config=KEEP_MEANING._replace(uncurl_quotes=True))
    assert uncurl.normalize("“x” don’t") == "\"x\" don't"
    assert Encoding(config=ftfy.TextFixerConfig()).normalize("ﬁ “Ｆ” 10³") == "fi \"F\" 10³"


@pytest.mark.parametrize("options, text, expected", [
    ({"uncurl_quotes": True}, "“x”", "\"x\""),
    ({"normalization": "NFKC"}, "10³ ½", "103 1⁄2"),
    ({"fix_character_width": True}, "ＡＢＣ，", "ABC,"),
    ({"fix_latin_ligatures": True}, "ﬁne", "fine"),
    ({"unescape_html": False}, "a &amp; b", "a &amp; b"),
    ({"fix_encoding": False}, "cafÃ©", "cafÃ©"),
])
def test_a_mapping_changes_fields_of_the_meaning_preserving_config(options, text, expected):
    f = Encoding(config=options)
    assert isinstance(f.config, ftfy.TextFixerConfig)
    assert f.normalize(text) == expected
    # other fields keep the meaning-preserving defaults
    assert f.config._replace(**{k: getattr(KEEP_MEANING, k) for k in options}) == KEEP_MEANING


def test_unknown_ftfy_option_is_a_clear_error():
    with pytest.raises(TypeError, match="unknown ftfy option"):
        Encoding(config={"uncurl": True})
    with pytest.raises(ConfigError, match="bad options for filter 'encoding'"):
        default_pipeline().configure("encoding", config={"uncurl": True})
    with pytest.raises(TypeError, match="TextFixerConfig"):
        Encoding(config="NFKC")
    with pytest.raises(TypeError, match="normalization must be"):
        Encoding(config={"normalization": "nfc"})
    with pytest.raises(TypeError, match="max_decode_length"):
        Encoding(config={"max_decode_length": 0})


def test_options_through_the_pipeline_and_a_config_file():
    pipe = default_pipeline().configure("encoding", config={"uncurl_quotes": True})
    assert cleantext.clean("“Quoted” text.", pipeline=pipe) == "\"Quoted\" text.\n"
    pipe = pipeline_from_config({"options": {"encoding": {"config": {"normalization": "NFKC"}}}})
    assert cleantext.clean("10³ units", pipeline=pipe) == "103 units\n"
    assert hash(pipe) == hash(pipeline_from_config(
        {"options": {"encoding": {"config": {"normalization": "NFKC"}}}}))


@pytest.mark.parametrize("brk", ["\r\n", "\r", "\x0b", "\x0c", "\u2028", "\u2029", "\x1e"])
def test_line_breaks_are_unified_before_ftfy(brk):
    # each line is repaired on its own, and VT/FF become breaks instead of vanishing
    assert fix(f"A &amp; B{brk}<p>") == "A & B\n<p>"
    assert cleantext.clean(f"one{brk}two") == "one\ntwo\n"


def test_nel_is_read_as_windows_1252_ellipsis():
    assert fix("Wait\x85 what") == "Wait… what"


def test_default_chain_repairs_encoding():
    assert cleantext.clean("CafÃ© &amp; bar\r\n") == "Café & bar\n"
    assert Pipeline(["encoding"]).normalize("cafÃ©")[1] == ("encoding",)
