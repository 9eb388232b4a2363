"""Keeping things together in the deck's flow: a caption never ends a slide whose table
starts on the next, and a long title pushes the content down instead of overlapping it."""

from __future__ import annotations

import pytest

from generator.errors import RenderError
from generator.model import Better, Document, Footnote, MeasuresTable, Paragraph, Section, Unit
from layouts.deck.flow import plan_slides
from layouts.deck.geometry import Geometry
from layouts.deck.tables import TableItem
from tests.samples import PERIODS, SRC, measure_row, report, runs

WORDS = "Partnership activity across the four council areas continued through the quarter "
LONG_TITLE = (
    "Partnership working across Hartlepool, Middlesbrough, Redcar and Cleveland and "
    "Stockton-on-Tees to reduce serious violence, anti-social behaviour and repeat "
    "victimisation, with neighbourhood teams, licensing officers, youth services and "
    "community safety partners sharing information every week across the whole force area"
)


def _table(rows: int, notes: int) -> MeasuresTable:
    measures = tuple(
        measure_row(f"Measure {n}", Unit.COUNT, Better.LOWER, (100.0 + n, 90.0, 95.0 + n))
        for n in range(rows)
    )
    footnotes = tuple(Footnote(str(n), f"Note {n}: {WORDS * 2}", SRC) for n in range(notes))
    return MeasuresTable("T", "Calls received by the force", PERIODS, measures, footnotes, SRC)


def _document(words: int, rows: int, notes: int) -> Document:
    blocks = (Paragraph(runs((WORDS * 40)[: words * 8]), SRC), _table(rows, notes))
    return Document(report(), (Section("Calls", "", blocks, SRC),), workbook=None)  # type: ignore[arg-type]


@pytest.mark.parametrize("geometry", [Geometry(), Geometry(width=720.0, height=540.0)])
def test_a_caption_never_ends_a_slide_without_its_table(geometry: Geometry) -> None:
    seen_split = 0
    for words in range(0, 420, 12):
        for rows, notes in ((2, 0), (4, 1), (8, 2), (14, 3)):
            plans = plan_slides(_document(words, rows, notes), geometry)
            for plan in plans:
                roles = [getattr(p.item, "role", "table") for p in plan.items]
                assert roles[-1:] != ["caption"], (words, rows, notes, roles)
                if "caption" in roles:
                    after = roles[roles.index("caption") + 1 :]
                    assert after[:1] == ["table"], (words, rows, notes, roles)
            seen_split += len(plans) > 1
    assert seen_split  # the sweep did push tables onto later slides


def test_a_four_line_title_pushes_the_content_below_it() -> None:
    geometry = Geometry()
    size, box = geometry.title_box(LONG_TITLE + " (10 of 10)")
    assert len(LONG_TITLE) >= 300 and 12 <= size <= 24
    lines = round((box.height - 7.2) / (size * 1.2))
    assert lines >= 4
    document = Document(
        report(),
        (Section(LONG_TITLE, "Theme", (Paragraph(runs(WORDS * 6), SRC), _table(6, 1)), SRC),),
        workbook=None,  # type: ignore[arg-type]
    )
    plans = plan_slides(document, geometry)
    for plan in plans:
        assert plan.title_box.height == box.height
        for placed in plan.items:
            assert placed.box.top >= plan.title_box.bottom + geometry.gap
            assert placed.box.bottom <= geometry.footer_box.top
    assert any(isinstance(p.item, TableItem) for plan in plans for p in plan.items)


def test_a_title_too_long_for_any_slide_is_a_clear_error() -> None:
    document = Document(
        report(),
        (Section(LONG_TITLE * 12, "", (Paragraph(runs("x"), SRC),), SRC),),
        None,  # type: ignore[arg-type]
    )
    with pytest.raises(RenderError, match=r"Content!A2: the section title is too long"):
        plan_slides(document, Geometry())


def test_a_title_over_255_characters_still_builds_and_fills_the_properties() -> None:
    import io

    from pptx import Presentation

    from generator.options import RenderOptions
    from layouts.deck.layout import render_pptx
    from tests.deck_samples import long_title_document

    deck = Presentation(io.BytesIO(render_pptx(long_title_document(), RenderOptions())))
    title = deck.core_properties.title
    assert len(title) == 255 and title.endswith("…") and title.startswith(LONG_TITLE[:200])
    shown = "".join(
        run.text for p in deck.slides[0].shapes.title.text_frame.paragraphs for run in p.runs
    )
    assert shown == LONG_TITLE


def test_a_long_theme_label_wraps_and_the_title_moves_below_it() -> None:
    from tests.deck_samples import LONG_THEME, long_title_document

    geometry = Geometry()
    plan = plan_slides(long_title_document(), geometry)[0]
    assert plan.theme == LONG_THEME
    assert plan.theme_box.height > geometry.theme_box.height  # two lines
    assert plan.title_box.top >= plan.theme_box.bottom
    assert all(p.box.top >= plan.title_box.bottom for p in plan.items)


def _rows_item(count: int, height: float = 40.0) -> TableItem:
    from layouts.deck.tables import Cell

    row = (Cell("label"), Cell("1", "right"))
    return TableItem(
        (Cell("Measure"), Cell("Value", "right")),
        (row,) * count,
        (200.0, 80.0),
        30.0,
        (height,) * count,
        14.0,
        "Measures table",
    )


def test_a_small_table_moves_on_whole_only_when_a_fresh_slide_holds_it() -> None:
    table = _rows_item(7)  # 30 + 7 × 40 = 310 points
    assert table.split(200.0, fresh=400.0) == (None, table)  # fits an empty slide: moves on
    head, tail = table.split(200.0, fresh=300.0)  # must split anyway: starts here
    assert head is not None and len(head.rows) == 4 and len(tail.rows) == 3


def test_a_split_never_leaves_one_or_two_rows_alone() -> None:
    table = _rows_item(8)
    head, tail = table.split(30.0 + 7 * 40.0 + 1, fresh=300.0)  # 7 fit, 1 would be alone
    assert head is not None and (len(head.rows), len(tail.rows)) == (5, 3)
