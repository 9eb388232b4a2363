"""The PDF's at-a-glance page: the tally as four tiles, then every measure by section.

The tiles are a table of text (a number and its word), so the page needs no picture and
no alt text: a screen reader reads "15 Better" as printed. The compact table uses the
measures tables' own strings, symbols and colours, so the two can never disagree.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from generator.model import Summary
from layouts import theme
from layouts.fonts import FACES, text_width
from layouts.pdf.tables import TableContext
from layouts.pdf.tagging import tag
from layouts.pdf.tagtables import ColumnTags, DataTableTags
from layouts.pdf.text import rgb, text_markup
from layouts.view import GridCell, SummaryGrid, assessment_key, summary_grid, summary_tiles

TILE_NUMBER = 28.0  # points: the tally is the first thing a reader looks for
TILE_LABEL = 10.0
TILE_GAP = 6.0  # points of white between tiles
PAD = 4.0
Commands = list[tuple[object, ...]]


def summary_block(block: Summary, ctx: TableContext) -> list[Flowable]:
    """Tiles, the table of every measure by section, and the key to its words."""
    label, sentence = assessment_key(ctx.words, block.rule)
    key = RLParagraph(f"<b>{text_markup(label)}:</b> {text_markup(sentence)}", ctx.styles.note)
    flowables: list[Flowable] = [_tiles(block, ctx), Spacer(1, 8)]
    if block.groups:
        flowables += [_measures(summary_grid(block, ctx.words), ctx), Spacer(1, 4)]
    return [*flowables, tag(key, ctx.parent.add("P"))]


def _tiles(block: Summary, ctx: TableContext) -> RLTable:
    tiles = summary_tiles(block, ctx.words)
    numbers, labels = [], []
    for tile in tiles:
        colour = theme.ASSESSMENT_COLOURS[tile.tone]
        numbers.append(_para(str(tile.count), TILE_NUMBER, colour, bold=True))
        labels.append(_para(tile.label, TILE_LABEL, colour, bold=True))
    width = ctx.width / len(tiles)
    # -- each tile (its number above its word) is one P: read "15 Better", not by row --
    paragraphs = [ctx.parent.add("P") for _ in tiles]
    return RLTable(
        [numbers, labels],
        colWidths=[width] * len(tiles),
        hAlign="LEFT",
        style=[
            ("BACKGROUND", (0, 0), (-1, -1), rgb(theme.CALLOUT_FILL)),
            ("LINEAFTER", (0, 0), (-2, -1), TILE_GAP, rgb(theme.WHITE)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, 0), 8),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 0),
            ("TOPPADDING", (0, 1), (-1, 1), 2),
            ("BOTTOMPADDING", (0, 1), (-1, 1), 10),
        ],
        renderCB=ColumnTags(paragraphs),
    )


def _measures(grid: SummaryGrid, ctx: TableContext) -> RLTable:
    """Measure | Latest | Change | Assessment, each section's rows under its title."""
    styles, size = ctx.styles, theme.PDF.table
    header = [
        RLParagraph(
            text_markup(cell.text),
            styles.table_header_number if cell.align == "right" else styles.table_header,
        )
        for cell in grid.header
    ]
    body: list[list[object]] = [header]
    commands: Commands = _base_commands(ctx)
    for index, row in enumerate(grid.rows, start=1):
        if index - 1 in grid.titles:
            commands += _group_commands(index, styles.brand)
            body.append([_para(row[0].text, size, styles.brand, bold=True), "", "", ""])
            continue
        label, *figures = row
        body.append(
            [RLParagraph(text_markup(label.text), styles.table_cell)]
            + [cell.text for cell in figures]
        )
        commands += _row_commands(figures, index)
    widths = _widths(grid, ctx.width, size)
    tags = DataTableTags(ctx.parent.add("Table"), row_headers=True)
    return RLTable(
        body, colWidths=widths, repeatRows=1, hAlign="LEFT", style=commands, renderCB=tags
    )


def _widths(grid: SummaryGrid, width: float, size: float) -> list[float]:
    """Figures and assessments on one line; the label takes the rest."""
    rows = [row for index, row in enumerate(grid.rows) if index not in grid.titles]
    columns = [
        max(text_width(text, size, True) for text in (head.text, *(r[i].text for r in rows)))
        + 2 * PAD
        + 2
        for i, head in enumerate(grid.header)
        if i
    ]
    return [width - sum(columns), *columns]


def _base_commands(ctx: TableContext) -> Commands:
    cell = ctx.styles.table_cell
    return [
        ("BACKGROUND", (0, 0), (-1, 0), rgb(ctx.styles.brand)),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("FONTNAME", (0, 1), (-1, -1), FACES["regular"]),
        ("FONTSIZE", (0, 1), (-1, -1), cell.fontSize),
        ("LEADING", (0, 1), (-1, -1), cell.leading),
        ("TEXTCOLOR", (0, 1), (-1, -1), cell.textColor),
        ("ALIGN", (1, 1), (2, -1), "RIGHT"),
    ]


def _group_commands(index: int, brand: str) -> Commands:
    """A section title across the table, with air above it and a rule below."""
    return [
        ("SPAN", (0, index), (-1, index)),
        ("TOPPADDING", (0, index), (-1, index), 5),
        ("LINEBELOW", (0, index), (-1, index), 0.75, rgb(brand)),
    ]


def _row_commands(figures: list[GridCell], index: int) -> Commands:
    """Each figure in its tone's colour; the assessment bold; a light rule below."""
    commands: Commands = [("LINEBELOW", (0, index), (-1, index), 0.5, rgb(theme.RULE))]
    for column, cell in enumerate(figures, start=1):
        place = ((column, index), (column, index))
        if cell.tone is not None:
            commands.append(("TEXTCOLOR", *place, rgb(theme.ASSESSMENT_COLOURS[cell.tone])))
        if cell.bold:
            commands.append(("FONTNAME", *place, FACES["bold"]))
    return commands


def _para(text: str, size: float, colour: str, bold: bool = False) -> RLParagraph:
    return RLParagraph(text_markup(text), _style(size, colour, bold))


@cache
def _style(size: float, colour: str, bold: bool) -> ParagraphStyle:
    return ParagraphStyle(
        f"glance-{size}-{colour}-{bold}",
        fontName=FACES["bold" if bold else "regular"],
        fontSize=size,
        leading=round(size * 1.2, 1),
        textColor=rgb(colour),
    )
