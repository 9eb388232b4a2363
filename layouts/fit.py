"""How a measures table's periods fit a page or a slide: one rule for both editions and `check`.

A figure never breaks and a word never breaks: every figure column is at least as wide as
its widest figure and the longest word of its heading, and the label column as its longest
word. A table whose columns need more than the width takes smaller type (down to the
edition's minimum), then a wider page (the PDF's landscape), then its periods split over
two tables with the labels repeated. A table that fits none of these is refused, by
`check` and by `build` alike, with its period header cells and how many periods fit.

Pure measuring with the bundled font's metrics: no drawing, so `check` can ask too.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from generator.errors import Problem, RenderError
from generator.model import Document, MeasuresTable, Report
from generator.words import Words
from layouts import theme
from layouts.fonts import text_width
from layouts.view import Grid, measures_grid

PDF_CELL_PAD = 5.0  # points left and right inside a PDF table cell
DECK_CELL_PAD = 6.0  # points left and right inside a deck table cell
PDF_SIZES = (theme.PDF.table, 9.0, 8.5, 8.0)  # the PDF's table type, down to its minimum
DECK_SIZES = (theme.DECK.table, 13.0, theme.DECK.minimum)
A4_PORTRAIT = 595.2756  # points: reportlab's A4 width
A4_LANDSCAPE = 841.8898
MM = 72 / 25.4
# -- the deck measures against 96% of a cell's inner width: PowerPoint and LibreOffice
#    break a line a hair before the exact advance sum --
DECK_SAFETY = 0.96
TABLES_MOST = 2  # a table's periods split over at most this many tables
LONG_WORD_SHARE = 0.35  # of the narrowest width: a longer label word breaks by characters


class FitError(RenderError):
    """A measures table whose periods cannot print as whole figures in an edition."""


@dataclass(frozen=True)
class Edition:
    """What one edition offers a table: type sizes and widths, preferred first."""

    name: str  # how the message names it: "a PDF page", "a slide"
    sizes: tuple[float, ...]
    widths: tuple[float, ...]
    pad: float  # points a column needs beyond its text
    safety: float = 1.0  # text fits this share of a column's inner width


@dataclass(frozen=True)
class TextGrid:
    """A measures table's strings: label, periods, change, % change, assessment."""

    headings: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    periods: int
    bold: tuple[bool, ...]  # per column: its cells print bold


@dataclass(frozen=True)
class Plan:
    """How a table prints: its type size, the width it takes, its periods per table."""

    size: float
    width: float
    groups: tuple[tuple[int, ...], ...]  # period indices; the change columns join the last


def text_grid(grid: Grid, periods: int) -> TextGrid:
    """The strings of a view grid (`layouts.view`), as every edition prints them."""
    columns = range(len(grid.header))
    return TextGrid(
        tuple(cell.text for cell in grid.header),
        tuple(tuple(cell.text for cell in row) for row in grid.rows),
        periods,
        tuple(any(row[i].bold for row in grid.rows if i < len(row)) for i in columns),
    )


def measures_texts(table: MeasuresTable, report: Report, words: Words | None = None) -> TextGrid:
    return text_grid(measures_grid(table, report, words), len(table.periods))


def part_columns(grid: TextGrid, group: Sequence[int], last: bool) -> list[int]:
    """The columns of one table of a split: the labels, the periods in `group` and, in
    the last, the change columns."""
    columns = [0, *(1 + i for i in group)]
    return columns + (list(range(1 + grid.periods, len(grid.headings))) if last else [])


def part(grid: TextGrid, columns: Sequence[int], periods: int) -> TextGrid:
    return TextGrid(
        tuple(grid.headings[i] for i in columns),
        tuple(tuple(row[i] for i in columns) for row in grid.rows),
        periods,
        tuple(grid.bold[i] for i in columns),
    )


def pdf_edition(report: Report) -> Edition:
    margins = 2 * theme.PDF.margin_mm * MM
    portrait, landscape = A4_PORTRAIT - margins, A4_LANDSCAPE - margins
    widths = (landscape,) if report.page == "A4 landscape" else (portrait, landscape)
    return Edition("a PDF page", PDF_SIZES, widths, 2 * PDF_CELL_PAD + 1)


def deck_edition(width: float, largest: float = theme.DECK.table) -> Edition:
    sizes = tuple(size for size in DECK_SIZES if size <= largest) or DECK_SIZES[-1:]
    return Edition("a slide", sizes, (width,), 2 * DECK_CELL_PAD + 2, DECK_SAFETY)


@lru_cache(maxsize=32768)
def measure(text: str, size: float, bold: bool = False) -> float:
    """`text_width`, remembered: the same figures and words are measured at each size
    for every plan, floor and heading width, in both editions and in `check`."""
    return text_width(text, size, bold)


def column_floor(
    heading: str, cells: Sequence[str], size: float, edition: Edition, whole: bool, bold: bool
) -> float:
    """The narrowest a column can be: its heading's longest word (bold) and its widest
    cell (`whole`) or the longest word of its cells."""
    words = [measure(word, size, bold=True) for word in heading.split()]
    if whole:
        words += [measure(cell, size, bold) for cell in cells]
    else:
        words += [measure(word, size, bold) for cell in cells for word in cell.split()]
        # -- a label "word" wider than this (a pasted address, "xxxx…") is not a word: it
        #    breaks by characters rather than refusing the table (issue 9, part 2) --
        cap = min(edition.widths, default=math.inf) * LONG_WORD_SHARE
        words = [min(word, cap) for word in words]
    return max(words, default=0.0) / edition.safety + edition.pad


def floors(grid: TextGrid, size: float, edition: Edition) -> list[float]:
    """Every column's floor at `size`; figure columns keep their cells whole, while the
    label and the assessment's words ("▲ No significant change") may wrap between words."""
    return [
        column_floor(
            heading, [row[i] for row in grid.rows], size, edition, _figures(grid, i), grid.bold[i]
        )
        for i, heading in enumerate(grid.headings)
    ]


def _figures(grid: TextGrid, column: int) -> bool:
    """Whether a column holds figures: not the label, nor the assessment, which is last
    in a table that carries the change columns."""
    carries_change = len(grid.headings) > 1 + grid.periods
    return column > 0 and not (carries_change and column == len(grid.headings) - 1)


def plan_table(grid: TextGrid, edition: Edition) -> Plan | None:
    """The first way the table fits: one table before two, the narrower width (the page
    as it is) before the wider, larger type before smaller. None if nothing fits."""
    for parts in range(1, TABLES_MOST + 1):
        for width in edition.widths:
            for size in edition.sizes:
                groups = _groups(floors(grid, size, edition), grid.periods, width, parts)
                if groups is not None:
                    return Plan(size, width, groups)
    return None


def _rooms(columns: list[float], periods: int, width: float) -> tuple[int, int]:
    """How many periods fit beside the labels and the change columns, and beside the
    labels alone; periods share one width so they read alike."""
    label, tail = columns[0], sum(columns[1 + periods :])
    period = max(columns[1 : 1 + periods])
    with_tail = math.floor((width - label - tail + 0.01) / period)
    alone = math.floor((width - label + 0.01) / period)
    return max(with_tail, 0), max(alone, 0)


def _groups(
    columns: list[float], periods: int, width: float, parts: int
) -> tuple[tuple[int, ...], ...] | None:
    with_tail, alone = _rooms(columns, periods, width)
    if parts == 1:
        return (tuple(range(periods)),) if with_tail >= periods else None
    # -- the change is computed from the last two periods: they stay in one table --
    if with_tail < min(2, periods) or with_tail + alone < periods:
        return None
    last = max(periods - alone, min(with_tail, math.ceil(periods / 2)))
    first = periods - last
    return tuple(range(first)), tuple(range(first, periods))


def most_periods(grid: TextGrid, edition: Edition) -> int:
    """How many periods of these figures fit at best (smallest type, widest page, two tables)."""
    columns = floors(grid, edition.sizes[-1], edition)
    with_tail, alone = _rooms(columns, grid.periods, max(edition.widths))
    return with_tail + alone * (TABLES_MOST - 1) if with_tail >= min(2, grid.periods) else 0


def misfit(
    table: MeasuresTable,
    report: Report,
    editions: Sequence[Edition],
    words: Words | None = None,
) -> Problem | None:
    """The problem to report when `table` fits some edition in no way, else None; it names
    the edition that holds the fewest periods."""
    grid = measures_texts(table, report, words)
    failing = [edition for edition in editions if plan_table(grid, edition) is None]
    if not failing:
        return None
    most, edition = min((most_periods(grid, e), i) for i, e in enumerate(failing))
    worst = failing[edition]
    return Problem(
        table.periods_source or table.source,
        f'the {grid.periods} periods of the measures table "{table.name}" do not fit '
        f"{worst.name} with every figure and heading word whole, even in "
        f"{worst.sizes[-1]:g} pt type and {TABLES_MOST} tables: at most {most} fit; "
        f"expected at most {most} period columns, or shorter period headings",
    )


def misfits(document: Document, editions: Sequence[Edition]) -> list[Problem]:
    """Every measures table that some edition cannot print whole, once per table."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for section in document.sections:
        for block in section.blocks:
            if not isinstance(block, MeasuresTable) or block.name in seen:
                continue
            seen.add(block.name)
            problem = misfit(block, document.report, editions, document.words)
            if problem is not None:
                problems.append(problem)
    return problems


def raise_misfits(document: Document, editions: Sequence[Edition]) -> None:
    """FitError naming every table that cannot print whole (build refuses as check does)."""
    problems = misfits(document, editions)
    if problems:
        raise FitError("\n".join(str(problem) for problem in problems))


def document_misfits(document: Document) -> list[Problem]:
    """What `check` reports: tables that fit neither the PDF nor the default slide."""
    from layouts.deck.geometry import Geometry

    width = Geometry().content.width
    return misfits(document, (pdf_edition(document.report), deck_edition(width)))
