"""The title slide's plan: title, subtitle, year and period, organisation and logo boxes.

Pure like `deck_flow`: measured with the font's metrics, so long titles wrap inside their
box and the lines below move down to make room.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import RenderError
from generator.model import Report
from generator.words import Words
from layouts import theme
from layouts.deck.geometry import Box, Geometry, image_aspect
from layouts.deck.measure import line_height, wrap_text

TITLE_SIZES = (40.0, 34.0, 28.0)  # the largest at which the title takes two lines
# -- else the largest at which it takes at most TITLE_SHARE of the slide --
LONG_SIZES = (28.0, 24.0, 20.0, 18.0, 16.0, 14.0, theme.DECK.minimum)
TITLE_SHARE = 0.35
SUBTITLE_SIZE = 28.0
DETAIL_SIZE = 22.0
ORGANISATION_SIZE = 18.0
INSET = 3.6
LOGO_BOX = (150.0, 90.0)  # largest logo, points

TitleLine = tuple[str, float, Box, bool, str]  # text, size, box, bold, colour


@dataclass(frozen=True)
class TitlePlan:
    title: str
    title_size: float
    title_box: Box
    lines: tuple[TitleLine, ...]
    band_box: Box
    logo: Path | None
    logo_box: Box | None
    organisation: str
    notes: str
    logo_alt: str


def _height(text: str, size: float, width: float, bold: bool = False) -> float:
    return len(wrap_text(text, size, width, bold)) * line_height(size) + 2 * INSET


def plan_title(report: Report, g: Geometry, words: Words | None = None) -> TitlePlan:
    """Boxes for the title slide; the block sits a little above the middle."""
    width = g.width - 2 * g.margin
    size = next(
        (s for s in TITLE_SIZES if len(wrap_text(report.title, s, width, True)) <= 2),
        None,
    ) or next(
        (s for s in LONG_SIZES if _height(report.title, s, width, True) <= g.height * TITLE_SHARE),
        LONG_SIZES[-1],
    )
    top = g.height * 0.28
    title_box = Box(g.margin, top, width, _height(report.title, size, width, True))
    y = title_box.bottom + g.gap
    lines: list[TitleLine] = []
    detail = "  ·  ".join(part for part in (report.year, report.period) if part)
    for text, line_size, colour in (
        (report.subtitle, SUBTITLE_SIZE, theme.TEXT),
        (detail, DETAIL_SIZE, theme.MUTED_TEXT),
    ):
        if text:
            box = Box(g.margin, y, width, _height(text, line_size, width))
            lines.append((text, line_size, box, False, colour))
            y = box.bottom + g.gap / 2
    if report.organisation:
        height = _height(report.organisation, ORGANISATION_SIZE, width)
        box = Box(g.margin, max(y + g.gap, g.height - g.margin - height), width, height)
        lines.append((report.organisation, ORGANISATION_SIZE, box, True, theme.TEXT))
    if lines and lines[-1][2].bottom > g.height - g.margin / 2:
        raise RenderError(
            f"the title is too long for the title slide ({len(report.title)} characters); "
            "shorten it"
        ).at(report.source_of("Title"))
    return TitlePlan(
        title=report.title,
        title_size=size,
        title_box=title_box,
        lines=tuple(lines),
        band_box=Box(0, 0, g.width, g.band * 2),
        logo=report.logo,
        logo_box=_logo_box(report.logo, g),
        organisation=report.organisation,
        notes=". ".join(
            p for p in (report.title, report.subtitle, detail, report.organisation) if p
        ),
        logo_alt=_logo_alt(report, words or Words()),
    )


def _logo_alt(report: Report, words: Words) -> str:
    if report.organisation:
        return words.fill("organisation logo", organisation=report.organisation)
    return words["logo"]


def _logo_box(logo: Path | None, g: Geometry) -> Box | None:
    """The logo in the top-right corner, inside the margins, aspect kept."""
    if logo is None:
        return None
    aspect = image_aspect(logo) or 1.0
    width, height = LOGO_BOX
    if width / aspect > height:
        width = height * aspect
    else:
        height = width / aspect
    return Box(g.width - g.margin - width, g.band * 2 + g.margin / 2, width, height)
