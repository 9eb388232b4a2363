"""The at-a-glance summary: the tally of assessments and every measure by section.

Panel members ask first "how many got better?". The answers are counted here, once,
from the measures the document prints, so the summary page, the summary slide and
`check` give the same numbers as the tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from generator.figures import NOT_AVAILABLE
from generator.model import (
    Assessment,
    AssessmentRule,
    Block,
    Document,
    MeasureRow,
    MeasuresTable,
    Section,
    Source,
    SpeakerNotes,
    Summary,
    SummaryGroup,
    Tally,
)
from generator.words import ENGLISH_WORDS, Words

_UNCHANGED = (Assessment.NOT_SIGNIFICANT, Assessment.SAME)
_NO_DIRECTION = (Assessment.NEUTRAL, Assessment.UNAVAILABLE)


def tally(rows: Iterable[MeasureRow]) -> Tally:
    """Better, worse, no significant change (or none), no direction: every row in one."""
    found = [row.change.assessment for row in rows]
    return Tally(
        better=found.count(Assessment.BETTER),
        worse=found.count(Assessment.WORSE),
        unchanged=sum(found.count(a) for a in _UNCHANGED),
        no_direction=sum(found.count(a) for a in _NO_DIRECTION),
    )


def tally_items(
    counts: Tally, rule: AssessmentRule, words: Words = ENGLISH_WORDS
) -> tuple[tuple[str, int, Assessment], ...]:
    """The tally as (label, count, the assessment whose colour it takes), in print order."""
    unchanged = words["no significant change" if rule == "significance" else "no change"]
    return (
        (words["better"], counts.better, Assessment.BETTER),
        (words["worse"], counts.worse, Assessment.WORSE),
        (unchanged, counts.unchanged, Assessment.NOT_SIGNIFICANT),
        (words["no direction"], counts.no_direction, Assessment.NEUTRAL),
    )


def tally_counts(counts: Tally, rule: AssessmentRule, words: Words = ENGLISH_WORDS) -> str:
    """`15 better, 0 worse, 6 no significant change, 2 no direction`, for `check`."""
    items = tally_items(counts, rule, words)
    return ", ".join(f"{count} {label.lower()}" for label, count, _ in items)


def tally_sentence(counts: Tally, rule: AssessmentRule, words: Words = ENGLISH_WORDS) -> str:
    """The tally as one sentence, for speaker notes and alt text:
    `23 measures: 15 better, 0 worse, 6 no significant change, 2 no direction.`"""
    noun = words["tally measure" if counts.total == 1 else "tally measures"]
    return f"{counts.total} {noun}: {tally_counts(counts, rule, words)}."


def document_rows(sections: Sequence[Section]) -> list[tuple[Section, MeasureRow]]:
    """Every measure row the document prints, with its section; a table placed twice
    (check warns) counts once."""
    seen: set[Source] = set()
    found = []
    for section in sections:
        for block in section.blocks:
            if not isinstance(block, MeasuresTable):
                continue
            for row in block.rows:
                if row.source not in seen:
                    seen.add(row.source)
                    found.append((section, row))
    return found


def document_tally(document: Document) -> Tally:
    return tally(row for _, row in document_rows(document.sections))


def fill_summaries(
    sections: Sequence[Section], rule: AssessmentRule, words: Words = ENGLISH_WORDS
) -> tuple[Section, ...]:
    """Each summary block given the measures of the whole document (known only at the end)."""
    rows = document_rows(sections)
    groups: list[SummaryGroup] = []
    for section, row in rows:
        if groups and groups[-1].title == section.title:
            groups[-1] = replace(groups[-1], rows=(*groups[-1].rows, row))
        else:
            groups.append(SummaryGroup(section.title, (row,)))
    counts = tally(row for _, row in rows)

    notes = tally_sentence(counts, rule, words)

    def filled(section: Section) -> Section:
        blocks: list[Block] = []
        for block in section.blocks:
            if isinstance(block, Summary):
                # -- the presenter's notes say the tally in words --
                blocks += [
                    replace(block, groups=tuple(groups), tally=counts, rule=rule),
                    SpeakerNotes(notes, block.source),
                ]
            else:
                blocks.append(block)
        return replace(section, blocks=tuple(blocks))

    return tuple(filled(section) for section in sections)


def change_text(row: MeasureRow) -> str:
    """The summary's one change column: `-8,486 (-7.0%)`, or `+1.5pts` for a rate."""
    change = row.change
    if change.percent_text == NOT_AVAILABLE:
        return change.text
    return f"{change.text} ({change.percent_text})"
