"""inputs/example.xlsx: the seed document as a filled-in template, faithful to the seed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from generator.authoring.example import write_example
from generator.parse import load_document
from tests.test_template import snapshot, soffice_roundtrip, validated_columns

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "example.xlsx"
TEMPLATE = ROOT / "inputs" / "template.xlsx"

# (theme, section) in the seed's order; "" where a heading stands alone.
SEED_OUTLINE = [
    ("Access to Police Services", "Emergency Calls (999 service)"),
    ("Access to Police Services", "Non-emergency calls (101 service)"),
    ("Access to Police Services", "COPA Reporting App"),
    ("", "Neighbourhood Crime"),
    ("", "Tackling anti-social behaviour in communities"),
    ("Designing out opportunities for Crime and ASB – Stockton", "Safer Streets"),
    ("Equality, diversity and inclusion", "Tees Valley EDI Awards"),
    ("", "Tackling violence against women and girls"),
    ("", "Prevent, reduce and tackle serious violence"),
    ("Reducing offending in Cleveland – Young People", "Youth Triage"),
    ("Reducing offending in Cleveland – Adults", "Cleveland Divert"),
    ("", "Solving crime in Cleveland"),
]


@pytest.fixture(scope="module")
def book() -> Any:
    return openpyxl.load_workbook(EXAMPLE)


def _rows(sheet: Any) -> list[tuple[Any, ...]]:
    rows = sheet.iter_rows(min_row=2, values_only=True)
    return [row for row in rows if any(v is not None for v in row)]


def test_committed_example_is_what_write_example_writes(tmp_path: Path) -> None:
    written = tmp_path / "example.xlsx"
    write_example(written)
    assert snapshot(EXAMPLE) == snapshot(written), "run python scripts/make_inputs.py"


def test_example_looks_like_a_filled_in_template(book: Any) -> None:
    template = openpyxl.load_workbook(TEMPLATE)
    assert book.sheetnames[:4] == template.sheetnames[:4]  # the example has no Monthly sheet
    assert book.sheetnames[4:] == ["Charge rates", "COPA reports"]
    for name in ("Report", "Content", "Measures"):
        assert validated_columns(book[name]) == validated_columns(template[name]), name
        assert book[name].freeze_panes == "A2"
        assert book[name]["A1"].fill.fgColor.rgb == template[name]["A1"].fill.fgColor.rgb
        assert book[name]["B2"].fill.fgColor.rgb == template[name]["B2"].fill.fgColor.rgb
    instructions = [c.value for c in book["Instructions"]["B"]]
    assert instructions == [c.value for c in template["Instructions"]["B"]]


def test_report_holds_the_seed_cover_and_nothing_invented(book: Any) -> None:
    report = {field: value for field, value in _rows(book["Report"])}
    assert report["Title"] == "Police and Crime Plan"
    assert report["Subtitle"] == "Delivery Performance Summary"
    assert report["Year"] == "2024-2025"
    assert report["Period"] == "Quarter 2"
    assert report["Organisation"] == "Office of the Police and Crime Commissioner for Cleveland"
    assert report["Rounding"] == "truncate"
    assert report["Change heading"] == "Volume change v's previous 12 months"
    assert report["Percent change heading"] == "% Change on previous 12 months"
    assert report["Published"] is None and report["Logo"] is None


def test_content_follows_the_seed_outline(book: Any) -> None:
    theme, outline = "", []
    for kind, text, _data, _option in _rows(book["Content"]):
        if kind == "theme":
            theme = text or ""
        elif kind == "section":
            outline.append((theme, text))
    assert outline == SEED_OUTLINE
    assert _rows(book["Content"])[0] == ("summary", None, None, None)  # after the title


def test_content_keeps_the_seed_wording_markup_and_levels(book: Any) -> None:
    rows = _rows(book["Content"])
    texts = [text for _kind, text, _data, _option in rows]
    assert any("**{calls999.percent_size} reduction**" in (t or "") for t in texts)
    assert any("to reports matters" in (t or "") for t in texts)
    assert "Over 1,200 time to access Crimestoppers" in texts
    link = "[Skills for Justice – Inspire Justice Awards](https://skillsforjustice.org.uk/inspire-justice-awards)"
    assert sum(link in (t or "") for t in texts) == 1
    level_two = [text for kind, text, _d, option in rows if kind == "bullet" and option == 2]
    assert len(level_two) == 7  # three COPA uses, four things Safer Streets funded
    assert (
        level_two[0].startswith("Over 6,000") and level_two[3] == "Installation of 10 CCTV cameras"
    )
    kinds = [kind for kind, *_ in rows]
    assert "notes" not in kinds and "image" not in kinds  # nothing the seed does not say


def test_charts_tables_and_callout_are_placed(book: Any) -> None:
    rows = _rows(book["Content"])
    placed = {(kind, data): (text, option) for kind, text, data, option in rows if data}
    assert placed[("chart", "COPA reports")] == ("Total reports by type", "bar")
    assert placed[("table", "Charge rates")] == (None, None)
    measures = [data for kind, _t, data, _o in rows if kind == "measures"]
    assert measures == [
        "999 calls",
        "101 calls",
        "Neighbourhood crime",
        "ASB",
        "VAWG",
        "Serious violence",
    ]
    callouts = [text for kind, text, _d, _o in rows if kind == "callout"]
    assert callouts == [
        "Youth triage has delivered more than 350 interventions to young people during the "
        "current reporting period"
    ]


def test_measures_hold_seed_values_and_no_typed_change_columns(book: Any) -> None:
    sheet = book["Measures"]
    header = [c.value for c in sheet[1]]
    assert header == [
        "Table", "Measure", "Unit", "Better",
        "12 months Sept 2022", "12 months Sept 2023", "12 months Sept 2024", "Note", "Key",
        "Base",
    ]  # fmt: skip
    rows = {row[1]: row for row in _rows(sheet)}
    assert len(rows) == 23
    assert rows["Number of 999 calls received"][2:7] == ("count", None, 113176, 121752, 113266)
    assert rows["Total recorded crime"][3] == "lower"
    assert rows["Arrest rate"][2:7] == ("percent", "higher", 42.2, 40.3, 41.7)
    sharps = [row[7] for name, row in rows.items() if "harps admission" in name]
    assert sharps == ["12 months data up to June 2024"] * 2
    assert not any("*" in name for name in rows)  # markers are added by the generator
    keys = [row[8] for row in rows.values()]
    assert all(keys) and len(set(keys)) == len(keys)  # every measure has its own Key
    bases = {name: row[9] for name, row in rows.items() if row[9]}
    assert bases == {
        "% 999 calls answered within 10 seconds": "calls999",
        "% of non-999 calls answered within 2 minutes": "calls101",
    }


def test_a_percent_row_is_stored_as_a_percent_formatted_fraction(book: Any) -> None:
    sheet = book["Measures"]
    cell = sheet["E3"]
    assert sheet["B3"].value == "% 999 calls answered within 10 seconds"
    assert (cell.value, cell.number_format) == (0.857, "0.0%")


def test_charge_rates_and_copa_sheets(book: Any) -> None:
    rates = book["Charge rates"]
    assert [c.value for c in rates[1]] == [
        "Crime Category",
        "Cleveland Charge Rate 2023/24",
        "National Charge Rate 2023/24",
    ]
    assert (rates["B2"].value, rates["B2"].number_format) == (0.084, "0.0%")
    assert rates.max_row == 8 and rates["A8"].value == "Possession of Weapons"
    copa = book["COPA reports"]
    assert [c.value for c in copa["B"]] == ["Times used (at least)", 6000, 1200, 730]


@pytest.mark.slow
def test_libreoffice_opens_the_example_and_keeps_its_data(tmp_path: Path) -> None:
    converted = openpyxl.load_workbook(soffice_roundtrip(EXAMPLE, tmp_path))
    assert converted.sheetnames[-2:] == ["Charge rates", "COPA reports"]
    assert converted["Measures"]["G2"].value == 113266
    assert converted["Charge rates"]["B2"].number_format == "0.0%"


def test_example_loads_as_the_seed_document() -> None:
    loaded = load_document(EXAMPLE)
    # -- the seed gives no publication date, and the example invents none; the prose
    #    check's note on the seed's "25% reduction" (20 to 15: chance) --
    messages = [w.message.split(",")[0] for w in loaded.warnings]
    assert messages[0] == "no Published date" and len(messages) == 2
    assert str(loaded.warnings[1].where) == "Content!B51"
    assert "a note, not a contradiction" in loaded.warnings[1].message
    document = loaded.document
    # -- the at-a-glance summary is a section of its own, after the title --
    assert [(s.theme, s.title) for s in document.sections] == [("", "At a glance"), *SEED_OUTLINE]
    assert document.report.rounding == "truncate" and document.report.published is None
    tables = {b.name: b for s in document.sections for b in s.blocks if hasattr(b, "periods")}
    calls = tables["999 calls"].rows
    assert calls[0].change.text == "-8,486" and calls[0].change.percent_text == "-6.9%"
    assert calls[1].value_texts == ("85.7%", "87.7%", "89.2%")
    assert calls[1].change.text == "+1.5pts"
    burglary = tables["Neighbourhood crime"].rows[2]
    assert burglary.change.percent_text == "-22.6%"  # truncated, as the seed printed
    violence = tables["Serious violence"]
    assert [f.text for f in violence.footnotes] == ["12 months data up to June 2024"]
    assert violence.rows[1].marker == violence.rows[2].marker == violence.footnotes[0].marker
