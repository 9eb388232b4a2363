"""Strict checks of a tagged PDF, beyond what the `pdfua` package checks.

`problems(path)` lists every breach of these rules (empty: all pass):
- every painting operator (text, paths, shadings, images, forms) is inside marked content,
  and no MCID sequence is nested in another;
- each page's MCIDs are 0..n-1, each used once, and equal its `/ParentTree` entry, whose
  i-th element holds MCID i on that page; every element's parent is the element above it;
- every annotation is reached from a `Link` element through an `/OBJR`, its
  `/StructParent` maps to that Link, its `/Contents` names words; pages with annotations
  have `/Tabs /S`;
- every `Figure` has a non-empty `/Alt`; every `Table` has `TH` cells, each with a Scope;
- the catalog has MarkInfo, Lang, DisplayDocTitle and XMP naming the title, the language
  and `pdfuaid:part 1`; the file is PDF 1.7.

`structure_text(path)` is the text read through the structure tree, in its order
(pdfplumber gives each character's MCID), for reading-order checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pikepdf
from pdfua import Validator

PAINTING = {
    "Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do",
    "INLINE IMAGE",
}  # fmt: skip


def pdfua_problems(path: Path) -> list[str]:
    """The `pdfua` checker's findings and skipped rules, as lines."""
    report = Validator().validate(str(path))
    lines = []
    for outcome in report.outcomes:
        if outcome.skipped_reason:
            lines.append(f"{outcome.rule_id} skipped: {outcome.skipped_reason}")
        lines += [f"{f.rule_id}: {f.message} ({f.location})" for f in outcome.findings]
    return lines


def problems(path: Path) -> list[str]:
    with pikepdf.open(path) as pdf:
        found = _catalog_problems(pdf)
        mcids = {}
        for number, page in enumerate(pdf.pages, start=1):
            page_mcids, page_problems = _scan_content(page, number)
            mcids[page.obj.objgen] = page_mcids
            found += page_problems
        tree = _Tree(pdf)
        found += tree.problems
        found += _parent_tree_problems(pdf, tree, mcids)
        found += _annotation_problems(pdf, tree)
        found += _element_problems(tree)
    return found


def _catalog_problems(pdf: pikepdf.Pdf) -> list[str]:
    root = pdf.Root
    found = []
    if pdf.pdf_version != "1.7":
        found.append(f"PDF version {pdf.pdf_version}, expected 1.7")
    if not bool(root.get("/MarkInfo", {}).get("/Marked", False)):
        found.append("no /MarkInfo /Marked true")
    if not str(root.get("/Lang", "")):
        found.append("no /Lang")
    if not bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)):
        found.append("no /DisplayDocTitle true")
    if "/RoleMap" not in root.get("/StructTreeRoot", {}):
        found.append("no /RoleMap")
    xmp = bytes(root.Metadata.read_bytes()).decode("utf-8") if "/Metadata" in root else ""
    title, lang = str(pdf.docinfo.get("/Title", "")), str(root.get("/Lang", ""))
    for needed in ("<pdfuaid:part>1</pdfuaid:part>", f">{title}<", f"<rdf:li>{lang}</rdf:li>"):
        if needed not in xmp:
            found.append(f"XMP metadata lacks {needed}")
    return found


def _scan_content(page: pikepdf.Page, number: int) -> tuple[list[int], list[str]]:
    """The page's MCIDs in stream order, and painting outside marked content."""
    stack: list[int | None] = []
    mcids: list[int] = []
    found: list[str] = []
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            props = operands[1] if op == "BDC" else None
            mcid = (
                int(props["/MCID"])
                if isinstance(props, pikepdf.Dictionary) and ("/MCID" in props)
                else None
            )
            if mcid is not None:
                if any(m is not None for m in stack):
                    found.append(f"page {number}: MCID {mcid} nested in another")
                mcids.append(mcid)
            stack.append(mcid)
        elif op == "EMC":
            stack.pop()
        elif op in PAINTING and not stack:
            found.append(f"page {number}: {op} outside marked content")
    if sorted(mcids) != list(range(len(mcids))):
        found.append(f"page {number}: MCIDs {mcids} are not 0..n-1 each once")
    return mcids, found


class _Tree:
    """The structure tree, walked once: elements in order, each with its content."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.elements: list[pikepdf.Dictionary] = []
        self.problems: list[str] = []
        # (page objgen, mcid) -> element objgen; annotation objgen -> Link element
        self.marks: dict[tuple[tuple[int, int], int], tuple[int, int]] = {}
        self.objrs: dict[tuple[int, int], pikepdf.Dictionary] = {}
        self.order: list[tuple[tuple[int, int], int]] = []
        root = pdf.Root.get("/StructTreeRoot")
        if root is None:
            self.problems.append("no /StructTreeRoot")
            return
        for kid in _kids(root):
            self._walk(kid, root)

    def _walk(self, element: pikepdf.Dictionary, parent: pikepdf.Dictionary) -> None:
        self.elements.append(element)
        if element.get("/P") is None or element.P.objgen != parent.objgen:
            self.problems.append(f"{element.S} does not name its parent as /P")
        for kid in _kids(element):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                if element.S != "/Link":
                    self.problems.append(f"an OBJR under {element.S}, not a Link")
                self.objrs[kid.Obj.objgen] = element
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                self._mark(kid.Pg, int(kid.MCID), element)
            elif isinstance(kid, pikepdf.Dictionary):
                self._walk(kid, element)
            else:
                self._mark(element.get("/Pg"), int(kid), element)

    def _mark(self, page: Any, mcid: int, element: pikepdf.Dictionary) -> None:
        if page is None:
            self.problems.append(f"MCID {mcid} of {element.S} has no page")
            return
        key = (page.objgen, mcid)
        if key in self.marks:
            self.problems.append(f"MCID {mcid} is claimed twice")
        self.marks[key] = element.objgen
        self.order.append(key)


def _kids(element: pikepdf.Dictionary) -> Iterator[Any]:
    kids = element.get("/K")
    if kids is None:
        return
    yield from (kids if isinstance(kids, pikepdf.Array) else [kids])


def _number_tree(node: pikepdf.Dictionary) -> dict[int, Any]:
    found: dict[int, Any] = {}
    nums = list(node.get("/Nums", []))
    for index in range(0, len(nums), 2):
        found[int(nums[index])] = nums[index + 1]
    for kid in node.get("/Kids", []):
        found.update(_number_tree(kid))
    return found


def _parent_tree_problems(
    pdf: pikepdf.Pdf, tree: _Tree, mcids: dict[tuple[int, int], list[int]]
) -> list[str]:
    if "/StructTreeRoot" not in pdf.Root:
        return []
    nums = _number_tree(pdf.Root.StructTreeRoot.ParentTree)
    found = []
    for number, page in enumerate(pdf.pages, start=1):
        marked = mcids[page.obj.objgen]
        if not marked:
            continue
        entry = nums.get(int(page.obj.get("/StructParents", -1)))
        if entry is None or len(entry) != len(marked):
            found.append(f"page {number}: ParentTree entry does not list its {len(marked)} MCIDs")
            continue
        for mcid, element in enumerate(entry):
            if tree.marks.get((page.obj.objgen, mcid)) != element.objgen:
                found.append(f"page {number}: MCID {mcid} is not in its ParentTree element")
    claimed = {key for key in tree.marks}
    drawn = {(page, mcid) for page, ids in mcids.items() for mcid in ids}
    if claimed != drawn:
        found.append(f"{len(drawn - claimed)} MCIDs drawn but not in the tree")
    return found


def _annotation_problems(pdf: pikepdf.Pdf, tree: _Tree) -> list[str]:
    nums = _number_tree(pdf.Root.StructTreeRoot.ParentTree) if tree.elements else {}
    found = []
    for number, page in enumerate(pdf.pages, start=1):
        annots = list(page.obj.get("/Annots", []))
        if annots and page.obj.get("/Tabs") != "/S":
            found.append(f"page {number}: annotations but no /Tabs /S")
        for annot in annots:
            link = tree.objrs.get(annot.objgen)
            if link is None:
                found.append(f"page {number}: an annotation no Link reaches")
                continue
            parent = nums.get(int(annot.get("/StructParent", -1)))
            if parent is None or parent.objgen != link.objgen:
                found.append(f"page {number}: annotation's /StructParent is not its Link")
            if not str(annot.get("/Contents", "")).strip():
                found.append(f"page {number}: a link annotation without /Contents")
    return found


def _element_problems(tree: _Tree) -> list[str]:
    found = []
    for element in tree.elements:
        role = str(element.S)
        if role == "/Figure" and not str(element.get("/Alt", "")).strip():
            found.append("a Figure without /Alt")
        if role == "/Table":
            rows = [row for row in _kids(element) if _role(row) == "/TR"]
            cells = [cell for row in rows for cell in _kids(row) if _role(cell) == "/TH"]
            if not cells or any("/Scope" not in c.get("/A", {}) for c in cells):
                found.append("a Table without TH cells that have a Scope")
        kids = element.get("/K")
        if role.startswith("/H") and isinstance(kids, pikepdf.Array) and len(kids) == 1:
            found.append(f"{role} has a one-item /K array")
    return found


def _role(node: Any) -> str:
    return str(node.get("/S", "")) if isinstance(node, pikepdf.Dictionary) else ""


def structure_text(path: Path) -> str:
    """The text of every MCID, in the structure tree's order, joined by spaces."""
    with pikepdf.open(path) as pdf:
        tree = _Tree(pdf)
        pages = [page.obj.objgen for page in pdf.pages]
    texts: dict[tuple[tuple[int, int], int], str] = {}
    with pdfplumber.open(path) as opened:
        for objgen, page in zip(pages, opened.pages, strict=True):
            for char in page.chars:
                if char.get("mcid") is not None:
                    key = (objgen, char["mcid"])
                    texts[key] = texts.get(key, "") + char["text"]
    return " ".join(texts.get(key, "") for key in tree.order)


def untagged_characters(path: Path) -> str:
    """Characters that are neither tagged content nor artifacts (should be none)."""
    with pdfplumber.open(path) as opened:
        return "".join(
            char["text"]
            for page in opened.pages
            for char in page.chars
            if char.get("mcid") is None and char.get("tag") != "Artifact"
        )
