"""Line-break and whitespace normalization.

Every line break style (``\\r\\n``, ``\\r``, U+2028/2029, NEL, VT, FF) becomes
``\\n``; runs of spaces of any kind (NBSP, tabs, thin spaces...) become one
space; lines lose leading and trailing spaces; at most one blank line stays
between paragraphs, so the input's paragraph style (blank-line separated or
one paragraph per line) is kept.  Non-empty output ends with one newline.
Only ``str`` methods are used: linear time on any input.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..registry import register
from .base import Normalizer

# Line breaks that str.split("\n") would not see.  str.split() (no argument)
# already splits on every Unicode space separator and on tabs.
_LINE_BREAKS = str.maketrans({c: "\n" for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


@register
@dataclass(frozen=True)
class Whitespace(Normalizer):
    """Unify line breaks and spaces, trim lines, keep at most one blank line."""

    name = "whitespace"

    def normalize(self, text: str) -> str:
        text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
        lines: list[str] = []
        blank = False
        for line in text.split("\n"):
            line = " ".join(line.split())
            if not line:
                blank = True
                continue
            if blank and lines:
                lines.append("")
            lines.append(line)
            blank = False
        return "\n".join(lines) + "\n" if lines else ""
