"""Every use of python-pptx's private API, in one place, each with a test that names it.

python-pptx offers no public way to reach a paragraph's or a table's XML, to drop the
slides of a template, to name new parts in constant time or to keep a finished slide as
bytes. The deck needs all of these; they live here so a python-pptx upgrade breaks one
module, and `tests/test_deck_internals.py` says which assumption no longer holds.
"""

from __future__ import annotations

import gc
from typing import Any

from pptx.chart.axis import _BaseAxis
from pptx.opc.package import OpcPackage, Part, XmlPart
from pptx.opc.packuri import PackURI
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.table import Table
from pptx.text.text import _Paragraph


def paragraph_element(paragraph: _Paragraph) -> BaseOxmlElement:
    """The paragraph's <a:p> (python-pptx keeps it as `_p`)."""
    element: BaseOxmlElement = paragraph._p
    return element


def table_element(table: Table) -> BaseOxmlElement:
    """The table's <a:tbl> (python-pptx keeps it as `_tbl`)."""
    element: BaseOxmlElement = table._tbl
    return element


def axis_element(axis: _BaseAxis) -> BaseOxmlElement:
    """A chart axis's <c:catAx>/<c:valAx> (python-pptx keeps it as `_element`)."""
    element: BaseOxmlElement = axis._element
    return element


def part_element(part: Part) -> BaseOxmlElement | None:
    """The root element of an XML part still held as a tree; None for a binary part or
    a slide already kept as bytes (`release_slide`)."""
    element = part.__dict__.get("_element") if isinstance(part, XmlPart) else None
    return element if isinstance(element, BaseOxmlElement) else None


def remove_slides(presentation: PresentationType) -> None:
    """Drop the template's own slides and their relationships, so none is saved."""
    slide_ids = presentation.slides._sldIdLst
    for slide_id in list(slide_ids):
        presentation.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)


# -- Part names in constant time ----------------------------------------------------------


def fast_partnames(package: OpcPackage) -> None:
    """Give `package` a `next_partname` that answers in constant time, with the same names.

    python-pptx finds each new part's name (every notes slide, chart and embedded
    workbook) by walking every part of the package, so a deck of n slides costs O(n²):
    about a second and a half of a 200-section deck. This keeps, for each name prefix,
    the set of names in use, reads the package once per prefix, and records each name it
    hands out. It is valid while parts are only added, never dropped, which holds from
    the moment `open_presentation` returns (the template's slides are already gone).
    """
    package.next_partname = _PartNames(package).next_partname  # type: ignore[method-assign, assignment]


class _PartNames:
    """python-pptx's own choice of name, made against a remembered set of names in use."""

    def __init__(self, package: OpcPackage) -> None:
        self._package = package
        self._taken: dict[str, set[str]] = {}  # prefix -> names in use starting with it

    def next_partname(self, template: str) -> PackURI:
        # -- the prefix is the template up to its %d, as python-pptx computes it, e.g.
        #    "/ppt/notesSlides/notesSlide" for "/ppt/notesSlides/notesSlide%d.xml" --
        prefix = template[: (template % 42).find("42")]
        if prefix not in self._taken:
            self._taken[prefix] = {
                str(part.partname)
                for part in self._package.iter_parts()
                if part.partname.startswith(prefix)
            }
        taken = self._taken[prefix]
        # -- python-pptx tries count + 1 first, then counts down to the first free
        #    number; doing the same keeps the names (and so the bytes) unchanged --
        name = next(template % n for n in range(len(taken) + 1, 0, -1) if template % n not in taken)
        for known, names in self._taken.items():
            if name.startswith(known):
                names.add(name)
        return PackURI(name)


# -- Finished slides kept as bytes ---------------------------------------------------------


def release_slide(slide: Slide) -> None:
    """Keep a finished slide and its notes as their saved XML, and let their trees go.

    An lxml tree takes ten times the memory of its XML text: kept whole, the 488 slides
    of a 200-section deck held ~150 MB until the save. Nothing reads or changes a slide
    once it is drawn, so its part serialises now, exactly as the save would, and keeps
    only the bytes; its tree is dropped, so a late access fails loudly instead of
    silently losing an edit.
    """
    views: list[Any] = [slide]
    if slide.has_notes_slide:
        views.append(slide.notes_slide)
    for view in views:
        part: XmlPart = view.part
        blob = part.blob
        part.__class__ = _SAVED[type(part)]
        part._blob = blob
        del part._element
        # -- python-pptx caches its slide objects on the part, and its shape objects on
        #    the slide (the caller still holds it): drop both, so they hold no tree --
        part.__dict__.pop("slide", None)
        part.__dict__.pop("notes_slide", None)
        vars(view).clear()
    # -- python-pptx's shape objects form reference cycles (a shape and its cached line
    #    format point at each other, a table and its rows, ...), so the dropped tree is
    #    only freed by the garbage collector, whose full pass runs seldom: peak memory
    #    then depended on its timing (120 to 180 MB at 200 sections). Collecting the
    #    young generations, where this slide's objects still are, costs ~0.1 ms --
    gc.collect(1)


class _SavedSlidePart(SlidePart):
    """A slide part whose XML is already serialised (see `release_slide`)."""

    @property  # type: ignore[misc]  # read-only, as in python-pptx's XmlPart
    def blob(self) -> bytes:
        return self._blob or b""


class _SavedNotesSlidePart(NotesSlidePart):
    """A notes slide part whose XML is already serialised (see `release_slide`)."""

    @property  # type: ignore[misc]  # read-only, as in python-pptx's XmlPart
    def blob(self) -> bytes:
        return self._blob or b""


_SAVED: dict[type[XmlPart], type[XmlPart]] = {
    SlidePart: _SavedSlidePart,
    NotesSlidePart: _SavedNotesSlidePart,
}


def replace_blob(part: Part, blob: bytes) -> None:
    """New bytes for a part python-pptx keeps only as bytes (a theme): `Part._blob`."""
    part._blob = blob
