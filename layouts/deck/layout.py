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
from layouts.deck.backdrop import TextColours, readable_links, text_colours
from layouts.deck.charts import draw_chart
from layouts.deck.flow import SlidePlan, plan_slides
from layouts.deck.geometry import Box, Geometry
from layouts.deck.glance import TallyItem
from layouts.deck.internals import fast_partnames, paragraph_element, release_slide
from layouts.deck.items import FlexItem, TextItem
from layouts.deck.language import mark_package, mark_slide
from layouts.deck.oxml import rgb
from layouts.deck.package import save, set_core_properties
from layouts.deck.tables import TableItem, draw_table
from layouts.deck.tally import draw_tally
from layouts.deck.template import (
    Layouts,
    furniture,
    open_presentation,
    pick_layouts,
    slide_points,
)
from layouts.deck.text import (
    add_band,
    draw_text_item,
    place_text,
    prepare_frame,
    write_runs,
)
from layouts.deck.title import TitlePlan, plan_title
from layouts.deck.trend import draw_trend
from layouts.fit import deck_edition, raise_misfits
from layouts.fonts import fit_line

LOGO_CARD = 8.0  # points of white around a logo on the brand-coloured title slide
_SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"


@dataclass(frozen=True)
class _Style:
    brand: str
    branded: bool  # True with an organisation template: it keeps its own title slide
    content: TextColours  # text colours readable on the content layout's background
    cover: TextColours  # ... and on the title slide's
    bands: tuple[bool, bool]  # draw the brand band on (title, content) slides


def _style(brand: str, layouts: Layouts, branded: bool, g: Geometry) -> _Style:
    """Colours read from the template's backgrounds; the brand band only where it does
    not cover the template's own furniture (a logo or bar at the top of its master)."""
    title_band = Box(0, 0, g.width, g.band * 2)
    content_band = Box(0, 0, g.width, g.band)
    return _Style(
        brand,
        branded,
        text_colours(layouts.content, brand, branded),
        text_colours(layouts.title, brand, branded),
        (
            not any(title_band.overlaps(Box(*f)) for f in furniture(layouts.title)),
            not any(content_band.overlaps(Box(*f)) for f in furniture(layouts.content)),
        ),
    )


def render_pptx(document: Document, options: RenderOptions) -> bytes:
    """The deck as .pptx bytes; the same document always gives the same bytes."""
    presentation = open_presentation(options.pptx_template)
    fast_partnames(presentation.part.package)
    layouts = pick_layouts(presentation, options.pptx_template)
    width, height = slide_points(presentation)
    geometry = Geometry(width=width, height=height)
    raise_misfits(document, (deck_edition(geometry.content.width),))
    branded = options.pptx_template is not None
    style = _style(theme.colours_for(document.report).brand, layouts, branded, geometry)
    for colours, layout in ((style.content, layouts.content), (style.cover, layouts.title)):
        readable_links(layout.slide_master, colours.beneath, colours.text)
    language = document.report.language
    title_plan = plan_title(document.report, geometry, document.words)
    title = _title_slide(presentation, layouts, title_plan, style)
    mark_slide(title, language)
    release_slide(title)
    # -- each plan is dropped once drawn (~10 MB of measured items at 200 sections) --
    plans = deque(plan_slides(document, geometry))
    for number in range(2, len(plans) + 2):
        plan = plans.popleft()
        slide = _content_slide(
            presentation, layouts, plan, number, geometry, document.report, style
        )
        mark_slide(slide, language)
        release_slide(slide)
    mark_package(presentation, language)
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
    _set_title(title, plan.title, plan.title_box, plan.title_size, style.cover, on_brand)
    subtitle = next((p for p in slide.placeholders if p.element is not title.element), None)
    shapes = slide.shapes
    for index, (text, size, box, bold, colour) in enumerate(plan.lines):
        shape = subtitle if index == 0 and subtitle is not None else place_text(shapes, box, "Text")
        _position(shape, box)
        prepare_frame(shape.text_frame, 0, 3.6)
        shape.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
        colour = theme.WHITE if on_brand else _cover_colour(colour, style.cover)
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
        _describe(picture, plan.logo_alt)
    if not on_brand and style.bands[0]:
        add_band(shapes, plan.band_box, style.brand, "Brand band")
    _notes(slide, plan.notes)
    return slide


def _cover_colour(planned: str, colours: TextColours) -> str:
    """The title plan's house colours, as read on the template's title slide."""
    return colours.muted if planned == theme.MUTED_TEXT else colours.text


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
    _set_title(_title_shape(slide), plan.title, plan.title_box, plan.title_size, style.content)
    shapes = slide.shapes
    if plan.theme:
        label = place_text(shapes, plan.theme_box, "Theme")
        write_runs(
            label.text_frame.paragraphs[0],
            _runs(plan.theme.upper()),
            theme.DECK.theme,
            style.content.accent,
            bold=True,
        )
    for placed in plan.items:
        _RENDERERS[type(placed.item)](shapes, placed.item, placed.box, style)
    _footer(shapes, report, number, g, style.content.muted)
    if style.bands[1]:
        add_band(shapes, Box(0, 0, g.width, g.band), style.brand, "Brand band")
    _notes(slide, plan.notes)
    return slide


def _draw_text(shapes: SlideShapes, item: Any, box: Box, style: _Style) -> None:
    draw_text_item(shapes, item, box, style.brand, style.content)


def _draw_table(shapes: SlideShapes, item: Any, box: Box, style: _Style) -> None:
    draw_table(shapes, item, (box.left, box.top, box.width, box.height), style.brand)


def _draw_flex(shapes: SlideShapes, item: Any, box: Box, style: _Style) -> None:
    block = item.block
    match block:
        case Chart():
            draw_chart(shapes, block, box, style.content)
        case Trend():
            draw_trend(shapes, block, box)
        case Image():
            _picture(shapes, block, box)
        case _:
            assert_never(block)


def _draw_tally(shapes: SlideShapes, item: Any, box: Box, style: _Style) -> None:
    draw_tally(shapes, item, box)


_RENDERERS: dict[type, Callable[[SlideShapes, Any, Box, _Style], None]] = {
    TextItem: _draw_text,
    TableItem: _draw_table,
    FlexItem: _draw_flex,
    TallyItem: _draw_tally,
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


def _footer(shapes: SlideShapes, report: Report, number: int, g: Geometry, colour: str) -> None:
    size = max(theme.DECK.footer, theme.DECK.minimum)
    text = _footer_text(report, size, g.footer_box.width)
    if text:
        footer = place_text(shapes, g.footer_box, "Footer")
        write_runs(footer.text_frame.paragraphs[0], _runs(text), size, colour)
    box = place_text(shapes, g.number_box, "Slide number")
    paragraph = box.text_frame.paragraphs[0]
    write_runs(paragraph, _runs(""), size, colour)
    _slide_number_field(paragraph, number, size, colour)


def _footer_text(report: Report, size: float, width: float) -> str:
    """As the PDF's footer: the footer text and organisation, or whichever fits one line."""
    # -- the measured width, with the same safety margin as body text --
    return fit_line(report.footer_lines, size, width * 0.95)


def _slide_number_field(paragraph: Any, number: int, size: float, colour: str) -> None:
    """A real slide-number field, so the number stays right if slides are reordered."""
    from lxml import etree

    paragraph.alignment = PP_ALIGN.RIGHT
    p = paragraph_element(paragraph)
    for run in p.findall(qn("a:r")):
        p.remove(run)
    field = etree.SubElement(p, qn("a:fld"), id=_SLIDE_NUMBER_FIELD, type="slidenum")
    r_pr = etree.SubElement(field, qn("a:rPr"), sz=str(int(size * 100)))
    fill = etree.SubElement(r_pr, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val=colour.lstrip("#"))
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
    shape.element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)


def _title_shape(slide: Slide) -> Any:
    title = slide.shapes.title
    if title is None:  # pick_layouts guarantees one; a broken layout still gets a clear error
        raise RenderError("the slide layout lost its title placeholder")
    tree = slide.shapes.element
    tree.remove(title.element)
    tree.insert(2, title.element)  # first in reading order, after the group properties
    return title


def _set_title(
    shape: Any, text: str, box: Box, size: float, colours: TextColours, on_brand: bool = False
) -> None:
    _position(shape, box)
    frame = shape.text_frame
    prepare_frame(frame, 0, 3.6)
    frame.text = ""
    paragraph = frame.paragraphs[0]
    paragraph.alignment = 1  # left
    # -- the template's title colour when it reads on its background (TextColours);
    #    the font stays the measured one --
    colour = theme.WHITE if on_brand else colours.title
    write_runs(paragraph, _runs(text), size, colour, bold=True)


def _clear_placeholders(slide: Slide, keep_title: bool, keep_subtitle: bool) -> None:
    """Remove placeholders we do not fill: an empty one shows 'Click to add text'."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    for shape in list(slide.placeholders):
        kind = shape.placeholder_format.type
        if keep_title and kind in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
            continue
        if keep_subtitle and kind == PP_PLACEHOLDER.SUBTITLE:
            continue
        shape.element.getparent().remove(shape.element)
