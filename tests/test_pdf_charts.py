"""Charts: drawn by matplotlib, embedded as vectors with text in the document's font."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest

from generator.model import Chart, Document, Section
from generator.options import RenderOptions
from layouts import charts
from layouts.pdf.layout import render_pdf
from tests.samples import COPA_CHART, SRC, chart, report, series

TWO_SERIES = chart(
    "Charge rates",
    "column",
    ("All crime", "Robbery", "Shoplifting"),
    (series("Cleveland", (8.4, 14.5, 25.3)), series("National", (6.4, 6.5, 16.4))),
)
KINDS = {
    "column": COPA_CHART,
    "bar": chart("Reports by type", "bar", COPA_CHART.categories, COPA_CHART.series),
    "line": chart(
        "Entrants",
        "line",
        ("2021", "2022", "2023", "2024"),
        (series("First-time entrants", (212, 180, None, 151)),),
    ),
    "pie": chart(
        "Share of reports", "pie", ("ASB", "Drugs", "Other"), (series("Reports", (50, 30, 20)),)
    ),
}


def chart_page(block: Chart) -> pdfplumber.page.Page:
    section = Section("Chart", "", (block,), SRC)
    data = render_pdf(Document(report(), (section,), Path("x.xlsx")), RenderOptions())
    return pdfplumber.open(io.BytesIO(data)).pages[2]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_prints_title_and_data_labels(kind: str) -> None:
    block = KINDS[kind]
    page = chart_page(block)
    text = page.extract_text() or ""
    assert block.title in text
    for label in block.series[0].value_texts:
        if label != "–":
            assert label in text
    # -- vector, not a picture: chart text is text, and there is no image --
    assert not page.images
    fonts = {char["fontname"].split("+")[-1] for char in page.chars}
    assert fonts <= {"LiberationSans", "LiberationSans-Bold"}
    page.pdf.close()


def test_one_series_is_dark_blue_without_a_legend() -> None:
    svg = charts.chart_svg(COPA_CHART, 400, 200).decode()
    assert "#12436d" in svg.lower()
    assert "#28a197" not in svg.lower()
    assert "legend" not in svg


def test_two_series_use_the_palette_in_order_with_a_legend() -> None:
    svg = charts.chart_svg(TWO_SERIES, 400, 200).decode().lower()
    assert "#12436d" in svg and "#28a197" in svg
    assert "legend" in svg


def test_colours_never_exceed_four() -> None:
    assert charts.colours(1) == ["#12436D"]
    assert len(set(charts.colours(6))) == 4


def test_bars_start_at_zero() -> None:
    column = charts.chart_figure(COPA_CHART, 400, 200).axes[0]
    assert column.get_ylim()[0] == 0
    bar = charts.chart_figure(KINDS["bar"], 400, 200).axes[0]
    assert bar.get_xlim()[0] == 0


def test_same_chart_same_svg() -> None:
    assert charts.chart_svg(TWO_SERIES, 400, 200) == charts.chart_svg(TWO_SERIES, 400, 200)


def test_no_pyplot() -> None:
    import sys

    assert "matplotlib.pyplot" not in sys.modules
