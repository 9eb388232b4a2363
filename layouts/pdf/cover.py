"""The cover page: a brand-colour band with the title, then the period, then the publisher.

The cover has its own page template with three frames; each frame's content is shrunk
to fit if an analyst types a very long title, so nothing is clipped or pushed off the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, FrameBreak, KeepInFrame, PageTemplate, Spacer
from reportlab.platypus import Image as RLImage
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.doctemplate import BaseDocTemplate

from generator.errors import RenderError
from generator.model import Report, Source
from generator.words import Words
from layouts.pdf.tagging import Element, Marked, artifact
from layouts.pdf.text import Styles, text_markup

BAND_SHARE = 0.45  # share of the page height the brand band fills, from the top
FOOT_HEIGHT: float = 62 * mm  # the publisher block at the bottom of the cover
LOGO_MAX = (60 * mm, 24 * mm)


@dataclass(frozen=True)
class _Geometry:
    """Where the cover's three frames sit, as (x, y, width, height) in points."""

    width: float
    height: float
    margin: float

    @property
    def band_bottom(self) -> float:
        return self.height * (1 - BAND_SHARE)

    @property
    def foot_height(self) -> float:
        # -- a landscape page is short: the foot block gives up room first --
        return min(FOOT_HEIGHT, (self.band_bottom - self.margin) * 0.5)

    def boxes(self) -> dict[str, tuple[float, float, float, float]]:
        m, inner, foot = self.margin, self.width - 2 * self.margin, self.foot_height
        top_of_period = self.band_bottom - 0.9 * m
        return {
            "band": (
                m,
                self.band_bottom + 0.8 * m,
                inner,
                self.height - self.band_bottom - 1.8 * m,
            ),
            "period": (m, m + foot, inner, max(0.0, top_of_period - m - foot)),
            "foot": (m, m, inner, foot),
        }


def cover_template(
    pagesize: tuple[float, float], margin: float, brand: str, on_page: object
) -> PageTemplate:
    """Three frames: inside the band, just below it, and at the foot of the page."""
    width, height = pagesize
    geometry = _Geometry(width, height, margin)
    band_bottom = geometry.band_bottom
    frames = [
        Frame(*box, id=name, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        for name, box in geometry.boxes().items()
    ]

    def draw_band(canvas: Canvas, doc: BaseDocTemplate) -> None:
        with artifact(canvas):
            canvas.saveState()
            canvas.setFillColor(brand)
            canvas.rect(0, band_bottom, width, height - band_bottom, stroke=0, fill=1)
            canvas.restoreState()
        if callable(on_page):
            on_page(canvas, doc)

    return PageTemplate(id="cover", frames=frames, onPage=draw_band, pagesize=pagesize)


def cover_story(
    report: Report,
    styles: Styles,
    pagesize: tuple[float, float],
    margin: float,
    logo_folder: Path,
    words: Words,
    root: Element,
) -> list[Flowable]:
    """The cover's flowables, frame by frame; the caller adds the page break after.

    KeepInFrame draws its children itself, so each is wrapped to be tagged (`P`s and
    the logo's `Figure`, in `root`).
    """
    boxes = _Geometry(*pagesize, margin).boxes()

    def line(text: str, style: ParagraphStyle) -> Flowable:
        return Marked(RLParagraph(text, style), root.add("P"))

    band = [line(text_markup(report.title), styles.cover_title)]
    if report.subtitle:
        band.append(line(text_markup(report.subtitle), styles.cover_subtitle))
    period: list[Flowable] = []
    if report.year:
        period.append(line(text_markup(report.year), styles.cover_year))
    if report.period:
        period.append(line(text_markup(report.period), styles.cover_period))
    _, _, inner, period_height = boxes["period"]
    return [
        _bottom_aligned(band, inner, boxes["band"][3]),
        FrameBreak(),
        KeepInFrame(inner, period_height, period, mode="shrink"),
        FrameBreak(),
        _bottom_aligned(_foot(report, styles, logo_folder, words, root), inner, boxes["foot"][3]),
    ]


def _foot(
    report: Report, styles: Styles, logo_folder: Path, words: Words, root: Element
) -> list[Flowable]:
    """The logo (a `Figure`, its alt text "<Organisation> logo"), the organisation and
    the publication date (`P`s)."""
    foot: list[Flowable] = []
    if report.logo:
        alt = f"{report.organisation} logo" if report.organisation else "Logo"
        logo = logo_image(report.logo, logo_folder, report.source_of("Logo"))
        foot += [Marked(logo, root.add("Figure", alt=alt)), Spacer(1, 6 * mm)]
    if report.organisation:
        organisation = RLParagraph(text_markup(report.organisation), styles.cover_organisation)
        foot.append(Marked(organisation, root.add("P")))
    if report.published:
        published = words.fill("published", date=words.date(report.published))
        foot.append(Marked(RLParagraph(text_markup(published), styles.note), root.add("P")))
    return foot


def logo_image(path: Path, folder: Path, where: Source) -> RLImage:
    """The logo at most LOGO_MAX, its aspect ratio kept, left-aligned."""
    resolved = path if path.is_absolute() else folder / path
    try:
        pixels_wide, pixels_high = ImageReader(str(resolved)).getSize()
    except Exception:  # reportlab/PIL raise many types for an unreadable file
        raise RenderError(
            f"cannot read the logo {resolved.name}; expected a PNG or JPEG file", where
        ) from None
    scale = min(LOGO_MAX[0] / pixels_wide, LOGO_MAX[1] / pixels_high)
    image = RLImage(str(resolved), pixels_wide * scale, pixels_high * scale)
    image.hAlign = "LEFT"
    return image


def _bottom_aligned(flowables: list[Flowable], width: float, height: float) -> Flowable:
    """The flowables pushed to the bottom of a frame, shrunk if they would overflow."""
    needed = sum(
        f.wrap(width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables
    )
    gap = max(0.0, height - needed - 1)
    return KeepInFrame(width, height, [Spacer(1, gap), *flowables], mode="shrink")
