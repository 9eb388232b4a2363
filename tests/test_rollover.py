"""`new-quarter`: next quarter's workbook, checked as a user would check it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest

from generator.cli import main
from generator.model import MeasuresTable
from generator.parse import load_document
from generator.rollover import next_period

INPUTS = Path(__file__).resolve().parent.parent / "inputs"


def test_the_period_moves_on_and_the_financial_year_rolls_at_quarter_1() -> None:
    assert next_period("Quarter 2", "2024-2025") == ("Quarter 3", "2024-2025")
    assert next_period("Quarter 4", "2024-2025") == ("Quarter 1", "2025-2026")
    assert next_period("Q4", "2024-25") == ("Q1", "2025-26")
    assert next_period("Spring", "2024") is None


def test_rolling_the_example_gives_a_workbook_check_accepts_with_review_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "q3.xlsx"
    assert main(["new-quarter", str(INPUTS / "example.xlsx"), str(target)]) == 0
    loaded = load_document(target)
    report = loaded.document.report
    assert (report.year, report.period) == ("2024-2025", "Quarter 3")
    assert report.footer.endswith("2024-25 Quarter 3")
    tables = [b for s in loaded.document.sections for b in s.blocks if isinstance(b, MeasuresTable)]
    assert tables[0].periods == ("12 months Dec 2022", "12 months Dec 2023", "12 months Dec 2024")
    assert all(v is None for t in tables for row in t.rows for v in row.values)
    messages = [w.message for w in loaded.warnings]
    # -- new-quarter clears Published, so check reminds the analyst to date the edition --
    assert messages and all(
        "flagged for review" in m or "no figures yet" in m or m.startswith("no Published date")
        for m in messages
    )
    assert sum("no figures yet" in m for m in messages) == 1
    flagged = [w for w in loaded.warnings if "flagged for review" in w.message]
    book = openpyxl.load_workbook(target)
    first = book["Content"][flagged[0].where.cell if flagged[0].where else "B1"]
    assert first.comment is not None and "new-quarter" in first.comment.text
    assert (
        first.value
        == openpyxl.load_workbook(INPUTS / "example.xlsx")["Content"][first.coordinate].value
    )  # the words are kept


def test_rolling_the_monthly_example_adds_three_empty_months(tmp_path: Path) -> None:
    target = tmp_path / "next.xlsx"
    assert main(["new-quarter", str(INPUTS / "example-monthly.xlsx"), str(target)]) == 0
    sheet = openpyxl.load_workbook(target)["Monthly"]
    header = [c.value for c in sheet[1]]
    months = [dt.datetime(2024, m, 1) for m in (10, 11, 12)]
    at = header.index(months[0])
    assert header[at - 1] == dt.datetime(2024, 9, 1)
    assert header[at : at + 4] == [*months, "Note"]
    assert all(sheet.cell(2, at + 1 + k).value is None for k in range(3))
    assert load_document(target).document.report.period == "Quarter 3"


def test_quarter_4_rolls_the_year_and_published_moves_on(tmp_path: Path) -> None:
    source = tmp_path / "q4.xlsx"
    shutil.copy(INPUTS / "example.xlsx", source)
    book = openpyxl.load_workbook(source)
    report = book["Report"]
    rows = {report.cell(r, 1).value: r for r in range(2, report.max_row + 1)}
    report.cell(rows["Period"], 2).value = "Quarter 4"
    report.cell(rows["Published"], 2).value = dt.datetime(2025, 4, 30)
    report.cell(rows["Footer"], 2).value = "Summary 2024-25 Quarter 4"
    book.save(source)
    target = tmp_path / "q1.xlsx"
    assert main(["new-quarter", str(source), str(target)]) == 0
    rolled = load_document(target).document.report
    assert (rolled.year, rolled.period) == ("2025-2026", "Quarter 1")
    assert rolled.published == dt.date(2025, 7, 30)
    assert rolled.footer == "Summary 2025-26 Quarter 1"


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "next.xlsx"
    target.write_bytes(b"keep me")
    assert main(["new-quarter", str(INPUTS / "example.xlsx"), str(target)]) == 1
    assert target.read_bytes() == b"keep me"
    assert main(["new-quarter", str(INPUTS / "example.xlsx"), str(target), "--force"]) == 0
    assert target.read_bytes() != b"keep me"
