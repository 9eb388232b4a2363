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

from generator import assessment_words as words
from generator.glance import change_text, tally_items
from generator.model import MeasureRow, Summary
from layouts import theme
from layouts.fonts import FACES, text_width
from layouts.pdf.tables import TableContext
from layouts.pdf.text import rgb, text_markup

TILE_NUMBER = 28.0  # points: the tally is the first thing a reader looks for
TILE_LABEL = 10.0
TILE_GAP = 6.0  # points of white between tiles
PAD = 4.0
Commands = list[tuple[object, ...]]


def summary_block(block: Summary, ctx: TableContext) -> list[Flowable]:
    """Tiles, the table of every measure by section, and the key to its words."""
    key = RLParagraph(
        f"<b>{text_markup(words.KEY_LABEL)}</b> " + text_markup(words.KEYS[block.rule]),
        ctx.styles.note,
    )
    flowables: list[Flowable] = [_tiles(block, ctx), Spacer(1, 8)]
    if block.groups:
        flowables += [_measures(block, ctx), Spacer(1, 4)]
    return [*flowables, key]


def _tiles(block: Summary, ctx: TableContext) -> RLTable:
    items = tally_items(block.tally, block.rule)
    numbers, labels = [], []
    for label, count, assessment in items:
        colour = theme.ASSESSMENT_COLOURS[assessment]
        numbers.append(_para(str(count), TILE_NUMBER, colour, bold=True))
        labels.append(_para(label, TILE_LABEL, colour, bold=True))
    width = ctx.width / len(items)
    return RLTable(
        [numbers, labels],
        colWidths=[width] * len(items),
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
    )


def _measures(block: Summary, ctx: TableContext) -> RLTable:
    """Measure | Latest | Change | Assessment, each section's rows under its title."""
    size, cell = theme.PDF.table, ctx.styles.table_cell
    rows = [row for group in block.groups for row in group.rows]
    widths = _widths(rows, ctx.width, size)
    header = [
        RLParagraph(text_markup(words.SUMMARY_MEASURE), ctx.styles.table_header),
        *(
            RLParagraph(text_markup(text), ctx.styles.table_header_number)
            for text in (words.SUMMARY_LATEST, words.SUMMARY_CHANGE)
        ),
        RLParagraph(text_markup(words.SUMMARY_ASSESSMENT), ctx.styles.table_header),
    ]
    body: list[list[object]] = [header]
    commands: Commands = _base_commands(ctx)
    for group in block.groups:
        commands += _group_commands(len(body), ctx.styles.brand)
        body.append([_para(group.title, size, ctx.styles.brand, bold=True), "", "", ""])
        for row in group.rows:
            body.append(_cells(row, cell))
            commands += _row_commands(row, len(body) - 1)
    return RLTable(body, colWidths=widths, repeatRows=1, hAlign="LEFT", style=commands)


def _cells(row: MeasureRow, style: ParagraphStyle) -> list[object]:
    return [
        RLParagraph(text_markup(row.label), style),
        row.value_texts[-1],
        change_text(row),
        row.change.summary,
    ]


def _widths(rows: list[MeasureRow], width: float, size: float) -> list[float]:
    """Figures and assessments on one line; the label takes the rest."""

    def widest(texts: list[str], bold: bool = False) -> float:
        return max((text_width(t, size, bold) for t in texts), default=0.0) + 2 * PAD + 2

    latest = widest([words.SUMMARY_LATEST, *(r.value_texts[-1] for r in rows)], bold=True)
    change = widest([words.SUMMARY_CHANGE, *(change_text(r) for r in rows)], bold=True)
    verdict = widest([words.SUMMARY_ASSESSMENT, *(r.change.summary for r in rows)], bold=True)
    return [width - latest - change - verdict, latest, change, verdict]


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


def _row_commands(row: MeasureRow, index: int) -> Commands:
    colour = rgb(theme.ASSESSMENT_COLOURS[row.change.assessment])
    return [
        ("TEXTCOLOR", (2, index), (3, index), colour),
        ("FONTNAME", (3, index), (3, index), FACES["bold"]),
        ("LINEBELOW", (0, index), (-1, index), 0.5, rgb(theme.RULE)),
    ]


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
