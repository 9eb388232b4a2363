"""`check` accepts nothing that `build` refuses: both commands, run through
generator.cli.main on every corpus workbook (and those re-saved by LibreOffice Calc),
agree on the exit status and print the same problems; nothing leaks a traceback, an
internal error or a library's warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import DEFAULT_FORMATS
from generator.cli import main
from tests.corpus.cases import BY_NAME, CASES, LIBREOFFICE, Case, write
from tests.corpus.libreoffice import resave
from tests.render import needs_soffice

_LEAKS = ("Traceback", "internal error", "Warning:", "Error:")


def _problems(text: str) -> list[str]:
    """The problem lines both commands print (warnings and indented errors)."""
    return [line for line in text.splitlines() if line.startswith(("warning: ", "  "))]


def _agree(path: Path, outdir: Path, capsys: pytest.CaptureFixture[str]) -> int:
    checked = main(["check", str(path)])
    check = capsys.readouterr()
    built = main(["build", str(path), "-o", str(outdir)])
    build = capsys.readouterr()
    for output in (check.out, check.err, build.out, build.err):
        assert not any(leak in output for leak in _LEAKS), output
    assert checked == built, (check.err, build.err)
    assert _problems(check.err) == _problems(build.err)
    written = sorted(p.name for p in outdir.glob("*")) if outdir.exists() else []
    every = sorted(f"{path.stem}.{fmt}" for fmt in DEFAULT_FORMATS)
    assert written == (every if built == 0 else [])
    return checked


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_check_and_build_agree(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(case, tmp_path)
    status = _agree(path, tmp_path / "out", capsys)
    assert status == (0 if case.valid else 1)
    if case.refused:  # -- read cleanly, but cannot be laid out: check says what build says --
        main(["check", str(path)])
        assert capsys.readouterr().err == f"{path}: {case.refused}\n"


@needs_soffice
def test_check_and_build_agree_after_libreoffice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    written = [write(BY_NAME[name], tmp_path) for name in LIBREOFFICE]
    for name, path in resave(written, tmp_path / "libreoffice").items():
        _agree(path, tmp_path / "out" / name, capsys)
