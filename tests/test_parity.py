"""Every edition prints the same strings: figures, chart labels, bullets, properties.

Builds both formats from one workbook and reads them back as a reader's tools would
(pdfplumber and pypdf for the PDF, python-pptx for the deck), then compares each with
what the format-neutral view says every edition prints.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation
from pypdf import PdfReader

from generator.cli import main
from generator.model import Chart, Document, MeasuresTable
from generator.parse import load_document
from layouts.view import (
    BULLET_GLYPHS,
    chart_data_table,
    chart_format,
    measures_grid,
    printed_blocks,
    properties,
)

EXAMPLE = Path(__file__).parent.parent / "inputs" / "example.xlsx"


def _workbook(make_workbook, valid_sheets) -> Path:
    sheets = valid_sheets()
    sheets["Report"] += [
        ["Subtitle", "Delivery Performance Summary"],
        ["Year", "2024-2025"],
        ["Period", "Quarter 2"],
        ["Organisation", "Office of the Police and Crime Commissioner for Testshire"],
        ["Keywords", "police, performance"],
    ]
    sheets["Content"] += [
        ["bullet", "First level", None, 1],
        ["bullet", "Second level", None, 2],
        ["bullet", "Third level with a [link](https://www.example.org/)", None, 3],
        ["chart", "Share of calls answered", "Rates", "column"],
        ["chart", "Calls by area", "Areas", "bar"],
    ]
    sheets["Rates"] = [["Quarter", "Answered"], ["Q1", 0.084], ["Q2", 0.125], ["Q3", 0.3]]
    sheets["Areas"] = [["Area", "Calls"], ["North", 4000], ["South", 12500], ["East", 9800]]
    formats = {f"Rates!B{row}": "0.0%" for row in (2, 3, 4)}
    return make_workbook(sheets, formats=formats)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Document, Path]]:
    """The example and a workbook with a percent chart, a bar chart, bullets and a link."""
    from tests.conftest import _valid, build_workbook

    folder = tmp_path_factory.mktemp("parity")
    sample = _workbook(
        lambda sheets, formats: build_workbook(folder / "sample.xlsx", sheets, formats), _valid
    )
    result = {}
    for workbook in (EXAMPLE, sample):
        assert main(["build", str(workbook), "-o", str(folder)]) == 0
        result[workbook.stem] = (load_document(workbook).document, folder / workbook.stem)
    return result


def _pdf_lines(stem: Path) -> list[str]:
    with pdfplumber.open(stem.with_suffix(".pdf")) as pdf:
        return [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]


def _deck_cells(stem: Path) -> set[str]:
    found = set()
    for slide in Presentation(str(stem.with_suffix(".pptx"))).slides:
        for shape in slide.shapes:
            if shape.has_table:
                found |= {cell.text for row in shape.table.rows for cell in row.cells}
    return found


def _blocks(document: Document, kind: type) -> list:
    return [b for s in document.sections for b in printed_blocks(s) if isinstance(b, kind)]


@pytest.mark.parametrize("name", ["example", "sample"])
def test_every_table_figure_prints_in_both_editions(built, name: str) -> None:
    document, stem = built[name]
    text, cells = "\n".join(_pdf_lines(stem)), _deck_cells(stem)
    expected = [
        cell.text
        for table in _blocks(document, MeasuresTable)
        for row in measures_grid(table, document.report).rows
        for cell in row[1:]
    ]
    expected += [
        cell
        for chart in _blocks(document, Chart)
        for row in chart_data_table(chart).rows
        for cell in row[1:]
    ]
    assert expected
    assert [figure for figure in expected if figure not in text] == []
    missing_in_deck = [f for f in expected if f not in cells]
    # -- a chart's figures are in the deck's native chart, not a table: checked below --
    chart_figures = {c for ch in _blocks(document, Chart) for s in ch.series for c in s.value_texts}
    assert [f for f in missing_in_deck if f not in chart_figures] == []


def test_chart_labels_and_axes_use_one_format(built) -> None:
    document, stem = built["sample"]
    charts = _blocks(document, Chart)
    rates, areas = charts
    assert chart_format(rates).excel == '#,##0.0"%"'
    assert chart_format(areas).excel == "#,##0"
    lines = _pdf_lines(stem)
    assert any("8.4%" in line for line in lines)  # the PDF's data label
    assert any("4,000" in line for line in lines)
    natives = [
        shape.chart
        for slide in Presentation(str(stem.with_suffix(".pptx"))).slides
        for shape in slide.shapes
        if shape.has_chart
    ]
    assert len(natives) == 2
    for native, chart in zip(natives, charts, strict=True):
        code = chart_format(chart).excel
        assert native.plots[0].series[0].values  # data are there
        xml = native._chartSpace.xml
        assert f'formatCode="{code.replace(chr(34), "&quot;")}"' in xml
        axis = native.value_axis
        assert axis.tick_labels.number_format == code
        assert axis.tick_label_position is not None
        assert not axis.tick_labels.number_format_is_linked
    value_axis = natives[1]._chartSpace.xml.split("<c:valAx>")[1]
    assert 'c:delete val="1"' not in value_axis
    assert '<c:crosses val="max"/>' in value_axis  # at the foot, under reversed categories


def test_bullet_glyphs_are_the_same(built) -> None:
    _document, stem = built["sample"]
    text = "\n".join(_pdf_lines(stem))
    deck = Presentation(str(stem.with_suffix(".pptx")))
    chars = {
        node.get("char")
        for slide in deck.slides
        for node in slide.shapes._spTree.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/main}buChar"
        )
    }
    assert set(BULLET_GLYPHS.values()) <= chars
    for glyph in BULLET_GLYPHS.values():
        assert glyph in text


@pytest.mark.parametrize("name", ["example", "sample"])
def test_document_properties_are_the_same(built, name: str) -> None:
    document, stem = built[name]
    expected = properties(document.report)
    info = PdfReader(stem.with_suffix(".pdf")).metadata
    core = Presentation(str(stem.with_suffix(".pptx"))).core_properties
    assert info.title == core.title == expected.title
    assert info.subject == core.subject == expected.subject
    assert info.author == core.author == expected.author
    assert info.get("/Keywords") == core.keywords == ", ".join(expected.keywords)
    assert core.language == expected.language
    assert expected.subject  # the subject always says something


def test_link_colour_is_the_same(built) -> None:
    _document, stem = built["sample"]
    deck = Presentation(str(stem.with_suffix(".pptx")))
    link_colours = {
        str(run.font.color.rgb)
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
        for para in shape.text_frame.paragraphs
        for run in para.runs
        if run.hyperlink.address
    }
    with pdfplumber.open(stem.with_suffix(".pdf")) as pdf:
        link_pdf = {
            _hex(char["non_stroking_color"])
            for page in pdf.pages
            for link in page.hyperlinks
            for char in page.chars
            if link["x0"] <= (char["x0"] + char["x1"]) / 2 <= link["x1"]
            and link["top"] <= (char["top"] + char["bottom"]) / 2 <= link["bottom"]
        }
    assert len(link_colours) == 1
    assert link_colours == link_pdf


def _hex(colour: tuple[float, ...]) -> str:
    return "".join(f"{round(c * 255):02X}" for c in colour)
