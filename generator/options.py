"""Options that change how a document is rendered but not what it says."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RenderOptions:
    # An organisation's own branded .pptx whose master, layouts and theme the deck uses.
    pptx_template: Path | None = None
