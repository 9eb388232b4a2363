"""Table sheets and chart sheets: data from A1, header in row 1, down to the first blank
row. Table cells print as Excel shows them; chart series must be numbers."""

from __future__ import annotations

from dataclasses import dataclass

from generator import figures
from generator.errors import Problems
from generator.model import Align, Chart, ChartKind, Series, Source, Table
from generator.parse import limits, numfmt
from generator.parse.cells import cell_source, read_number, text_of
from generator.words import Words
from generator.workbook import RawCell, RawRow, RawSheet

MAX_CHART_SERIES = 4  # the look: at most four colours in a chart


@dataclass(frozen=True)
class _Block:
    header: RawRow
    rows: tuple[RawRow, ...]
    width: int


def _block(sheet: RawSheet, problems: Problems) -> _Block | None:
    """Row 1 and the rows under it down to the first blank row."""
    if not sheet.rows or sheet.rows[0].number != 1:
        problems.error(
            Source(sheet.title, "A1"),
            "the sheet has no header in row 1; expected the data to start at A1",
        )
        return None
    header = sheet.rows[0]
    rows: list[RawRow] = []
    for expected, row in enumerate(sheet.rows[1:], start=2):
        if row.number != expected:
            break  # the first blank row ends the data
        rows.append(row)
    width = max(header.cells)
    _check_merges(sheet, len(rows) + 1, problems)
    for row in rows:
        for column, cell in row.cells.items():
            if column > width:
                problems.warning(
                    cell.source,
                    "a value to the right of the header row is ignored; "
                    "expected every column to have a header in row 1",
                )
    if not rows:
        problems.error(
            cell_source(sheet.title, 1, 2), "no data under the header; expected rows from row 2"
        )
        return None
    return _Block(header, tuple(rows), width)


def _check_merges(sheet: RawSheet, last_row: int, problems: Problems) -> None:
    for ref in sheet.merged:
        first_row = int("".join(ch for ch in ref.split(":")[0] if ch.isdigit()) or 0)
        if first_row <= last_row:
            problems.error(
                Source(sheet.title, ref),
                "merged cells inside the data; expected one value per cell (unmerge them)",
            )


def parse_table(sheet: RawSheet, caption: str, where: Source, problems: Problems) -> Table | None:
    """A generic table; numeric columns align right."""
    block = _block(sheet, problems)
    if block is None:
        return None
    limits.table_rows((block.header, *block.rows), problems)
    columns = range(1, block.width + 1)
    header = tuple(_shown(block.header.get(c), problems) for c in columns)
    rows = tuple(tuple(_shown(row.get(c), problems) for c in columns) for row in block.rows)
    align = tuple(_align(block.rows, c) for c in columns)
    return Table(caption, sheet.title, header, rows, align, where)


def _shown(cell: RawCell | None, problems: Problems) -> str:
    if cell is None:
        return ""
    formatted = numfmt.format_cell(cell.value, cell.number_format)
    if not formatted.exact:
        problems.warning(
            cell.source,
            f'the number format "{cell.number_format}" is not supported; printed as '
            f'"{formatted.text}"',
        )
    return formatted.text.strip() if isinstance(cell.value, str) else formatted.text


def _align(rows: tuple[RawRow, ...], column: int) -> Align:
    values = [cell.value for row in rows if (cell := row.get(column)) is not None]
    numeric = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    return "right" if values and len(numeric) == len(values) else "left"


def parse_chart(
    sheet: RawSheet,
    title: str,
    kind: ChartKind,
    where: Source,
    problems: Problems,
    words: Words | None = None,
) -> Chart | None:
    """Categories from column A, one series per further column."""
    block = _block(sheet, problems)
    if block is None:
        return None
    categories = tuple(_shown(row.get(1), problems) for row in block.rows)
    series = tuple(_series(block, column, problems) for column in range(2, block.width + 1))
    if not series:
        problems.error(
            cell_source(sheet.title, 2, 1), "no series; expected a column of numbers from B1"
        )
        return None
    if len(series) > MAX_CHART_SERIES:
        problems.warning(
            cell_source(sheet.title, MAX_CHART_SERIES + 2, 1),
            f"{len(series)} series; expected at most {MAX_CHART_SERIES} so colours stay "
            "distinguishable",
        )
    if not any(v is not None for one in series for v in one.values):
        problems.warning(
            cell_source(sheet.title, 2, 2), "the chart has no figures; it prints empty"
        )
    if kind == "pie" and not _pie_values_usable(sheet.title, block, series, problems):
        return None
    alt_text = figures.describe_chart(title, kind, categories, series, words or Words())
    heading = _shown(block.header.get(1), problems)
    return Chart(title, kind, sheet.title, categories, series, alt_text, where, heading)


def _pie_values_usable(
    sheet: str, block: _Block, series: tuple[Series, ...], problems: Problems
) -> bool:
    """A pie shows shares of a whole: a negative slice or a whole of zero cannot be drawn."""
    usable = True
    for column, one in enumerate(series, start=2):
        for row, value in zip(block.rows, one.values, strict=True):
            if value is not None and value < 0:
                usable = False
                problems.error(
                    cell_source(sheet, column, row.number),
                    f"found {numfmt.general(value)} in a pie chart; expected zero or more "
                    "(a pie cannot show a negative share; use a column or bar chart)",
                )
        if usable and not any(one.values):
            usable = False
            problems.error(
                cell_source(sheet, column, 2),
                f'the series "{one.name}" has no value above zero; expected at least one '
                "for a pie chart",
            )
    return usable


def _series(block: _Block, column: int, problems: Problems) -> Series:
    cells = [row.get(column) for row in block.rows]
    values = tuple(read_number(cell, problems) for cell in cells)
    present = [cell for cell in cells if cell is not None]
    # -- a column of %-formatted fractions is read as percentages and labelled with % --
    percent = bool(present) and all(numfmt.is_percent(cell.number_format) for cell in present)
    if percent:
        values = tuple(None if v is None else float(figures.decimal(v) * 100) for v in values)
    texts = figures.format_series_values(values)
    if percent:
        texts = tuple(
            text if v is None else text + "%" for text, v in zip(texts, values, strict=True)
        )
    name = text_of(block.header.get(column))
    return Series(name, values, texts, percent)
