"""The HTML edition in a real browser: axe-core finds no WCAG 2.2 A/AA violation, every
figure and chart description is on the page, nothing is fetched, and a phone-width
screen scrolls only inside the table regions."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import Chart, Document, MeasuresTable
from generator.options import RenderOptions
from generator.parse import load_document
from layouts.html.layout import render_html
from layouts.view import measures_grid, printed_blocks
from tests.browser import browser, needs_chromium
from tests.deck_samples import deck_document, stress_document

EXAMPLE = Path(__file__).parent.parent / "inputs" / "example.xlsx"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _documents(folder: Path) -> dict[str, Document]:
    return {
        "example": load_document(EXAMPLE).document,
        "sample": deck_document(folder),
        "stress": stress_document(),
    }


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Document, Path]]:
    folder = tmp_path_factory.mktemp("html")
    result = {}
    for name, document in _documents(folder).items():
        path = folder / f"{name}.html"
        path.write_bytes(render_html(document, RenderOptions()))
        result[name] = (document, path)
    return result


@pytest.fixture(scope="module")
def chromium():
    with browser() as opened:
        yield opened


def _open(chromium, path: Path, width: int = 1280):
    page = chromium.new_page(viewport={"width": width, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, requests


@needs_chromium
@pytest.mark.parametrize("name", ["example", "sample", "stress"])
def test_axe_finds_no_wcag_violation(pages, chromium, name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page, _ = _open(chromium, pages[name][1])
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    page.close()
    assert results.violations_count == 0, results.generate_report()


@needs_chromium
def test_axe_does_find_a_violation(chromium, tmp_path) -> None:
    """The check above can fail: a page with an image without alt text does."""
    from axe_playwright_python.sync_playwright import Axe

    path = tmp_path / "bad.html"
    path.write_text('<!DOCTYPE html><html lang="en"><title>t</title><img src="x.png">')
    page, _ = _open(chromium, path)
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    page.close()
    assert "image-alt" in results.generate_snapshot()


@needs_chromium
@pytest.mark.parametrize("name", ["example", "sample"])
def test_every_figure_and_chart_description_is_on_the_page(pages, chromium, name) -> None:
    document, path = pages[name]
    page, requests = _open(chromium, path)
    cells = set(
        page.eval_on_selector_all("table th, table td", "els => els.map(e => e.innerText.trim())")
    )
    descriptions = page.eval_on_selector_all(
        "svg[role=img] desc", "els => els.map(e => e.textContent)"
    )
    page.close()
    blocks = [b for s in document.sections for b in printed_blocks(s)]
    figures = [
        cell.text
        for table in blocks
        if isinstance(table, MeasuresTable)
        for row in measures_grid(table, document.report).rows
        for cell in row
    ]
    assert figures and [f for f in figures if f not in cells] == []
    charts = [block.alt_text for block in blocks if isinstance(block, Chart)]
    assert descriptions == charts
    assert requests == [path.as_uri()]  # the page itself, and nothing else


@needs_chromium
def test_the_seed_figures_print(pages, chromium) -> None:
    page, _ = _open(chromium, pages["example"][1])
    text = page.inner_text("main")
    page.close()
    for figure in ("113,266", "-8,486", "-6.9%", "89.2%", "+1.5pts", "208,698", "84.6%"):
        assert figure in text


@needs_chromium
@pytest.mark.parametrize("name", ["example", "stress"])
def test_a_phone_scrolls_only_inside_table_regions(pages, chromium, name: str) -> None:
    page, _ = _open(chromium, pages[name][1], width=320)
    width = page.evaluate("document.documentElement.scrollWidth")
    regions = page.eval_on_selector_all(
        ".table-region",
        "els => els.map(e => [e.getAttribute('tabindex'), e.getAttribute('role'),"
        " e.getAttribute('aria-labelledby')])",
    )
    page.close()
    assert width <= 320
    assert regions and all(r == ["0", "region", r[2]] and r[2] for r in regions)


def test_the_page_is_deterministic_and_well_formed(pages) -> None:
    document, path = pages["example"]
    again = render_html(document, RenderOptions())
    assert path.read_bytes() == again
    html = again.decode()
    assert html.count("<h1>") == 1
    assert '<html lang="en-GB">' in html
    assert "<main" in html and "<nav" in html and "<header" in html and "<footer" in html
    assert 'href="http' not in html.split("<main")[0]  # no external stylesheet or font
    assert "<script" not in html
