"""Organisation templates: the deck builds on their master; unusable ones fail clearly."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from generator.options import RenderOptions
from layouts.deck.layout import render_pptx
from layouts.deck.template import TemplateError
from tests.deck_samples import deck_document, make_template


@pytest.fixture(scope="module")
def templated(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("template")
    template = make_template(folder / "org.pptx")
    data = render_pptx(deck_document(folder), RenderOptions(pptx_template=template))
    plain = render_pptx(deck_document(folder), RenderOptions())
    return Presentation(io.BytesIO(data)), Presentation(io.BytesIO(plain)), data


def test_template_slide_size_and_master_are_used(templated) -> None:
    deck, _, _ = templated
    assert (Emu(deck.slide_width).inches, Emu(deck.slide_height).inches) == (10, 7.5)
    background = deck.slide_master.background.fill.fore_color.rgb
    assert str(background) == "FFF8E7"


def test_template_slides_are_removed_and_layouts_chosen_by_placeholders(templated) -> None:
    deck, plain, data = templated
    assert len(deck.slides) == len(plain.slides)
    assert b"TEMPLATE SLIDE" not in data
    assert all(
        "TEMPLATE SLIDE" not in s.text_frame.text
        for slide in deck.slides
        for s in slide.shapes
        if s.has_text_frame
    )
    assert deck.slides[0].slide_layout.name == "Org layout 0"  # the title slide layout
    assert deck.slides[1].slide_layout.name == "Org layout 5"  # the title-only layout
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert titles == [slide.shapes.title.text_frame.text for slide in plain.slides]


def test_content_fits_the_narrower_slide(templated) -> None:
    deck, _, _ = templated
    width = deck.slide_width
    for slide in deck.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.left + shape.width <= width + 1


def test_a_file_that_is_not_a_pptx_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "brand.pptx"
    bad.write_text("not a presentation")
    with pytest.raises(
        TemplateError,
        match=r"brand.pptx is not a PowerPoint presentation that can be opened; expected a \.pptx",
    ):
        render_pptx(deck_document(), RenderOptions(pptx_template=bad))


def test_a_missing_template_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="does not exist"):
        render_pptx(deck_document(), RenderOptions(pptx_template=tmp_path / "nope.pptx"))


def test_a_template_without_title_layouts_is_a_clear_error(tmp_path: Path) -> None:
    template = make_template(tmp_path / "untitled.pptx", titles=False)
    with pytest.raises(TemplateError, match="no slide layout with a title placeholder"):
        render_pptx(deck_document(), RenderOptions(pptx_template=template))
