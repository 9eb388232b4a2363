"""Documents built by hand from the model, so layout tests need no workbook or parser."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator import figures
from generator.model import (
    Better,
    Break,
    Bullet,
    Callout,
    Chart,
    Document,
    Footnote,
    MeasureRow,
    MeasuresTable,
    Note,
    Paragraph,
    Report,
    Run,
    Section,
    Series,
    Source,
    SpeakerNotes,
    Table,
    Unit,
)

SRC = Source("Content", "A2")
PERIODS = ("12 months Sept 2022", "12 months Sept 2023", "12 months Sept 2024")
LINK = "https://www.skillsforjustice.com/inspire-justice-awards"


def measure_row(
    label: str,
    unit: Unit,
    better: Better,
    values: tuple[float | None, ...],
    marker: str = "",
) -> MeasureRow:
    """A row as the parser would build it: figures formatted and computed by figures.py."""
    places = figures.row_decimals(unit, values)
    return MeasureRow(
        label=label,
        marker=marker,
        unit=unit,
        better=better,
        values=values,
        value_texts=tuple(figures.format_value(v, unit, places) for v in values),
        change=figures.compute_change(values, unit, better, "nearest", places),
        source=Source("Measures", "B2"),
    )


def chart(title: str, kind: str, categories: tuple[str, ...], series: tuple[Series, ...]) -> Chart:
    return Chart(
        title=title,
        kind=kind,  # type: ignore[arg-type]
        sheet="Chart data",
        categories=categories,
        series=series,
        alt_text=figures.describe_chart(title, kind, categories, series),  # type: ignore[arg-type]
        source=SRC,
    )


def series(name: str, values: tuple[float | None, ...]) -> Series:
    return Series(name, values, figures.format_series_values(values))


def runs(*parts: str | tuple[str, str]) -> tuple[Run, ...]:
    """`"**x**"`-free helper: plain strings, ("b", text) bold, (href, text) links."""
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(Run(part))
        elif part[0] == "b":
            out.append(Run(part[1], bold=True))
        else:
            out.append(Run(part[1], href=part[0]))
    return tuple(out)


def report(**changes: object) -> Report:
    fields: dict[str, object] = {
        "title": "Police and Crime Plan",
        "subtitle": "Delivery Performance Summary",
        "year": "2024-2025",
        "period": "Quarter 2",
        "organisation": "Office of the Police and Crime Commissioner for Cleveland",
        "measure_heading": "Performance measures",
        "change_heading": "Volume change v's previous 12 months",
        "percent_change_heading": "% Change on previous 12 months",
        "footer": "Police and Crime Plan 2024-2025 Quarter 2",
        "published": dt.date(2024, 11, 14),
        "subject": "Quarterly delivery performance summary",
        "keywords": ("police", "crime", "performance"),
    }
    fields.update(changes)
    return Report(**fields)  # type: ignore[arg-type]


CALLS = MeasuresTable(
    name="Calls",
    caption="999 calls",
    periods=PERIODS,
    rows=(
        measure_row(
            "Number of 999 calls received", Unit.COUNT, Better.NEUTRAL, (113176, 121752, 113266)
        ),
        measure_row(
            "% 999 calls answered within 10 seconds",
            Unit.PERCENT,
            Better.HIGHER,
            (85.7, 87.7, 89.2),
        ),
    ),
    footnotes=(),
    source=SRC,
)

VIOLENCE = MeasuresTable(
    name="Violence",
    caption="",
    periods=PERIODS,
    rows=(
        measure_row("Homicides", Unit.COUNT, Better.LOWER, (8, 12, 11)),
        measure_row(
            "NHS sharps admission – all ages", Unit.COUNT, Better.LOWER, (100, 65, 90), marker="*"
        ),
        measure_row(
            "NHS sharps admissions – under 25 years",
            Unit.COUNT,
            Better.LOWER,
            (30, 20, 15),
            marker="*",
        ),
        measure_row(
            "Serious violence offences – all ages – police recorded",
            Unit.COUNT,
            Better.LOWER,
            (1843, 1997, 1821),
        ),
        measure_row("Average wait (seconds)", Unit.NUMBER, Better.LOWER, (14.4, None, 10)),
    ),
    footnotes=(Footnote("*", "12 months data up to June 2024", SRC),),
    source=SRC,
)

CHARGE_RATES = Table(
    caption="Charge rates 2023/24",
    sheet="Charge rates",
    header=("Crime category", "Cleveland charge rate 2023/24", "National charge rate 2023/24"),
    rows=(
        ("All crime", "8.4%", "6.4%"),
        ("Domestic burglary", "6.1%", "4.3%"),
        ("Robbery", "14.5%", "6.5%"),
        ("Possession of weapons", "36.7%", "28.3%"),
    ),
    align=("left", "right", "right"),
    source=SRC,
)

COPA_CHART = chart(
    "Total reports by type",
    "column",
    ("ASB", "Drugs", "Vehicle nuisance", "Victim support", "Crimestoppers"),
    (series("Reports", (3120, 1890, 1010, 730, 1200)),),
)


def seed_like_document() -> Document:
    """Two themes, every block type, the seed's figures: a representative document."""
    access = "Access to Police Services"
    violence = "Prevent, reduce and tackle serious violence"
    sections = (
        Section(
            "Emergency Calls (999 service)",
            access,
            (
                Paragraph(
                    runs(
                        "Nationally, Cleveland Police continue to have ",
                        ("b", "strong and consistent performance"),
                        " in relation to 999 call answer times.",
                    ),
                    SRC,
                ),
                Paragraph(
                    runs("Calls fell by ", ("b", "6.9%"), " & answer times <improved>."), SRC
                ),
                Bullet(runs("Downloaded 12,409 times."), 1, SRC),
                Bullet(runs("Since its launch the app has been used:"), 1, SRC),
                Bullet(runs("Over 730 times to access victim support information."), 2, SRC),
                Bullet(runs("Over 1,200 times to access Crimestoppers."), 3, SRC),
                MeasuresTable(CALLS.name, CALLS.caption, CALLS.periods, CALLS.rows, (), SRC),
                SpeakerNotes("SECRET SPEAKER NOTE", SRC),
            ),
            SRC,
        ),
        Section(
            "COPA reporting app",
            access,
            (
                Paragraph(runs("Reports made through the app, by type."), SRC),
                COPA_CHART,
                Note(runs("Source: COPA app usage data, September 2024."), SRC),
            ),
            SRC,
        ),
        Section(
            "Serious violence",
            violence,
            (
                Paragraph(
                    runs(
                        "Significant reductions were recorded; see the ",
                        (LINK, "Skills for Justice awards page"),
                        ".",
                    ),
                    SRC,
                ),
                VIOLENCE,
                Callout(runs("Youth triage delivered more than 350 interventions"), SRC),
                Break(SRC),
                Paragraph(
                    runs("Charging rates sit ", ("b", "amongst the best"), " ** in the country."),
                    SRC,
                ),
                CHARGE_RATES,
            ),
            SRC,
        ),
    )
    return Document(report=report(), sections=sections, workbook=Path("sample.xlsx"))
