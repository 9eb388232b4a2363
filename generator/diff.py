"""`diff`: what changed between two editions of the document, grouped for the panel.

Measures are matched by table and label; figures are compared period by period where
both editions print the same period label (a revision), as printed; assessments by
their words; sections by title, and re-worded when their printed prose differs. The
result prints as text, or as a small self-contained HTML page to circulate.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from generator import words_monthly as words
from generator.model import (
    Bullet,
    Callout,
    Document,
    MeasureRow,
    MeasuresTable,
    Note,
    Paragraph,
    Section,
    plain_text,
)


@dataclass(frozen=True)
class Revision:
    measure: str  # "Table › Measure"
    period: str
    old: str
    new: str
    cells: str  # where the row is in each edition


@dataclass(frozen=True)
class Reassessed:
    measure: str
    old: str
    new: str
    cells: str


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    revised: list[Revision] = field(default_factory=list)
    reassessed: list[Reassessed] = field(default_factory=list)
    sections_added: list[str] = field(default_factory=list)
    sections_removed: list[str] = field(default_factory=list)
    reworded: list[str] = field(default_factory=list)

    def empty(self) -> bool:
        return not any(vars(self).values())


_Rows = dict[tuple[str, str], tuple[MeasuresTable, MeasureRow]]


def _rows(document: Document) -> _Rows:
    found: _Rows = {}
    for section in document.sections:
        for block in section.blocks:
            if isinstance(block, MeasuresTable):
                for row in block.rows:
                    found.setdefault((block.name, row.label), (block, row))
    return found


def _name(key: tuple[str, str]) -> str:
    return f"{key[0]} › {key[1]}"


def compare(old: Document, new: Document) -> Changes:
    """Every change from `old` to `new`, in document order."""
    changes = Changes()
    before, after = _rows(old), _rows(new)
    changes.added = [_name(key) for key in after if key not in before]
    changes.removed = [_name(key) for key in before if key not in after]
    for key, (table, row) in after.items():
        if key in before:
            _compare_row(changes, key, before[key], (table, row))
    _compare_sections(changes, old.sections, new.sections)
    return changes


def _compare_row(
    changes: Changes,
    key: tuple[str, str],
    old: tuple[MeasuresTable, MeasureRow],
    new: tuple[MeasuresTable, MeasureRow],
) -> None:
    same = str(old[1].source) == str(new[1].source)
    cells = str(new[1].source) if same else f"{old[1].source} → {new[1].source}"
    old_by_period = dict(zip(old[0].periods, old[1].value_texts, strict=True))
    for period, text in zip(new[0].periods, new[1].value_texts, strict=True):
        was = old_by_period.get(period)
        if was is not None and was != text:
            changes.revised.append(Revision(_name(key), period, was, text, cells))
    if _said(old[1]) != _said(new[1]):
        changes.reassessed.append(Reassessed(_name(key), _said(old[1]), _said(new[1]), cells))


def _said(row: MeasureRow) -> str:
    return row.change.label or words.NO_ASSESSMENT


def _prose(section: Section) -> str:
    parts = [
        plain_text(block.runs)
        for block in section.blocks
        if isinstance(block, Paragraph | Bullet | Callout | Note)
    ]
    return "\n".join(parts)


def _compare_sections(changes: Changes, old: tuple[Section, ...], new: tuple[Section, ...]) -> None:
    before = {section.title: section for section in old}
    after = {section.title: section for section in new}
    changes.sections_added = [title for title in after if title not in before]
    changes.sections_removed = [title for title in before if title not in after]
    changes.reworded = [
        title
        for title, section in after.items()
        if title in before and _prose(before[title]) != _prose(section)
    ]


# -- Reports ---------------------------------------------------------------------------


def _groups(changes: Changes) -> list[tuple[str, list[str]]]:
    return [
        (words.DIFF_HEADINGS["added"], changes.added),
        (words.DIFF_HEADINGS["removed"], changes.removed),
        (
            words.DIFF_HEADINGS["revised"],
            [f"{r.measure}, {r.period}: {r.old} → {r.new} ({r.cells})" for r in changes.revised],
        ),
        (
            words.DIFF_HEADINGS["reassessed"],
            [f"{r.measure}: {r.old} → {r.new} ({r.cells})" for r in changes.reassessed],
        ),
        (words.DIFF_HEADINGS["sections_added"], changes.sections_added),
        (words.DIFF_HEADINGS["sections_removed"], changes.sections_removed),
        (words.DIFF_HEADINGS["reworded"], changes.reworded),
    ]


def text_report(changes: Changes, old: str, new: str) -> str:
    lines = [words.DIFF_TITLE.format(old=old, new=new)]
    if changes.empty():
        return "\n".join([*lines, words.DIFF_NOTHING])
    for heading, items in _groups(changes):
        if items:
            lines += ["", f"{heading} ({len(items)})", *(f"  {item}" for item in items)]
    return "\n".join(lines)


_STYLE = (
    "body{font-family:Arial,'Liberation Sans',sans-serif;max-width:50em;margin:2em auto;"
    "padding:0 1em;color:#0b0c0c;line-height:1.5}h1{font-size:1.6em}h2{font-size:1.2em;"
    "margin-top:1.5em;border-bottom:1px solid #b1b4b6}li{margin:.3em 0}"
)


def html_page(changes: Changes, old: str, new: str, language: str = "en-GB") -> str:
    """A self-contained, accessible page: a title, one heading and list per group."""
    title = html.escape(words.DIFF_TITLE.format(old=old, new=new))
    body = [f"<h1>{title}</h1>"]
    if changes.empty():
        body.append(f"<p>{html.escape(words.DIFF_NOTHING)}</p>")
    for heading, items in _groups(changes):
        if items:
            body.append(f"<h2>{html.escape(heading)} ({len(items)})</h2>")
            body.append("<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>")
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )
