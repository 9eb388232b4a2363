"""The deck's `trend` block: a native, editable line chart of the SPC (data, mean and
limits as series), special-cause points coloured, and the latest month's result in
words in the chart's title, with alt text that says it."""

from __future__ import annotations

import math
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.oxml.ns import qn
from pptx.shapes.shapetree import SlideShapes
from pptx.util import Pt

from generator.model import Trend
from generator.spc import Variation
from layouts import theme
from layouts.deck.geometry import Box
from layouts.deck.internals import axis_element
from layouts.deck.oxml import rgb
from layouts.spc_style import (
    CENTRE_LINE,
    DATA_LINE,
    LIMIT_LINE,
    VARIATION_COLOURS,
    trend_format,
)

AXIS_SIZE = 12.0
TICK_EVERY = 3


def _series(trend: Trend) -> list[tuple[str, tuple[float | None, ...]]]:
    spc, count = trend.spc, len(trend.values)
    names = trend.words
    rows: list[tuple[str, tuple[float | None, ...]]] = [(trend.measure, tuple(trend.values))]
    centre = names.median if spc.is_run_chart else names.mean
    rows.append((centre, (spc.centre,) * count))
    if spc.upper is not None and spc.lower is not None:
        rows += [(names.upper, (spc.upper,) * count), (names.lower, (spc.lower,) * count)]
    return rows


def draw_trend(shapes: SlideShapes, trend: Trend, box: Box) -> None:
    data: Any = CategoryChartData(number_format=_number_format(trend))  # type: ignore[no-untyped-call]
    data.categories = trend.months
    for name, values in _series(trend):
        data.add_series(name, values)
    frame: Any = shapes.add_chart(
        XL_CHART_TYPE.LINE_MARKERS, Pt(box.left), Pt(box.top), Pt(box.width), Pt(box.height), data
    )
    frame.name = f"Chart: {trend.title}"[:250]
    frame.element.nvGraphicFramePr.cNvPr.set("descr", trend.alt_text)
    native = frame.chart
    native.font.name, native.font.size = theme.DECK_FONT, Pt(AXIS_SIZE)
    native.font.color.rgb = rgb(theme.TEXT)
    _title(native, trend)
    _style_series(native, trend)
    native.has_legend = True
    native.legend.position = XL_LEGEND_POSITION.BOTTOM
    native.legend.include_in_layout = False
    _axes(native)
    native.value_axis.tick_labels.number_format = _number_format(trend)
    native.value_axis.tick_labels.number_format_is_linked = False
    _scale(native, trend)


def _number_format(trend: Trend) -> str:
    return trend_format(trend).excel


def _title(native: Any, trend: Trend) -> None:
    native.has_title = True
    frame = native.chart_title.text_frame
    frame.text = trend.title
    font = frame.paragraphs[0].runs[0].font
    font.size, font.bold, font.name = Pt(theme.DECK.body), True, theme.DECK_FONT
    font.color.rgb = rgb(theme.TEXT)
    line = frame.add_paragraph()
    swatch = line.add_run()
    swatch.text = "■ "
    swatch.font.color.rgb = rgb(VARIATION_COLOURS[trend.spc.variation])
    swatch.font.size = Pt(theme.DECK.table)
    words_run = line.add_run()
    words_run.text = trend.words.result_line
    words_run.font.size, words_run.font.bold = Pt(theme.DECK.table), False
    words_run.font.color.rgb = rgb(theme.TEXT)


def _style_series(native: Any, trend: Trend) -> None:
    plot = native.plots[0]
    data, *lines = plot.series
    data.smooth = False
    data.format.line.color.rgb = rgb(DATA_LINE)
    data.format.line.width = Pt(2)
    data.marker.style = XL_MARKER_STYLE.CIRCLE
    data.marker.size = 5
    for index, kind in enumerate(trend.points):
        marker = data.points[index].marker
        marker.style = XL_MARKER_STYLE.CIRCLE
        marker.size = 5 if kind is Variation.COMMON else 9
        marker.format.fill.solid()
        marker.format.fill.fore_color.rgb = rgb(VARIATION_COLOURS[kind])
        marker.format.line.color.rgb = rgb(VARIATION_COLOURS[kind])
    for position, series in enumerate(lines):
        series.smooth = False
        series.marker.style = XL_MARKER_STYLE.NONE
        series.format.line.width = Pt(1.5)
        series.format.line.color.rgb = rgb(CENTRE_LINE if position == 0 else LIMIT_LINE)
        if position:
            series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH


def _axes(native: Any) -> None:
    values = native.value_axis
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = rgb(theme.RULE)
    values.format.line.fill.background()
    values.tick_labels.font.size = Pt(AXIS_SIZE)
    categories = native.category_axis
    categories.tick_labels.font.size = Pt(AXIS_SIZE)
    categories.format.line.color.rgb = rgb(theme.RULE)
    # -- 36 month names cannot all sit side by side: label every third --
    axis = axis_element(categories)
    for name, value in (("c:tickLblSkip", TICK_EVERY), ("c:tickMarkSkip", TICK_EVERY)):
        element = axis.makeelement(qn(name), {"val": str(value)})
        # -- the schema's order: both sit just before c:noMultiLvlLbl --
        last = axis.find(qn("c:noMultiLvlLbl"))
        if last is not None:
            last.addprevious(element)
        else:
            axis.append(element)


def _scale(native: Any, trend: Trend) -> None:
    """Fit the value axis to the data and limits on round steps: from zero, the
    variation would vanish."""
    spc = trend.spc
    shown = [*trend.values, spc.centre, *(v for v in (spc.upper, spc.lower) if v is not None)]
    low, high = min(shown), max(shown)
    step = nice_step((high - low) / 5 or abs(high) / 5 or 1.0)
    axis = native.value_axis
    axis.minimum_scale = math.floor(low / step) * step
    axis.maximum_scale = math.ceil(high / step) * step
    axis.major_unit = step


def nice_step(rough: float) -> float:
    """1, 2 or 5 times a power of ten, at least `rough`."""
    power = 10.0 ** math.floor(math.log10(rough))
    return next(float(m * power) for m in (1, 2, 5, 10) if m * power >= rough)
