"""The Report's language on every piece of text in the deck, so it is spoken and checked
in that language.

python-pptx's default template says `en-US` in the presentation's default text style,
the masters and the layouts, and the runs it writes carry no language at all, so
PowerPoint's accessibility checker and screen readers fall back to those. Every text
property element (`a:rPr`, `a:endParaRPr`, `a:defRPr`) gets `lang`; a run without
properties gets them; a chart also says its language in `c:lang`.
"""

from __future__ import annotations

from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import BaseOxmlElement, OxmlElement
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide

from layouts.deck.internals import part_element

_PROPERTIES = (qn("a:rPr"), qn("a:endParaRPr"), qn("a:defRPr"))
_RUNS = (qn("a:r"), qn("a:fld"))
_CHART_SPACE = qn("c:chartSpace")


def mark_tree(element: BaseOxmlElement, language: str) -> None:
    """Every run, paragraph end and default text style under `element` in `language`."""
    for run in element.iter(*_RUNS):
        if run.find(qn("a:rPr")) is None:
            run.insert(0, OxmlElement("a:rPr"))
    for properties in element.iter(*_PROPERTIES):
        properties.set("lang", language)
    if element.tag == _CHART_SPACE:
        _chart_language(element, language)


def _chart_language(chart_space: BaseOxmlElement, language: str) -> None:
    """`c:lang` comes right after `c:date1904` when there is one, else first."""
    lang = chart_space.find(qn("c:lang"))
    if lang is None:
        lang = OxmlElement("c:lang")
        date = chart_space.find(qn("c:date1904"))
        chart_space.insert(0 if date is None else 1, lang)
    lang.set("val", language)


def mark_slide(slide: Slide, language: str) -> None:
    """A finished slide and its notes, before they are kept as bytes."""
    mark_tree(slide.element, language)
    if slide.has_notes_slide:
        mark_tree(slide.notes_slide.element, language)


def mark_package(presentation: PresentationType, language: str) -> None:
    """Everything still held as XML: the presentation's default text style, masters,
    layouts, the notes master and the charts (slides were marked as they were drawn)."""
    for part in presentation.part.package.iter_parts():
        element = part_element(part)
        if element is not None:
            mark_tree(element, language)
