"""The workbooks a command names: wildcards expanded, Excel's lock files set aside, clashes refused.

cmd and PowerShell pass `*.xlsx` to the program as typed, so the program expands it
itself (a shell that already expanded it leaves nothing to do). Excel keeps a hidden
`~$name.xlsx` beside every open workbook; it is not a workbook and is skipped with a note.
"""

from __future__ import annotations

import glob
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.errors import GeneratorError

_WILDCARDS = frozenset("*?[")
LOCK_PREFIX = "~$"


@dataclass(frozen=True)
class Workbooks:
    """The workbooks to read, in order, and a note for each file skipped."""

    paths: tuple[Path, ...]
    notes: tuple[str, ...]


def is_lock_file(path: Path) -> bool:
    """Excel's owner file for an open workbook (`~$q2.xlsx`), not a workbook."""
    return path.name.startswith(LOCK_PREFIX)


def expand(arguments: Sequence[Path]) -> Workbooks:
    """Each argument as typed, or the files its wildcard matches, lock files skipped."""
    paths: list[Path] = []
    notes: list[str] = []
    for argument in arguments:
        for path in _matches(argument):
            if is_lock_file(path):
                notes.append(
                    f"skipped {path}: Excel's lock file for an open workbook, not a workbook "
                    "(it goes away when the workbook is closed)"
                )
            elif path not in paths:
                paths.append(path)
    return Workbooks(tuple(paths), tuple(notes))


def _matches(argument: Path) -> list[Path]:
    text = str(argument)
    if argument.exists() or not _WILDCARDS & set(text):
        return [argument]
    found = sorted(glob.glob(text, include_hidden=True))
    if not found:
        raise GeneratorError(
            f"no file matches {text}; expected the name of a workbook (.xlsx), or a pattern "
            "such as inputs\\*.xlsx that matches at least one"
        )
    return [Path(name) for name in found]


def refuse_clashes(paths: Sequence[Path], outdir: Path) -> None:
    """Two workbooks with the same name would write the same outputs: refuse both, first.

    Names are compared without case, as Windows and macOS folders do.
    """
    seen: dict[str, Path] = {}
    for path in paths:
        key = path.stem.lower()
        if key in seen:
            raise GeneratorError(
                f"{seen[key]} and {path} would both be written as {outdir / path.stem}.*; "
                "nothing was written. Rename one, or build them into different folders "
                "(-o)"
            )
        seen[key] = path
