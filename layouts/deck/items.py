"""What the deck's layout engine places, measured: text items, tables and flexible blocks.

`measure_blocks` turns a chunk of a section's blocks into items at one `Scale` of text
sizes: prose wrapped into lines, tables with their row heights (layouts.deck.tables),
and charts and pictures whose height adapts to the room left. `deck_flow` places them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal, assert_never

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
    Report,
    Run,
    Runs,
    SpeakerNotes,
    Summary,
    Table,
    Trend,
)
from generator.words import Words
from layouts import theme
from layouts.deck.geometry import Geometry, image_aspect
from layouts.deck.glance import TallyItem, summary_table, tally_item
from layouts.deck.measure import Line, line_height, wrap_runs
from layouts.deck.tables import (
    TableItem,
    check_fits,
    measure_table,
    measures_cells,
    table_cells,
)
from layouts.fit import FitError, deck_edition, measures_texts, part_columns, plan_table
from layouts.view import assessment_key, footnote_lines

Role = Literal["body", "callout", "note", "caption"]
CALLOUT_PAD = 14.0  # points inside the tinted callout shape


@dataclass(frozen=True)
class Scale:
    """Text sizes for one slide's content; dense sections step down, never below 12."""

    body: float
    table: float
    callout: float
    note: float = theme.DECK.minimum


SCALES = (
    Scale(theme.DECK.body, theme.DECK.table, 24),
    Scale(16, 13, 22),
    Scale(14, theme.DECK.minimum, 20),
)


@dataclass(frozen=True)
class TextPara:
    lines: tuple[Line, ...]
    level: int  # 0 for a paragraph, 1-3 for a bullet
    glyph: bool  # False for the later part of a bullet split across slides


@dataclass(frozen=True)
class TextItem:
    paras: tuple[TextPara, ...]
    size: float
    role: Role

    @property
    def pad(self) -> float:
        return CALLOUT_PAD if self.role == "callout" else TEXT_INSET

    @property
    def height(self) -> float:
        lines = sum(len(p.lines) for p in self.paras)
        return (
            lines * line_height(self.size)
            + para_gap(self.size) * (len(self.paras) - 1)
            + 2 * self.pad
        )

    @property
    def min_height(self) -> float:
        return min(2, len(self.paras[0].lines)) * line_height(self.size) + 2 * self.pad

    def split(self, available: float, minimum: int = 2) -> tuple[TextItem | None, TextItem]:
        """The lines that fit in `available` points, preferring a paragraph boundary."""
        pitch, inner, used = line_height(self.size), available - 2 * self.pad, 0.0
        for index, para in enumerate(self.paras):
            gap = para_gap(self.size) if index else 0.0
            need = len(para.lines) * pitch + gap
            if used + need <= inner:
                used += need
                continue
            fit = int((inner - used - gap) // pitch)
            # -- a lone line at the foot of a slide reads badly: cut only with 2+ lines --
            if fit >= minimum and (index == 0 or fit >= 3):
                return self._cut(index, fit)
            if index == 0:
                return None, self
            return replace(self, paras=self.paras[:index]), replace(self, paras=self.paras[index:])
        return self, replace(self, paras=())

    def _cut(self, index: int, lines: int) -> tuple[TextItem, TextItem]:
        para = self.paras[index]
        head = replace(para, lines=para.lines[:lines])
        tail = replace(para, lines=para.lines[lines:], glyph=False)
        return (
            replace(self, paras=(*self.paras[:index], head)),
            replace(self, paras=(tail, *self.paras[index + 1 :])),
        )


TEXT_INSET = 3.6  # points above and below text inside a text box


def para_gap(size: float) -> float:
    return size * 0.45


def bullet_indent(level: int, size: float) -> float:
    """Left margin of a bullet's text; the glyph hangs in it."""
    return 0.0 if level == 0 else size * (1.1 + 1.4 * (level - 1))


@dataclass(frozen=True)
class FlexItem:
    """A chart or picture: its height adapts to the room left (down to `min_height`)."""

    block: Chart | Image | Trend
    aspect: float | None  # width / height for pictures; None lets a chart fill the width
    min_height: float = 200.0


Item = TextItem | TableItem | FlexItem | TallyItem


# -- Building items --------------------------------------------------------------------


def _text(paras: list[tuple[Runs, int]], size: float, width: float, role: Role) -> TextItem:
    built = []
    for runs, level in paras:
        indent = bullet_indent(level, size)
        lines = tuple(wrap_runs(runs, size, width - indent))
        built.append(TextPara(lines, level, level > 0))
    return TextItem(tuple(built), size, role)


def measure_blocks(
    blocks: list[Block],
    scale: Scale,
    g: Geometry,
    report: Report,
    key: MeasuresTable | None,
    words: Words | None = None,
) -> list[Item]:
    """The chunk's blocks as measured items; consecutive prose shares one text box."""
    items: list[Item] = []
    prose: list[tuple[tuple[Run, ...], int]] = []
    width = g.content.width

    def flush() -> None:
        if prose:
            items.append(_text(list(prose), scale.body, width, "body"))
            prose.clear()

    for block in blocks:
        if isinstance(block, Paragraph | Bullet):
            prose.append((block.runs, block.level if isinstance(block, Bullet) else 0))
            continue
        flush()
        items.extend(_block_items(block, scale, g, report, key, words or Words()))
    flush()
    return items


def _block_items(
    block: Block,
    scale: Scale,
    g: Geometry,
    report: Report,
    key: MeasuresTable | None,
    words: Words,
) -> Iterator[Item]:
    """The block's measured items. `assert_never` makes mypy name a block type left out."""
    width = g.content.width
    match block:
        case Callout():
            yield _text([(block.runs, 0)], scale.callout, width - 2 * CALLOUT_PAD, "callout")
        case Note():
            yield _text([(block.runs, 0)], scale.note, width, "note")
        case Chart() | Trend():
            yield FlexItem(block, None)
        case Image():
            yield FlexItem(block, image_aspect(block.path), min_height=160.0)
        case MeasuresTable() | Table():
            yield from _table_items(block, scale, g, report, key, words)
        case Summary():
            yield from _summary_items(block, scale, g, report, words)
        case Paragraph() | Bullet() | Break() | SpeakerNotes():
            # -- prose shares one text box (measure_blocks); breaks and notes never reach
            # a slide's blocks (flow._chunks) --
            raise AssertionError(f"{type(block).__name__} is placed by the flow")
        case _:
            assert_never(block)


def _summary_items(
    block: Summary, scale: Scale, g: Geometry, report: Report, words: Words
) -> Iterator[Item]:
    """The tally tiles, every measure by section, and the key to the words."""
    width = g.content.width
    yield tally_item(block, width, words)
    if block.groups:
        brand = theme.colours_for(report).brand
        yield summary_table(block, width, g.content.height, brand, words)
    label, sentence = assessment_key(words, block.rule)
    key = (Run(f"{label}: ", bold=True), Run(sentence))
    yield _text([(key, 0)], scale.note, width, "note")


def _table_items(
    block: MeasuresTable | Table,
    scale: Scale,
    g: Geometry,
    report: Report,
    key: MeasuresTable | None,
    words: Words,
) -> Iterator[Item]:
    width = g.content.width
    if block.caption:
        yield _text([((Run(block.caption, bold=True),), 0)], scale.body, width, "caption")
    if isinstance(block, MeasuresTable):
        yield from _measures_parts(block, scale, g, report, words)
    else:
        header, rows = table_cells(block)
        table = measure_table(header, rows, scale.table, width, f"Table {block.sheet}")
        check_fits(table, g.content.height, block.source)
        yield table
    if isinstance(block, MeasuresTable):
        notes: list[tuple[Runs, int]] = [((Run(line),), 0) for line in footnote_lines(block)]
        if block is key:
            label, sentence = assessment_key(words, report.assessment)
            notes.append(((Run(f"{label}: ", bold=True), Run(sentence)), 0))
        if notes:
            yield _text(notes, scale.note, width, "note")


def _measures_parts(
    block: MeasuresTable, scale: Scale, g: Geometry, report: Report, words: Words
) -> Iterator[Item]:
    """The measures table at the largest size (down to the minimum) at which every figure
    and heading word is whole; too many periods split over two tables, labels repeated."""
    width = g.content.width
    texts = measures_texts(block, report, words)
    plan = plan_table(texts, deck_edition(width, scale.table))
    if plan is None:  # render_pptx refuses such a document before laying anything out
        raise FitError("the periods do not fit a slide", block.periods_source or block.source)
    header, rows = measures_cells(block, report, words)
    caption = words.fill("continued", title=block.caption or block.name)
    for number, group in enumerate(plan.groups):
        columns = part_columns(texts, group, last=number == len(plan.groups) - 1)
        if number:
            yield _text([((Run(caption, bold=True),), 0)], scale.body, width, "caption")
        table = measure_table(
            tuple(header[i] for i in columns),
            [tuple(row[i] for i in columns) for row in rows],
            plan.size,
            width,
            f"Measures table {block.name}" + (f" (part {number + 1})" if number else ""),
        )
        check_fits(table, g.content.height, block.source)
        yield table
