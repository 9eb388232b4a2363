"""Each reportlab internal that `layouts/pdf/internals.py` relies on, checked by name.

A reportlab upgrade that renames or changes one of these fails the test named after it,
rather than a distant layout test (or, worse, a PDF that is silently untagged).
"""

from __future__ import annotations

import io

import pdfplumber
import pikepdf
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFObjectReference, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
from reportlab.platypus.tableofcontents import TableOfContents

from layouts.pdf import internals


def _reopen(buffer: io.BytesIO) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(buffer.getvalue()))


def test_doSave_controls_whether_build_saves() -> None:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer)
    internals.defer_save(doc)
    doc.build([Paragraph("text")])
    assert buffer.getvalue() == b""  # -- not saved yet --
    doc.canv.save()
    assert buffer.getvalue().startswith(b"%PDF")


def test_pagesize_is_the_current_page_size() -> None:
    canvas = Canvas(io.BytesIO(), pagesize=(300, 500))
    assert internals.page_size(canvas) == (300.0, 500.0)


def test_curr_tx_info_gives_the_baseline_inside_onDraw() -> None:
    seen: list[float] = []
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer)

    def record(canvas: Canvas, _kind: str, _label: str) -> None:
        seen.append(internals.text_baseline(canvas))

    style = getSampleStyleSheet()["BodyText"]
    paragraph = Paragraph('one<onDraw name="record" label=""/><br/>two', style)
    doc.build([paragraph], canvasmaker=_with_callback(record))
    assert len(seen) == 1 and isinstance(seen[0], float)


def _with_callback(callback: object) -> object:
    def make(*args: object, **options: object) -> Canvas:
        canvas = Canvas(*args, **options)
        canvas.setNamedCB("record", callback)
        return canvas

    return make


def test_code_is_the_page_stream_and_can_be_cut() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    before = internals.stream_length(canvas)
    canvas.addLiteral("/Taken BMC")
    assert internals.stream_length(canvas) == before + 1
    internals.cut_stream(canvas, before)
    canvas.addLiteral("/Kept BMC EMC")
    canvas.showPage()
    canvas.save()
    with _reopen(buffer) as pdf:
        stream = pdf.pages[0].Contents.read_bytes()
    assert b"/Kept" in stream and b"/Taken" not in stream


def test_doc_thisPageRef_Reference_and_Catalog_reach_the_file() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.showPage()
    second = internals.page_reference(canvas)  # -- the page being drawn: page 2 --
    canvas.showPage()
    held = internals.register(canvas, PDFDictionary({"Page": second}))
    internals.set_catalog(
        canvas, OpenAction=PDFArray([second, PDFName("Fit")]), MarkInfo=PDFDictionary({"X": held})
    )
    canvas.save()
    with _reopen(buffer) as pdf:
        assert pdf.Root.OpenAction[0].objgen == pdf.pages[1].objgen
        assert pdf.Root.MarkInfo.X.Page.objgen == pdf.pages[1].objgen


def test_doc_Pages_pages_last_takes_new_page_entries() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.showPage()
    internals.set_last_page(canvas, StructParents=7, Tabs=PDFName("S"))
    canvas.save()
    with _reopen(buffer) as pdf:
        assert pdf.pages[0].StructParents == 7 and pdf.pages[0].Tabs == "/S"


class _Recording(internals.AnnotationCanvas):
    def __init__(self, *args: object, **options: object) -> None:
        super().__init__(*args, **options)
        self.references: list[PDFObjectReference] = []

    def annotation_added(self, reference: PDFObjectReference) -> tuple[int, str]:
        self.references.append(reference)
        return len(self.references) + 40, f"words {len(self.references)}"


def test_addAnnotation_is_the_funnel_of_linkURL_and_linkRect() -> None:
    buffer = io.BytesIO()
    canvas = _Recording(buffer)
    canvas.bookmarkPage("here")
    canvas.linkURL("https://example.org", (10, 10, 50, 20))
    canvas.linkRect("", "here", (10, 30, 50, 40))
    held = [internals.register(canvas, PDFDictionary({"Obj": r})) for r in canvas.references]
    internals.set_catalog(canvas, MarkInfo=PDFDictionary({"Held": PDFArray(held)}))
    canvas.showPage()
    canvas.save()
    with _reopen(buffer) as pdf:
        annots = list(pdf.pages[0].Annots)
        assert [int(a.StructParent) for a in annots] == [41, 42]
        assert [str(a.Contents) for a in annots] == ["words 1", "words 2"]
        held_objects = [entry.Obj.objgen for entry in pdf.Root.MarkInfo.Held]
        assert held_objects == [a.objgen for a in annots]


def test_objects_format_with_idToObjectNumberAndVersion() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    page = internals.page_reference(canvas)
    canvas.showPage()
    raw = internals.RawObject([b"<< /Page ", page, b" /Name ", PDFString("é"), b" >>"])
    internals.set_catalog(canvas, MarkInfo=internals.register(canvas, raw))
    canvas.save()
    with _reopen(buffer) as pdf:
        assert pdf.Root.MarkInfo.Page.objgen == pdf.pages[0].objgen
        assert str(pdf.Root.MarkInfo.Name) == "é"


def test_Table_cellvalues_and_rowSplitRange_control_where_a_table_splits() -> None:
    table = Table([[f"row {i}"] for i in range(10)])
    assert internals.row_count(table) == 10
    table.wrap(100, 1000)
    internals.set_split_range(table, (10, 10))  # -- nowhere --
    assert table.split(100, 60) == []
    internals.set_split_range(table, None)
    assert len(table.split(100, 60)) == 2


class _OneTable(TableOfContents):
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        table = Table([["drawn by the contents"]])
        internals.set_contents_table(self, table)
        return table.wrapOn(self.canv, availWidth, availHeight)


def test_TableOfContents_table_is_what_it_draws() -> None:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([_OneTable()])
    with pdfplumber.open(buffer) as pdf:
        assert "drawn by the contents" in (pdf.pages[0].extract_text() or "")
