"""The command line as an analyst uses it: messages, exit codes, and files left alone."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import build as build_module
from generator.cli import main
from tests.conftest import MakeWorkbook, Sheets

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "inputs" / "example.xlsx"


def _broken(valid_sheets: Callable[[], Sheets]) -> Sheets:
    sheets = valid_sheets()
    sheets["Measures"][1][2] = "counts"  # Unit in Measures!C2
    return sheets


def test_check_summarises_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out == (
        f"{EXAMPLE} is valid: 12 sections, 6 measures tables (23 measures), 1 table, 1 chart, "
        "1 summary; 15 better, 0 worse, 6 no significant change, 2 no direction.\n"
    )


def test_check_lists_every_problem_with_its_cell(
    make_workbook: MakeWorkbook,
    valid_sheets: Callable[[], Sheets],
    capsys: pytest.CaptureFixture[str],
) -> None:
    sheets = _broken(valid_sheets)
    sheets["Content"].append(["chart", "", "Measures", None])
    sheets["Content"].append(["table", None, "Nowhere", None])
    workbook = make_workbook(sheets)
    assert main(["check", str(workbook)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{workbook} has 3 problems:\n")
    assert '  Measures!C2: unknown Unit "counts" (did you mean "count"?)' in err
    assert "  Content!B6: no Text; expected the chart title" in err
    assert "  Content!C7:" in err
    assert "Traceback" not in err


def test_build_writes_every_format_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(EXAMPLE), "-o", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"wrote {tmp_path / f'example.{fmt}'}" for fmt in ("pdf", "pptx", "html")]
    assert (tmp_path / "example.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "example.pptx").read_bytes().startswith(b"PK")
    assert (tmp_path / "example.html").read_bytes().startswith(b"<!DOCTYPE html>")


def test_build_one_format_only(tmp_path: Path) -> None:
    assert main(["build", str(EXAMPLE), "-o", str(tmp_path), "--format", "pptx"]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["example.pptx"]


def test_an_invalid_workbook_leaves_last_quarters_outputs_untouched(
    make_workbook: MakeWorkbook,
    valid_sheets: Callable[[], Sheets],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    workbook = make_workbook(_broken(valid_sheets), name="quarter.xlsx")
    outdir = tmp_path / "out"
    outdir.mkdir()
    (outdir / "quarter.pdf").write_bytes(b"last quarter's PDF")
    (outdir / "quarter.pptx").write_bytes(b"last quarter's deck")
    assert main(["build", str(workbook), "-o", str(outdir)]) == 1
    assert (outdir / "quarter.pdf").read_bytes() == b"last quarter's PDF"
    assert (outdir / "quarter.pptx").read_bytes() == b"last quarter's deck"
    assert sorted(p.name for p in outdir.iterdir()) == ["quarter.pdf", "quarter.pptx"]
    err = capsys.readouterr().err
    assert err.startswith(f"{workbook} has 1 problem; nothing was written:\n")
    assert "Measures!C2" in err


def test_a_failing_deck_writes_neither_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def explode(document: object, options: object) -> bytes:
        raise build_module.OutputError("the deck could not be rendered")

    real = build_module._renderer
    monkeypatch.setattr(
        build_module, "_renderer", lambda fmt: explode if fmt == "pptx" else real(fmt)
    )
    (tmp_path / "example.pdf").write_bytes(b"old")
    assert main(["build", str(EXAMPLE), "-o", str(tmp_path)]) == 1
    assert (tmp_path / "example.pdf").read_bytes() == b"old"
    assert capsys.readouterr().err == f"{EXAMPLE}: the deck could not be rendered\n"


def test_one_bad_workbook_does_not_stop_the_others(
    make_workbook: MakeWorkbook,
    valid_sheets: Callable[[], Sheets],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = make_workbook(_broken(valid_sheets), name="bad.xlsx")
    good = make_workbook(valid_sheets(), name="good.xlsx")
    outdir = tmp_path / "out"
    assert main(["build", str(bad), str(good), "-o", str(outdir), "--format", "pdf"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"[1/2] {bad}",
        f"[2/2] {good}",
        f"wrote {outdir / 'good.pdf'}",
    ]
    assert captured.err.endswith("1 of 2 workbooks failed\n")
    assert [p.name for p in outdir.iterdir()] == ["good.pdf"]


def test_a_missing_workbook_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.xlsx"
    assert main(["check", str(missing)]) == 1
    err = capsys.readouterr().err
    assert str(missing) in err and "Traceback" not in err
    assert len(err.strip().splitlines()) <= 2


@pytest.mark.parametrize(
    "argv",
    [[], ["frobnicate"], ["check"], ["build", "--format", "docx"], ["build", "--format", ","]],
)
def test_usage_mistakes_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert "usage" in capsys.readouterr().err.lower()


def test_template_command_writes_the_committed_template(tmp_path: Path) -> None:
    target = tmp_path / "template.xlsx"
    assert main(["template", str(target)]) == 0
    assert target.read_bytes() == (REPO / "inputs" / "template.xlsx").read_bytes()


def test_template_never_overwrites_a_quarters_work_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "q3.xlsx"
    target.write_bytes(b"a quarter's work")
    assert main(["template", str(target)]) == 1
    assert target.read_bytes() == b"a quarter's work"
    assert capsys.readouterr().err == (
        f"{target} already exists; nothing was written. Choose another name, or add "
        "--force to replace it.\n"
    )
    assert main(["template", str(target), "--force"]) == 0
    assert target.read_bytes() == (REPO / "inputs" / "template.xlsx").read_bytes()


@pytest.mark.parametrize("argv", [["--help"], ["build", "--help"], ["--version"]])
def test_help_and_version_exit_0(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage:") or out.startswith("python -m generator ")


def test_python_dash_m_and_default_paths(tmp_path: Path) -> None:
    """`python -m generator build` with no arguments builds the example into build/."""
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "example.xlsx").write_bytes(EXAMPLE.read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--format", "pdf"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {Path('build') / 'example.pdf'}\n"
    assert (tmp_path / "build" / "example.pdf").is_file()
