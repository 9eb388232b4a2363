"""Saving the deck byte-for-byte reproducibly: fixed metadata dates and zip timestamps.

python-pptx stamps zip entries with the current time and XlsxWriter stamps each chart's
embedded workbook with "now", so the same document would give a different file each run.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import re
import zipfile
from typing import Any

from pptx.opc.package import OpcPackage, XmlPart
from pptx.opc.packuri import PackURI
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide

from generator.model import Report
from layouts.view import properties

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_W3C_DATE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


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


MAX_PROPERTY = 255


def metadata_date(report: Report) -> dt.datetime:
    return dt.datetime.combine(report.metadata_date, dt.time())


def _property(text: str) -> str:
    """python-pptx refuses a document property over 255 characters (a pasted paragraph as
    the Title); the slides print it whole, the property is cut with an ellipsis."""
    if len(text) <= MAX_PROPERTY:
        return text
    return " ".join(text.split())[: MAX_PROPERTY - 1].rstrip() + "…"


def set_core_properties(presentation: PresentationType, report: Report) -> None:
    """Title, author, subject, language, keywords and fixed dates (accessibility checkers
    read the title and language; fixed dates keep the file reproducible)."""
    core = presentation.core_properties
    core.title = _property(report.full_title)
    core.author = _property(report.organisation)
    core.last_modified_by = _property(report.organisation)
    core.subject = _property(properties(report).subject)
    core.language = report.language
    core.keywords = _property(", ".join(report.keywords))
    core.category = ""
    core.comments = ""
    core.revision = 1
    when = metadata_date(report)
    core.created = core.modified = core.last_printed = when


def save(presentation: PresentationType, report: Report) -> bytes:
    buffer = io.BytesIO()
    presentation.save(buffer)
    return normalise_zip(buffer.getvalue(), metadata_date(report))


def normalise_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same archive with fixed entry times; embedded workbooks normalised too."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename.endswith(".xlsx"):
                blob = normalise_zip(blob, when)
            elif info.filename == "docProps/core.xml":
                blob = _W3C_DATE.sub(rb"\g<1>" + stamp + rb"\g<2>", blob)
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, blob)
    return out.getvalue()
