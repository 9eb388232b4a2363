"""Messages say what the file is, what was expected and what to do; never a library's name,
an exception's type or the system's own wording."""

from __future__ import annotations

import errno
import os
import zipfile
from pathlib import Path

import pytest

from generator.errors import OutputError, WorkbookError
from generator.options import RenderOptions
from generator.outputs import write_atomically
from generator.parse import load_document
from layouts.deck.layout import render_pptx
from layouts.deck.template import TemplateError
from tests.deck_samples import deck_document

LIBRARY_WORDS = ("python-pptx", "openpyxl", "reportlab", "Error)", "xl/workbook.xml")


def _message(path: Path) -> str:
    with pytest.raises(WorkbookError) as caught:
        load_document(path)
    (problem,) = caught.value.problems
    return str(problem)


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        ("ppt/presentation.xml", "a PowerPoint presentation (.pptx); expected an Excel"),
        ("notes.txt", "a zip archive, not an Excel workbook; expected an .xlsx file saved by"),
    ],
)
def test_a_zip_that_is_not_a_workbook_says_what_it_is(
    tmp_path: Path, member: str, expected: str
) -> None:
    path = tmp_path / "q2.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(member, "x")
    message = _message(path)
    assert expected in message
    assert not any(word in message for word in LIBRARY_WORDS)


def test_a_pptx_template_that_is_a_potx_says_to_save_it_as_pptx(tmp_path: Path) -> None:
    bad = tmp_path / "brand.potx"
    bad.write_text("not a presentation")
    with pytest.raises(TemplateError) as caught:
        render_pptx(deck_document(), RenderOptions(pptx_template=bad))
    assert str(caught.value) == (
        "The PowerPoint template brand.potx is a PowerPoint template (.potx); open it in "
        "PowerPoint and save it as a presentation (.pptx), then give that file."
    )


def test_a_folder_without_permission_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(OutputError) as caught:
        write_atomically(tmp_path / "lock2" / "q2.pdf", b"x")
    assert str(caught.value) == (
        f"cannot write in the folder {tmp_path / 'lock2'}: you do not have permission to "
        "write there, or the folder is read-only; choose another folder with -o"
    )
    assert "Operation not permitted" not in str(caught.value)
