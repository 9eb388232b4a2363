"""The prose check: numbers typed in a section's text against the figures of its tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.model import Direction
from generator.parse import load_document
from generator.prose_words import Said, typed_numbers
from tests.conftest import PERIODS, MakeWorkbook, Sheets

HEAD = ["Table", "Measure", "Unit", "Better", *PERIODS, "Note", "Key"]
CALLS = "Number of 999 calls received"
UP = Said(Direction.UP, "up")


def _sheets(calls_text: str, crime_text: str = "Crime fell.", violence: str = "") -> Sheets:
    """Two sections, each with its own table; figures as the seed prints them (truncate):
    calls -8,486 (-6.9%), answered +1.5pts; burglary -919 (-22.6%), robbery -84 (-9.1%),
    vehicle crime -269 (-5.9%)."""
    return {
        "Report": [
            ["Field", "Value"],
            ["Title", "Summary"],
            ["Rounding", "truncate"],
            ["Published", "2024-10-31"],
        ],
        "Content": [
            ["Type", "Text", "Data", "Option"],
            ["section", "Calls", None, None],
            ["paragraph", calls_text, None, None],
            ["measures", None, "Calls", None],
            ["section", "Crime", None, None],
            ["paragraph", crime_text, None, None],
            ["measures", None, "Crime", None],
            ["section", "Violence", None, None],
            ["paragraph", violence or "Violence.", None, None],
            ["measures", None, "Violence", None],
        ],
        "Measures": [
            HEAD,
            ["Calls", CALLS, "count", None, 113176, 121752, 113266, None, "calls999"],
            ["Calls", "% answered in 10 s", "percent", "higher", 85.7, 87.7, 89.2, None, "ans"],
            ["Crime", "Residential burglary", "count", "lower", 3497, 4050, 3131, None, "burg"],
            ["Crime", "Robbery", "count", "lower", 857, 914, 830, None, "robbery"],
            ["Crime", "Vehicle crime", "count", "lower", 4075, 4491, 4222, None, "vehicle"],
            # -- 12 to 11 is no more than chance (exact test p = 1.0): No significant change --
            ["Violence", "Homicides", "count", "lower", 8, 12, 11, None, "homicides"],
        ],
    }


def _warnings(make_workbook: MakeWorkbook, calls_text: str, crime_text: str = "") -> list[str]:
    sheets = _sheets(calls_text, crime_text or "Crime fell.")
    return [str(warning) for warning in load_document(make_workbook(sheets)).warnings]


def test_prose_that_agrees_with_its_tables_gives_no_warning(make_workbook: MakeWorkbook) -> None:
    calls = (
        "A **6.9% reduction** in the number of 999 calls (8,486 less calls on the previous "
        "year), almost 9 in 10 answered within 10 seconds: up 1.5 percentage points to 89.2%. "
        "Calls fell by about 7%."
    )
    crime = "Burglary **reduced by 22.6%**, robbery down 9.1% (84 fewer), vehicle crime -269."
    assert _warnings(make_workbook, calls, crime) == []


def test_a_percentage_wrong_by_a_decimal_is_named(make_workbook: MakeWorkbook) -> None:
    assert _warnings(make_workbook, "Calls saw a **6.8% reduction** this year.") == [
        f'Content!B3: the text says 6.8%, but "{CALLS}" changed by -6.9% (Measures!B2); '
        "type {calls999.percent_size} to print the table's figure"
    ]


def test_points_wrong_by_a_decimal_are_named(make_workbook: MakeWorkbook) -> None:
    assert _warnings(make_workbook, "Answering rose 1.6 percentage points.") == [
        'Content!B3: the text says 1.6 percentage points, but "% answered in 10 s" changed '
        "by +1.5pts (Measures!B3); type {ans.change_size} to print the table's figure"
    ]


def test_a_direction_that_contradicts_the_table_is_named(make_workbook: MakeWorkbook) -> None:
    warnings = _warnings(
        make_workbook,
        "A 6.9% increase, that is 8,486 more calls.",
        "Burglary rose by 919; robbery was +84.",
    )
    assert warnings == [
        f'Content!B3: the text says 6.9% with "increase", but "{CALLS}" fell: -6.9% (Measures!B2)',
        f'Content!B3: the text says 8,486 with "more", but "{CALLS}" fell: -8,486 (Measures!B2)',
        'Content!B6: the text says 919 with "rose", but "Residential burglary" fell: -919 '
        "(Measures!B4)",
        'Content!B6: the text says +84 with "+", but "Robbery" fell: -84 (Measures!B5)',
    ]


def test_words_beside_a_placeholder_are_checked_too(make_workbook: MakeWorkbook) -> None:
    assert _warnings(make_workbook, "A **{calls999.percent_size} increase** in calls.") == [
        'Content!B3: the text says {calls999.percent_size} (6.9%) with "increase", but '
        f'"{CALLS}" fell: -6.9% (Measures!B2)'
    ]


def test_a_figure_quoted_from_another_section_is_not_a_slip(
    make_workbook: MakeWorkbook,
) -> None:
    # -- 6.9% is within a point of vehicle crime's -5.9%, but it is the calls' figure --
    assert _warnings(make_workbook, "Calls fell.", "As 999 calls fell by 6.9%, so did crime.") == []


def test_a_figure_in_no_table_gives_no_warning(make_workbook: MakeWorkbook) -> None:
    text = "Hotspot patrols cut anti-social behaviour by 21%; 6,800 patrols in 2024 (2023/24)."
    assert _warnings(make_workbook, text, "Incidents in the area have reduced by 47%.") == []


def test_placeholders_are_not_read_as_typed_numbers(make_workbook: MakeWorkbook) -> None:
    sheets = _sheets(
        "A **{calls999.percent_size} reduction** ({calls999.change_size} less calls), "
        "{ans.change} to {ans}.",
        "Burglary: {burg.change} ({burg.percent}), {burg.direction}.",
    )
    loaded = load_document(make_workbook(sheets))
    assert loaded.warnings == ()
    assert all(finding.placeholder for finding in loaded.prose)


def test_a_change_that_is_not_significant_gets_a_softer_note(
    make_workbook: MakeWorkbook,
) -> None:
    note = (
        'the text calls {} a reduction; "Homicides" did fall (12 to 11), but not by more '
        'than chance (p = 1.00), so its table says "No significant change" (Measures!B7; a '
        "note, not a contradiction)"
    )
    sheets = _sheets(
        "Calls.",
        "Crime.",
        "An 8.3% reduction in homicides (8.3% fewer); {homicides.percent_size} fewer.",
    )
    warnings = [str(w) for w in load_document(make_workbook(sheets)).warnings]
    assert warnings == [  # the same note is said once for its cell
        f"Content!B9: {note.format('8.3%')}",
        f"Content!B9: {note.format('{homicides.percent_size} (8.3%)')}",
    ]
    # -- no word of direction, or the seed's rule (direction alone): nothing to note --
    sheets = _sheets("Calls.", "Crime.", "Homicides: 8.3% ({homicides.change}).")
    assert load_document(make_workbook(sheets)).warnings == ()
    sheets = _sheets("Calls.", "Crime.", "An 8.3% reduction in homicides.")
    sheets["Report"].append(["Assessment", "direction"])
    assert load_document(make_workbook(sheets)).warnings == ()


def test_build_prints_the_warning_and_still_builds(
    make_workbook: MakeWorkbook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_workbook(_sheets("Calls saw a **6.8% reduction**."))
    assert main(["build", str(path), "-o", str(tmp_path / "out"), "--format", "pdf"]) == 0
    assert "warning: Content!B3: the text says 6.8%" in capsys.readouterr().err
    assert (tmp_path / "out" / "book.pdf").exists()


def test_check_explain_lists_what_each_number_matched(
    make_workbook: MakeWorkbook, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = _sheets(
        "A **6.8% reduction**, 8,486 less calls; 12 months.", "As calls fell 6.9%: {burg}."
    )
    path: Path = make_workbook(sheets)
    assert main(["check", str(path), "--explain"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:] == [
        "Prose check: numbers in the text, matched to the figures of their section's tables",
        "Calls",
        f'  Content!B3: "6.8%" with "reduction": % change of "{CALLS}" (-6.9%, Measures!B2): '
        "within one point of a change but equal to none: a slip?",
        f'  Content!B3: "8,486" with "less": change of "{CALLS}" (-8,486, Measures!B2): agrees',
        '  Content!B3: "12": matches no figure in this section\'s tables (not checked)',
        "Crime",
        f'  Content!B6: "6.9%" with "fell": % change of "{CALLS}" (-6.9%, Measures!B2), in '
        'the section "Calls" (not checked further)',
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a 6.9% reduction", [("6.9%", "percent", Said(Direction.DOWN, "reduction"))]),
        ("reduced by 9.3%, then", [("9.3%", "percent", Said(Direction.DOWN, "reduced"))]),
        ("(-1,047 incidents)", [("-1,047", "plain", Said(Direction.DOWN, "-"))]),
        (
            "up 1.5 percentage points",
            [("1.5 percentage points", "points", Said(Direction.UP, "up"))],
        ),
        ("6.9 per cent fewer", [("6.9 per cent", "percent", Said(Direction.DOWN, "fewer"))]),
        ("7.2 points higher than the average", [("7.2 points", "points", None)]),
        ("more than 7,600 fewer crimes", [("7,600", "plain", Said(Direction.DOWN, "fewer"))]),
        ("up to 31 March 2024", [("31", "plain", None)]),
        ("non-999 calls, 2023/24, 1:1 support, a 3-year trend, Q2", []),
        ("rose 5%. Then it fell", [("5%", "percent", Said(Direction.UP, "rose"))]),
        ("fell 5% while crime rose", [("5%", "percent", Said(Direction.DOWN, "fell"))]),
    ],
)
def test_reading_numbers_and_their_direction_words(
    text: str, expected: list[tuple[str, str, Said | None]]
) -> None:
    assert [(n.text, n.kind, n.said) for n in typed_numbers(text)] == expected
