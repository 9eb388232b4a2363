"""Small tables, and a chart with the table of its figures, are never split over pages;
a page that continues a section says so."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation

from generator.model import Document, Paragraph, Section, Table
from generator.options import RenderOptions
from layouts.deck.layout import render_pptx
from layouts.pdf.layout import render_pdf
from tests.samples import COPA_CHART, SRC, report, runs

FILLER = "Words that fill the page before the table, as a long narrative does. " * 6


def _table(rows: int, caption: str = "") -> Table:
    return Table(
        caption,
        "Sheet",
        ("Area", "Value"),
        tuple((f"Area{i}", f"{i:,}") for i in range(1, rows + 1)),
        ("left", "right"),
        SRC,
    )


def _pdf_pages(lines: int, block: object) -> list[str]:
    """A page of `lines` lines of text, then `block`."""
    blocks = (Paragraph(runs("\n".join(["Filler line"] * lines)), SRC), block)
    section = Section("Keeping", "", blocks, SRC)  # type: ignore[arg-type]
    data = render_pdf(Document(report(), (section,), Path("x.xlsx")), RenderOptions())
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages[2:]]


def _page_of(pages: list[str], word: str) -> int:
    return next(i for i, text in enumerate(pages) if word in text.split())


@pytest.mark.parametrize("lines", range(28, 44, 2))
@pytest.mark.parametrize("caption", ["", "Small table"])
def test_a_small_table_is_never_split_over_two_pages(lines: int, caption: str) -> None:
    pages = _pdf_pages(lines, _table(8, caption))
    first, last = _page_of(pages, "Area1"), _page_of(pages, "Area8")
    assert first == last
    if caption:
        assert _page_of(pages, "Small") == first  # -- the caption stays with it --


def test_a_long_table_still_splits_with_its_header_repeated() -> None:
    pages = _pdf_pages(30, _table(40))
    assert _page_of(pages, "Area1") < _page_of(pages, "Area40")
    assert pages[_page_of(pages, "Area40")].count("Area Value") == 1


@pytest.mark.parametrize("lines", range(4, 30, 3))
def test_a_chart_and_its_figures_share_a_page(lines: int) -> None:
    pages = _pdf_pages(lines, COPA_CHART)
    title = next(i for i, text in enumerate(pages) if "Total reports by type" in text)
    assert _page_of(pages, "Crimestoppers") == title
    assert "Reports" in pages[title] and "1,200" in pages[title].split()


def test_a_continuation_page_repeats_the_section_title() -> None:
    pages = _pdf_pages(40, _table(60))
    assert pages[0].splitlines()[0] == "Keeping"
    assert all(page.splitlines()[0] == "Keeping (continued)" for page in pages[1:])
    assert len(pages) >= 2


def test_a_small_table_moves_to_the_next_slide_whole() -> None:
    for paragraphs in range(1, 6):
        blocks = (*(Paragraph(runs(FILLER[:300]), SRC) for _ in range(paragraphs)), _table(7))
        section = Section("Keeping", "", blocks, SRC)  # type: ignore[arg-type]
        data = render_pptx(Document(report(), (section,), Path("x.xlsx")), RenderOptions())
        deck = Presentation(io.BytesIO(data))
        tables = [shape for slide in deck.slides for shape in slide.shapes if shape.has_table]
        assert len(tables) == 1, paragraphs
        assert len(tables[0].table.rows) == 8


@pytest.mark.parametrize("lines", range(20, 44, 2))
def test_a_long_table_leaves_no_lonely_rows_on_either_page(lines: int) -> None:
    pages = _pdf_pages(lines, _table(40))
    counts = [sum(word.startswith("Area") and word != "Area" for word in p.split()) for p in pages]
    printed = [count for count in counts if count]
    assert sum(printed) == 40
    assert min(printed) >= 3, counts
