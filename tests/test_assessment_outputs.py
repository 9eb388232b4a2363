"""Acceptance: the example's assessments and at-a-glance summary, read back from the PDF
(pdfplumber) and the deck (python-pptx).

statistics.md lists the example's count rows that are NOT significant; every other count
row is, and fell, so it is Better. The summary's tally must agree with the tables as
printed, in both formats, and `Assessment` = `direction` must print the old rule.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation

from generator.authoring.example import EXAMPLE_SPEC
from generator.authoring.template import write_workbook
from generator.glance import change_text
from generator.model import Document, MeasureRow, MeasuresTable, Unit
from generator.options import RenderOptions
from generator.parse import load_document
from layouts.deck.layout import render_pptx
from layouts.pdf.layout import render_pdf

EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "example.xlsx"
NOT_SIGNIFICANT = {
    "Sexual offences – police recorded",  # 2,677 → 2,553, p ≈ 0.09
    "Rape offences – police recorded",  # 979 → 896, p ≈ 0.06
    "Homicides",  # 12 → 11, p = 1.0
    "NHS Sharps admission – all ages",  # 65 → 90, p ≈ 0.054
    "NHS sharps admissions – under 25 years",  # 20 → 15, p ≈ 0.50
    "Knife/sharps enabled serious violence offences – all ages – police recorded",
}
OLD_KEY = (
    "▲ rise, ▼ fall, ● no change, on the previous period. Better (green) and Worse (red) "
    "say whether the change is an improvement for that measure; a change with no word has "
    "no better direction."
)
WORDS = ("Better", "Worse", "No significant", "No change")


def _rows(document: Document) -> list[MeasureRow]:
    return [
        row
        for section in document.sections
        for block in section.blocks
        if isinstance(block, MeasuresTable)
        for row in block.rows
    ]


def _word(text: str) -> str:
    """The assessment word of a printed cell ("" for a neutral row's bare arrow)."""
    return next((word for word in WORDS if word in text), "")


def _tally(words: list[str]) -> tuple[int, int, int, int]:
    seen = Counter(words)
    return seen["Better"], seen["Worse"], seen["No significant"] + seen["No change"], seen[""]


@pytest.fixture(scope="module")
def document() -> Document:
    return load_document(EXAMPLE).document


@pytest.fixture(scope="module")
def pdf_pages(document: Document) -> list[str]:
    with pdfplumber.open(io.BytesIO(render_pdf(document, RenderOptions()))) as opened:
        return [page.extract_text() or "" for page in opened.pages]


@pytest.fixture(scope="module")
def deck(document: Document) -> Presentation:
    return Presentation(io.BytesIO(render_pptx(document, RenderOptions())))


# -- PDF -------------------------------------------------------------------------------


def _pdf_words(pages: list[str], rows: list[MeasureRow]) -> dict[str, str]:
    """Each row's assessment as the measures table prints it, found by its figures."""
    lines = [line for page in pages for line in page.splitlines()]
    found = {}
    for row in rows:
        figures = " ".join((*row.value_texts, row.change.text, row.change.percent_text))
        [line] = [line for line in lines if figures in line]
        found[row.label] = _word(line.split(figures, 1)[1])
    return found


def test_pdf_says_no_significant_change_for_exactly_the_listed_rows(
    document: Document, pdf_pages: list[str]
) -> None:
    rows = _rows(document)
    words = _pdf_words(pdf_pages, rows)
    counts = [row for row in rows if row.unit is Unit.COUNT and row.better.value]
    assert {row.label for row in rows if words[row.label] == "No significant"} == NOT_SIGNIFICANT
    assert all(words[row.label] == "Better" for row in counts if row.label not in NOT_SIGNIFICANT)
    # -- the two answering rates are tested with their Base, and improved significantly --
    assert words["% 999 calls answered within 10 seconds"] == "Better"
    assert words["Number of 999 calls received"] == ""  # neutral: an arrow, no word


def test_pdf_summary_page_agrees_with_the_tables(document: Document, pdf_pages: list[str]) -> None:
    rows = _rows(document)
    [page] = [page for page in pdf_pages if page.splitlines()[0] == "At a glance"]
    lines = page.splitlines()
    numbers = next(line for line in lines if re.fullmatch(r"\d+ \d+ \d+ \d+", line))
    assert "Better Worse No significant change No direction" in lines
    tally = tuple(int(n) for n in numbers.split())
    assert tally == _tally(list(_pdf_words(pdf_pages, rows).values())) == (15, 0, 6, 2)
    for row in rows:  # -- every measure, with the tables' own strings --
        assert f"{row.value_texts[-1]} {change_text(row)} {row.change.summary}" in page
    key = " ".join(page.split("Key:")[1].split())
    assert key.startswith("▲ rise, ▼ fall") and "5% significance test" in key


def test_pdf_key_under_the_first_table_states_the_rule(pdf_pages: list[str]) -> None:
    text = " ".join(" ".join(pdf_pages[3:]).split())
    assert "Key: ▲ rise, ▼ fall, ● no change, on the previous period. Better (green) or " in text
    assert "5% significance test" in text


# -- Deck ------------------------------------------------------------------------------


def _tables(deck: Presentation, prefix: str) -> list[list[list[str]]]:
    return [
        [[cell.text for cell in row.cells] for row in shape.table.rows][1:]
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table and shape.name.startswith(prefix)
    ]


def test_deck_says_no_significant_change_for_exactly_the_listed_rows(
    document: Document, deck: Presentation
) -> None:
    printed = {
        row[0].rstrip("*†"): _word(row[-1])
        for table in _tables(deck, "Measures table")
        for row in table
    }
    rows = _rows(document)
    assert len(printed) == len(rows) == 23
    assert {label for label, word in printed.items() if word == "No significant"} == (
        NOT_SIGNIFICANT
    )
    counts = [r.label for r in rows if r.unit is Unit.COUNT and r.better.value]
    assert all(printed[label] == "Better" for label in counts if label not in NOT_SIGNIFICANT)


def test_deck_summary_slides_agree_with_the_tables(deck: Presentation) -> None:
    tables = [row for table in _tables(deck, "Measures table") for row in table]
    summary = [row for table in _tables(deck, "At a glance") for row in table if row[1]]
    assert [row[-1] for row in summary] == [row[-1] for row in tables]
    tiles = [
        shape.text_frame.text.split("\n")
        for slide in deck.slides
        for shape in slide.shapes
        if shape.name.startswith("Tally: ")
    ]
    assert [label for _, label in tiles] == [
        "Better",
        "Worse",
        "No significant change",
        "No direction",
    ]
    tally = tuple(int(count) for count, _ in tiles)
    assert tally == _tally([_word(row[-1]) for row in tables]) == (15, 0, 6, 2)
    first = next(s for s in deck.slides if any(sh.name.startswith("Tally") for sh in s.shapes))
    notes = first.notes_slide.notes_text_frame.text
    assert notes == "23 measures: 15 better, 0 worse, 6 no significant change, 2 no direction."


def test_summary_comes_after_the_title_before_the_first_theme(deck: Presentation) -> None:
    titles = [slide.shapes.title.text for slide in list(deck.slides)[1:5]]
    assert titles[0] == "At a glance" and titles[1].startswith("At a glance (2 of")


# -- Assessment = direction: the old rule, the old key --


def test_direction_rule_prints_as_before(tmp_path: Path) -> None:
    spec = replace(EXAMPLE_SPEC, report={**EXAMPLE_SPEC.report, "Assessment": "direction"})
    path = tmp_path / "direction.xlsx"
    write_workbook(spec, path)
    document = load_document(path).document
    with pdfplumber.open(io.BytesIO(render_pdf(document, RenderOptions()))) as opened:
        pages = [page.extract_text() or "" for page in opened.pages]
    lines = [line for page in pages for line in page.splitlines()]
    assert "Homicides 8 12 11 -1 -8.3% ▼ Better" in lines
    assert "NHS Sharps admission – all ages* 100 65 90 +25 +38.4% ▲ Worse" in lines
    text = " ".join(" ".join(pages).split())
    assert "No significant" not in text
    assert f"Key: {OLD_KEY}" in text
    deck = Presentation(io.BytesIO(render_pptx(document, RenderOptions())))
    cells = [row[-1] for table in _tables(deck, "Measures table") for row in table]
    assert not any("significant" in cell for cell in cells)
    tiles = [
        shape.text_frame.text.replace("\n", " ")
        for slide in deck.slides
        for shape in slide.shapes
        if shape.name.startswith("Tally: ")
    ]
    assert tiles == ["20 Better", "1 Worse", "0 No change", "2 No direction"]
