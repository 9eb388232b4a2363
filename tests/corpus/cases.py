"""The corpus: one small workbook per slip, several variants per class of slip.

Each Case starts from `base()` (a valid workbook: Report, Content with one section and a
measures table, Measures with a count row and a percent row over three periods), changes
one thing, and says exactly what `check` reports: `expect` lists every problem as
"error Sheet!Cell: message" or "warning Sheet!Cell: message", in the order reported.
"""

from __future__ import annotations

import copy
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.chart import BarChart, Reference

Sheets = dict[str, list[list[Any]]]
PERIODS = ["12 months Sept 2022", "12 months Sept 2023", "12 months Sept 2024"]
HEADER = ["Table", "Measure", "Unit", "Better", *PERIODS, "Note"]
CALLS = ["999 calls", "Number of 999 calls received", "count", "", 113176, 121752, 113266]
ANSWERED = ["999 calls", "% answered in 10 seconds", "percent", "higher", 85.7, 87.7, 89.2]
OFFICERS = ["Officers", "Police officers", "count", "", 1400, 1420, 1450]
LONG = "A sentence pasted from the minutes of the meeting. " * 30


def base() -> Sheets:
    return copy.deepcopy(
        {
            "Report": [
                ["Field", "Value"],
                ["Title", "Police and Crime Plan"],
                ["Published", "2024-11-14"],
            ],
            "Content": [
                ["Type", "Text", "Data", "Option"],
                ["theme", "Access to Police Services", None, None],
                ["section", "Emergency Calls", None, None],
                ["paragraph", "Calls fell.", None, None],
                ["measures", None, "999 calls", None],
            ],
            "Measures": [HEADER, CALLS, ANSWERED],
        }
    )


Change = Callable[[Sheets], None]
Tamper = Callable[[Path], None]
Extra = Callable[[openpyxl.Workbook], None]


@dataclass(frozen=True)
class Case:
    name: str
    change: Change
    expect: tuple[str, ...] = ()
    formats: dict[str, str] = field(default_factory=dict)  # "Sheet!B2" -> number format
    extra: Extra | None = None  # changes openpyxl's workbook before it is saved
    tamper: Tamper | None = None  # changes the saved file
    files: dict[str, bytes] = field(default_factory=dict)  # written next to the workbook
    # -- what check says once Calc has re-saved it, where that differs from `expect` --
    resaved: tuple[str, ...] | None = None
    # -- what check and build both say when the workbook reads cleanly but cannot be laid
    #    out (check rehearses the layouts); "" when it can --
    refused: str = ""

    @property
    def valid(self) -> bool:
        return not self.refused and not any(line.startswith("error ") for line in self.expect)


def write(case: Case, folder: Path) -> Path:
    """The case's workbook in `folder`, with any files it refers to."""
    sheets = base()
    case.change(sheets)
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    for where, code in case.formats.items():
        title, cell = where.split("!")
        book[title][cell].number_format = code
    if case.extra:
        case.extra(book)
    path = folder / f"{case.name}.xlsx"
    book.save(path)
    for name, data in case.files.items():
        (folder / name).write_bytes(data)
    if case.tamper:
        case.tamper(path)
    return path


# -- helpers that change one thing ------------------------------------------------------


def _measures(*rows: list[Any], header: list[Any] | None = None) -> Change:
    def change(sheets: Sheets) -> None:
        sheets["Measures"] = [header or HEADER, *rows]

    return change


def _content(*rows: list[Any]) -> Change:
    def change(sheets: Sheets) -> None:
        sheets["Content"].extend(list(row) for row in rows)

    return change


def _both(*changes: Change) -> Change:
    def change(sheets: Sheets) -> None:
        for one in changes:
            one(sheets)

    return change


def _set(sheet: str, row: int, column: int, value: Any) -> Change:
    """Set a cell by 1-based row and column, padding the row with blanks."""

    def change(sheets: Sheets) -> None:
        cells = sheets[sheet][row - 1]
        cells.extend([None] * (column - len(cells)))
        cells[column - 1] = value

    return change


def _chart_sheet(book: openpyxl.Workbook) -> None:
    data = book.create_sheet("Chart data")
    for row in (["Type", "Reports"], ["ASB", 3120], ["Drugs", 1890]):
        data.append(row)
    chart = BarChart()
    chart.add_data(Reference(data, min_col=2, min_row=1, max_row=3), titles_from_data=True)
    book.create_chartsheet("Chart1").add_chart(chart)


def _duplicate_member(path: Path) -> None:
    """A second xl/worksheets/sheet1.xml (another sheet's XML) appended to the zip."""
    with zipfile.ZipFile(path) as archive:
        other = archive.read("xl/worksheets/sheet2.xml")
    with zipfile.ZipFile(path, "a") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns: the point here
        archive.writestr("xl/worksheets/sheet1.xml", other)


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


W = "warning "
E = "error "
M = "Measures!"
C = "Content!"

# -- 1. Slips that printed wrong figures with no word ----------------------------------

_BLANK_HEADER = (
    "no period header, but {span} hold{s} figures; expected the period's label as it "
    "should print (e.g. 12 months Sept 2024)"
)
_TYPED = (
    '"{title}" looks like a typed change column; expected only period columns after '
    '"Better" (the change columns are computed: delete this column)'
)


def _blank(span: str, many: bool = True) -> str:
    return _BLANK_HEADER.format(span=span, s="" if many else "s")


SLIPS: list[Case] = [
    Case(
        "blank_period_header_at_end",
        _measures(
            [*CALLS, None, 110000], [*ANSWERED, None, 90.1], header=[*HEADER[:-1], None, None]
        ),
        (f"{E}{M}I1: " + _blank("I2:I3"),),
    ),
    Case(
        "blank_period_header_inserted",
        _measures(
            [*CALLS[:6], 117000, CALLS[6]],
            [*ANSWERED[:6], 88.0, ANSWERED[6]],
            header=[*HEADER[:6], None, *HEADER[6:]],
        ),
        (f"{E}{M}G1: " + _blank("G2:G3"),),
    ),
    Case(
        "blank_period_header_one_figure",
        _measures(CALLS, [*ANSWERED, None, 90.1], header=HEADER[:-1]),
        (f"{E}{M}I1: " + _blank("I3", many=False),),
    ),
    Case(
        "blank_header_text_only_is_fine",
        _measures([*CALLS, "seasonal"], ANSWERED, header=HEADER[:-1]),
        (),
    ),
    Case(
        "typed_change",
        _measures([*CALLS, -8486], ANSWERED, header=[*HEADER[:-1], "Change"]),
        (f"{E}{M}H1: " + _TYPED.format(title="Change"),),
    ),
    Case(
        "typed_percent_change",
        _measures(
            [*CALLS, "-6.9%"],
            ANSWERED,
            header=[*HEADER[:-1], "% change on previous 12 months"],
        ),
        (f"{E}{M}H1: " + _TYPED.format(title="% change on previous 12 months"),),
    ),
    Case(
        "typed_volume_change_and_note",
        _measures(
            [*CALLS, -8486, None],
            ANSWERED,
            header=[*HEADER[:-1], "Volume change", "Note"],
        ),
        (f"{E}{M}H1: " + _TYPED.format(title="Volume change"),),
    ),
    Case(
        "typed_variance_and_assessment",
        _measures(
            [*CALLS, -8486, "Better"],
            ANSWERED,
            header=[*HEADER[:-1], "Variance", "Assessment"],
        ),
        (
            f"{E}{M}H1: " + _TYPED.format(title="Variance"),
            f"{E}{M}I1: " + _TYPED.format(title="Assessment"),
        ),
    ),
    Case(
        "fraction_among_percents",
        _measures(CALLS, [*ANSWERED[:4], 64.3, 67.9, 0.846]),
        (
            f"{E}{M}G3: 0.846 looks like a fraction (84.6%) in a row of percentages typed "
            "as 64.3, 67.9; expected 84.6 (or format the cell as a percentage)",
        ),
    ),
    Case(
        "fraction_first",
        _measures(CALLS, [*ANSWERED[:4], 0.612, 67.9, 70.2]),
        (
            f"{E}{M}E3: 0.612 looks like a fraction (61.2%) in a row of percentages typed "
            "as 67.9, 70.2; expected 61.2 (or format the cell as a percentage)",
        ),
    ),
    Case(
        "fractions_whole_row",
        _measures(CALLS, [*ANSWERED[:4], 0.6, 0.7, 0.8]),
        (
            f"{W}{M}E3:G3: every figure is between 0 and 1, so the row prints 0.6%, 0.7%, "
            "0.8%; if they are fractions, type them as percentages (84.6 for 84.6%) or "
            "format the cells as %",
        ),
    ),
    Case(
        "fractions_formatted_as_percent_are_fine",
        _measures(CALLS, [*ANSWERED[:4], 0.643, 0.679, 0.846]),
        (),
        formats={"Measures!E3": "0.0%", "Measures!F3": "0.0%", "Measures!G3": "0.0%"},
    ),
    Case(
        "small_rate_under_one_among_percents",
        _measures(CALLS, [*ANSWERED[:4], 0.9, 1.2, 1.5]),
        (
            f"{W}{M}E3: 0.9 is under 1 while the row's other percentages are 1.2, 1.5; it "
            "prints 0.9%, so if it is a fraction (90%), type 90 or format the cell as a "
            "percentage",
        ),
    ),
    Case(
        "fraction_close_to_small_percents",
        _measures(CALLS, [*ANSWERED[:4], 5.1, 6.3, 0.95]),
        (
            f"{W}{M}G3: 0.95 is under 1 while the row's other percentages are 5.1, 6.3; it "
            "prints 1.0%, so if it is a fraction (95%), type 95 or format the cell as a "
            "percentage",
        ),
    ),
    Case("rates_from_one_are_fine", _measures(CALLS, [*ANSWERED[:4], 1, 1.2, 1.5])),
    Case(
        "negative_count",
        _measures([*CALLS[:4], 120, -5, 130], ANSWERED),
        (
            f'{E}{M}F2: -5 is negative but the Unit is "count"; expected zero or more '
            '(use the Unit "number" for a figure that can fall below zero)',
        ),
    ),
    Case(
        "negative_number_is_fine",
        _measures(["999 calls", "Net change in officers", "number", "higher", 12, -5, 3]),
        (),
    ),
    Case(
        "latest_blank_for_a_table",
        _both(
            _measures(CALLS[:6], ANSWERED[:6], OFFICERS),
            _content(["measures", None, "Officers", None]),
        ),
        (
            f'{W}{M}G2:G3: the latest period "12 months Sept 2024" is blank for every '
            'measure of the table "999 calls", so every change prints –; expected its '
            'figures (type "n/a" where a figure is not available yet)',
        ),
    ),
    Case(
        "latest_blank_one_row_table",
        _both(_measures(OFFICERS, CALLS[:6]), _content(["measures", None, "Officers", None])),
        (
            f'{W}{M}G3: the latest period "12 months Sept 2024" is blank for every '
            'measure of the table "999 calls", so every change prints –; expected its '
            'figures (type "n/a" where a figure is not available yet)',
        ),
    ),
    Case(
        "latest_blank_everywhere",
        _measures(CALLS[:6], ANSWERED[:6]),
        (
            'warning Measures: no figures yet for "12 months Sept 2024" (new-quarter '
            "cleared them for this quarter); the table prints – until they are typed",
        ),
    ),
    Case(
        "latest_typed_na_is_fine",
        _both(
            _measures([*CALLS[:6], "n/a"], [*ANSWERED[:6], "n/a"], OFFICERS),
            _content(["measures", None, "Officers", None]),
        ),
    ),
    Case(
        "change_prints_as_zero",
        _measures(CALLS, [*ANSWERED[:4], 80.0, 85.71, 85.74]),
        (),
    ),
    Case(
        "negative_previous",
        _measures(CALLS, ["999 calls", "Budget variance", "currency", "higher", 0, -1000, 250]),
        (),
    ),
    Case(
        "section_of_speaker_notes_only",
        _content(["section", "Notes only", None, None], ["notes", "Say hello.", None, None]),
        (
            f'{W}{C}A6: the section "Notes only" has only speaker notes under its title, so '
            "it prints a page and a slide with nothing but the title; expected a "
            "paragraph, table or other block after it",
        ),
    ),
    Case(
        "section_with_nothing",
        _content(["section", "Empty", None, None]),
        (
            f'{W}{C}A6: the section "Empty" has no rows under its title, so it prints a '
            "page and a slide with nothing but the title; expected a paragraph, table or "
            "other block after it",
        ),
    ),
]

# -- 2. Real-client text and hostile cells ----------------------------------------------

_CONTROL = (
    "removed the control character{s} {codes} (pasted from another program); expected "
    "plain text, with Alt+Enter for a line break"
)
_GLYPHS = (
    'the font (Liberation Sans) cannot draw the characters "{chars}", so they print as '
    "empty boxes; expected letters of the Latin, Greek or Cyrillic alphabets"
)
_NOT_A_PATH = (
    'found "{start}" ({count} characters), which is not a file name; expected an image '
    "path relative to the workbook, such as images/logo.png"
)

HOSTILE: list[Case] = [
    Case(
        "outlook_carriage_returns",
        _set("Content", 4, 2, "Calls fell._x000D_\nAnswer times improved."),
    ),
    Case(
        "vertical_tab_and_bell",
        _set("Content", 4, 2, "Calls fell._x000B_ Answer times_x0007_ improved."),
        (f"{W}{C}B4: " + _CONTROL.format(s="s", codes="U+000B, U+0007"),),
    ),
    Case(
        "control_in_measure_label",
        _set("Measures", 2, 2, "Number of 999_x0008_ calls received"),
        (f"{W}{M}B2: " + _CONTROL.format(s="", codes="U+0008"),),
    ),
    Case(
        "control_in_report_and_table",
        _both(
            _set("Report", 2, 2, "Police and Crime Plan_x001F_"),
            _content(["table", "Rates", "Rates", None]),
            lambda s: s.update({"Rates": [["Crime", "Rate"], ["All_x000D_\ncrime", "8.4%"]]}),
        ),
        (f"{W}Report!B2: " + _CONTROL.format(s="", codes="U+001F"),),
    ),
    Case(
        "escaped_underscore_stays_literal",
        _set("Content", 4, 2, "File name_x005F_x000D_.csv"),
    ),
    Case(
        "chart_data_is_a_chartsheet",
        _content(["chart", "Reports by type", "Chart1", "column"]),
        (
            f'{E}{C}C6: "Chart1" is a chart sheet (a chart moved to its own sheet), which '
            "holds no cells; expected the name of a sheet holding the chart's figures from A1",
        ),
        extra=_chart_sheet,
        # -- Calc saves a chart sheet as an empty worksheet holding the chart --
        resaved=(
            "error Chart1!A1: the sheet has no header in row 1; expected the data to start at A1",
        ),
    ),
    Case(
        "table_data_is_a_chartsheet",
        _content(["table", "Reports by type", "chart1", None]),
        (
            f'{E}{C}C6: "chart1" is a chart sheet (a chart moved to its own sheet), which '
            "holds no cells; expected the name of a sheet holding the table's figures from A1",
        ),
        extra=_chart_sheet,
    ),
    Case(
        "logo_is_a_sentence",
        lambda s: s["Report"].append(["Logo", LONG]),
        (
            f"{E}Report!B4: "
            + _NOT_A_PATH.format(
                start="A sentence pasted from the minutes of the meeting. A senten…",
                count="1,529",
            ),
        ),
    ),
    Case(
        "image_data_is_a_sentence",
        _content(["image", "The app", LONG[:300], None]),
        (
            f"{E}{C}C6: "
            + _NOT_A_PATH.format(
                start="A sentence pasted from the minutes of the meeting. A senten…",
                count="300",
            ),
        ),
    ),
    Case(
        "image_path_with_a_line_break",
        _content(["image", "The app", "images/app.png\nsee the comms team", None]),
        (
            f"{E}{C}C6: "
            + _NOT_A_PATH.format(start="images/app.png see the comms team", count="33"),
        ),
    ),
    Case(
        "image_path_fine",
        _content(["image", "The app", "app.png", None]),
        files={"app.png": _png()},
    ),
    Case(
        "section_title_is_a_paragraph",
        _set("Content", 3, 2, LONG),
        (
            f"{W}{C}B3: a section title of 1,529 characters; expected a short title (it "
            "heads its page, its slide and the contents; put the rest in a paragraph)",
        ),
    ),
    Case("report_title_is_a_paragraph", _set("Report", 2, 2, LONG)),
    Case(
        "measure_label_too_long",
        _set("Measures", 2, 2, LONG[:400]),
        (
            f"{E}{M}B2: a measure of 400 characters; expected at most 300, so its row fits "
            "on a slide (put the explanation in a Note or a paragraph)",
        ),
    ),
    Case("measure_label_long_but_fits", _set("Measures", 2, 2, LONG[:300])),
    Case(
        "measure_label_too_tall_with_eight_periods",
        _measures(
            [*CALLS[:4], *range(100, 108)],
            [ANSWERED[0], LONG[:250], *ANSWERED[2:4], *range(60, 68)],
            header=[*HEADER[:4], *(f"12 months Sept {year}" for year in range(2017, 2025))],
        ),
        refused="Content!C5: Measures table 999 calls: a row is too tall to fit on a slide; "
        "shorten its text",
    ),
    Case("measure_label_unbroken", _set("Measures", 2, 2, "x" * 300)),
    Case("measure_note_is_a_paragraph", _set("Measures", 2, 8, LONG)),
    Case(
        "period_header_too_long",
        _set("Measures", 1, 7, LONG[:150]),
        (
            f"{E}{M}G1: a period header of 150 characters; expected at most 100 (a heading "
            "is a short label, such as 12 months Sept 2024)",
        ),
    ),
    Case(
        "heading_field_too_long",
        lambda s: s["Report"].append(["Change heading", LONG[:120]]),
        (
            f"{E}Report!B4: a heading of 120 characters; expected at most 100 (a heading "
            "is a short label, such as 12 months Sept 2024)",
        ),
    ),
    Case(
        "table_row_too_long",
        _both(
            _content(["table", "Rates", "Rates", None]),
            lambda s: s.update({"Rates": [["Crime", "Rate"], [LONG[:700], "8.4%"]]}),
        ),
        (
            "error Rates!A2: this row holds 704 characters of text; expected at most 600 "
            "in one table row, so it fits on a slide (put long text in a paragraph)",
        ),
    ),
    Case(
        "table_cell_unbroken",
        _both(
            _content(["table", "Rates", "Rates", None]),
            lambda s: s.update({"Rates": [["Crime", "Rate"], ["y" * 250, "8.4%"]]}),
        ),
    ),
    Case(
        "chart_with_long_categories",
        _both(
            _content(
                ["chart", "Reports", "Reports", "column"], ["chart", "Shares", "Reports", "pie"]
            ),
            lambda s: s.update(
                {"Reports": [["Type", "Reports"], [LONG[:300], 3120], ["Drugs " * 40, 1890]]}
            ),
        ),
    ),
    Case(
        "duplicate_zip_members",
        lambda s: None,
        (
            "error duplicate_zip_members.xlsx: the file holds two parts named "
            '"xl/worksheets/sheet1.xml", so it is damaged or was tampered with; open it in '
            "Excel and save it again",
        ),
        tamper=_duplicate_member,
    ),
    Case(
        "chinese_arabic_emoji",
        _both(
            _set("Content", 4, 2, "مرحبا and 你好 😀"),
            _set("Measures", 2, 2, "Calls 📞 received"),
        ),
        (
            f"{W}{C}B4: " + _GLYPHS.format(chars="مرحبا你好😀"),
            f"{W}{M}B2: " + _GLYPHS.format(chars="📞"),
        ),
    ),
    Case(
        "chinese_chart",
        _both(
            _content(["chart", "Reports 报告", "数据", "column"]),
            lambda s: s.update({"数据": [["Type", "报告"], ["ASB", 3120], ["毒品", 1890]]}),
        ),
        (
            f"{W}{C}B6: " + _GLYPHS.format(chars="报告"),
            f"{W}数据!B1: " + _GLYPHS.format(chars="报告"),
            f"{W}数据!A3: " + _GLYPHS.format(chars="毒品"),
        ),
    ),
    Case(
        "emoji_in_speaker_notes_is_fine",
        _content(["notes", "Thank the team 🎉", None, None]),
    ),
    Case(
        "welsh_and_polish",
        _both(
            _set("Content", 4, 2, "Croeso i'r adroddiad: ŵ ŷ â. Zażółć gęślą jaźń."),
            _set("Measures", 2, 2, "Galwadau 999 – Łódź"),
        ),
    ),
]

CASES: list[Case] = SLIPS + HOSTILE
BY_NAME = {case.name: case for case in CASES}
# -- re-saved through LibreOffice Calc as well: text escapes, number formats, charts --
LIBREOFFICE = (
    "blank_period_header_at_end",
    "typed_percent_change",
    "fraction_among_percents",
    "fractions_formatted_as_percent_are_fine",
    "negative_count",
    "latest_blank_for_a_table",
    "change_prints_as_zero",
    "negative_previous",
    "section_of_speaker_notes_only",
    "outlook_carriage_returns",
    "vertical_tab_and_bell",
    "chart_data_is_a_chartsheet",
    "section_title_is_a_paragraph",
    "measure_label_too_long",
    "chinese_arabic_emoji",
    "welsh_and_polish",
)
