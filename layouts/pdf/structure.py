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
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObjectReference,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

from layouts.pdf.internals import register, set_catalog
from layouts.pdf.tagging import Annotated, Element, Mcid, Tagger


def write_structure(
    canvas: Canvas, tagger: Tagger, title: str, language: str, date: dt.date
) -> None:
    """Add the tree, the parent tree and the XMP packet to the document's catalog."""
    root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
    root_ref = register(canvas, root)
    live = [element for element in _walk(tagger.root) if _marks_content(element)]
    dictionaries = {id(element): PDFDictionary() for element in live}
    refs = {key: register(canvas, dictionary) for key, dictionary in dictionaries.items()}
    writer = _Writer(tagger, refs)
    for element in live:
        parent = refs[id(element.parent)] if element.parent is not None else root_ref
        for key, value in writer.entries(element, parent).items():
            dictionaries[id(element)][key] = value
    root["K"] = refs[id(tagger.root)]
    root["ParentTree"] = register(canvas, writer.parent_tree())
    root["ParentTreeNextKey"] = tagger.next_key
    root["RoleMap"] = PDFDictionary({})
    set_catalog(
        canvas,
        StructTreeRoot=root_ref,
        MarkInfo=PDFDictionary({"Marked": "true"}),
        Metadata=register(canvas, _xmp(title, language, date)),
    )


def _walk(element: Element) -> list[Element]:
    """The element and its descendants, in reading order."""
    found = [element]
    for kid in element.kids:
        if isinstance(kid, Element):
            found += _walk(kid)
    return found


def _marks_content(element: Element) -> bool:
    return any(_marks_content(kid) if isinstance(kid, Element) else True for kid in element.kids)


class _Writer:
    """Fills each element's dictionary and collects the parent tree."""

    def __init__(self, tagger: Tagger, refs: dict[int, PDFObjectReference]) -> None:
        self.tagger = tagger
        self.refs = refs

    def entries(self, element: Element, parent: PDFObjectReference) -> dict[str, object]:
        entries: dict[str, object] = {
            "Type": PDFName("StructElem"),
            "S": PDFName(element.role),
            "P": parent,
        }
        page = next((kid.page for kid in element.kids if isinstance(kid, Mcid)), None)
        if page is not None:
            entries["Pg"] = self.tagger.page_refs[page]
        kids = [self._kid(kid, page) for kid in element.kids if self._shown(kid)]
        # -- a single kid is written bare, not as a one-item array --
        entries["K"] = kids[0] if len(kids) == 1 else PDFArray(kids)
        if element.alt:
            entries["Alt"] = PDFString(element.alt)
        if element.scope:
            entries["A"] = PDFDictionary({"O": PDFName("Table"), "Scope": PDFName(element.scope)})
        return entries

    def _shown(self, kid: Element | Mcid | Annotated) -> bool:
        return not isinstance(kid, Element) or id(kid) in self.refs

    def _kid(self, kid: Element | Mcid | Annotated, page: int | None) -> object:
        if isinstance(kid, Element):
            return self.refs[id(kid)]
        page_ref = self.tagger.page_refs[kid.page]
        if isinstance(kid, Annotated):
            return PDFDictionary({"Type": PDFName("OBJR"), "Obj": kid.reference, "Pg": page_ref})
        if kid.page == page:
            return kid.mcid
        return PDFDictionary({"Type": PDFName("MCR"), "Pg": page_ref, "MCID": kid.mcid})

    def parent_tree(self) -> PDFDictionary:
        """`/Nums`: each page's key -> its MCIDs' elements; each annotation's key -> Link."""
        entries: dict[int, object] = {
            key: PDFArray([self.refs[id(e)] for e in self.tagger.pages[page]])
            for page, key in self.tagger.page_keys.items()
        }
        for key, link in self.tagger.annotation_keys.items():
            entries[key] = self.refs[id(link)]
        nums: list[object] = []
        for key in sorted(entries):
            nums += [key, entries[key]]
        return PDFDictionary({"Nums": PDFArray(nums)})


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
