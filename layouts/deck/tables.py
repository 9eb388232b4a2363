"""Deck tables: column widths, measured row heights, row splits, and the native table.

Row heights are computed from wrapped cell text, so the height PowerPoint and LibreOffice
draw is known before the table is placed, and a long table splits between rows with its
header repeated.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, replace

from pptx.shapes.shapetree import SlideShapes
from pptx.util import Pt

from generator.errors import RenderError
from generator.model import Align, MeasuresTable, Report, Source, Table
from generator.words import Words
from layouts import theme
from layouts.deck.internals import table_element
from layouts.deck.measure import line_height, word_width, wrap_text
from layouts.deck.oxml import parse_children, run_xml
from layouts.fit import DECK_CELL_PAD, DECK_SAFETY
from layouts.view import Grid, GridRow, measures_grid, table_grid

CELL_PAD_X = DECK_CELL_PAD  # points, left and right inside each cell
CELL_PAD_Y = 4.0  # points, top and bottom
MIN_HEADER_LINES = 2  # number headings may take two lines before a label wraps
LABEL_HEADER_LINES = 3  # ... or three, to keep labels on one line
MAX_HEADER_LINES = 5  # and at most this many, unless only longer headings make room
MAX_WORD_SHARE = 0.5  # of the table's width, at most, that text columns keep unbroken words
KEEP_ROWS = 8  # a table of up to this many rows moves to the next slide whole


@dataclass(frozen=True)
class Cell:
    text: str
    align: Align = "left"
    colour: str | None = None  # text colour; None is the body text colour
    bold: bool = False


@dataclass(frozen=True)
class TableItem:
    """A table (or one slide's part of it), measured at one text size."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]
    header_height: float
    row_heights: tuple[float, ...]
    size: float
    name: str

    @property
    def height(self) -> float:
        return self.header_height + sum(self.row_heights)

    @property
    def min_height(self) -> float:
        """The least a slide must hold: the header and the rows a split keeps together."""
        return self.header_height + sum(self.row_heights[:3])

    def split(
        self, available: float, minimum: int = 3, fresh: float = math.inf
    ) -> tuple[TableItem | None, TableItem]:
        """The rows that fit in `available` points (header repeated), and the rest.

        `fresh` is the room on an empty slide: a small table moves on whole only when it
        would fit there whole; one that must split anyway starts here.
        """
        used, count = self.header_height, 0
        for height in self.row_heights:
            if used + height > available:
                break
            used, count = used + height, count + 1
        # -- a table that would leave one or two rows at the foot of a slide moves on,
        #    and a small one moves on whole --
        small = (
            minimum > 1
            and len(self.rows) <= KEEP_ROWS
            and count < len(self.rows)
            and self.height <= fresh
        )
        if count == 0 or count < min(minimum, len(self.rows)) or small:
            return None, self
        # -- nor are one or two rows left alone on the next slide: some move on with them --
        rest = len(self.rows) - count
        if 0 < rest < minimum <= count - (minimum - rest):
            count -= minimum - rest
        head = replace(self, rows=self.rows[:count], row_heights=self.row_heights[:count])
        tail = replace(self, rows=self.rows[count:], row_heights=self.row_heights[count:])
        return head, tail


def measures_cells(
    table: MeasuresTable, report: Report, words: Words | None = None
) -> tuple[tuple[Cell, ...], list[tuple[Cell, ...]]]:
    """The header and rows of a measures table, as the view resolves them for every edition."""
    return _cells(measures_grid(table, report, words))


def table_cells(table: Table) -> tuple[tuple[Cell, ...], list[tuple[Cell, ...]]]:
    return _cells(table_grid(table))


def _cells(grid: Grid) -> tuple[tuple[Cell, ...], list[tuple[Cell, ...]]]:
    def row(cells: GridRow) -> tuple[Cell, ...]:
        return tuple(
            Cell(
                cell.text,
                cell.align,
                None if cell.tone is None else theme.ASSESSMENT_COLOURS[cell.tone],
                cell.bold,
            )
            for cell in cells
        )

    return row(grid.header), [row(cells) for cells in grid.rows]


def measure_table(
    header: tuple[Cell, ...],
    rows: list[tuple[Cell, ...]],
    size: float,
    width: float,
    name: str,
    widths: tuple[float, ...] | None = None,
) -> TableItem:
    """Column widths (unless given) and row heights for the table at `size` across `width`."""
    widths = widths or column_widths(header, rows, size, width)
    header_height = _row_height(header, widths, size, bold=True)
    heights = tuple(_row_height(row, widths, size) for row in rows)
    return TableItem(header, tuple(rows), widths, header_height, heights, size, name)


def column_widths(
    header: tuple[Cell, ...], rows: list[tuple[Cell, ...]], size: float, width: float
) -> tuple[float, ...]:
    """Numbers never wrap; their headings wrap to as few lines as the width allows.

    Labels stay on one line if number headings on up to three lines make room for them;
    otherwise labels wrap (down to their longest word) before headings take more lines.
    Only a table too wide even then is shared in proportion.
    """
    columns = [[r[i] for r in rows if i < len(r)] for i in range(len(header))]
    numeric = [i for i, head in enumerate(header) if head.align == "right"]
    text = [i for i in range(len(header)) if i not in numeric] or [0]
    natural = [_natural(header[i], columns[i], size) for i in range(len(header))]
    # -- a word longer than a share of the table (a pasted address, "xxxx...") breaks by
    #    characters instead of squeezing the figures until nothing fits --
    longest = width * MAX_WORD_SHARE / len(text)
    least = {i: min(natural[i], _longest_word(header[i], columns[i], size), longest) for i in text}
    unwrapped = {i: natural[i] for i in text}
    attempts = [(lines, unwrapped) for lines in range(MIN_HEADER_LINES, LABEL_HEADER_LINES + 1)]
    attempts += [(lines, least) for lines in range(MIN_HEADER_LINES, MAX_HEADER_LINES + 1)]
    # -- last, headings wrap down to their longest word: figures and words stay whole --
    attempts.append((max(len(head.text.split()) for head in header), least))
    for lines, needed in attempts:
        numbers = {i: _number_width(header[i], columns[i], size, lines) for i in numeric}
        room = width - sum(numbers.values())
        if room >= sum(needed.values()):
            return _share_text(numbers, natural, least, room, len(header))
    return tuple(width * n / sum(natural) for n in natural)


def _share_text(
    numbers: dict[int, float],
    natural: list[float],
    least: dict[int, float],
    room: float,
    count: int,
) -> tuple[float, ...]:
    """Text columns get `room`: all of it, wrapping toward their longest word if short."""
    flexible = sum(natural[i] - least[i] for i in least)
    squeeze = (
        min(1.0, max(0.0, sum(natural[i] for i in least) - room) / flexible) if flexible else 0
    )
    text = {i: natural[i] - (natural[i] - least[i]) * squeeze for i in least}
    spare = room - sum(text.values())
    text = {i: w + spare / len(text) for i, w in text.items()}
    return tuple(numbers.get(i, text.get(i, 0.0)) for i in range(count))


def _number_width(head: Cell, cells: list[Cell], size: float, lines: int) -> float:
    """The widest figure unwrapped, or the heading on at most `lines` lines."""
    values = max((word_width(c.text, size, c.bold) for c in cells), default=0.0)
    return max(values, _heading_width(head.text, size, lines)) / DECK_SAFETY + 2 * CELL_PAD_X + 2


@functools.lru_cache(maxsize=1024)
def _heading_width(text: str, size: float, lines: int) -> float:
    """The narrowest width at which the heading wraps to at most `lines` lines.

    Remembered: every measures table shares the same headings, and each is tried for
    every column, header-line limit and text size; the search is quadratic in its words.
    """
    words = text.split()
    spans = sorted(
        word_width(" ".join(words[a:b]), size, True)
        for a in range(len(words))
        for b in range(a + 1, len(words) + 1)
    )
    # -- wrap_text wraps against 97% of the width it is given, so allow for it here --
    return next(
        (w for w in spans if len(wrap_text(text, size, w / DECK_SAFETY, True)) <= lines),
        spans[-1] if spans else 0.0,
    )


def _longest_word(head: Cell, cells: list[Cell], size: float) -> float:
    words = [(w, True) for w in head.text.split()]
    words += [(w, c.bold) for c in cells for w in c.text.split()]
    widest = max((word_width(w, size, bold) for w, bold in words), default=0.0)
    return widest / DECK_SAFETY + 2 * CELL_PAD_X + 2


def _natural(head: Cell, cells: list[Cell], size: float) -> float:
    """Widest value unwrapped, or the header's longest word, whichever is wider."""
    values = max((word_width(c.text, size, c.bold) for c in cells), default=0.0)
    if head.align == "left":
        values = max(values, word_width(head.text, size, True))
    words = max((word_width(w, size, True) for w in head.text.split()), default=0.0)
    return max(values, words) / DECK_SAFETY + 2 * CELL_PAD_X + 2


def _row_height(
    row: tuple[Cell, ...], widths: tuple[float, ...], size: float, bold: bool = False
) -> float:
    lines = max(
        _line_count(cell.text, size, width - 2 * CELL_PAD_X, bold or cell.bold)
        for cell, width in zip(row, widths, strict=False)
    )
    return lines * line_height(size) + 2 * CELL_PAD_Y + 1


@functools.lru_cache(maxsize=8192)
def _line_count(text: str, size: float, width: float, bold: bool) -> int:
    """Remembered: columns of one table share widths, and figures and assessments repeat."""
    return len(wrap_text(text, size, width, bold))


def check_fits(item: TableItem, available: float, where: Source) -> None:
    """A single row taller than a slide cannot be split: say which table, clearly."""
    if item.row_heights and item.header_height + max(item.row_heights) > available:
        raise RenderError(
            f"{item.name}: a row is too tall to fit on a slide; shorten its text", where
        )


# -- Drawing ---------------------------------------------------------------------------
#
# A 200-section deck has some 15,000 cells; building and styling each through python-pptx
# (~20 property calls, each searching the cell's XML) was the deck's largest cost. The
# frame and column widths still go through python-pptx; the rows are written as one XML
# string (layouts.deck.oxml), exactly what those calls produced, and parsed once.


def draw_table(
    shapes: SlideShapes, item: TableItem, box: tuple[float, float, float, float], brand: str
) -> None:
    """A native table with the header row flagged, light rules and soft zebra shading."""
    left, top, width, _ = box
    # -- python-pptx builds the frame, grid and header row; the other rows are ours --
    frame = shapes.add_table(1, len(item.header), Pt(left), Pt(top), Pt(width), Pt(item.height))
    frame.name = item.name
    table = frame.table
    table.first_row, table.horz_banding = True, False
    for i, column_width in enumerate(item.widths):
        table.columns[i].width = Pt(column_width)
    style = _cell_style(item.size, len(item.header))
    rows = _tr_xml(item.header, item.header_height, style, brand, head=True) + "".join(
        _tr_xml(cells, height, style, theme.ZEBRA if r % 2 == 0 else theme.WHITE, head=False)
        for r, (cells, height) in enumerate(zip(item.rows, item.row_heights, strict=True), 1)
    )
    tbl = table_element(table)
    header, *body = parse_children("tbl", rows)
    tbl.replace(tbl.tr_lst[0], header)
    tbl.extend(body)
    # -- as python-pptx does on each row height: the frame is the sum of the rounded rows --
    table.notify_height_changed()


def _tr_xml(
    cells: tuple[Cell, ...], height: float, style: _CellStyle, fill: str, head: bool
) -> str:
    """One <a:tr>; a short row is padded with python-pptx's own blank cells."""
    xml = "".join(_tc_xml(cell, style, fill, head) for cell in cells[: style.columns])
    return f'<a:tr h="{Pt(height)}">{xml}{_BLANK_TC * (style.columns - len(cells))}</a:tr>'


@dataclass(frozen=True)
class _CellStyle:
    """The XML attribute values every cell of one table shares."""

    spacing: str  # exact line pitch, centipoints
    size: float  # font size, points
    pad_x: str  # EMU
    pad_y: str  # EMU
    columns: int


def _cell_style(size: float, columns: int) -> _CellStyle:
    return _CellStyle(
        str(Pt(line_height(size)).centipoints),  # as python-pptx writes a spacing in points
        size,
        str(Pt(CELL_PAD_X)),
        str(Pt(CELL_PAD_Y)),
        columns,
    )


# -- the cell python-pptx's add_table creates, for a row shorter than the header --
_BLANK_TC = "<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p/></a:txBody><a:tcPr/></a:tc>"


def _tc_xml(data: Cell, style: _CellStyle, fill: str, head: bool) -> str:
    """One <a:tc>: wrapped text in one run, cell margins, no vertical lines, a light rule
    under the row and a solid fill, in schema order."""
    colour = theme.WHITE if head else data.colour or theme.TEXT
    return (
        '<a:tc><a:txBody><a:bodyPr wrap="square"/><a:lstStyle/><a:p>'
        f'<a:pPr algn="{"r" if data.align == "right" else "l"}">'
        f'<a:lnSpc><a:spcPts val="{style.spacing}"/></a:lnSpc></a:pPr>'
        f"{run_xml(data.text, style.size, colour, head or data.bold)}</a:p></a:txBody>"
        f'<a:tcPr marL="{style.pad_x}" marR="{style.pad_x}" marT="{style.pad_y}" '
        f'marB="{style.pad_y}" anchor="{"b" if head else "t"}">'
        '<a:lnL w="0"><a:noFill/></a:lnL><a:lnR w="0"><a:noFill/></a:lnR>'
        '<a:lnT w="0"><a:noFill/></a:lnT><a:lnB w="9525"><a:solidFill>'
        f'<a:srgbClr val="{theme.RULE.lstrip("#")}"/></a:solidFill></a:lnB>'
        f'<a:solidFill><a:srgbClr val="{fill.lstrip("#")}"/></a:solidFill></a:tcPr></a:tc>'
    )
