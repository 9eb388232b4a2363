"""Charts as inline SVG: the PDF's matplotlib charts, named and described for screen
readers, their ids made unique within the page."""

from __future__ import annotations

import re
from functools import lru_cache

from generator.model import Chart
from generator.words import ENGLISH
from layouts.charts import chart_svg
from layouts.html.markup import attrs, esc

# -- points: drawn small, the page scales it to its column (40rem), so its 9.5-point
# labels read at about 12.7 px, the size of the page's small print --
WIDTH, HEIGHT = 480.0, 260.0
BAR_SLOT = 22.0  # points per bar in a bar chart, so many categories get room

_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(url\(#|xlink:href="#|href="#)([^)"]+)')
_SIZE = re.compile(r'<svg([^>]*?) width="[^"]*" height="[^"]*"')


def chart_figure(chart: Chart, number: int, empty: str = ENGLISH["empty chart"]) -> str:
    """<figure> holding the chart as SVG with role img, <title> and <desc> (the alt text)."""
    return named_figure(_svg(chart, empty), chart.title, chart.alt_text, number)


def named_figure(raw_svg: str, title: str, alt_text: str, number: int) -> str:
    """matplotlib's SVG as a <figure>, with role img, <title> and <desc> (the alt text)."""
    prefix = f"chart-{number}"
    svg = _inline(raw_svg, prefix)
    title_id, desc_id = f"{prefix}-title", f"{prefix}-desc"
    opening = svg.index(">", svg.index("<svg")) + 1
    head = svg[:opening].replace(
        "<svg",
        f"<svg{attrs(role='img', aria_labelledby=title_id, aria_describedby=desc_id)}",
        1,
    )
    named = (
        f"{head}<title{attrs(id=title_id)}>{esc(title)}</title>"
        f"<desc{attrs(id=desc_id)}>{esc(alt_text)}</desc>{svg[opening:]}"
    )
    return f'<figure class="chart"><figcaption>{esc(title)}</figcaption>{named}</figure>'


@lru_cache(maxsize=64)
def _svg(chart: Chart, empty: str) -> str:
    """Remembered by the chart's content: `preview` rebuilds the page on every save, and
    drawing a chart costs more than the rest of the page together."""
    return chart_svg(chart, WIDTH, _height(chart), empty).decode("utf-8")


def _height(chart: Chart) -> float:
    if chart.kind != "bar":
        return HEIGHT
    bars = len(chart.categories) * max(1, len(chart.series))
    return max(HEIGHT * 0.6, BAR_SLOT * bars + 70)


def _inline(svg: str, prefix: str) -> str:
    """matplotlib's standalone SVG as an element of the page: no XML prologue or
    metadata, ids prefixed (two charts may share clip-path ids), size set by CSS."""
    svg = _METADATA.sub("", _PROLOGUE.sub("", svg, count=1))
    svg = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', svg)
    svg = _REFERENCE.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)
    return _SIZE.sub(r"<svg\1", svg, count=1)
