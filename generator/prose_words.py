"""Reading prose for the prose check: the numbers typed in it, and the direction words
beside each (`a 6.9% reduction`, `8,486 less calls`, `(-1,047 incidents)`).

Deliberately narrow, because a false alarm teaches analysts to ignore the check: a
number glued to a word or a slash (`non-999`, `2023/24`, `1:1`, `3-year`) and a bare
year (`2024`) are not read, and a direction word followed by `than`, `to` or `from`
(`higher than the national average`, `up to March`) compares with something else, so
it says nothing about a change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from generator.model import Direction
from generator.placeholders import MARK, MARK_FIRST

Kind = Literal["percent", "points", "plain"]

FALL_WORDS = frozenset(
    {
        *("reduction", "reductions", "reduce", "reduces", "reduced", "reducing"),
        *("decrease", "decreases", "decreased", "decreasing"),
        *("fall", "falls", "fell", "fallen", "falling", "drop", "drops", "dropped"),
        *("fewer", "less", "down", "lower"),
    }
)
RISE_WORDS = frozenset(
    {
        *("increase", "increases", "increased", "increasing"),
        *("rise", "rises", "rose", "risen", "rising"),
        *("more", "up", "higher"),
    }
)
_NOT_A_CHANGE_AFTER = frozenset({"than", "to", "from"})
_BEFORE, _AFTER = 3, 2  # words looked at on each side of a number, within its clause
_CLAUSE_END = ".;:!?()[]\n,"
_CLAUSE_WORDS = frozenset({"while", "whereas", "but"})

_NUMBER = re.compile(
    r"(?P<sign>[-+−])?(?P<pound>£)?(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<unit>\s?%|\s?per\s?cent\b|\s?percentage\s+points?\b|\s?p?pts?\b|\s?points?\b)?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z]+")
_PLACEHOLDER = re.compile(re.escape(MARK) + r"(.)", re.DOTALL)
_GLUE = "/:."  # a number touching one of these is part of a date, ratio or code


@dataclass(frozen=True)
class Said:
    """The direction a stretch of prose gives a number, and the word (or sign) that says it."""

    direction: Direction  # UP or DOWN
    word: str


@dataclass(frozen=True)
class Typed:
    """A number typed in the prose."""

    text: str  # as typed: "6.8%", "8,486", "-1,047"
    size: Decimal  # without sign, separators or unit
    places: int  # decimals typed
    kind: Kind
    said: Said | None
    start: int
    end: int


def typed_numbers(text: str) -> list[Typed]:
    """Every number typed in `text` (plain text; placeholders are marks, not numbers)."""
    found = []
    for match in _NUMBER.finditer(text):
        if _glued(text, match):
            continue
        digits = match.group("digits")
        kind = _kind(match.group("unit") or "")
        if kind == "plain" and "," not in digits and _is_year(digits):
            continue
        found.append(
            Typed(
                text=match.group(0).strip(),
                size=Decimal(digits.replace(",", "")),
                places=len(digits.partition(".")[2]),
                kind=kind,
                said=_sign(match) or direction_near(text, match.start(), match.end()),
                start=match.start(),
                end=match.end(),
            )
        )
    return found


def placeholder_marks(text: str) -> list[tuple[int, int, int]]:
    """(index of the placeholder use, start, end) for every mark in `text`."""
    return [
        (ord(match.group(1)) - MARK_FIRST, match.start(), match.end())
        for match in _PLACEHOLDER.finditer(text)
    ]


def _glued(text: str, match: re.Match[str]) -> bool:
    start = match.start("pound") if match.group("pound") else match.start("digits")
    before = text[start - 1] if start > 0 else " "
    if match.group("sign"):
        sign_at = match.start("sign")
        before = text[sign_at - 1] if sign_at > 0 else " "
    elif before in "-–−":
        before = text[start - 2] if start > 1 else " "  # `non-999`, `2023-24`
    after = text[match.end() : match.end() + 2]
    return (
        before.isalnum()
        or before in _GLUE
        or (after[:1].isalnum() and not match.group("unit"))
        or (after[:1] in _GLUE and after[1:2].isalnum())
        or (after[:1] in "-–" and after[1:2].isalnum())
    )


def _kind(unit: str) -> Kind:
    unit = unit.strip().lower()
    if not unit:
        return "plain"
    if "point" in unit or "pt" in unit:
        return "points"
    return "percent"  # `%`, `per cent`, `percent`


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100


def _sign(match: re.Match[str]) -> Said | None:
    sign = match.group("sign")
    if not sign:
        return None
    return Said(Direction.UP if sign == "+" else Direction.DOWN, sign)


def direction_near(text: str, start: int, end: int) -> Said | None:
    """The nearest direction word within a few words of text[start:end], in its clause."""
    before = _WORD.findall(_clause_before(text, start))[-_BEFORE:]
    after = _WORD.findall(_clause_after(text, end))[: _AFTER + 1]  # +1: the word after
    candidates: list[tuple[int, Said]] = []
    for distance, index in enumerate(range(len(before) - 1, -1, -1)):
        said = _said(before, index)
        if said:
            candidates.append((distance, said))
    for distance, index in enumerate(range(min(len(after), _AFTER))):
        said = _said(after, index)
        if said:
            candidates.append((distance, said))
    return min(candidates, key=lambda item: item[0])[1] if candidates else None


def _said(words: list[str], index: int) -> Said | None:
    word = words[index].lower()
    following = words[index + 1].lower() if index + 1 < len(words) else ""
    if following in _NOT_A_CHANGE_AFTER:
        return None
    if word in FALL_WORDS:
        return Said(Direction.DOWN, words[index])
    if word in RISE_WORDS:
        return Said(Direction.UP, words[index])
    return None


def _clause_before(text: str, start: int) -> str:
    head = text[:start]
    cut = max(head.rfind(ch) for ch in _CLAUSE_END)
    head = head[cut + 1 :]
    words = _WORD.findall(head)
    for index in range(len(words) - 1, -1, -1):
        if words[index].lower() in _CLAUSE_WORDS:
            return " ".join(words[index + 1 :])
    return head


def _clause_after(text: str, end: int) -> str:
    tail = text[end:]
    cuts = [tail.find(ch) for ch in _CLAUSE_END if ch in tail]
    tail = tail[: min(cuts)] if cuts else tail
    words = _WORD.findall(tail)
    for index, word in enumerate(words):
        if word.lower() in _CLAUSE_WORDS:
            return " ".join(words[:index])
    return tail
