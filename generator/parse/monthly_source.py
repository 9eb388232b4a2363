"""The Monthly sheet as Content sees it: its measures tables and its `trend` series.

Read once, when a Content row first needs it. A table named in both Monthly and
Measures is an error (which one should print?), as is a trend whose Key is unknown.
"""

from __future__ import annotations

from dataclasses import replace

from generator.errors import Problems, WorkbookError, did_you_mean, one_of
from generator.model import MeasuresTable, Report, Source
from generator.parse.cells import find_sheet, norm
from generator.parse.measures import MeasureTables
from generator.parse.monthly import MonthlyRow, MonthlySheet, parse_monthly
from generator.parse.monthly_tables import WindowSpec, group_rows, monthly_table
from generator.words import Words
from generator.workbook import Workbook


class MonthlySource:
    """Lazily parsed Monthly sheet; `tables` and `sheet` are None until needed."""

    def __init__(
        self, book: Workbook, report: Report, problems: Problems, words: Words | None = None
    ) -> None:
        self.book, self.report, self.problems = book, report, problems
        self.words = words or Words()
        self.title = find_sheet(book, "Monthly")
        self._sheet: MonthlySheet | None = None
        self._groups: dict[str, list[MonthlyRow]] = {}
        self._built: dict[str, MeasuresTable | None] = {}
        self._charted: set[str] = set()  # tables with a row a trend charts

    def sheet(self) -> MonthlySheet | None:
        if self.title is None:
            return None
        if self._sheet is None:
            self._sheet = self._read(self.title)
            self._groups = group_rows(self._sheet)
        return self._sheet

    def _read(self, title: str) -> MonthlySheet:
        empty = MonthlySheet(title, (), (), (), frozenset(), unreadable=True)
        try:
            raw = self.book.read_sheet(title)
        except WorkbookError as error:
            self.problems.items.extend(error.problems)
            return empty
        for coordinate in raw.uncached_formulas:
            self.problems.error(
                Source(title, coordinate),
                "a formula with no calculated value; open the workbook in Excel or "
                "LibreOffice and save it, so the results are stored",
            )
        return parse_monthly(raw, self.problems)

    def table(self, name: str, caption: str, where: Source) -> MeasuresTable | None:
        """The Monthly table a `measures` row names, or None if Monthly has no such table."""
        sheet = self.sheet()
        key = norm(name)
        if sheet is None or key not in self._groups:
            return None
        if key not in self._built:
            report = self.report
            spec = WindowSpec(
                report.periods, report.window, report.rounding, report.assessment, self.words
            )
            self._built[key] = monthly_table(sheet, self._groups[key], spec, self.problems)
        found = self._built[key]
        return replace(found, caption=caption, source=where) if found else None

    def knows(self, name: str) -> bool:
        """The name is on a Monthly row (perhaps one with errors already reported)."""
        sheet = self.sheet()
        return sheet is not None and (norm(name) in sheet.seen or sheet.unreadable)

    def series(self, key: str, where: Source) -> MonthlyRow | None:
        """The Monthly row a `trend` row's Key names; errors say what is wrong."""
        sheet = self.sheet()
        if sheet is None:
            self.problems.error(
                where,
                'a trend row, but the workbook has no "Monthly" sheet; expected a sheet '
                'named "Monthly" with the measure\'s months',
            )
            return None
        found = sheet.by_key(key) if key else None
        if found is None and not sheet.unreadable:
            keys = sheet.keys()
            expected = f"one of {one_of(keys)}" if keys else "a Key from the Monthly sheet"
            problems_text = f'unknown Key "{key}"{did_you_mean(key, keys)}' if key else "no Key"
            self.problems.error(where, f"{problems_text}; expected {expected}")
        if found is not None:
            self._charted.add(norm(found.table))
        return found

    def finish(self, measures: MeasureTables | None, placed: dict[str, Source]) -> None:
        """After Content: clashes with Measures, and Monthly tables nothing places."""
        sheet = self.sheet()
        if sheet is None:
            return
        self._check_keys(sheet, measures)
        for key, rows in self._groups.items():
            first, name = rows[0].source, rows[0].table
            other = measures.tables.get(key) if measures else None
            if other is not None:
                self.problems.error(
                    first,
                    f'the table "{name}" is in both Monthly and Measures (at '
                    f"{other.rows[0].source}); expected each table in one sheet only",
                )
            elif key not in placed and key not in self._charted:
                self.problems.warning(
                    first,
                    f'the measures table "{name}" is in no Content row, so it does not '
                    'print; add a "measures" row naming it, or delete its rows',
                )

    def _check_keys(self, sheet: MonthlySheet, measures: MeasureTables | None) -> None:
        """A Key names one measure in the whole workbook, Monthly and Measures together."""
        rows = [
            row for table in (measures.tables.values() if measures else ()) for row in table.rows
        ]
        taken = {row.key.casefold(): row for row in rows if row.key}
        for monthly in sheet.rows:
            other = taken.get(monthly.key.casefold()) if monthly.key else None
            if other is not None:
                self.problems.error(
                    monthly.source,
                    f'the Key "{monthly.key}" is also the Key of "{other.label}" at '
                    f"{other.source}; expected each Key once in the workbook",
                )
