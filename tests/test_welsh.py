"""Language `cy`: the example built in Welsh prints Welsh fixed words in the PDF and the deck;
the Words sheet overrides any word; generator.words holds every word in every language."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pypdf
import pytest
from pptx import Presentation

from generator.errors import WorkbookError
from generator.model import Document
from generator.options import RenderOptions
from generator.parse import load_document
from generator.words import (
    ENGLISH,
    LANGUAGES,
    WORD_IDS,
    Words,
    fields_of,
)
from layouts.deck.layout import render_pptx
from layouts.html.layout import page_html
from layouts.pdf.layout import render_pdf

EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "example.xlsx"


def _example_in(tmp: Path, language: str, words: list[list[str]] | None = None) -> Path:
    """The example workbook with its Language (and Published date, and a Words sheet) set."""
    book = openpyxl.load_workbook(EXAMPLE)
    report = book["Report"]
    values = {"Language": language, "Published": dt.date(2024, 10, 31)}
    for row in report.iter_rows(min_row=2):
        row[1].value = values.get(str(row[0].value), row[1].value)
    # -- a break in the last section: its second slide is titled as continued --
    book["Content"].append(["break"])
    book["Content"].append(["paragraph", "Diwedd yr adroddiad."])
    if words:
        sheet = book.create_sheet("Words")
        for line in [["Word", "Text"], *words]:
            sheet.append(line)
    path = tmp / "example-cy.xlsx"
    book.save(path)
    return path


@pytest.fixture(scope="module")
def welsh(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return load_document(_example_in(tmp_path_factory.mktemp("cy"), "cy-GB")).document


@pytest.fixture(scope="module")
def pdf_text(welsh: Document) -> str:
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(welsh, RenderOptions())))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture(scope="module")
def deck_texts(welsh: Document) -> list[str]:
    deck = Presentation(io.BytesIO(render_pptx(welsh, RenderOptions())))
    texts = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
        texts.append(slide.notes_slide.notes_text_frame.text)
    return texts


def test_the_welsh_pdf_prints_welsh_fixed_words(pdf_text: str) -> None:
    for welsh in ("Cynnwys", "Tudalen 2 o ", "Allwedd:", "Gwell", "Gwaeth", "Asesiad"):
        assert welsh in pdf_text, welsh
    assert "Cyhoeddwyd 31 Hydref 2024" in pdf_text
    assert "gostyngiad" in pdf_text  # the key's sentence
    for english in ("Contents", "Page 2 of", "Key:", "Better", "Worse", "Published"):
        assert english not in pdf_text, english


def test_the_welsh_deck_prints_welsh_fixed_words(deck_texts: list[str]) -> None:
    joined = "\n".join(deck_texts)
    assert "Solving crime in Cleveland (parhad)" in deck_texts
    assert "Parhad: Solving crime in Cleveland." in joined
    assert any(text.startswith("▼ Gwell") for text in deck_texts)
    assert any(text.startswith("Allwedd: ▲ cynnydd") for text in deck_texts)
    assert "Asesiad" in deck_texts
    for english in ("(continued)", "Continued:", "Better", "Worse", "Key:"):
        assert english not in joined, english


def test_the_welsh_html_page_prints_welsh_fixed_words(welsh: Document) -> None:
    page = page_html(welsh)
    assert '<html lang="cy-GB">' in page
    for welsh_word in ("Cynnwys", "Allwedd:", "Gwell", "Cyhoeddwyd 31 Hydref 2024"):
        assert welsh_word in page, welsh_word
    assert "Neidio i&#x27;r prif gynnwys" in page or "Neidio i'r prif gynnwys" in page
    assert "Ffigurau&#x27;r siart:" in page or "Ffigurau'r siart:" in page
    for english in (">Contents<", "Key:", "Better", "Published", "Skip to main content"):
        assert english not in page, english


def test_welsh_chart_alt_text(welsh: Document) -> None:
    charts = [b for s in welsh.sections for b in s.blocks if type(b).__name__ == "Chart"]
    assert charts and all(chart.alt_text.startswith("Siart ") for chart in charts)


def test_the_words_sheet_overrides_any_word_in_any_language(tmp_path: Path) -> None:
    overrides = [["Better", "Improved"], ["page n of N", "p. {page}/{total}"]]
    document = load_document(_example_in(tmp_path, "en-GB", overrides)).document
    text = "\n".join(
        page.extract_text()
        for page in pypdf.PdfReader(io.BytesIO(render_pdf(document, RenderOptions()))).pages
    )
    assert "▼ Improved" in text and "p. 2/" in text
    assert "Page 2 of" not in text and "▼ Better" not in text


def test_a_words_sheet_that_loses_a_field_or_names_no_word_is_refused(tmp_path: Path) -> None:
    bad = [["Page n of N", "Page {page}"], ["Beter", "Improved"]]
    with pytest.raises(WorkbookError) as caught:
        load_document(_example_in(tmp_path, "en-GB", bad))
    messages = [str(problem) for problem in caught.value.problems]
    assert messages[0].startswith('Words!B2: found "Page {page}"; expected the text of')
    assert "{page}, {total}" in messages[0]
    assert messages[1].startswith('Words!A3: unknown word "Beter" (did you mean "better"?)')


def test_every_language_has_every_word_with_the_same_fields() -> None:
    for table in LANGUAGES.values():
        assert set(table) == set(WORD_IDS)
        for word in WORD_IDS:
            assert fields_of(table[word]) == fields_of(ENGLISH[word]), word


def test_month_names_per_language() -> None:
    assert Words("cy-GB").month(9) == "Medi" and Words("cy").month(2, short=True) == "Chwef"
    assert Words("en-GB").month(9) == "September" and Words().month(9, short=True) == "Sep"
    assert Words("fr").month(1) == "January"  # an unknown language reads English
    assert Words("cy").date(dt.date(2025, 3, 1)) == "1 Mawrth 2025"


def test_headings_left_blank_follow_the_language(make_workbook, valid_sheets) -> None:
    sheets = valid_sheets()
    sheets["Report"].append(["Language", "cy"])
    report = load_document(make_workbook(sheets)).document.report
    assert (report.measure_heading, report.change_heading) == ("Mesur", "Newid")
    assert (report.percent_change_heading, report.assessment_heading) == ("% newid", "Asesiad")


MONTHLY = EXAMPLE.with_name("example-monthly.xlsx")


@pytest.fixture(scope="module")
def welsh_monthly(tmp_path_factory: pytest.TempPathFactory) -> Document:
    """The Monthly example in Welsh: computed labels and SPC words come from words.py."""
    book = openpyxl.load_workbook(MONTHLY)
    for row in book["Report"].iter_rows(min_row=2):
        if str(row[0].value) == "Language":
            row[1].value = "cy-GB"
            break
    else:
        book["Report"].append(["Language", "cy-GB"])
    path = tmp_path_factory.mktemp("cy-monthly") / "monthly-cy.xlsx"
    book.save(path)
    return load_document(path).document


def test_welsh_computed_labels_and_spc_words_in_every_edition(welsh_monthly: Document) -> None:
    from generator.model import MeasuresTable, Trend

    blocks = [b for s in welsh_monthly.sections for b in s.blocks]
    periods = [p for b in blocks if isinstance(b, MeasuresTable) for p in b.periods]
    assert periods and all(p.startswith("12 mis ") for p in periods), periods
    assert "12 mis Medi 2024" in periods
    trends = [b for b in blocks if isinstance(b, Trend)]
    assert trends and all(t.alt_text.startswith(("Siart SPC:", "Siart rhediad:")) for t in trends)
    assert all(t.words.result_line.startswith(("Mis diweddaraf:", "Siart rhediad")) for t in trends)
    pdf = render_pdf(welsh_monthly, RenderOptions())
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    deck = Presentation(io.BytesIO(render_pptx(welsh_monthly, RenderOptions())))
    series = {
        s.name
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_chart
        for s in shape.chart.plots[0].series
    }
    page = page_html(welsh_monthly)
    for edition in (" ".join(text.split()), page):
        # -- a period header may wrap in the PDF: its words, not the whole label --
        assert "12 mis" in edition and "Medi 2024" in edition and "Mis diweddaraf:" in edition
        assert "Latest month" not in edition and "Upper limit" not in edition
        assert "Sept 2024" not in edition
    assert {"Cymedr", "Terfyn uchaf", "Terfyn isaf"} <= series
