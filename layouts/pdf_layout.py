"""The PDF edition: cover, contents, one page (or more) per section, built with reportlab.

`render_pdf` chains the stages: styles from the theme, a story of flowables (cover,
contents, sections), then reportlab's multi-pass build, which settles the contents page
numbers. The same document always gives the same bytes (invariant mode, fixed dates).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.doctemplate import BaseDocTemplate, LayoutError
from reportlab.platypus.tableofcontents import TableOfContents

from generator.errors import GeneratorError
from generator.model import Document, Report, themes
from layouts import theme
from layouts.fonts import FACES, register_fonts, text_width
from layouts.options import RenderOptions
from layouts.pdf_blocks import Outline, section_story
from layouts.pdf_cover import cover_story, cover_template
from layouts.pdf_tables import TableContext
from layouts.pdf_text import Styles, make_styles, rgb, text_markup

FOOTER_SIZE = theme.PDF.note
FOOTER_GAP = 18.0  # points between the footer text and the page number
MAX_BUILDS = 3  # a safety net: with the contents filled in from the start, one build settles
UNDATED = dt.date(2000, 1, 1)  # metadata date when the Report sheet gives none


class PdfLayoutError(GeneratorError):
    """reportlab could not place something on a page (should never happen; says what)."""


def render_pdf(document: Document, options: RenderOptions) -> bytes:
    """The PDF edition of `document`, as bytes."""
    register_fonts()
    report = document.report
    styles = make_styles(theme.colours_for(report))
    pagesize = landscape(A4) if report.page == "A4 landscape" else A4
    outputs: list[io.BytesIO] = []
    doc = _ReportDoc(io.BytesIO(), report, styles, pagesize)
    story = _story(document, doc, styles)
    try:
        for _ in range(MAX_BUILDS):
            doc.multiBuild(story, canvasmaker=_canvas_maker(report, outputs))
            if doc.page_total == doc.pages_counted:
                break
    except LayoutError as error:
        raise PdfLayoutError(f"the PDF could not be laid out: {error}") from None
    return outputs[-1].getvalue()


def _story(document: Document, doc: _ReportDoc, styles: Styles) -> list[Flowable]:
    margin = doc.margin
    story: list[Flowable] = cover_story(
        document.report, styles, doc.pagesize, margin, document.workbook.parent
    )
    story += [NextPageTemplate("body"), PageBreak()]
    contents = _contents(styles)
    story += [RLParagraph("Contents", styles.contents_title), contents]
    ctx = TableContext(styles, document.report, doc.frame_width, doc.frame_height)
    index = 0
    for theme_number, (name, sections) in enumerate(themes(document)):
        for position, section in enumerate(sections):
            key = f"t{theme_number}" if name and position == 0 else None
            story += section_story(section, index, key, ctx)
            index += 1
    _prefill(contents, story)
    return story


def _prefill(contents: TableOfContents, story: list[Flowable]) -> None:
    """Give the contents its final lines before the first pass, with page 0 for now.

    An empty contents page in the first pass and a full one in the second would move
    every later page, costing a third pass; with the lines in place from the start
    (the page-number column has a fixed width), only the numbers change and two
    passes settle the document.
    """
    for flowable in story:
        entry: Outline | None = getattr(flowable, "_pdf_outline", None)
        if entry is not None:
            contents.addEntry(entry.level, text_markup(entry.title), 0, entry.key)


def _contents(styles: Styles) -> TableOfContents:
    table_style = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("FONTNAME", (0, 0), (-1, -1), FACES["regular"]),
        ]
    )
    return TableOfContents(
        levelStyles=list(styles.contents_levels),
        dotsMinLevel=-1,
        rightColumnWidth=36,
        tableStyle=table_style,
    )


class _ReportDoc(BaseDocTemplate):  # type: ignore[misc]
    """Page templates, metadata, and the bookmarks behind the outline and contents."""

    def __init__(
        self, buffer: io.BytesIO, report: Report, styles: Styles, pagesize: tuple[float, float]
    ) -> None:
        self.margin = theme.PDF.margin_mm * mm
        self.report = report
        # -- "Page n of N": N is the page count of the previous pass, checked after --
        self.page_total = 0
        self.pages_counted = 0
        self.passes = 0
        super().__init__(
            buffer,
            pagesize=pagesize,
            leftMargin=self.margin,
            rightMargin=self.margin,
            topMargin=self.margin,
            bottomMargin=self.margin,
            title=report.title,
            author=report.organisation,
            subject=report.subject or _subject(report),
            keywords=list(report.keywords),
            creator="pcc-summary",
            lang=report.language,
            displayDocTitle=True,
            invariant=True,
            initialFontName=FACES["regular"],
        )
        self.frame_width = pagesize[0] - 2 * self.margin
        self.frame_height = pagesize[1] - 2 * self.margin
        self.body = body = _BodyFrame(
            self.margin,
            self.margin,
            self.frame_width,
            self.frame_height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        footer = _footer_drawer(report)
        self.addPageTemplates(
            [
                cover_template(pagesize, self.margin, styles.brand, footer),
                PageTemplate(id="body", frames=[body], onPage=footer, pagesize=pagesize),
            ]
        )

    def beforeDocument(self) -> None:
        self.page_total = self.pages_counted
        # -- the first pass prints "of 0" and contents page 0: its pages are thrown away --
        self.body.sketch = self.passes == 0
        self.passes += 1

    def afterPage(self) -> None:
        self.pages_counted = self.page

    def afterFlowable(self, flowable: Flowable) -> None:
        entry: Outline | None = getattr(flowable, "_pdf_outline", None)
        if entry is None:
            return
        self.canv.bookmarkPage(entry.key)
        self.canv.addOutlineEntry(entry.title, entry.key, entry.level, closed=False)
        self.notify("TOCEntry", (entry.level, text_markup(entry.title), self.page, entry.key))


class _BodyFrame(Frame):  # type: ignore[misc]
    """The body frame, which can place flowables without drawing them.

    A pass whose pages are thrown away only has to find where everything falls;
    drawing is over half of a pass and changes no position, so it is skipped there.
    """

    sketch = False

    def _add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        if not self.sketch:
            return int(super()._add(flowable, canv, trySplit))
        # -- shadows the method for this one placement; object's setattr, because a chart's
        # Drawing refuses attributes it does not know --
        object.__setattr__(flowable, "drawOn", _no_drawing)
        try:
            return int(super()._add(flowable, canv, trySplit))
        finally:
            object.__delattr__(flowable, "drawOn")

    add = _add


def _no_drawing(*_args: object, **_options: object) -> None:
    return None


def _subject(report: Report) -> str:
    return " ".join(part for part in (report.subtitle, report.year, report.period) if part)


# -- Canvas: footers with "Page n of N", fixed dates --------------------------------------


def _canvas_maker(report: Report, outputs: list[io.BytesIO]) -> Callable[..., Canvas]:
    """A canvas per build pass, each writing to its own buffer (the last pass wins)."""

    def make(_filename: object, **options: Any) -> Canvas:
        buffer = io.BytesIO()
        outputs[:] = [buffer]  # an earlier pass's PDF is never used: let it go
        canvas = Canvas(buffer, **options)
        stamp = (report.published or UNDATED).strftime("D:%Y%m%d000000+00'00'")
        canvas.setDateFormatter(lambda *_: stamp)
        canvas.showOutline()
        return canvas

    return make


def _footer_drawer(report: Report) -> Callable[[Canvas, _ReportDoc], None]:
    both = " · ".join(part for part in (report.footer, report.organisation) if part)
    choices = [text for text in (both, report.footer, report.organisation) if text]

    def draw(canvas: Canvas, doc: _ReportDoc) -> None:
        width, _ = canvas._pagesize
        margin = theme.PDF.margin_mm * mm
        y = margin * 0.5
        canvas.saveState()
        canvas.setStrokeColor(rgb(theme.RULE))
        canvas.setLineWidth(0.5)
        canvas.line(margin, y + FOOTER_SIZE + 3, width - margin, y + FOOTER_SIZE + 3)
        canvas.setFont(FACES["regular"], FOOTER_SIZE)
        canvas.setFillColor(rgb(theme.MUTED_TEXT))
        number = f"Page {doc.page} of {doc.page_total}"
        canvas.drawRightString(width - margin, y, number)
        room = width - 2 * margin - text_width(number, FOOTER_SIZE) - FOOTER_GAP
        # -- the footer text and the organisation, or whichever fits, cut only as a last resort --
        fitting = [text for text in choices if text_width(text, FOOTER_SIZE) <= room]
        if choices:
            canvas.drawString(margin, y, fitting[0] if fitting else _fit_line(choices[0], room))
        canvas.restoreState()

    return draw


def _fit_line(text: str, room: float) -> str:
    """`text` cut to fit on one footer line, with an ellipsis when it had to be cut."""
    while text and text_width(text + "…", FOOTER_SIZE) > room:
        text = text[:-1]
    return text.rstrip() + "…"
