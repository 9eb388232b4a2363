"""`diff` between an edition and a copy with known changes reports exactly those."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from generator.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "example.xlsx"


@pytest.fixture
def revised(tmp_path: Path) -> Path:
    """The example with one revised figure, one changed assessment and one new measure."""
    copy = tmp_path / "revised.xlsx"
    shutil.copy(EXAMPLE, copy)
    book = openpyxl.load_workbook(copy)
    sheet = book["Measures"]
    assert sheet["B2"].value == "Number of 999 calls received"
    assert sheet["E2"].value == 113176  # 12 months Sept 2022
    sheet["E2"] = 113200
    assert sheet["B6"].value == "Total recorded crime" and sheet["D6"].value == "lower"
    sheet["D6"] = "higher"  # the same fall is now a deterioration
    row = sheet.max_row + 1
    while sheet.cell(row - 1, 1).value is None:
        row -= 1
    for column, value in enumerate(["ASB", "New measure", "count", "lower", 10, 12, 11], 1):
        sheet.cell(row, column, value)
    book.save(copy)
    return copy


def test_diff_reports_exactly_the_changes(
    revised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "changes.html"
    assert main(["diff", str(EXAMPLE), str(revised), "--html", str(page)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Changes from example.xlsx to revised.xlsx"
    blocks = [b.splitlines() for b in out.split("\n\n")[1:]]
    assert blocks[0] == ["Measures added (1)", "  ASB › New measure"]
    assert blocks[1] == [
        "Figures revised (1)",
        "  999 calls › Number of 999 calls received, 12 months Sept 2022: 113,176 → 113,200 "
        "(Measures!B2)",
    ]
    assert blocks[2][0] == "Assessments changed (1)"
    assert blocks[2][1].startswith("  Neighbourhood crime › Total recorded crime: Better → Worse")
    assert len(blocks) == 3  # nothing else: no sections added, removed or re-worded
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<html lang="en-GB">' in text
    assert "<h2>Figures revised (1)</h2>" in text and "113,176 → 113,200" in text
    assert "<script" not in text and "http" not in text  # self-contained


def test_diff_of_an_edition_with_itself_says_nothing_changed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["diff", str(EXAMPLE), str(EXAMPLE)]) == 0
    assert "No changes" in capsys.readouterr().out


def test_diff_names_sections_added_removed_and_reworded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "words.xlsx"
    shutil.copy(EXAMPLE, copy)
    book = openpyxl.load_workbook(copy)
    sheet = book["Content"]
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    paragraph = rows["paragraph"]
    sheet.cell(paragraph, 2).value = "New words."
    book.save(copy)
    assert main(["diff", str(EXAMPLE), str(copy)]) == 0
    out = capsys.readouterr().out
    assert "Sections re-worded (1)" in out
