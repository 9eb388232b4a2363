"""Workbook → model: the parser's entry point.

`load_document` opens the workbook safely (generator.workbook), reads the Report and
Content sheets and everything Content refers to, collects every problem, and either
returns the Document with its warnings or raises one WorkbookError listing all errors.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.contract import CONTENT, REPORT, REQUIRED_SHEETS, WORDS
from generator.errors import Problem, Problems, did_you_mean
from generator.model import Document, Report, Section
from generator.parse.cells import find_sheet
from generator.parse.content import parse_content
from generator.parse.report import parse_report
from generator.parse.review import warn_review
from generator.parse.sources import Sources, read_sheet
from generator.parse.words_sheet import parse_words
from generator.prose_check import Finding, Prose, check_prose
from generator.words import WordId, Words
from generator.workbook import Workbook, open_workbook

# -- Report headings that default to a fixed word, so they follow the language --
_DEFAULT_HEADINGS: dict[str, WordId] = {
    "measure_heading": "measure",
    "change_heading": "change",
    "percent_change_heading": "percent change",
    "assessment_heading": "assessment",
}


@dataclass(frozen=True)
class Loaded:
    document: Document
    warnings: tuple[Problem, ...]
    prose: tuple[Finding, ...] = ()  # what the prose check matched, for check --explain


def load_document(path: Path) -> Loaded:
    """The document a workbook describes, or WorkbookError with every problem found."""
    path = Path(path)
    problems = Problems()
    prose: list[Prose] = []
    with open_workbook(path) as book:
        document = _parse(book, path, problems, prose)
    problems.raise_if_errors()
    findings = check_prose(document.sections, prose, problems, document.words)
    return Loaded(document, tuple(problems.warnings), findings)


def _parse(book: Workbook, path: Path, problems: Problems, prose: list[Prose]) -> Document:
    folder = path.resolve().parent
    if book.has_macros:
        problems.warning(
            None,
            f"{path.name}: the workbook contains macros; they were not run, "
            "only the cells' values were read",
        )
    titles = {name: find_sheet(book, name) for name in REQUIRED_SHEETS}
    if not any(titles.values()) and _is_empty(book, problems):
        problems.error(
            None,
            f'{path.name}: the workbook is empty; expected the sheets "Report" and '
            '"Content" (start from the template: python -m generator template PATH)',
        )
        return Document(Report(title=""), (), path)
    for name, title in titles.items():
        if title is None:
            problems.error(
                None,
                f'{path.name}: no sheet named "{name}"'
                f"{did_you_mean(name, book.sheet_titles)}; expected the sheets "
                '"Report" and "Content" (and "Measures" for measures tables)',
            )
    report = Report(title="")
    report_title, content_title = titles[REPORT], titles[CONTENT]
    if report_title and (sheet := read_sheet(book, report_title, problems)):
        report = parse_report(sheet, folder, problems)
    words = _words(book, report, problems)
    report = _headings(report, words)
    sections: tuple[Section, ...] = ()
    if content_title and (sheet := read_sheet(book, content_title, problems, check_text=False)):
        sources = Sources(book, folder, report, problems, words)
        sections = parse_content(sheet, sources, problems, prose)
        sources.warn_unplaced_tables()
        warn_review(sheet, sources.measures_loaded, problems)
    return Document(report, sections, path, words)


def _words(book: Workbook, report: Report, problems: Problems) -> Words:
    """The Report's language's words, with the optional Words sheet's on top."""
    title = find_sheet(book, WORDS)
    sheet = read_sheet(book, title, problems) if title else None
    return Words(report.language, parse_words(sheet, problems) if sheet else {})


def _headings(report: Report, words: Words) -> Report:
    """Headings the Report leaves blank take the language's words (`Mesur`, `Newid`)."""
    defaults = Report(title="")
    blank: dict[str, Any] = {
        attribute: words[word]
        for attribute, word in _DEFAULT_HEADINGS.items()
        if getattr(report, attribute) == getattr(defaults, attribute)
    }
    return replace(report, **blank)


def _is_empty(book: Workbook, problems: Problems) -> bool:
    for title in book.sheet_titles:
        sheet = read_sheet(book, title, problems)
        if sheet is None or sheet.rows:
            return False
    return True
