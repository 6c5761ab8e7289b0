"""The data the strategies draw from: prose vocabularies and the filters' phrase lists.

Two sources, both TOML data files shipped with the package:

- ``cleantext/data/testing/<lang>.toml``: what the kit writes articles and
  structural noise from.  ``[prose]`` holds word lists and sentence templates
  written for this kit (names, places, organisations, sentences, quotes,
  headlines, subheadings); ``[noise]`` holds the forms of noise that are
  structures rather than fixed phrases (datelines, bylines, credit lines, link
  sentences for inline tracking parameters).
- ``cleantext/data/phrases/<lang>.toml``: the phrase lists the filters match
  against.  Every table named after a :class:`~cleantext.Kind` value is a
  noise family the kit can generate, so a family that gains a phrase table
  is picked up without changing the kit.

Templates use ``{slot}`` fields; :func:`template_slots` lists them.
"""
from __future__ import annotations

import string
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from ..kinds import Kind
from ..lexicon import PHRASE_DIR

#: Where the kit's own vocabularies live.
TESTING_DIR = Path(__file__).resolve().parent.parent / "data" / "testing"

#: How the kit turns each built-in phrase list into noise lines, following the
#: key table of docs/phrases.md.  ``LINE``: the phrase is a whole line as it
#: is (whole-line keys, line-start keys that are complete on their own, and
#: ``calls``, which are the last sentence of a line that is only the call).
#: A template: the phrase starts a line and the template completes it as the
#: filter's rule expects ("Photo: Jane Doe", "Read more: What happens next",
#: "© 2024 Jane Doe").  ``None``: the list is not noise on its own line:
#: words inside a larger rule (roles, months, time words), fragments matched
#: inside a line (``phrases``, ``rights``), labels that need a date after
#: them (datelines are written from the kit's own forms), section names that
#: are furniture only directly above the headline, and URL parameter names.
LINE = "{phrase}"
KEY_FORMS: dict[tuple[str, str], str | None] = {
    ("navigation", "skip_links"): LINE,
    ("navigation", "search"): LINE,
    ("navigation", "social"): LINE,
    ("navigation", "social_prefixes"): "{phrase} {network}",
    ("navigation", "follow_prefixes"): "{phrase} {name} on Facebook and Instagram",
    ("navigation", "networks"): None,
    ("navigation", "network_prepositions"): None,
    ("navigation", "labels"): LINE,
    ("navigation", "sections"): None,
    ("advertisement", "labels"): LINE,
    ("advertisement", "sponsors"): "{phrase} {name}",
    ("advertisement", "gambling"): "18+ | {phrase}",
    ("signup", "labels"): LINE,
    ("signup", "calls"): LINE,
    ("signup", "prompts"): LINE,
    ("signup", "phrases"): None,
    ("signup", "consents"): None,
    ("signup", "consent_words"): None,
    ("signup", "newsletter_starts"): None,
    ("signup", "fields"): None,
    ("signup", "app_starts"): None,
    ("signup", "app_words"): None,
    ("caption", "credits"): "{phrase}: {name}",
    ("caption", "agencies"): LINE,
    ("caption", "assignment_words"): None,
    ("caption", "figures"): "{phrase} 2: {subheading}",
    ("caption", "markers"): "{subheading} ({phrase})",
    ("caption", "positions"): "{name} ({phrase})",
    ("caption", "controls"): LINE,
    ("bio", "labels"): LINE,
    ("bio", "byline_prefixes"): "{phrase} {name}",
    ("bio", "roles"): None,
    ("bio", "copulas"): None,
    ("bio", "beats"): None,
    ("bio", "name_particles"): None,
    ("bio", "contact_prefixes"): "{phrase}: {name}, press@example.org",
    ("bio", "about_prefixes"): None,
    ("bio", "intros"): None,
    ("bio", "greetings"): None,
    ("dateline", "published_labels"): None,
    ("dateline", "updated_labels"): None,
    ("dateline", "months"): None,
    ("dateline", "months_short"): None,
    ("dateline", "months_alt"): None,
    ("dateline", "weekdays"): None,
    ("dateline", "time_words"): None,
    ("dateline", "closing_words"): None,
    ("dateline", "reading_time"): LINE,
    ("dateline", "closing_words"): None,
    ("dateline", "relative"): LINE,
    ("related", "labels"): LINE,
    ("related", "list_labels"): LINE,
    ("related", "prefixes"): "{phrase}: {subheading}",
    ("related", "tag_prefixes"): "{phrase} {place}, {network}",
    ("related", "comment_verbs"): None,
    ("related", "error_labels"): "{phrase}: Undefined variable $post in /var/www/html/index.php on line 12",
    ("related", "notices"): LINE,
    ("related", "copyright"): "{phrase} {year} {name}",
    ("related", "rights"): None,
    ("related", "legal"): None,
    ("related", "script_words"): None,
    ("related", "cookie_prefixes"): LINE,
    ("related", "post_links"): "{phrase}: {subheading}",
    ("related", "comment_counts"): LINE,
    ("related", "embed_credits"): "{phrase} {name} (@{network})",
    ("tracking", "params"): None,
}
#: For keys not in :data:`KEY_FORMS` (a user's own lists), the key's ending
#: decides: ``...prefixes`` start a line and are completed with a name; keys
#: ending in one of :data:`SKIPPED_KEY_SUFFIXES` are parts of larger rules.
PREFIX_KEY_SUFFIXES = ("prefixes", "prefix")
SKIPPED_KEY_SUFFIXES = ("patterns", "pattern", "regex", "words", "suffixes", "exceptions")
_PREFIX_FORM = "{phrase} {name}"


def key_form(kind: str, key: str) -> str | None:
    """How the ``[kind].key`` list becomes noise: :data:`LINE`, a template, or None (not used)."""
    if (kind, key) in KEY_FORMS:
        return KEY_FORMS[(kind, key)]
    if key.endswith(PREFIX_KEY_SUFFIXES):
        return _PREFIX_FORM
    if key.endswith(SKIPPED_KEY_SUFFIXES):
        return None
    return LINE


@lru_cache(maxsize=None)
def _load(path: str) -> dict[str, Any]:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def languages() -> tuple[str, ...]:
    """Languages the kit can write articles in."""
    return tuple(sorted(p.stem for p in TESTING_DIR.glob("*.toml") if not p.stem.startswith("_")))


@lru_cache(maxsize=None)
def vocabulary(language: str) -> dict[str, Any]:
    """The ``[prose]`` and ``[noise]`` tables of ``language``."""
    path = TESTING_DIR / f"{language}.toml"
    if not path.exists():
        raise ValueError(f"no testing vocabulary for language {language!r}; "
                         f"have: {', '.join(languages())}")
    return _load(str(path))


def prose(language: str) -> dict[str, list[str]]:
    """The word lists and templates of the ``[prose]`` table."""
    table: dict[str, list[str]] = vocabulary(language)["prose"]
    return table


def noise_forms(language: str) -> dict[str, list[str]]:
    """The structural noise forms of the ``[noise]`` table."""
    table: dict[str, list[str]] = vocabulary(language)["noise"]
    return table


@lru_cache(maxsize=None)
def template_slots(template: str) -> tuple[str, ...]:
    """The ``{slot}`` names used in ``template``, in order, without repeats."""
    seen: list[str] = []
    for _, field, _, _ in string.Formatter().parse(template):
        if field and field not in seen:
            seen.append(field)
    return tuple(seen)


@lru_cache(maxsize=1)
def phrase_languages() -> tuple[str, ...]:
    """Languages with a built-in phrase file."""
    return tuple(sorted(p.stem for p in PHRASE_DIR.glob("*.toml")))


def _kind_values() -> frozenset[str]:
    return frozenset(k.value for k in Kind)


@lru_cache(maxsize=None)
def phrase_lists(kind: str, language: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(key, phrases)`` for every list of the ``[kind]`` table in ``language``'s phrase file."""
    path = PHRASE_DIR / f"{language}.toml"
    if not path.exists():
        return ()
    table = _load(str(path)).get(kind, {})
    out = []
    for key, values in sorted(table.items()):
        if isinstance(values, list) and values and all(isinstance(v, str) for v in values):
            out.append((key, tuple(v for v in values if v.strip())))
    return tuple((k, v) for k, v in out if v)


@lru_cache(maxsize=1)
def phrase_kinds() -> tuple[Kind, ...]:
    """Kinds that have a phrase table in at least one built-in phrase file."""
    found: set[str] = set()
    for lang in phrase_languages():
        data = _load(str(PHRASE_DIR / f"{lang}.toml"))
        found.update(k for k in data if k in _kind_values())
    return tuple(k for k in Kind if k.value in found)


@lru_cache(maxsize=None)
def line_phrases(kind: str, language: str) -> tuple[str, ...]:
    """Phrases of ``kind`` in ``language`` that stand as a whole line on their own."""
    out: list[str] = []
    for key, values in phrase_lists(kind, language):
        if key_form(kind, key) == LINE:
            out.extend(values)
    return tuple(out)


@lru_cache(maxsize=None)
def completed_phrases(kind: str, language: str) -> tuple[tuple[str, str], ...]:
    """``(phrase, template)`` for phrases of ``kind`` that start a line the template completes.

    The template has a ``{phrase}`` field and vocabulary slots
    (``"{phrase}: {name}"`` makes "Photo: Jane Doe").
    """
    out: list[tuple[str, str]] = []
    for key, values in phrase_lists(kind, language):
        form = key_form(kind, key)
        if form is not None and form != LINE:
            out.extend((v, form) for v in values)
    return tuple(out)


@lru_cache(maxsize=None)
def prefix_phrases(kind: str, language: str) -> tuple[str, ...]:
    """Phrases of ``kind`` in ``language`` that start a line ("Photo"), completed by the kit."""
    return tuple(p for p, _ in completed_phrases(kind, language))


@lru_cache(maxsize=1)
def common() -> dict[str, Any]:
    """The language-independent ``_common.toml`` vocabulary (URLs, tracking parameters)."""
    return _load(str(TESTING_DIR / "_common.toml"))
