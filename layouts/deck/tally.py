"""Drawing the at-a-glance tally on a slide: four tinted tiles, a number and a word each.

Each tile is one shape holding its text, so a screen reader reads "15 Better" in order;
the colour repeats what the word says and is never the only signal.
"""

from __future__ import annotations

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.shapes.shapetree import SlideShapes
from pptx.util import Pt

from generator.model import Run
from layouts import theme
from layouts.deck.geometry import Box
from layouts.deck.glance import (
    TILE_GAP,
    TILE_LABEL,
    TILE_NUMBER,
    TILE_PAD,
    TallyItem,
    tile_width,
)
from layouts.deck.oxml import rgb
from layouts.deck.text import prepare_frame, unstyled, write_runs


def draw_tally(shapes: SlideShapes, item: TallyItem, box: Box) -> None:
    width = tile_width(len(item.tiles), box.width)
    for index, tile in enumerate(item.tiles):
        left = box.left + index * (width + TILE_GAP)
        shape = shapes.add_shape(
            MSO_SHAPE.RECTANGLE, Pt(left), Pt(box.top), Pt(width), Pt(box.height)
        )
        shape.name = f"Tally: {tile.count} {tile.label}"
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(theme.CALLOUT_FILL)
        shape.line.fill.background()
        unstyled(shape)
        frame = shape.text_frame
        prepare_frame(frame, TILE_PAD, TILE_PAD)
        number, label = frame.paragraphs[0], frame.add_paragraph()
        lines = ((number, str(tile.count), TILE_NUMBER), (label, tile.label, TILE_LABEL))
        for paragraph, text, size in lines:
            paragraph.alignment = PP_ALIGN.LEFT
            paragraph.space_after = Pt(0)
            write_runs(paragraph, (Run(text),), size, tile.colour, bold=True)
