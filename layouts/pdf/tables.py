"""Measures tables and generic tables as reportlab Tables.

Tables split between rows and repeat their header. A row taller than a chunk of the page
would make reportlab raise LayoutError, so such a row is cut here into several rows, each
holding the next part of its tall cells: the text continues, nothing is clipped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeAlias

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from generator.model import MeasuresTable, Report, Table
from layouts import theme
from layouts.fonts import FACES, text_width
from layouts.pdf.text import Styles, rgb, text_markup
from layouts.view import GridCell, GridRow, footnote_lines, measures_grid

PAD = 5.0  # cell padding, points
MIN_NUMBER_WIDTH = 46.0
MIN_COLUMN = 2 * PAD + 16  # points: even a squeezed column keeps room for a short word
WIDEST_TEXT_SHARE = 0.6  # a generic table's text column wraps beyond this share of the width
MIN_LABEL_SHARE = 0.28  # the label column keeps at least this share of the width
MAX_HEADING_LINES = 5  # a heading wraps to at most this many lines before columns squeeze
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


# -- Measures tables -----------------------------------------------------------------


def measures_table(table: MeasuresTable, ctx: TableContext) -> list[Flowable]:
    """Measure | periods | Change | % change | Assessment, then footnotes and the key."""
    styles = ctx.styles
    grid = measures_grid(table, ctx.report)
    headings = [cell.text for cell in grid.header]
    texts = [[cell.text for cell in row] for row in grid.rows]
    widths = _measure_widths(headings, texts, ctx.width)
    align = ["left"] + ["right"] * (len(headings) - 1)
    header = _header_row(headings, align, styles)
    body = [_measure_cells(row, widths, styles) for row in grid.rows]
    flowables = _caption(table.caption, styles)
    flowables.append(_table(header, body, widths, align, ctx))
    flowables += [RLParagraph(text_markup(line), styles.note) for line in footnote_lines(table)]
    if table is ctx.key_table:
        flowables.append(
            RLParagraph("<b>Key:</b> " + text_markup(theme.ASSESSMENT_KEY), styles.note)
        )
    flowables.append(Spacer(1, 8))
    return flowables


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
    if single and text_width(text, style.fontSize, bold) <= width - 2 * PAD:
        figure = Figure(text)
        figure.colour, figure.bold = colour, bold
        return figure
    markup = f"<b>{text_markup(text)}</b>" if bold else text_markup(text)
    if colour != theme.TEXT:
        markup = f'<font color="{colour}">{markup}</font>'
    return RLParagraph(markup, style)


def _measure_widths(headings: Sequence[str], rows: list[list[str]], width: float) -> list[float]:
    """A wide label column; figure columns as narrow as their figures and headings allow.

    Figures never break: when they need more than the label can spare, the label gives
    way down to its longest word before any column is squeezed.
    """
    columns = [[row[i] for row in rows] for i in range(len(headings))]
    pairs = list(zip(headings[1:], columns[1:], strict=True))
    label_floor = _longest_word([headings[0], *columns[0]]) + 2 * PAD + 1
    for budget in (width * (1 - MIN_LABEL_SHARE), width - label_floor):
        numbers = _fit_widths(pairs, budget, 2, MAX_HEADING_LINES, squeeze=False)
        if numbers is not None:
            return [width - sum(numbers), *numbers]
    numbers = _fit_widths(pairs, width - label_floor, 2, MAX_HEADING_LINES) or []
    return [width - sum(numbers), *numbers]


def _longest_word(texts: Sequence[str]) -> float:
    size = theme.PDF.table
    return max((text_width(word, size, bold=True) for t in texts for word in t.split()), default=0)


def _fit_widths(
    pairs: Sequence[tuple[str, Sequence[str]]],
    budget: float,
    fewest: int,
    most: int,
    cap: float = math.inf,
    squeeze: bool = True,
) -> list[float] | None:
    """Widths that fit the budget, wrapping the widest headings onto more lines first.

    When even that is too wide, columns shrink in proportion, or with `squeeze=False`
    the answer is None so the caller can find more room first.
    """
    lines = [fewest] * len(pairs)
    widths = [_width(heading, cells, fewest, cap) for heading, cells in pairs]
    while sum(widths) > budget:
        narrower = {
            i: _width(pairs[i][0], pairs[i][1], lines[i] + 1, cap)
            for i in range(len(pairs))
            if lines[i] < most
        }
        shrinkable = [i for i, w in narrower.items() if w < widths[i] - 0.5]
        if not shrinkable:
            if not squeeze:
                return None
            return [max(MIN_COLUMN, w * budget / sum(widths)) for w in widths]
        # -- columns as wide as the widest shrink together, so periods stay alike --
        widest = max(widths[i] for i in shrinkable)
        for i in shrinkable:
            if widths[i] >= widest - 2:
                lines[i] += 1
                widths[i] = narrower[i]
    return widths


def _width(heading: str, cells: Sequence[str], lines: int, cap: float = math.inf) -> float:
    """Room for the widest cell (wrapping beyond `cap`), and the heading on `lines` lines."""
    size = theme.PDF.table
    widest_cell = min(cap, max((text_width(cell, size) for cell in cells), default=0.0))
    inner = max(widest_cell, _heading_width(heading, lines), MIN_NUMBER_WIDTH - 2 * PAD)
    return inner + 2 * PAD + 1


@lru_cache(maxsize=1024)  # every measures table asks again for the same few headings
def _heading_width(heading: str, lines: int) -> float:
    """The narrowest line width at which the bold heading wraps to at most `lines` lines."""
    words = heading.split()
    size = theme.PDF.table
    spans = sorted(
        text_width(" ".join(words[i:j]), size, bold=True)
        for i in range(len(words))
        for j in range(i + 1, len(words) + 1)
    )
    return next(
        (w for w in spans if _line_count(words, w, size) <= lines), spans[-1] if spans else 0.0
    )


def _line_count(words: Sequence[str], width: float, size: float) -> int:
    count, line = 1, ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if line and text_width(candidate, size, bold=True) > width + 0.01:
            count, line = count + 1, word
        else:
            line = candidate
    return count


# -- Generic tables ------------------------------------------------------------------


def generic_table(table: Table, ctx: TableContext) -> list[Flowable]:
    """The cells exactly as Excel shows them; numbers right-aligned per `table.align`."""
    styles = ctx.styles
    columns = len(table.header)
    align = list(table.align) + ["left"] * (columns - len(table.align))
    header = _header_row(table.header, align, styles)
    widths = _generic_widths(table, ctx.width)
    body = [_generic_cells(_pad(row, columns), align, widths, styles) for row in table.rows]
    flowables = _caption(table.caption, styles)
    flowables += [_table(header, body, widths, align, ctx), Spacer(1, 10)]
    return flowables


def _generic_cells(
    texts: Sequence[str], align: Sequence[str], widths: Sequence[float], styles: Styles
) -> Row:
    # -- the first column stays a Paragraph: it gives the row its height, figures or not --
    first: Row = [RLParagraph(text_markup(texts[0]), _cell_style(styles, align[0]))]
    return first + [
        _cell(text, _cell_style(styles, side), width)
        for text, side, width in zip(texts[1:], align[1:], widths[1:], strict=True)
    ]


def _pad(row: Sequence[str], columns: int) -> list[str]:
    return [*row[:columns], *[""] * (columns - len(row))]


def _generic_widths(table: Table, width: float) -> list[float]:
    """Headings on as few lines as fit; the spare width goes to the first column."""
    columns = len(table.header)
    cells = [[_pad(row, columns)[i] for row in table.rows] for i in range(columns)]
    pairs = list(zip(table.header, cells, strict=True))
    widths = _fit_widths(pairs, width, 1, MAX_HEADING_LINES, cap=width * WIDEST_TEXT_SHARE) or []
    return [widths[0] + width - sum(widths), *widths[1:]]


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


def _caption(caption: str, styles: Styles) -> list[Flowable]:
    """The caption, or a little space so the table never touches the text above."""
    if caption:
        return [RLParagraph(text_markup(caption), styles.caption)]
    return [Spacer(1, 6)]


def _table(
    header: Row, body: list[Row], widths: list[float], align: Sequence[str], ctx: TableContext
) -> RLTable:
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
        ("FONTNAME", (0, 0), (-1, -1), ctx.styles.table_cell.fontName),
        *_figure_defaults(align, ctx.styles),
    ]
    for index, row in enumerate(body):
        parts = fit_row(row, widths, limit)
        first, last = len(rows), len(rows) + len(parts) - 1
        if index % 2:
            commands.append(("BACKGROUND", (0, first), (-1, last), rgb(theme.ZEBRA)))
        commands.append(("LINEBELOW", (0, last), (-1, last), 0.5, rgb(theme.RULE)))
        commands += _figure_commands(row, first)
        rows += parts
    return RLTable(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", style=commands)


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
