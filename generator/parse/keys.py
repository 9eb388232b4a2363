"""Measure keys and bases: the Measures (and Monthly) `Key` and `Base` columns.

A Key names a measure once in the workbook, for placeholders in Text, `trend` rows and
a percent row's `Base`. A Base is the Key of the count a rate is a share of (the calls
received behind "% answered within 10 seconds"), so the rate's change can be tested for
significance. Keys are compared ignoring case, so `Calls999` and `calls999` cannot both
exist and a reference in either spelling finds the measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.errors import Problems, did_you_mean
from generator.model import MeasureBase, Source, Unit
from generator.parse.cells import text_of
from generator.workbook import RawCell

KEY_PATTERN = re.compile(r"[A-Za-z0-9_]+")
KEY_EXAMPLE = "calls999"


def read_key(cell: RawCell | None, problems: Problems) -> str:
    """The Key in a cell, or "" when blank or not a valid key (an error says which)."""
    text = text_of(cell)
    if not text:
        return ""
    if KEY_PATTERN.fullmatch(text) is None:
        assert cell is not None  # text is non-empty only for a cell
        bad = sorted({ch for ch in text if not KEY_PATTERN.fullmatch(ch)})
        shown = " ".join("space" if ch == " " else f'"{ch}"' for ch in bad)
        problems.error(
            cell.source,
            f'the Key "{text}" contains {shown}; expected a short name of letters, digits '
            f'and "_" only, e.g. "{KEY_EXAMPLE}"',
        )
        return ""
    return text


@dataclass(frozen=True)
class Keyed:
    """A measure that has a Key: what a Base or a placeholder needs to know about it."""

    key: str
    label: str
    unit: Unit
    periods: tuple[str, ...]
    values: tuple[float | None, ...]
    source: Source  # the Key's cell
    sheet_row: Source  # the measure's label cell, for messages


@dataclass
class KeyIndex:
    """Every Key of the workbook; a second use of a Key is an error at its cell."""

    entries: dict[str, Keyed] = field(default_factory=dict)

    def add(self, entry: Keyed, problems: Problems) -> None:
        earlier = self.entries.get(entry.key.casefold())
        if earlier is not None:
            problems.error(
                entry.source,
                f'the Key "{entry.key}" is already the Key of "{earlier.label}" at '
                f"{earlier.source}; expected each Key once in the workbook",
            )
            return
        self.entries[entry.key.casefold()] = entry

    def get(self, key: str) -> Keyed | None:
        return self.entries.get(key.casefold())

    def keys(self) -> list[str]:
        return [entry.key for entry in self.entries.values()]

    def base(
        self, cell: RawCell, unit: Unit, periods: tuple[str, ...], problems: Problems
    ) -> MeasureBase | None:
        """The count a rate's Base cell names, checked; None (with an error) otherwise."""
        text = text_of(cell)
        if unit is not Unit.PERCENT:
            problems.error(
                cell.source,
                f'a Base on a "{unit.value}" row; expected a Base only on a "percent" row '
                "(the Key of the count the rate is a share of), or a blank",
            )
            return None
        found = self.get(text)
        if found is None:
            counts = [e.key for e in self.entries.values() if e.unit is Unit.COUNT]
            problems.error(
                cell.source,
                f'unknown Base "{text}"{did_you_mean(text, counts)}; expected the Key of '
                "the count measure the rate is a share of (e.g. the calls received)",
            )
            return None
        return self._checked(found, cell, text, periods, problems)

    def _checked(
        self,
        found: Keyed,
        cell: RawCell,
        text: str,
        periods: tuple[str, ...],
        problems: Problems,
    ) -> MeasureBase | None:
        if found.unit is not Unit.COUNT:
            problems.error(
                cell.source,
                f'the Base "{text}" is "{found.label}" at {found.sheet_row}, a '
                f'"{found.unit.value}" measure; expected the Key of a "count" measure',
            )
            return None
        if found.periods != periods:
            problems.error(
                cell.source,
                f'the Base "{text}" ("{found.label}" at {found.sheet_row}) covers other '
                "periods than this rate; expected a count over the same periods",
            )
            return None
        return MeasureBase(found.key, found.label, found.values)
