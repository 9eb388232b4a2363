"""inputs/example-monthly.xlsx: SPC trends as users see them in the PDF and the deck."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pptx import Presentation

from generator.model import Trend
from generator.options import RenderOptions
from generator.parse import load_document
from generator.spc import Variation
from layouts.deck.layout import render_pptx
from layouts.pdf.layout import render_pdf

EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "example-monthly.xlsx"


@pytest.fixture(scope="module")
def trends() -> list[Trend]:
    document = load_document(EXAMPLE).document
    return [b for s in document.sections for b in s.blocks if isinstance(b, Trend)]


@pytest.fixture(scope="module")
def deck() -> Any:
    data = render_pptx(load_document(EXAMPLE).document, RenderOptions())
    return Presentation(io.BytesIO(data))


@pytest.fixture(scope="module")
def pdf_text() -> str:
    data = render_pdf(load_document(EXAMPLE).document, RenderOptions())
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_the_example_shows_each_result(trends: list[Trend]) -> None:
    assert [t.spc.variation for t in trends] == [
        Variation.COMMON,
        Variation.IMPROVEMENT,
        Variation.CONCERN,
    ]
    assert len(trends[0].months) == 36
    assert trends[1].alt_text.startswith(
        "SPC chart: residential burglary by month, Oct 2021 to Sept 2024. Mean 291, limits "
        "235 to 347."
    )
    assert "The last 9 months are below the mean: special cause improvement." in (
        trends[1].alt_text
    )


def _charts(deck: Any) -> list[Any]:
    return [shape for slide in deck.slides for shape in slide.shapes if shape.has_chart]


def test_deck_trend_is_a_native_line_chart_with_mean_and_limits(
    deck: Any, trends: list[Trend]
) -> None:
    charts = _charts(deck)
    assert len(charts) == 3
    burglary = charts[1]
    series = burglary.chart.plots[0].series
    assert [s.name for s in series] == [
        "Residential burglary",
        "Mean",
        "Upper limit",
        "Lower limit",
    ]
    assert list(series[0].values) == list(trends[1].values)
    assert series[2].values[0] == pytest.approx(trends[1].spc.upper)
    title = burglary.chart.chart_title.text_frame.text
    assert "Latest month: Special cause improvement" in title
    descr = burglary._element.nvGraphicFramePr.cNvPr.get("descr")
    assert descr == trends[1].alt_text


def test_pdf_prints_the_result_in_words_and_the_figures(pdf_text: str) -> None:
    assert "Latest month: Common cause variation" in pdf_text
    assert "Latest month: Special cause improvement" in pdf_text
    assert "Latest month: Special cause concern" in pdf_text
    assert "Made-up figures for illustration only" in pdf_text
    assert "Made-up monthly example: not real data" in pdf_text


def test_deck_colours_special_cause_points_by_their_variation(
    deck: Any, trends: list[Trend]
) -> None:
    from layouts.spc_style import VARIATION_COLOURS

    data = _charts(deck)[1].chart.plots[0].series[0]
    last = len(trends[1].values) - 1
    assert trends[1].points[last] is Variation.IMPROVEMENT
    fill = data.points[last].marker.format.fill.fore_color.rgb
    assert f"#{fill}" == VARIATION_COLOURS[Variation.IMPROVEMENT]
    assert trends[1].points[0] is Variation.COMMON
    first = data.points[0].marker.format.fill.fore_color.rgb
    assert f"#{first}" == VARIATION_COLOURS[Variation.COMMON]


def test_deck_percent_trend_axis_prints_percent(deck: Any) -> None:
    axis = _charts(deck)[0].chart.value_axis
    assert axis.tick_labels.number_format == '#,##0.0"%"'
    assert not axis.tick_labels.number_format_is_linked


def test_committed_monthly_example_is_what_the_code_writes(tmp_path: Path) -> None:
    from generator.authoring.example_monthly import write_example_monthly
    from tests.test_template import snapshot

    written = tmp_path / "example-monthly.xlsx"
    write_example_monthly(written)
    assert snapshot(EXAMPLE) == snapshot(written), "run python scripts/make_inputs.py"


def test_the_monthly_example_is_labelled_made_up_and_checks_clean() -> None:
    loaded = load_document(EXAMPLE)
    # -- the only warning: the made-up edition gives no publication date --
    assert [w.message.split(",")[0] for w in loaded.warnings] == ["no Published date"]
    assert "made-up" in loaded.document.report.subtitle
    for section in loaded.document.sections:
        kinds = [type(block).__name__ for block in section.blocks]
        assert kinds.index("Trend") < kinds.index("Note")  # a made-up note under each trend


def test_html_trend_is_named_svg_with_the_result_and_its_figures(trends: list[Trend]) -> None:
    from layouts.html.layout import page_html

    page = page_html(load_document(EXAMPLE).document)
    assert page.count("Latest month: Special cause improvement") == 1
    assert f'<desc id="chart-2-desc">{trends[1].alt_text}</desc>' in page
    assert "Figures for the chart: Residential burglary, by month" in page
