"""cleantext: turn scraped articles into clean article text.

>>> import cleantext
>>> cleantext.clean("Advertisement\\n\\nThe council met on Monday.\\n")
'The council met on Monday.\\n'
"""
from __future__ import annotations

__version__ = "0.1.0"

from .api import clean, explain
from .config import load_config
from .decoding import decode_bytes
from .defaults import DEFAULT_FILTERS, default_pipeline
from .document import BlockMark, Document, Removal, Result, SpanMark
from .errors import CleantextError, ConfigError, NotTextError
from .filters.base import BlockFilter, Filter, Normalizer, SpanFilter
from .html import HtmlOptions, clean_html, explain_html
from .kinds import Kind
from .limits import DocumentTimeout, InputTooLarge, Limits
from .pipeline import Pipeline
from .registry import available as available_filters
from .registry import register

__all__ = [
    "BlockFilter", "BlockMark", "CleantextError", "ConfigError", "DEFAULT_FILTERS",
    "Document", "DocumentTimeout", "Filter", "InputTooLarge", "Kind", "Limits",
    "NotTextError", "Normalizer", "Pipeline", "Removal",
    "Result", "SpanFilter", "SpanMark", "__version__", "available_filters", "clean",
    "clean_html", "decode_bytes", "default_pipeline", "explain", "explain_html", "HtmlOptions",
    "load_config", "register",
]
