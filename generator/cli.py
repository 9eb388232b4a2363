"""The command line: `check`, `build` and `template`, with no tracebacks for users.

`main` returns the exit status instead of exiting, so tests call it directly:
0 success, 1 a workbook is invalid or an output failed, 2 the command was used wrongly.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from generator.build import FORMATS
from generator.errors import GeneratorError, Problem, WorkbookError

DEFAULT_WORKBOOK = Path("inputs/example.xlsx")
DEFAULT_OUTDIR = Path("build")
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as a return value rather than `sys.exit`."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: {message}")


class _UsageError(Exception):
    pass


def _formats(text: str) -> tuple[str, ...]:
    formats = tuple(part.strip().lower() for part in text.split(",") if part.strip())
    if not formats or any(fmt not in FORMATS for fmt in formats):
        raise argparse.ArgumentTypeError(f"takes pdf, pptx or pdf,pptx, not {text!r}")
    return tuple(dict.fromkeys(formats))


def _arguments() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m generator",
        description="Build the Police and Crime Plan performance summary from a workbook.",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = commands.add_parser("check", help="validate a workbook and summarise it")
    check.add_argument("workbook", type=Path)
    build = commands.add_parser("build", help="write the PDF and the slide deck")
    build.add_argument("workbooks", type=Path, nargs="*", default=[DEFAULT_WORKBOOK])
    build.add_argument("-o", "--outdir", type=Path, default=DEFAULT_OUTDIR)
    build.add_argument("--format", type=_formats, default=FORMATS, help="pdf, pptx or pdf,pptx")
    build.add_argument("--pptx-template", type=Path, help="an organisation's branded .pptx")
    template = commands.add_parser("template", help="write a blank template workbook")
    template.add_argument("path", type=Path)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _arguments().parse_args(argv)
        return _run(args)
    except _UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        return EXIT_FAILED


def _run(args: argparse.Namespace) -> int:
    if args.command == "check":
        return _check(args.workbook)
    if args.command == "template":
        return _template(args.path)
    return _build(args)


def _check(workbook: Path) -> int:
    from generator.parse import load_document
    from generator.summary import summarise

    try:
        loaded = load_document(workbook)
    except GeneratorError as error:
        _print_failure(workbook, error)
        return EXIT_FAILED
    print(f"{workbook} is valid: {summarise(loaded.document)}.")
    _print_warnings(loaded.warnings)
    return EXIT_OK


def _template(path: Path) -> int:
    from generator.outputs import write_atomically
    from generator.template import write_template

    try:
        # -- written aside first, so a failure never destroys an existing template --
        with tempfile.TemporaryDirectory() as scratch:
            draft = Path(scratch) / path.name
            write_template(draft)
            write_atomically(path, draft.read_bytes())
    except GeneratorError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(f"wrote {path}")
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from generator.build import build
    from layouts.options import RenderOptions

    options = RenderOptions(pptx_template=args.pptx_template)
    failures = 0
    total = len(args.workbooks)
    for number, workbook in enumerate(args.workbooks, start=1):
        if total > 1:
            print(f"[{number}/{total}] {workbook}")
        try:
            built = build(workbook, args.outdir, args.format, options)
        except GeneratorError as error:
            _print_failure(workbook, error)
            failures += 1
            continue
        except Exception as error:  # a bug of ours: say so plainly, keep the other workbooks
            if os.environ.get("PCC_SUMMARY_DEBUG"):
                raise
            print(
                f"{workbook}: internal error ({type(error).__name__}: {error}). "
                "Please report it with the workbook.",
                file=sys.stderr,
            )
            failures += 1
            continue
        _print_warnings(built.warnings)
        for output in built.outputs:
            print(f"wrote {output}")
    if failures and total > 1:
        print(f"{failures} of {total} workbooks failed", file=sys.stderr)
    return EXIT_FAILED if failures else EXIT_OK


def _print_failure(workbook: Path, error: GeneratorError) -> None:
    if isinstance(error, WorkbookError):
        count = len(error.problems)
        noun = "problem" if count == 1 else "problems"
        print(f"{workbook} has {count} {noun}; nothing was written:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
    else:
        print(f"{workbook}: {error}", file=sys.stderr)


def _print_warnings(warnings: Sequence[Problem], stream: TextIO | None = None) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=stream or sys.stderr)
