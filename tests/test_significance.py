"""The significance tests themselves, on values checked by hand, and the assessment rule."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from generator.figures import compute_change
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
from generator.parse import load_document
from generator.significance import counts_p_value, judge, proportions_z
from tests.conftest import MakeWorkbook, Sheets

# -- the C-test: p = 2 × P(X ≤ smaller) for X ~ Binomial(n, ½), capped at 1 --


@pytest.mark.parametrize(
    ("previous", "latest", "expected"),
    [
        (0, 5, 2 / 32),  # one split in 32 as uneven: 0.0625, not significant
        (0, 6, 2 / 64),  # 0.03125: significant
        (1, 9, 2 * (1 + 10) / 1024),  # C(10,0) + C(10,1) of 1024 splits
        (2, 8, 2 * (1 + 10 + 45) / 1024),  # 0.109375
        (5, 5, 1.0),  # 2 × 638/1024 > 1: capped
        (12, 11, 1.0),  # homicides
        (0, 0, 1.0),  # nothing happened in either period
    ],
)
def test_exact_counts_test_by_hand(previous: int, latest: int, expected: float) -> None:
    assert counts_p_value(previous, latest) == pytest.approx(expected, rel=1e-12)
    assert counts_p_value(latest, previous) == pytest.approx(expected, rel=1e-12)


def test_no_mid_p() -> None:
    # -- mid-p would give (1 + 10/2)·2/1024 for 1 v 9; the contract asks for the full tail --
    assert counts_p_value(1, 9) != pytest.approx(2 * (1 + 5) / 1024)


def test_exact_test_stays_exact_at_its_limit_then_approximates() -> None:
    # -- n = 10,000 is still exact: a 4,900 v 5,100 split, z = 2.0, p a little over 0.0455 --
    exact = counts_p_value(4900, 5100)
    assert 0.045 < exact < 0.05
    # -- above it the normal approximation: z = 200 / √10,100 --
    approx = counts_p_value(4950, 5150)
    assert approx == pytest.approx(math.erfc(200 / math.sqrt(10_100) / math.sqrt(2)))


@pytest.mark.parametrize(
    ("previous", "latest", "p_about"),
    [
        (2677, 2553, 0.09),  # sexual offences
        (979, 896, 0.06),  # rape
        (65, 90, 0.054),  # NHS sharps, all ages
        (20, 15, 0.50),  # NHS sharps, under 25
        (896, 820, 0.07),  # knife-enabled serious violence, all ages
    ],
)
def test_statistics_md_rows_not_significant(previous: int, latest: int, p_about: float) -> None:
    p_value = counts_p_value(previous, latest)
    assert p_value == pytest.approx(p_about, abs=0.006)
    assert p_value >= 0.05


def test_robbery_is_just_significant() -> None:
    assert 0.04 < counts_p_value(914, 830) < 0.05


def test_two_proportion_z_by_hand() -> None:
    # -- 50% of 100 then 60% of 100: pooled 0.55, se √(0.55·0.45·0.02) = 0.0703562 --
    assert proportions_z(0.5, 100, 0.6, 100) == pytest.approx(0.1 / math.sqrt(0.00495))
    assert proportions_z(0.5, 100, 0.6, 100) < 1.96
    # -- the same rates on twice the calls: se √(0.55·0.45·0.01) = 0.0497494, z = 2.0101 --
    assert proportions_z(0.5, 200, 0.6, 200) == pytest.approx(2.0101, abs=1e-4)
    assert proportions_z(0.6, 200, 0.5, 200) == pytest.approx(-2.0101, abs=1e-4)
    assert proportions_z(1.0, 10, 1.0, 20) == 0.0


# -- judge: the rule applied to one row --

Judge = Callable[..., Change]


def _judged(
    values: tuple[float | None, ...],
    unit: Unit = Unit.COUNT,
    better: Better = Better.LOWER,
    base: MeasureBase | None = None,
    rule: AssessmentRule = "significance",
) -> Change:
    places = 1 if unit is Unit.PERCENT else 0
    change = compute_change(values, unit, better, "nearest", places)
    return judge(change, values, unit, better, base, rule)


def test_counts_keep_their_arrow_when_not_significant() -> None:
    change = _judged((12, 11))
    assert change.assessment is Assessment.NOT_SIGNIFICANT
    assert (change.summary, change.method, change.p_value) == (
        "▼ No significant change",
        Method.COUNTS,
        1.0,
    )
    assert _judged((0, 6), better=Better.HIGHER).summary == "▲ Better"
    assert _judged((0, 6)).summary == "▲ Worse"


def test_direction_rule_is_the_old_rule() -> None:
    change = _judged((12, 11), rule="direction")
    assert (change.summary, change.method, change.p_value) == ("▼ Better", Method.DIRECTION, None)


def test_rates_with_a_base_use_the_z_test() -> None:
    calls = MeasureBase("calls", "Calls", (100, 100))
    change = _judged((50.0, 60.0), Unit.PERCENT, Better.HIGHER, calls)
    assert (change.summary, change.method) == ("▲ No significant change", Method.PROPORTIONS)
    more = MeasureBase("calls", "Calls", (200, 200))
    assert _judged((50.0, 60.0), Unit.PERCENT, Better.HIGHER, more).summary == "▲ Better"
    assert _judged((60.0, 50.0), Unit.PERCENT, Better.HIGHER, more).summary == "▼ Worse"


def test_rates_without_a_usable_base_are_judged_by_direction() -> None:
    for base in (None, MeasureBase("calls", "Calls", (None, 100)), MeasureBase("c", "C", (0, 9))):
        change = _judged((50.0, 60.0), Unit.PERCENT, Better.HIGHER, base)
        assert (change.summary, change.method) == ("▲ Better", Method.DIRECTION)


def test_numbers_and_currency_are_judged_by_direction() -> None:
    for unit in (Unit.NUMBER, Unit.CURRENCY):
        assert _judged((14.0, 10.0), unit).summary == "▼ Better"


def test_a_change_that_prints_as_zero_is_never_better_or_worse() -> None:
    calls = MeasureBase("calls", "Calls", (10**9, 10**9))  # a huge base: "significant"
    change = _judged((85.70, 85.74), Unit.PERCENT, Better.HIGHER, calls)
    assert change.text == "0.0pts"
    assert (change.summary, change.direction) == ("● No change", Direction.FLAT)
    # -- under the direction rule too (issue 9: never Better or Worse for a change that
    #    prints as zero; figures.compute_change judges the printed change) --
    direction = _judged((85.70, 85.74), Unit.PERCENT, Better.HIGHER, rule="direction")
    assert (direction.summary, direction.direction) == ("● No change", Direction.FLAT)


def test_neutral_and_missing_rows_keep_their_words() -> None:
    assert _judged((113176, 121752), better=Better.NEUTRAL).summary == "▲"
    assert _judged((None, 5)).summary == "–"
    assert _judged((5, 5)).summary == "● No change"


# -- the Report field, through the parser --


def _with_assessment(sheets: Sheets, value: str) -> Sheets:
    sheets["Report"].append(["Assessment", value])
    sheets["Measures"].append(["999 calls", "Homicides", "count", "lower", 8, 12, 11])
    return sheets


def test_report_assessment_field(
    make_workbook: MakeWorkbook, valid_sheets: Callable[[], Sheets]
) -> None:
    def homicides(value: str) -> str:
        path = make_workbook(_with_assessment(valid_sheets(), value))
        table = load_document(path).document.sections[0].blocks[1]
        return table.rows[-1].change.summary  # type: ignore[union-attr]

    assert homicides("") == "▼ No significant change"  # the default
    assert homicides("Significance") == "▼ No significant change"
    assert homicides("direction") == "▼ Better"


def test_report_assessment_unknown_word(
    make_workbook: MakeWorkbook, valid_sheets: Callable[[], Sheets]
) -> None:
    from generator.errors import WorkbookError

    path = make_workbook(_with_assessment(valid_sheets(), "signifcance"))
    with pytest.raises(WorkbookError) as caught:
        load_document(path)
    assert [str(p) for p in caught.value.problems] == [
        'Report!B4: unknown Assessment "signifcance" (did you mean "significance"?); '
        'expected "significance" or "direction"'
    ]


def test_monthly_rolling_tables_are_judged_by_the_same_rule() -> None:
    from pathlib import Path

    from generator.model import MeasuresTable

    path = Path(__file__).resolve().parent.parent / "inputs" / "example-monthly.xlsx"
    document = load_document(path).document
    rows = {
        row.label: row.change
        for section in document.sections
        for block in section.blocks
        if isinstance(block, MeasuresTable)
        for row in block.rows
    }
    rate = rows["% 999 calls answered within 10 seconds"]
    assert rate.method is Method.PROPORTIONS and rate.p_value is not None
    assert rate.assessment is (
        Assessment.BETTER if rate.p_value < 0.05 else Assessment.NOT_SIGNIFICANT
    )
    counts = [c for c in rows.values() if c.method is Method.COUNTS]
    assert len(counts) == 3
    assert any(c.assessment is Assessment.NOT_SIGNIFICANT for c in counts)
