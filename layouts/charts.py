"""Charts as SVG, drawn by matplotlib: the PDF embeds them (layouts/pdf/chart_drawing.py)
and the HTML edition inlines them. The deck draws native charts instead.

Why SVG: matplotlib writes it with `svg.fonttype: none`, so text stays text, set later
in the font of whichever edition shows it.

The look comes from the Analysis Function's own matplotlib style shipped by `afcharts`
(palette, value-axis-only grid, no top/right spines), with our font and sizes on top.
pyplot is never imported: it keeps global figure state that a library must not touch.
"""

from __future__ import annotations

import io
import math
import textwrap
import warnings
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, cast

import matplotlib
from cycler import cycler
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.ticker import FuncFormatter, MaxNLocator

from generator.model import Chart, Series
from generator.words import ENGLISH
from layouts import theme
from layouts.view import chart_format, data_label

FAMILY = "Liberation Sans"  # the family name inside the TTF files, as matplotlib sees it
LABEL_SIZE = 9.5  # points: the table size, the smallest text the PDF prints
BAR_WIDTH = 0.72  # share of a category slot the bars of one category fill
EDGE = 4.0  # points of white space between the outermost label and the chart's edge
MAX_MARGIN = 0.6  # of the figure, at most, for the labels on one side
MIN_PLOT = 0.2  # of the figure, at least, for the plot itself
MAX_LABEL = 80  # characters of a category shown in the chart (the PDF's table has all)


def afcharts_style() -> Path | None:
    try:
        import afcharts
    except ImportError:  # the style is a nicety; the rc values below stand on their own
        return None
    path = Path(afcharts.__file__).parent / "afcharts.mplstyle"
    return path if path.exists() else None


@cache
def register_matplotlib_font() -> None:
    """Teach matplotlib the family the charts name (Liberation Sans), once per process."""
    for face in ("regular", "bold"):
        font_manager.fontManager.addfont(str(theme.FONT_FILES[face]))


def chart_rc() -> dict[str, Any]:
    return {
        "font.family": FAMILY,
        "font.size": LABEL_SIZE,
        "text.color": theme.TEXT,
        "axes.labelcolor": theme.TEXT,
        "xtick.labelcolor": theme.TEXT,
        "ytick.labelcolor": theme.TEXT,
        "axes.prop_cycle": cycler(color=list(theme.CHART_PALETTE)),
        "grid.color": theme.RULE,
        "grid.linewidth": 0.5,
        "svg.fonttype": "none",  # text stays text, drawn later in the embedded font
        "svg.hashsalt": "pcc-summary",  # fixed ids: the same chart gives the same bytes
        "axes.titlelocation": "left",
    }


def chart_svg(
    chart: Chart, width: float, height: float, empty: str = ENGLISH["empty chart"]
) -> bytes:
    """The chart as SVG, `width` × `height` points; `empty` says a chart has no figures."""
    register_matplotlib_font()
    style = afcharts_style()
    with (
        matplotlib.rc_context(fname=str(style) if style else None, rc=cast(Any, chart_rc())),
        warnings.catch_warnings(),
    ):
        # -- the parser already warned, naming the cell, about characters the font lacks;
        #    matplotlib's own warning would reach the analyst's console as raw Python --
        warnings.filterwarnings("ignore", r"Glyph \d+ .*missing from font", UserWarning)
        figure = chart_figure(chart, width, height, empty)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def chart_figure(
    chart: Chart, width: float, height: float, empty: str = ENGLISH["empty chart"]
) -> Figure:
    """The matplotlib figure (no pyplot), `width` × `height` points; style set by the caller."""
    figure = Figure(figsize=(width / 72, height / 72), dpi=72)
    FigureCanvasSVG(figure)
    axes = figure.add_subplot()
    _DRAWERS[chart.kind](axes, chart, width)
    if not any(v is not None for series in chart.series for v in series.values):
        _say_empty(axes, chart.kind == "bar", empty)
    legend = None
    if len(chart.series) > 1 and chart.kind != "pie":
        legend = figure.legend(loc="upper left", ncols=min(4, len(chart.series)), frameon=False)
    fit_margins(figure, axes, legend)
    return figure


def fit_margins(figure: Figure, axes: Axes, legend: Legend | None) -> None:
    """Margins just wide enough for the labels outside the plot, measured once.

    This is what matplotlib's constrained layout does, but it draws the whole figure
    to measure it, which doubled the cost of a chart; measuring only the axes'
    labels and the legend gives the same room at a third of the cost.
    """
    width, height = figure.bbox.width, figure.bbox.height
    renderer = RendererAgg(width, height, figure.dpi)  # type: ignore[no-untyped-call]
    plot = axes.get_window_extent(renderer)
    extent = axes.get_tightbbox(renderer)
    if extent is None:  # pragma: no cover - an axes always has its spines
        return
    above = legend.get_window_extent(renderer).height + EDGE if legend else 0.0
    # -- labels too long for the figure (a pasted sentence) still leave a plot to draw:
    #    matplotlib refuses margins that meet, so each is capped --
    left = min((plot.x0 - extent.x0 + EDGE) / width, MAX_MARGIN)
    bottom = min((plot.y0 - extent.y0 + EDGE) / height, MAX_MARGIN)
    figure.subplots_adjust(
        left=left,
        right=max(1 - (extent.x1 - plot.x1 + EDGE) / width, left + MIN_PLOT),
        bottom=bottom,
        top=max(1 - (extent.y1 - plot.y1 + EDGE + above) / height, bottom + MIN_PLOT),
    )


def _say_empty(axes: Axes, horizontal: bool, text: str) -> None:
    """An honest empty chart: a zero-based axis and a word, not matplotlib's ±0.06."""
    (axes.set_xlim if horizontal else axes.set_ylim)(0, 1)
    (axes.set_xticks if horizontal else axes.set_yticks)([])
    axes.text(
        0.5,
        0.5,
        text,
        ha="center",
        va="center",
        transform=axes.transAxes,
        color=theme.MUTED_TEXT,
    )


def colours(count: int) -> list[str]:
    """Dark blue alone for one series; then the palette in order, at most four colours."""
    palette = theme.CHART_PALETTE[: theme.MAX_CHART_COLOURS]
    return [palette[i % len(palette)] for i in range(count)]


# -- One drawer per kind -------------------------------------------------------------


def _column(axes: Axes, chart: Chart, width: float) -> None:
    slot = width / max(1, len(chart.categories))
    labels = [_wrap(c, max(6, int(slot / (LABEL_SIZE * 0.55)))) for c in chart.categories]
    _bars(axes, chart, labels, horizontal=False)


def _bar(axes: Axes, chart: Chart, width: float) -> None:
    labels = [_wrap(c, 28) for c in chart.categories]
    _bars(axes, chart, labels, horizontal=True)


def _bars(axes: Axes, chart: Chart, labels: list[str], horizontal: bool) -> None:
    count = len(chart.series)
    thickness = BAR_WIDTH / count
    positions = list(range(len(chart.categories)))
    for index, (series, colour) in enumerate(zip(chart.series, colours(count), strict=True)):
        offset = (index - (count - 1) / 2) * thickness
        places = [p + offset for p in positions]
        heights = [v if v is not None else 0.0 for v in series.values]
        draw = axes.barh if horizontal else axes.bar
        bars = draw(places, heights, thickness, color=colour, label=series.name)
        axes.bar_label(bars, labels=_data_labels(series), padding=3, fontsize=LABEL_SIZE)
    value_axis, category_axis = (axes.xaxis, axes.yaxis) if horizontal else (axes.yaxis, axes.xaxis)
    category_axis.set_ticks(positions, labels)
    category_axis.grid(False)
    value_axis.grid(True)
    _value_ticks(value_axis, chart)
    # -- room beyond the longest bar for its data label --
    if horizontal:
        axes.margins(x=0.1)
    else:
        axes.margins(y=0.1)
    _start_at_zero(axes, chart.series, horizontal)
    if horizontal:
        axes.invert_yaxis()  # first category on top, as the workbook lists it
        axes.spines["left"].set_visible(True)
        axes.spines["bottom"].set_visible(False)
    _value_label(axes, chart, horizontal)


def _line(axes: Axes, chart: Chart, width: float) -> None:
    positions = list(range(len(chart.categories)))
    for series, colour in zip(chart.series, colours(len(chart.series)), strict=True):
        values = [math.nan if v is None else v for v in series.values]
        axes.plot(positions, values, color=colour, marker="o", markersize=4, label=series.name)
        if len(chart.series) == 1 and len(positions) <= 12:
            for x, y, text in zip(positions, values, series.value_texts, strict=True):
                if not math.isnan(y):
                    axes.annotate(
                        text,
                        (x, y),
                        textcoords="offset points",
                        xytext=(0, 7),
                        ha="center",
                        fontsize=LABEL_SIZE,
                    )
    slot = width / max(1, len(chart.categories))
    labels = [_wrap(c, max(6, int(slot / (LABEL_SIZE * 0.55)))) for c in chart.categories]
    axes.xaxis.set_ticks(positions, labels)
    axes.xaxis.grid(False)
    _value_ticks(axes.yaxis, chart)
    axes.margins(y=0.15)
    _start_at_zero(axes, chart.series, horizontal=False)
    _value_label(axes, chart, horizontal=False)


def _pie(axes: Axes, chart: Chart, width: float) -> None:
    series = chart.series[0]
    shown = [
        (c, v, t)
        for c, v, t in zip(chart.categories, series.values, series.value_texts, strict=True)
        if v
    ]
    axes.pie(
        [v for _, v, _ in shown],
        labels=[f"{_cut(c)}\n{t}" for c, _, t in shown],
        colors=colours(len(shown)),
        startangle=90,
        counterclock=False,
        wedgeprops={"edgecolor": theme.WHITE, "linewidth": 1.5},
        textprops={"fontsize": LABEL_SIZE},
    )
    axes.set_aspect("equal")
    axes.grid(False)


_DRAWERS = {"column": _column, "bar": _bar, "line": _line, "pie": _pie}


# -- Small helpers -------------------------------------------------------------------


def _data_labels(series: Series) -> list[str]:
    return [data_label(text) for text in series.value_texts]


def _value_ticks(axis: Axis, chart: Chart) -> None:
    """The value axis prints as the data labels do (the deck's axis uses the same format):
    thousands separators, the data's decimals, `%` for a chart of percentages."""
    number = chart_format(chart)
    # -- ticks at 1, 2 or 5 times a power of ten print exactly with the data's decimals --
    axis.set_major_locator(MaxNLocator(steps=[1, 2, 5, 10], integer=number.places == 0))
    axis.set_major_formatter(FuncFormatter(lambda value, _position: number.text(value)))


def _start_at_zero(axes: Axes, series: Sequence[Series], horizontal: bool) -> None:
    values = [v for s in series for v in s.values if v is not None]
    if values and min(values) >= 0:
        if horizontal:
            axes.set_xlim(left=0)
        else:
            axes.set_ylim(bottom=0)


def _value_label(axes: Axes, chart: Chart, horizontal: bool) -> None:
    """One series: its name says what the values are. Several: the legend says it."""
    if len(chart.series) == 1 and chart.series[0].name:
        (axes.set_xlabel if horizontal else axes.set_ylabel)(chart.series[0].name)


def _wrap(label: str, width: int) -> str:
    return "\n".join(textwrap.wrap(_cut(label), width)) or label


def _cut(label: str) -> str:
    """A category label of a pasted sentence, cut: the figures table under the chart
    prints it whole."""
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"
