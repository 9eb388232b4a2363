"""The `summary` Content type: where it stands, what it counts, and its page and slides."""

from __future__ import annotations

import io
from collections.abc import Callable

import pdfplumber
import pytest
from pptx import Presentation

from generator.errors import WorkbookError
from generator.glance import tally_sentence
from generator.model import MeasuresTable, SpeakerNotes, Summary, Tally
from generator.options import RenderOptions
from generator.parse import load_document
from layouts.deck.flow import plan_slides
from layouts.deck.geometry import Geometry
from layouts.deck.layout import render_pptx
from layouts.pdf.layout import render_pdf
from tests.conftest import MakeWorkbook, Sheets

ValidSheets = Callable[[], Sheets]


def _with_summary(valid_sheets: ValidSheets, text: str | None = None) -> Sheets:
    sheets = valid_sheets()
    sheets["Content"].insert(1, ["summary", text, None, None])
    return sheets


def test_summary_is_a_section_of_its_own_with_the_whole_tally(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _with_summary(valid_sheets)
    sheets["Measures"].append(["999 calls", "Homicides", "count", "lower", 8, 12, 11])
    sheets["Measures"].append(["999 calls", "Burglary", "count", "lower", 3497, 4050, 3131])
    sheets["Measures"].append(["999 calls", "Waits", "number", "lower", 10, 12, None])
    document = load_document(make_workbook(sheets)).document
    glance, section = document.sections
    assert (glance.title, glance.theme) == ("At a glance", "")
    block, notes = glance.blocks
    assert isinstance(block, Summary) and isinstance(notes, SpeakerNotes)
    # -- calls: neutral; answered: better by direction (no Base); homicides: not
    #    significant; burglary: better; waits: a figure missing --
    assert block.tally == Tally(better=2, worse=0, unchanged=1, no_direction=2)
    assert [(g.title, len(g.rows)) for g in block.groups] == [(section.title, 5)]
    assert notes.text == "5 measures: 2 better, 0 worse, 1 no significant change, 2 no direction."
    assert section.theme == "Access to Police Services"  # the theme row after it still holds


def test_summary_heading_and_a_table_placed_twice_counts_once(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _with_summary(valid_sheets, "Summary of performance")
    sheets["Content"].append(["section", "Again", None, None])
    sheets["Content"].append(["measures", None, "999 calls", None])
    loaded = load_document(make_workbook(sheets))
    block = loaded.document.sections[0].blocks[0]
    assert isinstance(block, Summary) and block.heading == "Summary of performance"
    assert block.tally.total == 2 and len(block.groups) == 1
    assert any("prints twice" in str(w) for w in loaded.warnings)


def test_a_row_after_a_summary_needs_a_section(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = valid_sheets()
    sheets["Content"].append(["summary", None, "Sheet", "x"])
    sheets["Content"].append(["paragraph", "Orphan words", None, None])
    with pytest.raises(WorkbookError) as caught:
        load_document(make_workbook(sheets))
    assert [str(p) for p in caught.value.problems] == [
        'Content!A7: a "paragraph" row after a "summary" row; expected a "section" row first '
        '(only "theme" rows may come before it)'
    ]


def test_summary_data_and_option_are_ignored_with_a_warning(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = valid_sheets()
    sheets["Content"].insert(1, ["summary", None, "Measures", "big"])
    warnings = [str(w) for w in load_document(make_workbook(sheets)).warnings]
    assert warnings == [
        'Content!C2: Data is ignored for a "summary" row',
        'Content!D2: Option is ignored for a "summary" row',
    ]


def test_a_document_without_measures_still_prints_its_summary(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _with_summary(valid_sheets)
    sheets["Content"].pop()  # the measures row
    del sheets["Measures"]
    document = load_document(make_workbook(sheets)).document
    block = document.sections[0].blocks[0]
    assert isinstance(block, Summary) and block.tally.total == 0 and block.groups == ()
    with pdfplumber.open(io.BytesIO(render_pdf(document, RenderOptions()))) as opened:
        text = opened.pages[2].extract_text() or ""
    assert "0 0 0 0" in text and "Better Worse No significant change No direction" in text
    deck = Presentation(io.BytesIO(render_pptx(document, RenderOptions())))
    names = [shape.name for shape in deck.slides[1].shapes]
    assert "Tally: 0 Better" in names


def test_many_measures_continue_on_more_slides_with_the_header(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _with_summary(valid_sheets)
    for n in range(60):
        sheets["Measures"].append(["999 calls", f"Measure {n}", "count", "lower", 10, 20, n])
    document = load_document(make_workbook(sheets)).document
    for geometry in (Geometry(), Geometry(width=720.0, height=540.0)):
        plans = [p for p in plan_slides(document, geometry) if p.title.startswith("At a glance")]
        assert len(plans) >= 3 and plans[1].title.startswith("At a glance (2 of ")
        for plan in plans:
            for placed in plan.items:
                assert placed.box.bottom <= geometry.footer_box.top
    deck = Presentation(io.BytesIO(render_pptx(document, RenderOptions())))
    headers = [
        shape.table.rows[0].cells[0].text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table and shape.name.startswith("At a glance")
    ]
    assert len(headers) >= 3 and set(headers) == {"Measure"}


def test_tally_sentence_is_singular_for_one() -> None:
    one = Tally(better=1, worse=0, unchanged=0, no_direction=0)
    assert tally_sentence(one, "direction") == (
        "1 measure: 1 better, 0 worse, 0 no change, 0 no direction."
    )


def test_summary_lists_rows_of_measures_tables_only(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    document = load_document(make_workbook(_with_summary(valid_sheets))).document
    block = document.sections[0].blocks[0]
    tables = [b for s in document.sections for b in s.blocks if isinstance(b, MeasuresTable)]
    assert isinstance(block, Summary)
    assert [row for g in block.groups for row in g.rows] == list(tables[0].rows)
