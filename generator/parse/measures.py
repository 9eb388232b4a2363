"""The Measures sheet: rows grouped into named tables, with the change columns computed.

A table's rows are all the rows with its Table name, in sheet order (they need not be
adjacent). Every table shares the sheet's period columns. The change columns are never
read from the workbook: generator.figures computes them from the last two periods.
After the periods come the optional `Note`, `Key` and `Base` columns, in any order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import cast

from generator import figures, significance
from generator.contract import BETTERS, MEASURES_HEADERS, MEASURES_OPTIONAL, UNITS
from generator.errors import Problems, did_you_mean, one_of
from generator.model import (
    AssessmentRule,
    Better,
    Footnote,
    MeasureRow,
    MeasuresTable,
    Rounding,
    Source,
    Unit,
)
from generator.parse import limits, numfmt, slips
from generator.parse.cells import (
    Header,
    cell_source,
    norm,
    read_choice,
    read_header,
    read_number,
    text_of,
)
from generator.parse.keys import Keyed, KeyIndex, read_key
from generator.workbook import RawCell, RawRow, RawSheet

KEY_HEADERS = MEASURES_HEADERS
OPTIONAL_HEADERS = MEASURES_OPTIONAL
OPTIONAL_HEADERS_NORM = tuple(norm(name) for name in OPTIONAL_HEADERS)
MARKERS = ("*", "†", "‡", "§", "¶")
MAX_DECIMALS = 6  # a formula's 0.333333... should not print 16 places


def marker(index: int) -> str:
    """`*`, `†`, `‡`, `§`, `¶`, then `**`, `††`, ... for the index-th footnote."""
    return MARKERS[index % len(MARKERS)] * (index // len(MARKERS) + 1)


@dataclass
class _Table:
    name: str
    rows: list[MeasureRow] = field(default_factory=list)
    notes: list[tuple[str, Source]] = field(default_factory=list)  # per row, "" for none
    bases: list[RawCell | None] = field(default_factory=list)  # per row, the Base cell


@dataclass(frozen=True)
class MeasureTables:
    """Every table of the Measures sheet, keyed by normalised name."""

    periods: tuple[str, ...]
    tables: dict[str, MeasuresTable]
    # -- names on rows that had errors, and whether the header was unusable: a Content
    # row naming them gets no second, misleading "unknown table" error --
    seen: frozenset[str] = frozenset()
    unreadable: bool = False
    keys: KeyIndex = field(default_factory=KeyIndex)  # every Key of the sheet

    def names(self) -> list[str]:
        return [table.name for table in self.tables.values()]


@dataclass(frozen=True)
class _Columns:
    table: int
    measure: int
    unit: int
    better: int
    periods: tuple[int, ...]
    note: int | None
    key: int | None = None
    base: int | None = None


def parse_measures(
    sheet: RawSheet,
    rounding: Rounding,
    problems: Problems,
    rule: AssessmentRule = "significance",
) -> MeasureTables:
    """All tables in the sheet; problems are recorded, bad rows left out."""
    header = read_header(sheet, KEY_HEADERS, problems, warn_extra=False)
    columns = _columns(sheet, header, problems) if header else None
    if header is None or columns is None or len(columns.periods) < 2:
        return MeasureTables((), {}, unreadable=True)
    periods = tuple(text_of(header.cells[column]) for column in columns.periods)
    tables: dict[str, _Table] = {}
    seen: set[str] = set()
    keys, broken = KeyIndex(), set[str]()
    for row in sheet.rows[1:]:
        seen.add(norm(text_of(row.get(columns.table))))
        parsed = _parse_row(row, columns, rounding, problems)
        if parsed is None:
            broken.add(text_of(_get(row, columns.key)).casefold())
            continue
        name, measure, note = parsed
        table = tables.setdefault(norm(name), _Table(name))
        _warn_repeated_label(table, measure, problems)
        table.rows.append(measure)
        table.notes.append(note)
        table.bases.append(_get(row, columns.base))
        _index_key(keys, measure, periods, _get(row, columns.key), problems)
    for table in tables.values():
        _resolve_bases(table, keys, broken, periods, problems)
        table.rows = [judge_row(row, rule) for row in table.rows]
    cells = [header.cells[column].source.cell for column in columns.periods]
    headers = Source(sheet.title, f"{cells[0]}:{cells[-1]}")
    built = {
        key: replace(_finish(table, periods, Source(sheet.title)), periods_source=headers)
        for key, table in tables.items()
    }
    slips.blank_latest(sheet, columns.table, columns.periods[-1], periods[-1], problems)
    return MeasureTables(periods, built, frozenset(seen), keys=keys)


def judge_row(row: MeasureRow, rule: AssessmentRule) -> MeasureRow:
    """The row with its assessment decided by the Report's rule, once its Base is known."""
    change = significance.judge(row.change, row.values, row.unit, row.better, row.base, rule)
    return replace(row, change=change)


def _get(row: RawRow, column: int | None) -> RawCell | None:
    return row.get(column) if column is not None else None


def _index_key(
    keys: KeyIndex,
    measure: MeasureRow,
    periods: tuple[str, ...],
    cell: RawCell | None,
    problems: Problems,
) -> None:
    if measure.key and cell is not None:
        entry = Keyed(
            measure.key,
            measure.label,
            measure.unit,
            periods,
            measure.values,
            cell.source,
            measure.source,
        )
        keys.add(entry, problems)


def _resolve_bases(
    table: _Table,
    keys: KeyIndex,
    broken: set[str],
    periods: tuple[str, ...],
    problems: Problems,
) -> None:
    """Give each rate the count its Base names (known only once every row is read)."""
    for index, cell in enumerate(table.bases):
        if cell is None or not text_of(cell):
            continue
        if text_of(cell).casefold() in broken:
            continue  # -- that row's own errors already say what to fix --
        row = table.rows[index]
        base = keys.base(cell, row.unit, periods, problems)
        if base is not None:
            table.rows[index] = replace(row, base=base)


def _warn_repeated_label(table: _Table, measure: MeasureRow, problems: Problems) -> None:
    # -- often last quarter's block pasted under this one: say so before it prints twice --
    earlier = next((row for row in table.rows if norm(row.label) == norm(measure.label)), None)
    if earlier is not None:
        problems.warning(
            measure.source,
            f'the measure "{measure.label}" is already in the table "{table.name}" at '
            f"{earlier.source}; it prints twice",
        )


def _columns(sheet: RawSheet, header: Header, problems: Problems) -> _Columns | None:
    keys = [header.column(name) for name in KEY_HEADERS]
    if any(column is None for column in keys):
        return None
    table, measure, unit, better = cast(list[int], keys)
    periods: list[int] = []
    optional: dict[str, int] = {}
    for column in sorted(header.cells):
        title = text_of(header.cells[column])
        if column in {table, measure, unit, better} or column < better:
            continue
        if norm(title) in OPTIONAL_HEADERS_NORM and norm(title) not in optional:
            optional[norm(title)] = column
        elif optional:
            first = text_of(header.cells[min(optional.values())])
            problems.warning(
                header.cells[column].source,
                f'extra column "{title}" after "{first}" is ignored; expected the period '
                f'columns between "Better" and "{first}"',
            )
        elif slips.is_typed_change(title):
            slips.typed_change_column(header.cells[column], problems)
        elif limits.heading(header.cells[column], "a period header", problems):
            periods.append(column)
    slips.blank_period_headers(sheet, set(header.cells), better, problems)
    _check_periods(sheet, header, periods, problems)
    return _Columns(
        table,
        measure,
        unit,
        better,
        tuple(periods),
        optional.get("note"),
        optional.get("key"),
        optional.get("base"),
    )


def _check_periods(
    sheet: RawSheet, header: Header, periods: Sequence[int], problems: Problems
) -> None:
    seen: dict[str, RawCell] = {}
    for column in periods:
        cell = header.cells[column]
        title = text_of(cell)
        if norm(title) in seen:
            problems.error(
                cell.source,
                f'the period "{title}" is also the header of {seen[norm(title)].coordinate}; '
                "expected every period column to have its own header",
            )
        seen[norm(title)] = cell
    if len(periods) < 2:
        where = header.cells[periods[0]].source if periods else Source(sheet.title)
        found = (
            f'only one period column ("{text_of(header.cells[periods[0]])}")'
            if periods
            else ("no period columns")
        )
        problems.error(
            where,
            f'{found}; expected two or more period columns after "Better", '
            "so the change can be computed",
        )


def _parse_row(
    row: RawRow, columns: _Columns, rounding: Rounding, problems: Problems
) -> tuple[str, MeasureRow, tuple[str, Source]] | None:
    table_cell, label_cell = row.get(columns.table), row.get(columns.measure)
    name, label = text_of(table_cell), text_of(label_cell)
    first = next(iter(row.cells.values()))
    if not name:
        problems.error(
            _at(first, columns.table, row),
            "no Table name; expected the name of the table "
            "this row belongs to (the name a Content measures row uses)",
        )
    if not label:
        problems.error(_at(first, columns.measure, row), "no Measure; expected the row label")
    unit = _unit(row, columns, problems)
    better = read_choice(row.get(columns.better), "Better", BETTERS, problems, default="")
    if not limits.label(label_cell, problems):
        return None
    if not name or not label or unit is None or better is None:
        return None
    values = tuple(
        read_number(row.get(c), problems, unit is Unit.PERCENT, unit is Unit.CURRENCY)
        for c in columns.periods
    )
    _warn_fractional_counts(row, columns, unit, values, problems)
    slips.negative_count(row, columns.periods, unit, problems)
    if unit is Unit.PERCENT:
        slips.percent_scale(row, columns.periods, values, problems)
    places = _places(row, columns, unit, values)
    measure = MeasureRow(
        label=label,
        marker="",
        unit=unit,
        better=Better(better),
        values=values,
        value_texts=tuple(figures.format_value(v, unit, places) for v in values),
        change=figures.compute_change(values, unit, Better(better), rounding, places),
        source=_at(first, columns.measure, row),
        key=read_key(_get(row, columns.key), problems),
    )
    note_cell = row.get(columns.note) if columns.note else None
    note_source = note_cell.source if note_cell else measure.source
    if text_of(note_cell) and label.endswith(MARKERS):
        problems.warning(
            measure.source,
            f'the Measure ends with the footnote marker "{label[-1]}" and also has a Note, '
            f'which adds its own marker, so it prints with two (e.g. "{label}*"); expected '
            "the label without a typed marker",
        )
    return name, measure, (text_of(note_cell), note_source)


def _at(first: RawCell, column: int, row: RawRow) -> Source:
    return cell_source(first.sheet, column, row.number)


def _unit(row: RawRow, columns: _Columns, problems: Problems) -> Unit | None:
    cell = row.get(columns.unit)
    if cell is None:
        first = next(iter(row.cells.values()))
        problems.error(_at(first, columns.unit, row), f"no Unit; expected {one_of(UNITS)}")
        return None
    word = read_choice(cell, "Unit", UNITS, problems)
    return Unit(word) if word else None


def _warn_fractional_counts(
    row: RawRow,
    columns: _Columns,
    unit: Unit,
    values: Sequence[float | None],
    problems: Problems,
) -> None:
    if unit is not Unit.COUNT:
        return
    for column, value in zip(columns.periods, values, strict=True):
        cell = row.get(column)
        if value is not None and cell is not None and value != int(value):
            problems.warning(
                cell.source,
                f'{numfmt.general(value)} is not a whole number but the Unit is "count"; '
                'it prints rounded (use the Unit "number" to show decimals)',
            )


def _places(row: RawRow, columns: _Columns, unit: Unit, values: Sequence[float | None]) -> int:
    """Decimals for the row: a `number` or `currency` row honours the decimals a cell's
    own format shows (`£#,##0.00` asks for pence; currency is otherwise whole pounds)."""
    if unit not in (Unit.NUMBER, Unit.CURRENCY):
        return figures.row_decimals(unit, values)
    formats = [
        numfmt.decimals(cell.number_format)
        for column in columns.periods
        if (cell := row.get(column)) is not None and isinstance(cell.value, int | float)
    ]
    shown = [places for places in formats if places is not None]
    places = max(shown) if shown else figures.row_decimals(unit, values)
    return min(places, MAX_DECIMALS)


def _finish(table: _Table, periods: tuple[str, ...], where: Source) -> MeasuresTable:
    """Give rows their footnote markers; identical note texts share one."""
    markers: dict[str, Footnote] = {}
    rows = []
    for row, (note, source) in zip(table.rows, table.notes, strict=True):
        if note and norm(note) not in markers:
            markers[norm(note)] = Footnote(marker(len(markers)), note, source)
        mark = markers[norm(note)].marker if note else ""
        rows.append(_with_marker(row, mark))
    return MeasuresTable(table.name, "", periods, tuple(rows), tuple(markers.values()), where)


def _with_marker(row: MeasureRow, mark: str) -> MeasureRow:
    return replace(row, marker=mark)


def place_table(
    tables: MeasureTables, name: str, caption: str, where: Source, problems: Problems
) -> MeasuresTable | None:
    """The table a Content `measures` row names, captioned and sourced at that row."""
    found = tables.tables.get(norm(name))
    if found is not None:
        return replace(found, caption=caption, source=where)
    names = tables.names()
    if tables.unreadable or norm(name) in tables.seen:
        return None  # the Measures sheet's own errors already say what to fix
    if not names:
        problems.error(
            where,
            f'the measures table "{name}" has no rows; expected rows in the Measures '
            f'sheet with "{name}" in the Table column',
        )
    else:
        problems.error(
            where,
            f'unknown measures table "{name}"{did_you_mean(name, names)}; '
            f"expected one of the Measures sheet's tables: {one_of(names)}",
        )
    return None
