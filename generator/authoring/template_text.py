"""The words of the template: the Instructions sheet and the help on each Report field.

Kept apart from generator/authoring/template.py (which writes cells) so the contract summary for
analysts reads as one piece of prose and can be checked against the contract easily.
"""

from __future__ import annotations

from generator.contract import REPORT_FIELDS
from generator.words import ENGLISH, WELSH, WORD_IDS

# -- the template's worked example names no real force, and `check` warns if it is left in --
EXAMPLE_ORGANISATION = "Office of the Police and Crime Commissioner for Example Area"


_FIELD_LINES = tuple((f.name, f.help) for f in REPORT_FIELDS)

# (topic, text): a topic with no text is a sub-heading; ("", "") is a spacer line.
INSTRUCTIONS: tuple[tuple[str, str], ...] = (
    ("Performance summary workbook", ""),
    (
        "What it is for",
        "Fill in this workbook each quarter. The generator turns it into the PDF summary "
        "and the slide deck, so the figures, headings and wording all come from here.",
    ),
    (
        "Where to type",
        "Type only in the pale yellow cells (the input cells). Dark blue header rows name "
        "the columns: do not rename them. Each sheet holds one worked example row or a few: "
        "overwrite them with your own. Blank rows are skipped. Extra columns are ignored "
        "with a warning.",
    ),
    (
        "Drop-down lists",
        "Columns that take a fixed word (Type, Option, Unit, Better, and the Rounding and "
        "Page values) offer a drop-down list. Pick from it rather than typing.",
    ),
    ("", ""),
    ("Sheet Report", ""),
    (
        "How it works",
        "One row per field: the field name in Field, its value in Value. Only Title is "
        "required. Hover over a field name to see its help. The fields are:",
    ),
    *_FIELD_LINES,
    ("", ""),
    ("Sheet Content", ""),
    (
        "How it works",
        "The document from top to bottom, one block per row: Type says what the row is; "
        "Text holds its words; Data names what it shows; Option refines it. Every section "
        "starts a new page and a new slide. Apart from theme rows, the first row must be a "
        "section.",
    ),
    (
        "theme",
        "A heading shown above every section that follows, until the next theme. A theme "
        "row with an empty Text ends the theme, for a section that stands alone.",
    ),
    ("section", "The title of a new section (a new page and a new slide)."),
    ("paragraph", "Prose, with inline markup (below)."),
    ("bullet", "One bullet, with inline markup. Option: level 1, 2 or 3 (blank means 1)."),
    ("measures", "Data: the name of a table in the Measures sheet. Text: an optional caption."),
    (
        "table",
        "Data: the name of a sheet holding a table from cell A1 (header in row 1). "
        "Cells print as Excel shows them, number formats included. Text: optional caption. "
        "Option: total to print the last row (the table's total) in bold.",
    ),
    (
        "chart",
        "Text: the chart title (required). Data: the name of a sheet holding the chart's "
        "data: categories in column A, one series per further column, named by its header, "
        "numbers only. Option: column (default), bar, line or pie.",
    ),
    (
        "trend",
        "Data: the Key of a measure in the Monthly sheet. Text: the chart title (blank: the "
        "measure's label). Option: spc (default; a statistical process control chart: mean, "
        "process limits at mean ± 2.66 × the average moving range, and the latest month's "
        "result in words, e.g. Special cause improvement; under 15 months it is a run chart "
        "around the median) or line (a plain line chart).",
    ),
    ("callout", "A key statement shown prominently, e.g. more than 350 interventions."),
    ("note", "A source line or footnote under the section."),
    (
        "image",
        "Text: alt text (required). Data: a PNG or JPEG file, its path relative to this "
        "workbook's folder.",
    ),
    ("notes", "Speaker notes for the section's slides; not printed in the PDF."),
    ("break", "Starts a new page and slide inside a section."),
    (
        "summary",
        "At a glance: how many measures are better, worse, show no significant change or "
        "have no direction, then every measure by section with its latest value, change "
        "and assessment. A page and slide(s) of its own, e.g. as the first row. Text: its "
        "heading (default At a glance).",
    ),
    (
        "Inline markup",
        "In Text, **two asterisks** around words make them bold, and [label](https://address) "
        "makes a link whose label is printed (http, https or mailto addresses only). Anything "
        "else prints exactly as typed: a single *, <, & and quotes included.",
    ),
    (
        "Figures in Text",
        "{key} prints a measure's latest value exactly as its table prints it (key: the "
        "measure's Key in Measures). Also {key.previous}, {key.change} (-8,486; rates "
        "+1.5pts), {key.change_size} (8,486), {key.percent} (-6.9%), {key.percent_size} "
        "(6.9%) and {key.direction} (reduction, increase or no change). Markup works around "
        "them: **{calls999.percent_size} reduction**. Type {{ for a literal {.",
    ),
    (
        "Prose check",
        "check and build warn when a number typed in a section's text disagrees with the "
        "section's measures: a % within one point of a % change but not equal to it, a "
        "change's size with a direction word the other way (8,486 more calls when calls "
        "fell), or a change called a reduction or increase that is not significant. "
        "check --explain lists what each number was matched to.",
    ),
    ("", ""),
    ("Sheet Measures", ""),
    (
        "How it works",
        "One row per performance measure. Rows with the same Table form one table, in row "
        "order; a measures row in Content names it. The period headers (e.g. 12 months "
        "Sept 2024) print as typed: rename them, and insert a column for each extra period "
        "(two or more periods, oldest first), before Note, Key and Base. Type a new "
        "period's header before its figures: figures under a blank header are an error. "
        "Every period prints, each figure whole: a wide table prints in smaller type, on a "
        "landscape page (PDF), or with its periods in two tables; check says how many "
        "periods fit if there are more.",
    ),
    ("Measure", "The row label as it should print."),
    (
        "Unit",
        "count (whole numbers), percent (a rate, e.g. % answered in 10 seconds), number "
        "(decimals, e.g. average wait in seconds) or currency (pounds).",
    ),
    (
        "Better",
        "lower or higher: which direction is an improvement. Leave it blank when neither "
        "is (e.g. numbers of calls received: demand, not performance).",
    ),
    (
        "Values",
        "A blank cell or n/a means not available and prints as –; type n/a when the latest "
        "figures are not out yet (a table whose latest period is all blank gets a warning). "
        "A percent may be typed as 85.7, or as 0.857 in a cell formatted as a percentage "
        "(showing 85.7%): both mean 85.7%. A 0.857 pasted into an unformatted cell among "
        "percents is an error. A count is never negative.",
    ),
    (
        "Note",
        "Optional footnote. The measure gets a marker (*, †, ‡ …) and the note prints once "
        "under the table; rows with the same note share one marker. Do not type the marker.",
    ),
    (
        "Key",
        "Optional. A short name for the measure, unique in the workbook: letters, digits "
        "and _ only, e.g. calls999. Other rows and placeholders in Text refer to it.",
    ),
    (
        "Base",
        "Optional, percent rows only: the Key of the count the rate is a share of (e.g. "
        "calls999, the calls received, for % answered within 10 seconds), so the rate's "
        "change can be tested for significance. Blank: the rate is judged by direction only.",
    ),
    (
        "Change columns",
        "Never typed: the generator computes them from the last two periods. Counts, "
        "numbers and currency: the change (e.g. -8,486) and the % change (e.g. -6.9%). "
        "Percents: the change in percentage points (e.g. +1.5pts). Each change is marked "
        "better or worse using the Better column, in colour and in words; a change that "
        "rounds to zero (0.0pts) is no change. No % change prints when either value is "
        "negative (e.g. a budget variance). A column headed Change, Variance or Difference "
        "is refused.",
    ),
    (
        "Significance",
        "With the Report's Assessment at significance (the default), a change is Better or "
        "Worse only when it is statistically significant at 5%: counts by the exact "
        "conditional test of two Poisson counts, percents with a Base by the two-proportion "
        "z-test; anything else by direction alone. Otherwise the row says No significant "
        "change and keeps its arrow. Caveat: recorded crime varies more than the test "
        "assumes, so at high volumes it flags small changes; it guards against reading "
        "noise, it does not prove a cause.",
    ),
    (
        "Rounding",
        "The Report sheet's Rounding field sets how % changes are rounded to one decimal. "
        "nearest rounds half away from zero, as Excel's ROUND does: -919 on 4,050 is "
        "-22.69…% and prints -22.7%. truncate cuts toward zero, as the published 2024-25 Q2 "
        "summary's figures were: the same change prints -22.6%.",
    ),
    ("", ""),
    ("Sheet Monthly", ""),
    (
        "How it works",
        "Optional: monthly figures, one row per measure and one column per month (a date "
        "cell, or text such as Sep 2024), months consecutive and oldest first. Columns "
        "Table, Measure, Unit, Better and Note as in Measures, then Key and Base. A table "
        "named here prints the Report's Periods rolling windows of Window months, one year "
        "apart, ending at the table's last month with data, labelled e.g. 12 months Sept "
        "2024. A table must be in Monthly or Measures, not both.",
    ),
    (
        "Figures",
        "Counts, numbers and currency: a window is the sum of its months. Percents: type "
        "each month's rate; the window's rate is weighted by the Base's months (the share "
        "of all the window's calls), so a percent row needs a Base. Every month from a "
        "row's first figure to its last needs a figure (type 0 if there were none).",
    ),
    ("Key", "A short name for the measure (letters, digits, _), e.g. calls999; trend rows use it."),
    ("Base", "For a percent row: the Key of the count row that is its denominator."),
    ("", ""),
    ("A new quarter", ""),
    (
        "new-quarter",
        "python -m generator new-quarter last.xlsx next.xlsx  — writes next quarter's "
        "workbook: Period, Year and Published move on; Monthly gains three empty month "
        "columns to paste into; Measures period headers move a quarter on, their values "
        "cleared. Every narrative cell (Text of paragraph, bullet, callout, note and notes "
        "rows) is kept but flagged for review: an orange fill and a comment. check warns "
        "while any remain: rewrite or confirm the words, then set the cell's fill back to "
        "the pale yellow (or No Fill) and delete the comment.",
    ),
    (
        "diff",
        "python -m generator diff last.xlsx this.xlsx [--html changes.html]  — lists what "
        "changed between two editions: measures added or removed, revised figures, changed "
        "assessments and sections added, removed or re-worded.",
    ),
    ("", ""),
    ("Running it", ""),
    (
        "Check",
        "python -m generator check inputs/your-workbook.xlsx  — lists every problem with "
        "its cell (e.g. Measures!F12) and produces nothing, or says the workbook is valid.",
    ),
    (
        "Build",
        "python -m generator build inputs/your-workbook.xlsx -o build  — writes the PDF "
        "and the slide deck into the build folder (--format pdf or pptx for only one).",
    ),
    (
        "New template",
        "python -m generator template inputs/new.xlsx  — writes a fresh copy of this template.",
    ),
    ("", ""),
    ("Sheet Words (optional)", ""),
    (
        "How it works",
        "Add a sheet named Words, headers Word and Text, to print your own text for any fixed "
        "word below, in any language (one row per word). Keep the parts in {braces} as typed: "
        "they are filled in (e.g. Page {page} of {total}). The Report's Language picks the "
        "English or Welsh words shown here.",
    ),
    *((word, f"English: {ENGLISH[word]}  Welsh: {WELSH[word]}") for word in WORD_IDS),
)
