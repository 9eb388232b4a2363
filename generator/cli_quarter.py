"""The `new-quarter` and `diff` commands, registered on the main parser by generator.cli.

Each command sets `run` on its arguments, so cli.py only dispatches to it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError

EXIT_OK, EXIT_FAILED = 0, 1


def add_commands(commands: Any) -> None:
    quarter = commands.add_parser(
        "new-quarter",
        help="write next quarter's workbook from this quarter's",
        description="Copy LAST to NEXT with the period moved on a quarter: Period, Year and "
        "Published move on; Monthly gains three empty month columns; Measures period headers "
        "move on and their values are cleared; narrative cells are kept but flagged for "
        "review. An existing NEXT is replaced only with --force.",
    )
    quarter.add_argument("last", type=Path, help="this quarter's workbook")
    quarter.add_argument("next", type=Path, help="where to write next quarter's")
    quarter.add_argument("--force", action="store_true", help="replace an existing NEXT")
    quarter.set_defaults(run=_new_quarter)
    diff = commands.add_parser(
        "diff",
        help="what changed between two editions",
        description="Compare two workbooks: measures added or removed, revised figures, "
        "changed assessments, and sections added, removed or re-worded.",
    )
    diff.add_argument("old", type=Path, help="the earlier edition")
    diff.add_argument("new", type=Path, help="the later edition")
    diff.add_argument("--html", type=Path, metavar="FILE", help="also write an HTML page")
    diff.set_defaults(run=_diff)


def _new_quarter(args: argparse.Namespace) -> int:
    from generator.outputs import write_atomically
    from generator.rollover import roll_forward

    if args.next.exists() and not args.force:
        print(
            f"{args.next} already exists; nothing was written. Choose another name, or add "
            "--force to replace it.",
            file=sys.stderr,
        )
        return EXIT_FAILED
    if args.next.resolve() == args.last.resolve():
        print("NEXT must differ from LAST; nothing was written.", file=sys.stderr)
        return EXIT_FAILED
    try:
        data, done = roll_forward(args.last, args.next)
        write_atomically(args.next, data)
    except GeneratorError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    for line in done.changes:
        print(f"  {line}")
    for line in done.warnings:
        print(f"warning: {line}", file=sys.stderr)
    print(f"wrote {args.next}")
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    from generator.diff import compare, html_page, text_report
    from generator.outputs import write_atomically
    from generator.parse import load_document

    try:
        old, new = load_document(args.old).document, load_document(args.new).document
    except GeneratorError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    changes = compare(old, new)
    print(text_report(changes, args.old.name, args.new.name))
    if args.html:
        page = html_page(changes, args.old.name, args.new.name, new.report.language)
        try:
            write_atomically(args.html, page.encode("utf-8"))
        except GeneratorError as error:
            print(f"error: {error}", file=sys.stderr)
            return EXIT_FAILED
        print(f"wrote {args.html}")
    return EXIT_OK
