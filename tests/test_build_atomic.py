"""Outputs are written whole or not at all, and an open file gets a clear message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.build import write_atomically
from generator.errors import OutputError


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
