"""The PDF's `trend` block: title, the latest month's result in words beside a colour
swatch, the SPC chart, then its figures as a table (a PDF chart has no alt text)."""

from __future__ import annotations

import io

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, KeepTogether, Spacer
from reportlab.platypus import Paragraph as RLParagraph

from generator import words_monthly as words
from generator.errors import RenderError
from generator.model import Trend
from layouts.fonts import FACES
from layouts.pdf.tables import TableContext, generic_table
from layouts.pdf.text import text_markup
from layouts.spc_style import VARIATION_COLOURS, trend_data_table

CHART_ASPECT = 0.45


def trend_flowables(block: Trend, ctx: TableContext) -> list[Flowable]:
    height = min(ctx.width * CHART_ASPECT, ctx.height * 0.55)
    drawing = _drawing(block, ctx.width, height)
    drawing.hAlign = "LEFT"
    title = RLParagraph(text_markup(block.title), ctx.styles.caption)
    colour = VARIATION_COLOURS[block.spc.variation]
    result = RLParagraph(
        f'<font color="{colour}">■</font> ' + text_markup(words.result_line(block.spc.variation)),
        ctx.styles.body,
    )
    return [
        KeepTogether([title, result, drawing]),
        Spacer(1, 6),
        *generic_table(trend_data_table(block), ctx),
    ]


def _drawing(block: Trend, width: float, height: float) -> Drawing:
    """The SPC chart as a vector drawing, its text in the embedded font."""
    # -- imported here: matplotlib and svglib load only when a trend prints --
    from svglib.svglib import svg2rlg

    from layouts.pdf.chart_drawing import _register_svg_fonts
    from layouts.spc_chart import trend_svg

    _register_svg_fonts()
    drawing = svg2rlg(io.BytesIO(trend_svg(block, width, height)))
    if drawing is None:  # pragma: no cover - svglib returns None only for unreadable SVG
        raise RenderError("the SPC chart could not be drawn", block.source)
    drawing.initialFontName = FACES["regular"]
    return drawing
