"""Figures in the text: `{key}`, `{key.percent}` and friends, resolved while parsing.

A placeholder prints a measure's figure exactly as its table prints it (the strings
come from the parsed MeasureRow, which generator.figures formatted), so the prose can
never disagree with the tables. Resolution happens in the parser, so every edition gets
plain runs. Besides the printed text, each resolved Text keeps a `typed` copy in which
every placeholder is a private-use mark: the prose check reads numbers from that copy,
so a figure that came from a placeholder is never mistaken for one the analyst typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from generator.contract import PLACEHOLDER_FIELDS
from generator.errors import Problems, did_you_mean, one_of
from generator.figures import NOT_AVAILABLE
from generator.model import Direction, MeasureRow, Source, Unit

FIELDS = PLACEHOLDER_FIELDS
DIRECTION_WORDS = {
    Direction.DOWN: "reduction",
    Direction.UP: "increase",
    Direction.FLAT: "no change",
    Direction.NONE: NOT_AVAILABLE,
}
# -- a use of placeholder i is MARK + chr(MARK_FIRST + i) in the typed copy: private-use
#    characters, so no digit, markup or word character can be read into them --
MARK = "\ue000"
MARK_FIRST = 0xE100
_BRACES = re.compile(r"\{\{|\{([^{}\n]{0,80})\}")
_NAME = re.compile(r"\s*([A-Za-z0-9_]+)(?:\.([A-Za-z_]+))?\s*")
_EXPECTED = "expected {key} or {key.field}, where key is a measure's Key"
_MEASURE_SHEETS = ("measures", "monthly")  # the sheets whose rows have Keys

Lookup = Callable[[], Mapping[str, MeasureRow]]  # Key (casefolded) -> its measure row


@dataclass(frozen=True)
class Use:
    """One placeholder in a Text: which measure, which field, and what it printed."""

    key: str
    field: str
    text: str
    row: MeasureRow


@dataclass(frozen=True)
class Resolved:
    text: str  # as printed: placeholders replaced by their figures, `{{` by `{`
    typed: str  # the same, with each placeholder a mark (see MARK)
    uses: tuple[Use, ...]


def figure(row: MeasureRow, field: str) -> str:
    """What `{key.field}` prints for `row`: the table's own strings, or a word."""
    change = row.change
    texts = {
        "latest": row.value_texts[-1],
        "previous": row.value_texts[-2],
        "change": change.text,
        "change_size": _unsigned(change.text),
        "percent": change.percent_text,
        "percent_size": _unsigned(change.percent_text),
        "direction": DIRECTION_WORDS[change.direction],
    }
    return texts[field]


def _unsigned(text: str) -> str:
    return text[1:] if text[:1] in "+-" else text


def resolve(text: str, lookup: Lookup, where: Source, problems: Problems) -> Resolved:
    """`text` with its placeholders resolved; each bad one is an error at `where`."""
    if "{" not in text:
        return Resolved(text, text, ())
    printed: list[str] = []
    typed: list[str] = []
    uses: list[Use] = []
    position = 0
    for match in _BRACES.finditer(text):
        printed.append(text[position : match.start()])
        typed.append(text[position : match.start()])
        position = match.end()
        if match.group(0) == "{{":
            printed.append("{")
            typed.append("{")
            continue
        use = _use(match.group(0), match.group(1), lookup, where, problems)
        printed.append(use.text if use else match.group(0))
        typed.append(MARK + chr(MARK_FIRST + len(uses)) if use else "")
        if use:
            uses.append(use)
    printed.append(text[position:])
    typed.append(text[position:])
    return Resolved("".join(printed), "".join(typed), tuple(uses))


def _use(whole: str, inside: str, lookup: Lookup, where: Source, problems: Problems) -> Use | None:
    name = _NAME.fullmatch(inside)
    if name is None:
        problems.error(
            where,
            f'"{whole}" is not a placeholder; {_EXPECTED} (type {{{{ for a literal "{{")',
        )
        return None
    key, field = name.group(1), (name.group(2) or "latest").lower()
    rows = lookup()
    row = rows.get(key.casefold())
    if row is None:
        if _measures_have_errors(problems):
            return None  # -- its row may be one with errors: those messages come first --
        known = [found.key for found in rows.values()]
        hint = "" if known else " (no measure has a Key yet)"
        problems.error(
            where,
            f'unknown key "{key}" in "{whole}"{did_you_mean(key, known)}; expected the '
            f"Key of a measure, from the Key column of the Measures sheet{hint}",
        )
        return None
    if field not in FIELDS:
        problems.error(
            where,
            f'unknown field "{name.group(2)}" in "{whole}"{did_you_mean(field, FIELDS)}; '
            f"expected one of {one_of(FIELDS)}",
        )
        return None
    text = figure(row, field)
    # -- a row with no figures at all (a new quarter not filled in yet) is warned once, by
    #    the Measures check, not at every placeholder --
    if text == NOT_AVAILABLE and any(value is not None for value in row.values):
        problems.warning(where, f'"{whole}" prints "{NOT_AVAILABLE}": {_why_missing(row, field)}')
    return Use(key, field, text, row)


def _measures_have_errors(problems: Problems) -> bool:
    return any(
        problem.where is not None and problem.where.sheet.strip().casefold() in _MEASURE_SHEETS
        for problem in problems.errors
    )


def _why_missing(row: MeasureRow, field: str) -> str:
    if field.startswith("percent") and row.unit is Unit.PERCENT:
        return (
            f'"{row.label}" is a rate, whose change is in percentage points; '
            f"use .change or .change_size ({row.source})"
        )
    return f'"{row.label}" has no figure there ({row.source})'
