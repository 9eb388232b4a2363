"""Common slips on the Measures sheet that would print wrong figures without a word.

Each check names the cell. Errors are slips whose figures would be wrong (a computed
change from the wrong periods, a fraction printed as a percent among percents, a typed
change column read as a period, a negative count); warnings are slips that print
something meaningless but not false (a whole table with no latest figures, a row of
percentages that may all be fractions).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from statistics import median

from generator import figures
from generator.errors import Problems
from generator.model import Source, Unit
from generator.parse import numfmt
from generator.parse.cells import cell_source, column_letter, norm, text_of
from generator.workbook import RawCell, RawRow, RawSheet

# -- header words no period label holds, but a hand-typed change column does --
_TYPED_CHANGE = re.compile(r"\b(change|changes|variance|difference|assessment)\b|^[-+/% ]+$")
_FRACTION_GAP = 10  # a 0-1 value under a tenth of the row's percents is a fraction


def is_typed_change(title: str) -> bool:
    return bool(_TYPED_CHANGE.search(norm(title)))


def typed_change_column(cell: RawCell, problems: Problems) -> None:
    problems.error(
        cell.source,
        f'"{text_of(cell)}" looks like a typed change column; expected only period '
        'columns after "Better" (the change columns are computed: delete this column)',
    )


def _figure(cell: RawCell | None) -> float | None:
    """The cell's number, if it holds one (not text, a date or a boolean)."""
    value = cell.value if cell else None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _is_figure(cell: RawCell | None) -> bool:
    return _figure(cell) is not None


def blank_period_headers(sheet: RawSheet, headed: set[int], after: int, problems: Problems) -> None:
    """A column right of `after` whose header is blank but whose cells hold figures: most
    likely a new period inserted before its label was typed, so it must not be dropped."""
    columns = sorted({c for row in sheet.rows[1:] for c in row.cells if c > after} - headed)
    for column in columns:
        rows = [row.number for row in sheet.rows[1:] if _is_figure(row.get(column))]
        if not rows:
            continue
        letter = column_letter(column)
        span = f"{letter}{rows[0]}" if len(rows) == 1 else f"{letter}{rows[0]}:{letter}{rows[-1]}"
        where = cell_source(sheet.title, column, sheet.rows[0].number)
        problems.error(
            where,
            f"no period header, but {span} hold{'s' if len(rows) == 1 else ''} figures; "
            "expected the period's label as it should print (e.g. 12 months Sept 2024)",
        )


def percent_scale(
    row: RawRow, periods: Sequence[int], values: Sequence[float | None], problems: Problems
) -> None:
    """A percent row mixing 0-1 fractions (a pasted `=A/B`) with 0-100 percents is an
    error when the fraction is under a tenth of the row's percents, and a warning when it
    is close enough to be a real rate; a row of only fractions is a warning (a rate under
    1% is possible). Never silent."""
    plain = [
        (cell, value)
        for column, value in zip(periods, values, strict=True)
        if (cell := row.get(column)) is not None
        and value is not None
        and _is_figure(cell)
        and not numfmt.is_percent(cell.number_format)
    ]
    large = [value for value in values if value is not None and value > 1]
    small = [(cell, value) for cell, value in plain if 0 < value <= 1]
    if large:
        typical = median(large)
        for cell, value in small:
            if value * _FRACTION_GAP < typical:
                _mixed(cell, value, large, problems)
            elif value < 1:
                _maybe_mixed(cell, value, large, problems)
    elif small and len(small) == len([v for v in values if v]):
        _all_fractions(row, small, problems)


def _mixed(cell: RawCell, value: float, large: list[float], problems: Problems) -> None:
    others = ", ".join(numfmt.general(v) for v in large[:3])
    problems.error(
        cell.source,
        f"{numfmt.general(value)} looks like a fraction ({numfmt.general(value * 100)}%) "
        f"in a row of percentages typed as {others}; expected "
        f"{numfmt.general(round(value * 100, 6))} (or format the cell as a percentage)",
    )


def _printed(value: float) -> str:
    return figures.format_value(value, Unit.PERCENT, 1)


def _maybe_mixed(cell: RawCell, value: float, large: list[float], problems: Problems) -> None:
    """Close enough to the row's percents to be a real rate, but never silently."""
    others = ", ".join(numfmt.general(v) for v in large[:3])
    problems.warning(
        cell.source,
        f"{numfmt.general(value)} is under 1 while the row's other percentages are "
        f"{others}; it prints {_printed(value)}, so if it is a fraction "
        f"({numfmt.general(round(value * 100, 6))}%), type "
        f"{numfmt.general(round(value * 100, 6))} or format the cell as a percentage",
    )


def _all_fractions(row: RawRow, small: list[tuple[RawCell, float]], problems: Problems) -> None:
    first, last = small[0][0], small[-1][0]
    where = (
        first.source
        if first is last
        else Source(first.sheet, f"{first.coordinate}:{last.coordinate}")
    )
    shown = ", ".join(_printed(v) for _, v in small)
    problems.warning(
        where,
        f"every figure is between 0 and 1, so the row prints {shown}; if they are "
        "fractions, type them as percentages (84.6 for 84.6%) or format the cells as %",
    )


def negative_count(row: RawRow, periods: Sequence[int], unit: Unit, problems: Problems) -> None:
    if unit is not Unit.COUNT:
        return
    for column in periods:
        cell = row.get(column)
        value = _figure(cell)
        if cell is not None and value is not None and value < 0:
            problems.error(
                cell.source,
                f"{numfmt.general(value)} is negative but the Unit is "
                '"count"; expected zero or more (use the Unit "number" for a figure '
                "that can fall below zero)",
            )


def blank_latest(
    sheet: RawSheet, table_column: int, latest: int, period: str, problems: Problems
) -> None:
    """A table whose latest period is blank on every row prints a column of dashes and
    no change at all: most likely the new figures were never typed. `n/a` silences it."""
    rows: dict[str, list[RawRow]] = {}
    names: dict[str, str] = {}
    for row in sheet.rows[1:]:
        name = text_of(row.get(table_column))
        if name:
            rows.setdefault(norm(name), []).append(row)
            names.setdefault(norm(name), name)
    letter = column_letter(latest)
    if not any(row.get(latest) for members in rows.values() for row in members):
        return  # -- the whole period is blank: parse.review says so once, for the sheet --
    for key, members in rows.items():
        if any(row.get(latest) is not None for row in members):
            continue
        first, last = members[0].number, members[-1].number
        span = f"{letter}{first}" if first == last else f"{letter}{first}:{letter}{last}"
        problems.warning(
            Source(sheet.title, span),
            f'the latest period "{period}" is blank for every measure of the table '
            f'"{names[key]}", so every change prints –; expected its figures '
            '(type "n/a" where a figure is not available yet)',
        )
