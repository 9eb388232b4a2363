"""The Report sheet: one field per row, read into `model.Report` with every check."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from generator.authoring.template_text import EXAMPLE_ORGANISATION
from generator.colour import MIN_CONTRAST, WHITE, contrast_ratio, darken_until_readable
from generator.errors import Problems, did_you_mean, one_of
from generator.model import PageSetup, Report, Rounding, Source
from generator.parse import limits
from generator.parse.assets import check_image
from generator.parse.cells import cell_source, norm, read_choice, read_header, text_of
from generator.workbook import RawCell, RawSheet

FIELDS = (
    "Title",
    "Subtitle",
    "Year",
    "Period",
    "Organisation",
    "Language",
    "Rounding",
    "Measure heading",
    "Change heading",
    "Percent change heading",
    "Assessment heading",
    "Brand colour",
    "Logo",
    "Page",
    "Footer",
    "Published",
    "Subject",
    "Keywords",
)
ROUNDINGS = ("nearest", "truncate")
PAGES = ("A4 portrait", "A4 landscape")
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
    header = read_header(sheet, ("Field", "Value"), problems)
    if header is None:
        return Report(title="")
    field_column, value_column = header.column("Field"), header.column("Value")
    if field_column is None or value_column is None:
        return Report(title="")
    found: dict[str, RawCell | None] = {}
    sources: dict[str, Source] = {}
    for row in sheet.rows[1:]:
        name_cell, value_cell = row.get(field_column), row.get(value_column)
        name = _field_name(name_cell, value_cell, problems)
        if name is None:
            continue
        key = norm(name)
        if key in found:
            assert name_cell is not None
            problems.warning(name_cell.source, f'"{name}" is given twice; the first is used')
            continue
        found[key] = value_cell
        sources[key] = cell_source(sheet.title, value_column, row.number)
    values = _values(found, _Context(folder, problems))
    if not values.get("title"):
        where = sources.get("title", Source(sheet.title))
        problems.error(where, 'no Title; expected the document title in the "Title" row')
    if values.get("organisation") == EXAMPLE_ORGANISATION:
        problems.warning(
            sources["organisation"],
            f'"{EXAMPLE_ORGANISATION}" is the template\'s example; replace it with your '
            "organisation's name",
        )
    return Report(**{**values, "title": values.get("title", "")}, sources=sources)


def _field_name(
    name_cell: RawCell | None, value_cell: RawCell | None, problems: Problems
) -> str | None:
    name = text_of(name_cell)
    if not name:
        if value_cell is not None:
            problems.warning(value_cell.source, "a value with no Field name is ignored")
        return None
    known = next((field for field in FIELDS if norm(field) == norm(name)), None)
    if known is None:
        assert name_cell is not None
        problems.warning(
            name_cell.source,
            f'unknown field "{name}"{did_you_mean(name, FIELDS)} is ignored; '
            f"expected one of {one_of(FIELDS)}",
        )
    return known


def _values(found: dict[str, RawCell | None], context: _Context) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, cell in found.items():
        if cell is None:
            continue  # a blank value keeps the model's default
        reader = _READERS.get(key, _text)
        value = reader(cell, context)
        if value is not None and value != "":
            values[key.replace(" ", "_")] = value
    return values


def _text(cell: RawCell, context: _Context) -> str:
    return text_of(cell)


def _rounding(cell: RawCell, context: _Context) -> Rounding | None:
    return cast(Rounding | None, read_choice(cell, "Rounding", ROUNDINGS, context.problems))


def _page(cell: RawCell, context: _Context) -> PageSetup | None:
    return cast(PageSetup | None, read_choice(cell, "Page", PAGES, context.problems))


def _language(cell: RawCell, context: _Context) -> str | None:
    text = text_of(cell)
    if _BCP47.fullmatch(text):
        return text
    context.problems.error(
        cell.source, f'found "{text}"; expected a language tag such as "en-GB" or "cy-GB"'
    )
    return None


def _brand_colour(cell: RawCell, context: _Context) -> str | None:
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


def _published(cell: RawCell, context: _Context) -> dt.date | None:
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


def _heading(cell: RawCell, context: _Context) -> str | None:
    """A table heading: a pasted paragraph there cannot be laid out."""
    return text_of(cell) if limits.heading(cell, "a heading", context.problems) else None


def _logo(cell: RawCell, context: _Context) -> Path | None:
    return check_image(text_of(cell), context.folder, cell.source, context.problems)


def _keywords(cell: RawCell, context: _Context) -> tuple[str, ...]:
    return tuple(word.strip() for word in text_of(cell).split(",") if word.strip())


_READERS: dict[str, Callable[[RawCell, _Context], Any]] = {
    "rounding": _rounding,
    "page": _page,
    "language": _language,
    "brand colour": _brand_colour,
    "published": _published,
    "logo": _logo,
    "keywords": _keywords,
    **dict.fromkeys(
        ("measure heading", "change heading", "percent change heading", "assessment heading"),
        _heading,
    ),
}
