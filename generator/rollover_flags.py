"""The review flag new-quarter puts on narrative cells, shared by the writer
(generator.rollover) and the warning in check (generator.parse.review)."""

from __future__ import annotations

REVIEW_COLOUR = "FFFCE4D6"  # pale orange: unlike the template's pale-yellow input cells
