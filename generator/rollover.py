"""`new-quarter`: next quarter's workbook from this quarter's, edited in place.

openpyxl edits a copy, so styles, drop-down lists, widths and every cell not named
here stay as they were. What moves on: Report's Period, Year (the financial year rolls
at Quarter 1) and Published; Monthly gains three empty month columns; Measures period
headers move a quarter on and their values are cleared. Narrative cells (Text of
paragraph, bullet, callout, note and notes rows) are kept but flagged for review with
a fill and a comment; `check` warns while any flag remains.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

from generator import words_monthly as words
from generator.errors import GeneratorError
from generator.monthly import Month, next_quarter_label, read_month
from generator.parse.cells import norm
from generator.rollover_flags import REVIEW_COLOUR

REVIEW_FILL = PatternFill("solid", fgColor=REVIEW_COLOUR)
NARRATIVE_TYPES = ("paragraph", "bullet", "callout", "note", "notes")
_QUARTER = re.compile(r"(Quarter|Q)\s*([1-4])", re.IGNORECASE)
_YEARS = re.compile(r"(\d{4})([-/–])(\d{4}|\d{2})")


class RolloverError(GeneratorError):
    """The workbook cannot be rolled forward; the message says why."""


@dataclass
class Rolled:
    """What new-quarter did, line by line, for the console."""

    changes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def roll_forward(source: Path, target: Path) -> tuple[bytes, Rolled]:
    """The next quarter's workbook as bytes, and what changed."""
    try:
        book = openpyxl.load_workbook(source)
    except Exception as error:  # openpyxl raises many types for a file it cannot read
        raise RolloverError(f"{source.name} cannot be opened as a workbook ({error})") from None
    done = Rolled()
    sheets = {norm(title): book[title] for title in book.sheetnames}
    if "report" in sheets:
        _report(sheets["report"], done)
    if "monthly" in sheets:
        _monthly(sheets["monthly"], done)
    if "measures" in sheets:
        _measures(sheets["measures"], done)
    if "content" in sheets:
        _content(sheets["content"], done)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), done


def _header(sheet: Any) -> dict[str, int]:
    return {norm(c.value): c.column for c in sheet[1] if c.value is not None}


def _rows(sheet: Any) -> Iterator[int]:
    return iter(range(2, sheet.max_row + 1))


# -- Report ----------------------------------------------------------------------------


def next_period(period: str, year: str) -> tuple[str, str] | None:
    """`Quarter 2`, `2024-2025` → `Quarter 3`, `2024-2025`; Quarter 4 rolls the year."""
    found = _QUARTER.search(period)
    if found is None:
        return None
    quarter = int(found.group(2)) % 4 + 1
    moved = period[: found.start(2)] + str(quarter) + period[found.end(2) :]
    return moved, (_next_year(year) if quarter == 1 else year)


def _next_year(year: str) -> str:
    """`2024-2025` → `2025-2026`, `2024-25` → `2025-26`; other text is kept."""
    found = _YEARS.search(year)
    if found is None:
        return year
    start, sep, end = int(found.group(1)), found.group(2), found.group(3)
    later = str(int(end) + 1) if len(end) == 4 else f"{(int(end) + 1) % 100:02d}"
    return year[: found.start()] + f"{start + 1}{sep}{later}" + year[found.end() :]


def _report(sheet: Any, done: Rolled) -> None:
    columns = _header(sheet)
    name, value = columns.get("field"), columns.get("value")
    if name is None or value is None:
        done.warnings.append(f"{sheet.title}: no Field and Value headers; Report left as it was")
        return
    cells = {norm(sheet.cell(r, name).value): sheet.cell(r, value) for r in _rows(sheet)}
    period, year = cells.get("period"), cells.get("year")
    old = (str(period.value or "") if period else "", str(year.value or "") if year else "")
    moved = next_period(*old)
    if period is None or moved is None:
        done.warnings.append(f"{sheet.title}: Period is not Quarter 1-4; move it on by hand")
    else:
        _set(period, moved[0], done)
        if year is not None and year.value:
            _set(year, moved[1], done)
        for other in ("footer", "subject", "keywords"):
            if (cell := cells.get(other)) is not None and isinstance(cell.value, str):
                _set(cell, _retext(cell.value, old, moved), done)
    published = cells.get("published")
    if published is not None and isinstance(published.value, dt.date | dt.datetime):
        _set(published, _plus_months(published.value, 3), done)


def _retext(text: str, old: tuple[str, str], new: tuple[str, str]) -> str:
    """The period named inside other text (a footer's `2024-25 Quarter 2`) moves too."""
    if old[0]:
        text = text.replace(old[0], new[0])
    if old[1] != new[1]:  # every spelling of the year, long or short, moves on once
        text = _YEARS.sub(lambda found: _next_year(found.group(0)), text)
    return text


def _plus_months(value: dt.date, months: int) -> dt.date:
    month = Month(value.year, value.month).plus(months)
    day = min(value.day, 28 if month.month == 2 else 30 if month.month in (4, 6, 9, 11) else 31)
    moved = dt.date(month.year, month.month, day)
    if isinstance(value, dt.datetime):
        return dt.datetime.combine(moved, value.time())
    return moved


def _set(cell: Any, value: object, done: Rolled) -> None:
    if cell.value != value:
        done.changes.append(f"{cell.parent.title}!{cell.coordinate}: {cell.value} → {value}")
        cell.value = value


# -- Monthly and Measures --------------------------------------------------------------

_TRAILING = ("note", "key", "base")


def _period_columns(sheet: Any) -> list[int]:
    columns = _header(sheet)
    better = columns.get("better")
    if better is None:
        return []
    return [c for name, c in sorted(columns.items(), key=lambda i: i[1])
            if c > better and name not in _TRAILING]  # fmt: skip


def _monthly(sheet: Any, done: Rolled) -> None:
    months = _period_columns(sheet)
    last = read_month(sheet.cell(1, months[-1]).value) if months else None
    if last is None:
        done.warnings.append(f"{sheet.title}: no month columns found; add next quarter's by hand")
        return
    at = months[-1] + 1
    sheet.insert_cols(at, 3)
    for offset in range(3):
        column = at + offset
        _copy_column_style(sheet, months[-1], column)
        header = sheet.cell(1, column, last.plus(offset + 1).first_day)
        header.number_format = sheet.cell(1, months[-1]).number_format
    letters = f"{get_column_letter(at)}-{get_column_letter(at + 2)}"
    done.changes.append(
        f"{sheet.title}!{letters}: three empty months, {last.plus(1).short} to "
        f"{last.plus(3).short}, ready to paste"
    )


def _copy_column_style(sheet: Any, source: int, target: int) -> None:
    width = sheet.column_dimensions[get_column_letter(source)].width
    sheet.column_dimensions[get_column_letter(target)].width = width
    for row in range(1, sheet.max_row + 1):
        original = sheet.cell(row, source)
        if original.has_style:
            cell = sheet.cell(row, target)
            cell.font, cell.fill, cell.border = (
                copy(original.font),
                copy(original.fill),
                copy(original.border),
            )
            cell.alignment, cell.protection = copy(original.alignment), copy(original.protection)
            cell.number_format = original.number_format


def _measures(sheet: Any, done: Rolled) -> None:
    for column in _period_columns(sheet):
        header = sheet.cell(1, column)
        value = header.value
        moved: object = None
        if isinstance(value, dt.date | dt.datetime):
            moved = _plus_months(value, 3)
        elif isinstance(value, str):
            moved = next_quarter_label(value)
        if moved is None:
            done.warnings.append(
                f"{sheet.title}!{header.coordinate}: cannot tell the period of "
                f'"{value}"; relabel it by hand'
            )
        else:
            _set(header, moved, done)
        for row in _rows(sheet):
            sheet.cell(row, column).value = None
    done.changes.append(f"{sheet.title}: period values cleared for the new figures")


# -- Content ---------------------------------------------------------------------------


def _content(sheet: Any, done: Rolled) -> None:
    columns = _header(sheet)
    kind, text = columns.get("type"), columns.get("text")
    if kind is None or text is None:
        return
    flagged = 0
    for row in _rows(sheet):
        cell = sheet.cell(row, text)
        if norm(sheet.cell(row, kind).value or "") in NARRATIVE_TYPES and cell.value:
            cell.fill = REVIEW_FILL
            cell.comment = Comment(words.REVIEW_COMMENT, "pcc-summary")
            flagged += 1
    done.changes.append(f"{sheet.title}: {flagged} narrative cells flagged for review")
