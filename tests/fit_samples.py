"""Documents with many periods and large figures, and what a reader must find whole in them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from generator.model import Better, Document, MeasuresTable, Paragraph, Section, Unit
from tests.samples import SRC, measure_row, report, runs

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec")
COUNTS = (2, 3, 5, 6, 12)
HEADINGS = {
    "change_heading": "Volume change v's previous 12 months",
    "percent_change_heading": "Percentage change on previous 12 months",
}


def periods(count: int) -> tuple[str, ...]:
    return tuple(f"12 months {MONTHS[i % 12]} {2013 + i}" for i in range(count))


def measures(count: int, large: bool) -> MeasuresTable:
    """Four measures of every unit over `count` periods; `large` gives nine-digit money."""
    base = 187_654_321 if large else 113_176
    rows = (
        measure_row(
            "Number of 999 calls received",
            Unit.COUNT,
            Better.NEUTRAL,
            tuple(float(base + 1_111 * i) for i in range(count)),
        ),
        measure_row(
            "% 999 calls answered within 10 seconds",
            Unit.PERCENT,
            Better.HIGHER,
            tuple(85.7 + 0.3 * i for i in range(count)),
        ),
        measure_row(
            "Spend on victim services",
            Unit.CURRENCY,
            Better.HIGHER,
            tuple(float(base * 3 - 7_777 * i) for i in range(count)),
        ),
        measure_row(
            "Serious violence offences – all ages – police recorded",
            Unit.COUNT,
            Better.LOWER,
            tuple(float(1843 + 5 * i) for i in range(count)),
        ),
    )
    name = f"{count} periods{' large' if large else ''}"
    return MeasuresTable(name, f"Table of {name}", periods(count), rows, (), SRC)


def many_periods_document(
    cases: tuple[tuple[int, bool], ...] = tuple(
        (n, large) for n in COUNTS for large in (False, True)
    ),
) -> Document:
    """One section per case: a paragraph and the measures table."""
    sections = tuple(
        Section(
            f"Case {count}{' large' if large else ''}",
            "Access to Police Services",
            (Paragraph(runs("The figures for the year."), SRC), measures(count, large)),
            SRC,
        )
        for count, large in cases
    )
    return Document(report(**HEADINGS), sections, Path("many.xlsx"))


def expected_words(document: Document) -> Counter[str]:
    """Every figure (whole, as one word) and every heading word, as often as each prints."""
    words: Counter[str] = Counter()
    report = document.report
    for section in document.sections:
        for block in section.blocks:
            if not isinstance(block, MeasuresTable):
                continue
            for heading in (*block.periods, report.change_heading, report.percent_change_heading):
                words.update(heading.split())
            for row in block.rows:
                words.update(text for text in row.value_texts)
                words.update((row.change.text, row.change.percent_text))
    return words


def figures(document: Document) -> set[str]:
    """Every figure the measures tables print: each must be the whole text of a cell."""
    return {
        text
        for section in document.sections
        for block in section.blocks
        if isinstance(block, MeasuresTable)
        for row in block.rows
        for text in (*row.value_texts, row.change.text, row.change.percent_text)
    }


def missing(expected: Counter[str], printed: list[str]) -> Counter[str]:
    """What the reader cannot find whole: expected words beyond the printed ones."""
    return expected - Counter(printed)
