"""Render a .pptx (or any office file) to PDF with LibreOffice, for tests that look at it.

Use `needs_soffice` as a decorator/mark: the test skips only when LibreOffice is absent
and CI is unset (in CI it must run).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

needs_soffice = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"), reason="LibreOffice (soffice) is not installed"
)


def to_pdf(source: Path, outdir: Path, timeout: float = 180) -> Path:
    """Convert `source` to PDF in `outdir` with a private LibreOffice profile."""
    if SOFFICE is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    profile = outdir / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    pdf = outdir / (source.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice did not write {pdf}")
    return pdf


def pptx_bytes_to_pdf(data: bytes, outdir: Path, name: str = "deck") -> Path:
    source = outdir / f"{name}.pptx"
    source.write_bytes(data)
    return to_pdf(source, outdir)
