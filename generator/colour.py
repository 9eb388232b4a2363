"""Colour contrast (WCAG 2.2), used by the parser to warn and by layouts to fix colours.

It lives in `generator` so the parser can check a brand colour against its cell without
importing a layout.
"""

from __future__ import annotations

WHITE = "#FFFFFF"
MIN_CONTRAST = 4.5  # WCAG 2.2 AA for normal text


def channels(hex_colour: str) -> tuple[int, int, int]:
    """`#RRGGBB` as its red, green and blue values, 0 to 255."""
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    red, green, blue = channels(hex_colour)
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.2 contrast ratio, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)))
    return (darker + 0.05) / (lighter + 0.05)


def darken_until_readable(hex_colour: str, against: str = WHITE) -> str:
    """The same hue, darkened in 5% steps until text on it meets AA against `against`."""
    red, green, blue = channels(hex_colour)
    factor = 1.0
    candidate = hex_colour.upper()
    while contrast_ratio(candidate, against) < MIN_CONTRAST and factor > 0:
        factor -= 0.05
        candidate = "#{:02X}{:02X}{:02X}".format(
            *(round(channel * factor) for channel in (red, green, blue))
        )
    return candidate
