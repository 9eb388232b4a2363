"""The README's analyst route, as an office's IT team would run it: build a wheel, install it
in a fresh virtual environment, and build a workbook with `pcc-summary` from another folder.

Slow (a fresh environment installs every dependency, from pip's cache or PyPI), and it
runs in CI like every other test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "inputs" / "example.xlsx"
SCRIPTS = "Scripts" if os.name == "nt" else "bin"
_NOT_SOURCE = (".git", ".venv", "build", "dist", "*.egg-info", "*cache*", ".hypothesis")


def _run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    # -- PYTHONPATH would let the checkout leak into the fresh environment --
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


@pytest.mark.slow
def test_a_wheel_installs_and_builds_from_outside_the_repository(tmp_path: Path) -> None:
    # -- built from a clean copy: setuptools leaves build/ behind, and a stale build/lib
    #    would put deleted modules into the wheel --
    source = tmp_path / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(*_NOT_SOURCE))
    # -- the IT team: the tool's wheel and its dependencies' wheels, on a shared drive --
    shared = tmp_path / "shared-drive"
    made = _run(sys.executable, "-m", "pip", "wheel", "-q", "-w", shared, ".", cwd=source)
    assert made.returncode == 0, made.stderr
    assert len(list(shared.glob("pcc_summary-*.whl"))) == 1

    # -- the analyst: a fresh environment, installed from the shared drive alone --
    venv = tmp_path / "pcc-env"
    assert _run(sys.executable, "-m", "venv", venv, cwd=tmp_path).returncode == 0
    python = venv / SCRIPTS / "python"
    installed = _run(
        python, "-m", "pip", "install", "-q", "--no-index", "--find-links", shared,
        "pcc-summary", cwd=tmp_path,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr

    work = tmp_path / "my-quarter"
    work.mkdir()
    shutil.copy(EXAMPLE, work / "2024-25-Q2.xlsx")
    command = venv / SCRIPTS / "pcc-summary"
    assert _run(command, "--version", cwd=work).stdout.startswith("pcc-summary 0.")
    built = _run(command, "build", "2024-25-Q2.xlsx", "-o", "out", cwd=work)
    assert built.returncode == 0, built.stderr
    assert built.stdout.splitlines() == [
        f"wrote {Path('out') / '2024-25-Q2.pdf'}",
        f"wrote {Path('out') / '2024-25-Q2.pptx'}",
        f"wrote {Path('out') / '2024-25-Q2.html'}",
    ]
    assert (work / "out" / "2024-25-Q2.pdf").read_bytes().startswith(b"%PDF")
    # -- the installed copy, not the checkout, did the work --
    where = _run(python, "-c", "import generator; print(generator.__file__)", cwd=work)
    assert Path(where.stdout.strip()).is_relative_to(venv)
    template = _run(command, "template", "next-quarter", cwd=work)
    assert template.returncode == 0 and (work / "next-quarter.xlsx").is_file()
