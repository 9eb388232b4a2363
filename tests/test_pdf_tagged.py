"""The PDF is tagged: PDF/UA-1's machine-checkable rules pass, and stricter checks too.

On the example and on a stress workbook with every block type (links, nested bullets,
a table over three pages, charts, an image, a logo, a callout, a note, long text), the
`pdfua` checker reports nothing and skips nothing, and `tests/tagged_pdf.py` finds no
breach: no painting outside marked content, MCIDs matching the parent tree, every link
annotation in a Link element, every Figure with alt text, every Table with TH cells.
The text read through the structure tree follows the workbook's reading order.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from PIL import Image as PILImage

from generator.build import build
from generator.model import Chart, Trend
from generator.parse.document import load_document
from tests.conftest import PERIODS, build_workbook
from tests.tagged_pdf import pdfua_problems, problems, structure_text, untagged_characters

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "inputs" / "example.xlsx"
LONG = ("Policing plans are read by many people. " * 26)[:1000]
ROWS = 130  # a generic table this long runs over three pages
MONTHS = [dt.datetime(2022 + i // 12, i % 12 + 1, 1) for i in range(36)]


def _stress_sheets() -> dict[str, list[list[object]]]:
    return {
        "Report": [
            ["Field", "Value"],
            ["Title", "Stress test"],
            ["Organisation", "Office of the PCC"],
            ["Logo", "logo.png"],
        ],
        "Content": [
            ["Type", "Text", "Data", "Option"],
            ["theme", "Access to services", None, None],
            ["section", "Everything at once", None, None],
            ["paragraph", "Read the [awards page](https://example.org/awards) now.", None, None],
            ["bullet", "First level", None, 1],
            ["bullet", "Second level with [a link](mailto:team@example.org)", None, 2],
            ["bullet", "Third level", None, 3],
            ["bullet", "Back to first", None, 1],
            ["measures", "Calls this year", "Calls", None],
            ["chart", "Calls by month", "ByMonth", "column"],
            ["chart", "Reports by type", "Types", "pie"],
            ["callout", "A key statement with [a link](https://example.org/key).", None, None],
            ["note", "Source: force systems.", None, None],
            ["image", "A poster for the campaign", "poster.png", None],
            ["measures", "Crime by year", "Crime", None],
            ["trend", "Crimes month by month", "crimes", "spc"],
            ["section", "A long table", None, None],
            ["table", "Every row", "Long", None],
            ["theme", None, None, None],
            ["section", "Without a theme", None, None],
            ["paragraph", LONG, None, None],
        ],
        "Measures": [
            ["Table", "Measure", "Unit", "Better", *PERIODS, "Note"],
            ["Calls", "Calls received", "count", "", 113176, 121752, 113266, "A note"],
            ["Calls", "Answered in 10 seconds", "percent", "higher", 85.7, 87.7, 89.2],
        ],
        "ByMonth": [["Month", "Calls", "Answered"], ["Jan", 900, 850], ["Feb", 950, 870]],
        "Monthly": [
            ["Table", "Measure", "Unit", "Better", *MONTHS, "Key"],
            ["Crime", "Crimes recorded", "count", "lower", *range(100, 136), "crimes"],
        ],
        "Types": [["Type", "Reports"], ["ASB", 6000], ["Drugs", 1200], ["Other", 730]],
        "Long": [["Name", "Value"], *[[f"Row {i}", i * 7] for i in range(1, ROWS + 1)]],
    }


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example")
    build(EXAMPLE, out, formats=("pdf",))
    return out / "example.pdf"


@pytest.fixture(scope="module")
def stress_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stress")
    PILImage.new("RGB", (120, 60), "#12436D").save(folder / "logo.png", "PNG")
    PILImage.new("RGB", (80, 60), "#28A197").save(folder / "poster.png", "PNG")
    workbook = build_workbook(folder / "stress.xlsx", _stress_sheets())
    build(workbook, folder / "out", formats=("pdf",))
    return folder / "out" / "stress.pdf"


@pytest.fixture(params=["example", "stress"])
def pdf(request: pytest.FixtureRequest) -> Path:
    path: Path = request.getfixturevalue(f"{request.param}_pdf")
    return path


def test_the_pdfua_checker_finds_nothing_and_skips_nothing(pdf: Path) -> None:
    assert pdfua_problems(pdf) == []


def test_the_stricter_checks_pass(pdf: Path) -> None:
    assert problems(pdf) == []


def test_every_character_is_tagged_content_or_an_artifact(pdf: Path) -> None:
    assert untagged_characters(pdf) == ""


def test_pdfinfo_says_tagged(pdf: Path) -> None:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    result = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True)
    assert re.search(r"^Tagged:\s+yes$", result.stdout, re.MULTILINE)


def _squash(text: str) -> str:
    return "".join(text.split())


def _in_order(text: str, pieces: list[str]) -> list[str]:
    """The pieces not found in `text` after the previous one (empty: all in order)."""
    squashed, position, missing = _squash(text), 0, []
    for piece in pieces:
        found = squashed.find(_squash(piece), position)
        if found < 0:
            missing.append(piece)
        else:
            position = found + len(_squash(piece))
    return missing


def test_the_structure_reads_in_the_workbook_order(stress_pdf: Path) -> None:
    text = structure_text(stress_pdf)
    order = [
        "Stress test", "Office of the PCC", "Contents",
        "Access to services", "Everything at once", "Without a theme",  # the contents
        "Access to services", "Everything at once", "Read the awards page now.",
        "First level", "Second level with a link", "Third level", "Back to first",
        "Calls received", "Answered in 10 seconds", "A note",
        "Calls by month", "Jan", "Feb", "Reports by type", "ASB", "Drugs", "Other",
        "A key statement with a link.", "Source: force systems.",
        "A long table", "Every row", "Name", "Value", "Row 1", "Row 2", f"Row {ROWS}",
        "Without a theme", LONG,
    ]  # fmt: skip
    assert _in_order(text, order) == []


def test_a_table_over_three_pages_has_one_header_row_in_the_structure(stress_pdf: Path) -> None:
    with pdfplumber.open(stress_pdf) as opened:
        pages = [page.extract_text() or "" for page in opened.pages]
    assert sum("Row 1" in page or f"Row {ROWS}" in page for page in pages) >= 2
    assert sum(bool(re.search(r"^Name Value$", page, re.M)) for page in pages) >= 3
    text = structure_text(stress_pdf)
    long_table = text[text.index("Row 1 ") - 12 :]
    assert long_table.count("Name Value") == 1  # -- repeats on later pages are artifacts --
    assert f"Row {ROWS}" in long_table


def _roles(path: Path) -> list[str]:
    with pikepdf.open(path) as opened:
        found: list[str] = []

        def walk(node: pikepdf.Object) -> None:
            kids = node.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    found.append(str(kid.S)[1:])
                    walk(kid)

        walk(opened.Root.StructTreeRoot)
        return found


def test_the_tree_has_every_kind_of_element(stress_pdf: Path) -> None:
    roles = set(_roles(stress_pdf))
    expected = {"Document", "Sect", "H1", "H2", "P", "L", "LI", "LBody", "Table", "TR", "TH"}
    expected |= {"TD", "Caption", "Figure", "TOC", "TOCI", "Link"}
    assert expected <= roles


def test_lists_nest_three_deep(stress_pdf: Path) -> None:
    with pikepdf.open(stress_pdf) as opened:
        depth = _list_depth(opened.Root.StructTreeRoot, 0)
    assert depth == 3


def _list_depth(node: pikepdf.Object, depth: int) -> int:
    kids = node.get("/K")
    deepest = depth
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            deepest = max(deepest, _list_depth(kid, depth + (kid.S == "/L")))
    return deepest


def test_figures_carry_the_charts_and_images_alt_text(stress_pdf: Path) -> None:
    with pikepdf.open(stress_pdf) as opened:
        alts = [
            str(element.Alt)
            for element in _elements(opened.Root.StructTreeRoot)
            if element.S == "/Figure"
        ]
    document = load_document(stress_pdf.parent.parent / "stress.xlsx").document
    charts = [
        b.alt_text for s in document.sections for b in s.blocks if isinstance(b, Chart | Trend)
    ]
    assert len(charts) == 3
    # -- the logo, the charts and the trend (the deck's alt text), the image, in order --
    assert alts == ["Office of the PCC logo", *charts[:2], "A poster for the campaign", charts[2]]


def _elements(node: pikepdf.Object) -> list[pikepdf.Dictionary]:
    kids = node.get("/K")
    found = []
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found += [kid, *_elements(kid)]
    return found


def test_links_name_their_words(stress_pdf: Path) -> None:
    with pikepdf.open(stress_pdf) as opened:
        contents = {
            str(annot.Contents) for page in opened.pages for annot in page.obj.get("/Annots", [])
        }
    assert {"awards page", "a link", "Everything at once", "Without a theme"} <= contents


# -- the checks themselves can fail: each breach, made on purpose, is caught --


def _broken(source: Path, folder: Path, breach: str) -> Path:
    with pikepdf.open(source) as opened:
        page = opened.pages[2]
        if breach == "painting":
            page.contents_add(opened.make_stream(b"0 0 m 10 10 l S"), prepend=False)
        elif breach == "tabs":
            del opened.pages[1].obj["/Tabs"]
        elif breach == "parent tree":
            page.obj.StructParents = int(opened.pages[1].obj.StructParents)
        elif breach == "alt":
            for element in _elements(opened.Root.StructTreeRoot):
                if element.S == "/Figure":
                    del element["/Alt"]
        target = folder / f"{breach}.pdf"
        opened.save(target)
    return target


@pytest.mark.parametrize(
    ("breach", "message"),
    [
        ("painting", "S outside marked content"),
        ("tabs", "annotations but no /Tabs /S"),
        ("parent tree", "ParentTree"),
        ("alt", "a Figure without /Alt"),
    ],
)
def test_the_checks_catch_a_breach(
    stress_pdf: Path, tmp_path: Path, breach: str, message: str
) -> None:
    assert any(message in line for line in problems(_broken(stress_pdf, tmp_path, breach)))


def test_the_reading_order_check_catches_text_out_of_order() -> None:
    assert _in_order("first second", ["second", "first"]) == ["first"]
