"""The slide deck: a title slide, then each section on its own slide(s).

The layout engine (`deck_flow.plan_slides`) decides every box; this module only draws
the plan with python-pptx, picking one renderer per item type, and saves it reproducibly.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, assert_never

from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType
from pptx.shapes.shapetree import SlideShapes
from pptx.slide import Slide
from pptx.util import Length, Pt

from generator.errors import RenderError
from generator.model import Chart, Document, Image, Report, Trend
from generator.options import RenderOptions
from layouts import theme
from layouts.deck.charts import draw_chart
from layouts.deck.flow import SlidePlan, plan_slides
from layouts.deck.geometry import Box, Geometry
from layouts.deck.items import FlexItem, TextItem
from layouts.deck.oxml import rgb
from layouts.deck.package import fast_partnames, release_slide, save, set_core_properties
from layouts.deck.tables import TableItem, draw_table
from layouts.deck.template import Layouts, open_presentation, pick_layouts, slide_points
from layouts.deck.text import (
    add_band,
    draw_text_item,
    place_text,
    prepare_frame,
    write_runs,
)
from layouts.deck.title import TitlePlan, plan_title
from layouts.deck.trend import draw_trend
from layouts.fonts import fit_line

LOGO_CARD = 8.0  # points of white around a logo on the brand-coloured title slide
_SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"


@dataclass(frozen=True)
class _Style:
    brand: str
    branded: bool  # True with an organisation template: titles keep its fonts and colours


def render_pptx(document: Document, options: RenderOptions) -> bytes:
    """The deck as .pptx bytes; the same document always gives the same bytes."""
    presentation = open_presentation(options.pptx_template)
    fast_partnames(presentation.part.package)
    layouts = pick_layouts(presentation, options.pptx_template)
    width, height = slide_points(presentation)
    geometry = Geometry(width=width, height=height)
    style = _Style(theme.colours_for(document.report).brand, options.pptx_template is not None)
    release_slide(_title_slide(presentation, layouts, plan_title(document.report, geometry), style))
    # -- each plan is dropped once drawn (~10 MB of measured items at 200 sections) --
    plans = deque(plan_slides(document, geometry))
    for number in range(2, len(plans) + 2):
        plan = plans.popleft()
        slide = _content_slide(
            presentation, layouts, plan, number, geometry, document.report, style
        )
        release_slide(slide)
    set_core_properties(presentation, document.report)
    return save(presentation, document.report)


# -- Title slide ------------------------------------------------------------------------


def _title_slide(
    presentation: PresentationType, layouts: Layouts, plan: TitlePlan, style: _Style
) -> Slide:
    slide: Slide = presentation.slides.add_slide(layouts.title)
    _clear_placeholders(slide, keep_title=True, keep_subtitle=True)
    # -- our own title slide is set in white on the brand colour, like the PDF's cover;
    #    an organisation's template keeps its own title-slide design --
    on_brand = not style.branded
    if on_brand:
        slide.background.fill.solid()
        slide.background.fill.fore_color.rgb = rgb(style.brand)
    title = _title_shape(slide)
    _set_title(title, plan.title, plan.title_box, plan.title_size, style, on_brand)
    subtitle = next((p for p in slide.placeholders if p._element is not title._element), None)
    shapes = slide.shapes
    for index, (text, size, box, bold, colour) in enumerate(plan.lines):
        shape = subtitle if index == 0 and subtitle is not None else place_text(shapes, box, "Text")
        _position(shape, box)
        prepare_frame(shape.text_frame, 0, 3.6)
        shape.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
        colour = theme.WHITE if on_brand else colour
        write_runs(shape.text_frame.paragraphs[0], _runs(text), size, colour, bold)
    if plan.logo is not None and plan.logo_box is not None:
        if on_brand:  # -- a logo drawn for white paper stays legible on a white card --
            box = plan.logo_box
            card = Box(
                box.left - LOGO_CARD,
                box.top - LOGO_CARD,
                box.width + 2 * LOGO_CARD,
                box.height + 2 * LOGO_CARD,
            )
            add_band(shapes, card, theme.WHITE, "Logo card")
        picture = shapes.add_picture(str(plan.logo), *_emu(plan.logo_box))
        picture.name = "Logo"
        _describe(picture, f"{plan.organisation} logo" if plan.organisation else "Logo")
    if not on_brand:
        add_band(shapes, plan.band_box, style.brand, "Brand band")
    _notes(slide, plan.notes)
    return slide


def _notes(slide: Slide, text: str) -> None:
    frame = slide.notes_slide.notes_text_frame
    if frame is not None:  # a template's notes master may have no body placeholder
        frame.text = text


def _runs(text: str) -> tuple[Any, ...]:
    from generator.model import Run

    return (Run(text),)


# -- Content slides ----------------------------------------------------------------------


def _content_slide(
    presentation: PresentationType,
    layouts: Layouts,
    plan: SlidePlan,
    number: int,
    g: Geometry,
    report: Report,
    style: _Style,
) -> Slide:
    slide: Slide = presentation.slides.add_slide(layouts.content)
    _clear_placeholders(slide, keep_title=True, keep_subtitle=False)
    _set_title(_title_shape(slide), plan.title, plan.title_box, plan.title_size, style)
    shapes = slide.shapes
    if plan.theme:
        label = place_text(shapes, plan.theme_box, "Theme")
        write_runs(
            label.text_frame.paragraphs[0],
            _runs(plan.theme.upper()),
            theme.DECK.theme,
            style.brand,
            bold=True,
        )
    for placed in plan.items:
        _RENDERERS[type(placed.item)](shapes, placed.item, placed.box, style)
    _footer(shapes, report, number, g)
    add_band(shapes, Box(0, 0, g.width, g.band), style.brand, "Brand band")
    _notes(slide, plan.notes)
    return slide


def _draw_text(shapes: SlideShapes, item: Any, box: Box, style: _Style) -> None:
    draw_text_item(shapes, item, box, style.brand)


def _draw_table(shapes: SlideShapes, item: Any, box: Box, style: _Style) -> None:
    draw_table(shapes, item, (box.left, box.top, box.width, box.height), style.brand)


def _draw_flex(shapes: SlideShapes, item: Any, box: Box, style: _Style) -> None:
    block = item.block
    match block:
        case Chart():
            draw_chart(shapes, block, box)
        case Trend():
            draw_trend(shapes, block, box)
        case Image():
            _picture(shapes, block, box)
        case _:
            assert_never(block)


_RENDERERS: dict[type, Callable[[SlideShapes, Any, Box, _Style], None]] = {
    TextItem: _draw_text,
    TableItem: _draw_table,
    FlexItem: _draw_flex,
}


def _picture(shapes: SlideShapes, block: Image, box: Box) -> None:
    try:
        picture = shapes.add_picture(str(block.path), *_emu(box))
    except (OSError, ValueError):
        raise RenderError(
            f"cannot read the image {block.path.name}; expected a PNG or JPEG file", block.source
        ) from None
    picture.name = f"Picture: {block.path.name}"
    _describe(picture, block.alt_text)


def _footer(shapes: SlideShapes, report: Report, number: int, g: Geometry) -> None:
    size = max(theme.DECK.footer, theme.DECK.minimum)
    text = _footer_text(report, size, g.footer_box.width)
    if text:
        footer = place_text(shapes, g.footer_box, "Footer")
        write_runs(footer.text_frame.paragraphs[0], _runs(text), size, theme.MUTED_TEXT)
    box = place_text(shapes, g.number_box, "Slide number")
    paragraph = box.text_frame.paragraphs[0]
    write_runs(paragraph, _runs(""), size, theme.MUTED_TEXT)
    _slide_number_field(paragraph, number, size)


def _footer_text(report: Report, size: float, width: float) -> str:
    """As the PDF's footer: the footer text and organisation, or whichever fits one line."""
    # -- the measured width, with the same safety margin as body text --
    return fit_line(report.footer_lines, size, width * 0.95)


def _slide_number_field(paragraph: Any, number: int, size: float) -> None:
    """A real slide-number field, so the number stays right if slides are reordered."""
    from lxml import etree
    from pptx.oxml.ns import qn

    paragraph.alignment = PP_ALIGN.RIGHT
    p = paragraph._p
    for run in p.findall(qn("a:r")):
        p.remove(run)
    field = etree.SubElement(p, qn("a:fld"), id=_SLIDE_NUMBER_FIELD, type="slidenum")
    r_pr = etree.SubElement(field, qn("a:rPr"), lang="en-GB", sz=str(int(size * 100)))
    fill = etree.SubElement(r_pr, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val=theme.MUTED_TEXT.lstrip("#"))
    etree.SubElement(r_pr, qn("a:latin"), typeface=theme.DECK_FONT)
    etree.SubElement(field, qn("a:t")).text = str(number)
    end = p.find(qn("a:endParaRPr"))
    if end is not None:
        p.remove(end)
        p.append(end)


# -- Shared helpers --------------------------------------------------------------------


def _emu(box: Box) -> tuple[Length, Length, Length, Length]:
    return Pt(box.left), Pt(box.top), Pt(box.width), Pt(box.height)


def _position(shape: Any, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = _emu(box)


def _describe(shape: Any, text: str) -> None:
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)


def _title_shape(slide: Slide) -> Any:
    title = slide.shapes.title
    if title is None:  # pick_layouts guarantees one; a broken layout still gets a clear error
        raise RenderError("the slide layout lost its title placeholder")
    tree = slide.shapes._spTree
    tree.remove(title._element)
    tree.insert(2, title._element)  # first in reading order, after the group properties
    return title


def _set_title(
    shape: Any, text: str, box: Box, size: float, style: _Style, on_brand: bool = False
) -> None:
    _position(shape, box)
    frame = shape.text_frame
    prepare_frame(frame, 0, 3.6)
    frame.text = ""
    paragraph = frame.paragraphs[0]
    paragraph.alignment = 1  # left
    colour = theme.WHITE if on_brand else style.brand
    write_runs(paragraph, _runs(text), size, colour, bold=True)
    if style.branded:  # the template's title colour; the font stays the measured one
        for run in paragraph.runs:
            fill = run.font._rPr.find(qn("a:solidFill"))
            if fill is not None:
                run.font._rPr.remove(fill)


def _clear_placeholders(slide: Slide, keep_title: bool, keep_subtitle: bool) -> None:
    """Remove placeholders we do not fill: an empty one shows 'Click to add text'."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    for shape in list(slide.placeholders):
        kind = shape.placeholder_format.type
        if keep_title and kind in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
            continue
        if keep_subtitle and kind == PP_PLACEHOLDER.SUBTITLE:
            continue
        shape._element.getparent().remove(shape._element)
