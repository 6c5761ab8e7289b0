"""The built-in filters, one module per job.

Normalizers: :mod:`.encoding`, :mod:`.invisible`, :mod:`.whitespace`.
Noise families: :mod:`.advertisement`.
Importing this package registers them all (see :mod:`cleantext.registry`).
"""
from . import advertisement, encoding, invisible, whitespace  # noqa: F401
