"""Drawing measured text on slides: text boxes whose sizes PowerPoint must not change.

Autofit is off and every size, inset and line pitch is explicit, so the box the layout
engine computed is the box that is drawn, in PowerPoint and in LibreOffice alike.
"""

from __future__ import annotations

from lxml import etree
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
from pptx.shapes.shapetree import SlideShapes
from pptx.text.text import TextFrame, _Paragraph
from pptx.util import Pt

from generator.model import Run, Runs
from layouts import theme
from layouts.deck.backdrop import TextColours
from layouts.deck.geometry import Box
from layouts.deck.internals import paragraph_element
from layouts.deck.items import CALLOUT_PAD, TEXT_INSET, TextItem, bullet_indent, para_gap
from layouts.deck.measure import line_height, lines_runs
from layouts.deck.oxml import parse_children, rgb, run_xml
from layouts.view import BULLET_GLYPHS

_DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
_ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def prepare_frame(frame: TextFrame, inset_x: float, inset_y: float) -> None:
    """Wrap on, autofit off, explicit insets: the measured box is the drawn box."""
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = Pt(inset_x)
    frame.margin_top = frame.margin_bottom = Pt(inset_y)
    frame.vertical_anchor = MSO_ANCHOR.TOP


def write_runs(
    paragraph: _Paragraph,
    runs: Runs,
    size: float,
    colour: str,
    bold: bool = False,
    link: str = theme.TEXT,
) -> None:
    """Runs at an exact size and pitch; links keep their text and get their address."""
    paragraph.line_spacing = Pt(line_height(size))
    paragraph.space_before = Pt(0)
    if any(part.href for part in runs):  # -- a link needs a relationship: python-pptx --
        for part in runs:
            _add_run(paragraph, part, size, colour, bold, link)
        return
    # -- the common case, written as XML (layouts.deck.oxml): same bytes, far fewer calls --
    p = paragraph_element(paragraph)
    xml = "".join(run_xml(part.text, size, colour, bold or part.bold) for part in runs)
    for r in parse_children("p", xml):
        p.insert_element_before(r, "a:endParaRPr")


def _add_run(
    paragraph: _Paragraph, part: Run, size: float, colour: str, bold: bool, link: str
) -> None:
    for number, text in enumerate(part.text.split("\n")):
        if number:
            paragraph.add_line_break()  # type: ignore[no-untyped-call]
        _add_piece(paragraph, Run(text, part.bold, part.href), size, colour, bold, link)


def _add_piece(
    paragraph: _Paragraph, part: Run, size: float, colour: str, bold: bool, link: str
) -> None:
    run = paragraph.add_run()
    run.text = part.text
    font = run.font
    font.size, font.name = Pt(size), theme.DECK_FONT
    font.bold = bold or part.bold
    # -- links are the accent colour and underlined, as in the PDF --
    font.color.rgb = rgb(link if part.href else colour)
    if part.href:
        run.hyperlink.address = part.href
        font.underline = True


def place_text(
    shapes: SlideShapes, box: Box, name: str, inset_x: float = 0.0, inset_y: float = TEXT_INSET
) -> Shape:
    shape = shapes.add_textbox(Pt(box.left), Pt(box.top), Pt(box.width), Pt(box.height))
    shape.name = name
    prepare_frame(shape.text_frame, inset_x, inset_y)
    return shape


def draw_text_item(
    shapes: SlideShapes, item: TextItem, box: Box, brand: str, colours: TextColours
) -> None:
    """Prose and bullets, a callout in its tinted shape, or a small note."""
    if item.role == "callout":
        shape = shapes.add_shape(
            MSO_SHAPE.RECTANGLE, Pt(box.left), Pt(box.top), Pt(box.width), Pt(box.height)
        )
        shape.name = "Callout"
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(theme.CALLOUT_FILL)
        shape.line.color.rgb = rgb(brand)
        shape.line.width = Pt(1.5)
        unstyled(shape)
        prepare_frame(shape.text_frame, CALLOUT_PAD, CALLOUT_PAD)
    else:
        shape = place_text(shapes, box, item.role.capitalize())
    colour = {"callout": theme.accent_for(brand), "note": colours.muted}.get(
        item.role, colours.text
    )
    # -- links in the accent colour where it reads: in the callout's tint, or on the slide --
    link = theme.accent_for(brand) if item.role == "callout" else colours.link
    frame = shape.text_frame
    for index, para in enumerate(item.paras):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.LEFT
        last = index == len(item.paras) - 1
        paragraph.space_after = Pt(0 if last else para_gap(item.size))
        _bullet(paragraph, para.level, para.glyph, item.size)
        runs = lines_runs(list(para.lines))
        write_runs(paragraph, runs, item.size, colour, link=link)


def _bullet(paragraph: _Paragraph, level: int, glyph: bool, size: float) -> None:
    """A hanging bullet; the later part of a split bullet keeps the indent, not the glyph."""
    p_pr = paragraph_element(paragraph).get_or_add_pPr()
    indent = bullet_indent(level, size)
    p_pr.set("marL", str(int(Pt(indent))))
    p_pr.set("indent", str(int(Pt(-size * 1.1))) if level and glyph else "0")
    for tag in ("a:buNone", "a:buChar", "a:buFont"):
        for old in p_pr.findall(qn(tag)):
            p_pr.remove(old)
    if level and glyph:
        font = etree.SubElement(p_pr, qn("a:buFont"))
        font.set("typeface", theme.DECK_FONT)
        char = etree.SubElement(p_pr, qn("a:buChar"))
        char.set("char", BULLET_GLYPHS[level])
    else:
        etree.SubElement(p_pr, qn("a:buNone"))


def unstyled(shape: BaseShape) -> None:
    """No theme style on our own shapes: an empty effect list is not enough for
    LibreOffice, which still draws the theme's shadow from the style's effect reference.
    Fill, line and text colour are all set explicitly, so the style adds nothing else."""
    shape.shadow.inherit = False
    style = shape.element.find(qn("p:style"))
    if style is not None:
        shape.element.remove(style)


def mark_decorative(shape: BaseShape) -> None:
    """Tell screen readers to skip a shape that only decorates (Office's adec extension)."""
    c_nv_pr = shape.element.xpath("./*[1]/p:cNvPr")[0]
    ext_list = etree.SubElement(c_nv_pr, qn("a:extLst"))
    ext = etree.SubElement(ext_list, qn("a:ext"))
    ext.set("uri", _DECORATIVE_URI)
    decorative = etree.SubElement(ext, f"{{{_ADEC}}}decorative", nsmap={"adec": _ADEC})
    decorative.set("val", "1")


def add_band(shapes: SlideShapes, box: Box, colour: str, name: str) -> None:
    """A plain coloured rectangle (brand band or rule), marked decorative."""
    shape = shapes.add_shape(
        MSO_SHAPE.RECTANGLE, Pt(box.left), Pt(box.top), Pt(box.width), Pt(box.height)
    )
    shape.name = name
    shape.fill.solid()
    shape.fill.fore_color.rgb = rgb(colour)
    shape.line.fill.background()
    unstyled(shape)
    mark_decorative(shape)
