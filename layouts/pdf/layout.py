"""The PDF edition: cover, contents, one page (or more) per section, built with reportlab.

`render_pdf` chains the stages: styles from the theme, a story of flowables (cover,
contents, sections), then one reportlab build. The numbers only known once the last page
is placed (each contents entry's page, "Page n of N") are drawn as references to PDF form
XObjects, defined after the last page: nothing's position depends on their values, so a
single pass lays out and draws everything. The same document always gives the same bytes
(invariant mode, fixed dates).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.doctemplate import BaseDocTemplate, LayoutError
from reportlab.platypus.tableofcontents import TableOfContents

from generator.errors import RenderError
from generator.model import Document, Report, Source, themes
from generator.options import RenderOptions
from generator.words import Words
from layouts import theme
from layouts.fit import pdf_edition, raise_misfits
from layouts.fonts import FACES, fit_line, register_fonts, text_width
from layouts.pdf.blocks import Outline, section_story
from layouts.pdf.canvas import TaggedCanvas
from layouts.pdf.cover import cover_story, cover_template
from layouts.pdf.internals import (
    OUTLINE,
    SECTION,
    SOURCE,
    WORDS,
    attach,
    attached,
    defer_save,
    page_size,
    set_contents_table,
    text_baseline,
)
from layouts.pdf.tables import TableContext
from layouts.pdf.tagging import Element, TaggedFrame, Tagger, artifact, tag
from layouts.pdf.tagtables import ContentsTags
from layouts.pdf.text import Styles, make_styles, rgb, text_markup
from layouts.view import key_table, properties

FOOTER_SIZE = theme.PDF.note
FOOTER_GAP = 18.0  # points between the footer text and the page number
CONTINUED_RAISE = 14.0  # points above the frame: the baseline of a continued title
NUMBER_COLUMN = 36.0  # points: the contents' page-number column, right of every title


def render_pdf(document: Document, options: RenderOptions) -> bytes:
    """The PDF edition of `document`, as bytes."""
    register_fonts()
    report = document.report
    raise_misfits(document, (pdf_edition(report),))
    styles = make_styles(theme.colours_for(report))
    pagesize = landscape(A4) if report.page == "A4 landscape" else A4
    buffer = io.BytesIO()
    doc = _ReportDoc(buffer, report, styles, pagesize, document.words)
    tagger = Tagger(Element("Document"))
    story = _story(document, doc, styles, tagger.root)
    try:
        doc.build(story, canvasmaker=_canvas_maker(report, tagger))
    except LayoutError:
        # -- reportlab's message names its own objects; the analyst needs the cell --
        raise RenderError(
            "this block cannot be placed on a PDF page even when split; shorten it",
            doc.placing,
        ) from None
    doc.finish()
    return buffer.getvalue()


def _story(document: Document, doc: _ReportDoc, styles: Styles, root: Element) -> list[Flowable]:
    margin = doc.margin
    story: list[Flowable] = cover_story(
        document.report,
        styles,
        doc.pagesize,
        margin,
        document.workbook.parent,
        document.words,
        root,
    )
    story += [NextPageTemplate("body"), PageBreak()]
    heading = RLParagraph(text_markup(document.words["contents"]), styles.contents_title)
    story.append(tag(heading, root.add("H1")))  # -- before the TOC: the tree's order --
    contents = _contents(styles, root.add("TOC"))
    story.append(contents)
    ctx = TableContext(
        styles, document.report, doc.frame_width, doc.frame_height, key_table(document)
    )
    ctx.words = document.words
    ctx.wide_width, ctx.wide_height = doc.wide_frame
    index = 0
    for theme_number, (name, sections) in enumerate(themes(document)):
        # -- a theme is a Sect holding its heading and its sections' Sects --
        ctx.parent = root.add("Sect") if name else root
        for position, section in enumerate(sections):
            key = f"t{theme_number}" if name and position == 0 else None
            story += section_story(section, index, key, ctx)
            index += 1
    _prefill(contents, story)
    return story


def _prefill(contents: _Contents, story: list[Flowable]) -> None:
    """Give the contents its lines before the build: the titles are known, only the
    page numbers are not, and those are drawn as forms filled in at the end."""
    for flowable in story:
        entry: Outline | None = attached(flowable, OUTLINE)
        if entry is not None:
            contents.entries.append(entry)


def _contents(styles: Styles, element: Element) -> _Contents:
    table_style = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("FONTNAME", (0, 0), (-1, -1), FACES["regular"]),
        ]
    )
    return _Contents(
        element,
        levelStyles=list(styles.contents_levels),
        dotsMinLevel=-1,
        rightColumnWidth=NUMBER_COLUMN,
        tableStyle=table_style,
    )


class _Contents(TableOfContents):  # type: ignore[misc]
    """reportlab's contents table, its page numbers drawn as forms named after the entries.

    Each line is the entry's title linked to its section, as reportlab's own contents;
    where reportlab draws the number right-aligned, this draws form `toc-<key>`, whose
    box ends where the number would and which `_ReportDoc.finish` fills in.
    """

    def __init__(self, element: Element, **options: Any) -> None:
        super().__init__(**options)
        self.entries: list[Outline] = []
        self.tags = ContentsTags(element)  # -- each line a TOCI > Link in `element` --

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.canv.setNamedCB("contents_number", self._number_drawer(availWidth))
        rows: list[list[Flowable]] = []
        for entry in self.entries:
            style = self.getLevelStyle(entry.level)
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            label = f"{entry.level},{entry.key}"
            markup = f'<a href="#{entry.key}">{text_markup(entry.title)}</a>'
            markup += f'<onDraw name="contents_number" label="{label}"/>'
            line = RLParagraph(markup, style)
            attach(line, WORDS, entry.title)  # -- the words of the line's links --
            rows.append([line])
        table = Table(rows, colWidths=(availWidth,), style=self.tableStyle, renderCB=self.tags)
        set_contents_table(self, table)
        self.width, self.height = table.wrapOn(self.canv, availWidth, availHeight)
        return (self.width, self.height)

    def _number_drawer(self, width: float) -> Callable[[Canvas, str, str], None]:
        def draw(canvas: Canvas, _kind: str, label: str) -> None:
            level, key = label.split(",")
            y = text_baseline(canvas)
            left = width - NUMBER_COLUMN
            # -- drawn after the title, so the line reads "title, page" --
            x_page, y_page = canvas.absolutePosition(left, y)
            self.tags.after_cell.append(lambda c: _draw_number(c, key, x_page, y_page))
            leading = self.getLevelStyle(int(level)).leading
            canvas.linkRect("", key, (left, y, width, y + leading), relative=1)

        return draw


def _draw_number(canvas: Canvas, key: str, x: float, y: float) -> None:
    """Form `toc-<key>` (the entry's page number) at (x, y) on the page."""
    canvas.saveState()
    canvas.resetTransforms()
    canvas.translate(x, y)
    canvas.doForm(f"toc-{key}")
    canvas.restoreState()


class _ReportDoc(BaseDocTemplate):  # type: ignore[misc]
    """Page templates, metadata, bookmarks, and the forms holding the late numbers."""

    def __init__(
        self,
        buffer: io.BytesIO,
        report: Report,
        styles: Styles,
        pagesize: tuple[float, float],
        words: Words,
    ) -> None:
        self.margin = theme.PDF.margin_mm * mm
        self.report = report
        self.words = words
        self.styles = styles
        self.pages_counted = 0
        self.page_widths: dict[int, float] = {}
        self.section: tuple[str, int] | None = None  # the section being placed, its first page
        self.entry_pages: dict[str, tuple[Outline, int]] = {}
        self.placing: Source | None = None  # the cell of the block being placed
        # -- `finish` saves, once the forms the pages refer to are defined --
        defer_save(self)
        super().__init__(
            buffer,
            pagesize=pagesize,
            leftMargin=self.margin,
            rightMargin=self.margin,
            topMargin=self.margin,
            bottomMargin=self.margin,
            title=report.full_title,
            author=report.organisation,
            subject=properties(report).subject,
            keywords=list(report.keywords),
            creator="pcc-summary",
            lang=report.language,
            displayDocTitle=True,
            invariant=True,
            initialFontName=FACES["regular"],
        )
        self.frame_width = pagesize[0] - 2 * self.margin
        self.frame_height = pagesize[1] - 2 * self.margin
        wide = landscape(A4)
        self.wide_frame = (wide[0] - 2 * self.margin, wide[1] - 2 * self.margin)
        self.addPageTemplates(
            [
                cover_template(pagesize, self.margin, styles.brand, _footer_rule),
                _body_template("body", pagesize, self.margin),
                _body_template("wide", wide, self.margin),
            ]
        )

    def afterPage(self) -> None:
        self.pages_counted = self.page
        self.page_widths[self.page] = page_size(self.canv)[0]

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        # -- remembered so a layout failure can name the workbook cell it came from --
        if flowables:
            self.placing = attached(flowables[0], SOURCE) or self.placing
        super().handle_flowable(flowables)

    def afterFlowable(self, flowable: Flowable) -> None:
        title: str | None = attached(flowable, SECTION)
        if title is not None:
            self.section = (title, self.page)
        entry: Outline | None = attached(flowable, OUTLINE)
        if entry is None:
            return
        self.canv.bookmarkPage(entry.key)
        self.canv.addOutlineEntry(entry.title, entry.key, entry.level, closed=False)
        self.entry_pages[entry.key] = (entry, self.page)

    def finish(self) -> None:
        """Define the forms the pages refer to, now that the page count is known; save."""
        canvas = self.canv
        for number in range(1, self.pages_counted + 1):
            width = self.page_widths.get(number, self.pagesize[0])
            label = self.words.fill("page n of N", page=number, total=self.pages_counted)
            _footer_form(canvas, self.report, number, label, width)
        levels = self.styles.contents_levels
        for key, (entry, page) in self.entry_pages.items():
            _number_form(canvas, f"toc-{key}", str(page), levels[min(entry.level, 1)])
        canvas.save()


def _body_template(name: str, pagesize: tuple[float, float], margin: float) -> PageTemplate:
    """A page of the sections: one frame inside the margins, the footer, and on a page
    that continues a section, its title in the top margin."""
    frame = TaggedFrame(
        margin,
        margin,
        pagesize[0] - 2 * margin,
        pagesize[1] - 2 * margin,
        id=name,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    return PageTemplate(
        id=name,
        frames=[frame],
        onPage=_footer_rule,
        onPageEnd=_continued_title,
        pagesize=pagesize,
    )


def _continued_title(canvas: Canvas, doc: _ReportDoc) -> None:
    """ "<section> (continued)" above the frame of a page the section did not start on."""
    if doc.section is None or doc.section[1] == doc.page:
        return
    width, height = page_size(canvas)
    size = theme.PDF.body
    title = doc.words.fill("continued", title=doc.section[0])
    text = fit_line([title], size, width - 2 * doc.margin)
    with artifact(canvas, "/Pagination"):  # -- a running header, not content --
        canvas.saveState()
        canvas.setFont(FACES["bold"], size)
        canvas.setFillColor(rgb(doc.styles.brand))
        canvas.drawString(doc.margin, height - doc.margin + CONTINUED_RAISE, text)
        canvas.restoreState()


def _number_form(canvas: Canvas, name: str, text: str, style: ParagraphStyle) -> None:
    """Form `name`: `text` right-aligned in the contents' number column, baseline at 0."""
    canvas.beginForm(name, 0, -style.leading, NUMBER_COLUMN, style.leading)
    canvas.setFont(style.fontName, style.fontSize)
    canvas.setFillColor(style.textColor)
    canvas.drawRightString(NUMBER_COLUMN, 0, text)
    canvas.endForm()


# -- Canvas: footers with "Page n of N", fixed dates, tagging --------------------------


def _canvas_maker(report: Report, tagger: Tagger) -> Callable[..., Canvas]:
    def make(filename: object, **options: Any) -> Canvas:
        canvas = TaggedCanvas(
            filename,
            tagger=tagger,
            title=report.full_title,
            language=report.language,
            date=report.metadata_date,
            **options,
        )
        canvas.showOutline()
        return canvas

    return make


def _footer_rule(canvas: Canvas, doc: _ReportDoc) -> None:
    """The footer's rule, then a form with its text and "Page n of N", defined at the end
    (the text's room depends on the width of N). Both are page furniture: artifacts."""
    width, _ = page_size(canvas)
    margin = doc.margin
    y = margin * 0.5 + FOOTER_SIZE + 3
    with artifact(canvas, "/Pagination"):
        canvas.saveState()
        canvas.setStrokeColor(rgb(theme.RULE))
        canvas.setLineWidth(0.5)
        canvas.line(margin, y, width - margin, y)
        canvas.restoreState()
        canvas.doForm(f"footer-{doc.page}")


def _footer_form(canvas: Canvas, report: Report, page: int, number: str, width: float) -> None:
    """Form `footer-<page>`: the footer text and "Page n of N", in page coordinates."""
    margin = theme.PDF.margin_mm * mm
    y = margin * 0.5
    canvas.beginForm(f"footer-{page}", 0, 0, width, margin)
    canvas.setFont(FACES["regular"], FOOTER_SIZE)
    canvas.setFillColor(rgb(theme.MUTED_TEXT))
    canvas.drawRightString(width - margin, y, number)
    room = width - 2 * margin - text_width(number, FOOTER_SIZE) - FOOTER_GAP
    if report.footer_lines:
        canvas.drawString(margin, y, fit_line(report.footer_lines, FOOTER_SIZE, room))
    canvas.endForm()
