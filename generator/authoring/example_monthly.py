"""A second example, inputs/example-monthly.xlsx: the Monthly sheet with 36 months.

The seed publishes no monthly figures, so every figure here is MADE UP, and the
document says so: in its subtitle, its organisation and a note under every trend. The
series are built from fixed formulas (no randomness) so they show each SPC result:
burglary falls for the last 8 months (special cause improvement), violence rises
(special cause concern), 999 answering is steady (common cause variation).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.authoring.example import REPORT
from generator.authoring.template import Row, WorkbookSpec, write_workbook

MADE_UP = "Made-up figures for illustration only: not any force's data."
MONTHS = tuple(dt.date(2021 + (9 + i) // 12, (9 + i) % 12 + 1, 1) for i in range(36))
# -- a fixed wobble, so the series look like data but rebuild identically --
_WOBBLE = (3, -5, 8, -2, -7, 4, 1, -4, 6, -1, -6, 5, 2)  # 13 long: windows differ


def _series(level: float, spread: float, step: float = 0.0, late: float = 0.0) -> list[float]:
    """36 months: `level` plus a wobble of ± `spread`, `step` per month, and `late`
    added to the last 8 months."""
    return [
        level + _WOBBLE[i % len(_WOBBLE)] * spread / 8 + step * i + (late if i >= 28 else 0.0)
        for i in range(36)
    ]


def _counts(values: list[float]) -> list[int]:
    return [round(v) for v in values]


CALLS = _counts(_series(9500, 600, step=4))
ANSWERED = [round(v, 1) for v in _series(88.0, 2.4)]
BURGLARY = _counts(_series(300, 24, late=-45))
VIOLENCE = _counts(_series(610, 30, step=1.5, late=40))
VEHICLE = _counts(_series(420, 28))


def _row(
    table: str,
    label: str,
    unit: str,
    better: str | None,
    values: list[int] | list[float],
    key: str,
    base: str | None = None,
) -> Row:
    return (table, label, unit, better, *values, None, key, base)


MONTHLY: tuple[Row, ...] = (
    _row("999 calls", "Number of 999 calls received", "count", None, CALLS, "calls999"),
    _row(
        "999 calls",
        "% 999 calls answered within 10 seconds",
        "percent",
        "higher",
        ANSWERED,
        "answered10s",
        "calls999",
    ),
    _row("Neighbourhood crime", "Residential burglary", "count", "lower", BURGLARY, "burglary"),
    _row("Neighbourhood crime", "Vehicle offences", "count", "lower", VEHICLE, "vehicle"),
    _row("Violence", "Violence with injury", "count", "lower", VIOLENCE, "violence"),
)

CONTENT: tuple[Row, ...] = (
    ("theme", "Made-up monthly example", None, None),
    ("section", "999 calls", None, None),
    (
        "paragraph",
        "This example shows how the Monthly sheet works. **Every figure is made up.** The "
        "tables are rolling 12-month windows computed from the monthly figures.",
        None,
        None,
    ),
    ("measures", None, "999 calls", None),
    ("trend", "% 999 calls answered within 10 seconds, by month", "answered10s", "spc"),
    ("note", MADE_UP, None, None),
    ("section", "Neighbourhood crime", None, None),
    ("measures", None, "Neighbourhood crime", None),
    ("trend", "Residential burglary, by month", "burglary", "spc"),
    ("note", MADE_UP, None, None),
    ("section", "Violence", None, None),
    ("measures", None, "Violence", None),
    ("trend", "Violence with injury, by month", "violence", None),
    ("note", MADE_UP, None, None),
)

MONTHLY_REPORT = {
    **REPORT,
    "Subtitle": "Delivery Performance Summary: made-up monthly example",
    "Organisation": "Example organisation (made-up data)",
    "Footer": "Made-up monthly example: not real data",
    "Rounding": "nearest",
}

EXAMPLE_MONTHLY_SPEC = WorkbookSpec(
    report=MONTHLY_REPORT,
    content=CONTENT,
    periods=(),
    measures=(),
    months=MONTHS,
    monthly=MONTHLY,
)


def write_example_monthly(path: Path) -> None:
    """Write inputs/example-monthly.xlsx."""
    write_workbook(EXAMPLE_MONTHLY_SPEC, path)
