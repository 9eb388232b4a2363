"""Shared fixtures: tiny workbooks built in tmp_path from plain Python data.

`make_workbook(sheets, name="book.xlsx", formats=None, merged=None) -> Path`
    sheets:  {"Sheet title": [[A1, B1, ...], [A2, B2, ...], ...]}; None is a blank cell,
             a string starting with "=" is a formula (openpyxl stores it with no cached
             value, exactly like a workbook never opened in Excel).
    formats: {"Sheet!B2": "0.0%"} number formats for single cells.
    merged:  ["Sheet!A1:B2"] ranges to merge.
    Returns the path of the saved workbook (in tmp_path, next to any images you write).

`valid_sheets()` (a fixture returning a function) gives a fresh dict for a small workbook
that loads cleanly: Report, Content (one section with a paragraph and a measures table),
and Measures. Tests change one thing and assert on the exact message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

Sheets = dict[str, list[list[Any]]]
MakeWorkbook = Callable[..., Path]

PERIODS = ["12 months Sept 2022", "12 months Sept 2023", "12 months Sept 2024"]


def build_workbook(
    path: Path,
    sheets: Sheets,
    formats: dict[str, str] | None = None,
    merged: list[str] | None = None,
) -> Path:
    """Write `sheets` to `path` with openpyxl (see the module docstring)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    for where, code in (formats or {}).items():
        title, cell = where.split("!")
        book[title][cell].number_format = code
    for where in merged or []:
        title, cells = where.split("!")
        book[title].merge_cells(cells)
    book.save(path)
    return path


@pytest.fixture
def make_workbook(tmp_path: Path) -> MakeWorkbook:
    def make(
        sheets: Sheets,
        name: str = "book.xlsx",
        formats: dict[str, str] | None = None,
        merged: list[str] | None = None,
    ) -> Path:
        return build_workbook(tmp_path / name, sheets, formats, merged)

    return make


def _valid() -> Sheets:
    return {
        "Report": [
            ["Field", "Value"],
            ["Title", "Police and Crime Plan"],
            ["Published", "2024-10-31"],
        ],
        "Content": [
            ["Type", "Text", "Data", "Option"],
            ["theme", "Access to Police Services", None, None],
            ["section", "Emergency Calls (999 service)", None, None],
            ["paragraph", "A **reduction** in calls.", None, None],
            ["measures", None, "999 calls", None],
        ],
        "Measures": [
            ["Table", "Measure", "Unit", "Better", *PERIODS, "Note"],
            ["999 calls", "Number of 999 calls received", "count", "", 113176, 121752, 113266],
            [
                "999 calls",
                "% 999 calls answered within 10 seconds",
                "percent",
                "higher",
                85.7,
                87.7,
                89.2,
            ],
        ],
    }


@pytest.fixture
def valid_sheets() -> Callable[[], Sheets]:
    return _valid
