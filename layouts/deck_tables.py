"""Deck tables: column widths, measured row heights, row splits, and the native table.

Row heights are computed from wrapped cell text, so the height PowerPoint and LibreOffice
draw is known before the table is placed, and a long table splits between rows with its
header repeated.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml import etree
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.shapes.shapetree import SlideShapes
from pptx.util import Pt

from generator.errors import GeneratorError
from generator.model import Align, MeasuresTable, Report, Table
from layouts import theme
from layouts.deck_measure import line_height, wrap_text
from layouts.fonts import text_width

CELL_PAD_X = 6.0  # points, left and right inside each cell
CELL_PAD_Y = 4.0  # points, top and bottom
MIN_HEADER_LINES = 2  # number headings may take two lines before a label wraps
LABEL_HEADER_LINES = 3  # ... or three, to keep labels on one line
MAX_HEADER_LINES = 5  # and at most this many


class DeckLayoutError(GeneratorError):
    """Content that cannot be laid out on a slide at any allowed size."""


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

    def split(self, available: float, minimum: int = 3) -> tuple[TableItem | None, TableItem]:
        """The rows that fit in `available` points (header repeated), and the rest."""
        used, count = self.header_height, 0
        for height in self.row_heights:
            if used + height > available:
                break
            used, count = used + height, count + 1
        # -- a table that would leave one or two rows at the foot of a slide moves on --
        if count == 0 or count < min(minimum, len(self.rows)):
            return None, self
        head = replace(self, rows=self.rows[:count], row_heights=self.row_heights[:count])
        tail = replace(self, rows=self.rows[count:], row_heights=self.row_heights[count:])
        return head, tail


def measures_cells(
    table: MeasuresTable, report: Report
) -> tuple[tuple[Cell, ...], list[tuple[Cell, ...]]]:
    """The header and rows of a measures table, strings exactly as the model formats them."""
    header = (
        Cell(report.measure_heading),
        *(Cell(period, "right") for period in table.periods),
        Cell(report.change_heading, "right"),
        Cell(report.percent_change_heading, "right"),
        Cell(report.assessment_heading),
    )
    rows = []
    for row in table.rows:
        colour = theme.ASSESSMENT_COLOURS[row.change.assessment]
        rows.append(
            (
                Cell(row.label + row.marker),
                *(Cell(text, "right") for text in row.value_texts),
                Cell(row.change.text, "right", colour),
                Cell(row.change.percent_text, "right", colour),
                Cell(row.change.summary, "left", colour, bold=True),
            )
        )
    return header, rows


def table_cells(table: Table) -> tuple[tuple[Cell, ...], list[tuple[Cell, ...]]]:
    header = tuple(
        Cell(text, align) for text, align in zip(table.header, table.align, strict=False)
    )
    rows = [
        tuple(Cell(text, align) for text, align in zip(row, table.align, strict=False))
        for row in table.rows
    ]
    return header, rows


def measure_table(
    header: tuple[Cell, ...], rows: list[tuple[Cell, ...]], size: float, width: float, name: str
) -> TableItem:
    """Column widths and row heights for the table at `size` across `width` points."""
    widths = column_widths(header, rows, size, width)
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
    least = {i: min(natural[i], _longest_word(header[i], columns[i], size)) for i in text}
    unwrapped = {i: natural[i] for i in text}
    attempts = [(lines, unwrapped) for lines in range(MIN_HEADER_LINES, LABEL_HEADER_LINES + 1)]
    attempts += [(lines, least) for lines in range(MIN_HEADER_LINES, MAX_HEADER_LINES + 1)]
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
    values = max((text_width(c.text, size, c.bold) for c in cells), default=0.0)
    words = head.text.split()
    spans = sorted(
        text_width(" ".join(words[a:b]), size, True)
        for a in range(len(words))
        for b in range(a + 1, len(words) + 1)
    )
    # -- wrap_text wraps against 97% of the width it is given, so allow for it here --
    heading = next(
        (w for w in spans if len(wrap_text(head.text, size, w / 0.96, True)) <= lines),
        spans[-1] if spans else 0.0,
    )
    return max(values, heading) / 0.96 + 2 * CELL_PAD_X + 2


def _longest_word(head: Cell, cells: list[Cell], size: float) -> float:
    words = [(w, True) for w in head.text.split()]
    words += [(w, c.bold) for c in cells for w in c.text.split()]
    widest = max((text_width(w, size, bold) for w, bold in words), default=0.0)
    return widest / 0.96 + 2 * CELL_PAD_X + 2


def _natural(head: Cell, cells: list[Cell], size: float) -> float:
    """Widest value unwrapped, or the header's longest word, whichever is wider."""
    values = max((text_width(c.text, size, c.bold) for c in cells), default=0.0)
    if head.align == "left":
        values = max(values, text_width(head.text, size, True))
    words = max((text_width(w, size, True) for w in head.text.split()), default=0.0)
    return max(values, words) / 0.96 + 2 * CELL_PAD_X + 2


def _row_height(
    row: tuple[Cell, ...], widths: tuple[float, ...], size: float, bold: bool = False
) -> float:
    lines = max(
        len(wrap_text(cell.text, size, width - 2 * CELL_PAD_X, bold or cell.bold))
        for cell, width in zip(row, widths, strict=False)
    )
    return lines * line_height(size) + 2 * CELL_PAD_Y + 1


def check_fits(item: TableItem, available: float) -> None:
    """A single row taller than a slide cannot be split: say which table, clearly."""
    if item.row_heights and item.header_height + max(item.row_heights) > available:
        raise DeckLayoutError(
            f"{item.name}: a row is too tall to fit on a slide; shorten its text."
        )


# -- Drawing ---------------------------------------------------------------------------


def draw_table(
    shapes: SlideShapes, item: TableItem, box: tuple[float, float, float, float], brand: str
) -> None:
    """A native table with the header row flagged, light rules and soft zebra shading."""
    left, top, width, _ = box
    frame = shapes.add_table(
        len(item.rows) + 1, len(item.header), Pt(left), Pt(top), Pt(width), Pt(item.height)
    )
    frame.name = item.name
    table = frame.table
    table.first_row, table.horz_banding = True, False
    for i, column_width in enumerate(item.widths):
        table.columns[i].width = Pt(column_width)
    heights = (item.header_height, *item.row_heights)
    for r, cells in enumerate((item.header, *item.rows)):
        table.rows[r].height = Pt(heights[r])
        for c, cell in enumerate(cells):
            fill = brand if r == 0 else theme.ZEBRA if r % 2 == 0 else theme.WHITE
            colour = theme.WHITE if r == 0 else cell.colour or theme.TEXT
            _draw_cell(table.cell(r, c), cell, item.size, fill, colour, r == 0)


def _draw_cell(cell: object, data: Cell, size: float, fill: str, colour: str, head: bool) -> None:
    from pptx.table import _Cell

    from layouts.deck_text import rgb

    assert isinstance(cell, _Cell)
    cell.margin_left = cell.margin_right = Pt(CELL_PAD_X)
    cell.margin_top = cell.margin_bottom = Pt(CELL_PAD_Y)
    cell.vertical_anchor = MSO_ANCHOR.BOTTOM if head else MSO_ANCHOR.TOP
    frame = cell.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.RIGHT if data.align == "right" else PP_ALIGN.LEFT
    paragraph.line_spacing = Pt(line_height(size))
    run = paragraph.add_run()
    run.text = data.text
    run.font.size, run.font.name = Pt(size), theme.DECK_FONT
    run.font.bold = head or data.bold
    run.font.color.rgb = rgb(colour)
    _cell_lines_and_fill(cell, fill)


def _cell_lines_and_fill(cell: object, fill: str) -> None:
    """No vertical lines, a thin light rule under each row, and a solid fill, in schema order."""
    tc = cell._tc  # type: ignore[attr-defined]
    tc_pr = tc.get_or_add_tcPr()
    for child in list(tc_pr):
        tc_pr.remove(child)
    for edge, visible in (("a:lnL", False), ("a:lnR", False), ("a:lnT", False), ("a:lnB", True)):
        line = etree.SubElement(tc_pr, qn(edge), w="9525" if visible else "0")
        if visible:
            solid = etree.SubElement(line, qn("a:solidFill"))
            etree.SubElement(solid, qn("a:srgbClr"), val=theme.RULE.lstrip("#"))
        else:
            etree.SubElement(line, qn("a:noFill"))
    solid = etree.SubElement(tc_pr, qn("a:solidFill"))
    etree.SubElement(solid, qn("a:srgbClr"), val=fill.lstrip("#"))
