"""The Measures sheet: tables, values, units, footnotes and the computed change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.errors import WorkbookError
from generator.model import Assessment, MeasuresTable, Unit
from generator.parse import load_document
from generator.parse.measures import marker
from tests.conftest import PERIODS, MakeWorkbook, Sheets

ValidSheets = Callable[[], Sheets]
HEAD = ["Table", "Measure", "Unit", "Better", *PERIODS, "Note"]


def _measures(valid_sheets: ValidSheets, *rows: list[object], head: list[object] = HEAD) -> Sheets:
    sheets = valid_sheets()
    sheets["Measures"] = [head, *[list(row) for row in rows]]
    return sheets


def _table(path: Path, index: int = 1) -> MeasuresTable:
    block = load_document(path).document.sections[0].blocks[index]
    assert isinstance(block, MeasuresTable)
    return block


def _errors(path: Path) -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        load_document(path)
    return [str(problem) for problem in caught.value.problems]


def test_seed_rows_compute_change(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    table = _table(make_workbook(valid_sheets()))
    calls, answered = table.rows
    assert table.periods == tuple(PERIODS)
    assert calls.value_texts == ("113,176", "121,752", "113,266")
    assert (calls.change.text, calls.change.percent_text) == ("-8,486", "-7.0%")
    assert answered.value_texts == ("85.7%", "87.7%", "89.2%")
    assert (answered.change.text, answered.change.percent_text) == ("+1.5pts", "–")
    assert answered.change.assessment is Assessment.BETTER
    assert str(calls.source) == "Measures!B2"
    assert str(table.source) == "Content!C5"


def test_truncate_rounding(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = valid_sheets()
    sheets["Report"].append(["Rounding", "truncate"])
    assert _table(make_workbook(sheets)).rows[0].change.percent_text == "-6.9%"


def test_percent_as_fraction_in_percent_cells(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _measures(
        valid_sheets, ["999 calls", "Answered", "percent", "higher", 0.857, 0.877, 0.892]
    )
    formats = {f"Measures!{col}2": "0.0%" for col in "EFG"}
    row = _table(make_workbook(sheets, formats=formats)).rows[0]
    assert row.values == (85.7, 87.7, 89.2)
    assert row.change.text == "+1.5pts"


def test_missing_values(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _measures(valid_sheets, ["999 calls", "Calls", "count", "lower", "N/A ", None, 10])
    row = _table(make_workbook(sheets)).rows[0]
    assert row.values == (None, None, 10.0)
    assert row.value_texts == ("–", "–", "10")
    assert (row.change.text, row.change.percent_text) == ("–", "–")


def test_numbers_stored_as_text_warn(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _measures(
        valid_sheets,
        ["999 calls", "Calls", "count", "lower", "1,234", 1300, 1200],
        ["999 calls", "Rate", "percent", "higher", " 85.7% ", 87.7, 89.2],
        ["999 calls", "Spend", "currency", "", "£1,000", 1200.5, 1100],
    )
    loaded = load_document(make_workbook(sheets))
    calls, rate, spend = loaded.document.sections[0].blocks[1].rows  # type: ignore[union-attr]
    assert calls.values[0] == 1234
    assert rate.values[0] == 85.7
    assert spend.value_texts == ("£1,000", "£1,201", "£1,100")  # whole pounds
    assert [str(w) for w in loaded.warnings] == [
        'Measures!E2: the number "1,234" is stored as text; read as 1234 (format the cell as '
        "a number to silence this)",
        'Measures!E3: the number "85.7%" is stored as text; read as 85.7 (format the cell as '
        "a number to silence this)",
        'Measures!E4: the number "£1,000" is stored as text; read as 1000 (format the cell as '
        "a number to silence this)",
    ]


def test_text_in_number_cells(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _measures(
        valid_sheets,
        ["999 calls", "Calls", "count", "lower", "about 100", 1300, dt.datetime(2024, 1, 1)],
        ["999 calls", "Rate", "count", "lower", "85%", 1, True],
    )
    assert _errors(make_workbook(sheets)) == [
        'Measures!E2: found text "about 100"; expected a number, a blank or "n/a"',
        'Measures!G2: found "2024-01-01 0:00:00"; expected a number, a blank or "n/a"',
        'Measures!E3: found text "85%"; expected a number, a blank or "n/a"',
        'Measures!G3: found "TRUE"; expected a number, a blank or "n/a"',
    ]


def test_unknown_words_with_did_you_mean(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _measures(
        valid_sheets,
        ["999 calls", "Calls", "percnt", "lower", 1, 2, 3],
        ["999 calls", "Rate", "count", "hgher", 1, 2, 3],
        ["999 calls", "Wait", None, "lower", 1, 2, 3],
    )
    units = '"count", "percent", "number" or "currency"'
    assert _errors(make_workbook(sheets)) == [
        f'Measures!C2: unknown Unit "percnt" (did you mean "percent"?); expected {units}',
        'Measures!D3: unknown Better "hgher" (did you mean "higher"?); expected "lower" or '
        '"higher"',
        f"Measures!C4: no Unit; expected {units}",
    ]


def test_missing_table_and_label(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _measures(
        valid_sheets,
        ["999 calls", "Calls", "count", "lower", 1, 2, 3],
        [None, "Orphan", "count", "lower", 1, 2, 3],
        ["999 calls", None, "count", "lower", 1, 2, 3],
    )
    assert _errors(make_workbook(sheets)) == [
        "Measures!A3: no Table name; expected the name of the table this row belongs to (the "
        "name a Content measures row uses)",
        "Measures!B4: no Measure; expected the row label",
    ]


def test_one_period_column(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    head = ["Table", "Measure", "Unit", "Better", "12 months Sept 2024", "Note"]
    sheets = _measures(valid_sheets, ["999 calls", "Calls", "count", "lower", 1], head=head)
    assert _errors(make_workbook(sheets)) == [
        'Measures!E1: only one period column ("12 months Sept 2024"); expected two or more '
        'period columns after "Better", so the change can be computed'
    ]


def test_duplicate_headers(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    head = ["Table", "Measure", "Unit", "Better", "2023", "2023", "Measure"]
    sheets = _measures(valid_sheets, ["999 calls", "Calls", "count", "lower", 1, 2], head=head)
    assert _errors(make_workbook(sheets)) == [
        'Measures!G1: a second "Measure" column (also B1); expected each header once',
        'Measures!F1: the period "2023" is also the header of E1; expected every period column '
        "to have its own header",
    ]


def test_wrong_key_headers(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    head = ["Table", "Label", None, "Better", *PERIODS]
    sheets = _measures(valid_sheets, ["999 calls", "Calls", "count", "lower", 1, 2, 3], head=head)
    assert _errors(make_workbook(sheets)) == [
        'Measures!B1: found "Label"; expected the header "Measure"',
        'Measures!C1: no header; expected the header "Unit"',
    ]


def test_period_headers_print_as_excel_shows_them(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    head = ["Table", "Measure", "Unit", "Better", 2023, dt.datetime(2024, 9, 30), "Q3 2024"]
    sheets = _measures(valid_sheets, ["999 calls", "Calls", "count", "lower", 1, 2, 3], head=head)
    path = make_workbook(sheets, formats={"Measures!F1": "mmm yyyy"})
    assert _table(path).periods == ("2023", "Sep 2024", "Q3 2024")


def test_footnotes_share_markers(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    june = "12 months data up to June 2024"
    sheets = _measures(
        valid_sheets,
        ["999 calls", "A", "count", "lower", 1, 2, 3, june],
        ["999 calls", "B", "count", "lower", 1, 2, 3],
        ["999 calls", "C", "count", "lower", 1, 2, 3, " 12 months data up to june 2024"],
        ["999 calls", "D", "count", "lower", 1, 2, 3, "Provisional"],
    )
    table = _table(make_workbook(sheets))
    assert [row.marker for row in table.rows] == ["*", "", "*", "†"]
    assert [(f.marker, f.text, str(f.source)) for f in table.footnotes] == [
        ("*", june, "Measures!H2"),
        ("†", "Provisional", "Measures!H5"),
    ]


def test_marker_sequence() -> None:
    assert [marker(i) for i in range(7)] == ["*", "†", "‡", "§", "¶", "**", "††"]


def test_rows_of_a_table_need_not_be_adjacent(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _measures(
        valid_sheets,
        ["999 calls", "A", "count", "lower", 1, 2, 3],
        ["Other", "X", "count", "lower", 1, 2, 3],
        ["999 calls", "B", "count", "lower", 1, 2, 3],
    )
    assert [row.label for row in _table(make_workbook(sheets)).rows] == ["A", "B"]


def test_number_unit_decimals(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _measures(
        valid_sheets,
        ["999 calls", "Wait (s)", "number", "lower", 14.4, 10, 12],
        ["999 calls", "Formatted", "number", "lower", 1, 2, 3],
    )
    path = make_workbook(sheets, formats={"Measures!F3": "0.00"})
    wait, formatted = _table(path).rows
    assert wait.value_texts == ("14.4", "10.0", "12.0")
    assert (wait.change.text, wait.change.percent_text) == ("+2.0", "+20.0%")
    assert formatted.value_texts == ("1.00", "2.00", "3.00")
    assert wait.unit is Unit.NUMBER


def test_fractional_count_warns(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _measures(valid_sheets, ["999 calls", "Calls", "count", "lower", 1, 2.5, 3])
    [warning] = load_document(make_workbook(sheets)).warnings
    assert str(warning) == (
        'Measures!F2: 2.5 is not a whole number but the Unit is "count"; it prints rounded '
        '(use the Unit "number" to show decimals)'
    )


def test_merged_cells_in_measures(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    path = make_workbook(valid_sheets(), merged=["Measures!A2:A3"])
    assert _errors(path) == [
        "Measures!A2:A3: merged cells; expected one value per cell (unmerge them)",
        "Measures!A3: no Table name; expected the name of the table this row belongs to (the "
        "name a Content measures row uses)",
    ]


def test_columns_after_note_warn(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _measures(
        valid_sheets,
        ["999 calls", "Calls", "count", "lower", 1, 2, 3, None, "scratch"],
        head=[*HEAD, "Workings"],
    )
    [warning] = load_document(make_workbook(sheets)).warnings
    assert str(warning) == (
        'Measures!I1: extra column "Workings" after "Note" is ignored; expected the period '
        'columns between "Better" and "Note"'
    )


def test_a_measure_repeated_in_a_table_warns(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    """Last quarter's block pasted below this quarter's: the rows join one table, twice."""
    sheets = _measures(
        valid_sheets,
        ["999 calls", "Calls", "count", "lower", 1, 2, 3],
        ["999 Calls ", " calls", "count", "lower", 4, 5, 6],
    )
    loaded = load_document(make_workbook(sheets))
    assert [str(w) for w in loaded.warnings] == [
        'Measures!B3: the measure "calls" is already in the table "999 calls" at Measures!B2; '
        "it prints twice"
    ]
    assert [row.values for row in _table(make_workbook(sheets)).rows] == [
        (1.0, 2.0, 3.0),
        (4.0, 5.0, 6.0),
    ]


def test_empty_measures_sheet(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = valid_sheets()
    sheets["Measures"] = []
    assert _errors(make_workbook(sheets)) == [
        'Measures: the sheet is empty; expected a header row with "Table", "Measure", "Unit" '
        'and "Better"'
    ]


def test_a_table_no_content_row_places_is_a_warning(
    make_workbook: MakeWorkbook, valid_sheets: Callable[[], Sheets]
) -> None:
    sheets = valid_sheets()
    sheets["Measures"].append(["Orphan", "Forgotten measure", "count", "lower", 1, 2, 3])
    loaded = load_document(make_workbook(sheets))
    assert [str(w) for w in loaded.warnings] == [
        'Measures!A4: the measures table "Orphan" is in no Content row, so it does not print; '
        'add a "measures" row naming it, or delete its rows'
    ]


def test_currency_prints_pence_only_when_a_cell_format_asks(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _measures(
        valid_sheets,
        ["999 calls", "Spend", "currency", "", 1000.4, 1200.5, 1100],
        ["999 calls", "Cost per call", "currency", "", 3.5, 3.25, 3.1],
    )
    path = make_workbook(sheets, formats={"Measures!F3": "£#,##0.00"})
    spend, cost = load_document(path).document.sections[0].blocks[1].rows  # type: ignore[union-attr]
    assert spend.value_texts == ("£1,000", "£1,201", "£1,100")
    assert spend.change.text == "-£101"  # from the figures, 1100 - 1200.5, rounded
    assert cost.value_texts == ("£3.50", "£3.25", "£3.10")


def test_a_typed_footnote_marker_with_a_note_warns(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _measures(
        valid_sheets,
        ["999 calls", "Average wait (minutes)*", "number", "lower", 1.5, 1.2, 1.1, "Sampled"],
    )
    loaded = load_document(make_workbook(sheets))
    assert [str(w) for w in loaded.warnings] == [
        'Measures!B2: the Measure ends with the footnote marker "*" and also has a Note, which '
        'adds its own marker, so it prints with two (e.g. "Average wait (minutes)**"); '
        "expected the label without a typed marker"
    ]
