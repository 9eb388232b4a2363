"""The PDF edition of a seed-like document, reopened the way a reader's tools see it."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from PIL import Image as PILImage

from generator.model import Break, Document, Image, Paragraph, Section
from generator.options import RenderOptions
from layouts.pdf.layout import render_pdf
from tests.samples import LINK, SRC, report, runs, seed_like_document


@pytest.fixture(scope="module")
def document() -> Document:
    return seed_like_document()


@pytest.fixture(scope="module")
def pdf(document: Document) -> bytes:
    return render_pdf(document, RenderOptions())


@pytest.fixture(scope="module")
def pages(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        return [page.extract_text() or "" for page in opened.pages]


@pytest.fixture(scope="module")
def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def lines_of(pages: list[str]) -> list[str]:
    return [line for page in pages for line in page.splitlines()]


def page_of(pages: list[str], text: str) -> int:
    """1-based number of the first page after the contents holding `text`."""
    return next(i for i, page in enumerate(pages, 1) if i > 2 and text in page)


def test_cover_carries_the_report_fields(pages: list[str]) -> None:
    cover = pages[0]
    for text in (
        "Police and Crime Plan",
        "Delivery Performance Summary",
        "2024-2025",
        "Quarter 2",
        "Office of the Police and Crime Commissioner for Cleveland",
    ):
        assert text in cover


def test_every_section_starts_its_own_page(document: Document, pages: list[str]) -> None:
    numbers = [page_of(pages, section.title) for section in document.sections]
    assert numbers == sorted(set(numbers))
    assert numbers[0] == 3  # after the cover and the contents


def test_contents_lists_themes_and_sections_with_right_pages(
    document: Document, pages: list[str]
) -> None:
    contents = pages[1].splitlines()
    assert contents[0] == "Contents"
    for section in document.sections:
        line = next(line for line in contents if line.startswith(section.title))
        assert line.endswith(f" {page_of(pages, section.title)}")
    assert any(line.startswith("Access to Police Services") for line in contents)


def test_contents_entries_link_to_their_pages(
    reader: pypdf.PdfReader, pages: list[str], document: Document
) -> None:
    targets = {
        reader.get_page_number(annot.get_object()["/Dest"][0].get_object()) + 1
        for annot in reader.pages[1]["/Annots"]
    }
    assert targets == {page_of(pages, section.title) for section in document.sections}


def test_outline_nests_sections_under_themes(reader: pypdf.PdfReader, pages: list[str]) -> None:
    outline = reader.outline
    titles = [entry.title for entry in outline if not isinstance(entry, list)]
    assert titles == ["Access to Police Services", "Prevent, reduce and tackle serious violence"]
    nested = [entry.title for entry in outline[1]]
    assert nested == ["Emergency Calls (999 service)", "COPA reporting app"]
    assert reader.get_destination_page_number(outline[1][1]) + 1 == page_of(
        pages, "COPA reporting app"
    )


def test_metadata_language_and_title_display(reader: pypdf.PdfReader) -> None:
    meta = reader.metadata
    assert meta is not None
    assert meta.title == (
        "Police and Crime Plan: Delivery Performance Summary, 2024-2025 Quarter 2"
    )
    assert meta.author == "Office of the Police and Crime Commissioner for Cleveland"
    assert meta.subject == "Quarterly delivery performance summary"
    assert meta["/Keywords"] == "police, crime, performance"
    assert meta["/CreationDate"].startswith("D:20241114")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])


def test_measure_rows_print_label_then_figures_in_order(pages: list[str]) -> None:
    lines = lines_of(pages)
    expected = {
        "Number of 999 calls received": "113,176 121,752 113,266 -8,486 -7.0% ▼",
        "Homicides": "8 12 11 -1 -8.3% ▼ Better",
        "Average wait (seconds)": "14.4 – 10.0 – – –",
    }
    for label, figures in expected.items():
        assert f"{label} {figures}" in lines


def test_measures_table_headings_footnote_and_key_once(pages: list[str]) -> None:
    text = "\n".join(pages)
    assert "Performance measures" in text
    assert "* 12 months data up to June 2024" in text
    assert text.count("Key: ▲ rise") == 1
    assert page_of(pages, "Key: ▲ rise") == page_of(pages, "Emergency Calls")


def test_generic_table_prints_cells_as_given(pages: list[str]) -> None:
    assert "Possession of weapons 36.7% 28.3%" in lines_of(pages)


def test_text_typed_prints_literally(pages: list[str]) -> None:
    text = "\n".join(pages)
    assert "Calls fell by 6.9% & answer times <improved>." in text
    assert "amongst the best ** in the country." in text


def test_speaker_notes_are_not_printed(pages: list[str]) -> None:
    assert "SECRET SPEAKER NOTE" not in "\n".join(pages)


def test_break_starts_a_new_page(pages: list[str]) -> None:
    assert page_of(pages, "Charging rates sit") == page_of(pages, "Serious violence") + 1


def test_links_are_live_with_their_address(reader: pypdf.PdfReader) -> None:
    uris = [
        annot.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if "/A" in annot.get_object()
    ]
    assert uris == [LINK]


def test_every_page_has_a_numbered_footer(pages: list[str]) -> None:
    total = len(pages)
    assert 5 <= total <= 8
    for number, page in enumerate(pages, 1):
        assert f"Page {number} of {total}" in page
    assert "Police and Crime Plan 2024-2025 Quarter 2" in pages[3]


def test_same_document_same_bytes(document: Document, pdf: bytes) -> None:
    assert render_pdf(document, RenderOptions()) == pdf


def test_landscape_pages(document: Document) -> None:
    wide = Document(report(page="A4 landscape"), document.sections, document.workbook)
    opened = pypdf.PdfReader(io.BytesIO(render_pdf(wide, RenderOptions())))
    box = opened.pages[3].mediabox
    assert (round(box.width), round(box.height)) == (842, 595)


def test_portrait_margins_at_least_15mm(pdf: bytes) -> None:
    limit = 15 / 25.4 * 72
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        for page in opened.pages[1:]:
            for char in page.chars:
                assert limit <= char["x0"] and char["x1"] <= page.width - limit
                assert limit * 0.4 <= char["top"]


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is required in CI")
        pytest.skip(f"{name} not installed")
    return path


def test_qpdf_finds_no_errors(pdf: bytes, tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(pdf)
    result = subprocess.run(
        [_tool("qpdf"), "--check", str(target)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_only_embedded_liberation_fonts(pdf: bytes, tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(pdf)
    listing = subprocess.run(
        [_tool("pdffonts"), str(target)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing
    for line in listing:
        assert re.match(r"[A-Z]{6}\+LiberationSans", line), line
        assert " yes yes " in line, line


def test_unicode_prints_in_the_embedded_font() -> None:
    text = "£5 – it’s • ▲ ▼ ● ≥ → Ŵ ŷ Croeso αβγ Жизнь"
    sections = (Section("Glyphs", "", (Paragraph(runs(text), SRC),), SRC),)
    data = render_pdf(Document(report(), sections, Path("x.xlsx")), RenderOptions())
    with pdfplumber.open(io.BytesIO(data)) as opened:
        page = opened.pages[2]
        assert text in (page.extract_text() or "")
        fonts = {char["fontname"].split("+")[-1] for char in page.chars}
    assert fonts <= {"LiberationSans", "LiberationSans-Bold"}


def test_breaks_never_leave_an_empty_page_or_a_lonely_title() -> None:
    sections = (
        Section("One", "", (Paragraph(runs("alpha"), SRC), Break(SRC), Break(SRC)), SRC),
        Section(
            "Two",
            "",
            (
                Break(SRC),
                Paragraph(runs("beta"), SRC),
                Break(SRC),
                Break(SRC),
                Paragraph(runs("gamma"), SRC),
            ),
            SRC,
        ),
    )
    data = render_pdf(Document(report(), sections, Path("x.xlsx")), RenderOptions())
    with pdfplumber.open(io.BytesIO(data)) as opened:
        firsts = [(page.extract_text() or "").splitlines()[:2] for page in opened.pages[2:]]
    # -- a page the section did not start on carries its title, "(continued)" --
    assert firsts == [["One", "alpha"], ["Two", "beta"], ["Two (continued)", "gamma"]]


def test_images_keep_their_aspect_ratio(tmp_path: Path) -> None:
    picture = tmp_path / "wide.png"
    PILImage.new("RGB", (300, 100), "#801650").save(picture)
    sections = (Section("Pictures", "", (Image("A wide picture", picture, SRC),), SRC),)
    data = render_pdf(
        Document(report(logo=picture), sections, tmp_path / "book.xlsx"), RenderOptions()
    )
    with pdfplumber.open(io.BytesIO(data)) as opened:
        for page_number in (0, 2):
            (image,) = opened.pages[page_number].images
            assert image["width"] / image["height"] == pytest.approx(3, rel=0.01)
