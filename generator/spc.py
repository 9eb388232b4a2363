"""Statistical process control (SPC) of one monthly series, as statistics.md fixes it.

Making Data Count's XmR chart (NHS England): the centre line is the mean of the points;
the moving ranges MRᵢ = |xᵢ − xᵢ₋₁| have mean MR̄; the process limits are
mean ± 2.66 × MR̄ (3σ) and the 2σ lines mean ± 2.66 × ⅔ × MR̄. A point is special cause
when any of four rules flags it:

- `limit`: the point is beyond a process limit;
- `shift`: it belongs to 7 or more consecutive points all above (or all below) the mean;
  a point on the mean breaks the run;
- `trend`: it belongs to 7 or more consecutive points each higher (or each lower) than
  the one before (so 6 rises in a row);
- `two_of_three`: it is beyond a 2σ line, but not beyond the limit on that side, and at
  least 2 of 3 consecutive points containing it are beyond that same 2σ line.

Fewer than 15 points make a run chart: a median line, no limits and no variation
result, since limits from so few moving ranges would mislead.

Pure arithmetic on floats; nothing here knows about workbooks or layouts.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

LIMIT_FACTOR = 2.66  # 3 ÷ d₂ (1.128) for moving ranges of two points
SHIFT_LENGTH = 7
TREND_LENGTH = 7
MIN_POINTS = 15  # fewer points: a run chart

RULES = ("limit", "shift", "trend", "two_of_three")


class Variation(Enum):
    """The latest point's variation result."""

    COMMON = "common"
    IMPROVEMENT = "improvement"
    CONCERN = "concern"
    SPECIAL = "special"  # special cause on a measure with no better direction
    RUN_CHART = "run chart"  # too few points to judge


@dataclass(frozen=True)
class Signal:
    """One rule flagging one point, high (above the centre or rising) or low."""

    index: int
    rule: str  # one of RULES
    high: bool


@dataclass(frozen=True)
class SpcResult:
    """Centre, limits and signals of a series; limits are None on a run chart."""

    centre: float  # the mean, or the median on a run chart
    mr_bar: float | None
    upper: float | None
    lower: float | None
    upper_2sigma: float | None
    lower_2sigma: float | None
    signals: tuple[Signal, ...]
    variation: Variation

    @property
    def is_run_chart(self) -> bool:
        return self.upper is None

    def special(self, index: int) -> tuple[Signal, ...]:
        """The signals on one point, in rule order."""
        found = [s for s in self.signals if s.index == index]
        return tuple(sorted(found, key=lambda s: RULES.index(s.rule)))


def analyse(values: Sequence[float], higher_is_better: bool | None) -> SpcResult:
    """The SPC result of consecutive monthly values (at least two).

    `higher_is_better` is True, False, or None for a measure with no better direction.
    """
    points = [float(v) for v in values]
    if len(points) < MIN_POINTS:
        return SpcResult(
            statistics.median(points), None, None, None, None, None, (), Variation.RUN_CHART
        )
    mean = statistics.fmean(points)
    mr_bar = statistics.fmean(abs(b - a) for a, b in itertools.pairwise(points))
    sigma3, sigma2 = LIMIT_FACTOR * mr_bar, LIMIT_FACTOR * mr_bar * 2 / 3
    bands = (mean + sigma3, mean - sigma3, mean + sigma2, mean - sigma2)
    signals = (
        _beyond_limits(points, bands[0], bands[1])
        + _shifts(points, mean)
        + _trends(points)
        + _two_of_three(points, bands)
    )
    variation = _variation([s for s in signals if s.index == len(points) - 1], higher_is_better)
    return SpcResult(mean, mr_bar, *bands, signals=tuple(signals), variation=variation)


def _beyond_limits(points: list[float], upper: float, lower: float) -> list[Signal]:
    return [
        Signal(i, "limit", value > upper)
        for i, value in enumerate(points)
        if value > upper or value < lower
    ]


def _runs(flags: Sequence[int]) -> list[tuple[int, int, int]]:
    """(start, end exclusive, flag) of each run of equal non-zero flags."""
    runs, start = [], 0
    for i in range(1, len(flags) + 1):
        if i == len(flags) or flags[i] != flags[start]:
            if flags[start] != 0:
                runs.append((start, i, flags[start]))
            start = i
    return runs


def _shifts(points: list[float], mean: float) -> list[Signal]:
    sides = [1 if v > mean else -1 if v < mean else 0 for v in points]
    return [
        Signal(i, "shift", side > 0)
        for start, end, side in _runs(sides)
        if end - start >= SHIFT_LENGTH
        for i in range(start, end)
    ]


def _trends(points: list[float]) -> list[Signal]:
    # -- steps[i] is the move from point i to point i + 1; 6 like moves join 7 points --
    steps = [1 if b > a else -1 if b < a else 0 for a, b in itertools.pairwise(points)]
    return [
        Signal(i, "trend", step > 0)
        for start, end, step in _runs(steps)
        if end - start >= TREND_LENGTH - 1
        for i in range(start, end + 1)
    ]


def _two_of_three(points: list[float], bands: tuple[float, float, float, float]) -> list[Signal]:
    upper, lower, upper2, lower2 = bands
    found: set[tuple[int, bool]] = set()
    for high in (True, False):
        near = [(upper2 < v <= upper) if high else (lower <= v < lower2) for v in points]
        for start in range(len(points) - 2):
            window = range(start, start + 3)
            if sum(near[i] for i in window) >= 2:
                found.update((i, high) for i in window if near[i])
    return [Signal(i, "two_of_three", high) for i, high in sorted(found)]


def _variation(latest: list[Signal], higher_is_better: bool | None) -> Variation:
    if not latest:
        return Variation.COMMON
    # -- rules disagreeing on direction is rare; the first rule in RULES decides --
    first = min(latest, key=lambda s: RULES.index(s.rule))
    if higher_is_better is None:
        return Variation.SPECIAL
    return Variation.IMPROVEMENT if first.high == higher_is_better else Variation.CONCERN
