"""Inline markup in Content text: `**bold**` and `[label](address)`, nothing else.

Everything else is literal: `<`, `&`, quotes, a lone or unclosed `**`, and brackets not
followed by `(...)`. A `[label](target)` is always a link attempt: a target that is not
an http, https or mailto address is reported (an analyst who typed `[x](#)` or
`[x](www.site)` meant a link and should fix it, not see brackets printed).
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import urlsplit

from generator.model import Run, Runs

# -- one level of parentheses inside the target, so `[x](javascript:f(1))` is caught --
_LINK = re.compile(r"\[(?P<label>[^\[\]\n]+)\]\((?P<target>(?:[^()\n]|\([^()\n]*\))*)\)")
_BOLD = "**"
ALLOWED_SCHEMES = ("http", "https", "mailto")


class Inline(NamedTuple):
    runs: Runs
    problems: tuple[str, ...]  # messages without a location; the parser adds the cell


def parse_inline(text: str) -> Inline:
    """Runs for `text`, plus a message for every link that cannot be used."""
    problems: list[str] = []
    runs: list[Run] = []
    position = 0
    while position < len(text):
        close = text.find(_BOLD, position + 2) if text.startswith(_BOLD, position) else -1
        if close > position + 2:
            runs.extend(_with_links(text[position + 2 : close], True, problems))
            position = close + 2
            continue
        end = _next_bold(text, position)
        runs.extend(_with_links(text[position:end], False, problems))
        position = end
    return Inline(_merge(runs), tuple(problems))


def _next_bold(text: str, position: int) -> int:
    """Where the next plain stretch ends: at a `**` that has a partner, or the end."""
    start = position + 2 if text.startswith(_BOLD, position) else position
    while True:
        found = text.find(_BOLD, start)
        if found < 0:
            return len(text)
        if text.find(_BOLD, found + 3) > found + 2:
            return found
        start = found + 1


def _with_links(text: str, bold: bool, problems: list[str]) -> list[Run]:
    runs: list[Run] = []
    position = 0
    for match in _LINK.finditer(text):
        runs.append(Run(text[position : match.start()], bold))
        label, target = match.group("label"), match.group("target").strip()
        problem = check_address(target)
        if problem:
            problems.append(f'link "{label}" goes to "{target}"; {problem}')
            runs.append(Run(label, bold))
        else:
            runs.append(Run(label, bold, target))
        position = match.end()
    runs.append(Run(text[position:], bold))
    return runs


def check_address(address: str) -> str:
    """ "" for a usable http(s) or mailto address, else what was expected."""
    expected = "expected an address starting https://, http:// or mailto:"
    if any(ch.isspace() for ch in address):
        return expected + " with no spaces"
    parts = urlsplit(address)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        return expected
    if parts.scheme.lower() == "mailto":
        return "" if "@" in parts.path else expected + " and an email address after mailto:"
    return "" if parts.netloc else expected + " and a site name"


def _merge(runs: list[Run]) -> Runs:
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        last = merged[-1] if merged else None
        if last and last.bold == run.bold and last.href is None and run.href is None:
            merged[-1] = Run(last.text + run.text, run.bold)
        else:
            merged.append(run)
    return tuple(merged)
