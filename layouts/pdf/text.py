"""Inline runs as reportlab Paragraph markup, and the PDF's paragraph styles.

Reportlab's Paragraph reads a small XML dialect, so every character typed in the
workbook is escaped here, once: `<b>` typed by an analyst prints as `<b>`, not bold.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape, quoteattr

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from generator.model import Run, Runs
from layouts import theme
from layouts.fonts import FACES, register_fonts
from layouts.theme import Colours

# Bullet glyphs and indents per level (1-3); every glyph is in Liberation Sans.
BULLET_STEP = 16.0  # points of indent per level
LEADING = 1.38  # line height as a multiple of the font size: open, easy to read


def text_markup(text: str) -> str:
    """Literal text as Paragraph markup: `<`, `&`, `>` escaped, line breaks kept."""
    return escape(text).replace("\n", "<br/>")


def run_markup(run: Run, link_colour: str) -> str:
    """One run: bold as `<b>`, a link live, coloured and underlined."""
    markup = text_markup(run.text)
    if run.bold:
        markup = f"<b>{markup}</b>"
    if run.href:
        markup = f"<u><a href={quoteattr(run.href)} color={quoteattr(link_colour)}>{markup}</a></u>"
    return markup


def runs_markup(runs: Runs, link_colour: str) -> str:
    return "".join(run_markup(run, link_colour) for run in runs)


@dataclass(frozen=True)
class Styles:
    """Every paragraph style the PDF uses, built once per document from its colours."""

    body: ParagraphStyle
    bullets: dict[int, ParagraphStyle]
    callout: ParagraphStyle
    note: ParagraphStyle
    caption: ParagraphStyle
    section_title: ParagraphStyle
    theme_band: ParagraphStyle
    contents_title: ParagraphStyle
    contents_levels: list[ParagraphStyle]
    table_cell: ParagraphStyle
    table_number: ParagraphStyle
    table_header: ParagraphStyle
    table_header_number: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_kicker: ParagraphStyle
    cover_year: ParagraphStyle
    cover_period: ParagraphStyle
    cover_organisation: ParagraphStyle
    link_colour: str
    brand: str


@cache
def rgb(hex_colour: str) -> Color:
    """A theme colour as a reportlab Color, parsed once.

    reportlab accepts "#rrggbb" anywhere but parses the string again on every draw
    (tens of thousands of times in a long document); a Color object is used as it is.
    """
    colour: Color = HexColor(hex_colour)
    return colour


def _style(name: str, size: float, **extra: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": FACES["regular"],
        "fontSize": size,
        "leading": round(size * LEADING, 1),
        "alignment": TA_LEFT,
        "textColor": theme.TEXT,
    }
    base.update(extra)
    base["textColor"] = rgb(str(base["textColor"]))
    return ParagraphStyle(name, **base)


def make_styles(colours: Colours) -> Styles:
    """The styles, in the bundled family, at the sizes in `theme.PDF`."""
    register_fonts()
    size = theme.PDF
    # -- the callout's tint is the darkest light background: readable there, readable anywhere --
    accent = colours.accent
    bold = FACES["bold"]
    return Styles(
        body=_style("body", size.body, spaceAfter=8),
        bullets={level: _bullet_style(level) for level in (1, 2, 3)},
        callout=_style("callout", size.callout, fontName=bold, textColor=accent),
        note=_style("note", size.note, textColor=theme.MUTED_TEXT, spaceBefore=2, spaceAfter=6),
        caption=_style(
            "caption", size.body, fontName=bold, spaceBefore=6, spaceAfter=6, keepWithNext=1
        ),
        section_title=_style(
            "section",
            size.section_title,
            fontName=bold,
            leading=size.section_title * 1.2,
            textColor=colours.brand,
            spaceAfter=14,
            keepWithNext=1,
        ),
        theme_band=_style("theme", size.theme, fontName=bold, textColor=colours.on_brand),
        contents_title=_style(
            "contents",
            size.section_title,
            fontName=bold,
            leading=size.section_title * 1.2,
            textColor=colours.brand,
            spaceAfter=18,
        ),
        contents_levels=[
            _style(
                "toc0",
                size.body + 1,
                fontName=bold,
                textColor=colours.brand,
                spaceBefore=10,
                leftIndent=0,
                rightIndent=36,
            ),
            _style("toc1", size.body, leftIndent=14, spaceBefore=3, rightIndent=36),
        ],
        table_cell=_style("cell", size.table),
        table_number=_style("number", size.table, alignment=2),
        table_header=_style("header", size.table, fontName=bold, textColor=colours.on_brand),
        table_header_number=_style(
            "header_number", size.table, fontName=bold, textColor=colours.on_brand, alignment=2
        ),
        cover_title=_style(
            "cover_title", 34, fontName=bold, leading=40, textColor=colours.on_brand, spaceAfter=10
        ),
        cover_subtitle=_style("cover_subtitle", 20, leading=26, textColor=colours.on_brand),
        cover_kicker=_style(
            "cover_kicker", 12, fontName=bold, textColor=colours.on_brand, spaceAfter=14
        ),
        cover_year=_style("cover_year", 24, fontName=bold, leading=30, textColor=colours.brand),
        cover_period=_style("cover_period", 18, leading=24, textColor=theme.TEXT),
        cover_organisation=_style("cover_org", 12, fontName=bold, textColor=theme.TEXT),
        link_colour=accent,
        brand=colours.brand,
    )


def _bullet_style(level: int) -> ParagraphStyle:
    indent = BULLET_STEP * level
    return _style(
        f"bullet{level}",
        theme.PDF.body,
        leftIndent=indent,
        bulletIndent=indent - BULLET_STEP + 3,
        bulletFontName=FACES["regular"],
        spaceAfter=4,
    )
