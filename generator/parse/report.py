"""The Report sheet: one field per row, read into `model.Report` with every check."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.authoring.template_text import EXAMPLE_ORGANISATION
from generator.colour import MIN_CONTRAST, WHITE, contrast_ratio, darken_until_readable
from generator.contract import (
    REPORT_FIELD_NAMES,
    REPORT_HEADERS,
    WHOLE_RANGES,
    Reader,
    ReportField,
    report_field,
)
from generator.errors import Problems, did_you_mean, one_of
from generator.model import UNDATED, Report, Source
from generator.parse import limits
from generator.parse.assets import check_image
from generator.parse.cells import cell_source, norm, read_choice, read_header, text_of
from generator.workbook import RawCell, RawSheet

_HEX = re.compile(r"#[0-9A-Fa-f]{6}")
# -- a pragmatic BCP 47 shape: language, optional script, region, variants --
_BCP47 = re.compile(
    r"[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
)


@dataclass(frozen=True)
class _Context:
    folder: Path
    problems: Problems


def parse_report(sheet: RawSheet, folder: Path, problems: Problems) -> Report:
    """Every field of the Report sheet; unknown fields are warnings, bad values errors."""
    header = read_header(sheet, REPORT_HEADERS, problems)
    if header is None:
        return Report(title="")
    field_column, value_column = (header.column(name) for name in REPORT_HEADERS)
    if field_column is None or value_column is None:
        return Report(title="")
    found: dict[ReportField, RawCell | None] = {}
    sources: dict[str, Source] = {}
    for row in sheet.rows[1:]:
        name_cell, value_cell = row.get(field_column), row.get(value_column)
        field = _field(name_cell, value_cell, problems)
        if field is None:
            continue
        if field in found:
            assert name_cell is not None
            problems.warning(name_cell.source, f'"{field.name}" is given twice; the first is used')
            continue
        found[field] = value_cell
        sources[norm(field.name)] = cell_source(sheet.title, value_column, row.number)
    values = _values(found, _Context(folder, problems))
    if not values.get("title"):
        where = sources.get("title", Source(sheet.title))
        problems.error(where, 'no Title; expected the document title in the "Title" row')
    if "published" not in values:
        problems.warning(
            sources.get("published", Source(sheet.title)),
            f"no Published date, so the documents' properties carry the fixed placeholder "
            f"date {UNDATED.day} {UNDATED:%B %Y}; expected the publication date in the "
            '"Published" row (a date cell, or text like 2024-10-31)',
        )
    if values.get("organisation") == EXAMPLE_ORGANISATION:
        problems.warning(
            sources["organisation"],
            f'"{EXAMPLE_ORGANISATION}" is the template\'s example; replace it with your '
            "organisation's name",
        )
    return Report(**{**values, "title": values.get("title", "")}, sources=sources)


def _field(
    name_cell: RawCell | None, value_cell: RawCell | None, problems: Problems
) -> ReportField | None:
    name = text_of(name_cell)
    if not name:
        if value_cell is not None:
            problems.warning(value_cell.source, "a value with no Field name is ignored")
        return None
    known = report_field(name)
    if known is None:
        assert name_cell is not None
        problems.warning(
            name_cell.source,
            f'unknown field "{name}"{did_you_mean(name, REPORT_FIELD_NAMES)} is ignored; '
            f"expected one of {one_of(REPORT_FIELD_NAMES)}",
        )
    return known


def _values(found: dict[ReportField, RawCell | None], context: _Context) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field, cell in found.items():
        if cell is None:
            continue  # a blank value keeps the model's default
        value = _READERS[field.reader](field, cell, context)
        if value is not None and value != "":
            values[field.attribute] = value
    return values


def _text(field: ReportField, cell: RawCell, context: _Context) -> str:
    # -- a table heading of a pasted paragraph cannot be laid out: refused, with its cell --
    if field.attribute.endswith("_heading") and not limits.heading(
        cell, "a heading", context.problems
    ):
        return ""
    return text_of(cell)


def _choice(field: ReportField, cell: RawCell, context: _Context) -> str | None:
    return read_choice(cell, field.name, field.choices, context.problems)


def _language(field: ReportField, cell: RawCell, context: _Context) -> str | None:
    text = text_of(cell)
    if _BCP47.fullmatch(text):
        return text
    context.problems.error(
        cell.source, f'found "{text}"; expected a language tag such as "en-GB" or "cy-GB"'
    )
    return None


def _brand_colour(field: ReportField, cell: RawCell, context: _Context) -> str | None:
    text = text_of(cell)
    if not _HEX.fullmatch(text):
        context.problems.error(
            cell.source, f'found "{text}"; expected a colour as #RRGGBB, e.g. "#12436D"'
        )
        return None
    colour = text.upper()
    ratio = contrast_ratio(colour, WHITE)
    if ratio < MIN_CONTRAST:
        context.problems.warning(
            cell.source,
            f"white text on {colour} has a contrast of {ratio:.1f}:1; expected at least "
            f"{MIN_CONTRAST}:1, so the darker shade {darken_until_readable(colour)} is used "
            "behind white text",
        )
    return colour


def _published(field: ReportField, cell: RawCell, context: _Context) -> dt.date | None:
    value = cell.value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(text_of(cell))
    except ValueError:
        context.problems.error(
            cell.source,
            f'found "{text_of(cell)}"; expected a date (a date cell, or text like 2024-10-31)',
        )
        return None


def _logo(field: ReportField, cell: RawCell, context: _Context) -> Path | None:
    return check_image(text_of(cell), context.folder, cell.source, context.problems)


def _keywords(field: ReportField, cell: RawCell, context: _Context) -> tuple[str, ...]:
    return tuple(word.strip() for word in text_of(cell).split(",") if word.strip())


def _whole(field: ReportField, cell: RawCell, context: _Context) -> int | None:
    low, high = WHOLE_RANGES[field.attribute]
    value = cell.value
    number = value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(value, float) and value.is_integer():
        number = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    if number is None or not low <= number <= high:
        context.problems.error(
            cell.source, f'found "{text_of(cell)}"; expected a whole number from {low} to {high}'
        )
        return None
    return number


_READERS: dict[Reader, Callable[[ReportField, RawCell, _Context], Any]] = {
    "text": _text,
    "choice": _choice,
    "language": _language,
    "colour": _brand_colour,
    "date": _published,
    "image": _logo,
    "keywords": _keywords,
    "whole": _whole,
}
