"""The built-in filters, one module per job.

Normalizers: :mod:`.encoding`, :mod:`.whitespace`.
Noise families: :mod:`.tracking`, :mod:`.advertisement`, :mod:`.signup`,
:mod:`.related`, :mod:`.datelines`, :mod:`.captions`, :mod:`.bylines`,
:mod:`.navigation`, then :mod:`.settle` (see docs/filters.md).
Importing this package registers them all (see :mod:`cleantext.registry`).
"""
from . import (  # noqa: F401
    advertisement,
    bylines,
    captions,
    datelines,
    encoding,
    navigation,
    related,
    settle,
    signup,
    tracking,
    whitespace,
)
