"""Placeholders in Text: `{key.field}` prints the table's own string in every edition."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation

from generator.build import render_all
from generator.errors import Problems, WorkbookError
from generator.model import (
    Bullet,
    Callout,
    Chart,
    MeasuresTable,
    Note,
    Paragraph,
    Run,
    Source,
    SpeakerNotes,
    plain_text,
)
from generator.options import RenderOptions
from generator.parse import load_document
from generator.placeholders import FIELDS, figure, resolve
from tests.conftest import PERIODS, MakeWorkbook, Sheets

ValidSheets = Callable[[], Sheets]
HEAD = ["Table", "Measure", "Unit", "Better", *PERIODS, "Note", "Key"]
WHERE = Source("Content", "B4")
Outputs = tuple[list[str], object, list[str], str]  # PDF lines, deck, expected, HTML text


def _sheets(valid_sheets: ValidSheets, *texts: tuple[str, str | None]) -> Sheets:
    """The valid workbook with Keys, and Content rows (Type, Text) after its paragraph."""
    sheets = valid_sheets()
    calls, rate = sheets["Measures"][1:]
    sheets["Measures"] = [HEAD, [*calls, None, "calls999"], [*rate, None, "answered999"]]
    sheets["Content"].extend([kind, text, None, None] for kind, text in texts)
    return sheets


def _errors(path: Path) -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        load_document(path)
    return [str(problem) for problem in caught.value.problems]


def test_every_field_prints_the_tables_string(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    text = " | ".join(f"{{calls999.{name}}}" for name in FIELDS)
    sheets = _sheets(valid_sheets, ("paragraph", "{calls999} " + text))
    section = load_document(make_workbook(sheets)).document.sections[0]
    paragraph = section.blocks[-1]
    assert isinstance(paragraph, Paragraph)
    assert plain_text(paragraph.runs) == (
        "113,266 113,266 | 121,752 | -8,486 | 8,486 | -7.0% | 7.0% | reduction"
    )
    # -- the same strings as the table the parser built --
    table = section.blocks[1]
    assert isinstance(table, MeasuresTable)
    row = table.rows[0]
    assert [figure(row, name) for name in FIELDS[:5]] == [
        row.value_texts[-1],
        row.value_texts[-2],
        row.change.text,
        "8,486",
        row.change.percent_text,
    ]


def test_a_rate_prints_points_and_keys_ignore_case(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    text = "{Answered999.CHANGE} to {answered999.latest}, {answered999.change_size}"
    sheets = _sheets(valid_sheets, ("bullet", text))
    bullet = load_document(make_workbook(sheets)).document.sections[0].blocks[-1]
    assert isinstance(bullet, Bullet)
    assert plain_text(bullet.runs) == "+1.5pts to 89.2%, 1.5pts"


def test_markup_around_placeholders_and_escaped_braces(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _sheets(
        valid_sheets,
        ("callout", "A **{calls999.percent_size} reduction** in {{calls} {not closed"),
    )
    callout = load_document(make_workbook(sheets)).document.sections[0].blocks[-1]
    assert isinstance(callout, Callout)
    assert callout.runs == (
        Run("A "),
        Run("7.0% reduction", bold=True),
        Run(" in {calls} {not closed"),
    )


def test_every_kind_of_text_is_resolved(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _sheets(
        valid_sheets,
        ("note", "Calls: {calls999}"),
        ("notes", "Say {calls999.change}"),
        ("chart", "Calls {calls999.percent}"),
    )
    sheets["Content"][-1][2] = "Chart data"
    sheets["Chart data"] = [["Year", "Calls"], ["2024", 1]]
    sheets["Content"][4][1] = "Table: {calls999.direction}"  # the measures caption
    blocks = load_document(make_workbook(sheets)).document.sections[0].blocks
    note, notes, chart = blocks[-3:]
    assert isinstance(note, Note) and plain_text(note.runs) == "Calls: 113,266"
    assert isinstance(notes, SpeakerNotes) and notes.text == "Say -8,486"
    assert isinstance(chart, Chart) and chart.title == "Calls -7.0%"
    assert isinstance(blocks[1], MeasuresTable) and blocks[1].caption == "Table: reduction"


def test_unknown_key_or_field_names_the_cell_with_did_you_mean(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _sheets(
        valid_sheets,
        ("paragraph", "{calls99.percent}"),
        ("paragraph", "{calls999.precent}"),
        ("paragraph", "{calls 999}"),
    )
    assert _errors(make_workbook(sheets)) == [
        'Content!B6: unknown key "calls99" in "{calls99.percent}" (did you mean "calls999"?); '
        "expected the Key of a measure, from the Key column of the Measures sheet",
        'Content!B7: unknown field "precent" in "{calls999.precent}" (did you mean '
        '"percent"?); expected one of "latest", "previous", "change", "change_size", '
        '"percent", "percent_size" or "direction"',
        'Content!B8: "{calls 999}" is not a placeholder; expected {key} or {key.field}, '
        'where key is a measure\'s Key (type {{ for a literal "{")',
    ]


def test_a_workbook_without_keys_says_so(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = valid_sheets()
    sheets["Content"].append(["paragraph", "{calls999}", None, None])
    [error] = _errors(make_workbook(sheets))
    assert error.endswith("(no measure has a Key yet)")


def test_a_key_on_a_row_with_errors_is_not_reported_twice(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _sheets(valid_sheets, ("paragraph", "{calls999}"))
    sheets["Measures"][1][2] = "cnt"
    assert _errors(make_workbook(sheets)) == [
        'Measures!C2: unknown Unit "cnt" (did you mean "count"?); expected "count", '
        '"percent", "number" or "currency"'
    ]


def test_a_figure_that_does_not_exist_prints_a_dash_with_a_warning(
    make_workbook: MakeWorkbook, valid_sheets: ValidSheets
) -> None:
    sheets = _sheets(valid_sheets, ("paragraph", "{answered999.percent}"))
    loaded = load_document(make_workbook(sheets))
    paragraph = loaded.document.sections[0].blocks[-1]
    assert isinstance(paragraph, Paragraph) and plain_text(paragraph.runs) == "–"
    assert [str(w) for w in loaded.warnings] == [
        'Content!B6: "{answered999.percent}" prints "–": "% 999 calls answered within 10 '
        'seconds" is a rate, whose change is in percentage points; use .change or '
        ".change_size (Measures!B3)"
    ]


def test_resolve_keeps_a_typed_copy_without_placeholder_figures() -> None:
    rows = {}
    problems = Problems()
    plain = resolve("no braces 6.9%", lambda: rows, WHERE, problems)
    assert (plain.text, plain.typed, plain.uses) == ("no braces 6.9%", "no braces 6.9%", ())
    escaped = resolve("{{x}", lambda: rows, WHERE, problems)
    assert (escaped.text, escaped.typed) == ("{x}", "{x}")
    assert not problems.items


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Outputs:
    """The PDF's text, the deck and the table's own strings for a workbook of placeholders."""
    from tests.conftest import _valid, build_workbook

    sheets = _sheets(
        _valid,
        ("paragraph", "Calls {calls999.change} ({calls999.percent}) to {calls999}."),
        ("bullet", "Answered: {answered999.change}, now {answered999.latest}."),
    )
    path = build_workbook(tmp_path_factory.mktemp("ph") / "book.xlsx", sheets)
    document = load_document(path).document
    rendered = render_all(document, ("pdf", "pptx", "html"), RenderOptions())
    html = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", rendered["html"].decode())))
    with pdfplumber.open(io.BytesIO(rendered["pdf"])) as pdf:
        lines = [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]
    table = document.sections[0].blocks[1]
    assert isinstance(table, MeasuresTable)
    calls, rate = table.rows
    expected = [
        f"Calls {calls.change.text} ({calls.change.percent_text}) to {calls.value_texts[-1]}.",
        f"Answered: {rate.change.text}, now {rate.value_texts[-1]}.",
    ]
    return lines, Presentation(io.BytesIO(rendered["pptx"])), expected, html


def test_pdf_prints_the_tables_strings(outputs: Outputs) -> None:
    lines, _, expected, _ = outputs
    assert expected == ["Calls -8,486 (-7.0%) to 113,266.", "Answered: +1.5pts, now 89.2%."]
    text = "\n".join(lines)
    for sentence in expected:
        assert sentence in text
    assert "{" not in text


def test_deck_prints_the_tables_strings(outputs: Outputs) -> None:
    _, deck, expected, _ = outputs
    texts = [
        shape.text_frame.text
        for slide in deck.slides  # type: ignore[attr-defined]
        for shape in slide.shapes
        if shape.has_text_frame
    ]
    joined = "\n".join(texts)
    for sentence in expected:
        assert sentence in joined
    assert "{" not in joined


def test_html_prints_the_tables_strings(outputs: Outputs) -> None:
    *_, expected, html = outputs
    for sentence in expected:
        assert sentence in html
    assert "{calls999" not in html


def test_a_monthly_key_prints_its_rolling_tables_figures(tmp_path: Path) -> None:
    import openpyxl

    source = Path(__file__).resolve().parent.parent / "inputs" / "example-monthly.xlsx"
    book = openpyxl.load_workbook(source)
    content = book["Content"]
    content.append(["paragraph", "Burglary: {burglary.change} ({burglary.percent}).", None, None])
    path = tmp_path / "monthly.xlsx"
    book.save(path)
    document = load_document(path).document
    rows = [
        row
        for section in document.sections
        for block in section.blocks
        if isinstance(block, MeasuresTable)
        for row in block.rows
        if row.key == "burglary"
    ]
    paragraph = document.sections[-1].blocks[-1]
    assert isinstance(paragraph, Paragraph) and rows
    change = rows[0].change
    assert plain_text(paragraph.runs) == f"Burglary: {change.text} ({change.percent_text})."
