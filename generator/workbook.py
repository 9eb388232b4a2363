"""Opens a workbook safely and hands out raw cells with their locations.

This is the only module that imports openpyxl. Everything that could hurt the machine
(huge files, zip bombs, XML entity tricks, macros) is refused here, before openpyxl sees
the file, and every refusal is one clear sentence instead of a traceback.
"""

from __future__ import annotations

import datetime as dt
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import openpyxl
import openpyxl.xml
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from generator.cleantext import clean_text
from generator.errors import Problem, WorkbookError
from generator.model import Source

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
MAX_ROWS = 10_000
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_ZIP_MAGIC = b"PK\x03\x04"
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")
_XML_HEAD_BYTES = 4096  # a DOCTYPE can only come before the root element

# openpyxl parses worksheets with defusedxml's iterparse (and its other XML with lxml
# set not to resolve entities) only when defusedxml is importable; we also refuse any
# DTD ourselves, but a missing defusedxml means a broken install, so fail loudly.
if not openpyxl.xml.DEFUSEDXML:  # pragma: no cover - the dependency is required
    raise ImportError("defusedxml must be installed (and OPENPYXL_DEFUSEDXML not False)")

CellValue = str | int | float | bool | dt.datetime | dt.date | dt.time | dt.timedelta | None


@dataclass(frozen=True)
class RawCell:
    """One non-empty cell as stored: its value, Excel's number format and data type."""

    sheet: str
    row: int
    column: int
    coordinate: str
    value: CellValue
    number_format: str = "General"
    data_type: str = "s"
    dropped: tuple[str, ...] = ()  # control characters removed from the text (U+XXXX)
    fill: str = ""  # a solid fill's ARGB (e.g. "FFFCE4D6"), for review flags; "" for none

    @property
    def source(self) -> Source:
        return Source(self.sheet, self.coordinate)


@dataclass(frozen=True)
class RawRow:
    """The non-empty cells of one row, keyed by column number (A is 1)."""

    number: int
    cells: dict[int, RawCell]

    def get(self, column: int) -> RawCell | None:
        return self.cells.get(column)


@dataclass(frozen=True)
class RawSheet:
    """A sheet's non-blank rows, its merged ranges and formulas that hold no value."""

    title: str
    rows: tuple[RawRow, ...]
    merged: tuple[str, ...]
    uncached_formulas: tuple[str, ...]  # coordinates of formulas never calculated


def _fail(path: Path, sentence: str) -> WorkbookError:
    return WorkbookError([Problem(None, f"{path.name}: {sentence}")])


class Workbook:
    """An open workbook. Sheets are read on demand, so unrelated sheets cost nothing."""

    def __init__(self, path: Path, book: Any, has_macros: bool) -> None:
        self.path = path
        self.has_macros = has_macros
        self._book = book
        self._cache: dict[str, RawSheet] = {}

    @property
    def sheet_titles(self) -> tuple[str, ...]:
        return tuple(self._book.sheetnames)

    def is_chartsheet(self, title: str) -> bool:
        """A chart moved to its own sheet: it holds no cells to read."""
        return any(sheet.title == title for sheet in self._book.chartsheets)

    def read_sheet(self, title: str) -> RawSheet:
        """Every non-blank row of a sheet, up to MAX_ROWS (more is an error)."""
        if title not in self._cache:
            self._cache[title] = self._read(title)
        return self._cache[title]

    def _read(self, title: str) -> RawSheet:
        if self.is_chartsheet(title):
            raise WorkbookError(
                [
                    Problem(
                        Source(title),
                        "is a chart sheet (a chart moved to its own sheet), which holds no "
                        "cells; expected a sheet of cells (copy the chart's figures into one)",
                    )
                ]
            )
        worksheet = self._book[title]
        # -- a wrong <dimension> tag (some writers leave A1) would hide rows; ignore it --
        worksheet.reset_dimensions()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                rows = _rows(title, worksheet)
            # -- openpyxl keeps the sheet's zip member and the open archive privately;
            # reusing them avoids re-deriving the workbook's relationship map --
            member = worksheet._worksheet_path
            merged, uncached = _scan_sheet_xml(self._book._archive.open(member))
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
            raise _fail(
                self.path, "the file is damaged; open it in Excel and save it again"
            ) from None
        except DefusedXmlException:
            raise _unsafe_xml(self.path) from None
        except (SyntaxError, ValueError):
            raise _fail(
                self.path,
                f'the sheet "{title}" is damaged and cannot be read; open the workbook in '
                "Excel and save it again",
            ) from None
        return RawSheet(title, rows, merged, uncached)


def _rows(title: str, worksheet: Any) -> tuple[RawRow, ...]:
    rows: list[RawRow] = []
    for cells in worksheet.iter_rows():
        raw = (_raw_cell(title, cell) for cell in cells if cell.value is not None)
        present = {cell.column: cell for cell in raw if _has_value(cell.value)}
        if not present:
            continue
        number = next(iter(present.values())).row
        if number > MAX_ROWS:
            raise WorkbookError(
                [
                    Problem(
                        Source(title),
                        f"has data below row {MAX_ROWS:,}; expected at most "
                        f"{MAX_ROWS:,} rows (delete the unused rows below the data)",
                    )
                ]
            )
        rows.append(RawRow(number, present))
    return tuple(rows)


def _has_value(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _raw_cell(title: str, cell: Any) -> RawCell:
    value = cell.value
    dropped: tuple[str, ...] = ()
    if isinstance(value, str):
        cleaned = clean_text(value)
        value, dropped = cleaned.text, cleaned.dropped
    return RawCell(
        sheet=title,
        row=cell.row,
        column=cell.column,
        coordinate=cell.coordinate,
        value=value,
        number_format=cell.number_format or "General",
        data_type=cell.data_type,
        dropped=dropped,
        fill=_fill(cell),
    )


def _fill(cell: Any) -> str:
    fill = getattr(cell, "fill", None)
    if fill is None or fill.patternType != "solid" or fill.fgColor is None:
        return ""
    colour = fill.fgColor
    return colour.rgb if colour.type == "rgb" and isinstance(colour.rgb, str) else ""


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _scan_sheet_xml(source: IO[bytes]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Merged ranges, and formulas with no cached value (openpyxl cannot tell us either:
    read-only sheets lack merged_cells, and data_only turns an uncalculated formula
    into a blank cell)."""
    merged: list[str] = []
    uncached: list[str] = []
    with source:
        for _event, element in iterparse(source, events=("end",)):
            name = _local(element.tag)
            if name == "c":
                if _is_uncached_formula(element):
                    uncached.append(element.get("r", ""))
                element.clear()
            elif name == "mergeCell":
                merged.append(element.get("ref", ""))
            elif name == "row":
                element.clear()
    return tuple(merged), tuple(uncached)


def _is_uncached_formula(cell: Any) -> bool:
    children = {_local(child.tag): child for child in cell}
    if "f" not in children:
        return False
    value = children.get("v")
    # -- Excel stores a formula whose result is "" as t="str" with an empty <v> --
    return value is None or (not (value.text or "") and cell.get("t") != "str")


# -- Opening ---------------------------------------------------------------------------


@contextmanager
def open_workbook(path: Path) -> Iterator[Workbook]:
    """Check the file, open it read-only for values, and close it afterwards."""
    has_macros = check_file(path)
    handle = path.open("rb")
    try:
        book = _load(path, handle)
        try:
            yield Workbook(path, book, has_macros)
        finally:
            book.close()
    finally:
        handle.close()


def _load(path: Path, handle: IO[bytes]) -> Any:
    # -- read_only streams rows, so a sheet of a million formatted rows stops at our cap
    # instead of filling memory; it lacks merged_cells, which _scan_sheet_xml reads.
    # A file object (not a name) skips openpyxl's extension check: content decides.
    # data_only gives cached formula results; keep_vba=False never loads macros. --
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about unsupported extras
            return openpyxl.load_workbook(
                handle, read_only=True, data_only=True, keep_vba=False, rich_text=False
            )
    except (zipfile.BadZipFile, zlib.error, EOFError):
        raise _fail(
            path, "the file is damaged and cannot be unpacked; open it in Excel and save it again"
        ) from None
    except (KeyError, ValueError, TypeError, AttributeError, SyntaxError) as error:
        innermost = _innermost(error)
        if isinstance(innermost, DefusedXmlException):
            raise _unsafe_xml(path) from None
        reason = str(innermost).splitlines()[0][:160] if str(innermost) else "invalid contents"
        raise _fail(
            path, f"the workbook cannot be read ({reason}); open it in Excel and save it again"
        ) from None


def _innermost(error: BaseException) -> BaseException:
    """openpyxl wraps what went wrong in a ValueError; the cause says what it was."""
    while (inner := error.__cause__ or error.__context__) is not None:
        error = inner
    return error


def _unsafe_xml(path: Path) -> WorkbookError:
    return _fail(
        path,
        "the workbook contains XML entity declarations, which real workbooks never use; "
        "it was refused as unsafe (open it in Excel and save it again)",
    )


def check_file(path: Path) -> bool:
    """Refuse anything that is not a plain, reasonably sized .xlsx; True if it has macros."""
    if path.is_dir():
        raise _fail(path, "this is a folder; expected the path of an .xlsx workbook")
    if not path.is_file():
        raise _fail(path, "no such file; expected the path of an .xlsx workbook")
    size = path.stat().st_size
    if size == 0:
        raise _fail(path, "the file is empty (0 bytes); expected an .xlsx workbook")
    if size > MAX_FILE_BYTES:
        raise _fail(
            path,
            f"the file is {size / 1024 / 1024:.0f} MB; expected at most "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB (remove unused sheets or pictures)",
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(_OLE2_MAGIC):
        raise _fail(path, _ole2_sentence(path))
    if not zipfile.is_zipfile(path):
        if head.startswith(_ZIP_MAGIC):
            raise _fail(path, "the file is damaged or incomplete (a truncated .xlsx)")
        raise _fail(path, "this is not an Excel workbook; expected an .xlsx file")
    return _check_zip(path)


def _ole2_sentence(path: Path) -> str:
    # -- Excel encrypts a password-protected .xlsx into an OLE2 file with this stream --
    if _ENCRYPTED_STREAM in path.read_bytes():
        return "the workbook is password protected; save it without a password and try again"
    return "this is a legacy Excel 97-2003 (.xls) file; open it in Excel and save it as .xlsx"


def _check_zip(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
            _refuse_duplicates(path, members)
            if "xl/workbook.xml" not in names:
                raise _fail(path, _not_a_workbook(archive, names))
            total = sum(member.file_size for member in members)
            if total > MAX_UNCOMPRESSED_BYTES:
                raise _fail(
                    path,
                    f"the workbook would unpack to {total / 1024 / 1024:,.0f} MB; expected "
                    f"at most {MAX_UNCOMPRESSED_BYTES // 1024 // 1024} MB, so it was refused",
                )
            _refuse_dtds(path, archive, members)
            return "xl/vbaProject.bin" in names
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError):
        raise _fail(
            path, "the file is damaged and cannot be unpacked; open it in Excel and save it again"
        ) from None


# -- what a zip that is not a workbook most likely is, and how to turn it into one --
_OTHER_PACKAGES = (
    ("word/document.xml", "a Word document (.docx); expected an Excel workbook (.xlsx)"),
    (
        "ppt/presentation.xml",
        "a PowerPoint presentation (.pptx); expected an Excel workbook (.xlsx)",
    ),
)


def _not_a_workbook(archive: zipfile.ZipFile, names: set[str]) -> str:
    if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
        return (
            "this is an OpenDocument file (.ods, from LibreOffice or OpenOffice), not an "
            "Excel workbook; open it in LibreOffice Calc and save it as Excel 2007-365 "
            "(.xlsx), then use that file"
        )
    for member, sentence in _OTHER_PACKAGES:
        if member in names:
            return f"this is {sentence}"
    return (
        "this is a zip archive, not an Excel workbook; expected an .xlsx file saved by "
        "Excel or LibreOffice Calc (if the workbook is inside the zip, extract it first)"
    )


def _refuse_duplicates(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """Two parts under one name: which one a reader takes is arbitrary, so the workbook
    could print one sheet while Excel shows the other."""
    seen: set[str] = set()
    for member in members:
        if member.filename in seen:
            raise _fail(
                path,
                f'the file holds two parts named "{member.filename}", so it is damaged or '
                "was tampered with; open it in Excel and save it again",
            )
        seen.add(member.filename)


def _refuse_dtds(path: Path, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    """No real workbook declares a DTD; refusing them stops billion-laughs and XXE."""
    for member in members:
        if not member.filename.endswith((".xml", ".rels", ".vml")):
            continue
        with archive.open(member) as stream:
            head = stream.read(_XML_HEAD_BYTES)
        if any(marker in head for marker in _DTD_MARKERS):
            raise _unsafe_xml(path)
