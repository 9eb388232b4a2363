"""Characters the embedded font cannot draw, and control characters removed on reading.

Liberation Sans covers Latin (Welsh and Polish included), Greek and Cyrillic; Arabic,
Chinese or emoji would print as empty boxes in the PDF and in charts, with no word to
the analyst. Both are warnings (the rest of the cell still prints), given once per cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from generator.errors import Problems
from generator.workbook import RawCell

FONT_NAME = "Liberation Sans"
_SHOWN = 12  # characters listed in one warning, so a paragraph of Chinese stays readable


@cache
def _drawable() -> frozenset[int]:
    """The code points the regular face maps to a glyph (bold and italic match it)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    # -- the font ships with the layouts; imported here so the parser needs no layout --
    from layouts.theme import FONT_FILES

    return frozenset(TTFontFile(str(FONT_FILES["regular"])).charToGlyph)


def undrawable(text: str) -> str:
    """The distinct characters of `text` the font has no glyph for, in order."""
    if text.isascii():
        return ""
    drawable = _drawable()
    missing = (c for c in text if ord(c) not in drawable and not c.isspace())
    return "".join(dict.fromkeys(missing))


def warn_cells(cells: Iterable[RawCell], problems: Problems, printed: bool = True) -> None:
    """One warning per cell for removed control characters and, in `printed` cells (not
    speaker notes, which PowerPoint draws with its own fallback fonts), undrawable ones."""
    for cell in cells:
        if cell.dropped:
            problems.warning(
                cell.source,
                f"removed the control character{'s' if len(cell.dropped) > 1 else ''} "
                f"{', '.join(cell.dropped)} (pasted from another program); expected "
                "plain text, with Alt+Enter for a line break",
            )
        if printed and isinstance(cell.value, str) and (missing := undrawable(cell.value)):
            shown = missing[:_SHOWN] + ("…" if len(missing) > _SHOWN else "")
            problems.warning(
                cell.source,
                f'the font ({FONT_NAME}) cannot draw the characters "{shown}", so they '
                "print as empty boxes; expected letters of the Latin, Greek or Cyrillic "
                "alphabets",
            )
