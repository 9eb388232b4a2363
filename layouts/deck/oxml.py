"""Deck XML written as text: the runs and table cells python-pptx would build, faster.

Setting a run's text, size, font, weight and colour through python-pptx takes a dozen
property calls, each searching the run's XML; a 200-section deck has tens of thousands
of runs and cells. Here they are written as strings, byte for byte what those calls
produce, and parsed in one go. Anything rarer (links) still goes through python-pptx.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from pptx.dml.color import RGBColor
from pptx.oxml import parse_xml
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.util import Pt

from generator.colour import channels
from layouts import theme

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_T = f"{{{A_NS}}}t"
# -- python-pptx writes control characters (other than tab and line feed) as "_xHHHH_";
#    a carriage return must survive the parser's line-end normalisation as a reference --
_CONTROL = re.compile(r"[\x00-\x08\x0B-\x1F]")
_ENTITIES = {"\r": "&#13;"}


def rgb(colour: str) -> RGBColor:
    return RGBColor(*channels(colour))  # type: ignore[no-untyped-call]


def run_xml(text: str, size: float, colour: str, bold: bool) -> str:
    """One <a:r> as python-pptx's run.text, font.size/name/bold and color.rgb write it;
    a line break in the text becomes an <a:br> between runs, as PowerPoint writes it."""
    if "\n" in text:
        brk = f'<a:br><a:rPr sz="{Pt(size).centipoints}" b="{1 if bold else 0}"/></a:br>'
        return brk.join(run_xml(part, size, colour, bold) for part in text.split("\n"))
    escaped = escape(_CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text), _ENTITIES)
    return (
        f'<a:r><a:rPr sz="{Pt(size).centipoints}" b="{1 if bold else 0}">'
        f'<a:solidFill><a:srgbClr val="{rgb(colour)}"/></a:solidFill>'
        f'<a:latin typeface="{theme.DECK_FONT}"/></a:rPr><a:t>{escaped}</a:t></a:r>'
    )


def parse_children(tag: str, xml: str) -> list[BaseOxmlElement]:
    """The elements of `xml` (a sequence of a: elements), parsed once inside <a:`tag`>."""
    parent = parse_xml(f'<a:{tag} xmlns:a="{A_NS}">{xml}</a:{tag}>')
    for t in parent.iter(_T):
        if t.text is None:
            # -- python-pptx leaves an empty text node, which serialises as <a:t></a:t>
            #    where a parsed <a:t/> would not: keep the bytes it always wrote --
            t.text = ""
    return list(parent)
