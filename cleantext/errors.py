"""Exceptions raised by cleantext."""
from __future__ import annotations


class CleantextError(Exception):
    """Base class of every error cleantext raises on purpose."""


class NotTextError(CleantextError, ValueError):
    """The input is not text: binary data such as an image, a PDF or an archive."""


class ConfigError(CleantextError, ValueError):
    """A pipeline or filter configuration is invalid (unknown filter, bad option)."""
