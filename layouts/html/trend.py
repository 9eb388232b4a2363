"""The HTML edition's `trend` block: the latest month's result in words beside a colour
swatch, the SPC chart as inline SVG named for screen readers, then its figures."""

from __future__ import annotations

from functools import lru_cache

from generator.model import Trend
from layouts.html.charts import HEIGHT, WIDTH, named_figure
from layouts.html.markup import attrs, esc
from layouts.html.tables import table_html
from layouts.spc_style import VARIATION_COLOURS, trend_data_table
from layouts.view import table_grid


def trend_html(trend: Trend, chart_number: int, table_id: str) -> str:
    colour = VARIATION_COLOURS[trend.spc.variation]
    swatch = f"<span{attrs(aria_hidden='true', style=f'color:{colour}')}>■</span>"
    result = f'<p class="trend-result">{swatch} {esc(trend.words.result_line)}</p>'
    figure = named_figure(_svg(trend), trend.title, trend.alt_text, chart_number)
    caption = trend.words.data_caption
    data = table_html(table_grid(trend_data_table(trend)), caption, table_id, True)
    return "\n".join((figure, result, data))


@lru_cache(maxsize=32)
def _svg(trend: Trend) -> str:
    """Remembered by content, as charts are: `preview` rebuilds on every save."""
    from layouts.spc_chart import trend_svg

    return trend_svg(trend, WIDTH, HEIGHT).decode("utf-8")
