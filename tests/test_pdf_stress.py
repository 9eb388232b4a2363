"""Content far bigger than a page flows on, splits and repeats headers; nothing is clipped."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pytest

from generator.model import Callout, Document, Paragraph, Section, Table
from generator.options import RenderOptions
from layouts.pdf.layout import render_pdf
from tests.samples import SRC, VIOLENCE, report, runs

WORDS = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "


def words(count: int, tag: str) -> str:
    """About `count` characters of words, with `tag` at the start and `end<tag>` at the end."""
    body = (WORDS * (count // len(WORDS) + 1))[:count]
    return f"start{tag} {body} end{tag}"


def render(*blocks: object) -> list[str]:
    section = Section("Stress", "", tuple(blocks), SRC)  # type: ignore[arg-type]
    data = render_pdf(Document(report(), (section,), Path("x.xlsx")), RenderOptions())
    with pdfplumber.open(io.BytesIO(data)) as opened:
        return [page.extract_text() or "" for page in opened.pages]


def squash(text: str) -> str:
    return "".join(text.split())


def table(rows: list[tuple[str, str]]) -> Table:
    return Table("", "Sheet", ("Name", "Value"), tuple(rows), ("left", "right"), SRC)


TEXTS = {
    "para": words(10_000, "para"),
    "cell": words(2_000, "cell"),
    "huge": words(20_000, "huge"),
    "callout": words(6_000, "callout"),
}


@pytest.fixture(scope="module")
def stress_pages() -> list[str]:
    return render(
        Paragraph(runs(TEXTS["para"]), SRC),
        table([(f"Row {i}", f"{i:,}") for i in range(1, 80)]),
        table([("Short", "1"), (TEXTS["cell"], "2"), (TEXTS["huge"], "3"), ("Last row", "4")]),
        Callout(runs(TEXTS["callout"]), SRC),
        VIOLENCE,
    )


def test_every_word_of_every_long_text_is_printed(stress_pages: list[str]) -> None:
    text = squash("".join(stress_pages))
    for tag in TEXTS:
        assert f"start{tag}" in text and f"end{tag}" in text
    # -- split over pages and table rows, the words are all there, none clipped --
    expected = sum(squash(body).count("loremipsum") for body in TEXTS.values())
    assert text.count("loremipsum") == expected


def test_long_paragraph_flows_over_several_pages(stress_pages: list[str]) -> None:
    first = next(i for i, page in enumerate(stress_pages) if "startpara" in page)
    last = next(i for i, page in enumerate(stress_pages) if "endpara" in page)
    assert last >= first + 2


def test_long_table_repeats_its_header_on_every_page(stress_pages: list[str]) -> None:
    pages = [page for page in stress_pages if re.search(r"^Row \d+ ", page, re.MULTILINE)]
    assert len(pages) >= 2
    assert all("Name Value" in page for page in pages)


def test_rows_after_an_over_tall_cell_still_print(stress_pages: list[str]) -> None:
    assert "Last row 4" in "\n".join(stress_pages)
    assert "Homicides 8 12 11 -1 -8.3% ▼ Better" in "\n".join(stress_pages)


def test_long_title_shrinks_on_the_cover_and_wraps_elsewhere() -> None:
    title = "A very long report title " * 12
    section = Section(title.strip(), title.strip(), (), SRC)
    data = render_pdf(
        Document(report(title=title.strip()), (section,), Path("x.xlsx")), RenderOptions()
    )
    with pdfplumber.open(io.BytesIO(data)) as opened:
        assert squash(title) in squash(opened.pages[0].extract_text() or "")
        assert squash(title) in squash(opened.pages[2].extract_text() or "")
