"""Colours of SPC variation results (Making Data Count's scheme), shared by every layout.

Grey common cause, blue improvement, orange concern, purple special cause with no
direction. Each is at least 3:1 on white (WCAG non-text contrast); the result is
always printed in words too, so meaning never rests on colour alone.
"""

from __future__ import annotations

from generator.figures import row_decimals
from generator.model import Align, Table, Trend, Unit
from generator.spc import Variation
from layouts.view import NumberFormat

VARIATION_COLOURS = {
    Variation.COMMON: "#6F7172",
    Variation.IMPROVEMENT: "#1D70B8",
    Variation.CONCERN: "#C85A00",
    Variation.SPECIAL: "#6F2C91",
    Variation.RUN_CHART: "#6F7172",
}
DATA_LINE = "#6F7172"
CENTRE_LINE = "#0B0C0C"
LIMIT_LINE = "#505A5F"


def trend_format(trend: Trend) -> NumberFormat:
    """How a trend's axis prints: as its values do (`88.5%`, `1,234`)."""
    return NumberFormat(row_decimals(trend.unit, trend.values), trend.unit is Unit.PERCENT)


def trend_data_table(trend: Trend) -> Table:
    """Month, value and each flagged month's variation, for readers who cannot see it."""
    align: tuple[Align, ...] = ("left", "right", "left")
    rows = tuple(
        (month, text, "" if kind is Variation.COMMON else trend.words.point(kind))
        for month, text, kind in zip(trend.months, trend.value_texts, trend.points, strict=True)
    )
    return Table(
        caption="",
        sheet="Monthly",
        header=(trend.words.month, trend.measure, trend.words.variation),
        rows=rows,
        align=align,
        source=trend.source,
    )
