"""Text as Excel stores it, made printable: escapes decoded, control characters dropped.

Excel writes a carriage return pasted from Outlook or Word as `_x000D_` (and other
control characters as `_x000B_`, `_x0007_`, ...); openpyxl hands these escapes through,
so without this both outputs would print them literally. A line break (Alt+Enter) is
kept; a tab becomes a space; any other control character is dropped, and the caller
warns with the cell, since the analyst may have pasted more than they meant to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# -- C0 and C1 control characters, once tabs and carriage returns are dealt with --
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Cleaned:
    text: str
    dropped: tuple[str, ...]  # the control characters removed, as U+XXXX, in order


def decode_escapes(text: str) -> str:
    """`_x000D_` -> carriage return; `_x005F_` is Excel's escaped underscore."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)


def clean_text(text: str) -> Cleaned:
    """Decoded text with CR LF and lone CR as line feeds, tabs as spaces, and every other
    control character removed."""
    text = decode_escapes(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    found = _CONTROL.findall(text)
    if not found:
        return Cleaned(text, ())
    dropped = tuple(dict.fromkeys(f"U+{ord(char):04X}" for char in found))
    return Cleaned(_CONTROL.sub("", text), dropped)
