"""Acceptance: inputs/example.xlsx through the parser to the deck, reopened with python-pptx."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Length

from generator.options import RenderOptions
from generator.parse import load_document
from layouts.deck.layout import render_pptx
from tests.test_example_workbook import SEED_OUTLINE
from tests.test_seed_figures import corrected_seed_rows

EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "example.xlsx"


@pytest.fixture(scope="module")
def deck():  # -> pptx.presentation.Presentation (python-pptx ships no type hints)
    data = render_pptx(load_document(EXAMPLE).document, RenderOptions())
    return Presentation(io.BytesIO(data))


def _table_rows(deck) -> list[list[str]]:
    return [
        [cell.text for cell in row.cells]
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
    ]


def test_every_section_title_is_a_slide_title_in_order(deck) -> None:
    titles = [slide.shapes.title.text for slide in list(deck.slides)[1:]]
    firsts = [titles.index(title) for _theme, title in SEED_OUTLINE]
    assert firsts == sorted(firsts)
    assert len(titles) == len(set(titles))


@pytest.mark.parametrize("row", corrected_seed_rows(), ids=lambda row: row[0][:30])
def test_every_seed_figure_is_in_its_table_row(
    deck, row: tuple[str, tuple[str, str, str], str, str]
) -> None:
    label, values, change, percent = row
    matches = [cells for cells in _table_rows(deck) if cells[0] == label and len(cells) == 7]
    assert len(matches) == 1, label
    assert matches[0][1:6] == [*values, change, percent]


def test_the_copa_chart_carries_its_data_and_alt_text(deck) -> None:
    charts = [(shape, slide) for slide in deck.slides for shape in slide.shapes if shape.has_chart]
    assert len(charts) == 1
    shape, _slide = charts[0]
    plot = shape.chart.plots[0]
    assert list(plot.series[0].values) == [6000.0, 1200.0, 730.0]
    assert len(plot.categories) == 3
    descr = shape._element.xpath("./p:nvGraphicFramePr/p:cNvPr")[0].get("descr")
    assert descr.startswith("Bar chart: Total reports by type.")
    assert "6,000" in descr and "1,200" in descr and "730" in descr


def test_the_charge_rate_table_prints_as_excel_shows_it(deck) -> None:
    rows = _table_rows(deck)
    assert ["Robbery", "14.5%", "6.5%"] in rows
    assert ["Possession of Weapons", "36.7%", "28.3%"] in rows


def test_link_is_live(deck) -> None:
    addresses = [
        run.hyperlink.address
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
        if run.hyperlink.address
    ]
    assert addresses == ["https://skillsforjustice.org.uk/inspire-justice-awards"]


def test_no_text_smaller_than_12_points(deck) -> None:
    sizes: set[Length] = set()
    for slide in deck.slides:
        for shape in slide.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else []
            if shape.has_table:
                frames = [cell.text_frame for row in shape.table.rows for cell in row.cells]
            for frame in frames:
                sizes.update(
                    run.font.size for p in frame.paragraphs for run in p.runs if run.text.strip()
                )
    assert None not in sizes
    assert min(size.pt for size in sizes) >= 12


def test_title_slide_is_white_on_the_brand_colour(deck) -> None:
    slide = deck.slides[0]
    assert str(slide.background.fill.fore_color.rgb) == "12436D"
    colours = {
        str(run.font.color.rgb)
        for shape in slide.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    }
    assert colours == {"FFFFFF"}
    assert slide.shapes.title.text == "Police and Crime Plan"


def test_our_shapes_carry_no_theme_style_so_no_client_draws_a_shadow(deck) -> None:
    styled = [
        shape.name
        for slide in deck.slides
        for shape in slide.shapes
        if shape.name in ("Callout", "Brand band")
        and shape._element.find("{http://schemas.openxmlformats.org/presentationml/2006/main}style")
        is not None
    ]
    assert styled == []
