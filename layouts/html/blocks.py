"""One HTML renderer per block type, chosen by `match`: mypy names a block type left out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import assert_never

from generator.model import (
    Block,
    Break,
    Bullet,
    Callout,
    Chart,
    Image,
    MeasuresTable,
    Note,
    Paragraph,
    Report,
    SpeakerNotes,
    Summary,
    Table,
    Trend,
)
from generator.words import Words
from layouts.html.charts import chart_figure
from layouts.html.glance import summary_html
from layouts.html.markup import attrs, data_uri, esc, runs_html
from layouts.html.tables import table_html
from layouts.html.trend import trend_html
from layouts.view import (
    assessment_key,
    chart_data_table,
    footnote_lines,
    measures_grid,
    table_grid,
)


@dataclass
class Counter:
    """What blocks need from the page: the report, the table that carries the key, and
    numbers for ids, counted in document order so the page is the same each build."""

    report: Report
    key_table: MeasuresTable | None
    words: Words = field(default_factory=Words)
    tables: int = 0
    charts: int = 0

    def next_table(self) -> str:
        self.tables += 1
        return f"table-{self.tables}"


def blocks_html(blocks: list[Block], counter: Counter) -> str:
    """The section's printed blocks; consecutive bullets become one nested list."""
    out: list[str] = []
    bullets: list[Bullet] = []
    for block in blocks:
        if isinstance(block, Bullet):
            bullets.append(block)
            continue
        if bullets:
            out.append(_list(bullets))
            bullets = []
        out.append(render_block(block, counter))
    if bullets:
        out.append(_list(bullets))
    return "\n".join(part for part in out if part)


def render_block(block: Block, counter: Counter) -> str:
    match block:
        case Paragraph():
            return f"<p>{runs_html(block.runs)}</p>"
        case Bullet():
            return _list([block])
        case Callout():
            return f'<p class="callout">{runs_html(block.runs)}</p>'
        case Note():
            return f'<p class="note">{runs_html(block.runs)}</p>'
        case MeasuresTable():
            return _measures(block, counter)
        case Table():
            caption = block.caption or block.sheet
            return table_html(table_grid(block), caption, counter.next_table(), False)
        case Chart():
            return _chart(block, counter)
        case Trend():
            counter.charts += 1
            return trend_html(block, counter.charts, counter.next_table())
        case Image():
            return _image(block)
        case Break():
            return '<div class="page-break"></div>'
        case SpeakerNotes():
            return ""  # for the presenter, in the deck only
        case Summary():
            return summary_html(block, counter.next_table(), counter.words)
        case _:
            assert_never(block)


def _list(bullets: list[Bullet]) -> str:
    """Levels 1–3 as nested <ul>; a level never deepens by more than one step."""
    out, depth = [], 0
    for bullet in bullets:
        level = min(bullet.level, depth + 1)
        if level > depth:
            out += ["<ul>"] * (level - depth)
        else:
            out.append("</li>")
            out += ["</ul></li>"] * (depth - level)
        out.append(f"<li>{runs_html(bullet.runs)}")
        depth = level
    out.append("</li>" + "</ul></li>" * (depth - 1) + "</ul>")
    return "".join(out)


def _measures(table: MeasuresTable, counter: Counter) -> str:
    caption = table.caption or table.name
    grid = measures_grid(table, counter.report, counter.words)
    parts = [table_html(grid, caption, counter.next_table(), True)]
    parts += [f'<p class="note">{esc(line)}</p>' for line in footnote_lines(table)]
    if table is counter.key_table:
        label, sentence = assessment_key(counter.words, counter.report.assessment)
        parts.append(f'<p class="note key"><strong>{esc(label)}:</strong> {esc(sentence)}</p>')
    return "\n".join(parts)


def _chart(chart: Chart, counter: Counter) -> str:
    counter.charts += 1
    figure = chart_figure(chart, counter.charts, counter.words["empty chart"])
    caption = counter.words.fill("chart figures", title=chart.title)
    data = table_html(table_grid(chart_data_table(chart)), caption, counter.next_table(), True)
    return f"{figure}\n{data}"


def _image(image: Image) -> str:
    return f'<p class="image"><img{attrs(src=data_uri(image.path), alt=image.alt_text)}></p>'
