"""Hard input (issue 5): the bad and awkward workbooks the other test files do not cover.

The corpus, case -> test (file: test name). Every bad case asserts the exact message with
its Sheet!Cell (or file name, for files that are not workbooks at all).

 1 not a zip (text file)         safety: test_text_file_is_not_a_workbook
 2 empty file (0 bytes)          safety: test_empty_file
 3 truncated zip                 safety: test_truncated_zip
 4 zip that is not a workbook    safety: test_zip_that_is_not_a_workbook
 5 OpenDocument .ods renamed     here: test_opendocument_spreadsheet_renamed_xlsx
 6 legacy .xls                   safety: test_legacy_xls
 7 password protected            safety: test_password_protected
 8 .xlsm (macros never run)      safety: test_xlsm_is_read_as_data_and_macros_never_run
 9 empty workbook                safety: test_empty_workbook
10 missing sheets (did you mean) report: test_missing_sheets_with_did_you_mean
11 wrong/missing headers         report: test_wrong_headers_name_the_cell,
                                 measures: test_wrong_key_headers, here: test_wrong_content_header
12 empty Measures sheet          measures: test_empty_measures_sheet
13 duplicate measures tables     content: test_same_measures_table_twice_warns,
                                 measures: test_a_measure_repeated_in_a_table_warns
14 row before the first section  content: test_row_before_first_section
15 merged cells in data          safety: test_merged_cells_in_content, measures:
                                 test_merged_cells_in_measures, sheets: test_table_problems,
                                 here: test_merged_cells_in_a_chart_sheet
16 unknown Type/Unit/Better/     content: test_unknown_type_and_missing_type,
   Option/Rounding, did you mean test_bad_bullet_level_and_chart_type; measures:
                                 test_unknown_words_with_did_you_mean; report:
                                 test_bad_values_are_all_reported
17 text in number cells          measures: test_text_in_number_cells
18 formula with no cached value  safety: test_formula_without_cached_value,
                                 here: test_formula_in_content_text
19 one period only               measures: test_one_period_column
20 unknown table/chart/sheet     content: test_unknown_references_with_did_you_mean
21 chart without a title         content: test_required_texts
22 chart with text in a series   sheets: test_chart_with_text_in_a_series
23 pie chart negative / all zero sheets: test_pie_chart_with_negative_or_no_positive_values
24 image missing / not an image  content: test_bad_images, here: test_a_real_gif_is_refused
   / outside / absolute
25 image without alt text        content: test_required_texts
26 links not http(s)/mailto      content: test_bad_links_name_the_cell,
                                 here: test_link_to_not_an_address_names_the_cell
27 10,000-character paragraph    here: test_hard_text_builds_in_both_formats (PDF pages
                                 and slides, every word kept)
28 Greek, Cyrillic, Welsh,       here: test_hard_text_builds_in_both_formats,
   symbols                       test_hard_text_loads_literally
29 markup-like text              here: test_hard_text_loads_literally and the builds
30 all-zero / all-blank measures here: test_awkward_figures_build_in_both_formats,
   billions, an all-blank chart  test_figures_in_the_billions_print_whole_in_the_pdf
Limits:
31 file over 50 MB               safety: test_oversized_file
32 unpacks over 500 MB           safety: test_zip_bomb_by_declared_size,
                                 test_zip_bomb_by_real_compression
33 XML entity attacks            safety: test_billion_laughs_in_a_sheet,
                                 test_external_entity_in_shared_strings,
                                 test_openpyxl_refuses_entities_even_without_our_scan
34 rows per sheet capped         safety: test_row_cap_names_the_sheet
35 image over 20 MB              content: test_oversized_image_file (lowered cap),
                                 here: test_image_over_the_real_20_mb_cap
36 decompression-bomb image      content: test_decompression_bomb_image
Outputs: build_atomic (permission denied, no temporary files), cli
(test_an_invalid_workbook_leaves_last_quarters_outputs_untouched,
test_a_failing_deck_writes_neither_format, test_one_bad_workbook_does_not_stop_the_others),
here: test_a_failed_second_write_leaves_both_outputs_as_they_were.

36 distinct cases. Property-based builds: test_properties.py; determinism:
test_determinism.py.
"""

from __future__ import annotations

import html
import io
import os
import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image as PILImage
from pptx import Presentation

from generator import build as build_module
from generator.errors import OutputError, WorkbookError
from generator.model import plain_text
from generator.options import RenderOptions
from generator.parse import load_document
from layouts.deck.layout import render_pptx
from layouts.pdf.layout import render_pdf
from tests.conftest import MakeWorkbook, Sheets, _valid, build_workbook

ValidSheets = Callable[[], Sheets]
HEAD = ["Type", "Text", "Data", "Option"]

# -- numbered words, so any word lost between pages or slides is found by number --
LONG = " ".join(f"w{n:04d}" for n in range(2000))[:9_995] + " tail"
LONG_WORDS = LONG.split()
GREEK = "Ελληνικά: Αστυνομία και δικαιοσύνη"
CYRILLIC = "Кириллица: Полиция и правосудие"
WELSH = "Cymraeg: Comisiynydd yr Heddlu a Throseddu, ŵ ŷ â"
SYMBOLS = "£331,000 – it’s • ≥ 85% → done"
MARKUP = "<b>not bold</b> & AT&T; **unclosed and 5 * 3 [sic] (aside)"
HARD_TEXTS = (GREEK, CYRILLIC, WELSH, SYMBOLS, MARKUP)


def _errors(path: Path) -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        load_document(path)
    return [str(problem) for problem in caught.value.problems]


def _with_content(valid_sheets: ValidSheets, *rows: Sequence[object]) -> Sheets:
    sheets = valid_sheets()
    sheets["Content"] = [*sheets["Content"], *[list(row) for row in rows]]
    return sheets


def _squash(text: str) -> str:
    return "".join(text.split())


# -- Files and sheets --------------------------------------------------------------------


def test_opendocument_spreadsheet_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "calc.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    assert _errors(path) == [
        "calc.xlsx: this is an OpenDocument file (.ods, from LibreOffice or OpenOffice), not "
        "an Excel workbook; open it in LibreOffice Calc and save it as Excel 2007-365 "
        "(.xlsx), then use that file"
    ]


def test_wrong_content_header(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = valid_sheets()
    sheets["Content"][0] = ["Type", "Txt", "Data", "Option"]
    assert _errors(make_workbook(sheets)) == ['Content!B1: found "Txt"; expected the header "Text"']


def test_merged_cells_in_a_chart_sheet(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _with_content(valid_sheets, ["chart", "Reports", "Reports", "bar"])
    sheets["Reports"] = [["Type", "Reports"], ["ASB", 1], ["Drugs", 2]]
    assert _errors(make_workbook(sheets, merged=["Reports!A2:A3"])) == [
        "Reports!A2:A3: merged cells inside the data; expected one value per cell (unmerge them)"
    ]


def test_formula_in_content_text(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _with_content(valid_sheets, ["paragraph", '=CONCAT("a","b")'])
    assert _errors(make_workbook(sheets)) == [
        "Content!B6: a formula with no calculated value; open the workbook in Excel or "
        "LibreOffice and save it, so the results are stored",
    ]


def test_link_to_not_an_address_names_the_cell(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _with_content(valid_sheets, ["bullet", "See [x](not an address) and [y](ftp://a.b)"])
    bad = "expected an address starting https://, http:// or mailto:"
    assert _errors(make_workbook(sheets)) == [
        f'Content!B6: link "x" goes to "not an address"; {bad} with no spaces',
        f'Content!B6: link "y" goes to "ftp://a.b"; {bad}',
    ]


def test_a_real_gif_is_refused(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets, tmp_path: Path
) -> None:
    PILImage.new("RGB", (4, 3), "#12436D").save(tmp_path / "poster.gif", "GIF")
    sheets = _with_content(valid_sheets, ["image", "Poster", "poster.gif"])
    assert _errors(make_workbook(sheets)) == [
        'Content!C6: "poster.gif" is not a PNG or JPEG image; expected a .png or .jpg file'
    ]


def test_image_over_the_real_20_mb_cap(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets, tmp_path: Path
) -> None:
    with (tmp_path / "photo.png").open("wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.truncate(21 * 1024 * 1024)  # sparse: the cap is checked before reading
    sheets = _with_content(valid_sheets, ["image", "Photo", "photo.png"])
    assert _errors(make_workbook(sheets)) == [
        'Content!C6: "photo.png" is 21 MB; expected at most 20 MB'
    ]


# -- Hard text, end to end in both formats ---------------------------------------------


def _hard_sheets(valid_sheets: ValidSheets) -> Sheets:
    return _with_content(
        valid_sheets,
        ["section", "Adroddiad — Отчёт — Αναφορά"],
        ["paragraph", LONG],
        *[["paragraph", text] for text in HARD_TEXTS],
        ["bullet", MARKUP, None, 3],
        ["callout", f"{GREEK} & {CYRILLIC}"],
    )


def test_hard_text_loads_literally(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    loaded = load_document(make_workbook(_hard_sheets(valid_sheets)))
    section = loaded.document.sections[1]
    texts = [plain_text(block.runs) for block in section.blocks]  # type: ignore[union-attr]
    assert texts == [LONG, *HARD_TEXTS, MARKUP, f"{GREEK} & {CYRILLIC}"]
    assert len(LONG) == 10_000
    assert all(not run.bold and run.href is None for run in section.blocks[5].runs)  # type: ignore[union-attr]
    assert loaded.warnings == ()


@pytest.fixture(scope="module")
def hard_outputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[str]]:
    """The hard workbook built end to end; the PDF's pages and the deck's slides as text."""
    folder = tmp_path_factory.mktemp("hard")
    path = build_workbook(folder / "hard.xlsx", _hard_sheets(_valid))
    built = build_module.build(path, folder / "out", formats=("pdf", "pptx"))
    pdf, pptx = (output.read_bytes() for output in built.outputs)
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        pages = [page.extract_text() or "" for page in opened.pages]
    slides = [
        "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
        for slide in Presentation(io.BytesIO(pptx)).slides
    ]
    return pages, slides


@pytest.mark.parametrize("fmt", ["pdf", "pptx"])
def test_hard_text_builds_in_both_formats(
    hard_outputs: tuple[list[str], list[str]], fmt: str
) -> None:
    parts = hard_outputs[0] if fmt == "pdf" else hard_outputs[1]
    everything = _squash("\n".join(parts))
    for text in (*HARD_TEXTS, "Adroddiad — Отчёт — Αναφορά"):
        assert _squash(text) in everything, (fmt, text)
    assert "<b>not bold</b>" in "\n".join(parts)
    # -- every numbered word of the long paragraph, exactly once, in order --
    found = re.findall(r"w\d{4}", "\n".join(parts))
    assert found == LONG_WORDS[:-1]
    holding = [i for i, part in enumerate(parts) if re.search(r"w\d{4}", part)]
    assert len(holding) >= 2, f"the 10,000-character paragraph fits one {fmt} page?"
    assert "tail" in parts[holding[-1]]


def test_hard_text_prints_literally_in_the_html_edition(tmp_path: Path) -> None:
    path = build_workbook(tmp_path / "hard.xlsx", _hard_sheets(_valid))
    (page,) = build_module.build(path, tmp_path / "out", formats=("html",)).outputs
    text = html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))
    everything = _squash(text)
    for hard in (*HARD_TEXTS, "Adroddiad — Отчёт — Αναφορά"):
        assert _squash(hard) in everything, hard
    assert "<b>not bold</b>" in text
    assert re.findall(r"w\d{4}", text) == LONG_WORDS[:-1]


def _awkward_sheets(valid_sheets: ValidSheets) -> Sheets:
    sheets = _with_content(
        valid_sheets,
        ["chart", "Nothing reported yet", "Empty"],
        ["chart", "Shares", "Shares", "pie"],
    )
    sheets["Measures"] += [
        ["999 calls", "Zeros", "count", "lower", 0, 0, 0],
        ["999 calls", "Unknown", "percent", "higher", None, "n/a", None],
        ["999 calls", "Billions", "currency", "higher", -2_500_000_000, 0, 9_999_999_999],
    ]
    sheets["Empty"] = [["Quarter", "Reports"], ["Q1", None], ["Q2", None]]
    sheets["Shares"] = [["Type", "Reports"], ["ASB", 0], ["Drugs", 3]]
    return sheets


def _pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as opened:
        return "\n".join(page.extract_text() or "" for page in opened.pages)


def test_awkward_figures_build_in_both_formats(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    document = load_document(make_workbook(_awkward_sheets(valid_sheets))).document
    text = _squash(_pdf_text(render_pdf(document, RenderOptions())))
    deck = Presentation(io.BytesIO(render_pptx(document, RenderOptions())))
    cells = [
        cell.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
    ]
    assert "Zeros0000–●Nochange" in text
    assert "Unknown–––––" in text
    for figure in ("-£2,500,000,000", "£0", "£9,999,999,999", "+£9,999,999,999"):
        assert figure in cells
    assert "Nothingreportedyet" in text and "Shares" in text


def test_figures_in_the_billions_print_whole_in_the_pdf(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    document = load_document(make_workbook(_awkward_sheets(valid_sheets))).document
    lines = _pdf_text(render_pdf(document, RenderOptions())).splitlines()
    assert any("121,752" in line for line in lines)
    assert any("£9,999,999,999" in line for line in lines)


# -- Outputs ---------------------------------------------------------------------------


def test_a_failed_second_write_leaves_both_outputs_as_they_were(
    make_workbook: MakeWorkbook,
    valid_sheets: ValidSheets,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workbook = make_workbook(valid_sheets(), name="quarter.xlsx")
    outdir = tmp_path / "out"
    outdir.mkdir()
    (outdir / "quarter.pdf").write_bytes(b"last quarter's PDF")
    (outdir / "quarter.pptx").write_bytes(b"last quarter's deck")
    real = os.replace

    def deck_is_open(source: str, target: str) -> None:
        if str(target).endswith(".pptx"):
            raise PermissionError(13, "Permission denied")
        real(source, target)

    monkeypatch.setattr(os, "replace", deck_is_open)
    with pytest.raises(OutputError, match="permission denied"):
        build_module.build(workbook, outdir)
    assert (outdir / "quarter.pptx").read_bytes() == b"last quarter's deck"
    assert (outdir / "quarter.pdf").read_bytes() == b"last quarter's PDF"
