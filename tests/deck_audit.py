"""Read a saved deck's XML as a checker would: the language of every piece of text, and
the contrast of every text colour against what lies beneath it.

Independent of the deck's own code: it resolves backgrounds from the slide, its layout,
its master and theme, fills of shapes drawn earlier, table cells, chart areas and pie
slices, straight from the package's parts.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from generator.colour import contrast_ratio

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
}
EMU = 12700
MIN = 4.5


def q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


class Package:
    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.names = self.zip.namelist()

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name))

    def rels(self, name: str) -> dict[str, tuple[str, str]]:
        """rId -> (type suffix, part name) for the part `name`."""
        folder, base = posixpath.split(name)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self.names:
            return {}
        out = {}
        for rel in self.xml(rels_name):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target")))
            out[rel.get("Id")] = (rel.get("Type").rsplit("/", 1)[-1], target)
        return out

    def related(self, name: str, kind: str) -> str:
        return next(target for t, target in self.rels(name).values() if t == kind)


# -- Language ---------------------------------------------------------------------------


@dataclass
class LanguageAudit:
    problems: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)  # part kind -> elements checked


def audit_language(data: bytes, language: str) -> LanguageAudit:
    """Every a:rPr, a:endParaRPr and a:defRPr in every part says `language`; every run
    and field has properties; every chart has c:lang."""
    package, audit = Package(data), LanguageAudit()
    for name in package.names:
        if not (name.startswith("ppt/") and name.endswith(".xml")) or "/_rels/" in name:
            continue
        root = package.xml(name)
        kind = posixpath.basename(posixpath.dirname(name))
        for element in root.iter(q("a:rPr"), q("a:endParaRPr"), q("a:defRPr")):
            audit.checked[kind] = audit.checked.get(kind, 0) + 1
            if element.get("lang") != language:
                tag = etree.QName(element).localname
                audit.problems.append(f"{name}: {tag} lang={element.get('lang')!r}")
        for run in root.iter(q("a:r"), q("a:fld")):
            if run.find(q("a:rPr")) is None:
                audit.problems.append(f"{name}: a run without properties (no language)")
        if root.tag == q("c:chartSpace"):
            lang = root.find(q("c:lang"))
            if lang is None or lang.get("val") != language:
                audit.problems.append(f"{name}: chart language missing or wrong")
    return audit


# -- Colours ----------------------------------------------------------------------------


class Theme:
    """Resolves a:*Clr elements for one slide: the master's colour map and theme."""

    def __init__(self, package: Package, layout: str) -> None:
        master = package.related(layout, "slideMaster")
        theme = package.xml(package.related(master, "theme"))
        scheme = theme.find(".//a:clrScheme", NS)
        self.scheme = {etree.QName(slot).localname: slot[0] for slot in scheme}
        mapping = package.xml(master).find("p:clrMap", NS)
        self.map = dict(mapping.attrib)
        override = package.xml(layout).find("p:clrMapOvr/a:overrideClrMapping", NS)
        if override is not None:
            self.map = dict(override.attrib)

    def colour(self, element: etree._Element) -> str:
        if len(element) and etree.QName(element).localname != "schemeClr":
            raise AssertionError(f"colour modifiers not judged: {etree.tostring(element)!r}")
        tag = etree.QName(element).localname
        if tag == "srgbClr":
            return "#" + element.get("val").upper()
        if tag == "sysClr":
            return "#" + element.get("lastClr").upper()
        if tag == "schemeClr":
            if len(element):
                raise AssertionError(f"colour modifiers not judged: {etree.tostring(element)!r}")
            name = element.get("val")
            return self.colour(self.scheme[self.map.get(name, name)])
        raise AssertionError(f"unknown colour {tag}")

    def fill(self, parent: etree._Element | None) -> list[str] | None:
        """The colours of a solid or gradient fill directly under `parent`, if any."""
        if parent is None:
            return None
        solid = parent.find("a:solidFill", NS)
        if solid is not None:
            return [self.colour(solid[0])]
        gradient = parent.find("a:gradFill", NS)
        if gradient is not None:
            return [self.colour(stop[0]) for stop in gradient.iterfind(".//a:gs", NS)]
        return None


@dataclass
class ContrastAudit:
    problems: list[str] = field(default_factory=list)
    checked: int = 0  # text colours checked
    lowest: float = 21.0

    def check(self, where: str, colour: str, beneath: list[str]) -> None:
        for under in beneath:
            ratio = contrast_ratio(colour, under)
            self.checked += 1
            self.lowest = min(self.lowest, ratio)
            if ratio < MIN:
                self.problems.append(f"{where}: {colour} on {under} is {ratio:.2f}:1")


Rect = tuple[float, float, float, float]


def _box(element: etree._Element) -> Rect | None:
    xfrm = element.find("p:spPr/a:xfrm", NS)
    if xfrm is None:
        xfrm = element.find("p:xfrm", NS)
    if xfrm is None:
        return None
    off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
    left, top = int(off.get("x")) / EMU, int(off.get("y")) / EMU
    return left, top, left + int(ext.get("cx")) / EMU, top + int(ext.get("cy")) / EMU


def _intersects(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def _contains(outer: Rect, inner: Rect) -> bool:
    return (
        outer[0] <= inner[0]
        and outer[1] <= inner[1]
        and outer[2] >= inner[2]
        and outer[3] >= inner[3]
    )


def _background(package: Package, slide: str, theme: Theme) -> list[str]:
    layout = package.related(slide, "slideLayout")
    for part in (slide, layout, package.related(layout, "slideMaster")):
        bg = package.xml(part).find("p:cSld/p:bg", NS)
        if bg is None:
            continue
        props = bg.find("p:bgPr", NS)
        if props is not None:
            found = theme.fill(props)
            if found is None:
                raise AssertionError(f"{part}: background neither solid nor gradient")
            return found
        return [theme.colour(bg.find("p:bgRef", NS)[0])]
    raise AssertionError(f"{slide}: no background anywhere")


def _runs_colours(
    body: etree._Element,
    theme: Theme,
    where: str,
    audit: ContrastAudit,
    beneath: list[str],
    default: str | None = None,
) -> None:
    for run in body.iter(q("a:r"), q("a:fld")):
        text = "".join(run.itertext())
        if not text.strip():
            continue
        fill = run.find("a:rPr/a:solidFill", NS)
        if fill is None and default is None:
            audit.problems.append(f"{where}: {text[:30]!r} has no explicit colour")
            continue
        colour = theme.colour(fill[0]) if fill is not None else default
        audit.check(f"{where} {text[:30]!r}", colour, beneath)
        if run.find("a:rPr/a:hlinkClick", NS) is not None:
            # -- PowerPoint and LibreOffice draw a link in the theme's hyperlink colour --
            link = theme.colour(theme.scheme[theme.map.get("hlink", "hlink")])
            audit.check(f"{where} link {text[:30]!r}", link, beneath)


def audit_contrast(data: bytes) -> ContrastAudit:
    """Every text colour on every slide against everything that lies beneath it."""
    package, audit = Package(data), ContrastAudit()
    slides = sorted(
        (n for n in package.names if n.startswith("ppt/slides/slide") and n.endswith(".xml")),
        key=lambda n: int(n.rsplit("slide", 1)[1][:-4]),
    )
    for slide in slides:
        theme = Theme(package, package.related(slide, "slideLayout"))
        backdrop = _background(package, slide, theme)
        # -- earlier shapes, box and fill: first the template's own drawings --
        drawn = _furniture(package, package.related(slide, "slideLayout"), theme)
        rels = package.rels(slide)
        number = slide.rsplit("/", 1)[1][:-4]
        for shape in package.xml(slide).find("p:cSld/p:spTree", NS):
            box = _box(shape)
            name = shape.find(".//p:cNvPr", NS)
            where = f"{number} {name.get('name') if name is not None else '?'}"
            tag = etree.QName(shape).localname
            if box is None:
                if (
                    shape.find("p:txBody", NS) is not None
                    and "".join(shape.find("p:txBody", NS).itertext()).strip()
                ):
                    audit.problems.append(f"{where}: text with no position")
                continue
            under = _beneath(box, drawn, backdrop)
            if tag == "sp":
                own = theme.fill(shape.find("p:spPr", NS))
                if own is None:
                    own = _inherited_fill(package, slide, shape, theme)
                body = shape.find("p:txBody", NS)
                if body is not None:
                    _runs_colours(body, theme, where, audit, own or under)
                drawn.append((box, own))
            elif tag == "pic":
                drawn.append((box, ["picture"]))
            elif tag == "graphicFrame":
                _frame(package, shape, rels, theme, where, audit, under)
                drawn.append((box, None))
    return audit


def _beneath(
    box: Rect, drawn: list[tuple[Rect, list[str] | None]], backdrop: list[str]
) -> list[str]:
    colours: list[str] = []
    covered = False
    for other, fill in drawn:
        if fill and _intersects(box, other):
            colours += fill
            covered = covered or _contains(other, box)
    colours = colours if covered else colours + backdrop
    if "picture" in colours:
        raise AssertionError(f"text over a picture at {box}")
    return colours


def _frame(
    package: Package,
    frame: etree._Element,
    rels: dict[str, tuple[str, str]],
    theme: Theme,
    where: str,
    audit: ContrastAudit,
    under: list[str],
) -> None:
    table = frame.find(".//a:tbl", NS)
    if table is not None:
        for r, row in enumerate(table.iterfind("a:tr", NS)):
            for c, cell in enumerate(row.iterfind("a:tc", NS)):
                fill = theme.fill(cell.find("a:tcPr", NS))
                _runs_colours(cell, theme, f"{where} cell {r},{c}", audit, fill or under)
        return
    chart = frame.find(".//c:chart", NS)
    if chart is not None:
        part = rels[chart.get(q("r:id"))][1]
        _chart(package.xml(part), theme, f"{where} ({part})", audit, under)


def _chart(
    space: etree._Element, theme: Theme, where: str, audit: ContrastAudit, under: list[str]
) -> None:
    area = theme.fill(space.find("c:spPr", NS)) or under
    default_fill = space.find("c:txPr//a:defRPr/a:solidFill", NS)
    if default_fill is None:
        audit.problems.append(f"{where}: the chart has no explicit text colour")
        return
    ink = theme.colour(default_fill[0])
    audit.check(f"{where} chart text", ink, area)
    pie = space.find(".//c:pieChart", NS)
    for props in space.iter(q("a:defRPr"), q("a:rPr")):
        if pie is not None and any(
            etree.QName(a).localname in ("dLbls", "dLbl") for a in props.iterancestors()
        ):
            continue
        fill = props.find("a:solidFill", NS)
        if fill is not None:
            audit.check(f"{where} text", theme.colour(fill[0]), area)
    if pie is not None:
        _pie(pie.find("c:ser", NS), theme, where, audit, area, ink)


def _pie(
    series: etree._Element,
    theme: Theme,
    where: str,
    audit: ContrastAudit,
    area: list[str],
    ink: str,
) -> None:
    count = int(series.find(".//c:val//c:ptCount", NS).get("val"))
    shared = series.find("c:dLbls", NS)
    for index in range(count):
        point = _indexed(series, "c:dPt", index)
        slice_fill = theme.fill(point.find("c:spPr", NS)) if point is not None else None
        if slice_fill is None:
            audit.problems.append(f"{where}: slice {index} has no explicit colour")
            continue
        own = _indexed(shared, "c:dLbl", index) if shared is not None else None
        colour, position = ink, "bestFit"
        for labels in (shared, own):
            if labels is None:
                continue
            fill = labels.find("c:txPr//a:defRPr/a:solidFill", NS)
            colour = theme.colour(fill[0]) if fill is not None else colour
            pos = labels.find("c:dLblPos", NS)
            position = pos.get("val") if pos is not None else position
        beneath = {
            "outEnd": area,
            "ctr": slice_fill,
            "inEnd": slice_fill,
            "inBase": slice_fill,
        }.get(position, slice_fill + area)
        audit.check(f"{where} slice {index} label ({position})", colour, beneath)


def _indexed(parent: etree._Element, tag: str, index: int) -> etree._Element | None:
    found = parent.xpath(f"{tag}[c:idx/@val='{index}']", namespaces=NS)
    return found[0] if found else None


def _furniture(package: Package, layout: str, theme: Theme) -> list[tuple[Rect, list[str] | None]]:
    """The master's (unless the layout hides them) and the layout's own drawings, which
    show beneath every slide: their boxes and fills."""
    parts = [layout]
    if package.xml(layout).get("showMasterSp") not in ("0", "false"):
        parts.insert(0, package.related(layout, "slideMaster"))
    drawn: list[tuple[Rect, list[str] | None]] = []
    for part in parts:
        for shape in package.xml(part).find("p:cSld/p:spTree", NS):
            box = _box(shape)
            if box is None or shape.find(".//p:nvPr/p:ph", NS) is not None:
                continue
            if etree.QName(shape).localname == "pic":
                drawn.append((box, ["picture"]))
            else:
                drawn.append((box, theme.fill(shape.find("p:spPr", NS))))
    return drawn


_MASTER_TYPES = {"ctrTitle": "title", "subTitle": "body"}


def _inherited_fill(
    package: Package, slide: str, shape: etree._Element, theme: Theme
) -> list[str] | None:
    """A placeholder's fill from its layout's placeholder, else the master's (same type)."""
    ph = shape.find("p:nvSpPr/p:nvPr/p:ph", NS)
    if ph is None:
        return None
    layout = package.related(slide, "slideLayout")
    kind = ph.get("type", "body")
    for part, wanted in (
        (layout, kind),
        (package.related(layout, "slideMaster"), _MASTER_TYPES.get(kind, kind)),
    ):
        for other in package.xml(part).iterfind("p:cSld/p:spTree/p:sp", NS):
            other_ph = other.find("p:nvSpPr/p:nvPr/p:ph", NS)
            if other_ph is None or other_ph.get("type", "body") != wanted:
                continue
            props = other.find("p:spPr", NS)
            if props is not None and props.find("a:noFill", NS) is not None:
                return None
            found = theme.fill(props)
            if found is not None:
                return found
    return None
