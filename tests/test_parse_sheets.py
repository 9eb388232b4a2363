"""Table and chart sheets: data from A1 to the first blank row, as Excel shows it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.errors import WorkbookError
from generator.model import Chart, Table
from generator.parse import load_document
from layouts.charts import chart_svg
from tests.conftest import MakeWorkbook, Sheets

ValidSheets = Callable[[], Sheets]
HEAD = ["Type", "Text", "Data", "Option"]


def _with(
    valid_sheets: ValidSheets, row: list[object], name: str, data: list[list[object]]
) -> Sheets:
    sheets = valid_sheets()
    sheets["Content"] = [HEAD, ["section", "S"], row]
    del sheets["Measures"]  # -- no Content row places its table here --
    sheets[name] = data
    return sheets


def _block(path: Path) -> object:
    return load_document(path).document.sections[0].blocks[0]


def _errors(path: Path) -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        load_document(path)
    return [str(problem) for problem in caught.value.problems]


RATES = [
    ["Crime Category", "Cleveland Charge Rate 2023/24", "National Charge Rate 2023/24"],
    ["All Crime", 0.084, 0.064],
    ["Robbery", 0.145, 0.065],
    [None, None, None],
    ["Source: Home Office", None, None],
]


def test_table_prints_as_excel_shows_it(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _with(valid_sheets, ["table", "Charge rates", "charge RATES "], "Charge rates", RATES)
    formats = {f"Charge rates!{c}{r}": "0.0%" for c in "BC" for r in (2, 3)}
    table = _block(make_workbook(sheets, formats=formats))
    assert isinstance(table, Table)
    assert table.header == tuple(RATES[0])
    assert table.rows == (("All Crime", "8.4%", "6.4%"), ("Robbery", "14.5%", "6.5%"))
    assert table.align == ("left", "right", "right")
    assert (table.caption, table.sheet, str(table.source)) == (
        "Charge rates",
        "Charge rates",
        "Content!C3",
    )


def test_table_cells_with_formats(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    data = [["Item", "Spend", "Change", "When"], ["CCTV", 331000, 1.5, dt.datetime(2024, 9, 1)]]
    sheets = _with(valid_sheets, ["table", None, "Spend"], "Spend", data)
    formats = {
        "Spend!B2": "[$£-809]#,##0",
        "Spend!C2": '+0.0"pts";-0.0"pts"',
        "Spend!D2": "mmm yyyy",
    }
    table = _block(make_workbook(sheets, formats=formats))
    assert table.rows == (("CCTV", "£331,000", "+1.5pts", "Sep 2024"),)  # type: ignore[attr-defined]


def test_unsupported_format_warns(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    data = [["Item", "Value"], ["x", 12345.678]]
    sheets = _with(valid_sheets, ["table", None, "Sci"], "Sci", data)
    loaded = load_document(make_workbook(sheets, formats={"Sci!B2": "0.00E+00"}))
    assert [str(w) for w in loaded.warnings] == [
        'Sci!B2: the number format "0.00E+00" is not supported; printed as "12345.678"'
    ]


def test_table_problems(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = valid_sheets()
    sheets["Content"] = [
        HEAD,
        ["section", "S"],
        ["table", None, "Empty"],
        ["table", None, "Late"],
        ["table", None, "Merged"],
    ]
    sheets["Empty"] = [["Only a header"]]
    sheets["Late"] = [[None], ["Header in row 2"], ["x"]]
    sheets["Merged"] = [["A", "B"], ["x", 1], ["y", 2], [None], ["note", None]]
    path = make_workbook(sheets, merged=["Merged!A2:A3", "Merged!A5:B5"])
    assert _errors(path) == [
        "Empty!A2: no data under the header; expected rows from row 2",
        "Late!A1: the sheet has no header in row 1; expected the data to start at A1",
        "Merged!A2:A3: merged cells inside the data; expected one value per cell (unmerge them)",
    ]


def test_value_right_of_header_warns(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    data = [["Item", "Value"], ["x", 1, "scribble"]]
    sheets = _with(valid_sheets, ["table", None, "T"], "T", data)
    assert [str(w) for w in load_document(make_workbook(sheets)).warnings] == [
        "T!C2: a value to the right of the header row is ignored; expected every column to "
        "have a header in row 1"
    ]


REPORTS = [
    ["Type", "Times used"],
    ["Reports to police", 6000],
    ["Crimestoppers", 1200],
    ["Victim support", 730],
]


def test_chart(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _with(
        valid_sheets, ["chart", "Total reports by type", "Reports", "Bar"], "Reports", REPORTS
    )
    chart = _block(make_workbook(sheets))
    assert isinstance(chart, Chart)
    assert (chart.title, chart.kind, chart.sheet) == ("Total reports by type", "bar", "Reports")
    assert chart.categories == ("Reports to police", "Crimestoppers", "Victim support")
    [series] = chart.series
    assert (series.name, series.values) == ("Times used", (6000.0, 1200.0, 730.0))
    assert series.value_texts == ("6,000", "1,200", "730")
    assert chart.alt_text == (
        "Bar chart: Total reports by type. Reports to police 6,000; Crimestoppers 1,200; "
        "Victim support 730."
    )


def test_chart_default_kind_percent_series_and_date_categories(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    data = [
        ["Quarter", "Rate", "Count"],
        [dt.datetime(2024, 6, 30), 0.25, 10],
        [dt.datetime(2024, 9, 30), None, "n/a"],
    ]
    sheets = _with(valid_sheets, ["chart", "Rates", "Rates"], "Rates", data)
    formats = {"Rates!A2": "mmm yyyy", "Rates!A3": "mmm yyyy", "Rates!B2": "0%"}
    chart = _block(make_workbook(sheets, formats=formats))
    assert chart.kind == "column"  # type: ignore[attr-defined]
    assert chart.categories == ("Jun 2024", "Sep 2024")  # type: ignore[attr-defined]
    rate, count = chart.series  # type: ignore[attr-defined]
    assert (rate.values, rate.value_texts) == ((25.0, None), ("25%", "–"))
    assert (count.values, count.value_texts) == ((10.0, None), ("10", "–"))


def test_chart_with_text_in_a_series(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    data = [*REPORTS, ["Other", "lots"]]
    sheets = _with(valid_sheets, ["chart", "Reports", "Reports"], "Reports", data)
    assert _errors(make_workbook(sheets)) == [
        'Reports!B5: found text "lots"; expected a number, a blank or "n/a"'
    ]


def test_chart_without_series(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    data = [["Type"], ["ASB"]]
    sheets = _with(valid_sheets, ["chart", "Reports", "Reports"], "Reports", data)
    assert _errors(make_workbook(sheets)) == [
        "Reports!B1: no series; expected a column of numbers from B1"
    ]


def test_chart_with_too_many_series_warns(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    data = [["Type", "a", "b", "c", "d", "e"], ["x", 1, 2, 3, 4, 5]]
    sheets = _with(valid_sheets, ["chart", "Many", "Many"], "Many", data)
    assert [str(w) for w in load_document(make_workbook(sheets)).warnings] == [
        "Many!F1: 5 series; expected at most 4 so colours stay distinguishable"
    ]


def test_pie_chart_with_negative_or_no_positive_values(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    """Found by the hard-input corpus: the PDF's pie crashed on these (matplotlib raises)."""
    sheets = valid_sheets()
    sheets["Content"] = [
        HEAD,
        ["section", "S"],
        ["chart", "Shares", "Shares", "pie"],
        ["chart", "Nothing", "Nothing", "pie"],
    ]
    sheets["Shares"] = [["Type", "Change"], ["ASB", -5], ["Burglary", 10], ["Robbery", None]]
    sheets["Nothing"] = [["Type", "Reports"], ["ASB", 0], ["Burglary", None]]
    assert _errors(make_workbook(sheets)) == [
        "Shares!B2: found -5 in a pie chart; expected zero or more (a pie cannot show a "
        "negative share; use a column or bar chart)",
        'Nothing!B2: the series "Reports" has no value above zero; expected at least one for '
        "a pie chart",
    ]


def test_negative_values_are_fine_in_a_column_chart(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    data = [["Type", "Change"], ["ASB", -5], ["Burglary", 10]]
    sheets = _with(valid_sheets, ["chart", "Change", "Change", "column"], "Change", data)
    assert _block(make_workbook(sheets)).series[0].values == (-5.0, 10.0)  # type: ignore[attr-defined]


def test_chart_with_no_figures_warns_and_prints_an_honest_empty_chart(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    data = [["Quarter", "Reports"], ["Q1", None], ["Q2", "n/a"]]
    sheets = _with(valid_sheets, ["chart", "Nothing yet", "Empty"], "Empty", data)
    loaded = load_document(make_workbook(sheets))
    assert [str(w) for w in loaded.warnings] == [
        "Empty!B2: the chart has no figures; it prints empty"
    ]
    chart = loaded.document.sections[0].blocks[0]
    assert b"No figures in the workbook for this chart" in chart_svg(chart, 400, 250)
