"""The document model: frozen dataclasses shared by every layout.

The parser builds these from the workbook; the layouts only read them. Nothing here
imports openpyxl or a layout library, so a new output format needs only this module.
Every object keeps the cell it came from (`source`), so any later check can say where.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Literal

from generator.spc import SpcResult, Variation
from generator.words import ENGLISH_WORDS, WordId, Words


@dataclass(frozen=True)
class Source:
    """A cell in the workbook, printed the way Excel users write it: `Measures!F12`."""

    sheet: str
    cell: str = ""

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet


# -- Inline text ---------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A piece of inline text. `href` makes it a link; text is always literal."""

    text: str
    bold: bool = False
    href: str | None = None


Runs = tuple[Run, ...]


def plain_text(runs: Runs) -> str:
    """The text a reader sees, without formatting (for alt text, notes, search)."""
    return "".join(run.text for run in runs)


# -- Report --------------------------------------------------------------------------

Rounding = Literal["nearest", "truncate"]
# `significance`: Better/Worse only for a significant change (generator.significance);
# `direction`: every change judged by its direction alone, as the seed did.
AssessmentRule = Literal["significance", "direction"]
UNDATED = dt.date(2000, 1, 1)  # metadata date when the Report gives no Published date
PageSetup = Literal["A4 portrait", "A4 landscape"]


@dataclass(frozen=True)
class Report:
    """The Report sheet: one field per row. Defaults are the contract's."""

    title: str
    subtitle: str = ""
    year: str = ""
    period: str = ""
    organisation: str = ""
    language: str = "en-GB"
    rounding: Rounding = "nearest"
    assessment: AssessmentRule = "significance"
    measure_heading: str = "Measure"
    change_heading: str = "Change"
    percent_change_heading: str = "% change"
    assessment_heading: str = "Assessment"
    brand_colour: str | None = None
    logo: Path | None = None
    page: PageSetup = "A4 portrait"
    footer: str = ""
    published: dt.date | None = None
    subject: str = ""
    keywords: tuple[str, ...] = ()
    periods: int = 3  # Monthly sheet: rolling windows per measures table
    window: int = 12  # Monthly sheet: months in one rolling window
    # Field name (lower case) -> the Value cell it was read from.
    sources: dict[str, Source] = field(default_factory=dict, compare=False, hash=False)

    def source_of(self, name: str) -> Source:
        return self.sources.get(name.lower(), Source("Report"))

    @property
    def footer_lines(self) -> tuple[str, ...]:
        """What a page or slide footer may print, most complete first: the footer text
        and organisation, then each alone; a layout prints the first that fits."""
        both = " · ".join(part for part in (self.footer, self.organisation) if part)
        return tuple(text for text in (both, self.footer, self.organisation) if text)

    @property
    def metadata_date(self) -> dt.date:
        """The documents' creation date: Published, or a fixed date so rebuilds match."""
        return self.published or UNDATED

    @property
    def full_title(self) -> str:
        """The title a viewer's title bar shows, e.g. `Police and Crime Plan: Delivery
        Performance Summary, 2024-2025 Quarter 2`."""
        head = ": ".join(part for part in (self.title, self.subtitle) if part)
        when = " ".join(part for part in (self.year, self.period) if part)
        return ", ".join(part for part in (head, when) if part)


# -- Figures -------------------------------------------------------------------------


class Unit(Enum):
    COUNT = "count"
    PERCENT = "percent"
    NUMBER = "number"
    CURRENCY = "currency"


class Better(Enum):
    LOWER = "lower"
    HIGHER = "higher"
    NEUTRAL = ""


class Assessment(Enum):
    """Whether the latest change is an improvement, judged with the row's `Better`."""

    BETTER = "better"
    WORSE = "worse"
    SAME = "no change"
    NOT_SIGNIFICANT = "no significant change"  # it moved, but no more than chance would
    NEUTRAL = "neutral"  # a change, but the row says neither direction is better
    UNAVAILABLE = "unavailable"  # a value is missing, so there is no change


class Method(Enum):
    """How the assessment was decided (generator.significance)."""

    COUNTS = "counts"  # the exact conditional test of two Poisson counts
    PROPORTIONS = "proportions"  # the two-proportion z-test, with the rate's Base
    DIRECTION = "direction"  # no test: by direction alone


class Direction(Enum):
    UP = "up"
    DOWN = "down"
    FLAT = "flat"
    NONE = "none"


@dataclass(frozen=True)
class Change:
    """The computed change columns of one measure row, formatted once for every layout."""

    text: str  # "-8,486", "+1.5pts", "–"
    percent_text: str  # "-6.9%", "–"
    direction: Direction
    assessment: Assessment
    method: Method = Method.DIRECTION
    p_value: float | None = None  # two-sided, when a test decided the assessment

    @property
    def label(self) -> str:
        """The assessment as an English word (layouts use `label_in`)."""
        return self.label_in(ENGLISH_WORDS)

    def label_in(self, words: Words) -> str:
        """The assessment as a word, shown with the colour so colour is never alone."""
        word = _ASSESSMENT_WORDS[self.assessment]
        return words[word] if word else ""

    @property
    def symbol(self) -> str:
        """The direction of travel: ▲ up, ▼ down, ● unchanged."""
        return _DIRECTION_SYMBOLS[self.direction]

    @property
    def summary(self) -> str:
        """The assessment cell in English (layouts use `summary_in`)."""
        return self.summary_in(ENGLISH_WORDS)

    def summary_in(self, words: Words) -> str:
        """The assessment cell as printed: symbol and word, e.g. `▼ Better`."""
        return " ".join(part for part in (self.symbol, self.label_in(words)) if part)


_ASSESSMENT_WORDS: dict[Assessment, WordId | None] = {
    Assessment.BETTER: "better",
    Assessment.WORSE: "worse",
    Assessment.SAME: "no change",
    Assessment.NOT_SIGNIFICANT: "no significant change",
    Assessment.NEUTRAL: None,
    Assessment.UNAVAILABLE: None,
}
_DIRECTION_SYMBOLS = {
    Direction.UP: "▲",
    Direction.DOWN: "▼",
    Direction.FLAT: "●",
    Direction.NONE: "–",
}


# -- Blocks --------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    runs: Runs
    source: Source


@dataclass(frozen=True)
class Bullet:
    runs: Runs
    level: int  # 1, 2 or 3
    source: Source


@dataclass(frozen=True)
class MeasureBase:
    """The count a `percent` row is a rate of (its Measures `Base`), for the test of its
    change: the calls received behind "% answered within 10 seconds"."""

    key: str
    label: str
    values: tuple[float | None, ...]  # one per period, the rate's periods


@dataclass(frozen=True)
class MeasureRow:
    label: str
    marker: str  # footnote marker appended to the label ("*", "†", ...) or ""
    unit: Unit
    better: Better
    values: tuple[float | None, ...]  # one per period; percents as 85.7, not 0.857
    value_texts: tuple[str, ...]  # the values as printed: "113,176", "85.7%", "–"
    change: Change
    source: Source
    key: str = ""  # the Measures `Key`, unique in the workbook, or ""
    base: MeasureBase | None = None  # a percent row's denominator, from `Base`


@dataclass(frozen=True)
class Footnote:
    marker: str
    text: str
    source: Source


@dataclass(frozen=True)
class MeasuresTable:
    name: str
    caption: str
    periods: tuple[str, ...]  # period headers as printed
    rows: tuple[MeasureRow, ...]
    footnotes: tuple[Footnote, ...]
    source: Source  # the Content row that placed the table
    # -- the period header cells (`Measures!E1:P1`), named when the periods cannot fit --
    periods_source: Source | None = None


Align = Literal["left", "right"]


@dataclass(frozen=True)
class Table:
    """A generic table, every cell already formatted as Excel shows it."""

    caption: str
    sheet: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: tuple[Align, ...]  # per column: numbers right, text left
    source: Source
    total: bool = False  # the last row is the table's total, printed bold


ChartKind = Literal["column", "bar", "line", "pie"]


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]
    value_texts: tuple[str, ...]  # formatted for data labels and alt text
    percent: bool = False  # the sheet's cells were %-formatted: values are 8.4, not 0.084


@dataclass(frozen=True)
class Chart:
    title: str
    kind: ChartKind
    sheet: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    alt_text: str  # written from the data, for screen readers and the deck
    source: Source
    category_heading: str = ""  # the header of column A, for the chart's data table


@dataclass(frozen=True)
class TrendWords:
    """The words a trend prints, in the Report's language, resolved by the parser so
    every edition draws the same ones."""

    result_line: str  # "Latest month: Special cause improvement"
    mean: str
    median: str
    upper: str
    lower: str
    month: str
    variation: str
    data_caption: str  # "Figures for the chart: <title>"
    points: tuple[tuple[Variation, str], ...]  # each point's result, by kind

    def point(self, kind: Variation) -> str:
        return dict(self.points)[kind]


@dataclass(frozen=True)
class Trend:
    """An SPC chart of one Monthly measure, month by month (statistics.md).

    `points` gives each month's variation (COMMON unless a rule flags it), so layouts
    colour special-cause points; `result` is the latest month's result in words."""

    title: str
    measure: str
    unit: Unit
    months: tuple[str, ...]  # "Sept 2024"
    values: tuple[float, ...]
    value_texts: tuple[str, ...]
    spc: SpcResult
    points: tuple[Variation, ...]
    alt_text: str
    source: Source
    words: TrendWords


@dataclass(frozen=True)
class Callout:
    runs: Runs
    source: Source


@dataclass(frozen=True)
class Note:
    runs: Runs
    source: Source


@dataclass(frozen=True)
class Image:
    alt_text: str
    path: Path  # resolved, inside the workbook's folder, checked to be PNG or JPEG
    source: Source


@dataclass(frozen=True)
class SpeakerNotes:
    """Words for the presenter; the deck shows them, the PDF does not."""

    text: str
    source: Source


@dataclass(frozen=True)
class Break:
    source: Source


@dataclass(frozen=True)
class Tally:
    """How many measures of the document fall under each assessment."""

    better: int
    worse: int
    unchanged: int  # no significant change, or (direction rule) no change at all
    no_direction: int  # neutral rows, and rows with a figure missing

    @property
    def total(self) -> int:
        return self.better + self.worse + self.unchanged + self.no_direction


@dataclass(frozen=True)
class SummaryGroup:
    """One section's measures, in the at-a-glance table."""

    title: str
    rows: tuple[MeasureRow, ...]


@dataclass(frozen=True)
class Summary:
    """The at-a-glance block (Content `summary`): the tally, then every measure of the
    document grouped by section. It stands as a section of its own."""

    heading: str
    groups: tuple[SummaryGroup, ...]
    tally: Tally
    rule: AssessmentRule
    source: Source


Block = (
    Paragraph
    | Bullet
    | MeasuresTable
    | Table
    | Chart
    | Trend
    | Callout
    | Note
    | Image
    | SpeakerNotes
    | Break
    | Summary
)


@dataclass(frozen=True)
class Section:
    title: str
    theme: str  # "" when the section stands alone
    blocks: tuple[Block, ...]
    source: Source


@dataclass(frozen=True)
class Document:
    report: Report
    sections: tuple[Section, ...]
    workbook: Path  # where it was read from; images resolve against its folder
    words: Words = field(default_factory=Words)  # the fixed words every edition prints


def themes(document: Document) -> list[tuple[str, list[Section]]]:
    """Consecutive sections grouped under their theme, for contents pages and outlines."""
    groups: list[tuple[str, list[Section]]] = []
    for section in document.sections:
        if groups and groups[-1][0] == section.theme:
            groups[-1][1].append(section)
        else:
            groups.append((section.theme, [section]))
    return groups
