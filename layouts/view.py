"""What every edition prints, resolved once from the model; each format only draws it.

The PDF, the deck and the HTML page must never disagree about a figure, a word or a
property, so the choices they share are made here and nowhere else (as great-tables'
`_build_data` resolves a table once for every renderer): the cells of every table with
their alignment and tone, which measures table carries the key, the blocks a section
prints (breaks that separate nothing dropped), bullet glyphs, chart number formats,
a chart's data table, and the document's properties. Model and standard library only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.figures import NOT_AVAILABLE, decimals_of
from generator.glance import change_text, tally_items
from generator.model import (
    Align,
    Assessment,
    AssessmentRule,
    Block,
    Break,
    Chart,
    Document,
    MeasuresTable,
    Report,
    Section,
    SpeakerNotes,
    Summary,
    Table,
)
from generator.words import Words

BULLET_GLYPHS = {1: "•", 2: "–", 3: "◦"}  # by bullet level, in every edition

# -- Tables ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GridCell:
    """One printed cell: its text exactly as every edition prints it."""

    text: str
    align: Align = "left"
    tone: Assessment | None = None  # coloured as this assessment; None is body text
    bold: bool = False


GridRow = tuple[GridCell, ...]


@dataclass(frozen=True)
class Grid:
    header: GridRow
    rows: tuple[GridRow, ...]


def measures_grid(table: MeasuresTable, report: Report, words: Words | None = None) -> Grid:
    """Measure | periods | change | % change | assessment, as every edition prints it."""
    words = words or Words()
    header = (
        GridCell(report.measure_heading),
        *(GridCell(period, "right") for period in table.periods),
        GridCell(report.change_heading, "right"),
        GridCell(report.percent_change_heading, "right"),
        GridCell(report.assessment_heading),
    )
    rows = tuple(
        (
            GridCell(row.label + row.marker),
            *(GridCell(text, "right") for text in row.value_texts),
            GridCell(row.change.text, "right", row.change.assessment),
            GridCell(row.change.percent_text, "right", row.change.assessment),
            GridCell(row.change.summary_in(words), "left", row.change.assessment, bold=True),
        )
        for row in table.rows
    )
    return Grid(header, rows)


def table_grid(table: Table) -> Grid:
    """A generic table's cells as Excel showed them, aligned by column; a totals row bold."""

    # -- short rows are allowed (blank trailing cells), so zip stops at the shorter --
    def cells(texts: tuple[str, ...], bold: bool = False) -> GridRow:
        return tuple(
            GridCell(text, align, bold=bold)
            for text, align in zip(texts, table.align, strict=False)
        )

    last = len(table.rows) - 1
    rows = tuple(cells(row, table.total and i == last) for i, row in enumerate(table.rows))
    return Grid(cells(table.header), rows)


def assessment_key(words: Words, rule: AssessmentRule) -> tuple[str, str]:
    """The key under the first measures table: its label (`Key`) and the sentence for the
    rule the Report's `Assessment` chose."""
    sentence = words["key text"] if rule == "direction" else words["key text significance"]
    return words["key"], sentence


def footnote_lines(table: MeasuresTable) -> tuple[str, ...]:
    return tuple(f"{note.marker} {note.text}" for note in table.footnotes)


# -- The at-a-glance summary -----------------------------------------------------------


@dataclass(frozen=True)
class Tile:
    """One count of the tally: `15` `Better`, coloured as its assessment."""

    count: int
    label: str
    tone: Assessment


def summary_tiles(block: Summary, words: Words) -> tuple[Tile, ...]:
    items = tally_items(block.tally, block.rule, words)
    return tuple(Tile(count, label, tone) for label, count, tone in items)


@dataclass(frozen=True)
class SummaryGrid:
    """Measure | Latest | Change | Assessment; `titles` are the rows (by index in `rows`)
    that name a section, printed across the table."""

    header: GridRow
    rows: tuple[GridRow, ...]
    titles: frozenset[int]


def summary_grid(block: Summary, words: Words) -> SummaryGrid:
    header = (
        GridCell(words["measure"]),
        GridCell(words["latest"], "right"),
        GridCell(words["change"], "right"),
        GridCell(words["assessment"]),
    )
    rows: list[GridRow] = []
    titles: set[int] = set()
    for group in block.groups:
        titles.add(len(rows))
        rows.append((GridCell(group.title, bold=True),))
        rows += [
            (
                GridCell(row.label),
                GridCell(row.value_texts[-1], "right"),
                GridCell(change_text(row), "right", row.change.assessment),
                GridCell(row.change.summary_in(words), "left", row.change.assessment, bold=True),
            )
            for row in group.rows
        ]
    return SummaryGrid(header, tuple(rows), frozenset(titles))


# -- Charts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NumberFormat:
    """How a chart's numbers print: its data labels and its value axis alike."""

    places: int
    percent: bool

    def text(self, value: float) -> str:
        return f"{value:,.{self.places}f}" + ("%" if self.percent else "")

    @property
    def excel(self) -> str:
        """The same format as an Excel number format code, for native charts."""
        decimals = "." + "0" * self.places if self.places else ""
        return "#,##0" + decimals + ('"%"' if self.percent else "")


def chart_format(chart: Chart) -> NumberFormat:
    """As many decimals as the most precise value; `%` when the sheet's cells were %."""
    values = [v for series in chart.series for v in series.values if v is not None]
    places = max((decimals_of(v) for v in values), default=0)
    return NumberFormat(places, any(series.percent for series in chart.series))


def chart_data_table(chart: Chart) -> Table:
    """The chart's figures as a table, for readers who cannot see the chart."""
    right: tuple[Align, ...] = ("right",)
    return Table(
        caption="",
        sheet=chart.sheet,
        header=(chart.category_heading, *(series.name for series in chart.series)),
        rows=tuple(
            (category, *(series.value_texts[i] for series in chart.series))
            for i, category in enumerate(chart.categories)
        ),
        align=("left", *right * len(chart.series)),
        source=chart.source,
    )


def data_label(text: str) -> str:
    """A missing value has no label on a chart (its table says `–`)."""
    return "" if text == NOT_AVAILABLE else text


# -- Sections -------------------------------------------------------------------------


def printed_blocks(section: Section) -> list[Block]:
    """The blocks a section prints: no speaker notes, and no break that separates nothing
    (before any content, after the last, or straight after another break)."""
    printed = [block for block in section.blocks if not isinstance(block, SpeakerNotes)]
    kept: list[Block] = []
    for index, block in enumerate(printed):
        if isinstance(block, Break):
            rest = printed[index + 1 :]
            if not kept or isinstance(kept[-1], Break) or all(isinstance(b, Break) for b in rest):
                continue
        kept.append(block)
    return kept


def key_table(document: Document) -> MeasuresTable | None:
    """The measures table that carries the key: the first the reader meets."""
    for section in document.sections:
        for block in printed_blocks(section):
            if isinstance(block, MeasuresTable):
                return block
    return None


# -- Document properties ----------------------------------------------------------------


@dataclass(frozen=True)
class Properties:
    """What a viewer's properties dialog shows, the same in every edition."""

    title: str
    subject: str
    author: str
    keywords: tuple[str, ...]
    language: str
    date: dt.date


def properties(report: Report) -> Properties:
    when = " ".join(part for part in (report.subtitle, report.year, report.period) if part)
    return Properties(
        title=report.full_title,
        subject=report.subject or when,
        author=report.organisation,
        keywords=report.keywords,
        language=report.language,
        date=report.metadata_date,
    )
