"""Synthetic workbooks in the contract format (shared/design/workbook.md), for the benchmark.

Each section holds what a real quarter's section holds: a paragraph with **bold**, an
8-row measures table over three periods (counts and percents, lower and higher better,
one footnote) and five bullets; every 4th section adds a chart sheet and every 5th a
table sheet with %-formatted cells. Output is deterministic for a given section count,
so runs and machines compare like with like.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

PERIODS = ("12 months Sept 2022", "12 months Sept 2023", "12 months Sept 2024")
CHART_EVERY = 4
TABLE_EVERY = 5
THEME_EVERY = 6  # a theme heading runs over a few sections, as in the seed
MEASURE_ROWS = 8
BULLETS = 5

_REPORT = {
    "Title": "Police and Crime Plan",
    "Subtitle": "Delivery Performance Summary (synthetic benchmark)",
    "Year": "2024-2025",
    "Period": "Quarter 2",
    "Organisation": "Office of the Police and Crime Commissioner for Benchmarkshire",
    "Language": "en-GB",
    "Rounding": "truncate",
    "Measure heading": "Performance measures",
    "Change heading": "Volume change v's previous 12 months",
    "Percent change heading": "% Change on previous 12 months",
    "Footer": "Synthetic benchmark workbook",
}
_WORDS = (
    "recorded",
    "crime",
    "calls",
    "answered",
    "within",
    "ten",
    "seconds",
    "across",
    "the",
    "force",
    "area",
    "compared",
    "with",
    "same",
    "period",
    "last",
    "year",
    "partnership",
    "patrols",
    "neighbourhood",
    "engagement",
    "victims",
    "support",
    "services",
    "outcomes",
    "improved",
    "reduction",
    "increase",
    "community",
    "safety",
    "hotspot",
    "wards",
)
_CHART_KINDS = ("column", "bar", "line")
_PCT = "0.0%"


def write_workbook(path: Path, sections: int, seed: int = 6) -> Path:
    """Write a workbook with `sections` sections to `path` and return the path."""
    rng = random.Random(seed * 1000 + sections)
    book = Workbook()
    report = book.active
    assert report is not None
    report.title = "Report"
    report.append(("Field", "Value"))
    for field, value in _REPORT.items():
        report.append((field, value))
    content = book.create_sheet("Content")
    content.append(("Type", "Text", "Data", "Option"))
    measures = book.create_sheet("Measures")
    measures.append(("Table", "Measure", "Unit", "Better", *PERIODS, "Note"))
    for number in range(1, sections + 1):
        for row in _section_rows(number, rng):
            content.append(row)
        _measure_rows(measures, number, rng)
        if number % CHART_EVERY == 0:
            _chart_sheet(book.create_sheet(f"Chart {number}"), rng)
        if number % TABLE_EVERY == 0:
            _table_sheet(book.create_sheet(f"Table {number}"), rng)
    book.save(path)
    return path


def _sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(_WORDS) for _ in range(words)]
    return " ".join(chosen).capitalize()


def _section_rows(number: int, rng: random.Random) -> Iterator[tuple[object, ...]]:
    if number % THEME_EVERY == 1:
        yield ("theme", f"Theme {number // THEME_EVERY + 1}: access to police services", None, None)
    yield ("section", f"Section {number}: {_sentence(rng, 4).lower()}", None, None)
    change = rng.randint(2, 40) / 10
    yield (
        "paragraph",
        f"{_sentence(rng, 18)}, with a **{change}% reduction** in {_sentence(rng, 6).lower()}. "
        f"{_sentence(rng, 22)} & a **notable improvement** in {_sentence(rng, 8).lower()}.",
        None,
        None,
    )
    yield ("measures", None, f"Measures {number}", None)
    for bullet in range(BULLETS):
        level = 2 if bullet in (2, 3) else 1
        yield ("bullet", f"{_sentence(rng, rng.randint(6, 20))}.", None, level)
    if number % CHART_EVERY == 0:
        kind = _CHART_KINDS[(number // CHART_EVERY) % len(_CHART_KINDS)]
        yield ("chart", f"Reports by type, section {number}", f"Chart {number}", kind)
    if number % TABLE_EVERY == 0:
        yield ("table", f"Charge rates, section {number}", f"Table {number}", None)


def _measure_rows(sheet: Worksheet, number: int, rng: random.Random) -> None:
    table = f"Measures {number}"
    for index in range(MEASURE_ROWS):
        percent = index % 3 == 1
        better = ("lower", "higher", None)[index % 3]
        note = "12 months data up to June 2024" if index == MEASURE_ROWS - 1 else None
        unit = "percent" if percent else "count"
        label = f"{'Rate' if percent else 'Number'} of measure {number}.{index + 1}"
        values = _percents(rng) if percent else _counts(rng)
        sheet.append((table, label, unit, better, *values, note))
        if percent and index % 2 == 0:
            # -- half the percents typed as Excel stores them: a %-formatted fraction --
            row = sheet.max_row
            for column in range(5, 5 + len(PERIODS)):
                cell = sheet.cell(row=row, column=column)
                cell.value = round(float(cell.value) / 100, 4)
                cell.number_format = _PCT


def _counts(rng: random.Random) -> list[int]:
    base = rng.randint(50, 250_000)
    return [max(0, round(base * rng.uniform(0.85, 1.15))) for _ in PERIODS]


def _percents(rng: random.Random) -> list[float]:
    return [round(rng.uniform(20, 98), 1) for _ in PERIODS]


def _chart_sheet(sheet: Worksheet, rng: random.Random) -> None:
    series = rng.randint(1, 2)
    sheet.append(("Type", *("Reports 2023", "Reports 2024")[:series]))
    for category in range(rng.randint(4, 6)):
        values = [rng.randint(100, 6_000) for _ in range(series)]
        sheet.append((f"Category {category + 1}", *values))


def _table_sheet(sheet: Worksheet, rng: random.Random) -> None:
    sheet.append(("Crime type", "Offences", "Charged", "Charge rate", "Change"))
    for row in range(2, 2 + rng.randint(4, 7)):
        offences = rng.randint(200, 20_000)
        charged = rng.randint(10, offences // 3)
        sheet.append(
            (f"Crime type {row - 1}", offences, charged, charged / offences, rng.uniform(-0.2, 0.2))
        )
        sheet.cell(row=row, column=2).number_format = "#,##0"
        sheet.cell(row=row, column=3).number_format = "#,##0"
        sheet.cell(row=row, column=4).number_format = _PCT
        sheet.cell(row=row, column=5).number_format = "+0.0%;-0.0%;0.0%"
