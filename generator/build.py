"""The whole build in one place: workbook → model → layouts → files, written atomically.

Every format is rendered in memory before anything is written, and the files are then
written all or none (`generator.outputs`), so a failure at any stage leaves last
quarter's outputs exactly as they were.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.errors import OutputError, Problem
from generator.model import Document
from generator.options import RenderOptions
from generator.outputs import why, write_all
from generator.parse import load_document
from layouts.registry import DEFAULT_FORMATS, FORMATS, Layout

Format = str  # a key of layouts.registry.FORMATS


def _renderer(fmt: Format) -> Layout:
    return FORMATS[fmt].load()


def _render(fmt: Format, document: Document, options: RenderOptions) -> bytes:
    return _renderer(fmt)(document, options)


def render_all(
    document: Document, formats: Sequence[Format], options: RenderOptions
) -> dict[Format, bytes]:
    """Every format's bytes, in the order asked for.

    The formats share nothing once the workbook is read, and the machines this runs on
    have at least two cores, so on Linux the later formats render in a forked child while
    this process renders the first. Forking copies the parsed document for free; where
    only spawning is safe (Windows, macOS) a child would import everything again, which
    costs more than it saves on a quarterly summary, so those render one after another.
    """
    if len(formats) < 2 or not sys.platform.startswith("linux"):
        return {fmt: _render(fmt, document, options) for fmt in formats}
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=len(formats) - 1, mp_context=context) as pool:
        later = {fmt: pool.submit(_render, fmt, document, options) for fmt in formats[1:]}
        first = _render(formats[0], document, options)
        return {formats[0]: first, **{fmt: job.result() for fmt, job in later.items()}}


@dataclass(frozen=True)
class Built:
    """What one workbook produced: the files written and the workbook's warnings."""

    outputs: tuple[Path, ...]
    warnings: tuple[Problem, ...]


def build(
    workbook: Path,
    outdir: Path,
    formats: Sequence[Format] = DEFAULT_FORMATS,
    options: RenderOptions | None = None,
) -> Built:
    """Read `workbook`, render each format and write `outdir/<stem>.<format>`."""
    loaded = load_document(workbook)
    rendered = render_all(loaded.document, formats, options or RenderOptions())
    outdir = _ensure_folder(outdir)
    written = write_all({outdir / f"{workbook.stem}.{fmt}": data for fmt, data in rendered.items()})
    return Built(written, loaded.warnings)


def _ensure_folder(outdir: Path) -> Path:
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create the output folder {outdir}: {why(error)}") from None
    return outdir
