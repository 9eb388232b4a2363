"""Months, rolling windows and their labels: the arithmetic behind the Monthly sheet.

A rolling window of `Window` months ends at a month; a measures table from Monthly
prints `Periods` windows one year apart, oldest first, labelled as the seed labels its
periods (`12 months Sept 2024`). A count window is the sum of its months; a percent
window is the rate of the whole window, Σ rate × base ÷ Σ base, computed in Decimal so
the figure is exact. Pure functions; no workbook, no layout.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from generator.figures import decimal
from generator.words import Words, base_language

# -- the seed's own spellings ("12 months Sept 2024", "up to June 2024") --
MONTH_NAMES = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "June",
    "July",
    "Aug",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
)
_FULL_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_WORD = re.compile(r"\b([A-Za-z]{3,9})\.?[\s-]+(\d{4}|\d{2})\b")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})(-\d{1,2})?")


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month; `index` counts months so consecutive months differ by one."""

    year: int
    month: int  # 1-12

    @property
    def index(self) -> int:
        return self.year * 12 + self.month - 1

    @staticmethod
    def from_index(index: int) -> Month:
        return Month(index // 12, index % 12 + 1)

    def plus(self, months: int) -> Month:
        return Month.from_index(self.index + months)

    @property
    def short(self) -> str:
        """`Sept 2024`: how labels and chart axes name the month."""
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"

    def short_in(self, words: Words) -> str:
        """The month as labels print it in the document's language: English keeps the
        seed's own spellings (`Sept 2024`), Welsh the Welsh Government's (`Medi 2024`)."""
        if base_language(words.language) == "en":
            return self.short
        return f"{words.month(self.month, short=True)} {self.year}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)


def month_number(word: str) -> int | None:
    """1-12 for a month's name or abbreviation (`Sep`, `Sept`, `September`), else None."""
    lowered = word.lower().rstrip(".")
    if len(lowered) < 3:
        return None
    for number, name in enumerate(_FULL_NAMES, start=1):
        if name.startswith(lowered) or lowered == MONTH_NAMES[number - 1].lower():
            return number
    return None


def read_month(value: object) -> Month | None:
    """A month from a header cell: a date (any day), `Sep 2024`, `September 2024`,
    `Sep-24` or `2024-09`; None when it is none of these."""
    if isinstance(value, dt.datetime | dt.date):
        return Month(value.year, value.month)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if iso := _ISO_MONTH.fullmatch(text):
        year, month = int(iso.group(1)), int(iso.group(2))
        return Month(year, month) if 1 <= month <= 12 else None
    found = _MONTH_WORD.fullmatch(text)
    number = month_number(found.group(1)) if found else None
    if found is None or number is None:
        return None
    year = int(found.group(2))
    return Month(year + 2000 if year < 100 else year, number)


def window_label(end: Month, length: int, words: Words | None = None) -> str:
    """`12 months Sept 2024` (`12 mis Medi 2024`): the label of the window of `length`
    months ending at `end`."""
    words = words or Words()
    return words.fill("window", length=length, month=end.short_in(words))


def window_ends(last: Month, periods: int) -> tuple[Month, ...]:
    """The end months of `periods` windows one year apart, oldest first."""
    return tuple(last.plus(-12 * back) for back in range(periods - 1, -1, -1))


def window_sum(values: Sequence[float | None]) -> float | None:
    """A count, number or currency window: the sum, or None if a month is missing."""
    if not values or any(v is None for v in values):
        return None
    return float(sum((decimal(v) for v in values if v is not None), Decimal(0)))


def window_rate(rates: Sequence[float | None], bases: Sequence[float | None]) -> float | None:
    """A percent window: Σ rate × base ÷ Σ base, the rate of all the window's cases;
    None when a month or its base is missing, or the bases add up to nothing."""
    if not rates or any(v is None for v in (*rates, *bases)):
        return None
    pairs = [
        (decimal(r), decimal(b))
        for r, b in zip(rates, bases, strict=True)
        if r is not None and b is not None
    ]
    total = sum((b for _, b in pairs), Decimal(0))
    if total == 0:
        return None
    return float(sum((r * b for r, b in pairs), Decimal(0)) / total)


def next_quarter_label(text: str) -> str | None:
    """A period label moved on three months: `12 months Sept 2024` → `12 months Dec 2024`.
    The first month-and-year in the text moves; None when the text holds none."""
    for found in _MONTH_WORD.finditer(text):
        number = month_number(found.group(1))
        if number is None:
            continue
        year = int(found.group(2))
        moved = Month(year + 2000 if year < 100 else year, number).plus(3)
        shown_year = str(moved.year) if len(found.group(2)) == 4 else f"{moved.year % 100:02d}"
        moved_text = f"{MONTH_NAMES[moved.month - 1]} {shown_year}"
        return text[: found.start()] + moved_text + text[found.end() :]
    return None
