"""A one-line description of a document, for `check` and build progress."""

from __future__ import annotations

from generator.model import Chart, Document, MeasuresTable, Table, Trend


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def summarise(document: Document) -> str:
    """E.g. `12 sections, 6 measures tables (27 measures), 1 table, 1 chart`."""
    blocks = [block for section in document.sections for block in section.blocks]
    measures = [block for block in blocks if isinstance(block, MeasuresTable)]
    rows = sum(len(table.rows) for table in measures)
    trends = sum(isinstance(block, Trend) for block in blocks)
    parts = [
        _count(len(document.sections), "section"),
        f"{_count(len(measures), 'measures table')} ({_count(rows, 'measure')})",
        _count(sum(isinstance(block, Table) for block in blocks), "table"),
        _count(sum(isinstance(block, Chart) for block in blocks), "chart"),
    ]
    return ", ".join(parts + ([_count(trends, "trend")] if trends else []))
