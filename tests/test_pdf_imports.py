"""A PDF without charts never loads the chart libraries (their import is most of a build)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
import sys
from pathlib import Path
from generator.model import Document, Section
from generator.options import RenderOptions
from layouts.pdf.layout import render_pdf
from tests.samples import report, seed_like_document
from generator.model import Chart
document = seed_like_document()
sections = tuple(
    Section(s.title, s.theme, tuple(b for b in s.blocks if not isinstance(b, Chart)), s.source)
    for s in document.sections
)
data = render_pdf(Document(report(), sections, Path("x.xlsx")), RenderOptions())
assert data.startswith(b"%PDF")
print(sorted(name for name in ("matplotlib", "svglib") if name in sys.modules))
"""


def test_a_pdf_without_charts_imports_neither_matplotlib_nor_svglib() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_pdf_with_charts_does_import_matplotlib() -> None:
    # -- the check above can fail: the same script with the charts kept sees matplotlib --
    script = SCRIPT.replace("not isinstance(b, Chart)", "True")
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "matplotlib" in result.stdout
