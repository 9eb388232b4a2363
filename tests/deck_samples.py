"""Documents for the deck tests: the shared seed-like sample, plus dense stress sections."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PIL import Image as PILImage

from generator.model import (
    Better,
    Bullet,
    Callout,
    Document,
    Image,
    MeasuresTable,
    Note,
    Paragraph,
    Section,
    SpeakerNotes,
    Unit,
)
from tests.samples import PERIODS, SRC, chart, measure_row, report, runs, seed_like_document, series

LONG_SENTENCE = (
    "Partnership activity across the four council areas continued through the quarter, "
    "with neighbourhood teams, licensing officers and community safety partners sharing "
    "information weekly so that patrols could be directed to the streets where residents "
    "had reported the most concern. "
)


def stress_sections() -> tuple[Section, ...]:
    """40 measures, 30 bullets and long paragraphs: the engine must continue, not overflow."""
    rows = tuple(
        measure_row(
            f"Measure {n} – police recorded offences in the priority category {n}",
            Unit.PERCENT if n % 5 == 0 else Unit.COUNT,
            Better.LOWER if n % 3 else Better.HIGHER,
            (1000.0 + 37 * n, 1100.0 + 11 * n, 1050.0 + 23 * n) if n % 5 else (40.1, 42.5, 41.0),
            marker="*" if n == 7 else "",
        )
        for n in range(1, 41)
    )
    from generator.model import Footnote

    table = MeasuresTable(
        "Stress", "Forty measures", PERIODS, rows, (Footnote("*", "Provisional data.", SRC),), SRC
    )
    bullets = tuple(
        Bullet(
            runs(f"Bullet point {n}: ", ("b", "a key finding"), " " + LONG_SENTENCE[: 40 + 7 * n]),
            1 + (n % 3),
            SRC,
        )
        for n in range(1, 31)
    )
    return (
        Section(
            "A dense section with forty measures",
            "Stress testing",
            (
                Paragraph(runs(LONG_SENTENCE * 3), SRC),
                table,
                Note(runs("Source: force systems, extracted October 2024."), SRC),
            ),
            SRC,
        ),
        Section(
            "Thirty bullets and long paragraphs",
            "Stress testing",
            (
                Paragraph(runs(("b", "Headline: "), LONG_SENTENCE * 14), SRC),
                *bullets,
                Callout(runs("More than 350 interventions were delivered this quarter."), SRC),
                SpeakerNotes("Talk through the bullets briefly.", SRC),
            ),
            SRC,
        ),
        Section(
            "Emergency Calls (999 service)",
            "Stress testing",
            (Paragraph(runs("A second section with a title used before."), SRC),),
            SRC,
        ),
    )


def picture(folder: Path) -> Path:
    path = folder / "photo.png"
    PILImage.new("RGB", (400, 240), (18, 67, 109)).save(path)
    return path


def deck_document(folder: Path | None = None) -> Document:
    """The seed-like document plus a bar chart, a line chart and (given a folder) a picture."""
    base = seed_like_document()
    extra: list[Section] = [
        Section(
            "Positive outcomes by area",
            "Solving crime in Cleveland",
            (
                chart(
                    "Positive outcome rate by area (%)",
                    "bar",
                    ("Hartlepool", "Middlesbrough", "Redcar and Cleveland", "Stockton"),
                    (series("Rate", (9.1, 10.2, 8.7, 9.9)),),
                ),
            ),
            SRC,
        ),
        Section(
            "First-time entrants",
            "Reducing offending in Cleveland",
            (
                chart(
                    "First-time entrants to the youth justice system",
                    "line",
                    ("2020-21", "2021-22", "2022-23", "2023-24"),
                    (
                        series("Cleveland", (210, 180, 160, 140)),
                        series("England", (190, 175, 170, 165)),
                    ),
                ),
            ),
            SRC,
        ),
    ]
    if folder is not None:
        extra.append(
            Section(
                "Safer Streets in Stockton",
                "Designing out crime",
                (
                    Paragraph(runs("New lighting and CCTV in Portrack and Tilery."), SRC),
                    Image("Street lighting installed on Ouseport Road", picture(folder), SRC),
                ),
                SRC,
            )
        )
    return replace(base, sections=(*base.sections, *extra))


def stress_document() -> Document:
    return Document(report=report(), sections=stress_sections(), workbook=Path("stress.xlsx"))


def make_template(path: Path, titles: bool = True) -> Path:
    """An organisation template unlike the default: 4:3, a tinted master background,
    renamed and reordered layouts, and a slide of its own (which the deck must drop)."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Inches

    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Inches(10), Inches(7.5)
    fill = presentation.slide_master.background.fill
    fill.solid()
    fill.fore_color.rgb = RGBColor(0xFF, 0xF8, 0xE7)
    layouts = presentation.slide_master.slide_layouts
    for index, layout in enumerate(layouts):
        layout.name = f"Org layout {index}"
        if not titles:
            for shape in list(layout.placeholders):
                if shape.placeholder_format.type in (1, 3):  # TITLE, CENTER_TITLE
                    shape._element.getparent().remove(shape._element)
    id_list = layouts._sldLayoutIdLst
    entries = list(id_list)
    for entry in entries:
        id_list.remove(entry)
    for entry in reversed(entries):  # reordered: index no longer means anything
        id_list.append(entry)
    slide = presentation.slides.add_slide(layouts[0])
    slide.shapes.add_textbox(0, 0, Inches(3), Inches(1)).text_frame.text = "TEMPLATE SLIDE"
    presentation.save(str(path))
    return path


def make_dark_template(path: Path, mapped: bool = True) -> Path:
    """A dark organisation template, 16:9: a navy master background and a logo bar of its
    own across the top of the master. `mapped`: made as PowerPoint makes dark themes (the
    colour map swaps text and background, so the title style's tx1 is the theme's white);
    otherwise only the background is dark and the title style still says black."""
    from lxml import etree
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.oxml.ns import qn
    from pptx.util import Inches

    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Inches(13.333), Inches(7.5)
    master = presentation.slide_master
    master.background.fill.solid()
    master.background.fill.fore_color.rgb = RGBColor(0x14, 0x1E, 0x33)
    # -- masters have no add_shape: draw the bar on a scratch slide and move it --
    scratch = presentation.slides.add_slide(presentation.slide_layouts[6])
    bar = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Inches(13.333), Inches(0.35))
    bar.fill.solid()
    bar.fill.fore_color.rgb = RGBColor(0xF4, 0x6A, 0x25)
    bar.name = "Organisation bar"
    master.shapes.element.append(bar.element)
    slide_ids = presentation.slides._sldIdLst
    presentation.part.drop_rel(slide_ids[0].rId)
    slide_ids.remove(slide_ids[0])
    if mapped:
        clr_map = master.element.find(qn("p:clrMap"))
        clr_map.set("bg1", "dk1")
        clr_map.set("tx1", "lt1")
        clr_map.set("bg2", "dk2")
        clr_map.set("tx2", "lt2")
        theme_part = master.part.part_related_by(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
        )
        theme = etree.fromstring(theme_part.blob)
        scheme = theme.find(f".//{qn('a:clrScheme')}")
        for slot, value in (("dk1", "141E33"), ("lt1", "F5F5F0")):
            element = scheme.find(qn(f"a:{slot}"))
            element.clear()
            etree.SubElement(element, qn("a:srgbClr"), val=value)
        theme_part._blob = etree.tostring(theme, xml_declaration=True, standalone=True)
    presentation.save(str(path))
    return path


def pie_document() -> Document:
    """A pie with six slices, two of them thin (their labels go outside)."""
    base = deck_document()
    pie = Section(
        "Reports by type",
        "Anti-social behaviour",
        (
            chart(
                "Reports by type",
                "pie",
                ("Nuisance", "Environmental", "Personal", "Vehicles", "Fireworks", "Other"),
                (series("Reports", (6000.0, 2400.0, 1800.0, 1500.0, 300.0, 120.0)),),
            ),
        ),
        SRC,
    )
    return replace(base, sections=(*base.sections, pie))


LONG_TITLE = (
    "Partnership working across Hartlepool, Middlesbrough, Redcar and Cleveland and "
    "Stockton-on-Tees to reduce serious violence, anti-social behaviour and repeat "
    "victimisation, with neighbourhood teams, licensing officers, youth services and "
    "community safety partners sharing information every week across the whole force area"
)


LONG_THEME = (
    "Access to police services, victim support and the criminal justice system for "
    "residents, businesses and visitors across all four local authority areas of Cleveland"
)


def long_title_document() -> Document:
    """A 300-character report title and section title (four lines on the slide), under a
    theme that wraps to two lines, over a paragraph, a measures table and its notes."""
    base = seed_like_document()
    first = base.sections[0]
    section = replace(first, title=LONG_TITLE, theme=LONG_THEME)
    return replace(
        base,
        report=replace(base.report, title=LONG_TITLE),
        sections=(section, *base.sections[1:]),
    )


def make_title_bar_template(path: Path) -> Path:
    """A light template whose master title placeholder is a dark filled bar, while its
    title style still says black text: the deck's titles must turn light on the bar."""
    from lxml import etree
    from pptx import Presentation
    from pptx.oxml.ns import qn
    from pptx.util import Inches

    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Inches(13.333), Inches(7.5)
    title = next(
        shape
        for shape in presentation.slide_master.placeholders
        if shape.placeholder_format.type == 1  # TITLE
    )
    props = title.element.find(qn("p:spPr"))
    fill = etree.SubElement(props, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val="1B2A41")
    presentation.save(str(path))
    return path
