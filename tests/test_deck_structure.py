"""The deck reopened with python-pptx: titles, tables, charts, alt text, notes, metadata."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Emu

from generator.options import RenderOptions
from generator.words import ENGLISH
from layouts import theme
from layouts.deck.layout import render_pptx
from tests.deck_samples import deck_document, stress_document


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("deck")


@pytest.fixture(scope="module")
def deck_bytes(folder: Path) -> bytes:
    return render_pptx(deck_document(folder), RenderOptions())


@pytest.fixture(scope="module")
def deck(deck_bytes: bytes):
    return Presentation(io.BytesIO(deck_bytes))


def _titles(deck) -> list[str]:
    return [slide.shapes.title.text_frame.text for slide in deck.slides]


def test_slide_size_is_16_to_9(deck) -> None:
    assert (Emu(deck.slide_width).inches, Emu(deck.slide_height).inches) == pytest.approx(
        (13.333, 7.5), abs=0.01
    )


def test_every_slide_title_is_in_its_title_placeholder_and_unique(deck) -> None:
    titles = _titles(deck)
    assert titles[:3] == [
        "Police and Crime Plan",
        "Emergency Calls (999 service)",
        "COPA reporting app",
    ]
    assert "Serious violence (continued)" in titles
    assert len(set(titles)) == len(titles)
    for slide in deck.slides:
        title = slide.shapes.title
        assert title.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
        assert slide.shapes[0].shape_id == title.shape_id  # first in reading order


def test_title_slide_carries_the_report_fields(deck) -> None:
    text = " ".join(s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame)
    for part in (
        "Police and Crime Plan",
        "Delivery Performance Summary",
        "2024-2025",
        "Quarter 2",
        "Office of the Police and Crime Commissioner for Cleveland",
    ):
        assert part in text


def test_theme_label_footer_and_slide_number_on_content_slides(deck) -> None:
    for number, slide in enumerate(list(deck.slides)[1:], start=2):
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        # -- as the PDF's footer: the footer text and the organisation, when both fit --
        assert (
            "Police and Crime Plan 2024-2025 Quarter 2 · "
            "Office of the Police and Crime Commissioner for Cleveland"
        ) in texts
        assert str(number) in texts
    second = [s.text_frame.text for s in deck.slides[1].shapes if s.has_text_frame]
    assert "ACCESS TO POLICE SERVICES" in second


def _tables(deck):
    return [s.table for slide in deck.slides for s in slide.shapes if s.has_table]


def test_measures_table_has_header_row_and_model_strings(deck) -> None:
    table = _tables(deck)[0]
    header = [c.text for c in table.rows[0].cells]
    assert header == [
        "Performance measures",
        "12 months Sept 2022",
        "12 months Sept 2023",
        "12 months Sept 2024",
        "Volume change v's previous 12 months",
        "% Change on previous 12 months",
        "Assessment",
    ]
    assert table.first_row is True
    first = [c.text for c in table.rows[1].cells]
    assert first == [
        "Number of 999 calls received",
        "113,176",
        "121,752",
        "113,266",
        "-8,486",
        "-7.0%",
        "▼",
    ]
    second = [c.text for c in table.rows[2].cells]
    assert second[4:] == ["+1.5pts", "–", "▲ Better"]
    run = table.cell(2, 6).text_frame.paragraphs[0].runs[0]
    assert str(run.font.color.rgb) == theme.ASSESSMENT_COLOURS[_better()].lstrip("#")


def _better():
    from generator.model import Assessment

    return Assessment.BETTER


def test_footnotes_and_key_print_once_under_tables(deck) -> None:
    texts = [s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame]
    assert sum(ENGLISH["key text significance"] in t for t in texts) == 1
    assert any("* 12 months data up to June 2024" in t for t in texts)


def _charts(deck):
    return [s for slide in deck.slides for s in slide.shapes if s.has_chart]


def test_charts_are_native_with_data_alt_text_and_palette(deck) -> None:
    frames = _charts(deck)
    column, bar, line = frames
    chart = column.chart
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert list(chart.plots[0].categories) == [
        "ASB",
        "Drugs",
        "Vehicle nuisance",
        "Victim support",
        "Crimestoppers",
    ]
    assert list(chart.plots[0].series[0].values) == [3120, 1890, 1010, 730, 1200]
    assert column._element.nvGraphicFramePr.cNvPr.get("descr").startswith(
        "Column chart: Total reports by type. ASB 3,120"
    )
    assert chart.has_legend is False and chart.plots[0].has_data_labels
    fill = chart.plots[0].series[0].format.fill.fore_color.rgb
    assert str(fill) == theme.CHART_PALETTE[0].lstrip("#")
    assert bar.chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert bar.chart.category_axis.reverse_order is True
    assert line.chart.chart_type == XL_CHART_TYPE.LINE_MARKERS and line.chart.has_legend
    assert [s.name for s in line.chart.plots[0].series] == ["Cleveland", "England"]


def test_picture_alt_text_comes_from_the_workbook(deck) -> None:
    pictures = [
        s for slide in deck.slides for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE
    ]
    assert [p._element.nvPicPr.cNvPr.get("descr") for p in pictures] == [
        "Street lighting installed on Ouseport Road"
    ]


def test_speaker_notes_from_notes_blocks_or_narrative(deck) -> None:
    notes = {
        slide.shapes.title.text_frame.text: slide.notes_slide.notes_text_frame.text
        for slide in deck.slides
    }
    assert notes["Emergency Calls (999 service)"] == "SECRET SPEAKER NOTE"
    assert notes["COPA reporting app"] == "Reports made through the app, by type."
    assert notes["Serious violence (continued)"].startswith("Continued: Serious violence.")
    assert all(notes.values())


def test_text_boxes_never_autofit(deck) -> None:
    for slide in list(deck.slides)[1:]:
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text:
                assert shape.text_frame.auto_size == MSO_AUTO_SIZE.NONE
                assert shape.text_frame.word_wrap is True
                for paragraph in shape.text_frame.paragraphs:
                    for run in paragraph.runs:
                        assert run.font.size.pt >= theme.DECK.minimum


def test_core_properties(deck) -> None:
    core = deck.core_properties
    assert core.title == "Police and Crime Plan: Delivery Performance Summary, 2024-2025 Quarter 2"
    assert core.author == "Office of the Police and Crime Commissioner for Cleveland"
    assert core.language == "en-GB"
    assert core.subject == "Quarterly delivery performance summary"
    assert core.keywords == "police, crime, performance"
    assert core.created == dt.datetime(2024, 11, 14) and core.revision == 1


def test_same_document_gives_identical_bytes(folder: Path, deck_bytes: bytes) -> None:
    assert render_pptx(deck_document(folder), RenderOptions()) == deck_bytes
    stamps = {info.date_time for info in zipfile.ZipFile(io.BytesIO(deck_bytes)).infolist()}
    assert stamps == {(1980, 1, 1, 0, 0, 0)}


def test_decorative_band_is_marked_and_after_content(deck) -> None:
    slide = deck.slides[1]
    from lxml import etree

    last = etree.tostring(slide.shapes[-1]._element).decode()
    assert slide.shapes[-1].name == "Brand band"
    assert 'decorative" val="1"' in last or 'decorative val="1"' in last


def test_stress_section_continues_with_numbered_titles() -> None:
    deck = Presentation(io.BytesIO(render_pptx(stress_document(), RenderOptions())))
    titles = _titles(deck)
    dense = [t for t in titles if t.startswith("A dense section with forty measures")]
    assert len(dense) > 2 and dense[1] == f"A dense section with forty measures (2 of {len(dense)})"
    labels = [row.cells[0].text for table in _tables(deck) for row in list(table.rows)[1:]]
    assert len(labels) == 40 and labels[6].endswith("*")
    headers = {table.rows[0].cells[0].text for table in _tables(deck)}
    assert headers == {"Performance measures"}  # the header repeats on every part
