"""Tagging while drawing: the structure tree, and the marked content tying pages to it.

The story's builders create the tree in reading order (`Element`), before anything is
drawn, and hang each leaf on the flowable that prints it (`tag`). While the document is
drawn, the frame (`TaggedFrame`), the tables' render callbacks (`DataTableTags` and
friends) and the cover's wrappers (`Marked`) write `BDC`/`EMC` around what they draw
and record each marked-content id with its element (`Tagger`). Everything else drawn
(bands, fills, rules, footers, repeated header rows) is an `/Artifact`. At the end
`layouts.pdf.structure` writes the tree into the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeAlias, TypeVar

from reportlab.pdfbase.pdfdoc import PDFName, PDFObjectReference
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame
from reportlab.platypus.doctemplate import ActionFlowable

from generator.model import Runs
from layouts.pdf.internals import TAG, attach, attached, cut_stream, stream_length

F = TypeVar("F", bound=Flowable)


class Mcid(NamedTuple):
    """A marked-content sequence: MCID `mcid` on page `page` (0-based).

    A tuple of ints, which the garbage collector stops tracking: a long document has
    tens of thousands, and tracked objects make every collection slower."""

    page: int
    mcid: int


@dataclass(frozen=True)
class Annotated:
    """A link annotation on page `page`, as an object reference."""

    page: int
    reference: PDFObjectReference


@dataclass(eq=False, slots=True)  # -- slots: a long document holds tens of thousands --
class Element:
    """A structure element: a standard role, its kids in reading order, its details."""

    role: str
    parent: Element | None = None
    alt: str = ""  # a Figure's description
    scope: str = ""  # a TH's Scope: "Column" or "Row"
    words: str = ""  # a Link's words, its annotations' /Contents
    href: str = ""  # a Link's address
    links: dict[str, str] | None = None  # address -> words of the links inside
    kids: list[Kid] = field(default_factory=list)

    def add(self, role: str, **details: Any) -> Element:
        """A new last kid with `role`."""
        element = Element(role, self, **details)
        self.kids.append(element)
        return element


Kid: TypeAlias = Element | Mcid | Annotated


def link_words(runs: Runs) -> dict[str, str] | None:
    """Each address linked in `runs`, with the words that carry it (None: no links)."""
    words: dict[str, str] = {}
    for run in runs:
        if run.href:
            words[run.href] = words.get(run.href, "") + run.text
    return words or None


def tag(flowable: F, element: Element) -> F:
    """Mark what `flowable` draws (and its parts, if split) as content of `element`."""
    attach(flowable, TAG, element)
    return flowable


class Tagger:
    """The drawing side of the tree: MCIDs per page, annotations, the open sequences."""

    def __init__(self, root: Element) -> None:
        self.root = root
        self.pages: list[list[Element]] = [[]]  # per page: the element of each MCID
        self.page_refs: list[PDFObjectReference] = []
        self.page_keys: dict[int, int] = {}  # page -> its /StructParents key
        self.annotation_keys: dict[int, Element] = {}  # /StructParent key -> Link
        self.next_key = 0
        self.href = ""  # the address of the link being drawn
        self._open: list[Element | None] = []  # None: an artifact
        self._linked_page = False

    @property
    def page(self) -> int:
        return len(self.pages) - 1

    def begin(self, canvas: Canvas, element: Element) -> None:
        mcid = len(self.pages[-1])
        self.pages[-1].append(element)
        element.kids.append(Mcid(self.page, mcid))
        canvas.addLiteral(f"/{element.role} <</MCID {mcid}>> BDC")
        self._open.append(element)

    def begin_artifact(self, canvas: Canvas, kind: str = "/Layout") -> None:
        canvas.addLiteral(f"/Artifact <</Type {kind}>> BDC")
        self._open.append(None)

    def end(self, canvas: Canvas) -> None:
        canvas.addLiteral("EMC")
        self._open.pop()

    def undo(self, canvas: Canvas, length: int, element: Element) -> None:
        """Take back a `begin` whose flowable did not fit after all."""
        cut_stream(canvas, length)
        self.pages[-1].pop()
        element.kids.pop()
        self._open.pop()

    def annotation(self, reference: PDFObjectReference) -> tuple[int, str]:
        """File a new link annotation under a Link element; its key and words."""
        current = next((e for e in reversed(self._open) if e is not None), self.root)
        link = current if current.role == "Link" else self._link_in(current)
        key = self.next_key
        self.next_key += 1
        self.annotation_keys[key] = link
        link.kids.append(Annotated(self.page, reference))
        self._linked_page = True
        return key, link.words or link.href

    def _link_in(self, element: Element) -> Element:
        href = self.href
        for kid in element.kids:
            if isinstance(kid, Element) and kid.role == "Link" and kid.href == href:
                return kid  # -- a link wrapped over two lines is one Link, two annotations --
        words = element.links.get(href, href) if element.links else href
        return element.add("Link", href=href, words=words)

    def close_page(self, reference: PDFObjectReference) -> dict[str, Any]:
        """The entries the page being closed needs (/StructParents, /Tabs)."""
        entries: dict[str, Any] = {}
        if self.pages[-1]:
            self.page_keys[self.page] = entries["StructParents"] = self.next_key
            self.next_key += 1
        if self._linked_page:
            entries["Tabs"] = PDFName("S")
        self.page_refs.append(reference)
        self.pages.append([])
        self._linked_page = False
        return entries


def tagger_of(canvas: Canvas) -> Tagger | None:
    """The canvas's tagger; None when drawing on a plain canvas (nothing is tagged)."""
    tagger: Tagger | None = getattr(canvas, "tagger", None)
    return tagger


@contextmanager
def artifact(canvas: Canvas, kind: str = "/Layout") -> Iterator[None]:
    """Everything drawn inside is an artifact (page furniture, not content)."""
    tagger = tagger_of(canvas)
    if tagger is not None:
        tagger.begin_artifact(canvas, kind)
    yield
    if tagger is not None:
        tagger.end(canvas)


class TaggedFrame(Frame):  # type: ignore[misc]
    """A frame that marks each tagged flowable it places as content of its element."""

    def add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        element: Element | None = attached(flowable, TAG)
        tagger = tagger_of(canv)
        if element is None or tagger is None:
            return int(super().add(flowable, canv, trySplit=trySplit))
        length = stream_length(canv)
        tagger.begin(canv, element)
        if super().add(flowable, canv, trySplit=trySplit):
            tagger.end(canv)
            return 1
        tagger.undo(canv, length, element)
        return 0

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        """The parts, each still content of the element: a split paragraph stays one P."""
        parts: list[Flowable] = super().split(flowable, canv)
        element: Element | None = attached(flowable, TAG)
        if element is not None:
            for part in parts:
                if not isinstance(part, ActionFlowable) and attached(part, TAG) is None:
                    tag(part, element)
        return parts


class Marked(Flowable):  # type: ignore[misc]
    """A flowable drawn as content of an element, for containers that draw their own
    children (KeepInFrame on the cover) instead of handing them to a frame."""

    def __init__(self, inner: Flowable, element: Element) -> None:
        super().__init__()
        self.inner, self.element = inner, element

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = self.inner.wrap(availWidth, availHeight)
        self.width, self.height = width, height
        return (width, height)

    def getSpaceBefore(self) -> float:
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.inner.getSpaceAfter())

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        tagger = tagger_of(canvas)
        if tagger is not None:
            tagger.begin(canvas, self.element)
        self.inner.drawOn(canvas, x, y, _sW)
        if tagger is not None:
            tagger.end(canvas)
