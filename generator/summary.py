"""A one-line description of a document, for `check` and build progress."""

from __future__ import annotations

from generator.glance import document_tally, tally_counts
from generator.model import Chart, Document, MeasuresTable, Summary, Table, Trend


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def summarise(document: Document) -> str:
    """E.g. `12 sections, 6 measures tables (23 measures), 1 table, 1 chart, 1 summary;
    15 better, 0 worse, 6 no significant change, 2 no direction`."""
    blocks = [block for section in document.sections for block in section.blocks]
    measures = [block for block in blocks if isinstance(block, MeasuresTable)]
    rows = sum(len(table.rows) for table in measures)
    summaries = sum(isinstance(block, Summary) for block in blocks)  # a section each
    trends = sum(isinstance(block, Trend) for block in blocks)
    counts = [
        _count(len(document.sections) - summaries, "section"),
        f"{_count(len(measures), 'measures table')} ({_count(rows, 'measure')})",
        _count(sum(isinstance(block, Table) for block in blocks), "table"),
        _count(sum(isinstance(block, Chart) for block in blocks), "chart"),
    ]
    if trends:
        counts.append(_count(trends, "trend"))
    if summaries:
        counts.append(_count(summaries, "summary").replace("summarys", "summaries"))
    line = ", ".join(counts)
    if rows:  # -- the assessments the tables print, counted as the summary counts them --
        line += "; " + tally_counts(document_tally(document), document.report.assessment)
    return line
