"""HTML in: a web page to clean article text.

>>> from cleantext import clean_html
>>> clean_html(b"<html><body><article><p>The council met on Monday.</p></article></body></html>")
'The council met on Monday.\\n'

See ``docs/html.md`` for the steps, the options and how they were chosen.
"""
from __future__ import annotations

from .api import (DEFAULT_OPTIONS, FULL_PAGE_STAGES, HtmlOptions, InputTooLarge, clean_html,
                  explain_html, extracted_pipeline)
from .decode import Decoded, decode_html
from .extract import ExtractOptions
from .structure import StructureRules
from .worker import HtmlTimeout, IsolatedHtml

__all__ = [
    "DEFAULT_OPTIONS", "Decoded", "ExtractOptions", "FULL_PAGE_STAGES", "HtmlOptions", "HtmlTimeout",
    "InputTooLarge", "IsolatedHtml", "StructureRules", "clean_html", "decode_html", "explain_html",
    "extracted_pipeline",
]
