"""The prose check: do the numbers typed in a section's text agree with its tables?

For each number typed in a section's prose (placeholders print the tables' own strings,
so they need no check), the figures of the measures in the same section are compared:

(a) a percentage described as a change, within one point of a measure's printed % change
    (or percentage-point change) but equal to none: a typing slip, e.g. 6.8% for 6.9%;
(b) a number equal to a change's size beside a direction word (or sign) that contradicts
    the change: "8,486 more calls" when calls fell by 8,486;
(c) a change called a reduction or an increase when the table says no significant
    change: a softer note, not a contradiction.

Precision matters more than recall: a number that equals any figure in its section (or,
failing that, in another section) is taken to quote it and is never reported under (a);
one that matches nothing is not reported at all. Findings are warnings naming the cell;
`explain` lists every match so an analyst can see why the check spoke, or did not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from generator import figures
from generator.errors import Problems
from generator.model import Assessment, Direction, MeasureRow, MeasuresTable, Section, Source
from generator.placeholders import MARK, MARK_FIRST, Use
from generator.prose_words import (
    Kind,
    Said,
    Typed,
    direction_near,
    placeholder_marks,
    typed_numbers,
)
from generator.words import Words

NEAR = Decimal(1)  # (a): within one point
_NOT_DIGITS = re.compile(r"[^\d.]")


@dataclass(frozen=True)
class Prose:
    """One Text of a section as the check reads it: plain text, placeholders as marks."""

    source: Source
    section: int  # index into the document's sections
    text: str
    uses: tuple[Use, ...]


@dataclass(frozen=True)
class Figure:
    """A figure a table prints for one measure, as the check compares it."""

    row: MeasureRow
    kind: Kind
    printed: str  # "-6.9%", "-8,486", "+1.5pts", "113,266"
    size: Decimal  # the printed figure without sign, separators or unit
    exact: Decimal | None  # the unrounded size of a change, for quotes rounded further
    direction: Direction | None  # None for a period's value (a level, not a change)
    what: str  # "% change", "change", "value"


@dataclass(frozen=True)
class Finding:
    """What the check made of one number in the prose (for warnings and --explain)."""

    source: Source
    section: int
    number: str  # as typed, or the placeholder's printed figure
    said: Said | None
    figure: Figure | None
    elsewhere: str  # the other section's title, when the figure is not from this one
    verdict: str  # "agrees", "contradicts", "near", "not significant", "unmatched", ...
    placeholder: bool = False
    at: int = 0  # where in the text, so --explain lists numbers in reading order


def check_prose(
    sections: Sequence[Section],
    prose: Sequence[Prose],
    problems: Problems,
    words: Words | None = None,
) -> tuple[Finding, ...]:
    """Warn about every contradiction and slip; return every finding, for --explain."""
    per_section = [section_figures(section) for section in sections]
    changes = _changes_by_quote(per_section)
    findings: list[Finding] = []
    for text in prose:
        if text.section >= len(sections):
            continue
        findings.extend(_check_text(text, sections, per_section, changes))
    said: set[tuple[Source, str]] = set()
    for finding in findings:
        message = warning_for(finding, words or Words())
        if message and (finding.source, message) not in said:  # once per cell
            said.add((finding.source, message))
            problems.warning(finding.source, message)
    return tuple(findings)


def section_figures(section: Section) -> list[Figure]:
    tables = [block for block in section.blocks if isinstance(block, MeasuresTable)]
    rows = [row for table in tables for row in table.rows]
    return [figure for row in rows for figure in row_figures(row)]


def row_figures(row: MeasureRow) -> list[Figure]:
    found = []
    change = row.change
    previous, latest = row.values[-2], row.values[-1]
    if previous is not None and latest is not None:
        before, after = figures.decimal(previous), figures.decimal(latest)
        delta = abs(after - before)
        kind: Kind = "points" if change.percent_text == figures.NOT_AVAILABLE else "plain"
        found.append(_figure(row, kind, change.text, delta, change.direction, "change"))
        if change.percent_text != figures.NOT_AVAILABLE and before != 0:
            ratio = delta / abs(before) * 100
            found.append(
                _figure(row, "percent", change.percent_text, ratio, change.direction, "% change")
            )
    value_kind: Kind = "percent" if row.value_texts[-1].endswith("%") else "plain"
    for text in row.value_texts:
        if text != figures.NOT_AVAILABLE:
            found.append(_figure(row, value_kind, text, None, None, "value"))
    return found


def _figure(
    row: MeasureRow,
    kind: Kind,
    printed: str,
    exact: Decimal | None,
    direction: Direction | None,
    what: str,
) -> Figure:
    return Figure(row, kind, printed, Decimal(_NOT_DIGITS.sub("", printed)), exact, direction, what)


# -- every change figure of the document by the numbers that quote it (as printed, with
#    any decimals, or rounded to fewer): a look-up per number instead of a scan of every
#    section's figures --
ANY_PLACES = -1
ChangeIndex = dict[tuple[Decimal, int], list[tuple[int, Figure]]]


def _changes_by_quote(per_section: list[list[Figure]]) -> ChangeIndex:
    index: ChangeIndex = {}
    for section, found in enumerate(per_section):
        for figure in found:
            if figure.direction is not None and figure.kind != "plain":
                for key in _quotes(figure):
                    index.setdefault(key, []).append((section, figure))
    return index


def _quotes(figure: Figure) -> set[tuple[Decimal, int]]:
    """(value, decimals typed) of every quote of the figure that `_equal` accepts."""
    shown = -int(figure.size.as_tuple().exponent)
    values = [figure.size] + ([figure.exact] if figure.exact is not None else [])
    rounded = {(figures.round_to(v, places), places) for places in range(shown) for v in values}
    return {(figure.size, ANY_PLACES)} | rounded


def _check_text(
    text: Prose,
    sections: Sequence[Section],
    per_section: list[list[Figure]],
    changes: ChangeIndex,
) -> list[Finding]:
    reading = _with_direction_words(text)
    findings = [
        replace(_judge_typed(number, text, sections, per_section, changes), at=number.start)
        for number in typed_numbers(reading)
    ]
    findings.extend(_judge_placeholders(reading, text))
    findings.sort(key=lambda finding: finding.at)
    return [replace(finding, section=text.section) for finding in findings]


def _with_direction_words(text: Prose) -> str:
    """{key.direction} reads as its word, so `{x.percent_size} {x.direction}` says one."""
    reading = text.text
    for index, use in enumerate(text.uses):
        if use.field == "direction":
            reading = reading.replace(MARK + chr(MARK_FIRST + index), use.text)
    return reading


def _judge_typed(
    number: Typed,
    text: Prose,
    sections: Sequence[Section],
    per_section: list[list[Figure]],
    changes: ChangeIndex,
) -> Finding:
    here = [figure for figure in per_section[text.section] if _equal(number, figure)]
    if here:
        return _with_direction(text.source, number.text, number.said, here, "")
    # -- a percentage quoted from another section's table is not a slip for one here --
    hits = changes.get((number.size, ANY_PLACES), []) + changes.get(
        (number.size, number.places), []
    )
    quoted = [hit for hit in hits if number.kind != "plain" and hit[0] != text.section]
    if quoted:
        index, figure = min(quoted, key=lambda hit: hit[0])  # the first such section
        title = sections[index].title
        return Finding(text.source, 0, number.text, number.said, figure, title, "elsewhere")
    near = _nearest(number, per_section[text.section])
    verdict = "near" if near is not None else "unmatched"
    return Finding(text.source, 0, number.text, number.said, near, "", verdict)


def _equal(number: Typed, figure: Figure) -> bool:
    """The number quotes the figure: as printed, or a change rounded to fewer decimals
    (`25%` for -25.0%, `7%` for -6.9%)."""
    if not _comparable(number.kind, figure.kind, figure.what == "value"):
        return False
    if number.size == figure.size:
        return True
    shown = -int(figure.size.as_tuple().exponent)
    if figure.what == "value" or number.places >= shown:
        return False
    values = [figure.size] + ([figure.exact] if figure.exact is not None else [])
    return any(figures.round_to(value, number.places) == number.size for value in values)


def _comparable(typed: Kind, printed: Kind, level: bool) -> bool:
    if level or typed == "plain" or printed == "plain":
        return typed == printed
    return True  # a % quoted for a change in points, or points for a % change


def _nearest(number: Typed, candidates: list[Figure]) -> Figure | None:
    """(a): the change within one point of a percentage said to be a change."""
    if number.kind == "plain" or number.said is None:
        return None
    near = [
        figure
        for figure in candidates
        if figure.direction is not None
        and figure.kind != "plain"
        and abs(figure.size - number.size) <= NEAR
    ]
    return min(near, key=lambda figure: abs(figure.size - number.size), default=None)


def _with_direction(
    where: Source, number: str, said: Said | None, matched: list[Figure], elsewhere: str
) -> Finding:
    changes = [figure for figure in matched if figure.direction is not None]
    moved = [figure for figure in changes if figure.direction in (Direction.UP, Direction.DOWN)]
    if said is None or not moved:
        best = changes[0] if changes else matched[0]
        return Finding(where, 0, number, said, best, elsewhere, "matched" if changes else "value")
    agreeing = [figure for figure in moved if figure.direction is said.direction]
    if not agreeing:
        return Finding(where, 0, number, said, moved[0], elsewhere, "contradicts")
    figure = agreeing[0]
    verdict = "not significant" if _not_significant(figure.row) else "agrees"
    return Finding(where, 0, number, said, figure, elsewhere, verdict)


def _judge_placeholders(reading: str, text: Prose) -> list[Finding]:
    """A placeholder's figure is right by construction, but the words beside it may not be."""
    findings = []
    for index, start, end in placeholder_marks(reading):
        use = text.uses[index]
        if use.field not in ("change", "change_size", "percent", "percent_size"):
            continue
        said = direction_near(reading, start, end)
        figure = next((f for f in row_figures(use.row) if f.printed == _signed(use)), None)
        if figure is not None:
            shown = f"{{{use.key}.{use.field}}} ({use.text})"
            finding = _with_direction(text.source, shown, said, [figure], "")
            findings.append(replace(finding, placeholder=True, at=start))
    return findings


def _signed(use: Use) -> str:
    return use.row.change.percent_text if use.field.startswith("percent") else use.row.change.text


def _not_significant(row: MeasureRow) -> bool:
    return row.change.assessment is Assessment.NOT_SIGNIFICANT


# -- Words ---------------------------------------------------------------------------


def warning_for(finding: Finding, words: Words) -> str:
    """The warning a finding gives, or "" when it gives none."""
    figure = finding.figure
    if figure is None:
        return ""
    row = figure.row
    if finding.verdict == "near":
        field = "percent_size" if figure.what == "% change" else "change_size"
        hint = f"; type {{{row.key}.{field}}} to print the table's figure" if row.key else ""
        return (
            f'the text says {finding.number}, but "{row.label}" changed by {figure.printed} '
            f"({row.source}){hint}"
        )
    if finding.verdict == "contradicts" and finding.said is not None:
        went = "rose" if figure.direction is Direction.UP else "fell"
        return (
            f'the text says {finding.number} with "{finding.said.word}", but "{row.label}" '
            f"{went}: {figure.printed} ({row.source})"
        )
    if finding.verdict == "not significant" and finding.said is not None:
        called = "a reduction" if finding.said.direction is Direction.DOWN else "an increase"
        went = "fall" if figure.direction is Direction.DOWN else "rise"
        p_value = f" (p = {row.change.p_value:.2f})" if row.change.p_value is not None else ""
        label = row.change.label_in(words)  # as the table prints it, in its language
        return (
            f'the text calls {finding.number} {called}; "{row.label}" did {went} '
            f"({row.value_texts[-2]} to {row.value_texts[-1]}), but not by more than chance"
            f'{p_value}, so its table says "{label}" ({row.source}; a note, not a '
            "contradiction)"
        )
    return ""


# -- check --explain -----------------------------------------------------------------

_VERDICTS = {
    "agrees": "agrees",
    "matched": "matches (no direction word beside it)",
    "value": "a period's value, not a change",
    "contradicts": "CONTRADICTS the table",
    "not significant": "agrees, but the change is not significant",
    "near": "within one point of a change but equal to none: a slip?",
}


def explain(sections: Sequence[Section], findings: Sequence[Finding]) -> list[str]:
    """For each section, every number its prose gives and what the check matched it to."""
    lines = ["Prose check: numbers in the text, matched to the figures of their section's tables"]
    for index, section in enumerate(sections):
        mine = [finding for finding in findings if finding.section == index]
        if not mine:
            continue
        if not section_figures(section):
            mine = [finding for finding in mine if finding.verdict != "unmatched"]
            lines.append(f"{section.title}: no measures table, so its numbers are not checked")
        else:
            lines.append(section.title)
        lines.extend(f"  {_explain_one(finding)}" for finding in mine)
    if len(lines) == 1:
        lines.append("  no numbers in the prose")
    return lines


def _explain_one(finding: Finding) -> str:
    number = finding.number if finding.placeholder else f'"{finding.number}"'
    said = f' with "{finding.said.word}"' if finding.said else ""
    head = f"{finding.source}: {number}{said}"
    figure = finding.figure
    if figure is None:
        return f"{head}: matches no figure in this section's tables (not checked)"
    target = f'{figure.what} of "{figure.row.label}" ({figure.printed}, {figure.row.source})'
    if finding.verdict == "elsewhere":
        return f'{head}: {target}, in the section "{finding.elsewhere}" (not checked further)'
    return f"{head}: {target}: {_VERDICTS[finding.verdict]}"
