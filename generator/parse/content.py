"""The Content sheet: rows in document order become sections of blocks.

Each Content `Type` has one small builder, picked from a dict, so adding a block type
is one dataclass in the model, one builder here and one renderer per layout.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import cast

from generator.contract import (
    BULLET_LEVELS,
    CHART_KINDS,
    CONTENT_HEADERS,
    CONTENT_TYPES,
    TABLE_OPTIONS,
    TREND_KINDS,
)
from generator.errors import Problems, did_you_mean, one_of
from generator.glance import fill_summaries
from generator.model import (
    Block,
    Break,
    Bullet,
    Callout,
    ChartKind,
    Image,
    Note,
    Paragraph,
    Runs,
    Section,
    Source,
    SpeakerNotes,
    Summary,
    Tally,
)
from generator.parse import limits
from generator.parse.assets import check_image
from generator.parse.cells import cell_source, read_choice, read_header, text_of
from generator.parse.glyphs import warn_cells
from generator.parse.inline import parse_inline
from generator.parse.sources import Sources
from generator.parse.text_figures import TextFigures
from generator.prose_check import Prose
from generator.workbook import RawCell, RawRow, RawSheet

TYPES = CONTENT_TYPES
HEADERS = CONTENT_HEADERS
_TAKES_DATA = {"measures", "table", "chart", "image", "trend"}
_TAKES_OPTION = {"bullet", "chart", "table", "trend"}
_NEEDS_TEXT = {
    "section": "the section title",
    "paragraph": "the paragraph's text",
    "bullet": "the bullet's text",
    "chart": "the chart title",
    "callout": "the key statement",
    "note": "the note's text",
    "image": "alt text describing the image",
    "notes": "the speaker notes",
}


@dataclass(frozen=True)
class Row:
    """One Content row's four cells, and where each is (even when blank)."""

    kind: str
    text: str
    data: str
    option: RawCell | None
    text_cell: RawCell | None
    where: dict[str, Source]


@dataclass
class _Builder:
    sources: Sources
    problems: Problems
    theme: str = ""
    sections: list[Section] = field(default_factory=list)
    current: tuple[str, str, Source] | None = None
    blocks: list[Block] = field(default_factory=list)
    # -- cells whose formula was never calculated: already reported, so "no Text" there
    #    would only repeat the same problem in other words --
    uncalculated: frozenset[Source] = frozenset()
    after_summary: bool = False  # the last row was a summary, a page of its own
    texts: TextFigures | None = None

    def resolved(self, row: Row) -> Row:
        """The row with placeholders in its Text replaced by their figures."""
        if self.texts is None or not row.text:
            return row
        section = len(self.sections)  # the index the current section will have
        text = self.texts.resolve(row.text, row.where["Text"], row.kind, section)
        return replace(row, text=text)

    def missing_text(self, row: Row) -> bool:
        return not row.text and row.where["Text"] not in self.uncalculated

    def close(self) -> None:
        if self.current is not None:
            title, theme, where = self.current
            if title and not any(not isinstance(b, SpeakerNotes | Break) for b in self.blocks):
                what = "only speaker notes" if self.blocks else "no rows"
                self.problems.warning(
                    where,
                    f'the section "{title}" has {what} under its title, so it prints a page '
                    "and a slide with nothing but the title; expected a paragraph, table or "
                    "other block after it",
                )
            self.sections.append(Section(title, theme, tuple(self.blocks), where))
        self.blocks = []


def parse_content(
    sheet: RawSheet, sources: Sources, problems: Problems, prose: list[Prose] | None = None
) -> tuple[Section, ...]:
    """Every section of the document, in Content order; prose rows, as the prose check
    reads them, are added to `prose`."""
    header = read_header(sheet, HEADERS, problems)
    if header is None:
        return ()
    columns = [header.column(name) for name in HEADERS]
    if any(column is None for column in columns):
        return ()
    uncalculated = frozenset(Source(sheet.title, ref) for ref in sheet.uncached_formulas)
    texts = TextFigures(sources.keyed_rows, problems, prose if prose is not None else [])
    builder = _Builder(sources, problems, uncalculated=uncalculated, texts=texts)
    for raw in sheet.rows[1:]:
        row = _row(sheet.title, raw, cast(list[int], columns), problems)
        if row is not None:
            _add(builder, row)
    builder.close()
    if any(isinstance(b, Summary) for s in builder.sections for b in s.blocks):
        builder.sections = list(
            fill_summaries(builder.sections, sources.report.assessment, sources.words)
        )
    if not builder.sections and not problems.errors:
        problems.error(
            Source(sheet.title), 'no section rows; expected at least one row of Type "section"'
        )
    return tuple(builder.sections)


def _row(sheet: str, raw: RawRow, columns: list[int], problems: Problems) -> Row | None:
    type_col, text_col, data_col, option_col = columns
    where = {
        name: cell_source(sheet, col, raw.number)
        for name, col in zip(HEADERS, columns, strict=True)
    }
    type_cell = raw.get(type_col)
    if type_cell is None:
        if any(raw.get(c) for c in (text_col, data_col, option_col)):
            problems.error(where["Type"], f"no Type; expected one of {one_of(TYPES)}")
        return None
    kind = read_choice(type_cell, "Type", TYPES, problems)
    # -- only Text prints (Data names a sheet or a file); speaker notes are not in the PDF --
    for cell in raw.cells.values():
        warn_cells([cell], problems, printed=kind != "notes" and cell.column == text_col)
    if kind is None:
        return None
    text_cell = raw.get(text_col)
    # -- Text keeps its line breaks; only the ends are trimmed --
    text = (
        text_cell.value.strip()
        if text_cell and isinstance(text_cell.value, str)
        else (text_of(text_cell))
    )
    return Row(kind, text, text_of(raw.get(data_col)), raw.get(option_col), text_cell, where)


def _add(builder: _Builder, row: Row) -> None:
    problems = builder.problems
    row = builder.resolved(row)
    if row.kind == "theme":
        builder.theme = row.text
        return
    if row.kind == "section":
        builder.close()
        builder.after_summary = False
        if builder.missing_text(row):
            problems.error(row.where["Text"], f"no Text; expected {_NEEDS_TEXT['section']}")
        limits.section_title(row.text, row.where["Text"], problems)
        builder.current = (row.text, builder.theme, row.where["Type"])
        return
    if row.kind == "summary":
        _summary(row, builder)
        return
    if builder.current is None:
        where = 'after a "summary" row' if builder.after_summary else "before the first section"
        problems.error(
            row.where["Type"],
            f'a "{row.kind}" row {where}; expected a "section" row first '
            '(only "theme" rows may come before it)',
        )
        return
    _warn_unused(row, problems)
    if row.kind in _NEEDS_TEXT and not row.text:
        if builder.missing_text(row):
            problems.error(row.where["Text"], f"no Text; expected {_NEEDS_TEXT[row.kind]}")
        return
    block = _BUILDERS[row.kind](row, builder)
    if block is not None:
        builder.blocks.append(block)


def _summary(row: Row, builder: _Builder) -> None:
    """The at-a-glance block, a section of its own (no theme); filled at the end."""
    _warn_unused(row, builder.problems)
    builder.close()
    heading = row.text or builder.sources.words["at a glance"]
    where = row.where["Type"]
    block = Summary(heading, (), Tally(0, 0, 0, 0), builder.sources.report.assessment, where)
    builder.sections.append(Section(heading, "", (block,), where))
    builder.current, builder.after_summary = None, True


def _warn_unused(row: Row, problems: Problems) -> None:
    if row.data and row.kind not in _TAKES_DATA:
        problems.warning(row.where["Data"], f'Data is ignored for a "{row.kind}" row')
    if row.option is not None and row.kind not in _TAKES_OPTION:
        problems.warning(row.where["Option"], f'Option is ignored for a "{row.kind}" row')


def _runs(row: Row, problems: Problems) -> Runs:
    inline = parse_inline(row.text)
    for problem in inline.problems:
        problems.error(row.where["Text"], problem)
    return inline.runs


def _paragraph(row: Row, builder: _Builder) -> Block:
    return Paragraph(_runs(row, builder.problems), row.where["Type"])


def _bullet(row: Row, builder: _Builder) -> Block | None:
    level = read_choice(row.option, "bullet level", BULLET_LEVELS, builder.problems, "1")
    if level is None:
        return None
    return Bullet(_runs(row, builder.problems), int(level), row.where["Type"])


def _callout(row: Row, builder: _Builder) -> Block:
    return Callout(_runs(row, builder.problems), row.where["Type"])


def _note(row: Row, builder: _Builder) -> Block:
    return Note(_runs(row, builder.problems), row.where["Type"])


def _speaker_notes(row: Row, builder: _Builder) -> Block:
    return SpeakerNotes(row.text, row.where["Type"])


def _break(row: Row, builder: _Builder) -> Block:
    return Break(row.where["Type"])


def _image(row: Row, builder: _Builder) -> Block | None:
    path = check_image(row.data, builder.sources.folder, row.where["Data"], builder.problems)
    return Image(row.text, path, row.where["Type"]) if path else None


def _measures(row: Row, builder: _Builder) -> Block | None:
    if not row.data:
        builder.problems.error(
            row.where["Data"], "no table name; expected the name of a table in the Measures sheet"
        )
        return None
    return builder.sources.measures_table(row.data, row.text, row.where["Data"])


def _table(row: Row, builder: _Builder) -> Block | None:
    option = read_choice(row.option, "table option", TABLE_OPTIONS, builder.problems, "")
    sheet = builder.sources.data_sheet(row.data, row.where["Data"], "table")
    table = builder.sources.table(sheet, row.text, row.where["Data"]) if sheet else None
    return replace(table, total=True) if table and option == "total" else table


def _chart(row: Row, builder: _Builder) -> Block | None:
    kind = read_choice(row.option, "chart type", CHART_KINDS, builder.problems, "column")
    sheet = builder.sources.data_sheet(row.data, row.where["Data"], "chart")
    if kind is None or sheet is None:
        return None
    return builder.sources.chart(sheet, row.text, cast(ChartKind, kind), row.where["Data"])


def _trend(row: Row, builder: _Builder) -> Block | None:
    kind = read_choice(row.option, "trend type", TREND_KINDS, builder.problems, "spc")
    if kind is None:
        return None
    return builder.sources.trend(row.data, row.text, kind, row.where["Data"])


_BUILDERS: dict[str, Callable[[Row, _Builder], Block | None]] = {
    "paragraph": _paragraph,
    "bullet": _bullet,
    "callout": _callout,
    "note": _note,
    "notes": _speaker_notes,
    "break": _break,
    "image": _image,
    "measures": _measures,
    "table": _table,
    "chart": _chart,
    "trend": _trend,
}

__all__ = ["CHART_KINDS", "TYPES", "did_you_mean", "parse_content"]
