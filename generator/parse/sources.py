"""What Content rows refer to: measures tables, table sheets, chart sheets.

Sheets are read only when a Content row names them, once each, and each sheet's own
problems (merged cells, uncalculated formulas) are reported once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Problems, WorkbookError, did_you_mean
from generator.model import (
    Block,
    Chart,
    ChartKind,
    MeasureRow,
    MeasuresTable,
    Report,
    Source,
    Table,
)
from generator.parse.cells import find_sheet, norm
from generator.parse.glyphs import warn_cells
from generator.parse.measures import MeasureTables, parse_measures, place_table
from generator.parse.monthly_source import MonthlySource
from generator.parse.sheets import parse_chart, parse_table
from generator.words import Words
from generator.workbook import RawSheet, Workbook

CONTRACT_SHEETS = ("Report", "Content", "Measures", "Monthly", "Words")


def read_sheet(
    book: Workbook,
    title: str,
    problems: Problems,
    check_merges: bool = True,
    check_text: bool = True,
) -> RawSheet | None:
    """A sheet's rows; the row cap or damage becomes a recorded problem, not a crash.
    `check_text` warns about pasted control characters and undrawable characters (the
    Content sheet does this per row, knowing which rows print)."""
    try:
        sheet = book.read_sheet(title)
    except WorkbookError as error:
        problems.items.extend(error.problems)
        return None
    if check_text:
        warn_cells((cell for row in sheet.rows for cell in row.cells.values()), problems)
    for coordinate in sheet.uncached_formulas:
        problems.error(
            Source(title, coordinate),
            "a formula with no calculated value; open the workbook in Excel or LibreOffice "
            "and save it, so the results are stored",
        )
    if check_merges:
        for ref in sheet.merged:
            problems.error(
                Source(title, ref), "merged cells; expected one value per cell (unmerge them)"
            )
    return sheet


@dataclass
class Sources:
    book: Workbook
    folder: Path
    report: Report
    problems: Problems
    words: Words = field(default_factory=Words)
    _measures: MeasureTables | None = None
    _placed: dict[str, Source] = field(default_factory=dict)
    _sheets: dict[str, RawSheet | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.monthly = MonthlySource(self.book, self.report, self.problems, self.words)

    def measures_table(self, name: str, caption: str, where: Source) -> MeasuresTable | None:
        from_monthly = self.monthly.table(name, caption, where)
        if from_monthly is not None:
            self._placed.setdefault(norm(name), where)
            return from_monthly
        if self.monthly.knows(name):
            return None  # the Monthly sheet's own errors already say what to fix
        if self.monthly.title is not None and find_sheet(self.book, "Measures") is None:
            self.problems.error(
                where, f'unknown measures table "{name}"; expected a table of the Monthly sheet'
            )
            return None
        tables = self._load_measures(where)
        if tables is None:
            return None
        if norm(name) in self._placed:
            self.problems.warning(
                where,
                f'the measures table "{name}" is also placed at '
                f"{self._placed[norm(name)]}; it prints twice",
            )
        self._placed.setdefault(norm(name), where)
        return place_table(tables, name, caption, where, self.problems)

    def warn_unplaced_tables(self) -> None:
        """A table typed into Measures but placed by no Content row would silently vanish."""
        if self._measures is None and find_sheet(self.book, "Measures") is not None:
            self._load_measures(Source("Measures"))
        self.monthly.finish(self._measures, self._placed)
        for key, table in (self._measures.tables if self._measures else {}).items():
            if key not in self._placed and table.rows:
                self.problems.warning(
                    Source(table.rows[0].source.sheet, f"A{_row_of(table.rows[0].source)}"),
                    f'the measures table "{table.name}" is in no Content row, so it does not '
                    'print; add a "measures" row naming it, or delete its rows',
                )

    @property
    def measures_loaded(self) -> MeasureTables | None:
        return self._measures

    def keyed_rows(self) -> dict[str, MeasureRow]:
        """Every measure with a Key, Measures and Monthly, by Key ignoring case (what
        placeholders name): a Monthly row as its latest rolling table prints it."""
        if self._measures is None and find_sheet(self.book, "Measures") is not None:
            self._load_measures(Source("Measures"))
        tables = list(self._measures.tables.values()) if self._measures else []
        monthly = self.monthly.sheet()
        for name in dict.fromkeys(row.table for row in (monthly.rows if monthly else ())):
            table = self.monthly.table(name, "", Source(self.monthly.title or "Monthly"))
            tables += [table] if table else []
        return {row.key.casefold(): row for table in tables for row in table.rows if row.key}

    def _load_measures(self, where: Source) -> MeasureTables | None:
        if self._measures is None:
            title = find_sheet(self.book, "Measures")
            if title is None:
                self.problems.error(
                    where,
                    'a measures row, but the workbook has no "Measures" sheet; '
                    'expected a sheet named "Measures" holding the table',
                )
                self._measures = MeasureTables((), {}, unreadable=True)
                return None
            sheet = read_sheet(self.book, title, self.problems)
            empty = MeasureTables((), {}, unreadable=True)
            rounding = self.report.rounding
            rule = self.report.assessment
            self._measures = (
                parse_measures(sheet, rounding, self.problems, rule) if sheet else empty
            )
        return self._measures

    def data_sheet(self, name: str, where: Source, what: str) -> RawSheet | None:
        """The sheet a table or chart row names; reserved or unknown names are errors."""
        if not name:
            self.problems.error(where, f"no sheet name; expected the sheet that holds the {what}")
            return None
        if norm(name) in [norm(reserved) for reserved in CONTRACT_SHEETS]:
            self.problems.error(
                where,
                f'"{name}" is one of the workbook\'s own sheets; expected a sheet that '
                f"holds only the {what}'s data",
            )
            return None
        title = find_sheet(self.book, name)
        if title is None:
            others = [t for t in self.book.sheet_titles if norm(t) not in _reserved()]
            self.problems.error(
                where,
                f'no sheet named "{name}"{did_you_mean(name, others)}; expected the '
                f"name of the sheet that holds the {what}",
            )
            return None
        if self.book.is_chartsheet(title):
            self.problems.error(
                where,
                f'"{name}" is a chart sheet (a chart moved to its own sheet), which holds no '
                f"cells; expected the name of a sheet holding the {what}'s figures from A1",
            )
            return None
        if title not in self._sheets:
            # -- merges are checked against the data block only, by parse_sheets --
            self._sheets[title] = read_sheet(self.book, title, self.problems, check_merges=False)
        return self._sheets[title]

    def trend(self, key: str, title: str, option: str, where: Source) -> Block | None:
        from generator.trend import trend_block

        row = self.monthly.series(key, where)
        sheet = self.monthly.sheet()
        if row is None or sheet is None:
            return None
        return trend_block(row, sheet.months, title, option, where, self.words)

    def table(self, sheet: RawSheet, caption: str, where: Source) -> Table | None:
        return parse_table(sheet, caption, where, self.problems)

    def chart(self, sheet: RawSheet, title: str, kind: ChartKind, where: Source) -> Chart | None:
        return parse_chart(sheet, title, kind, where, self.problems, self.words)


def _row_of(source: Source) -> str:
    return "".join(ch for ch in source.cell if ch.isdigit())


def _reserved() -> list[str]:
    return [norm(name) for name in CONTRACT_SHEETS]
