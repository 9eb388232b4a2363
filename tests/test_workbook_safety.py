"""Files that are not usable workbooks get one clear sentence, never a traceback."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl.xml
import pytest

from generator import workbook
from generator.errors import WorkbookError
from generator.parse import load_document
from tests.conftest import MakeWorkbook, Sheets

ValidSheets = Callable[[], Sheets]


def _messages(path: Path) -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        load_document(path)
    return [str(problem) for problem in caught.value.problems]


def _rewrite(path: Path, replacements: dict[str, bytes]) -> Path:
    """A copy of the zip with some members' contents replaced."""
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    members.update(replacements)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)
    return path


def test_text_file_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("Title,Police and Crime Plan\n")
    assert _messages(path) == ["notes.xlsx: this is not an Excel workbook; expected an .xlsx file"]


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    path.write_bytes(b"")
    assert _messages(path) == ["book.xlsx: the file is empty (0 bytes); expected an .xlsx workbook"]


def test_missing_file(tmp_path: Path) -> None:
    assert _messages(tmp_path / "gone.xlsx") == [
        "gone.xlsx: no such file; expected the path of an .xlsx workbook"
    ]


def test_truncated_zip(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    path = make_workbook(valid_sheets())
    path.write_bytes(path.read_bytes()[:2000])
    assert _messages(path) == ["book.xlsx: the file is damaged or incomplete (a truncated .xlsx)"]


def test_corrupted_member_is_damaged(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    path = make_workbook(valid_sheets())
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet2.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 5, start + info.compress_size - 5):
        data[offset] ^= 0x55
    path.write_bytes(bytes(data))
    [message] = _messages(path)
    assert message.startswith("book.xlsx: ")
    assert "damaged" in message or "cannot be read" in message


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    assert _messages(path) == [
        "photos.xlsx: this is a Word document (.docx); expected an Excel workbook (.xlsx)"
    ]


def _ole2(extra: bytes = b"") -> bytes:
    """A minimal compound-file header: the magic, then a directory naming streams."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    return header + "Root Entry".encode("utf-16-le") + bytes(64) + extra + bytes(512)


def test_legacy_xls(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(_ole2("Workbook".encode("utf-16-le")))
    assert _messages(path) == [
        "old.xls: this is a legacy Excel 97-2003 (.xls) file; open it in Excel and save it as .xlsx"
    ]


def test_password_protected(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(
        _ole2(
            "EncryptionInfo".encode("utf-16-le")
            + bytes(40)
            + "EncryptedPackage".encode("utf-16-le")
        )
    )
    assert _messages(path) == [
        "secret.xlsx: the workbook is password protected; save it without a password and try again"
    ]


def test_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as handle:
        handle.truncate(51 * 1024 * 1024)  # sparse: nothing real is written
    assert _messages(path) == [
        "huge.xlsx: the file is 51 MB; expected at most 50 MB (remove unused sheets or pictures)"
    ]


def test_zip_bomb_by_declared_size(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    """A central directory claiming 3 GB unpacked is refused before anything is inflated."""
    path = make_workbook(valid_sheets())
    data = bytearray(path.read_bytes())
    entry = data.find(b"PK\x01\x02")  # first central-directory entry
    struct.pack_into("<I", data, entry + 24, 3_000_000_000)  # its uncompressed size
    path.write_bytes(bytes(data))
    [message] = _messages(path)
    assert message.startswith("book.xlsx: the workbook would unpack to 2,8")
    assert message.endswith("MB; expected at most 500 MB, so it was refused")


def test_zip_bomb_by_real_compression(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A highly compressible member: 8 MB of zeros in a few KB, against a lowered cap."""
    monkeypatch.setattr(workbook, "MAX_UNCOMPRESSED_BYTES", 4 * 1024 * 1024)
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", bytes(8 * 1024 * 1024))
    assert path.stat().st_size < 100_000
    assert _messages(path) == [
        "bomb.xlsx: the workbook would unpack to 8 MB; expected at most 4 MB, so it was refused"
    ]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1"
 uniqueCount="1"><si><t>&xxe;</t></si></sst>"""

UNSAFE = (
    "book.xlsx: the workbook contains XML entity declarations, which real workbooks never "
    "use; it was refused as unsafe (open it in Excel and save it again)"
)


def test_defusedxml_is_active_for_openpyxl() -> None:
    from openpyxl.worksheet import _reader

    assert openpyxl.xml.DEFUSEDXML
    assert _reader.iterparse.__module__.startswith("defusedxml")


def test_billion_laughs_in_a_sheet(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    path = _rewrite(make_workbook(valid_sheets()), {"xl/worksheets/sheet1.xml": BILLION_LAUGHS})
    assert _messages(path) == [UNSAFE]


def test_external_entity_in_shared_strings(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    path = _rewrite(make_workbook(valid_sheets()), {"xl/sharedStrings.xml": EXTERNAL_ENTITY})
    assert _messages(path) == [UNSAFE]


def test_openpyxl_refuses_entities_even_without_our_scan(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defence in depth: with our DTD scan off, defusedxml inside openpyxl still refuses."""
    monkeypatch.setattr(workbook, "_refuse_dtds", lambda *args: None)
    path = _rewrite(make_workbook(valid_sheets()), {"xl/worksheets/sheet1.xml": BILLION_LAUGHS})
    assert _messages(path) == [UNSAFE]


def test_xlsm_is_read_as_data_and_macros_never_run(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    path = make_workbook(valid_sheets(), name="book.xlsm")
    _rewrite(path, {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 pretend macros"})
    loaded = load_document(path)
    assert [str(w) for w in loaded.warnings] == [
        "book.xlsm: the workbook contains macros; they were not run, only the cells' values "
        "were read"
    ]
    assert loaded.document.report.title == "Police and Crime Plan"


def test_any_extension_is_fine_when_the_content_is_a_workbook(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    path = make_workbook(valid_sheets(), name="book.data")
    assert load_document(path).document.report.title == "Police and Crime Plan"


def test_empty_workbook(make_workbook: MakeWorkbook) -> None:
    path = make_workbook({"Sheet": []})
    assert _messages(path) == [
        'book.xlsx: the workbook is empty; expected the sheets "Report" and "Content" '
        "(start from the template: python -m generator template PATH)"
    ]


def test_row_cap_names_the_sheet(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = valid_sheets()
    sheets["Content"] += [["paragraph", f"Line {n}", None, None] for n in range(10_000)]
    assert _messages(make_workbook(sheets)) == [
        "Content: has data below row 10,000; expected at most 10,000 rows (delete the unused "
        "rows below the data)"
    ]


def test_formatted_blank_rows_beyond_the_cap_are_fine(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbook, "MAX_ROWS", 20)
    path = make_workbook(valid_sheets(), formats={"Content!A500": "0.0"})
    assert load_document(path).document.sections


def test_formula_without_cached_value(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = valid_sheets()
    sheets["Measures"][1][6] = "=113000+266"
    assert _messages(make_workbook(sheets)) == [
        "Measures!G2: a formula with no calculated value; open the workbook in Excel or "
        "LibreOffice and save it, so the results are stored"
    ]


def test_formula_with_cached_value_is_read(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    path = make_workbook(valid_sheets())
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet3.xml")
    cached = sheet.replace(b"<v>113266</v>", b"<f>113000+266</f><v>113266</v>")
    assert cached != sheet
    _rewrite(path, {"xl/worksheets/sheet3.xml": cached})
    [table] = load_document(path).document.sections[0].blocks[1:]
    assert table.rows[0].value_texts == ("113,176", "121,752", "113,266")  # type: ignore[union-attr]


def test_merged_cells_in_content(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    path = make_workbook(valid_sheets(), merged=["Content!B4:D4"])
    assert _messages(path) == [
        "Content!B4:D4: merged cells; expected one value per cell (unmerge them)"
    ]


def test_problems_never_escape_as_other_exceptions(tmp_path: Path) -> None:
    path = tmp_path / "random.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    with pytest.raises(WorkbookError):
        load_document(path)
