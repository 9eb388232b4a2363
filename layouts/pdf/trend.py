"""The PDF's `trend` block: title, the latest month's result in words beside a colour
swatch, the SPC chart (a `Figure` with the deck's alt text), then its figures as a table."""

from __future__ import annotations

import io

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, KeepTogether, Spacer
from reportlab.platypus import Paragraph as RLParagraph

from generator.errors import RenderError
from generator.model import Trend
from layouts.fonts import FACES
from layouts.pdf.tables import TableContext, generic_table
from layouts.pdf.tagging import tag
from layouts.pdf.text import text_markup
from layouts.spc_style import VARIATION_COLOURS, trend_data_table

CHART_ASPECT = 0.45


def trend_flowables(block: Trend, ctx: TableContext) -> list[Flowable]:
    height = min(ctx.width * CHART_ASPECT, ctx.height * 0.55)
    drawing = _drawing(block, ctx.width, height)
    drawing.hAlign = "LEFT"
    title = tag(RLParagraph(text_markup(block.title), ctx.styles.caption), ctx.parent.add("P"))
    colour = VARIATION_COLOURS[block.spc.variation]
    result = RLParagraph(
        f'<font color="{colour}">■</font> ' + text_markup(block.words.result_line),
        ctx.styles.body,
    )
    tag(result, ctx.parent.add("P"))
    tag(drawing, ctx.parent.add("Figure", alt=block.alt_text))  # -- the deck's alt text --
    return [
        KeepTogether([title, result, drawing]),
        Spacer(1, 6),
        *generic_table(trend_data_table(block), ctx, row_headers=True),
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
