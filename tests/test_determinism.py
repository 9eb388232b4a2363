"""The same workbook gives byte-identical PDF and deck, wherever and whenever it is built.

One build runs in this process, the other in a fresh `python -m generator build` with
another time zone, another hash seed (set and dict ordering) and at least a second
later, from a copy of the workbook in another folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image as PILImage

from generator.build import build
from tests.conftest import _valid, build_workbook

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "inputs" / "example.xlsx"


def _with_picture_and_chart(folder: Path) -> Path:
    """A small workbook with what the example lacks: a picture and a pie chart."""
    folder.mkdir()
    PILImage.new("RGB", (40, 30), "#28A197").save(folder / "poster.png", "PNG")
    sheets = _valid()
    sheets["Report"].append(["Organisation", "Office of the PCC"])  # no Published: fixed dates
    sheets["Content"] += [
        ["image", "Poster", "poster.png", None],
        ["chart", "Reports by type", "Reports", "pie"],
        ["bullet", "Ελληνικά & Кириллица <b>", None, 2],
    ]
    sheets["Reports"] = [["Type", "Reports"], ["ASB", 6000], ["Drugs", 1200], ["Other", 730]]
    return build_workbook(folder / "pictures.xlsx", sheets)


def _build_in_a_fresh_process(workbook: Path, outdir: Path) -> None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(REPO),
        "TZ": "Pacific/Kiritimati",  # UTC+14: a date taken from the clock would differ
        "PYTHONHASHSEED": "12345",
        "HOME": str(outdir),
    }
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", str(workbook), "-o", str(outdir)],
        cwd=outdir.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("source", ["example", "pictures"])
def test_two_builds_give_identical_bytes(
    source: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = EXAMPLE if source == "example" else _with_picture_and_chart(tmp_path / "src")
    first_dir, second_dir = tmp_path / "first", tmp_path / "elsewhere" / "second"
    for folder in (first_dir, second_dir):
        shutil.copytree(original.parent, folder / "in", ignore=_only(original))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    build(first_dir / "in" / original.name, first_dir / "out")
    time.sleep(1.1)  # a timestamp with one-second resolution would now differ
    _build_in_a_fresh_process(second_dir / "in" / original.name, second_dir / "out")
    monkeypatch.delenv("TZ")
    time.tzset()
    for suffix in (".pdf", ".pptx"):
        name = original.stem + suffix
        first = (first_dir / "out" / name).read_bytes()
        second = (second_dir / "out" / name).read_bytes()
        assert len(first) > 1000
        assert first == second, f"{name} differs between builds"


def _only(workbook: Path) -> Callable[[str, list[str]], list[str]]:
    """copytree filter: the workbook and its pictures, not the rest of inputs/."""

    def ignore(folder: str, names: list[str]) -> list[str]:
        keep = {workbook.name} | {n for n in names if n.endswith((".png", ".jpg"))}
        return [n for n in names if n not in keep]

    return ignore
