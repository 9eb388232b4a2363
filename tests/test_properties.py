"""Random valid workbooks, written to .xlsx, always load, build both formats and lay out soundly.

Hypothesis draws whole workbooks (Report, Content, Measures, an optional chart sheet and
an optional table sheet) with text full of markup characters and non-ASCII letters and
figures from zero to the billions, negatives and blanks. Each is saved with openpyxl,
read with load_document, rendered as PDF and deck, and both files are reopened. The deck's
layout engine must keep every box on the slide, between title and footer, with no
overlaps, and every computed change must agree with the numbers it was computed from.
"""

from __future__ import annotations

import io
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pypdf import PdfReader

from generator.figures import NOT_AVAILABLE, decimal
from generator.model import (
    Assessment,
    AssessmentRule,
    Better,
    Direction,
    Document,
    MeasureRow,
    MeasuresTable,
    Method,
    Unit,
)
from generator.options import RenderOptions
from generator.parse import load_document
from generator.parse.inline import parse_inline
from layouts.deck.flow import plan_slides
from layouts.deck.geometry import Geometry
from layouts.deck.layout import render_pptx
from layouts.pdf.layout import render_pdf
from tests.conftest import Sheets, build_workbook

# -- printable text Excel can store (no control characters): markup characters, Latin-1,
# Latin Extended-A, Greek, Cyrillic and the symbols analysts paste from Word --
_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 "
    "*[]()<>&.,:;!?'\"-%/ "
    + "".join(chr(c) for c in range(0xC0, 0x100) if chr(c) not in "×÷")
    + "".join(chr(c) for c in range(0x100, 0x180))
    + "".join(chr(c) for c in range(0x391, 0x3CA) if c != 0x3A2)
    + "".join(chr(c) for c in range(0x410, 0x450))
    + "£–’•≥→"
)


def _usable(text: str) -> bool:
    """Text the contract accepts: not blank, not a formula, no link to a bad address."""
    stripped = text.strip()
    return bool(stripped) and not stripped.startswith("=") and not parse_inline(text).problems


def _text(max_size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=_ALPHABET, min_size=1, max_size=max_size).filter(_usable)


UNITS = ("count", "number", "currency", "percent")
_AMOUNT = st.one_of(
    st.none(),
    st.just(0),
    st.integers(-(10**10), 10**10),
    st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False).map(lambda x: round(x, 2)),
)
# -- a count is never negative (an error since issue 9) --
_COUNT = st.one_of(
    st.none(),
    st.just(0),
    st.integers(0, 10**10),
)
# -- percentages as typed (85.7); a 0-1 value among them is a pasted fraction, an error --
_PERCENT = st.one_of(
    st.none(),
    st.just(0),
    st.integers(2, 100),
    st.floats(1.1, 100, allow_nan=False).map(lambda x: round(x, 1)),
)
_VALUES = {"percent": _PERCENT, "count": _COUNT}


@st.composite
def _measures(draw: st.DrawFn) -> tuple[list[list[Any]], list[str]]:
    """The Measures sheet and its table names: 1-2 tables, 2-4 periods."""
    periods = [f"12 months to Q{n} 2024" for n in range(draw(st.integers(2, 4)))]
    rows: list[list[Any]] = [["Table", "Measure", "Unit", "Better", *periods, "Note"]]
    names = [f"Table {n}" for n in range(draw(st.integers(1, 2)))]
    for name in names:
        for _ in range(draw(st.integers(1, 5))):
            unit = draw(st.sampled_from(UNITS))
            values = draw(
                st.lists(
                    _VALUES.get(unit, _AMOUNT),
                    min_size=len(periods),
                    max_size=len(periods),
                )
            )
            better = draw(st.sampled_from(["lower", "higher", None]))
            note = draw(st.one_of(st.none(), _text(60)))
            rows.append([name, draw(_text(80)), unit, better, *values, note])
    return rows, names


@st.composite
def _chart(draw: st.DrawFn) -> tuple[str, list[list[Any]]]:
    kind = draw(st.sampled_from(["column", "bar", "line", "pie"]))
    count = draw(st.integers(1, 3)) if kind != "pie" else 1
    value = st.integers(0, 10**6) if kind == "pie" else _AMOUNT
    rows: list[list[Any]] = [["Category", *[f"Series {n}" for n in range(count)]]]
    for n in range(draw(st.integers(1, 8))):
        rows.append([f"C{n}", *draw(st.lists(value, min_size=count, max_size=count))])
    if kind == "pie" and not any(row[1] for row in rows[1:]):
        rows[1][1] = 1  # a pie needs something to share out
    return kind, rows


@st.composite
def _blocks(draw: st.DrawFn, tables: list[str]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for kind in draw(st.lists(st.sampled_from(["p", "b", "m", "c"]), min_size=1, max_size=6)):
        if kind == "p":
            rows.append(["paragraph", draw(_text(400)), None, None])
        elif kind == "b":
            rows.append(["bullet", draw(_text(200)), None, draw(st.integers(1, 3))])
        elif kind == "m":
            rows.append(
                [
                    "measures",
                    draw(st.one_of(st.none(), _text(60))),
                    draw(st.sampled_from(tables)),
                    None,
                ]
            )
        else:
            rows.append(["callout", draw(_text(120)), None, None])
    return rows


@st.composite
def workbooks(draw: st.DrawFn) -> Sheets:
    measures, tables = draw(_measures())
    content: list[list[Any]] = [["Type", "Text", "Data", "Option"]]
    if draw(st.booleans()):  # -- the at-a-glance summary, a page and slide(s) of its own --
        content.append(["summary", draw(st.one_of(st.none(), _text(60))), None, None])
    for _ in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            content.append(["theme", draw(_text(60)), None, None])
        content.append(["section", draw(_text(90)), None, None])
        content += draw(_blocks(tables))
    sheets: Sheets = {
        "Report": [
            ["Field", "Value"],
            ["Title", draw(_text(120))],
            ["Rounding", draw(st.sampled_from(["nearest", "truncate"]))],
            ["Assessment", draw(st.sampled_from(["significance", "direction"]))],
        ],
        "Content": content,
        "Measures": measures,
    }
    if draw(st.booleans()):
        kind, data = draw(_chart())
        content.append(["chart", draw(_text(80)), "Chart data", kind])
        sheets["Chart data"] = data
    if draw(st.booleans()):
        header = ["Item", *draw(st.lists(_text(20), min_size=1, max_size=3, unique=True))]
        cells = st.one_of(st.none(), _text(40), _AMOUNT)
        body = [
            [f"Row {n}", *draw(st.lists(cells, min_size=len(header) - 1, max_size=len(header) - 1))]
            for n in range(draw(st.integers(1, 6)))
        ]
        content.append(["table", draw(st.one_of(st.none(), _text(60))), "Table data", None])
        sheets["Table data"] = [header, *body]
    return sheets


# -- Checks ----------------------------------------------------------------------------


def _assert_layout_sound(document: Document, geometry: Geometry) -> None:
    for plan in plan_slides(document, geometry):
        boxes = [placed.box for placed in plan.items]
        for box in [plan.title_box, plan.theme_box, *boxes]:
            assert box.within(geometry.slide), (plan.title, box)
        for box in boxes:
            assert box.top >= plan.title_box.bottom, (plan.title, box)
            assert box.bottom <= geometry.footer_box.top, (plan.title, box)
        for i, first in enumerate(boxes):
            for second in boxes[i + 1 :]:
                assert not first.overlaps(second), (plan.title, first, second)


def _number(text: str) -> Decimal:
    """A printed figure back as a number: `-£2,500`, `+1.5pts`, `-6.9%`."""
    bare = text.replace("£", "").replace(",", "").replace("pts", "").replace("%", "")
    return Decimal(bare)


def _step(text: str) -> Decimal:
    """One unit in the last printed place: `1.50` -> 0.01."""
    bare = text.rstrip("pts%")
    places = len(bare.partition(".")[2])
    return Decimal(1).scaleb(-places)


def _assert_change_consistent(row: MeasureRow, rule: AssessmentRule) -> None:
    change, (previous, latest) = row.change, row.values[-2:]
    if previous is None or latest is None:
        assert (change.text, change.percent_text) == (NOT_AVAILABLE, NOT_AVAILABLE)
        assert change.assessment is Assessment.UNAVAILABLE
        return
    delta = decimal(latest) - decimal(previous)
    shown = _number(change.text)
    # -- the direction follows the change as printed: `0.0pts` is no change --
    expected = Direction.UP if shown > 0 else Direction.DOWN if shown < 0 else Direction.FLAT
    assert change.direction is expected, row
    assert abs(shown - delta) <= _step(change.text), row  # rounding or truncation only
    assert shown * delta >= 0, row  # never the opposite sign
    assert change.text.startswith("+") == (shown > 0), row
    assert change.text.startswith("-") == (shown < 0), row
    _assert_percent_change(row, delta)
    _assert_assessment(row, rule)


def _assert_percent_change(row: MeasureRow, delta: Decimal) -> None:
    previous = row.values[-2]
    assert previous is not None
    latest = row.values[-1]
    assert latest is not None
    if row.unit is Unit.PERCENT or previous <= 0 or latest < 0:
        assert row.change.percent_text == NOT_AVAILABLE, row
        return
    ratio = delta / decimal(previous) * 100
    shown = _number(row.change.percent_text)
    assert abs(shown - ratio) <= Decimal("0.1"), row
    assert shown * ratio >= 0, row


def _assert_assessment(row: MeasureRow, rule: AssessmentRule) -> None:
    direction, better, change = row.change.direction, row.better, row.change
    if direction is Direction.FLAT:
        expected = Assessment.SAME
    elif better is Better.NEUTRAL:
        expected = Assessment.NEUTRAL
    elif (direction is Direction.DOWN) == (better is Better.LOWER):
        expected = Assessment.BETTER
    else:
        expected = Assessment.WORSE
    tested = rule == "significance" and expected in (Assessment.BETTER, Assessment.WORSE)
    counts = [value for value in row.values[-2:] if value is not None and value >= 0]
    if tested and row.unit is Unit.COUNT and len(counts) == 2:
        # -- counts are always tested; only a significant change keeps its word --
        assert change.method is Method.COUNTS and change.p_value is not None, row
        if change.p_value >= 0.05:
            expected = Assessment.NOT_SIGNIFICANT
    else:
        assert change.method is Method.DIRECTION, row  # no Base in these workbooks
    assert change.assessment is expected, row


def _measure_rows(document: Document) -> list[MeasureRow]:
    return [
        row
        for section in document.sections
        for block in section.blocks
        if isinstance(block, MeasuresTable)
        for row in block.rows
    ]


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(workbooks())
def test_random_valid_workbooks_build_both_formats(sheets: Sheets) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = build_workbook(Path(folder) / "random.xlsx", sheets)
        document = load_document(path).document
        pdf = render_pdf(document, RenderOptions())
        deck = render_pptx(document, RenderOptions())
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 2  # cover and contents at least
    slides = Presentation(io.BytesIO(deck)).slides
    assert len(slides) >= 1 + len(document.sections)
    for geometry in (Geometry(), Geometry(width=720.0, height=540.0)):
        _assert_layout_sound(document, geometry)
    for row in _measure_rows(document):
        _assert_change_consistent(row, document.report.assessment)
