"""The built-in filters, one module per job.

Normalizers: :mod:`.encoding`, :mod:`.whitespace`.
Noise families: :mod:`.advertisement`.
Full-page text: :mod:`.boilerplate` (the article-finding classifier).
Importing this package registers them all (see :mod:`cleantext.registry`).
"""
from . import advertisement, boilerplate, encoding, whitespace  # noqa: F401
