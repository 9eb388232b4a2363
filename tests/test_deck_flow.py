"""The pure layout engine: every item inside the slide's content area, none overlapping."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Better, Bullet, Document, MeasuresTable, Paragraph, Section, Unit
from layouts.deck.flow import TableItem, TextItem, plan_slides
from layouts.deck.geometry import Geometry
from tests.deck_samples import stress_document
from tests.samples import PERIODS, SRC, measure_row, report, runs, seed_like_document

GEOMETRIES = (Geometry(), Geometry(width=720.0, height=540.0))


def _assert_sound(document: Document, geometry: Geometry) -> None:
    plans = plan_slides(document, geometry)
    titles = [plan.title for plan in plans]
    assert len(set(titles)) == len(titles)
    for plan in plans:
        boxes = [plan.title_box, plan.theme_box, geometry.footer_box, geometry.number_box]
        boxes += [placed.box for placed in plan.items]
        for box in boxes:
            assert box.within(geometry.slide), (plan.title, box)
        for placed in plan.items:
            assert placed.box.top >= plan.title_box.bottom
            assert placed.box.bottom <= geometry.footer_box.top
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not a.overlaps(b), (plan.title, a, b)


def test_seed_like_and_stress_documents_are_sound() -> None:
    for geometry in GEOMETRIES:
        _assert_sound(seed_like_document(), geometry)
        _assert_sound(stress_document(), geometry)


def test_every_table_row_is_placed_once() -> None:
    plans = plan_slides(stress_document(), Geometry())
    rows = [
        row[0].text
        for plan in plans
        for placed in plan.items
        if isinstance(placed.item, TableItem)
        for row in placed.item.rows
    ]
    assert len(rows) == 40 and len(set(rows)) == 40


def test_long_text_is_split_and_kept_whole() -> None:
    plans = plan_slides(stress_document(), Geometry())
    words = "".join(
        piece.text
        for plan in plans
        for placed in plan.items
        if isinstance(placed.item, TextItem) and plan.section.title.startswith("Thirty")
        for para in placed.item.paras
        for line in para.lines
        for piece in line
    )
    assert words.count("Bullet point") == 30


_WORDS = st.text(alphabet="abcdefghij klmnop WXYZ–", min_size=1, max_size=300)


@st.composite
def _sections(draw: st.DrawFn) -> Section:
    blocks: list = []
    for kind in draw(st.lists(st.sampled_from(["p", "b", "t"]), min_size=1, max_size=12)):
        if kind == "p":
            blocks.append(Paragraph(runs(draw(_WORDS) * draw(st.integers(1, 6))), SRC))
        elif kind == "b":
            blocks.append(Bullet(runs(draw(_WORDS)), draw(st.integers(1, 3)), SRC))
        else:
            count = draw(st.integers(1, 25))
            rows = tuple(
                measure_row(
                    f"Row {n} {draw(_WORDS)[:80]}",
                    Unit.COUNT,
                    Better.LOWER,
                    (1.0 * n, 2.0 * n, 3.0),
                )
                for n in range(count)
            )
            blocks.append(MeasuresTable("T", draw(_WORDS)[:60], PERIODS, rows, (), SRC))
    return Section(draw(_WORDS)[:90] or "x", draw(_WORDS)[:40], tuple(blocks), SRC)


@settings(max_examples=25, deadline=None)
@given(st.lists(_sections(), min_size=1, max_size=3), st.sampled_from(GEOMETRIES))
def test_random_documents_are_laid_out_soundly(sections: list[Section], geometry: Geometry) -> None:
    document = Document(report(), tuple(sections), Path("random.xlsx"))
    _assert_sound(document, geometry)
