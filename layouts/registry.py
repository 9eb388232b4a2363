"""Every output format, by name: what it writes and where its renderer lives.

Each format's renderer is imported only when that format is built, so a PDF-only build
never pays for python-pptx. The CLI's `--format` words and help come from here, so
adding a format (the HTML edition) is one entry and one package under `layouts/`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol, cast

from generator.model import Document
from generator.options import RenderOptions


class Layout(Protocol):
    """One edition: the whole document, drawn into the bytes of one file."""

    def __call__(self, document: Document, options: RenderOptions, /) -> bytes: ...


@dataclass(frozen=True)
class Format:
    name: str  # what `--format` takes, also the file's suffix
    description: str  # for `--help`
    entry: str  # "module:function" of its Layout

    def load(self) -> Layout:
        module, _, function = self.entry.partition(":")
        return cast(Layout, getattr(importlib.import_module(module), function))


FORMATS: dict[str, Format] = {
    fmt.name: fmt
    for fmt in (
        Format("pdf", "the PDF for publication", "layouts.pdf.layout:render_pdf"),
        Format("pptx", "the PowerPoint deck for the meeting", "layouts.deck.layout:render_pptx"),
        Format("html", "the web page for the website", "layouts.html.layout:render_html"),
    )
}
DEFAULT_FORMATS = tuple(FORMATS)
