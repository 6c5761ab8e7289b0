"""A filter that misbehaves on purpose, for the worker-process tests."""
from __future__ import annotations

import os
import time
from dataclasses import dataclass

from cleantext.filters.base import BlockFilter


@dataclass(frozen=True)
class Misbehave(BlockFilter):
    """On a line starting with a trigger word: ``STALL`` sleeps in C (out of
    reach of the in-process time budget), ``EXIT`` ends the process at once,
    ``FAIL`` raises.  Every other line is left alone."""

    name = "misbehave"
    stall: float = 600.0

    def detect(self, doc):
        for b in doc.kept():
            if b.text.startswith("STALL"):
                time.sleep(self.stall)
            elif b.text.startswith("EXIT"):
                os._exit(7)
            elif b.text.startswith("FAIL"):
                raise LookupError("failed on purpose")
        return ()
