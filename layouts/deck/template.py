"""The deck's starting presentation: python-pptx's default, or an organisation's template.

A template's slides are removed (with their relationships) and its layouts are chosen by
the placeholders they hold, never by position, because organisations rename and reorder
layouts freely.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.exc import PackageNotFoundError
from pptx.presentation import Presentation as PresentationType
from pptx.slide import SlideLayout
from pptx.util import Emu, Inches

from generator.errors import RenderError
from layouts.deck.internals import remove_slides

WIDE = (Inches(13.333), Inches(7.5))
EMU_PER_POINT = 12700
# -- placeholders a layout may carry without getting in the way of our own content --
_FURNITURE = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
_TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}


class TemplateError(RenderError):
    """The --pptx-template file cannot be used as a template."""


@dataclass(frozen=True)
class Layouts:
    title: SlideLayout  # the title slide
    content: SlideLayout  # a title placeholder and as little else as possible


def open_presentation(template: Path | None) -> PresentationType:
    """The presentation to build on, emptied of slides; 16:9 unless the template says."""
    if template is None:
        presentation = Presentation()
        presentation.slide_width, presentation.slide_height = WIDE
        return presentation
    presentation = _open_template(template)
    remove_slides(presentation)
    return presentation


def _open_template(template: Path) -> PresentationType:
    if not template.is_file():
        raise TemplateError(f"The PowerPoint template {template} does not exist.")
    try:
        return Presentation(str(template))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise TemplateError(_not_a_presentation(template)) from None
    except Exception:  # a damaged package can fail anywhere in the parser
        raise TemplateError(
            f"The PowerPoint template {template.name} is damaged and cannot be read; open it "
            "in PowerPoint, save it again as a .pptx presentation, and use that file."
        ) from None


def _not_a_presentation(template: Path) -> str:
    """What the file given as a template is, and how to get a .pptx from it."""
    what = {
        ".potx": "a PowerPoint template (.potx); open it in PowerPoint and save it as a "
        "presentation (.pptx)",
        ".ppt": "a PowerPoint 97-2003 file (.ppt); open it in PowerPoint and save it as .pptx",
        ".odp": "an OpenDocument presentation (.odp); open it in LibreOffice Impress and save "
        "it as PowerPoint (.pptx)",
    }.get(
        template.suffix.lower(),
        "not a PowerPoint presentation that can be opened; expected a .pptx file (open it "
        "in PowerPoint and save it again as .pptx)",
    )
    return f"The PowerPoint template {template.name} is {what}, then give that file."


def _types(layout: SlideLayout) -> set[PP_PLACEHOLDER]:
    placeholders: Any = layout.placeholders
    return {shape.placeholder_format.type for shape in placeholders} - _FURNITURE


def pick_layouts(presentation: PresentationType, template: Path | None) -> Layouts:
    """A title slide layout and a title-only layout, chosen by their placeholders."""
    layouts = list(presentation.slide_layouts)
    titled = [layout for layout in layouts if _types(layout) & _TITLES]
    title_only = [layout for layout in titled if len(_types(layout)) == 1]
    cover = [
        layout
        for layout in titled
        if PP_PLACEHOLDER.CENTER_TITLE in _types(layout)
        and PP_PLACEHOLDER.SUBTITLE in _types(layout)
    ]
    if not titled:
        name = template.name if template else "the default template"
        raise TemplateError(
            f"The PowerPoint template {name} has no slide layout with a title placeholder; "
            "add a 'Title Only' layout to its slide master."
        )
    content = title_only[0] if title_only else min(titled, key=lambda layout: len(_types(layout)))
    return Layouts(title=(cover or [content])[0], content=content)


def slide_points(presentation: PresentationType) -> tuple[float, float]:
    """The slide's width and height in points."""
    width = presentation.slide_width or Emu(WIDE[0])
    height = presentation.slide_height or Emu(WIDE[1])
    return width / EMU_PER_POINT, height / EMU_PER_POINT


def furniture(layout: SlideLayout) -> list[tuple[float, float, float, float]]:
    """Boxes (left, top, width, height in points) of the template's own drawings that
    show on slides of `layout`: logos, bars and rules on the layout and, unless the
    layout hides them, on the master. Placeholders are not furniture: the deck removes
    the ones it does not fill."""
    owners: list[Any] = [layout.shapes]
    if layout.element.get("showMasterSp") not in ("0", "false"):
        owners.append(layout.slide_master.shapes)
    return [
        tuple((getattr(shape, side) or 0) / EMU_PER_POINT for side in _SIDES)  # type: ignore[misc]
        for shapes in owners
        for shape in shapes
        if not shape.is_placeholder
    ]


_SIDES = ("left", "top", "width", "height")
