"""The Monthly sheet: rolling windows, labels and errors, on figures worked out by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from generator.errors import WorkbookError
from generator.model import MeasuresTable, Trend
from generator.monthly import Month, next_quarter_label, read_month, window_label, window_rate
from generator.parse import load_document
from generator.spc import Variation
from tests.conftest import MakeWorkbook

MONTHS = [dt.datetime(2022 + i // 12, i % 12 + 1, 1) for i in range(36)]  # Jan 2022 - Dec 2024
HEAD: list[Any] = ["Table", "Measure", "Unit", "Better", *MONTHS, "Note", "Key", "Base"]
COUNTS = list(range(1, 37))  # windows: 1..12 = 78, 13..24 = 222, 25..36 = 366
RATES = [50.0, 100.0] * 18  # with bases 1 and 3: (50 + 300) / 4 = 87.5 in every window
BASES = [1, 3] * 18


def _sheets(
    *rows: list[Any], report: dict[str, Any] | None = None, head: list[Any] = HEAD
) -> dict[str, list[list[Any]]]:
    fields = {"Title": "T", "Published": "2024-10-31", **(report or {})}
    return {
        "Report": [["Field", "Value"], *[[k, v] for k, v in fields.items()]],
        "Content": [
            ["Type", "Text", "Data", "Option"],
            ["section", "S", None, None],
            ["measures", None, "Calls", None],
            ["trend", None, "calls", None],
        ],
        "Monthly": [head, *rows],
    }


def _rows() -> list[list[Any]]:
    return [
        ["Calls", "Calls received", "count", None, *BASES, None, "calls", None],
        ["Calls", "Answered", "percent", "higher", *RATES, None, "answered", "calls"],
        ["Calls", "Crimes", "count", "lower", *COUNTS, None, "crimes", None],
    ]


def _errors(path: Path) -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        load_document(path)
    return [str(problem) for problem in caught.value.problems]


def test_months_and_labels() -> None:
    assert read_month(dt.date(2024, 9, 17)) == Month(2024, 9)
    assert read_month("Sep 2024") == read_month("September 2024") == Month(2024, 9)
    assert read_month("Sept 2024") == read_month("2024-09") == read_month("Sep-24")
    assert read_month("Quarter 2") is None
    assert window_label(Month(2024, 9), 12) == "12 months Sept 2024"
    assert window_label(Month(2024, 6), 3) == "3 months June 2024"
    assert next_quarter_label("12 months Sept 2024") == "12 months Dec 2024"
    assert next_quarter_label("12 months Dec 2024") == "12 months Mar 2025"
    assert next_quarter_label("Total") is None


def test_a_percent_window_is_weighted_by_its_base_not_a_mean_of_months() -> None:
    assert window_rate([50.0, 100.0], [1, 3]) == 87.5  # the mean of months would be 75
    assert window_rate([50.0, None], [1, 3]) is None


def test_windows_are_summed_and_labelled(make_workbook: MakeWorkbook) -> None:
    document = load_document(make_workbook(_sheets(*_rows()))).document
    table = document.sections[0].blocks[0]
    assert isinstance(table, MeasuresTable)
    assert table.periods == ("12 months Dec 2022", "12 months Dec 2023", "12 months Dec 2024")
    calls, answered, crimes = table.rows
    assert crimes.values == (78, 222, 366)
    assert crimes.value_texts == ("78", "222", "366")
    assert calls.values == (24, 24, 24)
    assert answered.values == (87.5, 87.5, 87.5)
    assert answered.base is not None and answered.base.values == (24, 24, 24)


def test_window_and_periods_from_report(make_workbook: MakeWorkbook) -> None:
    sheets = _sheets(*_rows(), report={"Periods": 2, "Window": 3})
    table = load_document(make_workbook(sheets)).document.sections[0].blocks[0]
    assert isinstance(table, MeasuresTable)
    assert table.periods == ("3 months Dec 2023", "3 months Dec 2024")
    assert table.rows[2].values == (22 + 23 + 24, 34 + 35 + 36)


def test_windows_end_at_the_last_month_with_data(make_workbook: MakeWorkbook) -> None:
    rows = _rows()
    for row in rows:
        row[4 + 33 : 4 + 36] = [None, None, None]  # Oct-Dec 2024 still to come
    table = load_document(make_workbook(_sheets(*rows, report={"Window": 3}))).document
    block = table.sections[0].blocks[0]
    assert isinstance(block, MeasuresTable)
    assert block.periods[-1] == "3 months Sept 2024"


def test_a_trend_charts_the_months(make_workbook: MakeWorkbook) -> None:
    block = load_document(make_workbook(_sheets(*_rows()))).document.sections[0].blocks[1]
    assert isinstance(block, Trend)
    assert block.months[0] == "Jan 2022" and len(block.values) == 36
    assert block.spc.variation is Variation.COMMON  # 1 and 3 alternating: steady
    assert block.alt_text.startswith("SPC chart: calls received by month, Jan 2022 to Dec 2024.")
    assert block.alt_text.endswith("common cause variation.")


def test_months_must_be_consecutive(make_workbook: MakeWorkbook) -> None:
    head = [*HEAD]
    head[4 + 5] = dt.datetime(2022, 7, 1)  # June is missing: May then July
    errors = _errors(make_workbook(_sheets(*_rows(), head=head)))
    assert any(e.startswith('Monthly!J1: "July 2022" follows "May 2022"') for e in errors)


def test_a_month_missing_in_the_middle_of_a_row(make_workbook: MakeWorkbook) -> None:
    rows = _rows()
    rows[2][4 + 10] = None  # Nov 2022, column O
    errors = _errors(make_workbook(_sheets(*rows)))
    assert any(e.startswith("Monthly!O4: no figure for Nov 2022 between Jan 2022") for e in errors)


def test_a_window_reaching_before_the_first_month(make_workbook: MakeWorkbook) -> None:
    errors = _errors(make_workbook(_sheets(*_rows(), report={"Periods": 4})))
    assert any(
        e.startswith('Monthly!A2: the table "Calls" needs months from Jan 2021') for e in errors
    )


def test_a_percent_row_needs_a_base(make_workbook: MakeWorkbook) -> None:
    rows = _rows()
    rows[1][-1] = None
    errors = _errors(make_workbook(_sheets(*rows)))
    assert any(e.startswith("Monthly!AQ3: no Base for a percent row") for e in errors)


def test_a_table_in_both_monthly_and_measures(make_workbook: MakeWorkbook) -> None:
    sheets = _sheets(*_rows())
    sheets["Measures"] = [
        ["Table", "Measure", "Unit", "Better", "2023", "2024"],
        ["Calls", "Other", "count", None, 1, 2],
    ]
    errors = _errors(make_workbook(sheets))
    assert any('the table "Calls" is in both Monthly and Measures' in e for e in errors)
    assert any(e.startswith("Monthly!B2:") for e in errors)


def test_a_trend_with_an_unknown_key(make_workbook: MakeWorkbook) -> None:
    sheets = _sheets(*_rows())
    sheets["Content"][3] = ["trend", None, "crime", None]
    errors = _errors(make_workbook(sheets))
    assert any(
        e.startswith('Content!C4: unknown Key "crime" (did you mean "crimes"?)') for e in errors
    )


def test_a_line_trend_is_a_plain_line_chart(make_workbook: MakeWorkbook) -> None:
    from generator.model import Chart

    sheets = _sheets(*_rows())
    sheets["Content"][3] = ["trend", "Crimes", "crimes", "line"]
    block = load_document(make_workbook(sheets)).document.sections[0].blocks[1]
    assert isinstance(block, Chart) and block.kind == "line"
    assert block.categories[-1] == "Dec 2024" and block.series[0].values[-1] == 36


def test_a_monthly_table_no_content_row_places_is_a_warning(make_workbook: MakeWorkbook) -> None:
    sheets = _sheets(*_rows())
    sheets["Content"] = [*sheets["Content"][:2], ["paragraph", "Words", None, None]]
    warnings = [str(w) for w in load_document(make_workbook(sheets)).warnings]
    assert warnings == [
        'Monthly!B2: the measures table "Calls" is in no Content row, so it does not print; '
        'add a "measures" row naming it, or delete its rows'
    ]


def test_a_key_is_unique_across_monthly_and_measures(make_workbook: MakeWorkbook) -> None:
    sheets = _sheets(*_rows())
    sheets["Content"].append(["measures", None, "Other", None])
    sheets["Measures"] = [
        ["Table", "Measure", "Unit", "Better", "2023", "2024", "Key"],
        ["Other", "Other crimes", "count", None, 1, 2, "crimes"],
    ]
    errors = _errors(make_workbook(sheets))
    assert any(
        e.startswith('Monthly!B4: the Key "crimes" is also the Key of "Other crimes"')
        for e in errors
    )


def test_a_table_kept_for_its_trends_alone_needs_no_windows(make_workbook: MakeWorkbook) -> None:
    sheets = _sheets(*_rows(), report={"Periods": 4})  # windows would reach before Jan 2022
    sheets["Content"] = [row for row in sheets["Content"] if row[0] != "measures"]
    loaded = load_document(make_workbook(sheets))
    assert loaded.warnings == ()
    assert isinstance(loaded.document.sections[0].blocks[0], Trend)
