"""The deck's at-a-glance slide(s): measured items for a `summary` block.

Four tally tiles (a number and its word, readable from the back of the room), then one
native table of every measure by section, continued on further slides by the layout
engine with its header repeated, then the key. Strings come from the model, so the
slide says what the tables say. Drawing the tiles is layouts.deck.tally's job.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import assessment_words as words
from generator.glance import change_text, tally_items, tally_sentence
from generator.model import MeasureRow, Summary
from layouts import theme
from layouts.deck.measure import line_height, wrap_text
from layouts.deck.tables import Cell, TableItem, check_fits, column_widths, measure_table

TILE_NUMBER = 40.0  # points: the count is what the room reads first
TILE_LABEL = 18.0
TILE_PAD = 10.0
TILE_GAP = 12.0
SUMMARY_TABLE = 16.0  # the table's text: above the deck's usual 14, for the back row


@dataclass(frozen=True)
class Tile:
    label: str
    count: int
    colour: str


@dataclass(frozen=True)
class TallyItem:
    """The tally as a row of tiles; `text` says the same in one sentence (alt text)."""

    tiles: tuple[Tile, ...]
    text: str
    height: float

    @property
    def min_height(self) -> float:
        return self.height

    def split(self, available: float, minimum: int = 2) -> tuple[None, TallyItem]:
        return None, self  # -- tiles never split: they move whole to the next slide --


def tile_width(count: int, width: float) -> float:
    return (width - TILE_GAP * (count - 1)) / count


def tally_item(block: Summary, width: float) -> TallyItem:
    items = tally_items(block.tally, block.rule)
    tiles = tuple(
        Tile(label, count, theme.ASSESSMENT_COLOURS[assessment])
        for label, count, assessment in items
    )
    inner = tile_width(len(tiles), width) - 2 * TILE_PAD
    lines = max(len(wrap_text(tile.label, TILE_LABEL, inner, True)) for tile in tiles)
    height = line_height(TILE_NUMBER) + lines * line_height(TILE_LABEL) + 2 * TILE_PAD
    return TallyItem(tiles, tally_sentence(block.tally, block.rule), height)


def summary_table(block: Summary, width: float, available: float, brand: str) -> TableItem:
    """Measure | Latest | Change | Assessment; a row in the brand colour names each section."""
    header = (
        Cell(words.SUMMARY_MEASURE),
        Cell(words.SUMMARY_LATEST, "right"),
        Cell(words.SUMMARY_CHANGE, "right"),
        Cell(words.SUMMARY_ASSESSMENT),
    )
    rows: list[tuple[Cell, ...]] = []
    for group in block.groups:
        rows.append((Cell(group.title, colour=brand, bold=True), Cell(""), Cell(""), Cell("")))
        rows += [_cells(row) for row in group.rows]
    # -- the assessment sized like a figure, so "No significant change" stays on one line --
    unwrapped = (*header[:3], Cell(header[3].text, "right"))
    widths = column_widths(unwrapped, rows, SUMMARY_TABLE, width)
    name = f"{block.heading}: {words.SUMMARY_TABLE}"
    table = measure_table(header, rows, SUMMARY_TABLE, width, name, widths)
    check_fits(table, available, block.source)
    return table


def _cells(row: MeasureRow) -> tuple[Cell, ...]:
    colour = theme.ASSESSMENT_COLOURS[row.change.assessment]
    return (
        Cell(row.label),
        Cell(row.value_texts[-1], "right"),
        Cell(change_text(row), "right", colour),
        Cell(row.change.summary, "left", colour, bold=True),
    )
