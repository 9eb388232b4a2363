"""Tags for what reportlab Tables draw, through their render callbacks.

A Table draws its cells itself, so the frame cannot mark them one by one; its
`renderCB` is called around the backgrounds, each row, each cell and the rules, and
is carried to the parts when the table splits. Backgrounds and rules are artifacts.
`DataTableTags` makes `TR` > `TH`/`TD`, with the header rows repeated on later pages
as artifacts; `BoxTags` marks a one-cell box (theme band, callout) as one element;
`ContentsTags` makes the contents page's `TOCI` > `Link` entries.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.tables import Table as RLTable
from reportlab.platypus.tables import TableRenderCB

from layouts.pdf.internals import WORDS, attached
from layouts.pdf.tagging import Element, Tagger, tagger_of


class _Tags(TableRenderCB):  # type: ignore[misc]
    """Backgrounds and rules as artifacts; each cell through `cell_element`."""

    _opened = False  # whether startCell began a sequence that endCell must end

    def __call__(self, table: RLTable, command: str, *args: Any) -> None:
        getattr(self, command)(table, *args)  # -- called per cell: no checks on the way --

    def _tagger(self, table: RLTable) -> Tagger | None:
        return tagger_of(table.canv)

    def startTable(self, table: RLTable) -> None:
        pass

    def endTable(self, table: RLTable) -> None:
        pass

    def startBG(self, table: RLTable) -> None:
        tagger = self._tagger(table)
        if tagger is not None:
            tagger.begin_artifact(table.canv)

    def startLines(self, table: RLTable) -> None:
        self.startBG(table)

    def endBG(self, table: RLTable) -> None:
        tagger = self._tagger(table)
        if tagger is not None:
            tagger.end(table.canv)

    def endLines(self, table: RLTable) -> None:
        self.endBG(table)

    def startRow(self, table: RLTable, row: int) -> None:
        pass

    def endRow(self, table: RLTable) -> None:
        pass

    def cell_element(self, table: RLTable, row: int, column: int, value: Any) -> Element | None:
        """The element the cell's content belongs to; None: an artifact."""
        raise NotImplementedError

    def startCell(self, table: RLTable, row: int, column: int, value: Any, *_: Any) -> None:
        tagger = self._tagger(table)
        if tagger is None:
            return
        element = self.cell_element(table, row, column, value)
        if element is None:
            tagger.begin_artifact(table.canv)
        else:
            tagger.begin(table.canv, element)
        self._opened = True

    def endCell(self, table: RLTable) -> None:
        tagger = self._tagger(table)
        if tagger is not None and self._opened:
            tagger.end(table.canv)


class DataTableTags(_Tags):
    """`TR` per row; the header rows `TH` (Scope Column), repeated copies artifacts;
    with `row_headers`, the first column `TH` (Scope Row)."""

    def __init__(self, table: Element, row_headers: bool = False) -> None:
        self.table = table
        self.row_headers = row_headers
        self._parts = 0
        self._repeat = False
        self._row: Element | None = None

    def startTable(self, table: RLTable) -> None:
        self._repeat = self._parts > 0  # -- a later part starts with a repeated header --
        self._parts += 1

    def startRow(self, table: RLTable, row: int) -> None:
        self._row = None

    def cell_element(self, table: RLTable, row: int, column: int, value: Any) -> Element | None:
        header = row < table.repeatRows
        if header and self._repeat:
            return None
        if self._row is None:
            self._row = self.table.add("TR")
        if header:
            return self._row.add("TH", scope="Column")
        if column == 0 and self.row_headers:
            return self._row.add("TH", scope="Row")
        return self._row.add("TD")


class BoxTags(_Tags):
    """A one-column box whose cells are all content of `element` (None: an artifact)."""

    def __init__(self, element: Element | None) -> None:
        self.element = element

    def cell_element(self, table: RLTable, row: int, column: int, value: Any) -> Element | None:
        return self.element


class ColumnTags(_Tags):
    """A grid whose columns are each one element (`elements`, one per column): the
    at-a-glance tiles, a number above its word."""

    def __init__(self, elements: list[Element]) -> None:
        self.elements = elements

    def cell_element(self, table: RLTable, row: int, column: int, value: Any) -> Element | None:
        return self.elements[column]


class ContentsTags(_Tags):
    """Each contents line (a cell carrying its WORDS) as `TOCI` > `Link`; the spacer
    rows between groups draw nothing and are not marked. `after_cell` holds drawing
    to add at the end of the current cell (its page number, read after its title)."""

    def __init__(self, toc: Element) -> None:
        self.toc = toc
        # -- drawn at the end of the cell, inside its Link: the page numbers --
        self.after_cell: list[Callable[[Canvas], None]] = []

    def cell_element(self, table: RLTable, row: int, column: int, value: Any) -> Element | None:
        words = _words(value)
        if words is None:
            return None
        return self.toc.add("TOCI").add("Link", words=words)

    def startCell(self, table: RLTable, row: int, column: int, value: Any, *_: Any) -> None:
        if _words(value) is None:
            self._opened = False  # a spacer
            return
        super().startCell(table, row, column, value)

    def endCell(self, table: RLTable) -> None:
        for draw in self.after_cell:
            draw(table.canv)
        self.after_cell.clear()
        super().endCell(table)


def _words(value: Any) -> str | None:
    """The WORDS of a cell's flowable (a table holds flowables in a sequence)."""
    items = value if isinstance(value, list | tuple) else [value]
    return next((w for w in (attached(i, WORDS) for i in items) if w), None)
