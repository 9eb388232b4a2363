"""Excel number-format codes render as Excel shows them; unknown codes fall back."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.parse.numfmt import decimals, format_cell, general, is_percent


@pytest.mark.parametrize(
    ("value", "code", "shown"),
    [
        (113176, "#,##0", "113,176"),
        (-8486, "#,##0", "-8,486"),
        (0.857, "0.0%", "85.7%"),
        (0.25, "0%", "25%"),
        (1.5, '+0.0"pts";-0.0"pts";0.0"pts"', "+1.5pts"),
        (-1.9, '+0.0"pts";-0.0"pts";0.0"pts"', "-1.9pts"),
        (0, '+0.0"pts";-0.0"pts";0.0"pts"', "0.0pts"),
        (-1234.5, "[$£-809]#,##0.00", "-£1,234.50"),
        (331000, '"£"#,##0', "£331,000"),
        (331000, "£#,##0", "£331,000"),
        (99.5, "[$€-x-euro2] #,##0.00", "€ 99.50"),
        (-1234, "#,##0;(#,##0)", "(1,234)"),
        (-1234, "#,##0;[Red]-#,##0", "-1,234"),
        (0, '0.0;-0.0;"nil"', "nil"),
        (1234567, "#,##0,", "1,235"),
        (0.5, "#.00", ".50"),
        (5, "0.0\\%", "5.0%"),
        (7, "\\+0", "+7"),
        (12.3456, "General", "12.3456"),
        (113176, "General", "113176"),
        (1e-7, "General", "0.0000001"),
        (2.5, "0", "3"),  # Excel rounds half away from zero
        (-2.5, "0", "-3"),
        (-0.0001, "0.0", "0.0"),  # never "-0.0"
        (1.005, "0.00", "1.01"),  # the typed value, not its binary neighbour
        (42, "00000", "00042"),
        (3.14159, "0.00_);(0.00)", "3.14"),
        (True, "General", "TRUE"),
        ("abc", '"x"@', "xabc"),
        ("text", "#,##0", "text"),
        ("text", '0;-0;0;"<"@">"', "<text>"),
        (None, "0.0", ""),
    ],
)
def test_numbers_print_as_excel_shows_them(value: object, code: str, shown: str) -> None:
    assert format_cell(value, code) == (shown, True)


@pytest.mark.parametrize(
    ("value", "code", "shown"),
    [
        (dt.datetime(2024, 9, 30), "mmm yyyy", "Sep 2024"),
        (dt.datetime(2024, 9, 30), "mmmm yyyy", "September 2024"),
        (dt.datetime(2024, 9, 30), "dd/mm/yyyy", "30/09/2024"),
        (dt.datetime(2024, 9, 30), "mm-dd-yy", "30/09/2024"),  # built-in 14, en-GB
        (dt.datetime(2024, 9, 30), "d mmm yy", "30 Sep 24"),
        (dt.datetime(2024, 9, 30), "dddd d mmmm yyyy", "Monday 30 September 2024"),
        (dt.date(2024, 9, 30), "yyyy-mm-dd", "2024-09-30"),
        (dt.datetime(2024, 9, 30, 13, 5), "dd/mm/yyyy hh:mm", "30/09/2024 13:05"),
        (dt.datetime(2024, 9, 30), "General", "2024-09-30"),
    ],
)
def test_dates_follow_common_codes(value: object, code: str, shown: str) -> None:
    assert format_cell(value, code) == (shown, True)


@pytest.mark.parametrize(
    ("value", "code", "fallback"),
    [
        (dt.datetime(2024, 9, 30, 13, 5), "h:mm AM/PM", "2024-09-30 13:05:00"),
        (dt.datetime(2024, 9, 30), "[h]:mm", "2024-09-30"),
        (12345.678, "0.00E+00", "12345.678"),
        (0.5, "# ?/?", "0.5"),
        (150, "[>100]0;0", "150"),
    ],
)
def test_unsupported_codes_fall_back_and_say_so(value: object, code: str, fallback: str) -> None:
    assert format_cell(value, code) == (fallback, False)


def test_percent_detection_ignores_quoted_percent_signs() -> None:
    assert is_percent("0.0%")
    assert is_percent("+0.0%;-0.0%")
    assert not is_percent('0.0"%"')
    assert not is_percent("0.0\\%")
    assert not is_percent("General")


def test_decimals_come_from_the_first_section() -> None:
    assert decimals("#,##0.00") == 2
    assert decimals("0.0%") == 1
    assert decimals("#,##0") == 0
    assert decimals("General") is None
    assert decimals("@") is None


def test_general_has_no_separators_and_no_exponent() -> None:
    assert general(1234567.0) == "1234567"
    assert general(0.1 + 0.2) == "0.3"
    assert general(-3.5) == "-3.5"
