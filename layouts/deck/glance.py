"""The deck's at-a-glance slide(s): measured items for a `summary` block.

Four tally tiles (a number and its word, readable from the back of the room), then one
native table of every measure by section, continued on further slides by the layout
engine with its header repeated, then the key. Strings come from the model, so the
slide says what the tables say. Drawing the tiles is layouts.deck.tally's job.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.glance import tally_sentence
from generator.model import Summary
from generator.words import Words
from layouts import theme
from layouts.deck.measure import line_height, wrap_text
from layouts.deck.tables import Cell, TableItem, check_fits, column_widths, measure_table
from layouts.view import GridCell, summary_grid, summary_tiles

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


def tally_item(block: Summary, width: float, words: Words) -> TallyItem:
    tiles = tuple(
        Tile(tile.label, tile.count, theme.ASSESSMENT_COLOURS[tile.tone])
        for tile in summary_tiles(block, words)
    )
    inner = tile_width(len(tiles), width) - 2 * TILE_PAD
    lines = max(len(wrap_text(tile.label, TILE_LABEL, inner, True)) for tile in tiles)
    height = line_height(TILE_NUMBER) + lines * line_height(TILE_LABEL) + 2 * TILE_PAD
    return TallyItem(tiles, tally_sentence(block.tally, block.rule, words), height)


def summary_table(
    block: Summary, width: float, available: float, brand: str, words: Words
) -> TableItem:
    """Measure | Latest | Change | Assessment; a row in the brand colour names each section."""
    grid = summary_grid(block, words)
    header = tuple(_cell(cell) for cell in grid.header)
    rows: list[tuple[Cell, ...]] = [
        (Cell(row[0].text, colour=brand, bold=True), Cell(""), Cell(""), Cell(""))
        if index in grid.titles
        else tuple(_cell(cell) for cell in row)
        for index, row in enumerate(grid.rows)
    ]
    # -- the assessment sized like a figure, so "No significant change" stays on one line --
    unwrapped = (*header[:-1], replace(header[-1], align="right"))
    widths = column_widths(unwrapped, rows, SUMMARY_TABLE, width)
    name = f"{block.heading}: {words['every measure']}"
    table = measure_table(header, rows, SUMMARY_TABLE, width, name, widths)
    check_fits(table, available, block.source)
    return table


def _cell(cell: GridCell) -> Cell:
    colour = None if cell.tone is None else theme.ASSESSMENT_COLOURS[cell.tone]
    return Cell(cell.text, cell.align, colour, cell.bold)
