"""Outputs are written whole or not at all, and an open file gets a clear message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.errors import OutputError
from generator.outputs import write_all, write_atomically


def test_replaces_the_old_file_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"last quarter")
    write_atomically(target, b"this quarter")
    assert target.read_bytes() == b"this quarter"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_written_file_is_readable_by_others(tmp_path: Path) -> None:
    target = write_atomically(tmp_path / "report.pdf", b"x")
    assert target.stat().st_mode & 0o044 == 0o044


def test_a_file_open_elsewhere_keeps_its_content_and_gets_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.pptx"
    target.write_bytes(b"last quarter")

    def refuse(source: str, destination: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OutputError) as caught:
        write_atomically(target, b"this quarter")
    assert str(caught.value) == (
        f"cannot replace {target}: permission denied. If it is open in another program "
        "(a PDF viewer or PowerPoint), close it and build again."
    )
    assert target.read_bytes() == b"last quarter"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pptx"]


def test_a_missing_folder_is_reported_not_raised(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot write in"):
        write_atomically(tmp_path / "missing" / "report.pdf", b"x")


def _lock(monkeypatch: pytest.MonkeyPatch, name: str, *, as_source: bool) -> None:
    """Make renames of `name` fail, as Windows does for a file open in PowerPoint."""
    real = os.replace

    def replace(source: str, destination: str) -> None:
        if Path(source if as_source else destination).name == name:
            raise PermissionError(13, "Permission denied")
        real(source, destination)

    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize("as_source", [True, False], ids=["set-aside", "put-in-place"])
def test_all_or_none_when_the_second_file_is_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, as_source: bool
) -> None:
    pdf, deck = tmp_path / "q.pdf", tmp_path / "q.pptx"
    pdf.write_bytes(b"old pdf")
    deck.write_bytes(b"old deck")
    _lock(monkeypatch, "q.pptx", as_source=as_source)
    with pytest.raises(OutputError, match=r"cannot replace .*q\.pptx: permission denied"):
        write_all({pdf: b"new pdf", deck: b"new deck"})
    assert (pdf.read_bytes(), deck.read_bytes()) == (b"old pdf", b"old deck")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q.pdf", "q.pptx"]


def test_all_written_and_backups_removed(tmp_path: Path) -> None:
    pdf, deck = tmp_path / "q.pdf", tmp_path / "q.pptx"
    pdf.write_bytes(b"old pdf")
    assert write_all({pdf: b"new pdf", deck: b"new deck"}) == (pdf, deck)
    assert (pdf.read_bytes(), deck.read_bytes()) == (b"new pdf", b"new deck")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q.pdf", "q.pptx"]


def test_a_folder_in_the_way_is_reported_and_left_alone(tmp_path: Path) -> None:
    (tmp_path / "q.pdf").mkdir()
    with pytest.raises(OutputError) as caught:
        write_all({tmp_path / "q.pdf": b"new pdf", tmp_path / "q.pptx": b"new deck"})
    assert (
        str(caught.value)
        == f"cannot write {tmp_path / 'q.pdf'}: a folder of that name is in the way"
    )
    assert (tmp_path / "q.pdf").is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q.pdf"]
