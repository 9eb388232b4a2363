"""SPC charts as SVG, drawn with matplotlib in the style of layouts/charts.py (the PDF
turns the SVG into a vector drawing, as it does every chart).

The monthly values as a grey line whose special-cause points are coloured by their
variation; the mean (or a run chart's median) solid, the process limits dashed and the
2σ lines dotted, each labelled at the right edge so no legend is needed.
"""

from __future__ import annotations

import io
import math
from typing import Any, cast

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from generator.model import Trend
from generator.spc import Variation
from layouts import charts
from layouts.spc_style import (
    CENTRE_LINE,
    DATA_LINE,
    LIMIT_LINE,
    VARIATION_COLOURS,
    trend_format,
)

LABEL_SIZE = charts.LABEL_SIZE
TICK_EVERY = 3  # label every third month so 36 months stay legible


def trend_svg(trend: Trend, width: float, height: float) -> bytes:
    """The SPC chart as SVG, `width` × `height` points, text left as text."""
    charts.register_matplotlib_font()
    style = charts.afcharts_style()
    with matplotlib.rc_context(
        fname=str(style) if style else None, rc=cast(Any, charts.chart_rc())
    ):
        figure = trend_figure(trend, width, height)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def trend_figure(trend: Trend, width: float, height: float) -> Figure:
    figure = Figure(figsize=(width / 72, height / 72), dpi=72)
    FigureCanvasSVG(figure)
    axes = figure.add_subplot()
    positions = list(range(len(trend.values)))
    axes.plot(positions, trend.values, color=DATA_LINE, linewidth=1.5, zorder=3)
    for x, (value, kind) in enumerate(zip(trend.values, trend.points, strict=True)):
        special = kind is not Variation.COMMON
        axes.plot(
            [x], [value], marker="o", markersize=6 if special else 3.5, zorder=4,
            color=VARIATION_COLOURS[kind],
        )  # fmt: skip
    _lines(axes, trend, len(positions))
    ticks = positions[(len(positions) - 1) % TICK_EVERY :: TICK_EVERY]
    axes.xaxis.set_ticks(ticks, [trend.months[i].replace(" ", "\n") for i in ticks])
    axes.xaxis.grid(False)
    number = trend_format(trend)
    axes.yaxis.set_major_locator(MaxNLocator(steps=[1, 2, 5, 10], integer=number.places == 0))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _position: number.text(value)))
    axes.set_xlim(-0.5, len(positions) - 0.5)
    axes.set_ylabel(trend.measure if len(trend.measure) < 40 else "")
    charts.fit_margins(figure, axes, None)
    return figure


def _lines(axes: Axes, trend: Trend, count: int) -> None:
    spc, names = trend.spc, trend.words
    edge = count - 0.5
    lines: list[tuple[float | None, str, str, str]] = [
        (spc.centre, "-", CENTRE_LINE, names.median if spc.is_run_chart else names.mean)
    ]
    if not spc.is_run_chart:
        lines += [
            (spc.upper, "--", LIMIT_LINE, names.upper),
            (spc.lower, "--", LIMIT_LINE, names.lower),
        ]
        lines += [(spc.upper_2sigma, ":", LIMIT_LINE, ""), (spc.lower_2sigma, ":", LIMIT_LINE, "")]
    for value, style, colour, label in lines:
        if value is None or math.isnan(value):
            continue
        axes.axhline(value, linestyle=style, color=colour, linewidth=1.0, zorder=2)
        if label:
            axes.annotate(
                label, (edge, value), xytext=(-2, 2), textcoords="offset points",
                va="bottom", ha="right", fontsize=LABEL_SIZE - 1, color=colour,
            )  # fmt: skip
