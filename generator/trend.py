"""A Content `trend` row's block: the SPC chart (or a plain line chart) of one Monthly
measure, with its result in words and alt text that says it (statistics.md)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from generator import figures
from generator.model import Better, Block, Chart, Series, Source, Trend
from generator.monthly import Month
from generator.parse.monthly import MonthlyRow
from generator.spc import SpcResult, Variation, analyse
from generator.words import ENGLISH_WORDS, Words
from generator.words_monthly import REASONS, VARIATION, trend_words


def trend_block(
    row: MonthlyRow,
    months: Sequence[Month],
    title: str,
    kind: str,
    where: Source,
    words: Words = ENGLISH_WORDS,
) -> Block | None:
    """The chart of the row's months from its first to its last figure."""
    span = row.span()
    if span is None:
        return None
    labels = tuple(month.short_in(words) for month in months[span[0] : span[1] + 1])
    values = tuple(v for v in row.values[span[0] : span[1] + 1] if v is not None)
    heading = title or row.label
    if kind == "line":
        texts = figures.format_series_values(values)
        series = Series(row.label, values, texts)
        alt = figures.describe_chart(heading, "line", labels, [series], words)
        return Chart(heading, "line", "Monthly", labels, (series,), alt, where, words["month"])
    return spc_trend(row, labels, values, heading, where, words)


def spc_trend(
    row: MonthlyRow,
    labels: tuple[str, ...],
    values: tuple[float, ...],
    title: str,
    where: Source,
    words: Words = ENGLISH_WORDS,
) -> Trend:
    higher = {Better.HIGHER: True, Better.LOWER: False}.get(row.better)
    result = analyse(values, higher)
    places = figures.row_decimals(row.unit, values)

    def shown(value: float | None) -> str:
        return "" if value is None else figures.format_value(value, row.unit, places)

    points = tuple(_point(result, index, higher) for index in range(len(values)))
    return Trend(
        title=title,
        measure=row.label,
        unit=row.unit,
        months=labels,
        values=values,
        value_texts=tuple(shown(v) for v in values),
        spc=result,
        points=points,
        alt_text=_alt_text(row.label, labels, result, shown, words),
        source=where,
        words=trend_words(result.variation, title, words),
    )


def _point(result: SpcResult, index: int, higher: bool | None) -> Variation:
    signals = result.special(index)
    if not signals:
        return Variation.COMMON
    if higher is None:
        return Variation.SPECIAL
    return Variation.IMPROVEMENT if signals[0].high == higher else Variation.CONCERN


def _alt_text(
    title: str,
    labels: Sequence[str],
    result: SpcResult,
    shown: Callable[[float | None], str],
    words: Words,
) -> str:
    span = {"title": _in_sentence(title), "first": labels[0], "last": labels[-1]}
    if result.is_run_chart:
        median = words.fill("run median", median=shown(result.centre))
        return " ".join((words.fill("run title", **span), median))
    limits = words.fill(
        "spc limits",
        mean=shown(result.centre),
        lower=shown(result.lower),
        upper=shown(result.upper),
    )
    sentence = words.fill(
        "result sentence",
        reason=_reason(result, len(labels), words),
        result=words[VARIATION[result.variation]].lower(),
    )
    return " ".join((words.fill("spc title", **span), limits, sentence))


def _reason(result: SpcResult, count: int, words: Words) -> str:
    latest = result.special(count - 1)
    if not latest:
        return words["no signal"]
    first = latest[0]
    run = 1
    while result.special(count - 1 - run) and any(
        s.rule == first.rule and s.high == first.high for s in result.special(count - 1 - run)
    ):
        run += 1
    return words.fill(REASONS[(first.rule, first.high)], count=run)


def _in_sentence(label: str) -> str:
    """`Residential burglary` → `residential burglary`; `NHS admissions` stays."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label
