"""A generic table's Option `total`: its last row prints bold in the PDF and the deck."""

from __future__ import annotations

import io
from collections.abc import Callable

import pdfplumber
from pptx import Presentation

from generator.model import Table
from generator.options import RenderOptions
from generator.parse import load_document
from layouts.deck.layout import render_pptx
from layouts.pdf.layout import render_pdf
from tests.conftest import MakeWorkbook, Sheets

SPEND = [["Area", "Spend"], ["Hartlepool", 1200], ["Redcar", 800], ["Total", 2000]]


def _document(make_workbook: MakeWorkbook, valid_sheets: Callable[[], Sheets], option: object):
    sheets = valid_sheets()
    sheets["Content"] = [
        ["Type", "Text", "Data", "Option"],
        ["section", "Spending"],
        ["table", "Spend by area", "Spend", option],
    ]
    del sheets["Measures"]
    sheets["Spend"] = SPEND
    return load_document(make_workbook(sheets)).document


def _bold_words_in_pdf(document) -> set[str]:
    with pdfplumber.open(io.BytesIO(render_pdf(document, RenderOptions()))) as pdf:
        page = pdf.pages[2]  # cover, contents, then the section
        return {w["text"] for w in page.extract_words(extra_attrs=["fontname"])
                if "Bold" in w["fontname"]}  # fmt: skip


def test_option_total_prints_the_last_row_bold(make_workbook, valid_sheets) -> None:
    document = _document(make_workbook, valid_sheets, "total")
    table = document.sections[0].blocks[0]
    assert isinstance(table, Table) and table.total
    bold = _bold_words_in_pdf(document)
    assert {"Total", "2000"} <= bold and not {"Redcar", "800"} & bold
    deck = Presentation(io.BytesIO(render_pptx(document, RenderOptions())))
    [shape] = [s for s in deck.slides[1].shapes if s.has_table]
    rows = list(shape.table.rows)
    assert all(run.font.bold for cell in rows[-1].cells for p in cell.text_frame.paragraphs
               for run in p.runs)  # fmt: skip
    assert not any(run.font.bold for cell in rows[-2].cells
                   for p in cell.text_frame.paragraphs for run in p.runs)  # fmt: skip


def test_without_the_option_no_row_is_bold(make_workbook, valid_sheets) -> None:
    document = _document(make_workbook, valid_sheets, None)
    assert not {"Total", "2000"} & _bold_words_in_pdf(document)


def test_an_unknown_table_option_is_an_error(make_workbook, valid_sheets) -> None:
    import pytest

    from generator.errors import WorkbookError

    with pytest.raises(WorkbookError) as caught:
        _document(make_workbook, valid_sheets, "totals")
    assert str(caught.value.problems[0]).startswith('Content!D3: unknown table option "totals"')
