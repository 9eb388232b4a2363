"""The workbook contract in one place: sheet names, headers, Report fields, fixed words.

The parser, the template, its instructions and the tests read these; nothing else spells
a header or a field name, so a field is renamed or added here once. The fixed words come
from the model's `Literal` and `Enum` types, so the model and the contract cannot drift.
Standard library only: the contract is data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from generator.model import AssessmentRule, Better, ChartKind, PageSetup, Rounding, Unit

# -- Sheets ---------------------------------------------------------------------------

REPORT = "Report"
CONTENT = "Content"
MEASURES = "Measures"
MONTHLY = "Monthly"
INSTRUCTIONS = "Instructions"
WORDS = "Words"  # optional: an office's own text for any fixed word (generator.words)
REQUIRED_SHEETS = (REPORT, CONTENT)

REPORT_HEADERS = ("Field", "Value")
CONTENT_HEADERS = ("Type", "Text", "Data", "Option")
MEASURES_HEADERS = ("Table", "Measure", "Unit", "Better")  # then periods, then the optional
MEASURES_NOTE = "Note"  # ... Note column
MEASURES_OPTIONAL = (MEASURES_NOTE, "Key", "Base")  # after the periods, in any order
WORDS_HEADERS = ("Word", "Text")

# -- Fixed words ----------------------------------------------------------------------

ContentType = Literal[
    "theme",
    "section",
    "paragraph",
    "bullet",
    "measures",
    "table",
    "chart",
    "trend",
    "callout",
    "note",
    "image",
    "notes",
    "break",
    "summary",
]
CONTENT_TYPES: tuple[str, ...] = get_args(ContentType)
CHART_KINDS: tuple[str, ...] = get_args(ChartKind)
BULLET_LEVELS = ("1", "2", "3")
TABLE_OPTIONS = ("total",)  # a table's last row is its total, printed bold
TREND_KINDS = ("spc", "line")
UNITS = tuple(unit.value for unit in Unit)
BETTERS = tuple(better.value for better in Better if better.value)  # blank means neutral
ROUNDINGS: tuple[str, ...] = get_args(Rounding)
ASSESSMENTS: tuple[str, ...] = get_args(AssessmentRule)
PAGES: tuple[str, ...] = get_args(PageSetup)
MISSING_WORDS = ("n/a",)  # a period cell holding one of these is "not available"
# -- figures in Text: `{key.field}` (generator.placeholders); `{key}` is `{key.latest}` --
PLACEHOLDER_FIELDS = (
    "latest",
    "previous",
    "change",
    "change_size",
    "percent",
    "percent_size",
    "direction",
)

# -- Report fields --------------------------------------------------------------------

Reader = Literal["text", "choice", "language", "colour", "date", "image", "keywords", "whole"]


@dataclass(frozen=True)
class ReportField:
    """One row of the Report sheet: its name, the model attribute it fills, how its value
    is read, and the help the template's Instructions print for it."""

    name: str
    attribute: str
    help: str
    reader: Reader = "text"
    choices: tuple[str, ...] = ()


REPORT_FIELDS = (
    ReportField(
        "Title", "title", "Required. The document title, on the cover and the title slide."
    ),
    ReportField(
        "Subtitle",
        "subtitle",
        "Optional. A second title line, e.g. Delivery Performance Summary.",
    ),
    ReportField("Year", "year", "Optional. The reporting year as it should print, e.g. 2024-2025."),
    ReportField("Period", "period", "Optional. The reporting period, e.g. Quarter 2."),
    ReportField(
        "Organisation",
        "organisation",
        "Optional. The publisher; also the author recorded in the PDF and the deck.",
    ),
    ReportField(
        "Language",
        "language",
        "Optional (default en-GB). Language tag of the outputs, e.g. en-GB; cy or cy-GB "
        "prints every fixed word (Contents, Page n of N, Key, Better, Worse, months) in Welsh.",
        "language",
    ),
    ReportField(
        "Rounding",
        "rounding",
        "Optional (default nearest). How computed % changes are rounded to 1 decimal: "
        "nearest (half away from zero, as Excel's ROUND) or truncate (toward zero, as the "
        "published 2024-25 Q2 summary's figures were).",
        "choice",
        ROUNDINGS,
    ),
    ReportField(
        "Assessment",
        "assessment",
        "Optional (default significance). significance: a change is called Better or Worse "
        "only when a test finds it larger than chance at 5% (counts: the exact test of two "
        "counts; a percent with a Base: the two-proportion z-test), otherwise No "
        "significant change. direction: every change is judged by its direction alone.",
        "choice",
        ASSESSMENTS,
    ),
    ReportField(
        "Measure heading",
        "measure_heading",
        "Optional (default Measure). Heading of the first column of measures tables, "
        "e.g. Performance measures.",
    ),
    ReportField(
        "Change heading",
        "change_heading",
        "Optional (default Change). Heading of the computed change column, "
        "e.g. Volume change v's previous 12 months.",
    ),
    ReportField(
        "Percent change heading",
        "percent_change_heading",
        "Optional (default % change). Heading of the computed % change column, "
        "e.g. % Change on previous 12 months.",
    ),
    ReportField(
        "Assessment heading",
        "assessment_heading",
        "Optional (default Assessment). Heading of the column that says whether the "
        "change is better or worse.",
    ),
    ReportField(
        "Brand colour",
        "brand_colour",
        "Optional. A colour as #RRGGBB for headings and table headers; it must be dark "
        "enough for white text.",
        "colour",
    ),
    ReportField(
        "Logo",
        "logo",
        "Optional. A PNG or JPEG file, its path relative to this workbook's folder.",
        "image",
    ),
    ReportField(
        "Page",
        "page",
        "Optional (default A4 portrait). A4 portrait or A4 landscape.",
        "choice",
        PAGES,
    ),
    ReportField("Footer", "footer", "Optional. Text printed on every page and slide."),
    ReportField(
        "Published",
        "published",
        "Optional. The publication date (a date cell); also fixes the documents' dates.",
        "date",
    ),
    ReportField(
        "Subject",
        "subject",
        "Optional. The subject recorded in the PDF and deck properties.",
    ),
    ReportField(
        "Keywords",
        "keywords",
        "Optional. Search keywords for the PDF and deck properties, separated by commas.",
        "keywords",
    ),
    ReportField(
        "Periods",
        "periods",
        "Optional (default 3). Monthly sheet only: how many rolling windows, one year "
        "apart, each measures table from Monthly prints.",
        "whole",
    ),
    ReportField(
        "Window",
        "window",
        "Optional (default 12). Monthly sheet only: the months in one rolling window "
        "(12 for a year, 3 for a quarter).",
        "whole",
    ),
)
# -- the bounds of each "whole" field: at least two windows, so a change can be computed;
#    windows one year apart, so at most 12 months each --
WHOLE_RANGES = {"periods": (2, 10), "window": (1, 12)}
REPORT_FIELD_NAMES = tuple(field.name for field in REPORT_FIELDS)


def report_field(name: str) -> ReportField | None:
    """The field a typed name means: case-insensitive, surrounding spaces ignored."""
    wanted = " ".join(name.split()).lower()
    return next((f for f in REPORT_FIELDS if f.name.lower() == wanted), None)
