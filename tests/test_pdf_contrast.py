"""Every text colour the PDF prints, on every background it prints it on, meets WCAG AA."""

from __future__ import annotations

import pytest
from reportlab.lib.colors import toColor

from generator.colour import contrast_ratio
from layouts import theme
from layouts.pdf.text import make_styles
from tests.samples import report

BRANDS = [None, "#12436D", "#28A197", "#F46A25", "#FFDD00", "#A285D1", "#FFFFFF"]


def _hex(colour: object) -> str:
    """A style's text colour, a string or a reportlab Color, as "0xrrggbb"."""
    return str(toColor(colour).hexval())


def pairs(brand: str | None) -> list[tuple[str, str, str]]:
    colours = theme.colours_for(report(brand_colour=brand))
    styles = make_styles(colours)
    out = [
        ("header text on brand", colours.on_brand, colours.brand),
        ("theme band", _hex(styles.theme_band.textColor), colours.brand),
        ("body", theme.TEXT, theme.WHITE),
        ("body on zebra", theme.TEXT, theme.ZEBRA),
        ("link", styles.link_colour, theme.WHITE),
        ("link in a callout", styles.link_colour, theme.CALLOUT_FILL),
        ("callout", _hex(styles.callout.textColor), theme.CALLOUT_FILL),
        ("section title", _hex(styles.section_title.textColor), theme.WHITE),
        ("muted", theme.MUTED_TEXT, theme.WHITE),
        ("muted on zebra", theme.MUTED_TEXT, theme.ZEBRA),
        ("cover title", _hex(styles.cover_title.textColor), colours.brand),
        ("cover year", _hex(styles.cover_year.textColor), theme.WHITE),
    ]
    for assessment, colour in theme.ASSESSMENT_COLOURS.items():
        out += [
            (f"{assessment.value} on white", colour, theme.WHITE),
            (f"{assessment.value} on zebra", colour, theme.ZEBRA),
        ]
    return out


@pytest.mark.parametrize("brand", BRANDS)
def test_every_text_background_pair_is_readable(brand: str | None) -> None:
    for name, text, background in pairs(brand):
        hex_text = text if text.startswith("#") else "#" + text[-6:]
        assert contrast_ratio(hex_text, background) >= 4.5, (name, brand, text, background)
