"""Every use of reportlab's private internals by the PDF edition, in one place.

reportlab has no public API for tagging a PDF or for saving a document after its
build, so the layout reaches into a few private attributes. Each function here states
the one assumption it makes; `tests/test_pdf_internals.py` checks each against the
installed reportlab by name, so an upgrade that breaks one fails a test that says which.
Nothing outside this module touches a reportlab name that starts with an underscore.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfdoc import (
    LinkAnnotation,
    PDFDictionary,
    PDFDocument,
    PDFObject,
    PDFObjectReference,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table
from reportlab.platypus.doctemplate import BaseDocTemplate
from reportlab.platypus.tableofcontents import TableOfContents


def defer_save(doc: BaseDocTemplate) -> None:
    """Stop `doc.build` from saving the canvas: the caller saves it after defining forms.

    Assumes: `BaseDocTemplate._endBuild` saves only when `_doSave` is true.
    """
    doc._doSave = 0


def page_size(canvas: Canvas) -> tuple[float, float]:
    """The current page's (width, height). Assumes: `Canvas._pagesize`."""
    width, height = canvas._pagesize
    return (float(width), float(height))


def text_baseline(canvas: Canvas) -> float:
    """The baseline of the paragraph line being drawn, inside an `<onDraw>` callback.

    Assumes: paragraphs set `Canvas._curr_tx_info["cur_y"]` around `onDraw` callbacks.
    """
    return float(canvas._curr_tx_info["cur_y"])


def stream_length(canvas: Canvas) -> int:
    """How many operators the current page holds so far. Assumes: `Canvas._code` list."""
    return len(canvas._code)


def cut_stream(canvas: Canvas, length: int) -> None:
    """Forget the operators written after `length` (a marked-content start never used)."""
    del canvas._code[length:]


def row_count(table: Table) -> int:
    """How many rows a Table holds (header included). Assumes: `Table._cellvalues`."""
    return len(table._cellvalues)


def set_split_range(table: Table, rows: tuple[int, int] | None) -> None:
    """Where the table may split: between rows `rows` (negative from the end), or None
    for anywhere. Assumes: `Table._rowSplitRange`, read by `Table.split`."""
    table._rowSplitRange = rows


def set_contents_table(contents: TableOfContents, table: Table) -> None:
    """The table a contents flowable draws and splits (the caller wraps it).

    Assumes: `TableOfContents.drawOn` and `split` use `TableOfContents._table`.
    """
    contents._table = table


def page_reference(canvas: Canvas) -> PDFObjectReference:
    """A reference to the page being drawn. Assumes: `Canvas._doc.thisPageRef()`."""
    reference: PDFObjectReference = canvas._doc.thisPageRef()
    return reference


def register(canvas: Canvas, obj: PDFObject) -> PDFObjectReference:
    """Add an object to the file and return a reference. Assumes: `Canvas._doc.Reference`."""
    reference: PDFObjectReference = canvas._doc.Reference(obj)
    return reference


def set_catalog(canvas: Canvas, **entries: Any) -> None:
    """Set entries of the document catalog (StructTreeRoot, MarkInfo, Metadata).

    Assumes: `Canvas._doc.Catalog` writes every attribute named in its `__NoDefault__`.
    """
    catalog = canvas._doc.Catalog
    for key, value in entries.items():
        assert key in catalog.__NoDefault__, key
        setattr(catalog, key, value)


def set_last_page(canvas: Canvas, **entries: Any) -> None:
    """Add entries (StructParents, Tabs) to the page the last `showPage` closed.

    Assumes: the page is `Canvas._doc.Pages.pages[-1]` and writes the keys listed in
    its `__NoDefault__`, which a per-instance list may extend.
    """
    page = canvas._doc.Pages.pages[-1]
    page.__NoDefault__ = [*page.__NoDefault__, *(k for k in entries if k not in page.__NoDefault__)]
    for key, value in entries.items():
        setattr(page, key, value)


class AnnotationCanvas(Canvas):  # type: ignore[misc]
    """A canvas that lets a subclass give each link annotation its `/StructParent`.

    Assumes: `linkURL` and `linkRect` both end in `Canvas._addAnnotation(annotation,
    name, addtopage)`, the annotation being a `PDFDictionary` (linkURL) or a
    `LinkAnnotation` (linkRect), named `Annot.<name>` in the document.
    """

    def annotation_added(self, reference: PDFObjectReference) -> tuple[int, str]:
        """The `/StructParent` key and the words (`/Contents`) of a new annotation."""
        raise NotImplementedError

    def _addAnnotation(self, annotation: Any, name: str | None = None, addtopage: int = 1) -> None:
        name = name or f"tagged{self._annotationCount + 1}"
        key, words = self.annotation_added(self._doc.refAnnotation(name))
        if isinstance(annotation, PDFDictionary):
            annotation["StructParent"] = key
            annotation["Contents"] = PDFString(words)
        elif isinstance(annotation, LinkAnnotation):
            annotation.permitted = (*annotation.permitted, "StructParent")
            annotation.otherkw["StructParent"] = key
            annotation.Contents = words
        super()._addAnnotation(annotation, name, addtopage)


class RawObject(PDFObject):  # type: ignore[misc]
    """An object written as the concatenation of its parts: bytes as they are, and
    objects that write themselves (references, strings) at save time.

    reportlab's PDFDictionary sorts and re-encodes every key and value; a tagged
    document holds tens of thousands of structure elements, and writing them this way
    costs a fraction. Assumes: the document writes each registered object by calling
    its `format(document)`, by then holding each name's (number, generation) in
    `idToObjectNumberAndVersion`.
    """

    def __init__(self, parts: list[bytes | PDFObject] | None = None) -> None:
        self.parts = parts or []

    def format(self, document: PDFDocument) -> bytes:
        numbers = document.idToObjectNumberAndVersion
        return b"".join(
            part
            if isinstance(part, bytes)
            else b"%d %d R" % numbers[part.name]
            if isinstance(part, PDFObjectReference)
            else part.format(document)
            for part in self.parts
        )


# -- Our own data on reportlab's flowables ------------------------------------------------
#
# The outline entry, the section a page continues, a contents line's words, the structure
# element and the workbook cell ride on the flowables they belong to. Their names start
# with an underscore because reportlab's Drawing refuses any public attribute it does not
# know (`reportlab.lib.attrmap`), and only underscored names pass.

OUTLINE, SECTION, WORDS, TAG, SOURCE = (
    "_pcc_outline",
    "_pcc_section",
    "_pcc_words",
    "_pcc_tag",
    "_pcc_source",
)


def attach(flowable: Any, key: str, value: object) -> None:
    setattr(flowable, key, value)


def attached(flowable: Any, key: str) -> Any:
    return getattr(flowable, key, None)
