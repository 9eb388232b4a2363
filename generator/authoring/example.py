"""The seed document (Cleveland, 2024-25 Quarter 2) as a filled-in template: inputs/example.xlsx.

Everything here is copied from the published summary, wording and typos included; the
change columns are left to the generator, and nothing the seed does not print is added
(no publication date, no logo, no figures for the first-time entrants chart).
"""

from __future__ import annotations

from pathlib import Path

from generator.authoring.example_content import CONTENT
from generator.authoring.template import Formatted, Row, WorkbookSpec, write_workbook

_PCT = "0.0%"


def _pct(value: float) -> Formatted:
    """A percentage stored as Excel stores it: a fraction in a %-formatted cell."""
    return Formatted(value, _PCT)


REPORT = {
    "Title": "Police and Crime Plan",
    "Subtitle": "Delivery Performance Summary",
    "Year": "2024-2025",
    "Period": "Quarter 2",
    "Organisation": "Office of the Police and Crime Commissioner for Cleveland",
    "Language": "en-GB",
    "Rounding": "truncate",
    "Measure heading": "Performance measures",
    "Change heading": "Volume change v's previous 12 months",
    "Percent change heading": "% Change on previous 12 months",
    "Footer": "Police and Crime Plan Delivery Performance Summary 2024-25 Quarter 2",
}


PERIODS = ("12 months Sept 2022", "12 months Sept 2023", "12 months Sept 2024")
_SHARPS = "12 months data up to June 2024"
_LOW, _HIGH, _NEUTRAL = "lower", "higher", None


def _table(name: str, *rows: Row) -> tuple[Row, ...]:
    """Measures rows of one table: (Measure, Unit, Better, three values, Note, Key[, Base])."""
    return tuple((name, *row) for row in rows)


# Every measure has a Key (for placeholders in Text); the two call-answering rates name
# the calls received as their Base, so their change is tested for significance.
MEASURES: tuple[Row, ...] = (
    # Calls received are demand, not performance: neither direction is better.
    *_table(
        "999 calls",
        (
            "Number of 999 calls received",
            "count",
            _NEUTRAL,
            113176,
            121752,
            113266,
            None,
            "calls999",
        ),
        (
            "% 999 calls answered within 10 seconds",
            *("percent", _HIGH, _pct(0.857), _pct(0.877), _pct(0.892), None),
            *("answered999", "calls999"),
        ),
    ),
    *_table(
        "101 calls",
        (
            "Number of non-999 calls received",
            *("count", _NEUTRAL, 224337, 221164, 208698, None, "calls101"),
        ),
        (
            "% of non-999 calls answered within 2 minutes",
            *("percent", _HIGH, 64.3, 67.9, 84.6, None, "answered101", "calls101"),
        ),
    ),
    *_table(
        "Neighbourhood crime",
        ("Total recorded crime", "count", _LOW, 79481, 82023, 74366, None, "crime"),
        ("Theft from person", "count", _LOW, 536, 453, 280, None, "theft_person"),
        ("Residential burglary", "count", _LOW, 3497, 4050, 3131, None, "burglary"),
        ("Vehicle crime", "count", _LOW, 4075, 4491, 4222, None, "vehicle_crime"),
        ("Robbery", "count", _LOW, 857, 914, 830, None, "robbery"),
        ("Total neighbourhood crime", "count", _LOW, 8965, 9908, 8463, None, "neighbourhood"),
    ),
    *_table(
        "ASB",
        (
            "Anti-social behaviour incidents – police",
            *("count", _LOW, 18692, 18074, 17027, None, "asb"),
        ),
    ),
    *_table(
        "VAWG",
        (
            "Domestic abuse crimes – police recorded",
            *("count", _LOW, 12924, 14316, 13183, None, "domestic_abuse"),
        ),
        ("Arrest rate", "percent", _HIGH, 42.2, 40.3, 41.7, None, "da_arrest_rate"),
        ("Repeat incident rate", "percent", _LOW, 44.9, 46.0, 44.1, None, "da_repeat_rate"),
        (
            "Sexual offences – police recorded",
            *("count", _LOW, 2614, 2677, 2553, None, "sexual_offences"),
        ),
        ("Rape offences – police recorded", "count", _LOW, 1015, 979, 896, None, "rape"),
    ),
    *_table(
        "Serious violence",
        ("Homicides", "count", _LOW, 8, 12, 11, None, "homicides"),
        ("NHS Sharps admission – all ages", "count", _LOW, 100, 65, 90, _SHARPS, "sharps"),
        (
            "NHS sharps admissions – under 25 years",
            *("count", _LOW, 30, 20, 15, _SHARPS, "sharps_under25"),
        ),
        (
            "Serious violence offences – all ages – police recorded",
            *("count", _LOW, 1843, 1997, 1821, None, "serious_violence"),
        ),
        (
            "Serious violence offences – youth related – police recorded",
            *("count", _LOW, 626, 648, 521, None, "serious_violence_youth"),
        ),
        (
            "Knife/sharps enabled serious violence offences – all ages – police recorded",
            *("count", _LOW, 822, 896, 820, None, "knife_violence"),
        ),
        (
            "Knife/sharps enabled serious violence offences – youth related – police recorded",
            *("count", _LOW, 313, 342, 257, None, "knife_violence_youth"),
        ),
    ),
)

_CHARGE_RATES = (
    ("All Crime", 0.084, 0.064),
    ("Domestic burglary", 0.061, 0.043),
    ("Violence against the Person", 0.062, 0.056),
    ("Robbery", 0.145, 0.065),
    ("Shoplifting", 0.253, 0.164),
    ("Sexual Offences", 0.036, 0.042),
    ("Possession of Weapons", 0.367, 0.283),
)
CHARGE_RATES: tuple[Row, ...] = (
    ("Crime Category", "Cleveland Charge Rate 2023/24", "National Charge Rate 2023/24"),
    *((name, _pct(local), _pct(national)) for name, local, national in _CHARGE_RATES),
)

# The seed says "over" each figure, so the series header says they are lower bounds.
COPA_REPORTS: tuple[Row, ...] = (
    ("Type of report", "Times used (at least)"),
    ("Reports to police or partners (ASB, drugs, vehicle nuisance)", 6000),
    ("Crimestoppers", 1200),
    ("Victim support information", 730),
)

EXAMPLE_SPEC = WorkbookSpec(
    report=REPORT,
    content=CONTENT,
    periods=PERIODS,
    measures=MEASURES,
    extra_sheets=(("Charge rates", CHARGE_RATES), ("COPA reports", COPA_REPORTS)),
)


def write_example(path: Path) -> None:
    """Write the seed document as a workbook (inputs/example.xlsx)."""
    write_workbook(EXAMPLE_SPEC, path)
