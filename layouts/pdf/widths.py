"""Column widths for the PDF's tables: figures and words whole, headings on few lines.

Pure arithmetic on the bundled font's metrics. A measures table's label column is wide
and its figure columns as narrow as their figures and headings allow; a generic table's
headings go on as few lines as fit. Neither ever goes below the floors of `layouts.fit`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

from generator.model import Table
from layouts import theme
from layouts.fit import (
    PDF_CELL_PAD,
    PDF_SIZES,
    Edition,
    TextGrid,
    column_floor,
    floors,
    measure,
)

PAD = PDF_CELL_PAD  # cell padding, points
MIN_NUMBER_WIDTH = 46.0
WIDEST_TEXT_SHARE = 0.6  # a generic table's text column wraps beyond this share of the width
MIN_LABEL_SHARE = 0.28  # the label column keeps at least this share of the width
MAX_HEADING_LINES = 5  # a heading wraps to at most this many lines before the floors
PDF_COLUMNS = Edition("a PDF page", PDF_SIZES, (), 2 * PAD + 1)  # for the column floors


def measure_widths(grid: TextGrid, width: float, size: float) -> list[float]:
    """A wide label column; figure columns as narrow as their figures and headings allow.

    Figures never break: when they need more than the label can spare, the label gives
    way down to its longest word; then headings wrap down to their longest words.
    """
    numbers = neat_widths(grid, width, size) or floors(grid, size, PDF_COLUMNS)[1:]
    return [width - sum(numbers), *numbers]


def neat_widths(grid: TextGrid, width: float, size: float) -> list[float] | None:
    """Figure columns with headings on at most MAX_HEADING_LINES lines, if they fit."""
    headings, rows = grid.headings, grid.rows
    columns = [[row[i] for row in rows] for i in range(len(headings))]
    if len(headings) > 1 + grid.periods:  # -- the assessment may take two lines --
        columns[-1] = [two_line_width_text(cell, size) for cell in columns[-1]]
    pairs = list(zip(headings[1:], columns[1:], strict=True))
    label_floor = longest_word([headings[0], *columns[0]], size) + 2 * PAD + 1
    for budget in (width * (1 - MIN_LABEL_SHARE), width - label_floor):
        numbers = fit_widths(pairs, budget, 2, MAX_HEADING_LINES, size)
        if numbers is not None:
            return numbers
    return None


def two_line_width_text(text: str, size: float) -> str:
    """The longer line of `text` set bold on two lines as evenly as can be, so a column
    sized for it prints "▲ No significant change" on two lines rather than squeezing the
    labels; a spare space keeps it from a third."""
    words = text.split()
    if len(words) < 3:
        return text
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    pair = min(splits, key=lambda lines: max(measure(line, size, bold=True) for line in lines))
    return max(pair, key=lambda line: measure(line, size, bold=True)) + " \u00a0"


def longest_word(texts: Sequence[str], size: float) -> float:
    return max((measure(word, size, bold=True) for t in texts for word in t.split()), default=0)


def fit_widths(
    pairs: Sequence[tuple[str, Sequence[str]]],
    budget: float,
    fewest: int,
    most: int,
    size: float,
    cap: float = math.inf,
) -> list[float] | None:
    """Widths that fit the budget, wrapping the widest headings onto more lines first;
    None when even that is too wide, so the caller can find more room."""
    lines = [fewest] * len(pairs)
    widths = [_width(heading, cells, fewest, size, cap) for heading, cells in pairs]
    while sum(widths) > budget:
        narrower = {
            i: _width(pairs[i][0], pairs[i][1], lines[i] + 1, size, cap)
            for i in range(len(pairs))
            if lines[i] < most
        }
        shrinkable = [i for i, w in narrower.items() if w < widths[i] - 0.5]
        if not shrinkable:
            return None
        # -- columns as wide as the widest shrink together, so periods stay alike --
        widest = max(widths[i] for i in shrinkable)
        for i in shrinkable:
            if widths[i] >= widest - 2:
                lines[i] += 1
                widths[i] = narrower[i]
    return widths


def _width(
    heading: str, cells: Sequence[str], lines: int, size: float, cap: float = math.inf
) -> float:
    """Room for the widest cell (wrapping beyond `cap`), and the heading on `lines` lines."""
    widest_cell = min(cap, max((measure(cell, size) for cell in cells), default=0.0))
    least = MIN_NUMBER_WIDTH * size / theme.PDF.table - 2 * PAD
    inner = max(widest_cell, _heading_width(heading, lines, size), least)
    return inner + 2 * PAD + 1


@lru_cache(maxsize=1024)  # every measures table asks again for the same few headings
def _heading_width(heading: str, lines: int, size: float) -> float:
    """The narrowest line width at which the bold heading wraps to at most `lines` lines."""
    words = heading.split()
    spans = sorted(
        measure(" ".join(words[i:j]), size, bold=True)
        for i in range(len(words))
        for j in range(i + 1, len(words) + 1)
    )
    # -- no narrower than the longest word: reportlab would break it with no hyphen --
    longest = max((measure(word, size, bold=True) for word in words), default=0.0)
    return next(
        (w for w in spans if w >= longest and _line_count(words, w, size) <= lines),
        spans[-1] if spans else 0.0,
    )


def _line_count(words: Sequence[str], width: float, size: float) -> int:
    count, line = 1, ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if line and measure(candidate, size, bold=True) > width + 0.01:
            count, line = count + 1, word
        else:
            line = candidate
    return count


def pad_row(row: Sequence[str], columns: int) -> list[str]:
    return [*row[:columns], *[""] * (columns - len(row))]


def generic_floors(table: Table, size: float) -> list[float]:
    """A right-aligned (figure) column keeps its cells whole, a text column its words."""
    columns = len(table.header)
    cells = [[pad_row(row, columns)[i] for row in table.rows] for i in range(columns)]
    align = list(table.align) + ["left"] * columns
    return [
        column_floor(heading, cells[i], size, PDF_COLUMNS, align[i] == "right", False)
        for i, heading in enumerate(table.header)
    ]


def generic_size(table: Table, width: float) -> float | None:
    """The largest type at which no figure and no word of the table breaks, if any."""
    return next((s for s in PDF_SIZES if sum(generic_floors(table, s)) <= width + 0.01), None)


def generic_widths(table: Table, width: float, size: float, squeeze: bool) -> list[float]:
    """Headings on as few lines as fit; the spare width goes to the first column.

    Only a table too wide even at the smallest type on a landscape page is squeezed.
    """
    columns = len(table.header)
    cells = [[pad_row(row, columns)[i] for row in table.rows] for i in range(columns)]
    pairs = list(zip(table.header, cells, strict=True))
    cap = width * WIDEST_TEXT_SHARE
    widths = fit_widths(pairs, width, 1, MAX_HEADING_LINES, size, cap)
    if widths is None:
        least = generic_floors(table, size)
        widths = [w * width / sum(least) for w in least] if squeeze else least
    return [widths[0] + width - sum(widths), *widths[1:]]
