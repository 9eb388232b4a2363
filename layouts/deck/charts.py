"""Native, editable PowerPoint charts from the model's Chart blocks.

A presenter can restyle or re-read the data in PowerPoint, and a screen reader gets the
chart's alt text from the graphic frame's `descr`.
"""

from __future__ import annotations

from typing import Any

from pptx.chart.chart import Chart as PptxChart
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
)
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.shapes.shapetree import SlideShapes
from pptx.util import Pt

from generator.colour import contrast_ratio
from generator.model import Chart, ChartKind
from layouts import theme
from layouts.deck.backdrop import TextColours
from layouts.deck.geometry import Box
from layouts.deck.internals import axis_element
from layouts.deck.oxml import rgb
from layouts.view import chart_format

CHART_TYPES: dict[ChartKind, XL_CHART_TYPE] = {
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "pie": XL_CHART_TYPE.PIE,
}
LABEL_SIZE = 14.0
INSIDE_SHARE = 0.08  # a slice this share of the pie or more holds its label inside
AXIS_SIZE = 14.0


def draw_chart(shapes: SlideShapes, chart: Chart, box: Box, colours: TextColours) -> None:
    """The chart with its data, palette colours, data labels and alt text.

    On a dark template background the chart sits on a white card: the palette and the
    house text colour are chosen for white, and the card keeps them readable."""
    data: Any = CategoryChartData(number_format=chart_format(chart).excel)  # type: ignore[no-untyped-call]
    data.categories = chart.categories
    for series in chart.series:
        data.add_series(series.name, series.values)
    frame: Any = shapes.add_chart(
        CHART_TYPES[chart.kind], Pt(box.left), Pt(box.top), Pt(box.width), Pt(box.height), data
    )
    frame.name = f"Chart: {chart.title}"[:250]
    frame.element.nvGraphicFramePr.cNvPr.set("descr", chart.alt_text)
    native = frame.chart
    native.font.name, native.font.size = theme.DECK_FONT, Pt(AXIS_SIZE)
    ink = theme.TEXT if colours.dark else colours.text
    native.font.color.rgb = rgb(ink)
    if colours.dark:
        _card(native)
    _title(native, chart.title, ink)
    _colours(native, chart)
    _labels(native, ink)
    if chart.kind == "pie":
        _pie_labels(native, chart, ink)
    _axes(native, chart)
    many = len(chart.series) > 1 or chart.kind == "pie"
    native.has_legend = many
    if many:
        native.legend.position = XL_LEGEND_POSITION.BOTTOM
        native.legend.include_in_layout = False


def _card(native: PptxChart) -> None:
    """A white chart area (python-pptx has no API for the chart space's own fill)."""
    space = native.element
    props = space.find(qn("c:spPr"))
    if props is None:
        props = OxmlElement("c:spPr")
        # -- c:spPr follows c:chart in CT_ChartSpace --
        space.find(qn("c:chart")).addnext(props)
    fill = OxmlElement("a:solidFill")
    colour = OxmlElement("a:srgbClr")
    colour.set("val", theme.WHITE.lstrip("#"))
    fill.append(colour)
    props.insert(0, fill)


def _title(native: PptxChart, title: str, ink: str) -> None:
    native.has_title = True
    frame = native.chart_title.text_frame
    frame.text = title
    font = frame.paragraphs[0].runs[0].font
    font.size, font.bold, font.name = Pt(theme.DECK.body), True, theme.DECK_FONT
    font.color.rgb = rgb(ink)


def _colours(native: PptxChart, chart: Chart) -> None:
    plot = native.plots[0]
    palette = theme.CHART_PALETTE
    if chart.kind == "pie":
        for index, point in enumerate(plot.series[0].points):
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = rgb(palette[index % len(palette)])
        return
    for index, series in enumerate(plot.series):
        colour = rgb(palette[index % theme.MAX_CHART_COLOURS])
        if chart.kind == "line":
            series.format.line.color.rgb = colour
            series.format.line.width = Pt(2.5)
            series.smooth = False
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = colour
            series.marker.format.line.color.rgb = colour
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = colour
            series.invert_if_negative = False
    if chart.kind in ("column", "bar"):
        plot.gap_width = 60
        plot.overlap = 0


def _labels(native: PptxChart, ink: str) -> None:
    plot = native.plots[0]
    if native.chart_type == XL_CHART_TYPE.LINE_MARKERS and len(plot.series) > 1:
        _line_end_labels(native, ink)
        return
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.font.size = Pt(LABEL_SIZE)
    labels.font.color.rgb = rgb(ink)
    labels.number_format_is_linked = True
    labels.show_value = True
    if native.chart_type in (XL_CHART_TYPE.COLUMN_CLUSTERED, XL_CHART_TYPE.BAR_CLUSTERED):
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
    elif native.chart_type == XL_CHART_TYPE.LINE_MARKERS:
        labels.position = XL_LABEL_POSITION.ABOVE
    else:
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        labels.show_percentage = False


def _pie_labels(native: PptxChart, chart: Chart, ink: str) -> None:
    """Each slice's label inside it, in whichever of the text colour and white reads on
    the slice (black on dark blue is 1.9:1); a thin slice's label goes outside, on the
    chart's background, so it is never drawn half over a slice."""
    values = [v or 0.0 for v in chart.series[0].values] if chart.series else []
    total = sum(v for v in values if v > 0)
    palette = theme.CHART_PALETTE
    for index, value in enumerate(values):
        label = native.plots[0].series[0].points[index].data_label
        label.font.size = Pt(LABEL_SIZE)
        label.show_value = True
        if total and value / total >= INSIDE_SHARE:
            slice_colour = palette[index % len(palette)]
            colour = max((theme.TEXT, theme.WHITE), key=lambda c: contrast_ratio(c, slice_colour))
            label.position = XL_LABEL_POSITION.INSIDE_END
        else:
            colour, label.position = ink, XL_LABEL_POSITION.OUTSIDE_END
        label.font.color.rgb = rgb(colour)


def _line_end_labels(native: PptxChart, ink: str) -> None:
    """Several lines: label each line's end only, so labels never collide mid-chart."""
    for series in native.plots[0].series:
        count = len(series.values)
        if not count:
            continue
        label = series.points[count - 1].data_label
        label.font.size = Pt(LABEL_SIZE)
        label.font.color.rgb = rgb(ink)
        label.position = XL_LABEL_POSITION.RIGHT
        label.show_value = True
        label.show_series_name = True


def _axes(native: PptxChart, chart: Chart) -> None:
    if chart.kind == "pie":
        return
    values = native.value_axis
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = rgb(theme.RULE)
    values.major_gridlines.format.line.width = Pt(0.75)
    values.format.line.fill.background()
    values.tick_labels.font.size = Pt(AXIS_SIZE)
    # -- the axis prints as the labels and the PDF's axis do: `4,000`, `8.4%` --
    values.tick_labels.number_format = chart_format(chart).excel
    values.tick_labels.number_format_is_linked = False
    present = [v for s in chart.series for v in s.values if v is not None]
    if present and min(present) >= 0:
        values.minimum_scale = 0  # bars start at zero
    categories = native.category_axis
    categories.has_major_gridlines = False
    categories.format.line.color.rgb = rgb(theme.RULE)
    categories.tick_labels.font.size = Pt(AXIS_SIZE)
    if chart.kind == "bar":
        # -- bar charts draw the first category at the bottom; readers expect the top --
        categories.reverse_order = True
        # -- which would move the value axis to the top; it crosses at the last category,
        #    now the foot, as in the PDF (python-pptx sets this only from the value axis) --
        crosses = axis_element(values).find(qn("c:crosses"))
        if crosses is not None:
            crosses.set("val", "max")
