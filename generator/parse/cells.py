"""Shared reading rules for every sheet: names, header rows, text, numbers, fixed words.

The contract matches names case-insensitively with surrounding spaces ignored, and
accepts numbers typed as text (with a warning); those rules live here once so every
sheet applies them the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.contract import MISSING_WORDS
from generator.errors import Problems, did_you_mean, one_of
from generator.figures import decimal
from generator.model import Source
from generator.parse import numfmt
from generator.workbook import RawCell, RawRow, RawSheet, Workbook

_NUMBER_TEXT = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


def norm(name: object) -> str:
    """How names are compared: case-insensitive, spaces around and doubled ignored."""
    return " ".join(str(name).split()).lower()


def column_letter(column: int) -> str:
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell_source(sheet: str, column: int, row: int) -> Source:
    return Source(sheet, f"{column_letter(column)}{row}")


def find_sheet(book: Workbook, name: str) -> str | None:
    """The real title of the sheet called `name`, matched the contract's way."""
    wanted = norm(name)
    return next((title for title in book.sheet_titles if norm(title) == wanted), None)


def text_of(cell: RawCell | None) -> str:
    """A cell as text: strings stripped, numbers and dates as Excel shows them."""
    if cell is None:
        return ""
    if isinstance(cell.value, str):
        return cell.value.strip()
    return numfmt.format_cell(cell.value, cell.number_format).text.strip()


@dataclass(frozen=True)
class Header:
    """Where each expected column is, and the header row's number."""

    row: int
    columns: dict[str, int]  # normalised header -> column number
    cells: dict[int, RawCell]

    def column(self, name: str) -> int | None:
        return self.columns.get(norm(name))


def read_header(
    sheet: RawSheet,
    expected: Sequence[str],
    problems: Problems,
    optional: Sequence[str] = (),
    warn_extra: bool = True,
) -> Header | None:
    """Find the expected headers in the first non-blank row; report missing ones at the
    cell where they belong, and extra columns as warnings."""
    if not sheet.rows:
        problems.error(
            Source(sheet.title),
            f"the sheet is empty; expected a header row with {_all_of(expected)}",
        )
        return None
    first = sheet.rows[0]
    found = _header_columns(first, [*expected, *optional], problems)
    columns: dict[str, int] = {}
    for position, name in enumerate(expected, start=1):
        if norm(name) in found:
            columns[norm(name)] = found[norm(name)]
            continue
        _missing_header(sheet.title, first, position, name, problems)
    for name in optional:
        if norm(name) in found:
            columns[norm(name)] = found[norm(name)]
    header = Header(first.number, columns, first.cells)
    if warn_extra:
        warn_extra_columns(sheet, header, set(columns.values()), [*expected, *optional], problems)
    return header


def _all_of(names: Sequence[str]) -> str:
    """`"a", "b" and "c"`: every header of a row, where one_of would say "or"."""
    quoted = [f'"{name}"' for name in names]
    return ", ".join(quoted[:-1]) + " and " + quoted[-1] if len(quoted) > 1 else quoted[0]


def _header_columns(first: RawRow, known: Sequence[str], problems: Problems) -> dict[str, int]:
    """Header name -> column; a known header given twice is an error (which one counts?)."""
    found: dict[str, int] = {}
    wanted = {norm(name) for name in known}
    for column, cell in sorted(first.cells.items()):
        name = norm(text_of(cell))
        if name in found and name in wanted:
            problems.error(
                cell.source,
                f'a second "{text_of(cell)}" column (also {first.cells[found[name]].coordinate}); '
                "expected each header once",
            )
            continue
        found.setdefault(name, column)
    return found


def _missing_header(
    sheet: str, first: RawRow, position: int, name: str, problems: Problems
) -> None:
    where = cell_source(sheet, position, first.number)
    there = text_of(first.get(position))
    found = f'found "{there}"' if there else "no header"
    problems.error(where, f'{found}; expected the header "{name}"')


def warn_extra_columns(
    sheet: RawSheet,
    header: Header,
    used: set[int],
    known: Sequence[str],
    problems: Problems,
) -> None:
    """Columns the contract does not name are ignored, but said so once each."""
    reported: set[int] = set()
    for row in sheet.rows:
        for column, cell in sorted(row.cells.items()):
            if column in used or column in reported:
                continue
            reported.add(column)
            title = text_of(header.cells.get(column))
            what = f'extra column "{title}"' if title else "a value in a column with no header"
            problems.warning(cell.source, f"{what} is ignored; expected only {one_of(known)}")


def read_choice(
    cell: RawCell | None,
    what: str,
    choices: Sequence[str],
    problems: Problems,
    default: str | None = None,
) -> str | None:
    """One of a fixed set of words, matched case-insensitively; unknown -> error."""
    text = text_of(cell)
    if not text:
        return default
    for choice in choices:
        if norm(choice) == norm(text):
            return choice
    assert cell is not None  # text is non-empty only for a cell
    shown = [choice for choice in choices if choice]
    problems.error(
        cell.source,
        f'unknown {what} "{text}"{did_you_mean(text, shown)}; expected {one_of(shown)}',
    )
    return None


def read_number(
    cell: RawCell | None, problems: Problems, percent: bool = False, currency: bool = False
) -> float | None:
    """A number from a cell; blank or `n/a` is None. `percent` reads a %-formatted 0.857
    as 85.7. Numbers stored as text are accepted with a warning."""
    if cell is None:
        return None
    value = cell.value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if percent and numfmt.is_percent(cell.number_format):
            return float(decimal(value) * 100)
        return float(value)
    if isinstance(value, str):
        return _number_from_text(cell, value, problems, percent, currency)
    shown = text_of(cell)
    problems.error(cell.source, f'found "{shown}"; expected a number, a blank or "n/a"')
    return None


def _number_from_text(
    cell: RawCell, value: str, problems: Problems, percent: bool, currency: bool
) -> float | None:
    text = value.strip()
    if not text or norm(text) in MISSING_WORDS:
        return None
    bare = text.replace(",", "").replace(" ", "")
    if percent and bare.endswith("%"):
        bare = bare[:-1]
    if currency and bare.lstrip("+-").startswith("£"):
        bare = bare.replace("£", "", 1)
    if not _NUMBER_TEXT.fullmatch(bare):
        problems.error(cell.source, f'found text "{text}"; expected a number, a blank or "n/a"')
        return None
    number = float(bare)
    problems.warning(
        cell.source,
        f'the number "{text}" is stored as text; read as {numfmt.general(number)} '
        "(format the cell as a number to silence this)",
    )
    return number
