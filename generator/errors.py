"""One error root, and the collector that gathers every workbook problem in one run.

Analysts fix a workbook faster when they see all its problems at once, each with the
cell it is in, so the parser records problems here and raises once at the end.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Literal

from generator.model import Source

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or suspicious) in the workbook: where, and what to do about it."""

    where: Source | None
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class GeneratorError(Exception):
    """The root of every error the generator reports to a user (never as a traceback)."""


class WorkbookError(GeneratorError):
    """The workbook cannot be used; `problems` lists every reason with its cell."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class RenderError(GeneratorError):
    """An edition could not be drawn. `where` is the workbook cell whose content caused
    it, so a layout failure is reported like a workbook problem: `Content!A12: ...`."""

    def __init__(self, message: str, where: Source | None = None) -> None:
        self.message, self.where = message, where
        super().__init__(f"{where}: {message}" if where else message)

    def at(self, where: Source) -> RenderError:
        """This error placed at `where`, unless it already names a cell."""
        return self if self.where is not None else RenderError(self.message, where)


class OutputError(GeneratorError):
    """An output file could not be written (folder missing, file open elsewhere, ...)."""


class Problems:
    """Collects errors and warnings while a workbook is read."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def error(self, where: Source | None, message: str) -> None:
        self.items.append(Problem(where, message, "error"))

    def warning(self, where: Source | None, message: str) -> None:
        self.items.append(Problem(where, message, "warning"))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise WorkbookError(self.errors)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """` (did you mean "x"?)` for the closest choice, or "" when nothing is close."""
    options = list(choices)
    lowered = {choice.lower(): choice for choice in options}
    match = get_close_matches(word.strip().lower(), list(lowered), n=1, cutoff=0.6)
    return f' (did you mean "{lowered[match[0]]}"?)' if match else ""


def one_of(choices: Iterable[str]) -> str:
    """`"a", "b" or "c"`, for messages that say what was expected."""
    quoted = [f'"{choice}"' for choice in choices]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
