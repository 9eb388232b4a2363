"""The Report sheet: fields, defaults and every check, with exact messages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.errors import WorkbookError
from generator.parse import load_document
from tests.conftest import MakeWorkbook, Sheets

ValidSheets = Callable[[], Sheets]


def _with_report(valid_sheets: ValidSheets, *rows: list[object]) -> Sheets:
    sheets = valid_sheets()
    sheets["Report"] = [["Field", "Value"], *[list(row) for row in rows]]
    if not any(row[0] == "Published" for row in rows):  # -- else every test sees its warning --
        sheets["Report"].append(["Published", "2024-10-31"])
    return sheets


def _errors(path: Path) -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        load_document(path)
    return [str(problem) for problem in caught.value.problems]


def test_all_fields_are_read(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _with_report(
        valid_sheets,
        [" title ", "Police and Crime Plan"],
        ["SUBTITLE", "Delivery Performance Summary"],
        ["Year", "2024-2025"],
        ["Period", "Quarter 2"],
        ["Organisation", "OPCC Cleveland"],
        ["Language", "cy-GB"],
        ["Rounding", "Truncate"],
        ["Measure heading", "Performance measures"],
        ["Change heading", "Volume change"],
        ["Percent change heading", "% change on last year"],
        ["Assessment heading", "Direction"],
        ["Brand colour", "#12436d"],
        ["Page", "a4 landscape"],
        ["Footer", "Official"],
        ["Published", dt.datetime(2024, 10, 31)],
        ["Subject", "Quarterly performance"],
        ["Keywords", "police, crime , , Cleveland"],
    )
    loaded = load_document(make_workbook(sheets))
    report = loaded.document.report
    assert loaded.warnings == ()
    assert (report.title, report.subtitle, report.year, report.period) == (
        "Police and Crime Plan",
        "Delivery Performance Summary",
        "2024-2025",
        "Quarter 2",
    )
    assert report.language == "cy-GB"
    assert report.rounding == "truncate"
    assert report.measure_heading == "Performance measures"
    assert report.change_heading == "Volume change"
    assert report.percent_change_heading == "% change on last year"
    assert report.assessment_heading == "Direction"
    assert report.brand_colour == "#12436D"
    assert report.page == "A4 landscape"
    assert report.footer == "Official"
    assert report.published == dt.date(2024, 10, 31)
    assert report.subject == "Quarterly performance"
    assert report.keywords == ("police", "crime", "Cleveland")
    assert str(report.source_of("Brand colour")) == "Report!B13"


def test_defaults_when_blank(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _with_report(valid_sheets, ["Title", "T"], ["Change heading", None], ["Year", 2024])
    report = load_document(make_workbook(sheets)).document.report
    assert report.change_heading == "Change"
    assert report.percent_change_heading == "% change"
    assert report.rounding == "nearest"
    assert report.language == "en-GB"
    assert report.year == "2024"  # a number typed in a text field prints as typed


def test_published_as_iso_text(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _with_report(valid_sheets, ["Title", "T"], ["Published", "2024-10-31"])
    assert load_document(make_workbook(sheets)).document.report.published == dt.date(2024, 10, 31)


def test_unknown_field_is_a_warning_with_did_you_mean(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _with_report(valid_sheets, ["Title", "T"], ["Subtitel", "x"])
    [warning] = load_document(make_workbook(sheets)).warnings
    assert str(warning).startswith(
        'Report!A3: unknown field "Subtitel" (did you mean "Subtitle"?) is ignored; '
        'expected one of "Title", "Subtitle",'
    )


def test_title_is_required(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _with_report(valid_sheets, ["Title", None], ["Year", "2024"])
    assert _errors(make_workbook(sheets)) == [
        'Report!B2: no Title; expected the document title in the "Title" row'
    ]


def test_title_row_missing(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _with_report(valid_sheets, ["Year", "2024"])
    assert _errors(make_workbook(sheets)) == [
        'Report: no Title; expected the document title in the "Title" row'
    ]


def test_bad_values_are_all_reported(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _with_report(
        valid_sheets,
        ["Title", "T"],
        ["Rounding", "truncat"],
        ["Page", "A4 portait"],
        ["Brand colour", "blue"],
        ["Published", "31st October"],
        ["Language", "English (UK)"],
    )
    assert _errors(make_workbook(sheets)) == [
        'Report!B3: unknown Rounding "truncat" (did you mean "truncate"?); expected "nearest" or '
        '"truncate"',
        'Report!B4: unknown Page "A4 portait" (did you mean "A4 portrait"?); expected '
        '"A4 portrait" or "A4 landscape"',
        'Report!B5: found "blue"; expected a colour as #RRGGBB, e.g. "#12436D"',
        'Report!B6: found "31st October"; expected a date (a date cell, or text like 2024-10-31)',
        'Report!B7: found "English (UK)"; expected a language tag such as "en-GB" or "cy-GB"',
    ]


def test_light_brand_colour_warns_and_names_the_darker_shade(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _with_report(valid_sheets, ["Title", "T"], ["Brand colour", "#FFCC00"])
    [warning] = load_document(make_workbook(sheets)).warnings
    assert str(warning) == (
        "Report!B3: white text on #FFCC00 has a contrast of 1.5:1; expected at least 4.5:1, "
        "so the darker shade #8C7000 is used behind white text"
    )


def test_wrong_headers_name_the_cell(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = valid_sheets()
    sheets["Report"][0] = ["Name", "Value"]
    assert _errors(make_workbook(sheets)) == [
        'Report!A1: found "Name"; expected the header "Field"'
    ]


def test_missing_sheets_with_did_you_mean(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = valid_sheets()
    sheets["Reports"] = sheets.pop("Report")
    del sheets["Content"]
    assert _errors(make_workbook(sheets)) == [
        'book.xlsx: no sheet named "Report" (did you mean "Reports"?); expected the sheets '
        '"Report" and "Content" (and "Measures" for measures tables)',
        'book.xlsx: no sheet named "Content"; expected the sheets "Report" and "Content" '
        '(and "Measures" for measures tables)',
    ]


def test_sheet_names_ignore_case_and_spaces(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = valid_sheets()
    renamed = {" report ": sheets["Report"], "CONTENT": sheets["Content"]}
    renamed["measures "] = sheets["Measures"]
    assert load_document(make_workbook(renamed)).document.report.title == "Police and Crime Plan"


def test_logo_must_be_a_relative_image(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets, tmp_path: Path
) -> None:
    (tmp_path / "logo.png").write_bytes(b"not really a png")
    sheets = _with_report(valid_sheets, ["Title", "T"], ["Logo", "logo.png"])
    assert _errors(make_workbook(sheets)) == [
        'Report!B3: "logo.png" is not a PNG or JPEG image; expected a .png or .jpg file'
    ]


def test_duplicate_field_warns(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _with_report(valid_sheets, ["Title", "First"], ["title", "Second"])
    loaded = load_document(make_workbook(sheets))
    assert loaded.document.report.title == "First"
    assert [str(w) for w in loaded.warnings] == [
        'Report!A3: "Title" is given twice; the first is used'
    ]


def test_no_published_date_warns_of_the_placeholder_date(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _with_report(valid_sheets, ["Title", "Plan"], ["Published", None])
    loaded = load_document(make_workbook(sheets))
    assert [str(w) for w in loaded.warnings] == [
        "Report!B3: no Published date, so the documents' properties carry the fixed "
        "placeholder date 1 January 2000; expected the publication date in the "
        '"Published" row (a date cell, or text like 2024-10-31)'
    ]
