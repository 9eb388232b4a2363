"""Is a change more than noise? The significance tests behind a row's assessment.

A two-point comparison invites readers to treat noise as news (homicides 12 → 11 is a
"fall"), so by default (Report `Assessment` = `significance`, method in
docs statistics.md) a change is called Better or Worse only when it is significant at 5%:

- counts: the exact conditional test of two Poisson counts (the C-test): with no real
  change, x2 given n = x1 + x2 is Binomial(n, ½); two-sided p = 2 × the smaller tail,
  capped at 1 (no mid-p); above n = 10,000 the normal approximation;
- a percent row with a `Base`: the two-proportion z-test, significant when |z| ≥ 1.96;
- anything else cannot be tested and is judged by direction, as the key says.

Pure Python (math and fractions), so the runtime needs no scientific stack. Every edition
reads the verdict from the model, so the PDF, the deck and the summary always agree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction

from generator.model import (
    Assessment,
    AssessmentRule,
    Better,
    Change,
    Direction,
    MeasureBase,
    Method,
    Unit,
)

ALPHA = 0.05  # significance level
Z_CRITICAL = 1.96  # two-sided 5% for the z-test, as statistics.md fixes it
EXACT_LIMIT = 10_000  # above this many events the normal approximation is used

Verdict = tuple[Method, float, bool]  # the test, its two-sided p, significant at 5%


def counts_p_value(previous: int, latest: int) -> float:
    """Two-sided p of the C-test for two counts over equal periods.

    If nothing changed, `latest` given n = previous + latest is Binomial(n, ½); p is twice
    the probability of a split at least as uneven as the smaller count, capped at 1.
    """
    if previous < 0 or latest < 0:
        raise ValueError("counts cannot be negative")
    n = previous + latest
    if n == 0:
        return 1.0
    if n > EXACT_LIMIT:
        return _normal_two_sided((latest - previous) / math.sqrt(n))
    smaller = min(previous, latest)
    term, tail = 1, 0  # comb(n, 0), then comb(n, i) built up exactly in integers
    for i in range(smaller + 1):
        tail += term
        term = term * (n - i) // (i + 1)
    return min(1.0, float(Fraction(2 * tail, 2**n)))


def proportions_z(rate1: float, base1: float, rate2: float, base2: float) -> float:
    """The two-proportion z statistic: rates as fractions (0.877), bases as counts."""
    pooled = (rate1 * base1 + rate2 * base2) / (base1 + base2)
    spread = pooled * (1 - pooled) * (1 / base1 + 1 / base2)
    if spread <= 0:
        return 0.0  # both rates 0% or both 100%: no difference to test
    return (rate2 - rate1) / math.sqrt(spread)


def _normal_two_sided(z: float) -> float:
    return math.erfc(abs(z) / math.sqrt(2))


def prints_as_zero(change: Change) -> bool:
    """`0`, `+0.0pts`, `-£0.00`: a change the reader sees as nothing."""
    digits = [ch for ch in change.text if ch.isdigit()]
    return bool(digits) and all(ch == "0" for ch in digits)


def judge(
    change: Change,
    values: Sequence[float | None],
    unit: Unit,
    better: Better,
    base: MeasureBase | None,
    rule: AssessmentRule,
) -> Change:
    """The change with its assessment decided by `rule`; `direction` leaves it as it is."""
    if rule == "direction" or change.direction is Direction.NONE:
        return change
    if prints_as_zero(change):
        return replace(change, direction=Direction.FLAT, assessment=Assessment.SAME)
    if change.assessment in (Assessment.SAME, Assessment.NEUTRAL):
        return change
    tested = _test(values, unit, base)
    if tested is None:
        return change  # -- no test is possible: judged by direction, as the key says --
    method, p_value, significant = tested
    assessment = change.assessment if significant else Assessment.NOT_SIGNIFICANT
    return replace(change, assessment=assessment, method=method, p_value=p_value)


def _test(values: Sequence[float | None], unit: Unit, base: MeasureBase | None) -> Verdict | None:
    previous, latest = values[-2], values[-1]
    if previous is None or latest is None:
        return None
    if unit is Unit.COUNT and previous >= 0 and latest >= 0:
        p_value = counts_p_value(round(previous), round(latest))
        return Method.COUNTS, p_value, p_value < ALPHA
    if unit is Unit.PERCENT and base is not None:
        return _rate_test(previous, latest, base)
    return None


def _rate_test(
    previous: float, latest: float, base: MeasureBase
) -> tuple[Method, float, bool] | None:
    base1, base2 = base.values[-2], base.values[-1]
    rates_ok = all(0 <= rate <= 100 for rate in (previous, latest))
    if base1 is None or base2 is None or base1 <= 0 or base2 <= 0 or not rates_ok:
        return None
    z = proportions_z(previous / 100, base1, latest / 100, base2)
    return Method.PROPORTIONS, _normal_two_sided(z), abs(z) >= Z_CRITICAL
