"""Colours, fonts and sizes as data, shared by every layout (no magic numbers in layouts).

Type is Liberation Sans, shipped in `layouts/fonts/` under the SIL Open Font License. It
is metric-compatible with Arial: the PDF embeds Liberation Sans, and the deck names Arial,
which every Windows PowerPoint has and LibreOffice maps back to Liberation Sans, so the
deck's text measured here with Liberation's metrics wraps the same on every client.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.colour import darken_until_readable
from generator.model import Assessment, Report

FONT_DIR = Path(__file__).parent / "fonts"
FONT_FILES = {
    "regular": FONT_DIR / "LiberationSans-Regular.ttf",
    "bold": FONT_DIR / "LiberationSans-Bold.ttf",
    "italic": FONT_DIR / "LiberationSans-Italic.ttf",
    "bold_italic": FONT_DIR / "LiberationSans-BoldItalic.ttf",
}
PDF_FONT = "LiberationSans"  # the family name registered with reportlab
DECK_FONT = "Arial"  # metric-compatible with Liberation Sans; see the module docstring

# The Analysis Function's accessible categorical palette, in its order.
CHART_PALETTE = ("#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1")
MAX_CHART_COLOURS = 4

DEFAULT_BRAND = "#12436D"  # dark blue from the palette: 10.1:1 on white
TEXT = "#0B0C0C"  # GOV.UK text colour
MUTED_TEXT = "#505A5F"  # secondary text (notes, footers): 7.0:1 on white
RULE = "#B1B4B6"
ZEBRA = "#F3F2F1"  # alternate row shading
CALLOUT_FILL = "#E8F1F8"
WHITE = "#FFFFFF"

# Improvement colours: both at least 4.5:1 on white and on the zebra shading.
ASSESSMENT_COLOURS = {
    Assessment.BETTER: "#00703C",
    Assessment.WORSE: "#AA2A16",
    Assessment.SAME: MUTED_TEXT,
    Assessment.NOT_SIGNIFICANT: MUTED_TEXT,
    Assessment.NEUTRAL: MUTED_TEXT,
    Assessment.UNAVAILABLE: MUTED_TEXT,
}


@dataclass(frozen=True)
class Colours:
    """The colours one document uses, after the brand colour has been checked."""

    brand: str
    on_brand: str = WHITE

    @property
    def accent(self) -> str:
        """Links and callout text: the brand, dark enough on white and on a callout."""
        return accent_for(self.brand)


def accent_for(brand: str) -> str:
    return darken_until_readable(brand, CALLOUT_FILL)


def colours_for(report: Report) -> Colours:
    """The document's colours; a brand colour too light for white text is darkened.

    The parser warns about such a colour (naming its cell); this only applies the fix.
    """
    return Colours(brand=darken_until_readable(report.brand_colour or DEFAULT_BRAND))


# -- Sizes, in points ------------------------------------------------------------------


@dataclass(frozen=True)
class PdfSizes:
    body: float = 11
    table: float = 9.5
    note: float = 8.5
    section_title: float = 20
    theme: float = 10
    callout: float = 15
    margin_mm: float = 20


@dataclass(frozen=True)
class DeckSizes:
    body: float = 18
    minimum: float = 12
    table: float = 14
    title: float = 28
    theme: float = 12
    footer: float = 10


PDF = PdfSizes()
DECK = DeckSizes()
