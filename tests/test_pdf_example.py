"""Acceptance: inputs/example.xlsx (the seed as a workbook) through the parser to the PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pypdf
import pytest

from generator.options import RenderOptions
from generator.parse import load_document
from layouts.pdf.layout import render_pdf
from tests.test_example_workbook import SEED_OUTLINE
from tests.test_seed_figures import corrected_seed_rows

EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "example.xlsx"

# Seed rows as printed: the seed's own figures, with the change columns computed (the
# seed's sign errors corrected: NHS sharps admissions rose by 25, i.e. +38.4% truncated).
SEED_ROWS = [
    "Number of 999 calls received 113,176 121,752 113,266 -8,486 -6.9% ▼",
    "Robbery 857 914 830 -84 -9.1% ▼ Better",
    "Number of non-999 calls received 224,337 221,164 208,698 -12,466 -5.6% ▼",
    "Total recorded crime 79,481 82,023 74,366 -7,657 -9.3% ▼ Better",
    "Residential burglary 3,497 4,050 3,131 -919 -22.6% ▼ Better",
    "Arrest rate 42.2% 40.3% 41.7% +1.4pts – ▲ Better",
    # -- "No significant change" wraps in its column: "change" is on the next line --
    "Homicides 8 12 11 -1 -8.3% ▼ No significant",
    "NHS Sharps admission – all 100 65 90 +25 +38.4% ▲ No significant",  # label wraps
    "Possession of Weapons 36.7% 28.3%",
]


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_pdf(load_document(EXAMPLE).document, RenderOptions())


@pytest.fixture(scope="module")
def pages(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        return [page.extract_text() or "" for page in opened.pages]


def test_every_seed_section_on_its_own_page_in_order(pages: list[str]) -> None:
    starts = [
        next(i for i, page in enumerate(pages) if i > 1 and title in page.splitlines()[:4])
        for _, title in SEED_OUTLINE
    ]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_seed_figures_print_in_their_rows(pages: list[str]) -> None:
    lines = [line for page in pages for line in page.splitlines()]
    for row in SEED_ROWS:
        assert row in lines


def test_outline_matches_the_seed(pdf: bytes) -> None:
    outline = pypdf.PdfReader(io.BytesIO(pdf)).outline
    flat: list[str] = []
    for entry in outline:
        flat += [e.title for e in entry] if isinstance(entry, list) else [entry.title]
    for theme, title in SEED_OUTLINE:
        assert title in flat
        if theme:
            assert flat.index(theme) < flat.index(title)


def test_award_link_is_live(pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    uris = [
        annot.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if "/A" in annot.get_object()
    ]
    assert len(uris) == 1 and uris[0].startswith("https://")


def test_page_count_and_footer(pages: list[str]) -> None:
    assert len(pages) == len(SEED_OUTLINE) + 3  # cover, contents, at a glance
    assert f"Page 1 of {len(pages)}" in pages[0]


@pytest.mark.parametrize("row", corrected_seed_rows(), ids=lambda row: row[0][:30])
def test_every_seed_figure_prints_in_its_row(
    pages: list[str], row: tuple[str, tuple[str, str, str], str, str]
) -> None:
    """The row's first line carries the start of its label and all five figures."""
    label, values, change, percent = row
    figures = " ".join((*values, change, percent))
    lines = [line for page in pages for line in page.splitlines()]
    matches = [line for line in lines if figures in line]
    assert len(matches) == 1, (figures, matches)
    first_words = matches[0].split(figures)[0].split()
    assert first_words and label.startswith(" ".join(first_words))


def test_bold_runs_print_in_the_bold_face(pdf: bytes) -> None:
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        chars = opened.pages[3].chars
    text_by_font: dict[str, str] = {}
    for char in chars:
        font = char["fontname"].split("+")[-1]
        text_by_font[font] = text_by_font.get(font, "") + char["text"]
    assert "strongandconsistentperformance" in text_by_font["LiberationSans-Bold"].replace(" ", "")
    assert "strong" not in text_by_font["LiberationSans"]


def test_chart_data_prints_as_a_table_under_the_chart(pages: list[str]) -> None:
    lines = [line for page in pages for line in page.splitlines()]
    assert "Type of report Times used (at least)" in lines
    assert "Reports to police or partners (ASB, drugs, vehicle nuisance) 6,000" in lines
    assert "Victim support information 730" in lines


def test_a_paragraph_after_a_list_has_a_paragraphs_gap(pdf: bytes) -> None:
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        words = [w for page in opened.pages for w in page.extract_words() if page.page_number == 13]
    top = {w["text"]: w["top"] for w in words}
    between_bullets = top["Lower"] - top["Reduce"]  # two one-line bullets
    after_list = top["First-time"] - top["Minimise"]
    assert after_list >= between_bullets + 5
