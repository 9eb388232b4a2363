"""The PDF edition's canvas: PDF 1.7, fixed dates, tagged pages, links in the structure.

It closes each page with `/StructParents` (and `/Tabs /S` where the page has links),
files every link annotation under a `Link` element with its words as `/Contents`, and
on save writes the structure tree and the XMP metadata (`layouts.pdf.structure`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFObjectReference

from layouts.pdf.internals import (
    AnnotationCanvas,
    page_reference,
    set_last_page,
    stream_length,
)
from layouts.pdf.structure import write_structure
from layouts.pdf.tagging import Tagger

PDF_VERSION = (1, 7)  # PDF/UA-1 is built on PDF 1.7 (ISO 32000-1)


class TaggedCanvas(AnnotationCanvas):
    """A reportlab canvas that writes a tagged PDF for the tree `tagger` holds."""

    def __init__(
        self,
        filename: object,
        *,
        tagger: Tagger,
        title: str,
        language: str,
        date: dt.date,
        **options: Any,
    ) -> None:
        super().__init__(filename, pdfVersion=PDF_VERSION, **options)
        self.tagger = tagger
        self.metadata = (title, language, date)
        stamp = date.strftime("D:%Y%m%d000000+00'00'")
        self.setDateFormatter(lambda *_: stamp)

    def linkURL(
        self,
        url: str,
        rect: tuple[float, float, float, float],
        relative: int = 0,
        thickness: float = 0,
        color: object = None,
        dashArray: object = None,
        kind: str = "URI",
        **kw: Any,
    ) -> None:
        self.tagger.href = url  # -- the Link element takes the words linked to `url` --
        super().linkURL(url, rect, relative, thickness, color, dashArray, kind, **kw)

    def annotation_added(self, reference: PDFObjectReference) -> tuple[int, str]:
        return self.tagger.annotation(reference)

    def showPage(self) -> None:
        entries = self.tagger.close_page(page_reference(self))
        super().showPage()
        set_last_page(self, **entries)

    def save(self) -> None:
        if stream_length(self):
            self.showPage()
        write_structure(self, self.tagger, *self.metadata)
        super().save()
