"""Several workbooks on one command: check like build, Excel's lock files skipped,
same-named workbooks refused before anything is written, wildcards expanded by the program."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import MakeWorkbook, Sheets

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "inputs" / "example.xlsx"


def _two_valid(make_workbook: MakeWorkbook, valid_sheets: Callable[[], Sheets]) -> list[Path]:
    return [make_workbook(valid_sheets(), name) for name in ("q1.xlsx", "q2.xlsx")]


def test_check_takes_several_workbooks(
    make_workbook: MakeWorkbook,
    valid_sheets: Callable[[], Sheets],
    capsys: pytest.CaptureFixture[str],
) -> None:
    good, other = _two_valid(make_workbook, valid_sheets)
    broken = valid_sheets()
    broken["Measures"][1][2] = "counts"
    bad = make_workbook(broken, "bad.xlsx")
    assert main(["check", str(good), str(bad), str(other)]) == 1
    out, err = capsys.readouterr()
    summary = (
        "is valid: 1 section, 1 measures table (2 measures), 0 tables, 0 charts; "
        "1 better, 0 worse, 0 no significant change, 1 no direction."
    )
    assert out.splitlines() == [
        f"{good} {summary}",
        f"{other} {summary}",
    ]
    assert f"{bad} has 1 problem:" in err
    assert err.rstrip().endswith("1 of 3 workbooks have problems")


def test_a_wildcard_is_expanded_and_excel_lock_files_are_skipped_with_a_note(
    make_workbook: MakeWorkbook,
    valid_sheets: Callable[[], Sheets],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, second = _two_valid(make_workbook, valid_sheets)
    lock = tmp_path / "~$q2.xlsx"
    lock.write_bytes(b"\x0bowner name, not a workbook")
    # -- as cmd and PowerShell pass it: the pattern itself, unexpanded --
    assert main(["check", str(tmp_path / "*.xlsx")]) == 0
    out, err = capsys.readouterr()
    assert [line.split(" is valid")[0] for line in out.splitlines()] == [str(first), str(second)]
    assert err.splitlines() == [
        f"note: skipped {lock}: Excel's lock file for an open workbook, not a workbook "
        "(it goes away when the workbook is closed)"
    ]


def test_a_pattern_matching_nothing_says_so(tmp_path: Path, capsys) -> None:
    assert main(["build", str(tmp_path / "*.xlsx"), "-o", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: no file matches {tmp_path / '*.xlsx'}; expected")
    assert list(tmp_path.iterdir()) == []


def test_two_workbooks_with_one_name_are_refused_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = Path(shutil.copy(EXAMPLE, tmp_path / "a" / "q2.xlsx"))
    second = Path(shutil.copy(EXAMPLE, tmp_path / "b" / "Q2.xlsx"))
    out = tmp_path / "out"
    assert main(["build", str(first), str(second), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"error: {first} and {second} would both be written as {out / 'Q2'}.*; nothing was "
        "written. Rename one, or build them into different folders (-o)\n"
    )
    assert not out.exists()


def test_only_lock_files_leave_nothing_to_read(tmp_path: Path, capsys) -> None:
    lock = tmp_path / "~$q2.xlsx"
    lock.write_bytes(b"owner")
    assert main(["check", str(lock)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("note: skipped")
    assert err[1] == "error: no workbook left to read; expected at least one .xlsx file"


# -- template paths ----------------------------------------------------------------------


def test_template_without_a_suffix_writes_xlsx(tmp_path: Path, capsys) -> None:
    assert main(["template", str(tmp_path / "q2")]) == 0
    assert capsys.readouterr().out == f"wrote {tmp_path / 'q2.xlsx'}\n"
    assert (tmp_path / "q2.xlsx").read_bytes().startswith(b"PK")
    assert not (tmp_path / "q2").exists()


def test_template_as_xls_is_refused_with_the_reason(tmp_path: Path, capsys) -> None:
    assert main(["template", str(tmp_path / "q2.xls")]) == 1
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'q2.xls'}: the template is an Excel workbook (.xlsx), not Excel "
        "97-2003 (.xls); nothing was written. Give a name ending in .xlsx, e.g. "
        f"{tmp_path / 'q2.xlsx'}\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_template_creates_its_folder(tmp_path: Path) -> None:
    target = tmp_path / "new" / "folder" / "q2.xlsx"
    assert main(["template", str(target)]) == 0
    assert target.is_file()
