"""The Measures sheet's optional Key and Base columns."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.errors import WorkbookError
from generator.model import MeasureBase, MeasuresTable
from generator.parse import load_document
from tests.conftest import PERIODS, MakeWorkbook, Sheets

ValidSheets = Callable[[], Sheets]
HEAD = ["Table", "Measure", "Unit", "Better", *PERIODS, "Note", "Key", "Base"]
CALLS = ["999 calls", "Calls received", "count", "", 113176, 121752, 113266, None, "calls999"]
RATE = ["999 calls", "% answered in 10 s", "percent", "higher", 85.7, 87.7, 89.2, None]


def _sheets(valid_sheets: ValidSheets, *rows: list[object], head: list[object] = HEAD) -> Sheets:
    sheets = valid_sheets()
    sheets["Measures"] = [head, *[list(row) for row in rows]]
    return sheets


def _table(path: Path) -> MeasuresTable:
    block = load_document(path).document.sections[0].blocks[1]
    assert isinstance(block, MeasuresTable)
    return block


def _errors(path: Path) -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        load_document(path)
    return [str(problem) for problem in caught.value.problems]


def test_key_and_base_are_read(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _sheets(valid_sheets, CALLS, [*RATE, "answered10", "Calls999"])
    calls, rate = _table(make_workbook(sheets)).rows
    assert (calls.key, calls.base) == ("calls999", None)
    assert rate.key == "answered10"
    # -- keys match ignoring case; the base carries the count's own values --
    assert rate.base == MeasureBase("calls999", "Calls received", (113176, 121752, 113266))


def test_a_base_may_name_a_later_row_in_another_table(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    later = ["Other", "Calls received", "count", "", 1, 2, 3, None, "calls999"]
    sheets = _sheets(valid_sheets, [*RATE, None, "calls999"], later)
    sheets["Content"].append(["measures", None, "Other", None])
    [rate] = _table(make_workbook(sheets)).rows
    assert rate.base is not None and rate.base.values == (1, 2, 3)


def test_key_and_base_columns_in_any_order_and_without_note(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    head = ["Table", "Measure", "Unit", "Better", *PERIODS, "Base", "Key"]
    calls = [*CALLS[:7], None, "calls"]
    sheets = _sheets(valid_sheets, calls, [*RATE[:7], "calls", "rate"], head=head)
    calls_row, rate = _table(make_workbook(sheets)).rows
    assert (calls_row.key, rate.key) == ("calls", "rate")
    assert rate.base is not None and rate.base.key == "calls"
    assert len(_table(make_workbook(sheets)).periods) == 3


def test_without_the_columns_rows_have_no_key(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    rows = _table(make_workbook(valid_sheets())).rows
    assert [(row.key, row.base) for row in rows] == [("", None), ("", None)]


def test_bad_and_duplicate_keys(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _sheets(
        valid_sheets,
        CALLS,
        [*RATE, "calls 999!"],
        ["999 calls", "Again", "count", "lower", 1, 2, 3, None, "CALLS999"],
        ["999 calls", "Fine", "count", "lower", 1, 2, 3, None, "under_25"],
    )
    assert _errors(make_workbook(sheets)) == [
        'Measures!I3: the Key "calls 999!" contains space "!"; expected a short name of '
        'letters, digits and "_" only, e.g. "calls999"',
        'Measures!I4: the Key "CALLS999" is already the Key of "Calls received" at '
        "Measures!I2; expected each Key once in the workbook",
    ]


def test_base_errors_name_the_cell(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _sheets(
        valid_sheets,
        CALLS,
        [*RATE, "rate", "calls99"],
        [*RATE[:1], "Rate of a rate", *RATE[2:], "rate2", "rate"],
        [*CALLS[:8], "calls2", "calls999"],
        [*RATE[:1], "Spend", "number", "", 1, 2, 3, None, None, "calls999"],
    )
    assert _errors(make_workbook(sheets)) == [
        'Measures!J3: unknown Base "calls99" (did you mean "calls999"?); expected the Key of '
        "the count measure the rate is a share of (e.g. the calls received)",
        'Measures!J4: the Base "rate" is "% answered in 10 s" at Measures!B3, a "percent" '
        'measure; expected the Key of a "count" measure',
        'Measures!J5: a Base on a "count" row; expected a Base only on a "percent" row (the '
        "Key of the count the rate is a share of), or a blank",
        'Measures!J6: a Base on a "number" row; expected a Base only on a "percent" row (the '
        "Key of the count the rate is a share of), or a blank",
    ]


def test_a_base_naming_a_broken_row_adds_no_second_error(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    broken = ["999 calls", "Calls received", "cnt", "", 1, 2, 3, None, "calls999"]
    sheets = _sheets(valid_sheets, broken, [*RATE, None, "calls999"])
    assert _errors(make_workbook(sheets)) == [
        'Measures!C2: unknown Unit "cnt" (did you mean "count"?); expected "count", '
        '"percent", "number" or "currency"'
    ]


def test_a_column_after_the_optional_ones_still_warns(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _sheets(valid_sheets, CALLS, head=[*HEAD, "Workings"])
    [warning] = load_document(make_workbook(sheets)).warnings
    assert str(warning) == (
        'Measures!K1: extra column "Workings" after "Note" is ignored; expected the period '
        'columns between "Better" and "Note"'
    )
