"""What lies beneath the deck's text, and the text colours that read on it.

An organisation's template may set a dark master background (with light text in its own
styles). The deck writes its own text with explicit colours, so it reads the template's
background (the layout's, else the master's; a solid fill, or every stop of a gradient),
resolves theme colours through the master's colour map and theme, and picks each text
colour by its contrast (generator/colour.py) against everything beneath it. Without a
template the background is white and the house colours are used unchanged.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.slide import SlideLayout, SlideMaster

from generator.colour import MIN_CONTRAST, contrast_ratio
from layouts import theme
from layouts.deck.internals import replace_blob

BLACK = "#000000"
LIGHT_LINK = "#9CC3FF"  # a light blue for links on dark backgrounds
_SCHEME = ("dk1", "lt1", "dk2", "lt2", *(f"accent{n}" for n in range(1, 7)), "hlink", "folHlink")
_DEFAULT_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
_COLOUR_TAGS = {qn(f"a:{t}") for t in ("srgbClr", "sysClr", "schemeClr", "scrgbClr", "prstClr")}


@dataclass(frozen=True)
class TextColours:
    """Text colours for one slide layout, each readable on everything in `beneath`."""

    beneath: tuple[str, ...]  # the slide background's colour(s)
    text: str  # body text
    muted: str  # notes, footer, slide number
    accent: str  # brand-coloured text: the theme label, our own titles
    title: str  # the title (a template's own title colour when it reads)
    link: str  # links in body text and notes: the accent colour where it reads

    @property
    def dark(self) -> bool:
        """The house text colour does not read here: charts get a white card."""
        return self.text != theme.TEXT


class _Theme:
    """A master's colour scheme and colour map, to resolve `a:schemeClr` and friends."""

    def __init__(self, master: SlideMaster, layout: SlideLayout | None = None) -> None:
        blob = master.part.part_related_by(RT.THEME).blob
        scheme = parse_xml(blob).find(f".//{qn('a:clrScheme')}")
        self.scheme: dict[str, str] = {}
        for name in _SCHEME:
            slot = scheme.find(qn(f"a:{name}")) if scheme is not None else None
            if slot is not None and len(slot):
                self.scheme[name] = _base(slot[0], {}) or BLACK
        mapping = master.element.find(qn("p:clrMap"))
        self.map = dict(mapping.attrib) if mapping is not None else dict(_DEFAULT_MAP)
        path = f"{qn('p:clrMapOvr')}/{qn('a:overrideClrMapping')}"
        override = layout.element.find(path) if layout is not None else None
        if override is not None:
            self.map = dict(override.attrib)

    def colour(self, element: etree._Element) -> str | None:
        """An `a:*Clr` element as #RRGGBB, its luminance modifiers applied."""
        base = _base(element, self.scheme, self.map)
        return _modified(base, element) if base else None


def _base(
    element: etree._Element, scheme: dict[str, str], mapping: dict[str, str] | None = None
) -> str | None:
    tag = etree.QName(element).localname
    if tag == "srgbClr":
        return "#" + str(element.get("val", "000000")).upper()
    if tag == "sysClr":
        return "#" + str(element.get("lastClr", "000000")).upper()
    if tag == "schemeClr":
        name = str(element.get("val", ""))
        name = (mapping or _DEFAULT_MAP).get(name, name)
        return scheme.get(name)
    if tag == "prstClr":
        return {"black": BLACK, "white": theme.WHITE}.get(str(element.get("val", "")))
    return None


def _modified(colour: str, element: etree._Element) -> str:
    """`lumMod`/`lumOff` (how PowerPoint writes "darker 25%") in HSL, as Office does."""
    mod = element.find(qn("a:lumMod"))
    off = element.find(qn("a:lumOff"))
    if mod is None and off is None:
        return colour
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, light, sat = colorsys.rgb_to_hls(red, green, blue)
    light = light * (int(mod.get("val", "100000")) / 100000 if mod is not None else 1)
    light = min(1.0, light + (int(off.get("val", "0")) / 100000 if off is not None else 0))
    return "#{:02X}{:02X}{:02X}".format(
        *(round(c * 255) for c in colorsys.hls_to_rgb(hue, light, sat))
    )


def background(layout: SlideLayout) -> tuple[str, ...]:
    """The colour(s) of a slide on `layout`: its own background, else the master's."""
    palette = _Theme(layout.slide_master, layout)
    for owner in (layout.element, layout.slide_master.element):
        bg = owner.find(f"{qn('p:cSld')}/{qn('p:bg')}")
        if bg is not None:
            return _fill_colours(bg, palette)
    return (palette.scheme.get(palette.map.get("bg1", "lt1"), theme.WHITE),)


def _fill_colours(bg: etree._Element, palette: _Theme) -> tuple[str, ...]:
    """A solid fill's colour, a gradient's stops; a picture is judged by the scheme's
    background colour (what PowerPoint shows until it loads, and the designer's intent)."""
    colours = [
        palette.colour(element)
        for element in bg.iter()
        if element.tag in _COLOUR_TAGS and element.getparent().tag != qn("a:clrChange")
    ]
    found = tuple(c for c in colours if c)
    return found or (palette.scheme.get(palette.map.get("bg1", "lt1"), theme.WHITE),)


def _titles(layout: SlideLayout) -> list[etree._Element]:
    """The title placeholders a slide's title inherits from: the layout's, the master's."""
    owners: list[Any] = [layout.placeholders, layout.slide_master.placeholders]
    return [
        shape.element
        for placeholders in owners
        for shape in placeholders
        if shape.placeholder_format.type in (1, 3)  # TITLE, CENTER_TITLE
    ]


def _title_fill(layout: SlideLayout, palette: _Theme) -> tuple[str, ...] | None:
    """The fill the template gives its title placeholder (a title bar), if any: the
    deck's title is drawn on it wherever the title box is moved."""
    for element in _titles(layout):
        props = element.find(qn("p:spPr"))
        if props is None or props.find(qn("a:noFill")) is not None:
            continue
        for tag in ("a:solidFill", "a:gradFill"):
            fill = props.find(qn(tag))
            if fill is not None:
                found = (palette.colour(e) for e in fill.iter() if e.tag in _COLOUR_TAGS)
                return tuple(c for c in found if c) or None
    return None


def _title_colour(layout: SlideLayout, palette: _Theme) -> str | None:
    """The template's own title colour: the layout's title, the master's, its title style."""
    path = f".//{qn('a:lvl1pPr')}/{qn('a:defRPr')}/{qn('a:solidFill')}"
    candidates = _titles(layout)
    style = layout.slide_master.element.find(f".//{qn('p:titleStyle')}")
    candidates += [style] if style is not None else []
    for element in candidates:
        fill = element.find(path)
        if fill is not None and len(fill):
            return palette.colour(fill[0])
    return None


def _readable(candidates: list[str | None], beneath: tuple[str, ...]) -> str:
    """The first candidate that reaches 4.5:1 on everything beneath, else the best one."""
    present = [c for c in candidates if c]
    for colour in present:
        if min(contrast_ratio(colour, b) for b in beneath) >= MIN_CONTRAST:
            return colour
    return max(present, key=lambda c: min(contrast_ratio(c, b) for b in beneath))


def text_colours(layout: SlideLayout | None, brand: str, branded: bool) -> TextColours:
    """The colours for text on slides of `layout` (None: the house white background)."""
    beneath: tuple[str, ...] = (theme.WHITE,)
    under_title, template_title, ink = beneath, None, None
    if layout is not None and branded:
        palette = _Theme(layout.slide_master, layout)
        beneath = background(layout)
        under_title = _title_fill(layout, palette) or beneath
        template_title = _title_colour(layout, palette)
        ink = palette.scheme.get(palette.map.get("tx1", "dk1"))
    text = _readable([theme.TEXT, ink, theme.WHITE, BLACK], beneath)
    return TextColours(
        beneath=beneath,
        text=text,
        muted=_readable([theme.MUTED_TEXT, text], beneath),
        accent=_readable([brand, text], beneath),
        title=_readable([template_title or brand, text, theme.WHITE, BLACK], under_title),
        link=_readable([theme.accent_for(brand), LIGHT_LINK, text], beneath),
    )


def readable_links(master: SlideMaster, beneath: tuple[str, ...], text: str) -> None:
    """PowerPoint and LibreOffice draw links in the theme's hyperlink colour, whatever
    the run says: where that colour does not read on the template's background, the
    deck's copy of the theme gets one that does (a light blue, else the text colour)."""
    part = master.part.part_related_by(RT.THEME)
    root = parse_xml(part.blob)
    scheme = root.find(f".//{qn('a:clrScheme')}")
    if scheme is None:
        return
    palette = _Theme(master)
    for name in ("hlink", "folHlink"):
        slot = scheme.find(qn(f"a:{name}"))
        current = palette.scheme.get(name)
        chosen = _readable([current, LIGHT_LINK, text], beneath)
        if slot is None or chosen == current:
            continue
        slot.clear()
        colour = etree.SubElement(slot, qn("a:srgbClr"))
        colour.set("val", chosen.lstrip("#"))
    replace_blob(
        part, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    )
