"""Overflow proof: the deck drawn by LibreOffice keeps every word inside its own shape.

Each deck is converted to PDF once; for every page, each word pdfplumber finds must lie
inside the box of a shape on that slide whose text contains it (chart text: inside the
chart), no two shapes overlap, and no shape leaves the slide.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation

from generator.options import RenderOptions
from generator.parse import load_document
from layouts.deck.layout import render_pptx
from layouts.view import BULLET_GLYPHS
from tests.deck_samples import (
    LONG_TITLE,
    deck_document,
    long_title_document,
    make_dark_template,
    make_template,
    stress_document,
)
from tests.render import needs_soffice, pptx_bytes_to_pdf

EMU_PER_POINT = 12700
TOLERANCE = 1.5  # points: glyph boxes versus text boxes, rounding to EMU
BULLETS = set("".join(BULLET_GLYPHS.values()))
EXAMPLE = Path(__file__).parents[1] / "inputs" / "example.xlsx"


@dataclass(frozen=True)
class ShapeBox:
    name: str
    text: str  # without whitespace
    left: float
    top: float
    right: float
    bottom: float
    chart: bool
    decorative: bool

    def holds(self, word: dict[str, float], tolerance: float = TOLERANCE) -> bool:
        return (
            word["x0"] >= self.left - tolerance
            and word["x1"] <= self.right + tolerance
            and word["top"] >= self.top - tolerance
            and word["bottom"] <= self.bottom + tolerance
        )


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _shape_text(shape) -> str:
    if shape.has_text_frame:
        return shape.text_frame.text
    if getattr(shape, "has_table", False) and shape.has_table:
        return " ".join(cell.text for row in shape.table.rows for cell in row.cells)
    return ""


def _boxes(slide) -> list[ShapeBox]:
    boxes = []
    for shape in slide.shapes:
        left, top = shape.left / EMU_PER_POINT, shape.top / EMU_PER_POINT
        boxes.append(
            ShapeBox(
                shape.name,
                _squash(_shape_text(shape)),
                left,
                top,
                left + shape.width / EMU_PER_POINT,
                top + shape.height / EMU_PER_POINT,
                getattr(shape, "has_chart", False) and shape.has_chart,
                "decorative" in shape._element.xml,
            )
        )
    return boxes


def _problems(deck_bytes: bytes, pdf: Path) -> tuple[list[str], int]:
    deck = Presentation(io.BytesIO(deck_bytes))
    width, height = deck.slide_width / EMU_PER_POINT, deck.slide_height / EMU_PER_POINT
    problems: list[str] = []
    checked = 0
    with pdfplumber.open(pdf) as document:
        assert len(document.pages) == len(deck.slides)
        for number, (slide, page) in enumerate(zip(deck.slides, document.pages, strict=True), 1):
            boxes = _boxes(slide)
            problems += _layout_problems(number, boxes, width, height)
            for word in page.extract_words():
                checked += 1
                if not _placed(word, boxes):
                    problems.append(
                        f"slide {number}: {word['text']!r} at "
                        f"({word['x0']:.0f},{word['top']:.0f}) is outside its shape"
                    )
    return problems, checked


def _placed(word: dict, boxes: list[ShapeBox]) -> bool:
    text = _squash(word["text"])
    for box in boxes:
        if box.chart and box.holds(word):
            return True
        if set(text) <= BULLETS and box.text and box.holds(word):
            return True
        if text and text in box.text and box.holds(word):
            return True
    return False


def _layout_problems(number: int, boxes: list[ShapeBox], width: float, height: float) -> list[str]:
    problems = []
    solid = [b for b in boxes if not b.decorative]
    for box in boxes:
        if (
            box.left < -0.5
            or box.top < -0.5
            or box.right > width + 0.5
            or box.bottom > height + 0.5
        ):
            problems.append(f"slide {number}: {box.name} leaves the slide")
    for i, a in enumerate(solid):
        for b in solid[i + 1 :]:
            if (
                a.left < b.right - 0.5
                and b.left < a.right - 0.5
                and a.top < b.bottom - 0.5
                and b.top < a.bottom - 0.5
            ):
                problems.append(f"slide {number}: {a.name} overlaps {b.name}")
    return problems


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, Path]]:
    folder = tmp_path_factory.mktemp("overflow")
    template = make_template(folder / "org.pptx")
    example = load_document(EXAMPLE).document
    decks = {
        "sample": render_pptx(deck_document(folder), RenderOptions()),
        "stress": render_pptx(stress_document(), RenderOptions()),
        "template": render_pptx(stress_document(), RenderOptions(pptx_template=template)),
        "example": render_pptx(example, RenderOptions()),
        "long-title": render_pptx(long_title_document(), RenderOptions()),
        "dark": render_pptx(
            deck_document(folder),
            RenderOptions(pptx_template=make_dark_template(folder / "dark.pptx")),
        ),
    }
    return {name: (data, pptx_bytes_to_pdf(data, folder, name)) for name, data in decks.items()}


@needs_soffice
@pytest.mark.slow
@pytest.mark.parametrize("name", ["sample", "stress", "template", "example", "long-title", "dark"])
def test_every_word_stays_inside_its_shape(rendered, name: str) -> None:
    data, pdf = rendered[name]
    problems, checked = _problems(data, pdf)
    assert checked > 200  # the check saw the deck's words, it did not pass by being empty
    assert problems == []


def test_the_check_catches_a_word_outside_its_shape() -> None:
    boxes = [ShapeBox("Body", "Hello", 10, 10, 100, 30, chart=False, decorative=False)]
    inside = {"text": "Hello", "x0": 12, "x1": 40, "top": 12, "bottom": 25}
    below = dict(inside, top=40, bottom=52)
    assert _placed(inside, boxes) and not _placed(below, boxes)
    overlapping = [*boxes, ShapeBox("Other", "", 50, 20, 120, 60, chart=False, decorative=False)]
    assert _layout_problems(1, overlapping, 960, 540) == ["slide 1: Body overlaps Other"]


@needs_soffice
@pytest.mark.slow
def test_a_four_line_title_sits_above_the_body(rendered) -> None:
    """Drawn by LibreOffice: the 300-character title takes four lines, all inside its
    box, and the first body line starts below the last title line."""
    data, pdf = rendered["long-title"]
    slide = Presentation(io.BytesIO(data)).slides[1]
    title = next(b for b in _boxes(slide) if b.name.startswith("Title"))
    body = next(b for b in _boxes(slide) if b.name == "Body")
    with pdfplumber.open(pdf) as document:
        words = document.pages[1].extract_words()
    title_words = [w for w in words if title.holds(w) and _squash(w["text"]) in title.text]
    lines = {round(w["top"]) for w in title_words}
    assert len(lines) >= 4
    assert len(title_words) == len(LONG_TITLE.split())
    body_words = [w for w in words if body.holds(w)]
    assert body_words
    assert max(w["bottom"] for w in title_words) < min(w["top"] for w in body_words)
    assert title.bottom <= body.top
