"""Where things go on a slide: boxes in points, derived from the slide's size.

Every slide uses the same title position, margins and footer line, so the deck reads as
one piece; a template with another slide size (4:3) gets the same proportions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image as PILImage

from layouts import theme
from layouts.deck.measure import line_height, wrap_text

TITLE_SIZES = (theme.DECK.title, 24.0)
# -- a title longer than three lines at 24 pt steps down to these, never below 12 pt --
LONG_TITLE_SIZES = (20.0, 18.0, 16.0, 14.0, theme.DECK.minimum)
TITLE_SHARE = 0.3  # the most of the slide's height a long title may take
TITLE_INSET = 3.6


@dataclass(frozen=True)
class Box:
    """A rectangle in points from the slide's top-left corner."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def overlaps(self, other: Box, tolerance: float = 0.01) -> bool:
        return (
            self.left < other.right - tolerance
            and other.left < self.right - tolerance
            and self.top < other.bottom - tolerance
            and other.top < self.bottom - tolerance
        )

    def within(self, other: Box, tolerance: float = 0.01) -> bool:
        return (
            self.left >= other.left - tolerance
            and self.top >= other.top - tolerance
            and self.right <= other.right + tolerance
            and self.bottom <= other.bottom + tolerance
        )


@dataclass(frozen=True)
class Geometry:
    """The slide's size (points) and the fixed regions every content slide shares."""

    width: float = 960.0  # 13.333 in
    height: float = 540.0  # 7.5 in
    band: float = 8.0  # brand band across the top
    gap: float = 12.0  # between blocks

    @property
    def margin(self) -> float:
        return round(self.width * 0.05, 1)

    @property
    def slide(self) -> Box:
        return Box(0, 0, self.width, self.height)

    @property
    def theme_box(self) -> Box:
        return Box(
            self.margin,
            self.band + 18,
            self.width - 2 * self.margin,
            line_height(theme.DECK.theme) + 2 * TITLE_INSET,
        )

    def theme_label_box(self, label: str) -> Box:
        """The theme label's box: one line at the top, more if a long theme wraps."""
        width = self.width - 2 * self.margin
        lines = max(1, len(wrap_text(label, theme.DECK.theme, width, bold=True)))
        box = self.theme_box
        return Box(
            box.left, box.top, width, lines * line_height(theme.DECK.theme) + 2 * TITLE_INSET
        )

    def title_box(self, title: str, top: float | None = None) -> tuple[float, Box]:
        """The title's size and box: under the theme label, height for every line it wraps to.

        28 pt on up to two lines, else 24 pt on up to three; a longer title steps down
        (never below the 12 pt minimum) until it takes at most `TITLE_SHARE` of the slide,
        and the box always holds all its lines: the content starts below it."""
        width = self.width - 2 * self.margin

        def height(size: float) -> float:
            lines = len(wrap_text(title, size, width, bold=True))
            return lines * line_height(size) + 2 * TITLE_INSET

        limits = [(size, 2) for size in TITLE_SIZES] + [(TITLE_SIZES[-1], 3)]
        size = next(
            (s for s, most in limits if len(wrap_text(title, s, width, bold=True)) <= most),
            None,
        )
        if size is None:
            size = next(
                (s for s in LONG_TITLE_SIZES if height(s) <= self.height * TITLE_SHARE),
                LONG_TITLE_SIZES[-1],
            )
        top = self.theme_box.bottom if top is None else top
        return size, Box(self.margin, top, width, height(size))

    @property
    def footer_box(self) -> Box:
        size = max(theme.DECK.footer, theme.DECK.minimum)
        height = line_height(size) + 2 * TITLE_INSET
        return Box(self.margin, self.height - 14 - height, self.width * 0.7, height)

    @property
    def number_box(self) -> Box:
        footer = self.footer_box
        width = self.width * 0.1
        return Box(self.width - self.margin - width, footer.top, width, footer.height)

    @property
    def content(self) -> Box:
        """The region blocks flow in: between the title area and the footer."""
        # -- the lowest a three-line title can push content, so a check against this
        # height holds on every slide --
        top = (
            self.theme_box.bottom
            + 3 * line_height(TITLE_SIZES[-1])
            + 2 * TITLE_INSET
            + 1.5 * self.gap
        )
        bottom = self.footer_box.top - self.gap
        return Box(self.margin, top, self.width - 2 * self.margin, bottom - top)


def image_aspect(path: Path) -> float | None:
    """Width / height of a picture (None when it cannot be read: the caller fills the box)."""
    try:
        with PILImage.open(path) as picture:
            width, height = picture.size
    except OSError:
        return None
    return width / height if height else None
