"""Warnings for a workbook part-way through a new quarter (after `new-quarter`):
narrative cells still flagged for review, and Measures periods with no figures yet.
Both build; they remind the analyst what is left to do."""

from __future__ import annotations

from generator import words_monthly as words
from generator.errors import Problems
from generator.model import Source
from generator.parse.measures import MeasureTables
from generator.rollover_flags import REVIEW_COLOUR
from generator.workbook import RawSheet


def warn_review(content: RawSheet, measures: MeasureTables | None, problems: Problems) -> None:
    for row in content.rows:
        for cell in row.cells.values():
            if cell.fill == REVIEW_COLOUR:
                problems.warning(cell.source, words.REVIEW_WARNING)
    if measures is None or not measures.tables:
        return
    latest = len(measures.periods) - 1
    rows = [row for table in measures.tables.values() for row in table.rows]
    if rows and all(row.values[latest] is None for row in rows):
        sheet = rows[0].source.sheet
        problems.warning(Source(sheet), words.CLEARED_WARNING.format(period=measures.periods[-1]))
