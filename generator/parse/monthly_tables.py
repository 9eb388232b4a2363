"""Measures tables derived from the Monthly sheet: `Periods` rolling windows of `Window`
months, one year apart, ending at the table's last month with data.

The windows become an ordinary MeasuresTable, so the PDF, the deck and the change
columns treat them exactly as tables typed into the Measures sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from generator import figures, significance
from generator.errors import Problems
from generator.model import (
    AssessmentRule,
    MeasureBase,
    MeasureRow,
    MeasuresTable,
    Rounding,
    Source,
    Unit,
)
from generator.monthly import Month, window_ends, window_label, window_rate, window_sum
from generator.parse.cells import norm
from generator.parse.measures import _finish
from generator.parse.monthly import MonthlyRow, MonthlySheet
from generator.words import Words


@dataclass(frozen=True)
class WindowSpec:
    periods: int
    length: int
    rounding: Rounding
    rule: AssessmentRule = "significance"  # the Report's Assessment (generator.significance)
    words: Words = field(default_factory=Words)  # the window labels' language


def group_rows(sheet: MonthlySheet) -> dict[str, list[MonthlyRow]]:
    """The sheet's rows by normalised table name, in sheet order."""
    grouped: dict[str, list[MonthlyRow]] = {}
    for row in sheet.rows:
        grouped.setdefault(norm(row.table), []).append(row)
    return grouped


def monthly_table(
    sheet: MonthlySheet, rows: list[MonthlyRow], spec: WindowSpec, problems: Problems
) -> MeasuresTable | None:
    """One table's rolling windows; built only for a table a Content row places, so a
    table kept for its trends alone need not span every window."""
    return _table(sheet, rows, spec, problems)


def _table(
    sheet: MonthlySheet, rows: list[MonthlyRow], spec: WindowSpec, problems: Problems
) -> MeasuresTable | None:
    spans = [span for row in rows if (span := row.span()) is not None]
    if not spans:
        problems.error(
            rows[0].table_source,
            f'the table "{rows[0].table}" has no figures; expected monthly figures in its rows',
        )
        return None
    last = max(end for _, end in spans)
    ends = window_ends(sheet.months[last], spec.periods)
    first_needed = ends[0].plus(1 - spec.length)
    if first_needed < sheet.months[0]:
        _too_early(sheet, rows[0], spec, ends, first_needed, problems)
        return None
    labels = tuple(window_label(end, spec.length, spec.words) for end in ends)
    built = []
    for row in rows:
        _warn_stale(sheet, row, last, problems)
        built.append(_measure_row(sheet, row, ends, spec))
    notes = [(row.note, row.note_source) for row in rows]
    return _finish_rows(rows[0].table, labels, built, notes, Source(sheet.title))


def _too_early(
    sheet: MonthlySheet,
    row: MonthlyRow,
    spec: WindowSpec,
    ends: Sequence[Month],
    needed: Month,
    problems: Problems,
) -> None:
    problems.error(
        row.table_source,
        f'the table "{row.table}" needs months from {needed.short} ({spec.periods} windows '
        f"of {spec.length} months ending {ends[-1].short}), but the first month is "
        f"{sheet.months[0].short} at {sheet.month_cells[0]}; expected month columns from "
        f"{needed.short}, or smaller Periods or Window in the Report sheet",
    )


def _warn_stale(sheet: MonthlySheet, row: MonthlyRow, last: int, problems: Problems) -> None:
    span = row.span()
    if span is not None and span[1] < last:
        problems.warning(
            row.source,
            f'"{row.label}" has no figure for {sheet.months[last].short}, the table\'s last '
            "month; its latest window prints –",
        )


def window_values(
    sheet: MonthlySheet, row: MonthlyRow, ends: Sequence[Month], length: int
) -> tuple[float | None, ...]:
    """The row's value in each window: a sum, or a percent weighted by its Base."""
    base = sheet.by_key(row.base) if row.unit is Unit.PERCENT else None
    values = []
    for end in ends:
        stop = end.index - sheet.months[0].index + 1
        months = slice(stop - length, stop)
        if row.unit is Unit.PERCENT:
            rates, bases = row.values[months], base.values[months] if base else ()
            values.append(window_rate(rates, bases) if base else None)
        else:
            values.append(window_sum(row.values[months]))
    return tuple(values)


def _measure_row(
    sheet: MonthlySheet, row: MonthlyRow, ends: Sequence[Month], spec: WindowSpec
) -> MeasureRow:
    values = window_values(sheet, row, ends, spec.length)
    places = figures.row_decimals(row.unit, values)
    base_row = sheet.by_key(row.base) if row.unit is Unit.PERCENT and row.base else None
    base = (
        MeasureBase(base_row.key, base_row.label, window_values(sheet, base_row, ends, spec.length))
        if base_row is not None
        else None
    )
    return MeasureRow(
        label=row.label,
        marker="",
        unit=row.unit,
        better=row.better,
        values=values,
        value_texts=tuple(figures.format_value(v, row.unit, places) for v in values),
        change=significance.judge(
            figures.compute_change(values, row.unit, row.better, spec.rounding, places),
            values,
            row.unit,
            row.better,
            base,
            spec.rule,
        ),
        source=row.source,
        key=row.key,
        base=base,
    )


def _finish_rows(
    name: str,
    labels: tuple[str, ...],
    rows: list[MeasureRow],
    notes: list[tuple[str, Source]],
    where: Source,
) -> MeasuresTable:
    from generator.parse.measures import _Table

    table = _Table(name, rows, notes)
    return _finish(table, labels, where)
