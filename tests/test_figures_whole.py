"""Figures you can trust: every period prints, and no figure or heading word is broken.

Workbooks with 2, 3, 5, 6 and 12 periods, with ordinary and nine-digit figures, are read
back as a reader sees them: the PDF with pdfplumber, the deck with python-pptx and as
LibreOffice draws it. Each figure must be one whole word on one line, each heading word
whole, as often as the workbook gives it.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation

from generator.cli import main
from generator.model import Document, Section, Table
from generator.options import RenderOptions
from layouts.deck.layout import render_pptx
from layouts.fit import FitError, document_misfits
from layouts.pdf.layout import render_pdf
from tests.conftest import MakeWorkbook, Sheets
from tests.fit_samples import (
    expected_words,
    figures,
    many_periods_document,
    measures,
    missing,
    periods,
)
from tests.render import needs_soffice, pptx_bytes_to_pdf
from tests.samples import SRC, report

DOCUMENT = many_periods_document()


def _pdf_words(data: bytes) -> tuple[list[str], list[str]]:
    """Every word pdfplumber finds, and the first line of every page."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        words = [w["text"] for page in pdf.pages for w in page.extract_words()]
        firsts = [(page.extract_text() or "").split("\n")[0] for page in pdf.pages]
    return words, firsts


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return render_pdf(DOCUMENT, RenderOptions())


@pytest.fixture(scope="module")
def deck_bytes() -> bytes:
    return render_pptx(DOCUMENT, RenderOptions())


def test_the_pdf_prints_every_figure_and_heading_word_whole(pdf_bytes: bytes) -> None:
    words, _ = _pdf_words(pdf_bytes)
    assert missing(expected_words(DOCUMENT), words) == {}


def test_a_wide_table_turns_its_section_landscape_and_twelve_large_periods_split(
    pdf_bytes: bytes,
) -> None:
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        shapes = {
            (page.extract_text() or "").split("\n")[1]: page.width > page.height
            for page in pdf.pages[2:]
            if "Case" in (page.extract_text() or "").split("\n")[1]
        }
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert shapes["Case 2"] is False and shapes["Case 3 large"] is False
    assert shapes["Case 12 large"] is True
    # -- the second table repeats the labels under its caption, "(continued)" --
    assert "Table of 12 periods large (continued)" in text
    # -- twelve periods split in two tables (one per period group), the rest print whole --
    assert "Table of 12 periods (continued)" in text
    assert text.split().count("Spend") == len(DOCUMENT.sections) + 2


def test_the_deck_prints_every_figure_whole_in_one_cell(deck_bytes: bytes) -> None:
    deck = Presentation(io.BytesIO(deck_bytes))
    cells = [
        cell.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
    ]
    headings = [word for text in cells for word in text.split()]
    assert missing(expected_words(DOCUMENT), [*cells, *headings]) == {}
    assert {text for text in figures(DOCUMENT) if text not in cells} == set()


def test_the_deck_splits_many_periods_over_two_tables_with_labels_repeated(
    deck_bytes: bytes,
) -> None:
    deck = Presentation(io.BytesIO(deck_bytes))
    texts = [
        shape.text_frame.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]
    assert "Table of 12 periods large (continued)" in texts
    tables = [
        [cell.text for cell in shape.table.columns and shape.table.rows[0].cells]
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table and "12 periods large" in shape.name
    ]
    assert len(tables) == 2
    assert all(table[0] == "Performance measures" for table in tables)
    assert sum(len(table) for table in tables) == 2 + 12 + 3


def test_no_table_text_is_below_the_minimum_size(deck_bytes: bytes, pdf_bytes: bytes) -> None:
    deck = Presentation(io.BytesIO(deck_bytes))
    sizes = {
        run.font.size.pt
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
        for para in cell.text_frame.paragraphs
        for run in para.runs
    }
    assert min(sizes) >= 12
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        assert min(char["size"] for page in pdf.pages for char in page.chars) >= 8 - 0.01


@needs_soffice
def test_libreoffice_draws_every_deck_figure_and_heading_word_whole(
    deck_bytes: bytes, tmp_path: Path
) -> None:
    words, _ = _pdf_words(pptx_bytes_to_pdf(deck_bytes, tmp_path).read_bytes())
    assert missing(expected_words(DOCUMENT), words) == {}


def _alone(count: int) -> Document:
    document = many_periods_document(((2, False),))
    section = replace(document.sections[0], blocks=(measures(count, large=True),))
    return replace(document, sections=(section,))


def test_too_many_periods_are_refused_by_name_with_how_many_fit() -> None:
    crowded = _alone(40)
    problems = document_misfits(crowded)
    assert len(problems) == 1
    message = str(problems[0])
    assert message.startswith("Content!A2: the 40 periods of the measures table")
    assert "do not fit a slide with every figure and heading word whole" in message
    found = re.search(r"at most (\d+) fit", message)
    assert found is not None
    most = int(found.group(1))
    with pytest.raises(FitError, match="the 40 periods"):
        render_pptx(crowded, RenderOptions())
    with pytest.raises(FitError, match="the 40 periods"):
        render_pdf(crowded, RenderOptions())
    # -- "at most" is the truth: that many print, one more does not --
    assert document_misfits(_alone(most)) == []
    assert len(document_misfits(_alone(most + 1))) == 1
    assert document_misfits(DOCUMENT) == []


def test_check_and_build_refuse_periods_that_cannot_fit_naming_the_header_cells(
    make_workbook: MakeWorkbook,
    valid_sheets: Callable[[], Sheets],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    sheets = valid_sheets()
    titles = list(periods(40))
    sheets["Measures"] = [
        ["Table", "Measure", "Unit", "Better", *titles],
        ["999 calls", "Spend", "currency", "", *(187_654_321 + i for i in range(40))],
    ]
    workbook = make_workbook(sheets)
    assert main(["check", str(workbook)]) == 1
    err = capsys.readouterr().err
    assert "has 1 problem:" in err
    assert 'Measures!E1:AR1: the 40 periods of the measures table "999 calls"' in err
    assert re.search(r"at most \d+ fit", err)
    outdir = tmp_path / "out"
    assert main(["build", str(workbook), "-o", str(outdir)]) == 1
    assert "Measures!E1:AR1: the 40 periods" in capsys.readouterr().err
    assert not outdir.exists() or not any(outdir.iterdir())


def test_check_accepts_twelve_periods_of_large_figures(
    make_workbook: MakeWorkbook,
    valid_sheets: Callable[[], Sheets],
    capsys: pytest.CaptureFixture[str],
) -> None:
    sheets = valid_sheets()
    sheets["Measures"] = [
        ["Table", "Measure", "Unit", "Better", *periods(12)],
        ["999 calls", "Spend", "currency", "", *(187_654_321 + i for i in range(12))],
    ]
    assert main(["check", str(make_workbook(sheets))]) == 0
    assert "is valid" in capsys.readouterr().out


def test_a_wide_generic_table_turns_its_section_landscape_with_figures_whole() -> None:
    money = [f"£{187_654_321 + i:,}" for i in range(10)]
    table = Table(
        "Spend by year",
        "Spend",
        ("Area", *(f"Year {2015 + i}" for i in range(10))),
        (("Cleveland", *money), ("Durham", *reversed(money))),
        ("left", *("right",) * 10),
        SRC,
    )
    section = Section("Wide", "", (table,), SRC)
    document = Document(report(), (section,), Path("wide.xlsx"))
    with pdfplumber.open(io.BytesIO(render_pdf(document, RenderOptions()))) as pdf:
        page = pdf.pages[-1]
        words = [w["text"] for w in page.extract_words()]
        assert page.width > page.height
    assert missing(Counter(money * 2), words) == {}
