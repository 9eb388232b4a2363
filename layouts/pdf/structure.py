"""The structure tree, parent tree and XMP metadata, written into the file on save.

`write_structure` turns the tree the story built (`tagging.Element`, with the content
the drawing marked) into PDF objects: one `/StructElem` per element that marks some
content, each kid an MCID, a marked-content reference (`/MCR`, content on another page)
or an object reference (`/OBJR`, a link annotation); the `/ParentTree` mapping every
page's MCIDs and every annotation back to its element; and the catalog's
`/StructTreeRoot`, `/MarkInfo` and `/Metadata` (XMP, declaring PDF/UA-1).
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import (
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

from layouts.pdf.internals import RawObject, register, set_catalog
from layouts.pdf.tagging import Annotated, Element, Mcid, Tagger


def write_structure(
    canvas: Canvas, tagger: Tagger, title: str, language: str, date: dt.date
) -> None:
    """Add the tree, the parent tree and the XMP packet to the document's catalog."""
    root = RawObject()
    root_ref = register(canvas, root)
    live = _live(tagger.root)
    objects = {id(element): RawObject() for element in live}
    refs = {key: register(canvas, obj) for key, obj in objects.items()}
    writer = _Writer(tagger, refs)
    for element in live:
        parent = refs[id(element.parent)] if element.parent is not None else root_ref
        objects[id(element)].parts = writer.element(element, parent)
    tree_ref = register(canvas, RawObject(writer.parent_tree()))
    top: Parts = [b" /K ", refs[id(tagger.root)]] if live else []  # -- nothing tagged: no /K --
    root.parts = [
        b"<< /Type /StructTreeRoot",
        *top,
        b" /ParentTree ",
        tree_ref,
        b" /ParentTreeNextKey %d /RoleMap << >> >>" % tagger.next_key,
    ]
    set_catalog(
        canvas,
        StructTreeRoot=root_ref,
        MarkInfo=PDFDictionary({"Marked": "true"}),
        Metadata=register(canvas, _xmp(title, language, date)),
    )


def _live(root: Element) -> list[Element]:
    """The elements that mark some content (the others are left out), in reading order."""
    marks: dict[int, bool] = {}

    def visit(element: Element) -> bool:
        found = [visit(kid) if isinstance(kid, Element) else True for kid in element.kids]
        marks[id(element)] = any(found)
        return marks[id(element)]

    def walk(element: Element) -> list[Element]:
        kept = [element]
        for kid in element.kids:
            if isinstance(kid, Element) and marks[id(kid)]:
                kept += walk(kid)
        return kept

    return walk(root) if visit(root) else []


Parts = list[bytes | PDFObject]


class _Writer:
    """Writes each element's dictionary and the parent tree, as parts of raw objects."""

    def __init__(self, tagger: Tagger, refs: dict[int, PDFObjectReference]) -> None:
        self.tagger = tagger
        self.refs = refs

    def element(self, element: Element, parent: PDFObjectReference) -> Parts:
        parts: Parts = [b"<< /Type /StructElem /S /%s /P " % element.role.encode(), parent]
        page = next((kid.page for kid in element.kids if isinstance(kid, Mcid)), None)
        if page is not None:
            parts += [b" /Pg ", self.tagger.page_refs[page]]
        kids = [self._kid(kid, page) for kid in element.kids if self._shown(kid)]
        # -- a single kid is written bare, not as a one-item array --
        parts.append(b" /K " if len(kids) == 1 else b" /K [")
        for index, kid in enumerate(kids):
            parts += [b" "] * (index > 0) + kid
        parts.append(b"" if len(kids) == 1 else b"]")
        if element.alt:
            parts += [b" /Alt ", PDFString(element.alt)]
        if element.scope:
            parts.append(b" /A << /O /Table /Scope /%s >>" % element.scope.encode())
        parts.append(b" >>")
        return parts

    def _shown(self, kid: Element | Mcid | Annotated) -> bool:
        return not isinstance(kid, Element) or id(kid) in self.refs

    def _kid(self, kid: Element | Mcid | Annotated, page: int | None) -> Parts:
        if isinstance(kid, Element):
            return [self.refs[id(kid)]]
        page_ref = self.tagger.page_refs[kid.page]
        if isinstance(kid, Annotated):
            return [b"<< /Type /OBJR /Obj ", kid.reference, b" /Pg ", page_ref, b" >>"]
        if kid.page == page:
            return [b"%d" % kid.mcid]
        return [b"<< /Type /MCR /Pg ", page_ref, b" /MCID %d >>" % kid.mcid]

    def parent_tree(self) -> Parts:
        """`/Nums`: each page's key -> its MCIDs' elements; each annotation's key -> Link."""
        entries: dict[int, Parts] = {}
        for page, key in self.tagger.page_keys.items():
            refs = [self.refs[id(element)] for element in self.tagger.pages[page]]
            entries[key] = [b"[", *_spaced(refs), b"]"]
        for key, link in self.tagger.annotation_keys.items():
            entries[key] = [self.refs[id(link)]]
        parts: Parts = [b"<< /Nums ["]
        for key in sorted(entries):
            parts += [b" %d " % key, *entries[key]]
        parts.append(b" ] >>")
        return parts


def _spaced(refs: list[PDFObjectReference]) -> Parts:
    parts: Parts = []
    for ref in refs:
        parts += [ref, b" "]
    return parts


XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:CreatorTool>pcc-summary</xmp:CreatorTool>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def _xmp(title: str, language: str, date: dt.date) -> PDFStream:
    """The XMP packet: title, language, dates, and the PDF/UA-1 identification."""
    text = XMP.format(
        title=escape(title), language=escape(language), date=f"{date:%Y-%m-%d}T00:00:00Z"
    )
    dictionary = PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")})
    return PDFStream(dictionary, text.encode("utf-8"))
