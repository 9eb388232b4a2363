"""The charts' SVG (layouts/charts.py) as reportlab Drawings: vector graphics in the PDF.

Why svglib: it turns matplotlib's SVG into a reportlab Drawing whose strings are set in
the Liberation Sans the PDF already embeds. The PDF gets crisp vectors, selectable chart
text, one font and no second embedded copy of it (the PDF-backend + pdfrw route embeds
its own subset per chart). Imported only by a PDF with charts.
"""

from __future__ import annotations

import io
from functools import cache

from reportlab.graphics.shapes import Drawing
from svglib import fonts as svg_fonts
from svglib.svglib import svg2rlg

from generator.errors import RenderError
from generator.model import Chart
from layouts import theme
from layouts.charts import FAMILY, chart_svg
from layouts.fonts import FACES, map_family, register_fonts


@cache
def _register_svg_fonts() -> None:
    """Teach svglib our font, once per process.

    The SVG names only the family FAMILY, in regular or bold (the text the charts set),
    so only those two faces are registered: each svglib registration parses the whole
    TTF again and re-registers it under our reportlab name.
    """
    register_fonts()
    for face, weight in (("regular", "normal"), ("bold", "bold")):
        path = str(theme.FONT_FILES[face])
        svg_fonts.register_font(FAMILY, path, weight, "normal", rlgFontName=FACES[face])
    map_family()  # svglib's registrations above undo our bold mapping


def chart_drawing(chart: Chart, width: float, height: float, empty: str) -> Drawing:
    """The chart as a reportlab Drawing (vector), text in the embedded font."""
    _register_svg_fonts()
    drawing = svg2rlg(io.BytesIO(chart_svg(chart, width, height, empty)))
    if drawing is None:  # pragma: no cover - svglib returns None only for unreadable SVG
        raise RenderError("the chart could not be drawn", chart.source)
    # -- the renderer's starting font would otherwise be Helvetica, unembedded --
    drawing.initialFontName = FACES["regular"]
    return drawing
