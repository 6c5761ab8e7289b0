"""The built-in filters, one module per job.

Normalizers: :mod:`.encoding`, :mod:`.invisible`, :mod:`.whitespace`.
Noise families: :mod:`.tracking`, :mod:`.advertisement`, :mod:`.signup`,
:mod:`.related`, :mod:`.datelines`, :mod:`.captions`, :mod:`.bylines`,
:mod:`.navigation`, then :mod:`.settle` (see docs/filters.md).
Whole-page text: :mod:`.boilerplate` (see docs/boilerplate.md).

Importing this package imports every public module in it (names not starting
with ``_``), which registers their filters (see :mod:`cleantext.registry`):
a new filter module needs no list to be edited.
"""
from importlib import import_module
from pkgutil import iter_modules

for _info in sorted(iter_modules(__path__), key=lambda m: m.name):
    if not _info.name.startswith("_") and _info.name != "base":
        import_module(f"{__name__}.{_info.name}")
del _info
