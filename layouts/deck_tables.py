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
    """Numbers never wrap; number headers get room for two lines; text takes the rest."""
    count = len(header)
    natural = [_natural(header[i], [r[i] for r in rows if i < len(r)], size) for i in range(count)]
    numeric = [i for i in range(count) if header[i].align == "right"]
    text = [i for i in range(count) if i not in numeric] or [0]
    if sum(natural[i] for i in numeric) > width * 0.7:  # too many numbers: share in proportion
        return tuple(width * n / sum(natural) for n in natural)
    wish = list(natural)
    for i in numeric:
        wish[i] = max(natural[i], text_width(header[i].text, size, True) / 2 + 2 * CELL_PAD_X + 8)
    widths = list(natural)
    spare = width - sum(natural)
    if spare > 0:  # first let number headers breathe, then give text the rest
        grow = sum(wish[i] - natural[i] for i in numeric)
        share = min(1.0, spare * 0.6 / grow) if grow else 0.0
        for i in numeric:
            widths[i] += (wish[i] - natural[i]) * share
        left = width - sum(widths)
        for i in text:
            widths[i] += left / len(text)
    else:  # text columns wrap to fit beside the numbers, never narrower than a word
        least = {
            i: _longest_word(header[i], [r[i] for r in rows if i < len(r)], size) for i in text
        }
        least = {i: min(least[i], natural[i]) for i in text}
        rest = width - sum(natural[i] for i in numeric) - sum(least.values())
        flexible = sum(natural[i] - least[i] for i in text) or 1.0
        for i in text:
            widths[i] = least[i] + max(rest, 0.0) * (natural[i] - least[i]) / flexible
    return tuple(widths)


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
    header = max(words, text_width(head.text, size, True) / 3)
    return max(values, header) / 0.96 + 2 * CELL_PAD_X + 2


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
