"""The template an analyst starts from: committed copy up to date, layout, drop-downs, help."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from generator import contract
from generator.authoring.template import write_template
from generator.cli import main
from generator.model import Report
from generator.parse import load_document
from generator.workbook import MAX_ROWS

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "inputs" / "template.xlsx"
REPORT_FIELDS = [
    "Title",
    "Subtitle",
    "Year",
    "Period",
    "Organisation",
    "Language",
    "Rounding",
    "Assessment",
    "Measure heading",
    "Change heading",
    "Percent change heading",
    "Assessment heading",
    "Brand colour",
    "Logo",
    "Page",
    "Footer",
    "Published",
    "Subject",
    "Keywords",
    "Periods",
    "Window",
]


# -- Helpers shared with test_example_workbook -------------------------------------------


def snapshot(path: Path) -> dict[str, Any]:
    """What an analyst sees in a workbook: values, looks, drop-downs, panes, sheet order."""
    book = openpyxl.load_workbook(path)
    return {sheet.title: _sheet_snapshot(sheet) for sheet in book.worksheets}


def _sheet_snapshot(sheet: Any) -> dict[str, Any]:
    cells = {
        cell.coordinate: (
            cell.value,
            cell.number_format,
            cell.font.bold,
            cell.font.color.rgb if cell.font.color else None,
            cell.fill.fgColor.rgb,
            cell.alignment.wrap_text,
            cell.comment.text if cell.comment else None,
        )
        for row in sheet.iter_rows()
        for cell in row
    }
    return {
        "cells": cells,
        "freeze": sheet.freeze_panes,
        "widths": {k: d.width for k, d in sheet.column_dimensions.items()},
        "validations": validations(sheet),
    }


def validations(sheet: Any) -> dict[str, tuple[str, bool]]:
    """Each validated range -> (its list formula, whether a blank is allowed)."""
    return {
        str(v.sqref): (v.formula1, bool(v.allow_blank))
        for v in sheet.data_validations.dataValidation
    }


def list_words(formula: str) -> list[str]:
    assert formula.startswith('"') and formula.endswith('"'), formula
    return formula[1:-1].split(",")


def soffice_roundtrip(source: Path, tmp_path: Path) -> Path:
    """Open and re-save through LibreOffice headless: it fails on a file it cannot read."""
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    outdir = tmp_path / "converted"
    profile = (tmp_path / "lo").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless"]
    command += ["--convert-to", "xlsx", "--outdir", str(outdir), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    converted = outdir / source.name
    assert converted.exists(), f"LibreOffice did not convert {source.name}"
    return converted


# -- The committed template ----------------------------------------------------------


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.xlsx"
    write_template(path)
    return path


def test_committed_template_is_what_write_template_writes(written: Path) -> None:
    assert snapshot(TEMPLATE) == snapshot(written), "run python scripts/make_inputs.py"


def test_writing_twice_gives_identical_bytes(written: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.xlsx"
    write_template(again)
    assert again.read_bytes() == written.read_bytes()


def test_cli_template_command_writes_the_template(written: Path, tmp_path: Path) -> None:
    target = tmp_path / "new.xlsx"
    assert main(["template", str(target)]) == 0
    assert target.read_bytes() == written.read_bytes()


def test_sheets_come_in_contract_order_with_frozen_styled_headers() -> None:
    book = openpyxl.load_workbook(TEMPLATE)
    assert book.sheetnames == ["Instructions", "Report", "Content", "Measures", "Monthly"]
    assert book.active.title == "Instructions"
    headers = {
        "Report": ["Field", "Value"],
        "Content": ["Type", "Text", "Data", "Option"],
        "Measures": ["Table", "Measure", "Unit", "Better"],
    }
    for name, expected in headers.items():
        sheet = book[name]
        assert sheet.freeze_panes == "A2"
        row = [c.value for c in sheet[1] if c.value is not None]
        assert row[: len(expected)] == expected
        assert all(c.font.bold and c.fill.fgColor.rgb.endswith("12436D") for c in sheet[1])
    measures = [c.value for c in book["Measures"][1]]
    assert measures[-3:] == ["Note", "Key", "Base"] and len(measures) >= 9  # two periods+
    monthly = [c.value for c in book["Monthly"][1]]
    assert monthly[:4] == ["Table", "Measure", "Unit", "Better"]
    assert monthly[-3:] == ["Note", "Key", "Base"] and len(monthly) == 4 + 36 + 3
    assert book["Monthly"]["E1"].number_format == "mmm yyyy"
    assert book["Monthly"].max_row == 1 + 50  # no rows: spare input rows only


def test_long_text_columns_are_wide_and_wrap() -> None:
    book = openpyxl.load_workbook(TEMPLATE)
    for sheet, column in (("Content", "B"), ("Report", "B"), ("Measures", "B")):
        assert book[sheet].column_dimensions[column].width >= 50
        assert book[sheet][f"{column}2"].alignment.wrap_text


def test_report_lists_every_model_field_with_help_and_no_extra_column() -> None:
    sheet = openpyxl.load_workbook(TEMPLATE)["Report"]
    fields = [sheet.cell(row, 1).value for row in range(2, sheet.max_row + 1)]
    assert fields == REPORT_FIELDS
    model = {f.name for f in dataclasses.fields(Report)} - {"sources"}
    assert {name.lower().replace(" ", "_") for name in fields} == model
    assert sheet.max_column == 2
    for row in range(2, sheet.max_row + 1):
        comment = sheet.cell(row, 1).comment
        assert comment is not None and len(comment.text) > 20, fields[row - 2]
    assert "nearest" in sheet["A8"].comment.text and "truncate" in sheet["A8"].comment.text


def validated_columns(sheet: Any) -> dict[str, tuple[list[str], bool]]:
    found = {}
    for cells, (formula, blank) in validations(sheet).items():
        if not formula.startswith('"'):
            continue  # not a drop-down list
        found[cells.split(":")[0].rstrip("0123456789")] = (list_words(formula), blank)
    return found


def test_drop_down_lists_offer_the_contract_words() -> None:
    book = openpyxl.load_workbook(TEMPLATE)
    content = validated_columns(book["Content"])
    assert content["A"][0] == [
        "theme", "section", "paragraph", "bullet", "measures", "table",
        "chart", "trend", "callout", "note", "image", "notes", "break", "summary",
    ]  # fmt: skip
    assert content["D"] == (["column", "bar", "line", "pie", "spc", "1", "2", "3", "total"], True)
    measures = validated_columns(book["Measures"])
    assert measures["C"] == (["count", "percent", "number", "currency"], False)
    assert measures["D"] == (["lower", "higher"], True)  # blank means neutral
    report = validations(book["Report"])
    assert report["B8"] == ('"nearest,truncate"', True)
    assert report["B9"] == ('"significance,direction"', True)
    assert report["B16"] == ('"A4 portrait,A4 landscape"', True)
    assert list_words(report["A2:A22"][0]) == REPORT_FIELDS
    assert report["B18"] == ("1", True)  # Published: any date, or blank
    assert book["Report"].data_validations.dataValidation[-1].type == "date"
    assert book["Report"]["A8"].value == "Rounding" and book["Report"]["A16"].value == "Page"


def test_validations_reach_every_row_the_generator_reads() -> None:
    for path in (TEMPLATE, TEMPLATE.with_name("example.xlsx")):
        book = openpyxl.load_workbook(path)
        for name in ("Content", "Measures"):
            for cells in validations(book[name]):
                last = int(cells.split(":")[1].lstrip("ABCDEFGHIJ"))
                assert last == MAX_ROWS > book[name].max_row


def test_example_rows_are_marked_as_input_cells() -> None:
    book = openpyxl.load_workbook(TEMPLATE)
    for name, cell in (("Report", "B2"), ("Content", "B3"), ("Measures", "E2")):
        assert book[name][cell].value is not None
        assert book[name][cell].fill.fgColor.rgb.endswith("FFF2CC")
    assert not book["Report"]["A2"].fill.fgColor.rgb.endswith("FFF2CC")  # labels are fixed


def _instructions(path: Path) -> str:
    sheet = openpyxl.load_workbook(path)["Instructions"]
    return "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)


def test_instructions_explain_the_contract() -> None:
    text = _instructions(TEMPLATE)
    for phrase in (
        "pale yellow",
        "**two asterisks**",
        "[label](https://address)",
        "n/a",
        "0.857",
        "85.7",
        "half away from zero, as Excel's ROUND",
        "truncate cuts toward zero",
        "Never typed",
        "python -m generator check",
        "python -m generator build",
        "lower or higher",
        "column (default), bar, line or pie",
        "level 1, 2 or 3",
    ):
        assert phrase in text, phrase
    for field in REPORT_FIELDS:
        assert f"\n{field}\n" in text, field


@pytest.mark.slow
def test_libreoffice_opens_the_template_and_keeps_its_data(tmp_path: Path) -> None:
    converted = openpyxl.load_workbook(soffice_roundtrip(TEMPLATE, tmp_path))
    assert converted.sheetnames == ["Instructions", "Report", "Content", "Measures", "Monthly"]
    assert converted["Report"]["B2"].value == "Police and Crime Plan"
    assert converted["Measures"]["F2"].value == 74366
    assert len(converted["Content"].data_validations.dataValidation) == 2


def test_template_example_rows_form_a_valid_document() -> None:
    loaded = load_document(TEMPLATE)
    # -- the worked example is valid, and `check` reminds the analyst to replace it --
    published = 2 + contract.REPORT_FIELD_NAMES.index("Published")  # its row in the template
    assert [str(w) for w in loaded.warnings] == [
        f"Report!B{published}: no Published date, so the documents' properties carry the fixed "
        "placeholder date 1 January 2000; expected the publication date in the "
        '"Published" row (a date cell, or text like 2024-10-31)',
        'Report!B6: "Office of the Police and Crime Commissioner for Example Area" is the '
        "template's example; replace it with your organisation's name",
    ]
    (section,) = loaded.document.sections
    assert section.title == "Neighbourhood Crime"
    paragraph, table = section.blocks
    assert [r.text for r in paragraph.runs if r.bold] == ["reduced by 9.3%"]
    (row,) = table.rows
    assert (row.change.text, row.change.percent_text) == ("-7,657", "-9.3%")
