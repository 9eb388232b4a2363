"""The python-pptx internals layouts/deck/internals.py relies on, one test per assumption.

Each test is named after the assumption it checks, so after a python-pptx upgrade the
failing test's name says what changed; `internals.py` is the only module to fix.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.opc.package import XmlPart
from pptx.oxml.ns import qn
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.util import Inches

from layouts.deck import internals

REPO = Path(__file__).resolve().parents[1]


def _slide_with_text():
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    box = slide.shapes.add_textbox(0, 0, Inches(2), Inches(1))
    box.text_frame.text = "hello"
    return presentation, slide, box


def test_assumption_paragraph_keeps_its_a_p_element_as__p() -> None:
    _, _, box = _slide_with_text()
    paragraph = box.text_frame.paragraphs[0]
    element = internals.paragraph_element(paragraph)
    assert element.tag == qn("a:p")
    assert element.xpath("string(.//a:t)") == "hello"


def test_assumption_table_keeps_its_a_tbl_element_as__tbl() -> None:
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    table = slide.shapes.add_table(2, 2, 0, 0, Inches(4), Inches(1)).table
    element = internals.table_element(table)
    assert element.tag == qn("a:tbl")
    assert len(element.tr_lst) == 2


def test_assumption_chart_axes_keep_their_element_as__element() -> None:
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    data = CategoryChartData()
    data.categories = ["a", "b"]
    data.add_series("s", (1, 2))
    chart = slide.shapes.add_chart(XL_CHART_TYPE.LINE, 0, 0, Inches(4), Inches(3), data).chart
    assert internals.axis_element(chart.category_axis).tag == qn("c:catAx")
    assert internals.axis_element(chart.value_axis).tag == qn("c:valAx")


def test_assumption_slides_keep_the_sldIdLst_and_dropping_rels_removes_slides() -> None:
    presentation, _, _ = _slide_with_text()
    internals.remove_slides(presentation)
    assert len(presentation.slides) == 0
    buffer = io.BytesIO()
    presentation.save(buffer)
    assert b"hello" not in buffer.getvalue()
    assert len(Presentation(io.BytesIO(buffer.getvalue())).slides) == 0


def test_assumption_xml_parts_hold_their_tree_as__element() -> None:
    presentation, slide, _ = _slide_with_text()
    element = internals.part_element(slide.part)
    assert element is not None and element.tag == qn("p:sld")
    assert internals.part_element(presentation.part) is not None


def test_assumption_new_parts_are_named_through_package_next_partname() -> None:
    """fast_partnames replaces the package's `next_partname`; python-pptx must call it for
    notes slides, charts and embedded workbooks, and our names must equal its own."""
    names: dict[str, list[str]] = {}
    for fast in (False, True):
        presentation = Presentation()
        package = presentation.part.package
        if fast:
            internals.fast_partnames(package)
        calls: list[str] = []
        original = package.next_partname

        def recording(template: str, original=original, calls=calls):
            calls.append(template)
            return original(template)

        package.next_partname = recording
        for _ in range(3):
            slide = presentation.slides.add_slide(presentation.slide_layouts[6])
            slide.notes_slide.notes_text_frame.text = "notes"
            data = CategoryChartData()
            data.categories = ["a", "b"]
            data.add_series("s", (1, 2))
            slide.shapes.add_chart(XL_CHART_TYPE.PIE, 0, 0, Inches(3), Inches(3), data)
        assert any("notesSlide" in c for c in calls)
        assert any("chart" in c for c in calls)
        names[str(fast)] = sorted(str(p.partname) for p in package.iter_parts())
    assert names["True"] == names["False"]


def test_assumption_slide_parts_serialise_through_blob_and_can_be_swapped_to_bytes() -> None:
    def build(release: bool) -> bytes:
        presentation, slide, _ = _slide_with_text()
        slide.notes_slide.notes_text_frame.text = "notes"
        assert type(slide.part) is SlidePart
        assert type(slide.notes_slide.part) is NotesSlidePart
        assert isinstance(slide.part, XmlPart)
        part = slide.part
        if release:
            internals.release_slide(slide)
            assert internals.part_element(part) is None
        buffer = io.BytesIO()
        presentation.save(buffer)
        return buffer.getvalue()

    released, kept = build(True), build(False)
    assert Presentation(io.BytesIO(released)).slides[0].shapes[0].text_frame.text == "hello"
    assert len(released) == len(kept)


def test_only_internals_uses_python_pptx_private_members() -> None:
    """ruff's SLF001 (private member access) flags layouts/deck/internals.py and no other."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--select",
            "SLF001",
            "--output-format",
            "concise",
            "--no-cache",
            "layouts/deck",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    flagged = {line.split(":")[0] for line in result.stdout.splitlines() if ": SLF001" in line}
    assert flagged == {"layouts/deck/internals.py"}


def test_assumption_theme_is_a_plain_part_whose_bytes_are__blob() -> None:
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    presentation = Presentation()
    part = presentation.slide_master.part.part_related_by(RT.THEME)
    assert internals.part_element(part) is None  # bytes, not a tree
    internals.replace_blob(part, part.blob.replace(b"0000FF", b"9CC3FF"))
    buffer = io.BytesIO()
    presentation.save(buffer)
    reopened = Presentation(io.BytesIO(buffer.getvalue()))
    theme = reopened.slide_master.part.part_related_by(RT.THEME).blob
    assert b"9CC3FF" in theme and b'"0000FF"' not in theme
