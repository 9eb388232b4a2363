"""The Monthly sheet: one row per measure, one column per month, read and checked.

Rows are read into `MonthlyRow`s (the months a `trend` row charts); the rolling-window
measures tables are built from them by generator.parse.monthly_tables. Every problem
names its cell: a header that is not a month, months out of sequence, a month missing in
the middle of a row, a percent row without a Base.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from generator.errors import Problems, did_you_mean, one_of
from generator.model import Better, Source, Unit
from generator.monthly import Month, read_month
from generator.parse.cells import (
    Header,
    cell_source,
    norm,
    read_choice,
    read_header,
    read_number,
    text_of,
)
from generator.parse.keys import read_key
from generator.workbook import RawRow, RawSheet

KEY_HEADERS = ("Table", "Measure", "Unit", "Better")
OPTIONAL_HEADERS = ("Note", "Key", "Base")
UNITS = tuple(unit.value for unit in Unit)


@dataclass(frozen=True)
class MonthlyRow:
    """One measure's months as read; `values` has one entry per sheet month."""

    table: str
    label: str
    unit: Unit
    better: Better
    key: str
    base: str
    note: str
    values: tuple[float | None, ...]
    source: Source  # the Measure cell
    table_source: Source
    base_source: Source
    note_source: Source

    def span(self) -> tuple[int, int] | None:
        """First and last index with a figure, or None for an empty row."""
        present = [i for i, v in enumerate(self.values) if v is not None]
        return (present[0], present[-1]) if present else None


@dataclass(frozen=True)
class MonthlySheet:
    title: str
    months: tuple[Month, ...]
    month_cells: tuple[Source, ...]
    rows: tuple[MonthlyRow, ...]
    seen: frozenset[str]  # normalised table names on any row, even a bad one
    unreadable: bool = False

    def by_key(self, key: str) -> MonthlyRow | None:
        return next((row for row in self.rows if row.key and norm(row.key) == norm(key)), None)

    def keys(self) -> list[str]:
        return [row.key for row in self.rows if row.key]


@dataclass(frozen=True)
class _Columns:
    table: int
    measure: int
    unit: int
    better: int
    months: tuple[int, ...]
    optional: dict[str, int]


def parse_monthly(sheet: RawSheet, problems: Problems) -> MonthlySheet:
    """Every readable row of the Monthly sheet; problems recorded, bad rows left out."""
    empty = MonthlySheet(sheet.title, (), (), (), frozenset(), unreadable=True)
    header = read_header(sheet, KEY_HEADERS, problems, optional=OPTIONAL_HEADERS, warn_extra=False)
    if header is None or any(header.column(name) is None for name in KEY_HEADERS):
        return empty
    columns = _columns(header)
    months = _months(header, columns, problems)
    if months is None:
        return empty
    rows, seen = [], set()
    for raw in sheet.rows[1:]:
        seen.add(norm(text_of(raw.get(columns.table))))
        row = _row(sheet.title, raw, columns, months, problems)
        if row is not None:
            rows.append(row)
    cells = tuple(header.cells[c].source for c in columns.months)
    result = MonthlySheet(sheet.title, months, cells, tuple(rows), frozenset(seen))
    _check_keys(result, problems)
    return result


def _columns(header: Header) -> _Columns:
    table, measure, unit, better = cast(list[int], [header.column(n) for n in KEY_HEADERS])
    optional = {name: c for name in OPTIONAL_HEADERS if (c := header.column(name)) is not None}
    used = {table, measure, unit, better, *optional.values()}
    months = tuple(c for c in sorted(header.cells) if c > better and c not in used)
    return _Columns(table, measure, unit, better, months, optional)


def _months(header: Header, columns: _Columns, problems: Problems) -> tuple[Month, ...] | None:
    """The month of every month column, which must follow one another without a gap."""
    months: list[Month] = []
    ok = True
    for column in columns.months:
        cell = header.cells[column]
        month = read_month(cell.value)
        if month is None:
            problems.error(
                cell.source,
                f'found "{text_of(cell)}"; expected a month (a date cell, or text such as '
                '"Sep 2024"), or one of "Note", "Key" and "Base"',
            )
            ok = False
        elif months and month != months[-1].plus(1):
            problems.error(
                cell.source,
                f'"{month.short}" follows "{months[-1].short}"; expected consecutive months, '
                f'so "{months[-1].plus(1).short}" here',
            )
            ok = False
        if month is not None:
            months.append(month)
    if not columns.months:
        problems.error(
            header.cells[columns.better].source,
            'no month columns after "Better"; expected one column per month',
        )
    return tuple(months) if ok and months else None


def _row(
    title: str, raw: RawRow, columns: _Columns, months: tuple[Month, ...], problems: Problems
) -> MonthlyRow | None:
    where = {name: cell_source(title, c, raw.number) for name, c in _named(columns).items()}
    name, label = text_of(raw.get(columns.table)), text_of(raw.get(columns.measure))
    if not name:
        problems.error(where["Table"], "no Table name; expected the table this row belongs to")
    if not label:
        problems.error(where["Measure"], "no Measure; expected the row label")
    unit_word = read_choice(raw.get(columns.unit), "Unit", UNITS, problems)
    if raw.get(columns.unit) is None:
        problems.error(where["Unit"], f"no Unit; expected {one_of(UNITS)}")
    better = read_choice(raw.get(columns.better), "Better", ("lower", "higher"), problems, "")
    if not name or not label or unit_word is None or better is None:
        return None
    unit = Unit(unit_word)
    values = tuple(
        read_number(raw.get(c), problems, unit is Unit.PERCENT, unit is Unit.CURRENCY)
        for c in columns.months
    )
    text = {n: text_of(raw.get(c)) for n, c in columns.optional.items()}
    if "Key" in columns.optional:
        text["Key"] = read_key(raw.get(columns.optional["Key"]), problems)
    row = MonthlyRow(
        name, label, unit, Better(better), text.get("Key", ""), text.get("Base", ""),
        text.get("Note", ""), values, where["Measure"], where["Table"],
        where.get("Base", where["Measure"]), where.get("Note", where["Measure"]),
    )  # fmt: skip
    _check_gaps(title, raw.number, row, columns, months, problems)
    if unit is Unit.PERCENT and not row.base:
        problems.error(
            where.get("Base", where["Measure"]),
            "no Base for a percent row; expected the Key of the count row that is its "
            "denominator (e.g. the calls received), so each window's rate can be computed",
        )
    return row


def _named(columns: _Columns) -> dict[str, int]:
    return {
        "Table": columns.table,
        "Measure": columns.measure,
        "Unit": columns.unit,
        **columns.optional,
    }


def _check_gaps(
    title: str,
    number: int,
    row: MonthlyRow,
    columns: _Columns,
    months: tuple[Month, ...],
    problems: Problems,
) -> None:
    span = row.span()
    if span is None:
        return
    for index in range(span[0], span[1] + 1):
        if row.values[index] is None:
            problems.error(
                cell_source(title, columns.months[index], number),
                f"no figure for {months[index].short} between {months[span[0]].short} and "
                f"{months[span[1]].short}; expected a figure for every month in between "
                "(0 if there were none)",
            )


def _check_keys(sheet: MonthlySheet, problems: Problems) -> None:
    """Keys are names (letters, digits, `_`), once each; a Base names a count row's Key."""
    seen: dict[str, MonthlyRow] = {}
    for row in sheet.rows:
        if row.key and norm(row.key) in seen:
            problems.error(
                row.source,
                f'the Key "{row.key}" is also used at {seen[norm(row.key)].source}; '
                "expected each Key once",
            )
        seen.setdefault(norm(row.key), row)
    for row in sheet.rows:
        if row.base:
            _check_base(sheet, row, problems)


def _check_base(sheet: MonthlySheet, row: MonthlyRow, problems: Problems) -> None:
    base = sheet.by_key(row.base)
    if base is None:
        problems.error(
            row.base_source,
            f'unknown Base "{row.base}"{did_you_mean(row.base, sheet.keys())}; expected the '
            "Key of a count row in the Monthly sheet",
        )
    elif base.unit is not Unit.COUNT:
        problems.error(
            row.base_source,
            f'the Base "{row.base}" is a {base.unit.value} row; expected the Key of a count row',
        )
    elif row.unit is not Unit.PERCENT:
        problems.warning(row.base_source, "a Base is used only by percent rows; it is ignored")
