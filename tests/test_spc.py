"""SPC on short series whose answers were worked out by hand (statistics.md's rules)."""

from __future__ import annotations

import pytest

from generator.spc import Variation, analyse

# 15 points, 10 and 12 alternating: mean 164/15, every moving range 2.
STEADY = [10.0, 12.0] * 7 + [10.0]


def _rules(values: list[float]) -> dict[str, list[int]]:
    result = analyse(values, higher_is_better=True)
    rules: dict[str, list[int]] = {}
    for signal in result.signals:
        rules.setdefault(signal.rule, []).append(signal.index)
    return rules


def test_limits_of_a_steady_series() -> None:
    result = analyse(STEADY, higher_is_better=False)
    assert result.centre == pytest.approx(164 / 15)
    assert result.mr_bar == pytest.approx(2.0)
    assert result.upper == pytest.approx(164 / 15 + 5.32)  # 2.66 × 2
    assert result.lower == pytest.approx(164 / 15 - 5.32)
    assert result.upper_2sigma == pytest.approx(164 / 15 + 5.32 * 2 / 3)
    assert result.lower_2sigma == pytest.approx(164 / 15 - 5.32 * 2 / 3)


def test_no_rule_fires_on_a_steady_series() -> None:
    result = analyse(STEADY, higher_is_better=True)
    assert result.signals == ()
    assert result.variation is Variation.COMMON


def test_a_point_beyond_the_limit_fires_alone() -> None:
    # 16 points: mean 184/16 = 11.5; MR̄ = (14 × 2 + 10) / 15 = 2.533; UCL 18.24.
    values = [*STEADY, 20.0]
    result = analyse(values, higher_is_better=False)
    assert result.upper == pytest.approx(11.5 + 2.66 * 38 / 15)
    assert _rules(values) == {"limit": [15]}
    assert result.variation is Variation.CONCERN  # high, but lower is better


def test_a_shift_of_seven_fires_alone() -> None:
    # mean 175/15 = 11.67: points 7..14 (12, 13, 12, ...) are all above it, none beyond
    # the 2σ line at 14.2, and no six rises or falls in a row.
    values = [10.0, 12.0] * 4 + [12.0, 13.0, 12.0, 13.0, 12.0, 13.0, 12.0]
    assert _rules(values) == {"shift": list(range(7, 15))}
    assert analyse(values, higher_is_better=True).variation is Variation.IMPROVEMENT


def test_a_point_on_the_mean_breaks_a_shift() -> None:
    # mean 22: 16, 18, 20 below, 22 on it, 24, 26, 28 above: no shift, but a trend.
    values = [20.0, 24.0] * 4 + [16.0, 18.0, 20.0, 22.0, 24.0, 26.0, 28.0]
    result = analyse(values, higher_is_better=None)
    assert result.centre == 22.0
    assert _rules(values) == {"trend": list(range(8, 15))}  # 7 points, 6 rises
    assert result.variation is Variation.SPECIAL  # no better direction


def test_six_points_rising_is_not_a_trend() -> None:
    values = [20.0, 24.0] * 4 + [18.0, 16.0, 18.0, 20.0, 22.0, 24.0, 26.0]  # 16..26: 5 rises
    assert "trend" not in _rules(values)


def test_two_of_three_beyond_the_2_sigma_line_fires_alone() -> None:
    # mean 174/15 = 11.6; MR̄ = 30/14; 2σ line 15.4, limit 17.3: both 16s lie between.
    values = [10.0, 12.0] * 6 + [10.0, 16.0, 16.0]
    result = analyse(values, higher_is_better=True)
    assert result.upper_2sigma == pytest.approx(15.4)
    assert result.upper == pytest.approx(17.3)
    assert _rules(values) == {"two_of_three": [13, 14]}
    assert result.variation is Variation.IMPROVEMENT


def test_fewer_than_15_points_make_a_run_chart() -> None:
    result = analyse([float(v) for v in range(1, 15)], higher_is_better=True)
    assert result.is_run_chart
    assert result.centre == 7.5  # the median
    assert result.upper is None and result.signals == ()
    assert result.variation is Variation.RUN_CHART
