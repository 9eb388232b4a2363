"""The whole build in one place: workbook → model → layouts → files, written atomically.

Every format is rendered in memory before anything is written, and the files are then
written all or none (`generator.outputs`), so a failure at any stage leaves last
quarter's outputs exactly as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator.errors import OutputError, Problem
from generator.model import Document
from generator.outputs import write_all
from generator.parse import load_document
from layouts.options import RenderOptions

Format = Literal["pdf", "pptx"]
FORMATS: tuple[Format, ...] = ("pdf", "pptx")

Renderer = Callable[[Document, RenderOptions], bytes]


def _renderer(fmt: Format) -> Renderer:
    # -- imported on demand: a PDF-only build never pays for python-pptx, and vice versa --
    if fmt == "pdf":
        from layouts.pdf_layout import render_pdf

        return render_pdf
    from layouts.pptx_layout import render_pptx

    return render_pptx


@dataclass(frozen=True)
class Built:
    """What one workbook produced: the files written and the workbook's warnings."""

    outputs: tuple[Path, ...]
    warnings: tuple[Problem, ...]


def build(
    workbook: Path,
    outdir: Path,
    formats: Sequence[Format] = FORMATS,
    options: RenderOptions | None = None,
) -> Built:
    """Read `workbook`, render each format and write `outdir/<stem>.<format>`."""
    loaded = load_document(workbook)
    rendered = {fmt: _renderer(fmt)(loaded.document, options or RenderOptions()) for fmt in formats}
    outdir = _ensure_folder(outdir)
    written = write_all({outdir / f"{workbook.stem}.{fmt}": data for fmt, data in rendered.items()})
    return Built(written, loaded.warnings)


def _ensure_folder(outdir: Path) -> Path:
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create the output folder {outdir}: {error.strerror}") from None
    return outdir
