"""The deck's layout engine: places each section's blocks top to bottom into slides.

`plan_slides(document, geometry)` is pure (no python-pptx): it returns every slide's
title, notes and the box of each item, so the placement can be tested on its own. A
block that does not fit continues on a new slide: text splits between lines, tables
between rows with the header repeated, and the slide title says "(continued)".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.errors import RenderError
from generator.model import (
    Block,
    Break,
    Document,
    MeasuresTable,
    Report,
    Run,
    Section,
    SpeakerNotes,
    plain_text,
)
from generator.words import Words
from layouts.deck.geometry import Box, Geometry
from layouts.deck.glance import TallyItem
from layouts.deck.items import (
    SCALES,
    FlexItem,
    Item,
    TextItem,
    measure_blocks,
)
from layouts.deck.measure import Line
from layouts.deck.tables import TableItem
from layouts.view import key_table, printed_blocks


@dataclass(frozen=True)
class Placed:
    item: Item
    box: Box


@dataclass(frozen=True)
class SlidePlan:
    """One content slide: its title (unique in the deck), theme label, items and notes."""

    title: str
    theme: str
    section: Section
    title_box: Box
    theme_box: Box
    title_size: float
    items: tuple[Placed, ...]
    notes: str
    part: int = 1
    parts: int = 1
    extra: dict[str, str] = field(default_factory=dict, compare=False)


# -- Flowing items into slides -----------------------------------------------------------


def _flow(items: list[Item], top: float, g: Geometry) -> list[list[Placed]]:
    slides: list[list[Placed]] = [[]]
    y, bottom, gap = top, g.content.bottom, g.gap
    queue = list(items)

    def put(piece: TextItem | TableItem | TallyItem) -> None:
        nonlocal y
        slides[-1].append(Placed(piece, Box(g.content.left, y, g.content.width, piece.height)))
        y += piece.height + gap

    while queue:
        item = queue.pop(0)
        if isinstance(item, TextItem | TableItem) and item.height <= 2 * gap and not _filled(item):
            continue
        room = bottom - y
        if isinstance(item, FlexItem):
            reserve = sum(i.height + gap for i in _trailing_notes(queue))
            if room - reserve < item.min_height and slides[-1]:
                slides.append([])
                y, room = top, bottom - top
            box = _flex_box(item, g, y, max(room - reserve, item.min_height))
            slides[-1].append(Placed(item, box))
            y = box.bottom + gap
            continue
        keep = _keep_with_next(item, queue)
        # -- a table's footnotes and key stay with (at least) its last rows --
        notes = (
            sum(i.height + gap for i in _trailing_notes(queue))
            if isinstance(item, TableItem)
            else 0.0
        )
        need = item.height + (gap + keep if keep is not None else notes)
        fits = item.height <= room
        if fits and (need <= room or (keep is not None and not slides[-1])):
            put(item)
            continue
        available = room if not fits else room - notes
        head: TextItem | TableItem | None
        tail: TextItem | TableItem | TallyItem
        if keep is not None:
            head, tail = None, item
        elif isinstance(item, TableItem):
            head, tail = item.split(available, fresh=bottom - top - notes)
        else:
            head, tail = item.split(available)
        if head is None and _ends_with_caption(slides[-1]):
            # -- the caption's table starts on the next slide: so does the caption --
            if len(slides[-1]) > 1:
                queue[:0] = [slides[-1].pop().item, tail]
                slides.append([])
                y = top
                continue
            if fits:  # -- alone under its caption, it stays, even if its notes move on --
                put(item)
                continue
            head, tail = _force_split(item, room)
        elif head is None and not slides[-1] and not fits:
            head, tail = _force_split(item, room)
        elif head is None and not slides[-1]:
            put(item)
            continue
        if head is not None:
            put(head)
        slides.append([])
        y = top
        queue.insert(0, tail)
    return [slide for slide in slides if slide] or [[]]


def _force_split(
    item: TextItem | TableItem | TallyItem, room: float
) -> tuple[TextItem | TableItem, TextItem | TableItem | TallyItem]:
    """On an empty slide any split that fits is better than none."""
    head, tail = item.split(room, minimum=1)
    if head is None:
        raise RenderError("this block is too tall to fit on a slide at any text size")
    return head, tail


def _ends_with_caption(placed: list[Placed]) -> bool:
    return (
        bool(placed) and isinstance(placed[-1].item, TextItem) and placed[-1].item.role == "caption"
    )


def _filled(item: TextItem | TableItem) -> bool:
    return bool(item.paras if isinstance(item, TextItem) else item.rows)


def _keep_with_next(item: Item, queue: list[Item]) -> float | None:
    """A caption stays with the first rows of its table."""
    if isinstance(item, TextItem) and item.role == "caption" and queue:
        following = queue[0]
        return following.min_height
    return None


def _trailing_notes(queue: list[Item]) -> list[TextItem]:
    notes: list[TextItem] = []
    for item in queue:
        if not (isinstance(item, TextItem) and item.role == "note"):
            break
        notes.append(item)
    return notes


def _flex_box(item: FlexItem, g: Geometry, y: float, height: float) -> Box:
    width = g.content.width
    height = min(height, g.content.bottom - y)
    if item.aspect is None:
        return Box(g.content.left, y, width, height)
    if width / item.aspect > height:
        width = height * item.aspect
    else:
        height = width / item.aspect
    return Box(g.content.left + (g.content.width - width) / 2, y, width, height)


# -- Sections to slides ----------------------------------------------------------------


def _chunks(section: Section) -> list[list[Block]]:
    """The printed blocks, a slide's worth between breaks (view.printed_blocks)."""
    chunks: list[list[Block]] = [[]]
    for block in printed_blocks(section):
        if isinstance(block, Break):
            chunks.append([])
        else:
            chunks[-1].append(block)
    return chunks


def _layout_chunk(
    blocks: list[Block],
    top: float,
    g: Geometry,
    report: Report,
    key: MeasuresTable | None,
    words: Words,
) -> list[list[Placed]]:
    """The largest scale at which the chunk fits one slide, else a middle one, continued."""
    for scale in SCALES:
        pages = _flow(measure_blocks(blocks, scale, g, report, key, words), top, g)
        if len(pages) == 1:
            return pages
    return _flow(measure_blocks(blocks, SCALES[1], g, report, key, words), top, g)


def plan_slides(document: Document, geometry: Geometry) -> list[SlidePlan]:
    """Every content slide of the deck, with boxes in points from the slide's top left."""
    g, report, words = geometry, document.report, document.words
    key = key_table(document)
    plans: list[SlidePlan] = []
    seen: set[str] = set()
    for section in document.sections:
        theme_box = g.theme_label_box(section.theme.upper())
        title_size, title_box = g.title_box(_longest_title(section.title, words), theme_box.bottom)
        top = title_box.bottom + g.gap * 1.5
        if top > g.content.bottom - g.content.height / 2:
            raise RenderError(
                f"the section title is too long for a slide ({len(section.title)} "
                "characters); shorten it"
            ).at(section.source)
        try:
            pages = [
                page
                for chunk in _chunks(section)
                for page in _layout_chunk(chunk, top, g, report, key, words)
            ]
        except RenderError as error:
            raise error.at(section.source) from None
        base = _unique(section.title, seen)
        for index, page in enumerate(pages, start=1):
            title = _numbered(base, index, len(pages), words)
            seen.add(title)
            notes = _notes(section, page, index, words)
            plans.append(
                SlidePlan(
                    title,
                    section.theme,
                    section,
                    title_box,
                    theme_box,
                    title_size,
                    tuple(page),
                    notes,
                    index,
                    len(pages),
                )
            )
    return plans


def _numbered(title: str, index: int, count: int, words: Words) -> str:
    if count == 1 or index == 1:
        return title
    if count == 2:
        return words.fill("continued", title=title)
    return words.fill("part n of N", title=title, part=index, total=count)


def _longest_title(title: str, words: Words) -> str:
    """The title with a numbered suffix, to size the title box for continued slides."""
    return words.fill("part n of N", title=title, part=10, total=10)


def _unique(title: str, seen: set[str]) -> str:
    candidate, number = title, 2
    while candidate in seen or any(s.startswith(candidate + " (") for s in seen):
        candidate, number = f"{title} ({number})", number + 1
    return candidate


def _notes(section: Section, page: list[Placed], index: int, words: Words) -> str:
    """The section's speaker notes, else the slide's own narrative, for the presenter."""
    written = [b.text for b in section.blocks if isinstance(b, SpeakerNotes)]
    prefix = "" if index == 1 else words.fill("continued notes", title=section.title) + "\n"
    if written:
        return (prefix + "\n".join(written)) if index == 1 else prefix.strip()
    narrative = [
        ("- " * min(p.level, 1)) + plain_text(tuple(r for line in p.lines for r in _runs(line)))
        for placed in page
        if isinstance(placed.item, TextItem) and placed.item.role in ("body", "callout")
        for p in placed.item.paras
    ]
    return (prefix + "\n".join(narrative)).strip() or section.title


def _runs(line: Line) -> tuple[Run, ...]:
    return tuple(Run(piece.text) for piece in line)
