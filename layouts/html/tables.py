"""Tables as HTML: a caption, column headers with scope, the label column as row headers,
figures right-aligned in tabular figures, and a focusable scrolling region so a wide table
never widens the page on a phone."""

from __future__ import annotations

from generator.model import Assessment
from layouts.html.markup import attrs, esc
from layouts.view import Grid, GridCell

TONES = {
    Assessment.BETTER: "better",
    Assessment.WORSE: "worse",
    Assessment.SAME: "muted",
    Assessment.NOT_SIGNIFICANT: "muted",
    Assessment.NEUTRAL: "muted",
    Assessment.UNAVAILABLE: "muted",
}


def table_html(grid: Grid, caption: str, table_id: str, row_headers: bool) -> str:
    """The grid in a labelled region; `row_headers` makes the first column `th scope=row`."""
    caption_id = f"{table_id}-caption"
    head = "".join(cell_html("th", cell, scope="col") for cell in grid.header)
    body = "".join(
        "<tr>"
        + "".join(
            cell_html("th", cell, scope="row") if row_headers and i == 0 else cell_html("td", cell)
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in grid.rows
    )
    region = attrs(class_="table-region", role="region", aria_labelledby=caption_id, tabindex="0")
    return (
        f"<div{region}><table{attrs(id=table_id)}>"
        f"<caption{attrs(id=caption_id)}>{esc(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def cell_html(tag: str, cell: GridCell, scope: str | None = None) -> str:
    classes = []
    if cell.align == "right":
        classes.append("num")
    if cell.tone is not None:
        classes.append(TONES[cell.tone])
    text = f"<strong>{esc(cell.text)}</strong>" if cell.bold else esc(cell.text)
    return f"<{tag}{attrs(scope=scope, class_=' '.join(classes) or None)}>{text}</{tag}>"
