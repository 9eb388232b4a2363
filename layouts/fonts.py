"""The bundled font, registered with reportlab once, and measured for both layouts.

The PDF draws with these registrations; the deck's layout engine measures its text with
the same metrics (see `theme.py` for why the deck names Arial).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from layouts.theme import FONT_FILES, PDF_FONT

FACES = {
    "regular": PDF_FONT,
    "bold": f"{PDF_FONT}-Bold",
    "italic": f"{PDF_FONT}-Italic",
    "bold_italic": f"{PDF_FONT}-BoldItalic",
}


@cache
def register_fonts() -> str:
    """Register the family with reportlab (once per process) and return its name."""
    for face, name in FACES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_FILES[face])))
    map_family()
    return PDF_FONT


def map_family() -> None:
    """Let `<b>` inside a reportlab Paragraph pick the bold face of our family.

    reportlab's registerFont maps every style of a TrueType font to itself, so anything
    that registers one of our faces again (svglib does, for chart text) must call this
    afterwards, or bold runs silently print in the regular face.
    """
    addMapping(PDF_FONT, 0, 0, FACES["regular"])
    addMapping(PDF_FONT, 1, 0, FACES["bold"])
    addMapping(PDF_FONT, 0, 1, FACES["italic"])
    addMapping(PDF_FONT, 1, 1, FACES["bold_italic"])


def fit_line(choices: Sequence[str], size: float, room: float) -> str:
    """The first of `choices` that fits `room` points on one line; failing that, the first
    cut with an ellipsis, so a footer never wraps out of its place."""
    fitting = next((text for text in choices if text_width(text, size) <= room), None)
    if fitting is not None or not choices:
        return fitting or ""
    text = choices[0]
    while text and text_width(text + "…", size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of one line of `text` at `size` points."""
    register_fonts()
    width: float = pdfmetrics.stringWidth(text, FACES["bold" if bold else "regular"], size)
    return width
