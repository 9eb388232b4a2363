"""Lengths past which a cell is a pasted paragraph, refused by `check` with its cell.

A slide cannot split one table row, and a heading is measured word span by word span, so
a pasted paragraph in a table cell, a measure's label or a heading would make `build`
fail (or take minutes). These limits catch the common case early, naming the cell; what
they cannot foresee (a 250-character label beside eight periods) `check` finds by laying
out every edition in memory (generator.cli), so any workbook `check` accepts builds.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.errors import Problems
from generator.model import Source
from generator.workbook import RawCell, RawRow

MAX_HEADING = 100  # a period label or a column heading
MAX_LABEL = 300  # a measure's label
MAX_ROW = 600  # all the cells of one row of a table sheet
LONG_TITLE = 120  # a section title longer than this is most likely a pasted paragraph


def _length(cell: RawCell | None) -> int:
    return len(str(cell.value)) if cell is not None and isinstance(cell.value, str) else 0


def heading(cell: RawCell | None, what: str, problems: Problems) -> bool:
    """True if the heading is short enough; otherwise an error at its cell."""
    if cell is None or _length(cell) <= MAX_HEADING:
        return True
    problems.error(
        cell.source,
        f"{what} of {_length(cell):,} characters; expected at most {MAX_HEADING} "
        "(a heading is a short label, such as 12 months Sept 2024)",
    )
    return False


def label(cell: RawCell | None, problems: Problems) -> bool:
    if cell is None or _length(cell) <= MAX_LABEL:
        return True
    problems.error(
        cell.source,
        f"a measure of {_length(cell):,} characters; expected at most {MAX_LABEL}, so its "
        "row fits on a slide (put the explanation in a Note or a paragraph)",
    )
    return False


def table_rows(rows: Iterable[RawRow], problems: Problems) -> None:
    for row in rows:
        cells = list(row.cells.values())
        total = sum(_length(cell) for cell in cells)
        if total > MAX_ROW:
            longest = max(cells, key=_length)
            problems.error(
                longest.source,
                f"this row holds {total:,} characters of text; expected at most {MAX_ROW:,} "
                "in one table row, so it fits on a slide (put long text in a paragraph)",
            )


def section_title(text: str, where: Source, problems: Problems) -> None:
    if len(text) > LONG_TITLE:
        problems.warning(
            where,
            f"a section title of {len(text):,} characters; expected a short title (it "
            "heads its page, its slide and the contents; put the rest in a paragraph)",
        )
