"""One renderer per block type, picked from a dict: a block in, reportlab flowables out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import assert_never

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, PageBreak, Spacer
from reportlab.platypus import Image as RLImage
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from generator.errors import RenderError
from generator.model import (
    Block,
    Break,
    Bullet,
    Callout,
    Chart,
    Image,
    MeasuresTable,
    Note,
    Paragraph,
    Section,
    SpeakerNotes,
    Summary,
    Table,
    Trend,
)
from layouts import theme
from layouts.fonts import FACES
from layouts.pdf.glance import summary_block
from layouts.pdf.internals import OUTLINE, SECTION, SOURCE, attach
from layouts.pdf.tables import (
    TableContext,
    fit_row,
    generic_table,
    measures_table,
    needs_landscape,
)
from layouts.pdf.tagging import Element, link_words, tag
from layouts.pdf.tagtables import BoxTags
from layouts.pdf.text import runs_markup, text_markup
from layouts.pdf.trend import trend_flowables
from layouts.view import BULLET_GLYPHS, chart_data_table, printed_blocks

CALLOUT_RULE = 4.0  # points: the brand-colour rule down the callout's left edge
CALLOUT_PAD = 12.0
CHART_ASPECT = 0.5  # height ÷ width of column and line charts
BAR_SLOT = 20.0  # points of height per bar in a horizontal bar chart


@dataclass(frozen=True)
class Outline:
    """A bookmark the document template turns into an outline and contents entry."""

    level: int
    title: str
    key: str


def mark(flowable: Flowable, entry: Outline) -> Flowable:
    """Tag a heading so the template bookmarks it when it is placed on a page."""
    attach(flowable, OUTLINE, entry)
    return flowable


class _Anchor(Flowable):  # type: ignore[misc]
    """A zero-size mark placed just before a section title. A title too long for one
    page (a pasted paragraph) is split by reportlab into new flowables that lose a mark
    set on the title itself, leaving the contents page linking to nowhere."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        """Nothing to draw: the template bookmarks the page where it lands."""


AFTER_LIST = 6.0  # points: bullets sit close together, so the block after a list needs air


def section_story(
    section: Section, index: int, theme_key: str | None, ctx: TableContext
) -> list[Flowable]:
    """A new page, the theme band, the title, then the blocks in order.

    A section holding a table that fits whole only across a landscape page is printed
    on landscape pages, all of it, so no page is left near empty by the turn.
    """
    wide = any(needs_landscape(block, ctx) for block in section.blocks)
    story: list[Flowable] = [NextPageTemplate("wide" if wide else "body"), PageBreak()]
    portrait = ctx.width, ctx.height
    if wide:
        ctx.width, ctx.height = ctx.wide_width, ctx.wide_height
    try:
        story += _section_body(section, index, theme_key, ctx)
    finally:
        ctx.width, ctx.height = portrait
    return story


def _section_body(
    section: Section, index: int, theme_key: str | None, ctx: TableContext
) -> list[Flowable]:
    """Tagged as a `Sect` in `ctx.parent` (its theme's `Sect`, or the document): the band
    is the theme's `H1` where it first appears (an artifact where it repeats), the
    title the section's heading at its outline level."""
    styles = ctx.styles
    container = ctx.parent
    story: list[Flowable] = []
    if section.theme:
        band = _theme_band(section.theme, ctx, container.add("H1") if theme_key else None)
        if theme_key:
            band = mark(band, Outline(0, section.theme, theme_key))
        story += [band, Spacer(1, 14)]
    ctx.parent = container.add("Sect")
    level = 1 if section.theme else 0
    # -- the bookmark and the continuation title ride on a zero-size anchor: a title split
    #    over pages (a pasted paragraph) would lose them --
    anchor = _Anchor()
    attach(anchor, SECTION, section.title)  # -- its continuation pages repeat it --
    story.append(mark(anchor, Outline(level, section.title, f"s{index}")))
    title = RLParagraph(text_markup(section.title), styles.section_title)
    tag(title, ctx.parent.add(f"H{level + 1}"))
    story.append(title)
    previous: Block | None = None
    for block in printed_blocks(section):
        if not isinstance(block, Bullet):
            ctx.lists.clear()
            if isinstance(previous, Bullet):
                story.append(Spacer(1, AFTER_LIST))  # -- a list ends with a paragraph's gap --
        flowables = render_block(block, ctx)
        for flowable in flowables:
            attach(flowable, SOURCE, block.source)  # -- for a layout error's message --
        story += flowables
        previous = block
    ctx.lists.clear()
    ctx.parent = container
    return story


def _theme_band(text: str, ctx: TableContext, heading: Element | None) -> Flowable:
    band = RLTable(
        [[RLParagraph(text_markup(text), ctx.styles.theme_band)]],
        colWidths=[ctx.width],
        hAlign="LEFT",
        style=[
            ("BACKGROUND", (0, 0), (-1, -1), ctx.styles.brand),
            ("FONTNAME", (0, 0), (-1, -1), FACES["regular"]),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ],
        renderCB=BoxTags(heading),
    )
    band.keepWithNext = 1
    return band


def _paragraph(block: Paragraph, ctx: TableContext) -> list[Flowable]:
    flowable = RLParagraph(runs_markup(block.runs, ctx.styles.link_colour), ctx.styles.body)
    return [tag(flowable, ctx.parent.add("P", links=link_words(block.runs)))]


def _bullet(block: Bullet, ctx: TableContext) -> list[Flowable]:
    level = min(3, max(1, block.level))
    markup = runs_markup(block.runs, ctx.styles.link_colour)
    flowable = RLParagraph(markup, ctx.styles.bullets[level], bulletText=BULLET_GLYPHS[level])
    return [tag(flowable, _list_body(level, ctx, link_words(block.runs)))]


def _list_body(level: int, ctx: TableContext, links: dict[str, str] | None) -> Element:
    """A new `LI` > `LBody` > `P` at `level`, the `P` returned: in the open list of that
    level, or in a new `L` (after the text of the enclosing list's last item, or in the
    section). The text is a `P` so that a nested list, added to the `LBody` before
    anything is drawn, still reads after it."""
    lists = ctx.lists
    while lists and lists[-1][0] > level:
        lists.pop()
    if not lists or lists[-1][0] < level:
        parent = lists[-1][2] if lists else ctx.parent
        lists.append((level, parent.add("L"), parent))
    _, element, _ = lists[-1]
    body = element.add("LI").add("LBody")
    lists[-1] = (level, element, body)
    return body.add("P", links=links)


def _note(block: Note, ctx: TableContext) -> list[Flowable]:
    flowable = RLParagraph(runs_markup(block.runs, ctx.styles.link_colour), ctx.styles.note)
    return [tag(flowable, ctx.parent.add("P", links=link_words(block.runs)))]


def _callout(block: Callout, ctx: TableContext) -> list[Flowable]:
    """A tinted box with a brand rule: the section's key statement, large."""
    styles = ctx.styles
    cell = RLParagraph(runs_markup(block.runs, styles.link_colour), styles.callout)
    rows = fit_row([cell], [ctx.width], ctx.height / 3)
    box = RLTable(
        rows,
        colWidths=[ctx.width],
        hAlign="LEFT",
        style=[
            ("BACKGROUND", (0, 0), (-1, -1), theme.CALLOUT_FILL),
            ("FONTNAME", (0, 0), (-1, -1), FACES["regular"]),
            ("LINEBEFORE", (0, 0), (0, -1), CALLOUT_RULE, styles.brand),
            ("LEFTPADDING", (0, 0), (-1, -1), CALLOUT_PAD + CALLOUT_RULE / 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), CALLOUT_PAD),
            ("TOPPADDING", (0, 0), (-1, -1), CALLOUT_PAD),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CALLOUT_PAD + 2),
        ],
        renderCB=BoxTags(ctx.parent.add("P", links=link_words(block.runs))),
    )
    return [Spacer(1, 6), box, Spacer(1, 14)]


def _chart(block: Chart, ctx: TableContext) -> list[Flowable]:
    """The title as text (it wraps), then the chart as a vector drawing."""
    # -- imported here: a document without charts never loads matplotlib or svglib --
    from layouts.pdf.chart_drawing import chart_drawing

    width = ctx.width
    if block.kind == "bar":
        bars = len(block.categories) * max(1, len(block.series))
        height = min(max(BAR_SLOT * bars + 70, 160), ctx.height * 0.7)
    else:
        height = min(width * CHART_ASPECT, ctx.height * 0.6)
    drawing = chart_drawing(block, width, height, ctx.words["empty chart"])
    drawing.hAlign = "LEFT"
    title = tag(RLParagraph(text_markup(block.title), ctx.styles.caption), ctx.parent.add("P"))
    # -- the deck's alt text describes the chart; its figures follow as a table --
    tag(drawing, ctx.parent.add("Figure", alt=block.alt_text))
    # -- the chart and the table of its figures are read together: one page --
    data = generic_table(chart_data_table(block), ctx, keep=False, row_headers=True)
    return [KeepTogether([title, drawing, Spacer(1, 6), *data[:-1]]), data[-1]]


def _image(block: Image, ctx: TableContext) -> list[Flowable]:
    try:
        pixels_wide, pixels_high = ImageReader(str(block.path)).getSize()
    except Exception:  # PIL and reportlab raise many types for a bad file
        raise RenderError(
            f"cannot read the image {block.path.name}; expected a PNG or JPEG file", block.source
        ) from None
    scale = min(ctx.width / pixels_wide, ctx.height * 0.6 / pixels_high, 1.0)
    image = RLImage(str(block.path), pixels_wide * scale, pixels_high * scale)
    image.hAlign = "LEFT"
    return [tag(image, ctx.parent.add("Figure", alt=block.alt_text)), Spacer(1, 10)]


def _nothing(block: SpeakerNotes, ctx: TableContext) -> list[Flowable]:
    return []  # speaker notes are for the deck only


def _break(block: Break, ctx: TableContext) -> list[Flowable]:
    return [PageBreak()]


def render_block(block: Block, ctx: TableContext) -> list[Flowable]:
    """The block's flowables. `assert_never` makes mypy name a block type left out."""
    match block:
        case Paragraph():
            return _paragraph(block, ctx)
        case Bullet():
            return _bullet(block, ctx)
        case MeasuresTable():
            return measures_table(block, ctx)
        case Table():
            return generic_table(block, ctx)
        case Chart():
            return _chart(block, ctx)
        case Trend():
            return trend_flowables(block, ctx)
        case Callout():
            return _callout(block, ctx)
        case Note():
            return _note(block, ctx)
        case Image():
            return _image(block, ctx)
        case SpeakerNotes():
            return _nothing(block, ctx)
        case Break():
            return _break(block, ctx)
        case Summary():
            return summary_block(block, ctx)
        case _:
            assert_never(block)
