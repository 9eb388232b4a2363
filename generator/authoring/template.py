"""Writes the analyst's input workbooks: the empty template and, through `write_workbook`,
any filled-in workbook (the seed example) with the same styling and drop-down lists.

With generator/workbook.py (which reads), this is the only module that imports openpyxl.
Callers describe a workbook as plain data (`WorkbookSpec`); this module turns it into cells.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from generator import contract
from generator.authoring.template_text import EXAMPLE_ORGANISATION, INSTRUCTIONS
from generator.contract import (
    ASSESSMENTS,
    BETTERS,
    BULLET_LEVELS,
    CHART_KINDS,
    CONTENT_TYPES,
    PAGES,
    REPORT_FIELDS,
    ROUNDINGS,
    TABLE_OPTIONS,
    TREND_KINDS,
    UNITS,
    ReportField,
)
from generator.workbook import MAX_ROWS

# -- Cell values -----------------------------------------------------------------------


@dataclass(frozen=True)
class Formatted:
    """A number with its Excel number format, e.g. 0.857 shown as `85.7%` with `0.0%`."""

    value: float
    number_format: str


Value = str | int | float | dt.date | Formatted | None
Row = tuple[Value, ...]


@dataclass(frozen=True)
class WorkbookSpec:
    """A whole input workbook as data. Report values are keyed by field name."""

    report: Mapping[str, Value]
    content: Sequence[Row]  # Type, Text, Data, Option
    periods: Sequence[str]  # the Measures sheet's period headers
    # Table, Measure, Unit, Better, one value per period, Note, Key, Base (the last optional)
    measures: Sequence[Row]
    extra_sheets: Sequence[tuple[str, Sequence[Row]]] = ()  # table and chart sheets
    months: Sequence[dt.date] = ()  # the Monthly sheet's month headers; none: no sheet
    monthly: Sequence[Row] = ()  # Table, Measure, Unit, Better, one value a month, Note, Key, Base


# -- Fixed words offered in the drop-down lists (the contract's) ---------------------------

# -- taken from the parser, so a word the drop-down offers is always a word it accepts --
OPTIONS = tuple(dict.fromkeys((*CHART_KINDS, *TREND_KINDS, *BULLET_LEVELS, *TABLE_OPTIONS)))

# -- Look ------------------------------------------------------------------------------

HEADER_FILL = PatternFill("solid", fgColor="12436D")  # house dark blue; white text is 10:1
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # the usual "type here" pale yellow
_FONT = "Calibri"  # Excel's default; unnamed fonts fall back to a serif in LibreOffice
_HEADER_FONT = Font(name=_FONT, bold=True, color="FFFFFF")
_TITLE_FONT = Font(name=_FONT, bold=True, size=14, color="12436D")
_TOPIC_FONT = Font(name=_FONT, bold=True, color="12436D")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_RULE = Border(bottom=Side(style="thin", color="BFBFBF"))
_LINE_HEIGHT = 15  # points per line of 11 pt Calibri, Excel's default font
_CHARS_PER_WIDTH = 1.05  # prose characters per unit of column width (a digit's width)
# Blank input rows kept ready (filled and validated) below the last example row.
SPARE_ROWS = 50
# Whatever the clock says, a rewritten workbook is byte-for-byte the same.
FIXED_TIME = dt.datetime(2024, 1, 1)
_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
AUTHOR = "pcc-summary"

# Column (header, width, wraps) per sheet; widths in Excel character units.
# -- the headers are the contract's; the widths and wrapping are the template's --
REPORT_COLUMNS = tuple(zip(contract.REPORT_HEADERS, (26, 80), (False, True), strict=True))
CONTENT_COLUMNS = tuple(
    zip(contract.CONTENT_HEADERS, (13, 90, 22, 10), (False, True, False, False), strict=True)
)
_MEASURE_LEFT = tuple(
    zip(contract.MEASURES_HEADERS, (20, 52, 11, 10), (False, True, False, False), strict=True)
)
_PERIOD_WIDTH = 20
_MONTH_WIDTH = 10
_NOTE = (contract.MEASURES_NOTE, 36, True)
_KEY_BASE = tuple((name, 18, False) for name in contract.MEASURES_OPTIONAL[1:])  # Key, Base

# -- The template's worked example ---------------------------------------------------------

TEMPLATE_SPEC = WorkbookSpec(
    report={
        "Title": "Police and Crime Plan",
        "Subtitle": "Delivery Performance Summary",
        "Year": "2025-2026",
        "Period": "Quarter 1",
        "Organisation": EXAMPLE_ORGANISATION,
        "Language": "en-GB",
        "Rounding": "nearest",
        "Page": "A4 portrait",
    },
    content=(
        ("section", "Neighbourhood Crime", None, None),
        (
            "paragraph",
            "During this reporting period total recorded crime has **reduced by 9.3%**, "
            "equating to more than 7,600 fewer crimes.",
            None,
            None,
        ),
        ("measures", None, "Neighbourhood crime", None),
    ),
    periods=("12 months Sept 2023", "12 months Sept 2024"),
    measures=(
        (
            "Neighbourhood crime",
            "Total recorded crime",
            "count",
            "lower",
            82023,
            74366,
            None,
            "crime",
        ),
    ),
    # -- empty but ready: 36 months ending with the template's quarter, no rows --
    months=tuple(dt.date(2022 + (6 + i) // 12, (6 + i) % 12 + 1, 1) for i in range(36)),
)


def write_template(path: Path) -> None:
    """Write the template: instructions, then Report, Content and Measures with one example."""
    write_workbook(TEMPLATE_SPEC, path)


def write_workbook(spec: WorkbookSpec, path: Path) -> None:
    """Write any input workbook, styled and validated like the template."""
    path.write_bytes(_deterministic_bytes(build_workbook(spec)))


def build_workbook(spec: WorkbookSpec) -> Workbook:
    workbook = Workbook()
    _instructions_sheet(workbook.active)
    _report_sheet(workbook.create_sheet(contract.REPORT), spec.report)
    _content_sheet(workbook.create_sheet(contract.CONTENT), spec.content)
    if spec.periods:
        _measures_sheet(workbook.create_sheet(contract.MEASURES), spec.periods, spec.measures)
    if spec.months:
        _monthly_sheet(workbook.create_sheet(contract.MONTHLY), spec.months, spec.monthly)
    for name, rows in spec.extra_sheets:
        _data_sheet(workbook.create_sheet(name), rows)
    for sheet in workbook.worksheets:
        _fit_row_heights(sheet)
    props = workbook.properties
    props.creator = props.lastModifiedBy = AUTHOR
    props.created = props.modified = FIXED_TIME
    props.title = str(spec.report.get("Title") or "Report workbook")
    return workbook


# -- Sheets ----------------------------------------------------------------------------


def _instructions_sheet(sheet: Worksheet) -> None:
    sheet.title = contract.INSTRUCTIONS
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 100
    sheet.sheet_view.showGridLines = False
    _fit_to_page_width(sheet)
    for row, (topic, text) in enumerate(INSTRUCTIONS, start=1):
        topic_cell = sheet.cell(row, 1, topic or None)
        topic_cell.alignment = _TOP
        if text:  # -- no empty cell beside a heading, so the heading can overflow into B --
            sheet.cell(row, 2, text).alignment = _WRAP
        if row == 1:
            topic_cell.font = _TITLE_FONT
        elif topic and not text:
            topic_cell.font = _TOPIC_FONT  # a sub-heading line
        else:
            topic_cell.font = Font(name=_FONT, bold=True)
    sheet["A1"].alignment = Alignment(vertical="top", wrap_text=False)


def _report_sheet(sheet: Worksheet, values: Mapping[str, Value]) -> None:
    _header(sheet, REPORT_COLUMNS)
    for row, field in enumerate(REPORT_FIELDS, start=2):
        label = sheet.cell(row, 1, field.name)
        label.alignment = _TOP
        label.comment = _help_comment(field)
        _input(sheet.cell(row, 2), values.get(field.name), wrap=True)
    last = len(REPORT_FIELDS) + 1
    _list_validation(sheet, [f.name for f in REPORT_FIELDS], f"A2:A{last}", blank=False)
    for words, name in ((ROUNDINGS, "Rounding"), (ASSESSMENTS, "Assessment"), (PAGES, "Page")):
        _list_validation(sheet, words, f"B{_report_row(name)}", blank=True)
    published = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="1",  # -- any real date; Excel counts days from 1900 --
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Not a date",
        error="Type the publication date as a date, e.g. 2024-11-28, or leave it blank.",
    )
    published.add(f"B{_report_row('Published')}")
    sheet.add_data_validation(published)


def _content_sheet(sheet: Worksheet, rows: Sequence[Row]) -> None:
    _header(sheet, CONTENT_COLUMNS)
    _input_rows(sheet, rows, CONTENT_COLUMNS)
    # -- drop-downs reach every row the generator reads, not just the shaded ones --
    _list_validation(sheet, CONTENT_TYPES, f"A2:A{MAX_ROWS}", blank=False)
    _list_validation(sheet, OPTIONS, f"D2:D{MAX_ROWS}", blank=True)


def _measures_sheet(sheet: Worksheet, periods: Sequence[str], rows: Sequence[Row]) -> None:
    columns = (
        *_MEASURE_LEFT,
        *((p, _PERIOD_WIDTH, False) for p in periods),
        _NOTE,
        *_KEY_BASE,
    )
    _header(sheet, columns)
    _input_rows(sheet, rows, columns)
    _list_validation(sheet, UNITS, f"C2:C{MAX_ROWS}", blank=False)
    _list_validation(sheet, BETTERS, f"D2:D{MAX_ROWS}", blank=True)


def _monthly_sheet(sheet: Worksheet, months: Sequence[dt.date], rows: Sequence[Row]) -> None:
    """One row per measure, one column per month (date cells shown as `Sep 2024`)."""
    columns = (
        *_MEASURE_LEFT,
        *((month.strftime("%b %Y"), _MONTH_WIDTH, False) for month in months),
        _NOTE,
        *_KEY_BASE,
    )
    _header(sheet, columns)
    for column, month in enumerate(months, start=len(_MEASURE_LEFT) + 1):
        cell = sheet.cell(1, column, month)
        cell.number_format = "mmm yyyy"
    last = _input_rows(sheet, rows, columns)
    _list_validation(sheet, UNITS, f"C2:C{last}", blank=False)
    _list_validation(sheet, BETTERS, f"D2:D{last}", blank=True)
    sheet.freeze_panes = "E2"


def _data_sheet(sheet: Worksheet, rows: Sequence[Row]) -> None:
    """A table or chart sheet: header in row 1, data below, as the contract reads it."""
    header, *data = rows
    widths = [max(len(str(v or "")) for v in column) for column in zip(*rows, strict=True)]
    columns = tuple(
        (str(h), min(max(w + 2, 14), 60), True) for h, w in zip(header, widths, strict=True)
    )
    _header(sheet, columns)
    for row_number, row in enumerate(data, start=2):
        for column, value in enumerate(row, start=1):
            _input(sheet.cell(row_number, column), value, wrap=column == 1)


# -- Cells -----------------------------------------------------------------------------


def _header(sheet: Worksheet, columns: Sequence[tuple[str, int, bool]]) -> None:
    for column, (title, width, _wraps) in enumerate(columns, start=1):
        cell = sheet.cell(1, column, title)
        cell.font = _HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[1].height = 32
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    _fit_to_page_width(sheet)


def _fit_row_heights(sheet: Worksheet) -> None:
    """Give rows with wrapped text room for every line.

    Neither Excel nor LibreOffice reliably grows a row for wrapped text when it opens a
    file, so long text would overlap the next row; the estimate errs on the roomy side.
    """
    for row in sheet.iter_rows(min_row=2):
        lines = max((_lines_needed(sheet, cell) for cell in row), default=1)
        if lines > 1:
            sheet.row_dimensions[row[0].row].height = _LINE_HEIGHT * lines + 3


def _lines_needed(sheet: Worksheet, cell: Cell) -> int:
    if not cell.alignment.wrap_text or not isinstance(cell.value, str):
        return 1
    width = sheet.column_dimensions[cell.column_letter].width or 10
    per_line = max(1, int(width * _CHARS_PER_WIDTH))
    return sum(-(-max(1, len(part)) // per_line) for part in cell.value.split("\n"))


def _fit_to_page_width(sheet: Worksheet) -> None:
    """Printed, a sheet is as wide as a landscape page and as long as it needs."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _input_rows(
    sheet: Worksheet, rows: Sequence[Row], columns: Sequence[tuple[str, int, bool]]
) -> int:
    """Write the rows, then mark spare blank rows as input too; return the last row."""
    last = len(rows) + 1 + SPARE_ROWS
    for row_number in range(2, last + 1):
        index = row_number - 2
        row = rows[index] if index < len(rows) else ()
        for column, (_title, _width, wraps) in enumerate(columns, start=1):
            value = row[column - 1] if column <= len(row) else None
            _input(sheet.cell(row_number, column), value, wrap=wraps)
    return last


def _input(cell: Cell, value: Value, wrap: bool) -> None:
    if isinstance(value, Formatted):
        cell.value = value.value
        cell.number_format = value.number_format
    else:
        cell.value = value
        if isinstance(value, dt.date):
            cell.number_format = "yyyy-mm-dd"
    cell.fill = INPUT_FILL
    cell.border = _RULE
    cell.alignment = _WRAP if wrap else _TOP


def _help_comment(field: ReportField) -> Comment:
    comment = Comment(field.help, AUTHOR)
    comment.width = 320
    comment.height = 120
    return comment


def _report_row(name: str) -> int:
    return 2 + [f.name for f in REPORT_FIELDS].index(name)


def _list_validation(sheet: Worksheet, words: Sequence[str], cells: str, blank: bool) -> None:
    listed = ", ".join(words)
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(words) + '"',
        allow_blank=blank,
        showErrorMessage=True,
        errorTitle="Not in the list",
        error=f"Choose one of: {listed}." + (" Or leave it blank." if blank else ""),
        showInputMessage=True,
        promptTitle="Choose from the list",
        prompt=listed[:255],
    )
    validation.add(cells)
    sheet.add_data_validation(validation)


# -- Saving ----------------------------------------------------------------------------


def _deterministic_bytes(workbook: Workbook) -> bytes:
    """The .xlsx bytes with fixed dates inside and on every zip entry."""
    raw = io.BytesIO()
    # ExcelWriter directly: openpyxl's save_workbook stamps `modified` with the clock.
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    fixed = io.BytesIO()
    with (
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(entry.filename))
    return fixed.getvalue()
