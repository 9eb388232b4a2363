"""The deck as a checker reads it: every piece of text in the Report's language, and every
text colour at 4.5:1 or more against what lies beneath it (slide background from the
master or template, shape and cell fills, chart areas and pie slices).

On the example, a stress deck, a dark template (made as PowerPoint makes dark themes, and
one with only a dark background), and a 4:3 template.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from pptx import Presentation

from generator.options import RenderOptions
from generator.parse import load_document
from layouts.deck.layout import render_pptx
from tests.deck_audit import audit_contrast, audit_language
from tests.deck_samples import (
    make_dark_template,
    make_template,
    make_title_bar_template,
    pie_document,
    stress_document,
)
from tests.samples import report

EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "example.xlsx"
CASES = ("example", "stress", "dark", "dark-background-only", "four-by-three", "title-bar")


def _stress():  # the stress sections, a pie and every chart kind, links included
    pies = pie_document()
    return replace(pies, sections=(*pies.sections, *stress_document().sections))


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("a11y")
    templates = {
        "dark": make_dark_template(folder / "dark.pptx"),
        "dark-background-only": make_dark_template(folder / "plain.pptx", mapped=False),
        "four-by-three": make_template(folder / "org.pptx"),
        "title-bar": make_title_bar_template(folder / "bar.pptx"),
    }
    example = load_document(EXAMPLE).document
    built = {
        "example": render_pptx(example, RenderOptions()),
        "stress": render_pptx(_stress(), RenderOptions()),
    }
    for name, template in templates.items():
        built[name] = render_pptx(_stress(), RenderOptions(pptx_template=template))
    return built


@pytest.mark.parametrize("case", CASES)
def test_every_run_note_and_chart_is_in_the_reports_language(decks, case: str) -> None:
    audit = audit_language(decks[case], "en-GB")
    assert audit.problems == []
    # -- the audit read slides, notes, charts and every style level, not nothing --
    for kind in ("slides", "notesSlides", "charts", "slideMasters", "slideLayouts", "ppt"):
        assert audit.checked.get(kind, 0) > 0, kind


def test_the_language_is_the_reports_not_a_fixed_one() -> None:
    document = replace(pie_document(), report=report(language="cy-GB"))
    data = render_pptx(document, RenderOptions())
    assert audit_language(data, "cy-GB").problems == []
    assert Presentation(io.BytesIO(data)).core_properties.language == "cy-GB"


@pytest.mark.parametrize("case", CASES)
def test_every_text_colour_reaches_4_5_to_1_on_what_lies_beneath(decks, case: str) -> None:
    audit = audit_contrast(decks[case])
    assert audit.problems == []
    assert audit.checked > 100 and audit.lowest >= 4.5


def test_pie_labels_are_white_on_dark_slices_and_outside_thin_ones(decks) -> None:
    deck = Presentation(io.BytesIO(decks["stress"]))
    pie = next(
        shape.chart
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_chart and shape.chart.chart_type == 5  # PIE
    )
    points = pie.plots[0].series[0].points
    first = points[0].data_label  # 6,000 of 12,120 on dark blue
    assert str(first.font.color.rgb) == "FFFFFF"
    assert first.position == 3  # INSIDE_END
    assert points[5].data_label.position == 2  # OUTSIDE_END: 120 of 12,120


def test_dark_templates_get_light_text_and_keep_their_own_furniture(decks) -> None:
    for case in ("dark", "dark-background-only"):
        deck = Presentation(io.BytesIO(decks[case]))
        for slide in deck.slides:
            names = [shape.name for shape in slide.shapes]
            assert "Brand band" not in names  # the template's bar stays uncovered
        title = deck.slides[1].shapes.title.text_frame.paragraphs[0].runs[0]
        assert str(title.font.color.rgb) in ("F5F5F0", "FFFFFF")


def test_a_light_template_keeps_the_house_colours_and_band(decks) -> None:
    deck = Presentation(io.BytesIO(decks["four-by-three"]))
    assert "Brand band" in [shape.name for shape in deck.slides[1].shapes]
    body = next(s for s in deck.slides[1].shapes if s.name == "Body")
    assert str(body.text_frame.paragraphs[0].runs[0].font.color.rgb) == "0B0C0C"


def _rewrite(data: bytes, name_part: str, old: bytes, new: bytes) -> bytes:
    """The deck with `old` replaced by `new` in every part whose name contains `name_part`."""
    import zipfile

    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            if name_part in info.filename:
                blob = blob.replace(old, new)
            target.writestr(info, blob)
    return out.getvalue()


def test_the_audits_catch_what_they_look_for(decks) -> None:
    data = decks["stress"]
    grey = _rewrite(data, "slides/slide2.xml", b'val="0B0C0C"', b'val="BBBBBB"')
    assert any("#BBBBBB on #FFFFFF" in p for p in audit_contrast(grey).problems)
    black_labels = _rewrite(data, "charts/", b'val="FFFFFF"', b'val="0B0C0C"')
    assert any("slice 0 label" in p for p in audit_contrast(black_labels).problems)
    american = _rewrite(data, "notesSlides/", b'lang="en-GB"', b'lang="en-US"')
    assert any("notesSlide" in p for p in audit_language(american, "en-GB").problems)


def test_a_title_on_the_templates_dark_title_bar_turns_light(decks) -> None:
    deck = Presentation(io.BytesIO(decks["title-bar"]))
    title = deck.slides[1].shapes.title.text_frame.paragraphs[0].runs[0]
    assert str(title.font.color.rgb) == "FFFFFF"
    body = next(s for s in deck.slides[1].shapes if s.name == "Body")
    assert str(body.text_frame.paragraphs[0].runs[0].font.color.rgb) == "0B0C0C"
