"""The kinds of noise a removal can name.

Every removal in the audit trail carries one of these kinds, so removals can be
counted and evaluated per family.  They are plain strings (a ``str`` enum), so
they serialize to JSON as themselves.
"""
from __future__ import annotations

from enum import Enum


class Kind(str, Enum):
    """What a removed piece of text was."""

    NAVIGATION = "navigation"  #: skip links, menus, breadcrumbs, section labels, search prompts
    ADVERTISEMENT = "advertisement"  #: "Advertisement", "Sponsored", "Anzeige"
    SIGNUP = "signup"  #: newsletter, subscribe and paywall prompts
    CAPTION = "caption"  #: image captions and photo credits
    BIO = "bio"  #: bylines and author bios
    DATELINE = "dateline"  #: publication / update dates, reading time
    RELATED = "related"  #: related links, share bars, copyright and cookie footers, tags
    TRACKING = "tracking"  #: opaque tokens and tracking parameters
    BOILERPLATE = "boilerplate"  #: page text outside the article found by the classifier

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value
