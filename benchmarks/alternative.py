"""The usual alternative, for comparison: Markdown → pandoc → PPTX → LibreOffice → PDF.

`write_markdown` writes the same content as our build from the parsed model: theme and
section headings, paragraphs, bullets, pipe tables for the measures (with our computed
change columns) and the generic tables, speaker notes. Pandoc cannot draw a chart, so a
chart's data goes in as a table: that makes the comparison easier for the alternative,
not harder.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.model import (
    Break,
    Bullet,
    Callout,
    Chart,
    Document,
    Image,
    MeasuresTable,
    Note,
    Paragraph,
    Report,
    Runs,
    Section,
    SpeakerNotes,
    Table,
)

TOOLS = ("pandoc", "soffice")
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+!|~^$])")


def tools_missing() -> list[str]:
    """The comparison's programs that are not on PATH."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def pandoc_command(markdown: Path, pptx: Path) -> list[str]:
    return ["pandoc", "--from=markdown", "--to=pptx", f"--output={pptx}", str(markdown)]


def soffice_command(pptx: Path, outdir: Path, profile: Path) -> list[str]:
    # -- a private profile: other LibreOffice users on the machine cannot block or slow it --
    return [
        "soffice",
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        str(pptx),
    ]


def write_markdown(document: Document, target: Path) -> Path:
    """Write `document` as pandoc Markdown to `target`."""
    lines = _title_block(document.report)
    theme: str | None = None
    for section in document.sections:
        if section.theme and section.theme != theme:
            lines += [f"# {_escape(section.theme)}", ""]
        theme = section.theme
        lines += _section(section, document.report)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def _title_block(report: Report) -> list[str]:
    subtitle = " ".join(part for part in (report.subtitle, report.year, report.period) if part)
    return [
        "---",
        f"title: {_quoted(report.title)}",
        f"subtitle: {_quoted(subtitle)}",
        f"author: {_quoted(report.organisation)}",
        f"lang: {report.language}",
        "---",
        "",
    ]


def _section(section: Section, report: Report) -> list[str]:
    lines = [f"## {_escape(section.title)}", ""]
    for block in section.blocks:
        lines += _block(block, section.title, report)
    return lines


def _block(block: object, title: str, report: Report) -> list[str]:
    if isinstance(block, Paragraph):
        return [_runs(block.runs), ""]
    if isinstance(block, Bullet):
        return ["    " * (block.level - 1) + "- " + _runs(block.runs), ""]
    if isinstance(block, Callout):
        return [f"> **{_runs(block.runs)}**", ""]
    if isinstance(block, Note):
        return [f"*{_runs(block.runs)}*", ""]
    if isinstance(block, MeasuresTable):
        return _measures(block, report)
    if isinstance(block, Table):
        return _pipe_table(block.header, block.rows, [a == "right" for a in block.align])
    if isinstance(block, Chart):
        return _chart(block)
    if isinstance(block, Image):
        return [f"![{_escape(block.alt_text)}]({block.path.as_posix()})", ""]
    if isinstance(block, SpeakerNotes):
        return ["::: notes", block.text, ":::", ""]
    if isinstance(block, Break):
        return [f"## {_escape(title)} (continued)", ""]
    raise TypeError(f"no Markdown for {type(block).__name__}")


def _measures(table: MeasuresTable, report: Report) -> list[str]:
    header = (
        report.measure_heading,
        *table.periods,
        report.change_heading,
        report.percent_change_heading,
        report.assessment_heading,
    )
    rows = [
        (
            row.label + row.marker,
            *row.value_texts,
            row.change.text,
            row.change.percent_text,
            row.change.summary,
        )
        for row in table.rows
    ]
    right = [False] + [True] * (len(header) - 2) + [False]
    lines = [_escape(table.caption), ""] if table.caption else []
    lines += _pipe_table(header, rows, right)
    for footnote in table.footnotes:
        lines += [f"{_escape(footnote.marker)} {_escape(footnote.text)}", ""]
    return lines


def _chart(chart: Chart) -> list[str]:
    header = ("", *(series.name for series in chart.series))
    rows = [
        (category, *(series.value_texts[index] for series in chart.series))
        for index, category in enumerate(chart.categories)
    ]
    lines = [f"**{_escape(chart.title)}**", ""]
    return lines + _pipe_table(header, rows, [False] + [True] * len(chart.series))


def _pipe_table(
    header: tuple[str, ...],
    rows: list[tuple[str, ...]] | tuple[tuple[str, ...], ...],
    right: list[bool],
) -> list[str]:
    def line(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(_escape(cell) for cell in cells) + " |"

    rule = "|" + "|".join("---:" if is_right else ":---" for is_right in right) + "|"
    return [line(header), rule, *(line(row) for row in rows), ""]


def _runs(runs: Runs) -> str:
    parts = []
    for run in runs:
        text = _escape(run.text)
        if run.bold and text.strip():
            # -- Markdown bold cannot start or end with a space: keep spaces outside --
            core = text.strip()
            text = text.replace(core, f"**{core}**", 1)
        if run.href:
            text = f"[{text}]({run.href})"
        parts.append(text)
    return "".join(parts)


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
