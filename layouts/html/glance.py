"""The at-a-glance summary as HTML: the tally as a list (a number and its word each),
then one table with a row group per section, headed by the section's title.

Text only, no picture: a screen reader hears "15 Better" and the table's headers, and
the colours (from the tables' own tones) repeat what the words say.
"""

from __future__ import annotations

from generator.model import Summary
from generator.words import Words
from layouts.html.markup import attrs, esc
from layouts.html.tables import TONES, cell_html
from layouts.view import assessment_key, summary_grid, summary_tiles


def summary_html(block: Summary, table_id: str, words: Words) -> str:
    tiles = "".join(
        f'<li class="{TONES[tile.tone]}"><span class="count">{tile.count}</span> '
        f'<span class="word">{esc(tile.label)}</span></li>'
        for tile in summary_tiles(block, words)
    )
    parts = [f'<ul class="tally">{tiles}</ul>']
    if block.groups:
        parts.append(_table(block, table_id, words))
    label, sentence = assessment_key(words, block.rule)
    parts.append(f'<p class="note key"><strong>{esc(label)}:</strong> {esc(sentence)}</p>')
    return "\n".join(parts)


def _table(block: Summary, table_id: str, words: Words) -> str:
    grid = summary_grid(block, words)
    columns = len(grid.header)
    head = "".join(cell_html("th", cell, scope="col") for cell in grid.header)
    groups: list[str] = []
    for index, row in enumerate(grid.rows):
        if index in grid.titles:
            title = esc(row[0].text)
            groups.append(
                f'<tbody><tr class="group"><th{attrs(colspan=str(columns), scope="rowgroup")}>'
                f"{title}</th></tr>"
            )
            continue
        cells = cell_html("th", row[0], scope="row") + "".join(
            cell_html("td", cell) for cell in row[1:]
        )
        groups.append(f"<tr>{cells}</tr>")
    body = "".join(groups).replace("<tbody>", "</tbody><tbody>").removeprefix("</tbody>")
    caption_id = f"{table_id}-caption"
    region = attrs(class_="table-region", role="region", aria_labelledby=caption_id, tabindex="0")
    caption = esc(words["every measure"])
    return (
        f"<div{region}><table{attrs(id=table_id)}>"
        f"<caption{attrs(id=caption_id)}>{caption}</caption>"
        f"<thead><tr>{head}</tr></thead>{body}</tbody></table></div>"
    )
