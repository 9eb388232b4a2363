"""Formats a cell value the way Excel shows it, from the cell's number-format code.

Tables, period headers and chart categories print "as Excel shows them", so this
covers the codes analysts use: sections (`positive;negative;zero;text`), `0` `#` `?`,
thousands `,`, decimals, `%`, quoted and backslash literals, currency symbols and
`[$£-809]` locale blocks, `General`, `@`, and common date codes. Anything else falls
back to a plain rendering with `exact=False`, so the parser can warn about that cell.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from generator.figures import decimal
from generator.words import MONTHS


class Formatted(NamedTuple):
    text: str
    exact: bool  # False when the code was not understood and a plain form was used


_MONTHS = MONTHS["en"]  # Excel formats in English, whatever the Report's language
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# -- Excel's built-in short date (id 14) follows the system locale; ours is en-GB --
_LOCALE_DATES = {"mm-dd-yy": "dd/mm/yyyy", "m/d/yyyy": "dd/mm/yyyy"}
_TOKEN = re.compile(
    r'"(?P<quoted>[^"]*)"'  # "literal"
    r"|\\(?P<escaped>.)"  # \x literal
    r"|_(?P<space>.)"  # space the width of a character
    r"|\*(?P<fill>.)"  # repeat to fill the cell
    r"|\[(?P<bracket>[^\]]*)\]"  # [Red], [$£-809], [>100]
    r"|(?P<char>.)",
    re.DOTALL,
)
_DIGITS = "0#?"


def format_cell(value: object, code: str | None) -> Formatted:
    """The text Excel shows for `value` in a cell formatted with `code`."""
    code = (code or "General").strip() or "General"
    if value is None:
        return Formatted("", True)
    if isinstance(value, bool):
        return Formatted("TRUE" if value else "FALSE", True)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return format_date(value, code)
    if isinstance(value, int | float):
        return _format_number(float(value), code)
    return _format_text(str(value), code)


def general(value: float) -> str:
    """Excel's General format: no separators, up to 10 significant digits, no exponent
    for everyday magnitudes."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.10g}"
    if "e" in text:
        text = format(decimal(value).normalize(), "f")
    return text


def is_percent(code: str | None) -> bool:
    """True when the code shows a value ×100 with `%` (a literal "%" does not count)."""
    return any(kind == "char" and text == "%" for kind, text in _tokens(_sections(code)[0]))


def decimals(code: str | None) -> int | None:
    """Decimals the code's first section shows, or None for General and text codes."""
    section = _sections(code)[0]
    if not section or section.lower() == "general" or not _is_numeric(section):
        return None
    return _Pattern.parse(section).max_decimals


# -- Sections and tokens ---------------------------------------------------------------


def _sections(code: str | None) -> list[str]:
    parts, current = [], ""
    for match in _TOKEN.finditer(code or "General"):
        if match.group("char") == ";":
            parts.append(current)
            current = ""
        else:
            current += match.group(0)
    parts.append(current)
    return parts


def _tokens(section: str) -> list[tuple[str, str]]:
    tokens = []
    for match in _TOKEN.finditer(section):
        kind = match.lastgroup or "char"
        tokens.append((kind, match.group(kind)))
    return tokens


def _is_numeric(section: str) -> bool:
    return any(kind == "char" and text in _DIGITS for kind, text in _tokens(section))


def _literal(kind: str, text: str) -> str | None:
    """What a non-digit token prints, or None if the code is beyond us."""
    if kind in ("quoted", "escaped"):
        return text
    if kind in ("space", "fill"):
        return ""
    if kind == "bracket":
        return _bracket(text)
    # -- date parts, fractions, exponents and text placeholders are not number literals --
    return None if text in "ymdhsYMDHS/Ee@" else text


def _bracket(text: str) -> str | None:
    if text.startswith("$"):
        return text[1:].split("-", 1)[0]  # [$£-809] -> £, [$-809] -> ""
    if text[:1] in "<>=" or text.lower().startswith(("h", "m", "s")):
        return None  # conditions and elapsed time
    return ""  # colours such as [Red] do not change the text


class _Pattern(NamedTuple):
    prefix: str
    suffix: str
    min_integers: int
    min_decimals: int
    max_decimals: int
    thousands: bool
    scale: int  # powers of 1000 to divide by (trailing commas)
    percent: int  # how many % signs (each ×100)
    has_point: bool

    @staticmethod
    def parse(section: str) -> _Pattern:
        prefix: list[str] = []
        suffix: list[str] = []
        integer = fraction = ""
        in_fraction = thousands = False
        commas = percent = 0
        for kind, text in _tokens(section):
            placeholder = kind == "char" and text in _DIGITS
            if placeholder and suffix:
                raise ValueError("a literal inside the number")
            if placeholder:
                # -- a comma between placeholders is the thousands separator --
                thousands, commas = thousands or commas > 0, 0
                fraction, integer = (
                    (fraction + text, integer) if in_fraction else (fraction, integer + text)
                )
            elif kind == "char" and text == "." and not in_fraction:
                in_fraction = True
            elif kind == "char" and text == "," and (integer or fraction):
                commas += 1  # trailing commas scale by 1000 each
            else:
                literal = _literal(kind, text)
                if literal is None:
                    raise ValueError(f"unsupported token {text!r}")
                percent += kind == "char" and text == "%"
                (suffix if integer or fraction else prefix).append(literal)
        return _Pattern(
            prefix="".join(prefix),
            suffix="".join(suffix),
            min_integers=integer.count("0"),
            min_decimals=fraction.count("0"),
            max_decimals=len(fraction),
            thousands=thousands,
            scale=commas,
            percent=percent,
            has_point=in_fraction,
        )


# -- Numbers ---------------------------------------------------------------------------


def _format_number(value: float, code: str) -> Formatted:
    sections = _sections(code)
    if code.lower() == "general" or (sections[0].lower() == "general" and len(sections) == 1):
        return Formatted(general(value), True)
    section, signed = _pick_section(value, sections)
    if not _is_numeric(section):
        return _text_only_section(value, section)
    try:
        pattern = _Pattern.parse(section)
    except ValueError:
        return Formatted(general(value), False)
    text = pattern.prefix + _digits(abs(value), pattern) + pattern.suffix
    negative = signed and value < 0 and _digits(abs(value), pattern).strip("0.,") != ""
    return Formatted(("-" + text) if negative else text, True)


def _pick_section(value: float, sections: list[str]) -> tuple[str, bool]:
    """The section for this value, and whether Excel adds a minus sign itself."""
    if value < 0 and len(sections) >= 2 and sections[1]:
        return sections[1], False
    if value == 0 and len(sections) >= 3 and sections[2]:
        return sections[2], False
    return sections[0], True


def _text_only_section(value: float, section: str) -> Formatted:
    literals = [_literal(kind, text) for kind, text in _tokens(section)]
    if any(part is None for part in literals):
        return Formatted(general(value), False)
    return Formatted("".join(part for part in literals if part), True)


def _digits(value: float, pattern: _Pattern) -> str:
    number = decimal(value) * (Decimal(100) ** pattern.percent) / (Decimal(1000) ** pattern.scale)
    rounded = number.quantize(Decimal(1).scaleb(-pattern.max_decimals), rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{rounded:f}".partition(".")
    fraction = fraction.rstrip("0").ljust(pattern.min_decimals, "0")
    whole = whole.lstrip("0").rjust(pattern.min_integers, "0")
    if pattern.thousands and whole:
        whole = f"{int(whole):,}".rjust(pattern.min_integers, "0")
    point = "." if pattern.has_point and (fraction or pattern.max_decimals == 0) else ""
    return whole + point + fraction


# -- Text ------------------------------------------------------------------------------


def _format_text(text: str, code: str) -> Formatted:
    sections = _sections(code)
    section = sections[3] if len(sections) >= 4 else sections[0]
    if "@" not in section:
        return Formatted(text, True)
    out = []
    for kind, token in _tokens(section):
        if kind == "char" and token == "@":
            out.append(text)
        else:
            out.append(_literal(kind, token) or "")
    return Formatted("".join(out), True)


# -- Dates -----------------------------------------------------------------------------


def format_date(value: dt.datetime | dt.date | dt.time, code: str) -> Formatted:
    """A date as its code shows it (dd/mm/yyyy, mmm yyyy, ...), else as an ISO date."""
    code = _LOCALE_DATES.get(code.lower(), code)
    fallback = _iso(value)
    if code.lower() == "general":
        return Formatted(fallback, True)
    try:
        return Formatted(_render_date(value, _sections(code)[0]), True)
    except ValueError:
        return Formatted(fallback, False)


def _iso(value: dt.datetime | dt.date | dt.time) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    return value.isoformat()


def _render_date(value: dt.datetime | dt.date | dt.time, section: str) -> str:
    if "am/pm" in section.lower() or "a/p" in section.lower():
        raise ValueError("12-hour clock")
    parts: list[str] = []
    runs: list[tuple[bool, str]] = []  # (is a date token, text)
    for kind, text in _tokens(section):
        letter = text.lower()
        if kind == "char" and letter in "ymdhs":
            if runs and runs[-1][0] and runs[-1][1][0] == letter:
                runs[-1] = (True, runs[-1][1] + letter)
            else:
                runs.append((True, letter))
            continue
        literal = text if kind == "char" and text in "/" else _literal(kind, text)
        if literal is None:
            raise ValueError(text)
        runs.append((False, literal))
    after_hour = False
    for is_token, text in runs:
        if not is_token:
            parts.append(text)
            continue
        parts.append(_date_part(value, text, after_hour))
        after_hour = text[0] == "h" or (after_hour and text[0] == "m")
    return "".join(parts)


def _date_part(value: dt.datetime | dt.date | dt.time, token: str, after_hour: bool) -> str:
    date = value.date() if isinstance(value, dt.datetime) else value
    time = value.time() if isinstance(value, dt.datetime) else value
    if token[0] == "m" and after_hour and len(token) <= 2 and isinstance(time, dt.time):
        return f"{time.minute:0{len(token)}d}"
    if isinstance(date, dt.date) and token[0] in "ymd":
        return _date_field(date, token)
    if isinstance(time, dt.time) and token[0] in "hs":
        number = time.hour if token[0] == "h" else time.second
        return f"{number:0{min(len(token), 2)}d}"
    raise ValueError(token)


def _date_field(date: dt.date, token: str) -> str:
    if token[0] == "y":
        return str(date.year) if len(token) > 2 else f"{date.year % 100:02d}"
    if token[0] == "m":
        name = _MONTHS[date.month - 1]
        forms = {1: str(date.month), 2: f"{date.month:02d}", 3: name[:3], 4: name}
        return forms.get(len(token), name[0])
    day = _DAYS[date.weekday()]
    forms = {1: str(date.day), 2: f"{date.day:02d}", 3: day[:3]}
    return forms.get(len(token), day)
