"""Measures tables and generic tables as reportlab Tables.

Tables split between rows and repeat their header. A row taller than a chunk of the page
would make reportlab raise LayoutError, so such a row is cut here into several rows, each
holding the next part of its tall cells: the text continues, nothing is clipped. A table
of up to KEEP_ROWS rows is never split. Column widths come from `layouts.pdf.widths`; the
type size, a section's landscape pages and a measures table's split of its periods from
`layouts.fit`, so no figure and no word ever breaks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TypeAlias

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from generator.model import AssessmentRule, Chart, MeasuresTable, Report, Table
from generator.words import Words
from layouts import theme
from layouts.fit import (
    PDF_SIZES,
    Edition,
    FitError,
    Plan,
    TextGrid,
    measures_texts,
    part,
    part_columns,
    pdf_edition,
    plan_table,
    text_grid,
)
from layouts.fonts import FACES, text_width
from layouts.pdf.internals import row_count, set_split_range
from layouts.pdf.tagging import Element, tag
from layouts.pdf.tagtables import DataTableTags
from layouts.pdf.text import Styles, rgb, text_markup
from layouts.pdf.widths import (
    PAD,
    generic_size,
    generic_widths,
    measure_widths,
    neat_widths,
    pad_row,
)
from layouts.view import (
    Grid,
    GridCell,
    GridRow,
    assessment_key,
    chart_data_table,
    footnote_lines,
    measures_grid,
)

KEEP_ROWS = 8  # a table of up to this many rows is never split across pages
ORPHAN_ROWS = 3  # nor is a longer one split leaving fewer rows than this on a page
ROW_CHUNK = 1 / 3  # a row taller than this share of the frame is cut into parts


class Figure(str):
    """A cell that fits on one line, drawn as a plain string styled by TableStyle commands.

    A Paragraph cell is parsed, then wrapped and measured twice per build pass; a cell
    that cannot wrap prints the same as a string at a fraction of the cost, and tables
    are most of a long document's cells.
    """

    colour: str = theme.TEXT
    bold: bool = False


Cell: TypeAlias = RLParagraph | Figure
Row: TypeAlias = list[Cell]


@dataclass
class TableContext:
    """What a table needs to know about the page and the document so far."""

    styles: Styles
    report: Report
    width: float  # frame width, points
    height: float  # frame height, points
    key_table: MeasuresTable | None = None  # the table the key prints under (view.key_table)
    wide_width: float = 0.0  # a landscape page's frame, for a section with a wide table
    wide_height: float = 0.0
    words: Words = field(default_factory=Words)
    # -- the structure element the blocks go in (a Sect), and the open lists, innermost
    # last: (bullet level, L element, its last LBody) --
    parent: Element = field(default_factory=lambda: Element("Document"))
    lists: list[tuple[int, Element, Element]] = field(default_factory=list)


# -- Measures tables -----------------------------------------------------------------


def measures_table(table: MeasuresTable, ctx: TableContext) -> list[Flowable]:
    """Measure | periods | Change | % change | Assessment, then footnotes and the key.

    The type size and the split of the periods come from `layouts.fit`, so every figure
    and heading word prints whole; a second table repeats the labels, "(continued)".
    """
    grid = measures_grid(table, ctx.report, ctx.words)
    texts = text_grid(grid, len(table.periods))
    plan = plan_table(texts, _here(ctx))
    if plan is None:  # render_pdf refuses such a document before laying anything out
        raise FitError("the periods do not fit a page", table.periods_source or table.source)
    styles = sized_styles(ctx.styles, _neat_size(texts, plan, ctx.width))
    flowables: list[Flowable] = []
    for number, group in enumerate(plan.groups):
        columns = part_columns(texts, group, last=number == len(plan.groups) - 1)
        caption = table.caption
        if number:
            caption = ctx.words.fill("continued", title=table.caption or table.name)
        chosen = Grid(
            tuple(grid.header[i] for i in columns),
            tuple(tuple(row[i] for i in columns) for row in grid.rows),
        )
        flowables += _measures_part(chosen, part(texts, columns, len(group)), caption, styles, ctx)
    flowables += [
        tag(RLParagraph(text_markup(line), styles.note), ctx.parent.add("P"))
        for line in footnote_lines(table)
    ]
    if table is ctx.key_table:
        key = RLParagraph(_key_markup(ctx.words, ctx.report.assessment), styles.note)
        flowables.append(tag(key, ctx.parent.add("P")))
    flowables.append(Spacer(1, 8))
    return flowables


def _neat_size(texts: TextGrid, plan: Plan, width: float) -> float:
    """The largest type, from the plan's down, at which every part's headings wrap to at
    most MAX_HEADING_LINES lines; else the plan's, its headings down to their longest word.
    """
    last = len(plan.groups) - 1
    parts = [
        part(texts, part_columns(texts, group, i == last), len(group))
        for i, group in enumerate(plan.groups)
    ]
    for size in (s for s in PDF_SIZES if s <= plan.size):
        if all(neat_widths(one, width, size) is not None for one in parts):
            return size
    return plan.size


def _here(ctx: TableContext) -> Edition:
    """The PDF edition as this page offers it: the section has chosen its orientation."""
    edition = pdf_edition(ctx.report)
    return Edition(edition.name, edition.sizes, (ctx.width,), edition.pad)


def needs_landscape(block: object, ctx: TableContext) -> bool:
    """Whether `block` is a table that fits whole only across a landscape page."""
    if ctx.wide_width <= ctx.width:
        return False
    if isinstance(block, MeasuresTable):
        texts = measures_texts(block, ctx.report, ctx.words)
        plan = plan_table(texts, pdf_edition(ctx.report))
        return plan is not None and plan.width > ctx.width + 0.5
    if isinstance(block, Chart):  # -- its figures print as a table under it --
        block = chart_data_table(block)
    if isinstance(block, Table):
        return generic_size(block, ctx.width) is None
    return False


def _measures_part(
    grid: Grid, texts: TextGrid, caption: str, styles: Styles, ctx: TableContext
) -> list[Flowable]:
    """One table of a measures table's periods: the change columns join the last."""
    size = styles.table_cell.fontSize
    widths = measure_widths(texts, ctx.width, size)
    align = ["left"] + ["right"] * (len(texts.headings) - 1)
    header = _header_row(texts.headings, align, styles)
    body = [_measure_cells(row, widths, styles) for row in grid.rows]
    element = ctx.parent.add("Table")
    tags = DataTableTags(element, row_headers=True)
    built = _table(header, body, widths, align, ctx, styles, tags)
    return _kept(_caption(caption, styles, element), built)


def _measure_cells(row: GridRow, widths: Sequence[float], styles: Styles) -> Row:
    """The label wraps; the figures and the assessment print in their tone's colour."""
    label, *figures = row
    cells: Row = [RLParagraph(text_markup(label.text), styles.table_cell)]
    cells += [
        _cell(cell.text, styles.table_number, width, _colour(cell), cell.bold)
        for cell, width in zip(figures, widths[1:], strict=True)
    ]
    return cells


def _colour(cell: GridCell) -> str:
    return theme.TEXT if cell.tone is None else theme.ASSESSMENT_COLOURS[cell.tone]


def _cell(
    text: str, style: ParagraphStyle, width: float, colour: str = theme.TEXT, bold: bool = False
) -> Cell:
    """A Figure when `text` prints on one line exactly as a Paragraph would, else a Paragraph.

    Paragraphs collapse runs of spaces and wrap; so a text with either, or an empty one
    (whose Paragraph has no height), stays a Paragraph and the page does not change.
    """
    single = text and "\n" not in text and text == " ".join(text.split())
    if single and text_width(text, style.fontSize, bold) <= width - 2 * PAD + 0.01:
        figure = Figure(text)
        figure.colour, figure.bold = colour, bold
        return figure
    markup = f"<b>{text_markup(text)}</b>" if bold else text_markup(text)
    if colour != theme.TEXT:
        markup = f'<font color="{colour}">{markup}</font>'
    return RLParagraph(markup, style)


# -- Generic tables ------------------------------------------------------------------


def generic_table(
    table: Table, ctx: TableContext, keep: bool = True, row_headers: bool = False
) -> list[Flowable]:
    """The cells exactly as Excel shows them; numbers right-aligned per `table.align`.

    A table of a few rows is kept whole on one page (`keep`), not split to leave a row
    or two alone. With `row_headers`, the first column is tagged as the rows' headers.
    """
    columns = len(table.header)
    align = list(table.align) + ["left"] * (columns - len(table.align))
    size = generic_size(table, ctx.width)
    styles = sized_styles(ctx.styles, theme.PDF.table if size is None else size)
    header = _header_row(table.header, align, styles)
    widths = generic_widths(table, ctx.width, styles.table_cell.fontSize, squeeze=size is None)
    last = len(table.rows) - 1
    body = [
        _generic_cells(pad_row(row, columns), align, widths, styles, table.total and i == last)
        for i, row in enumerate(table.rows)
    ]
    element = ctx.parent.add("Table")
    flowables = _caption(table.caption, styles, element)
    built = _table(header, body, widths, align, ctx, styles, DataTableTags(element, row_headers))
    kept = _kept(flowables, built) if keep else [*flowables, built]
    return [*kept, Spacer(1, 10)]


def _generic_cells(
    texts: Sequence[str],
    align: Sequence[str],
    widths: Sequence[float],
    styles: Styles,
    bold: bool = False,
) -> Row:
    # -- the first column stays a Paragraph: it gives the row its height, figures or not --
    label = f"<b>{text_markup(texts[0])}</b>" if bold else text_markup(texts[0])
    first: Row = [RLParagraph(label, _cell_style(styles, align[0]))]
    return first + [
        _cell(text, _cell_style(styles, side), width, bold=bold)
        for text, side, width in zip(texts[1:], align[1:], widths[1:], strict=True)
    ]


def _key_markup(words: Words, rule: AssessmentRule) -> str:
    label, sentence = assessment_key(words, rule)
    return f"<b>{text_markup(label)}:</b> {text_markup(sentence)}"


def _kept(before: list[Flowable], table: RLTable) -> list[Flowable]:
    """A table of up to KEEP_ROWS rows stays whole with its caption; a longer one splits."""
    if row_count(table) - 1 <= KEEP_ROWS:
        return [KeepTogether([*before, table])]
    return [*before, table]


def sized_styles(styles: Styles, size: float) -> Styles:
    """`styles` with the table styles at `size` points (the leading scaled alike)."""
    if size == styles.table_cell.fontSize:
        return styles
    scale = size / styles.table_cell.fontSize
    return replace(
        styles,
        **{
            name: ParagraphStyle(
                f"{name}-{size:g}",
                parent=getattr(styles, name),
                fontSize=size,
                leading=round(getattr(styles, name).leading * scale, 1),
            )
            for name in ("table_cell", "table_number", "table_header", "table_header_number")
        },
    )


# -- Shared pieces -------------------------------------------------------------------


def _cell_style(styles: Styles, align: str) -> ParagraphStyle:
    return styles.table_number if align == "right" else styles.table_cell


def _header_row(headings: Sequence[str], align: Sequence[str], styles: Styles) -> Row:
    return [
        RLParagraph(
            text_markup(heading),
            styles.table_header_number if side == "right" else styles.table_header,
        )
        for heading, side in zip(headings, align, strict=True)
    ]


def _caption(caption: str, styles: Styles, table: Element) -> list[Flowable]:
    """The caption (the table's first kid), or a little space so the table never
    touches the text above."""
    if caption:
        return [tag(RLParagraph(text_markup(caption), styles.caption), table.add("Caption"))]
    return [Spacer(1, 6)]


def _table(
    header: Row,
    body: list[Row],
    widths: list[float],
    align: Sequence[str],
    ctx: TableContext,
    styles: Styles,
    tags: DataTableTags,
) -> _Table:
    """Brand header, soft zebra shading, light rules; no heavy grid."""
    limit = ctx.height * ROW_CHUNK
    rows: list[Row] = [header]
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), rgb(ctx.styles.brand)),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("FONTNAME", (0, 0), (-1, -1), styles.table_cell.fontName),
        *_figure_defaults(align, styles),
    ]
    for index, row in enumerate(body):
        parts = fit_row(row, widths, limit)
        first, last = len(rows), len(rows) + len(parts) - 1
        if index % 2:
            commands.append(("BACKGROUND", (0, first), (-1, last), rgb(theme.ZEBRA)))
        commands.append(("LINEBELOW", (0, last), (-1, last), 0.5, rgb(theme.RULE)))
        commands += _figure_commands(row, first)
        rows += parts
    table = _Table(
        rows, colWidths=widths, repeatRows=1, hAlign="LEFT", style=commands, renderCB=tags
    )
    table.guard_orphans(ctx.height)
    return table


class _Table(RLTable):  # type: ignore[misc]
    """reportlab's Table, split leaving at least ORPHAN_ROWS rows on either page.

    reportlab's `rowSplitRange` says where a split may fall, but the part that continues
    is built without it, so each part is given it again here. A part too short to split
    that way moves on whole; only on an empty page does any split do.
    """

    frame_height = 0.0

    def guard_orphans(self, frame_height: float) -> None:
        rows = row_count(self)
        self.frame_height = frame_height
        splittable = rows > 1 + 2 * ORPHAN_ROWS
        set_split_range(self, (1 + ORPHAN_ROWS, -ORPHAN_ROWS) if splittable else (rows, rows))

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if not parts and availHeight >= self.frame_height - 1:
            set_split_range(self, None)  # -- an empty page: any split beats none --
            parts = super().split(availWidth, availHeight)
        for piece in parts:
            if isinstance(piece, _Table) and piece is not self:
                piece.guard_orphans(self.frame_height)
        return parts


def _figure_defaults(align: Sequence[str], styles: Styles) -> list[tuple[object, ...]]:
    """Figure cells print in the table style's size, leading and colour, aligned by column."""
    cell = styles.table_cell
    commands: list[tuple[object, ...]] = [
        ("FONTSIZE", (0, 1), (-1, -1), cell.fontSize),
        ("LEADING", (0, 1), (-1, -1), cell.leading),
        ("TEXTCOLOR", (0, 1), (-1, -1), cell.textColor),
    ]
    commands += [
        ("ALIGN", (column, 1), (column, -1), "RIGHT")
        for column, side in enumerate(align)
        if side == "right"
    ]
    return commands


def _figure_commands(row: Row, index: int) -> list[tuple[object, ...]]:
    """Colour and weight for the figure cells of the table row at `index` that need them."""
    commands: list[tuple[object, ...]] = []
    for column, cell in enumerate(row):
        if not isinstance(cell, Figure):
            continue
        place = ((column, index), (column, index))
        if cell.colour != theme.TEXT:
            commands.append(("TEXTCOLOR", *place, rgb(cell.colour)))
        if cell.bold:
            commands.append(("FONTNAME", *place, FACES["bold"]))
    return commands


def fit_row(row: Row, widths: Sequence[float], limit: float) -> list[Row]:
    """The row as one or more rows, none taller than `limit` points."""
    inner = limit - 2 * PAD
    pieces = [
        _split_cell(cell, width - 2 * PAD, inner) for cell, width in zip(row, widths, strict=True)
    ]
    count = max(len(piece) for piece in pieces)
    if count == 1:
        return [row]
    assert isinstance(row[0], RLParagraph)  # the first column is always a Paragraph
    blank = [RLParagraph("", row[0].style)]
    return [[piece[i] if i < len(piece) else blank[0] for piece in pieces] for i in range(count)]


def _split_cell(cell: Cell, width: float, height: float) -> list[Cell]:
    """The cell's paragraph cut into parts that are each at most `height` tall."""
    if isinstance(cell, Figure):
        return [cell]  # one line, never taller than a chunk
    parts: list[Cell] = []
    rest: RLParagraph = cell
    while True:
        _, needed = rest.wrap(width, height)
        if needed <= height:
            parts.append(rest)
            return parts
        pieces = rest.split(width, height)
        if len(pieces) < 2:  # not even one line fits: keep it whole rather than loop
            parts.append(rest)
            return parts
        first, rest = pieces[0], pieces[1]
        assert isinstance(first, RLParagraph) and isinstance(rest, RLParagraph)
        parts.append(first)
