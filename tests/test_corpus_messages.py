"""Issue 9, parts 1 and 2: every corpus workbook gets exactly its messages, each naming
its cell, whether built by openpyxl or re-saved through LibreOffice Calc."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import WorkbookError
from generator.parse import load_document
from tests.corpus.cases import BY_NAME, CASES, LIBREOFFICE, Case, write
from tests.corpus.libreoffice import resave
from tests.render import needs_soffice


def reported(path: Path) -> list[str]:
    """Every problem `check` would print, as "error ..." or "warning ..."."""
    try:
        loaded = load_document(path)
    except WorkbookError as error:
        return [f"{problem.severity} {problem}" for problem in error.problems]
    return [f"warning {problem}" for problem in loaded.warnings]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_corpus_messages(case: Case, tmp_path: Path) -> None:
    assert reported(write(case, tmp_path)) == list(case.expect)


@pytest.fixture(scope="module")
def resaved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("corpus")
    written = [write(BY_NAME[name], folder) for name in LIBREOFFICE]
    return resave(written, folder / "libreoffice")


@needs_soffice
@pytest.mark.parametrize("name", LIBREOFFICE)
def test_corpus_messages_after_libreoffice(name: str, resaved: dict[str, Path]) -> None:
    case = BY_NAME[name]
    expected = case.expect if case.resaved is None else case.resaved
    assert reported(resaved[name]) == list(expected)
