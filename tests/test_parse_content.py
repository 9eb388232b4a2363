"""The Content sheet: sections, blocks, references and images, with exact messages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image as PILImage

from generator.errors import WorkbookError
from generator.model import (
    Break,
    Bullet,
    Callout,
    Image,
    Note,
    Paragraph,
    Run,
    SpeakerNotes,
    plain_text,
)
from generator.parse import assets as parse_assets
from generator.parse import load_document
from tests.conftest import MakeWorkbook, Sheets

ValidSheets = Callable[[], Sheets]
HEAD = ["Type", "Text", "Data", "Option"]


def _content(valid_sheets: ValidSheets, *rows: list[object]) -> Sheets:
    sheets = valid_sheets()
    sheets["Content"] = [HEAD, *[list(row) for row in rows]]
    return sheets


def _errors(path: Path) -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        load_document(path)
    return [str(problem) for problem in caught.value.problems]


def _png(path: Path, size: tuple[int, int] = (4, 3)) -> Path:
    PILImage.new("RGB", size, "#12436D").save(path, "PNG")
    return path


def test_sections_themes_and_blocks(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _content(
        valid_sheets,
        ["theme", "Access to Police Services"],
        ["section", "Emergency calls"],
        ["paragraph", "Calls fell by **6.9%**."],
        [None, None, None, None],
        ["Bullet", "First"],
        ["bullet", "Second", None, 2],
        ["bullet", "Third", None, "3"],
        ["callout", "more than 350 interventions"],
        ["note", "*12 months data up to June 2024"],
        ["notes", "Say the calls fell."],
        ["break"],
        [" Theme ", None],
        ["section", "Standalone"],
        ["paragraph", "x"],
    )
    document = load_document(make_workbook(sheets)).document
    first, second = document.sections
    assert (first.theme, first.title, str(first.source)) == (
        "Access to Police Services",
        "Emergency calls",
        "Content!A3",
    )
    assert (second.theme, second.title) == ("", "Standalone")
    kinds = [type(block) for block in first.blocks]
    assert kinds == [Paragraph, Bullet, Bullet, Bullet, Callout, Note, SpeakerNotes, Break]
    assert first.blocks[0].runs == (Run("Calls fell by "), Run("6.9%", bold=True), Run("."))
    assert [b.level for b in first.blocks if isinstance(b, Bullet)] == [1, 2, 3]
    assert first.blocks[6] == SpeakerNotes("Say the calls fell.", first.blocks[6].source)


def test_row_before_first_section(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _content(valid_sheets, ["theme", "T"], ["paragraph", "Too early"], ["section", "S"])
    assert _errors(make_workbook(sheets)) == [
        'Content!A3: a "paragraph" row before the first section; expected a "section" row '
        'first (only "theme" rows may come before it)'
    ]


def test_no_sections(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _content(valid_sheets, ["theme", "Only a theme"])
    assert _errors(make_workbook(sheets)) == [
        'Content: no section rows; expected at least one row of Type "section"'
    ]


def test_unknown_type_and_missing_type(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _content(
        valid_sheets, ["section", "S"], ["paragrph", "x"], [None, "orphan text"], ["chrt", "c"]
    )
    types = (
        '"theme", "section", "paragraph", "bullet", "measures", "table", "chart", "trend", '
        '"callout", "note", "image", "notes", "break" or "summary"'
    )
    assert _errors(make_workbook(sheets)) == [
        f'Content!A3: unknown Type "paragrph" (did you mean "paragraph"?); expected {types}',
        f"Content!A4: no Type; expected one of {types}",
        f'Content!A5: unknown Type "chrt" (did you mean "chart"?); expected {types}',
    ]


def test_required_texts(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _content(
        valid_sheets,
        ["section", None],
        ["paragraph", "   "],
        ["chart", None, "Reports"],
        ["image", None, "logo.png"],
    )
    sheets["Reports"] = [["Type", "Reports"], ["ASB", 6000]]
    assert _errors(make_workbook(sheets)) == [
        "Content!B2: no Text; expected the section title",
        "Content!B3: no Text; expected the paragraph's text",
        "Content!B4: no Text; expected the chart title",
        "Content!B5: no Text; expected alt text describing the image",
    ]


def test_bad_bullet_level_and_chart_type(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _content(
        valid_sheets,
        ["section", "S"],
        ["bullet", "deep", None, 4],
        ["chart", "Reports by type", "Reports", "collumn"],
    )
    sheets["Reports"] = [["Type", "Reports"], ["ASB", 6000]]
    assert _errors(make_workbook(sheets)) == [
        'Content!D3: unknown bullet level "4"; expected "1", "2" or "3"',
        'Content!D4: unknown chart type "collumn" (did you mean "column"?); expected "column", '
        '"bar", "line" or "pie"',
    ]


def test_unknown_references_with_did_you_mean(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _content(
        valid_sheets,
        ["section", "S"],
        ["measures", None, "999 cals"],
        ["table", None, "Charge rats"],
        ["chart", "Reports", "Reprts"],
        ["table", None, "Report"],
    )
    sheets["Charge rates"] = [["Crime", "Rate"], ["All", 0.084]]
    sheets["Reports"] = [["Type", "Reports"], ["ASB", 6000]]
    assert _errors(make_workbook(sheets)) == [
        'Content!C3: unknown measures table "999 cals" (did you mean "999 calls"?); expected '
        'one of the Measures sheet\'s tables: "999 calls"',
        'Content!C4: no sheet named "Charge rats" (did you mean "Charge rates"?); expected the '
        "name of the sheet that holds the table",
        'Content!C5: no sheet named "Reprts" (did you mean "Reports"?); expected the name of '
        "the sheet that holds the chart",
        'Content!C6: "Report" is one of the workbook\'s own sheets; expected a sheet that '
        "holds only the table's data",
    ]


def test_measures_row_without_measures_sheet(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = valid_sheets()
    del sheets["Measures"]
    assert _errors(make_workbook(sheets)) == [
        'Content!C5: a measures row, but the workbook has no "Measures" sheet; expected a '
        'sheet named "Measures" holding the table'
    ]


def test_measures_sheet_not_needed_without_measures_rows(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _content(valid_sheets, ["section", "S"], ["paragraph", "Just words"])
    del sheets["Measures"]
    assert load_document(make_workbook(sheets)).warnings == ()


def test_measures_table_with_no_rows(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = valid_sheets()
    sheets["Measures"] = sheets["Measures"][:1]
    assert _errors(make_workbook(sheets)) == [
        'Content!C5: the measures table "999 calls" has no rows; expected rows in the '
        'Measures sheet with "999 calls" in the Table column'
    ]


def test_same_measures_table_twice_warns(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = valid_sheets()
    sheets["Content"].append(["measures", "Again", " 999 CALLS ", None])
    loaded = load_document(make_workbook(sheets))
    assert [str(w) for w in loaded.warnings] == [
        'Content!C6: the measures table "999 CALLS" is also placed at Content!C5; it prints twice'
    ]
    again = loaded.document.sections[0].blocks[-1]
    assert (again.caption, again.name) == ("Again", "999 calls")  # type: ignore[union-attr]


def test_bad_links_name_the_cell(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = _content(
        valid_sheets,
        ["section", "S"],
        ["bullet", "Winner at the [Inspire Justice Awards](#)."],
        ["paragraph", "[click](javascript:alert(1)) or [mail](mailto:a@b.org)"],
    )
    bad = "expected an address starting https://, http:// or mailto:"
    assert _errors(make_workbook(sheets)) == [
        f'Content!B3: link "Inspire Justice Awards" goes to "#"; {bad}',
        f'Content!B4: link "click" goes to "javascript:alert(1)"; {bad}',
    ]


def test_long_and_international_text_round_trips(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    long_text = ("Policing in Cleveland. " * 435)[:10_000]
    words = "Ελληνικά — Кириллица — Cymraeg: Comisiynydd yr Heddlu a Throseddu, ŵ ŷ â"
    markup_like = '<script>alert("x")</script> & <b>not bold</b> ** 5 * 3 [sic]'
    sheets = _content(
        valid_sheets,
        ["section", "Adroddiad — Отчёт"],
        ["paragraph", long_text],
        ["paragraph", words],
        ["paragraph", markup_like],
        ["callout", "line one\nline two"],
    )
    section = load_document(make_workbook(sheets)).document.sections[0]
    texts = [plain_text(block.runs) for block in section.blocks]  # type: ignore[union-attr]
    assert texts == [long_text.strip(), words, markup_like, "line one\nline two"]
    assert section.title == "Adroddiad — Отчёт"
    assert len(texts[0]) >= 9_990


def test_extra_columns_warn(make_workbook: MakeWorkbook, valid_sheets: ValidSheets) -> None:
    sheets = valid_sheets()
    sheets["Content"][0] = [*HEAD, "Comments"]
    sheets["Content"][3] = ["paragraph", "x", None, None, "check with Jo"]
    [warning] = load_document(make_workbook(sheets)).warnings
    assert str(warning) == (
        'Content!E1: extra column "Comments" is ignored; expected only "Type", "Text", '
        '"Data" or "Option"'
    )


def test_unused_data_and_option_warn(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _content(valid_sheets, ["section", "S"], ["paragraph", "x", "999 calls", 2])
    del sheets["Measures"]  # -- its table would be unplaced, which warns too --
    assert [str(w) for w in load_document(make_workbook(sheets)).warnings] == [
        'Content!C3: Data is ignored for a "paragraph" row',
        'Content!D3: Option is ignored for a "paragraph" row',
    ]


# -- Images ----------------------------------------------------------------------------


def test_image_loads(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets, tmp_path: Path
) -> None:
    (tmp_path / "images").mkdir()
    _png(tmp_path / "images" / "triage.png")
    sheets = _content(
        valid_sheets, ["section", "S"], ["image", "Youth triage poster", "images\\triage.png"]
    )
    [image] = load_document(make_workbook(sheets)).document.sections[0].blocks
    assert isinstance(image, Image)
    assert image.alt_text == "Youth triage poster"
    assert image.path == (tmp_path / "images" / "triage.png").resolve()


def test_bad_images(make_workbook: MakeWorkbook, valid_sheets: ValidSheets, tmp_path: Path) -> None:
    (tmp_path / "fake.png").write_text("GIF89a pretending")
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40))
    outside = tmp_path.parent / "outside.png"
    _png(outside)
    sheets = _content(
        valid_sheets,
        ["section", "S"],
        ["image", "a", "missing.png"],
        ["image", "b", "fake.png"],
        ["image", "c", "../outside.png"],
        ["image", "d", str(outside)],
        ["image", "e", "C:\\Users\\me\\logo.png"],
        ["image", "f", "broken.png"],
        ["image", "g", None],
    )
    assert _errors(make_workbook(sheets)) == [
        f'Content!C3: "missing.png" does not exist in {tmp_path.resolve()}; expected the '
        "image file there, named exactly as typed (or correct the path, relative to the "
        "workbook's folder)",
        'Content!C4: "fake.png" is not a PNG or JPEG image; expected a .png or .jpg file',
        'Content!C5: "../outside.png" is outside the workbook\'s folder; expected a file in '
        "that folder or below it",
        f'Content!C6: found the absolute path "{outside}"; expected a path relative to the '
        "workbook's folder, such as images/logo.png",
        'Content!C7: found the absolute path "C:\\Users\\me\\logo.png"; expected a path '
        "relative to the workbook's folder, such as images/logo.png",
        'Content!C8: "broken.png" is damaged or not a readable PNG or JPEG image; expected a '
        "valid image file",
        "Content!C9: no file name; expected an image path relative to the workbook",
    ]


def test_decompression_bomb_image(
    make_workbook: MakeWorkbook,
    valid_sheets: ValidSheets,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parse_assets, "MAX_IMAGE_PIXELS", 1000)
    _png(tmp_path / "big.png", (100, 100))
    sheets = _content(valid_sheets, ["section", "S"], ["image", "big", "big.png"])
    assert _errors(make_workbook(sheets)) == [
        'Content!C3: "big.png" is 100 × 100 pixels; expected at most 1,000 pixels'
    ]


def test_oversized_image_file(
    make_workbook: MakeWorkbook,
    valid_sheets: ValidSheets,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parse_assets, "MAX_IMAGE_BYTES", 1024 * 1024)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(2 * 1024 * 1024))
    sheets = _content(valid_sheets, ["section", "S"], ["image", "photo", "photo.png"])
    assert _errors(make_workbook(sheets)) == [
        'Content!C3: "photo.png" is 2 MB; expected at most 1 MB'
    ]
