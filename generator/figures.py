"""Every computed figure and every formatted number, in one place.

The seed's hand-typed change columns held sign errors; computing them here, once, means
the PDF, the deck and any later format print the same, correct strings. Arithmetic is
done in Decimal from each float's shortest repr, so 89.2 − 87.7 is exactly 1.5 and
truncation never turns 1.5 into 1.4.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from generator.model import (
    Assessment,
    Better,
    Change,
    ChartKind,
    Direction,
    Rounding,
    Series,
    Unit,
)
from generator.words import WordId, Words

NOT_AVAILABLE = "–"  # en dash: what the seed prints for a figure that does not exist

_ROUNDING_MODES = {"nearest": ROUND_HALF_UP, "truncate": ROUND_DOWN}


def decimal(value: float) -> Decimal:
    """The decimal a person typed: 0.1 stays 0.1, not 0.1000000000000000055."""
    return Decimal(repr(float(value)))


def round_to(value: Decimal, places: int, rounding: Rounding = "nearest") -> Decimal:
    """Round half away from zero (Excel's ROUND) or truncate toward zero."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=_ROUNDING_MODES[rounding])


def decimals_of(value: float) -> int:
    """How many decimals a value was typed with (14.4 -> 1, 10 -> 0)."""
    exponent = decimal(value).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def row_decimals(unit: Unit, values: Sequence[float | None]) -> int:
    """Decimals a measure row prints with: fixed by unit, or its most precise value."""
    if unit is Unit.COUNT:
        return 0
    if unit is Unit.PERCENT:
        return 1
    if unit is Unit.CURRENCY:
        return 0  # whole pounds, as summaries print them; a cell's format may ask for pence
    return max((decimals_of(v) for v in values if v is not None), default=0)


def format_number(value: float | Decimal, places: int, sign: bool = False) -> str:
    """`113,176`, `14.4`, `+25`; a rounded zero never prints as `-0`."""
    rounded = round_to(value if isinstance(value, Decimal) else decimal(value), places)
    if rounded == 0:
        rounded = abs(rounded)
    text = f"{abs(rounded):,.{places}f}"
    if rounded < 0:
        return "-" + text
    return ("+" + text) if sign and rounded > 0 else text


def format_value(value: float | None, unit: Unit, places: int) -> str:
    """One measure value as printed in its period column."""
    if value is None:
        return NOT_AVAILABLE
    if unit is Unit.PERCENT:
        return format_number(value, 1) + "%"
    if unit is Unit.CURRENCY:
        return _pounds(format_number(value, places))
    return format_number(value, places)


def _pounds(text: str) -> str:
    """Put the pound sign after any sign: `-£1,234`, `+£25`."""
    return text[0] + "£" + text[1:] if text[:1] in "+-" else "£" + text


def compute_change(
    values: Sequence[float | None],
    unit: Unit,
    better: Better,
    rounding: Rounding,
    places: int,
) -> Change:
    """The change columns, from the last two periods."""
    previous, latest = values[-2], values[-1]
    if previous is None or latest is None:
        return Change(NOT_AVAILABLE, NOT_AVAILABLE, Direction.NONE, Assessment.UNAVAILABLE)
    before, after = decimal(previous), decimal(latest)
    delta = after - before
    points = round_to(delta, 1, rounding)
    # -- judged on the change as printed: a change that prints as 0.0pts is no change --
    shown = points if unit is Unit.PERCENT else round_to(delta, places)
    direction = Direction.UP if shown > 0 else Direction.DOWN if shown < 0 else Direction.FLAT
    assessment = _assess(direction, better)
    if unit is Unit.PERCENT:
        return Change(
            format_number(points, 1, sign=True) + "pts", NOT_AVAILABLE, direction, assessment
        )
    change_text = format_number(delta, places, sign=True)
    if unit is Unit.CURRENCY:
        change_text = _pounds(change_text)
    return Change(change_text, percent_change(before, after, rounding), direction, assessment)


def percent_change(before: Decimal, after: Decimal, rounding: Rounding) -> str:
    """(after − before) ÷ before × 100 to one decimal; `–` when before is zero, or when
    either value is negative (a budget variance from −1,000 to +250): a percentage of a
    negative base reads backwards, so none is printed."""
    if before <= 0 or after < 0:
        return NOT_AVAILABLE
    ratio = (after - before) / before * 100
    return format_number(round_to(ratio, 1, rounding), 1, sign=True) + "%"


def _assess(direction: Direction, better: Better) -> Assessment:
    if direction is Direction.FLAT:
        return Assessment.SAME
    if better is Better.NEUTRAL:
        return Assessment.NEUTRAL
    improved = (direction is Direction.DOWN) == (better is Better.LOWER)
    return Assessment.BETTER if improved else Assessment.WORSE


# -- Charts --------------------------------------------------------------------------

_CHART_NAMES: dict[ChartKind, WordId] = {
    "column": "column chart",
    "bar": "bar chart",
    "line": "line chart",
    "pie": "pie chart",
}


def format_series_values(values: Sequence[float | None]) -> tuple[str, ...]:
    """Data labels: thousands separators, as many decimals as the most precise value."""
    places = max((decimals_of(v) for v in values if v is not None), default=0)
    return tuple(NOT_AVAILABLE if v is None else format_number(v, places) for v in values)


def describe_chart(
    title: str,
    kind: ChartKind,
    categories: Sequence[str],
    series: Sequence[Series],
    words: Words | None = None,
) -> str:
    """Alt text written from the data, so a screen-reader user gets the same figures."""
    parts = []
    for one in series:
        points = "; ".join(
            f"{category} {text}" for category, text in zip(categories, one.value_texts, strict=True)
        )
        parts.append(f"{one.name}: {points}" if len(series) > 1 else points)
    name = (words or Words())[_CHART_NAMES[kind]]
    return f"{name}: {title}. " + ". ".join(parts) + "."
