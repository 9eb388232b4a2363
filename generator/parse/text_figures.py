"""Placeholders in Content's Text cells, resolved as each row is read.

Every Text goes through here before its block is built, so each edition receives plain,
resolved runs. Prose rows are also recorded as the prose check reads them (markup
removed, placeholders as marks), for generator.prose_check once every section is known.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.errors import Problems
from generator.model import MeasureRow, Source, plain_text
from generator.parse.inline import parse_inline
from generator.placeholders import Lookup, resolve
from generator.prose_check import Prose

# -- the Content types whose Text is prose the prose check reads; `inline` ones carry
#    markup, which is removed first so `**6.9%**` reads as 6.9% --
INLINE_PROSE = frozenset({"paragraph", "bullet", "callout", "note"})
PLAIN_PROSE = frozenset({"notes", "measures", "table", "chart"})


@dataclass
class TextFigures:
    """Resolves placeholders against the workbook's keyed measures, read once."""

    lookup: Lookup
    problems: Problems
    prose: list[Prose] = field(default_factory=list)
    _rows: Mapping[str, MeasureRow] | None = None

    def rows(self) -> Mapping[str, MeasureRow]:
        if self._rows is None:
            self._rows = self.lookup()
        return self._rows

    def resolve(self, text: str, where: Source, kind: str, section: int) -> str:
        """`text` as printed; a prose row is also recorded for the prose check."""
        if not text:
            return text
        resolved = resolve(text, self.rows, where, self.problems)
        if kind in INLINE_PROSE:
            typed = plain_text(parse_inline(resolved.typed).runs)
        else:
            typed = resolved.typed
        if kind in INLINE_PROSE | PLAIN_PROSE:
            self.prose.append(Prose(where, section, typed, resolved.uses))
        return resolved.text
