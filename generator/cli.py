"""The command line: `check`, `build`, `template`, `new-quarter` and `diff`, with no
tracebacks for users.

`main` returns the exit status instead of exiting, so tests call it directly:
0 success, 1 a workbook is invalid or an output failed, 2 the command was used wrongly.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from generator.cli_quarter import add_commands
from generator.errors import GeneratorError, Problem, WorkbookError, one_of
from generator.inputs import expand, refuse_clashes
from layouts.registry import DEFAULT_FORMATS, FORMATS

if TYPE_CHECKING:
    from generator.model import Document

DEFAULT_WORKBOOK = Path("inputs/example.xlsx")
DEFAULT_OUTDIR = Path("build")
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that returns its exit status to `main` rather than calling `sys.exit`."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: {message}")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            print(message, file=sys.stderr, end="")
        raise _Exit(status)


class _UsageError(Exception):
    pass


class _Exit(Exception):
    """--help and --version are done: return this status."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def _version() -> str:
    try:
        return metadata.version("pcc-summary")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown (not installed)"


def _prog() -> str:
    return "pcc-summary" if Path(sys.argv[0]).stem == "pcc-summary" else "python -m generator"


def _formats(text: str) -> tuple[str, ...]:
    formats = tuple(part.strip().lower() for part in text.split(",") if part.strip())
    if not formats or any(fmt not in FORMATS for fmt in formats):
        raise argparse.ArgumentTypeError(
            f"takes {one_of(FORMATS)} or several joined by commas, not {text!r}"
        )
    return tuple(dict.fromkeys(formats))


def _arguments() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=_prog(),
        description="Build the Police and Crime Plan performance summary (a PDF and a slide "
        "deck) from an Excel workbook.",
        epilog="Exit status: 0 done, 1 a workbook is invalid or an output failed, "
        "2 the command was mistyped.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = commands.add_parser(
        "check",
        help="validate a workbook and summarise it",
        description="Read the workbook and list every problem with its cell, or summarise "
        "what it holds. Nothing is written.",
    )
    check.add_argument(
        "workbooks",
        type=Path,
        nargs="+",
        metavar="WORKBOOK",
        help="one or more .xlsx workbooks, or a pattern such as inputs\\*.xlsx",
    )
    check.add_argument(
        "--explain",
        action="store_true",
        help="also list, per section, each number in the text and the table figure the "
        "prose check matched it to",
    )
    _build_arguments(
        commands.add_parser(
            "build",
            help="write the PDF and the slide deck",
            description="Write OUTDIR/<workbook name>.pdf and .pptx for each workbook. An "
            "invalid workbook writes nothing and leaves earlier outputs as they were.",
        )
    )
    template = commands.add_parser(
        "template",
        help="write a template workbook to fill in",
        description="Write the template: an Instructions sheet, then Report, Content and "
        "Measures with drop-down lists and one worked example row each.",
    )
    template.add_argument("path", type=Path, help="where to write it, e.g. 2025-26-Q1.xlsx")
    template.add_argument("--force", action="store_true", help="replace an existing file")
    preview = commands.add_parser(
        "preview",
        help="serve the HTML edition on this computer, rebuilt as you save the workbook",
        description="Serve the HTML edition at http://127.0.0.1:PORT/ and rebuild it each "
        "time the workbook is saved; the open page reloads itself. Errors show in the page "
        "with their cells. Ctrl+C stops it.",
    )
    preview.add_argument("workbook", type=Path, metavar="WORKBOOK", help="the .xlsx workbook")
    preview.add_argument(
        "--port", type=int, default=0, help="port to serve on (default: a free one)"
    )
    add_commands(commands)
    return parser


def _build_arguments(build: argparse.ArgumentParser) -> None:
    build.add_argument(
        "workbooks",
        type=Path,
        nargs="*",
        default=[DEFAULT_WORKBOOK],
        metavar="WORKBOOK",
        help=f"one or more .xlsx workbooks, or a pattern (default: {DEFAULT_WORKBOOK})",
    )
    build.add_argument(
        "-o",
        "--outdir",
        type=Path,
        default=DEFAULT_OUTDIR,
        help=f"folder for the outputs (default: {DEFAULT_OUTDIR}/)",
    )
    build.add_argument(
        "--format",
        type=_formats,
        default=DEFAULT_FORMATS,
        help="formats to write, joined by commas (default: "
        + ",".join(DEFAULT_FORMATS)
        + "): "
        + "; ".join(f"{fmt.name}, {fmt.description}" for fmt in FORMATS.values()),
    )
    build.add_argument(
        "--pptx-template",
        type=Path,
        metavar="FILE",
        help="an organisation's branded .pptx whose masters and colours the deck uses",
    )


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _arguments().parse_args(argv)
        return _run(args)
    except _Exit as done:
        return done.status
    except _UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        return EXIT_FAILED


def _run(args: argparse.Namespace) -> int:
    if hasattr(args, "run"):  # new-quarter and diff (generator.cli_quarter)
        return int(args.run(args))
    if args.command == "template":
        return _template(args.path, args.force)
    if args.command == "preview":
        return _preview(args.workbook, args.port)
    try:
        workbooks = expand(args.workbooks)
        if args.command == "build":
            refuse_clashes(workbooks.paths, args.outdir)
    except GeneratorError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    for note in workbooks.notes:
        print(f"note: {note}", file=sys.stderr)
    if not workbooks.paths:
        print("error: no workbook left to read; expected at least one .xlsx file", file=sys.stderr)
        return EXIT_FAILED
    if args.command == "check":
        return _check_all(workbooks.paths, args.explain)
    return _build(args, workbooks.paths)


def _check_all(workbooks: Sequence[Path], explain: bool = False) -> int:
    failures = sum(_check(workbook, explain) != EXIT_OK for workbook in workbooks)
    if failures and len(workbooks) > 1:
        print(f"{failures} of {len(workbooks)} workbooks have problems", file=sys.stderr)
    return EXIT_FAILED if failures else EXIT_OK


def _preview(workbook: Path, port: int) -> int:
    from generator.preview import PreviewServer

    if not workbook.is_file():
        print(f"{workbook}: no such workbook; expected an .xlsx file", file=sys.stderr)
        return EXIT_FAILED
    try:
        server = PreviewServer(workbook, port).start()
    except OSError as error:
        print(f"cannot serve on port {port}: {error.strerror}; try another --port", file=sys.stderr)
        return EXIT_FAILED
    try:
        print(f"Previewing {workbook} at {server.url}", flush=True)
        print("Save the workbook to update the page. Press Ctrl+C to stop.", flush=True)
        server.wait()
    except KeyboardInterrupt:
        print("Stopped.", flush=True)
    finally:
        server.stop()
    return EXIT_OK


def _check(workbook: Path, explain: bool = False) -> int:
    from generator.parse import load_document
    from generator.prose_check import explain as explain_prose
    from generator.summary import summarise

    try:
        loaded = load_document(workbook)
        _refuse_misfits(loaded.document)
        _rehearse(loaded.document)
    except GeneratorError as error:
        _print_failure(workbook, error)
        return EXIT_FAILED
    except Exception as error:  # a bug of ours, reported as build reports it
        if os.environ.get("PCC_SUMMARY_DEBUG"):
            raise
        _print_internal(workbook, error)
        return EXIT_FAILED
    print(f"{workbook} is valid: {summarise(loaded.document)}.")
    _print_warnings(loaded.warnings)
    if explain:
        print("\n".join(explain_prose(loaded.document.sections, loaded.prose)))
    return EXIT_OK


def _print_internal(workbook: Path, error: Exception) -> None:
    print(
        f"{workbook}: internal error ({type(error).__name__}: {error}). "
        "Please report it with the workbook.",
        file=sys.stderr,
    )


def _rehearse(document: Document) -> None:
    """Lay out every default edition in memory and write nothing, so `check` refuses
    exactly what `build` would (a table row too tall for any slide, say), naming the
    cell as build does. It costs a build's time; a valid check is then a promise."""
    from generator.build import render_all
    from generator.options import RenderOptions

    render_all(document, DEFAULT_FORMATS, RenderOptions())


def _refuse_misfits(document: Document) -> None:
    """What build would refuse when laying out: periods that cannot print as whole figures."""
    # -- layout-side measuring, with the fonts the editions print in; the model stays pure --
    from layouts.fit import document_misfits

    problems = document_misfits(document)
    if problems:
        raise WorkbookError(problems)


def _template(path: Path, force: bool) -> int:
    from generator.authoring.template import write_template
    from generator.outputs import why, write_atomically

    path, refusal = _template_path(path)
    if refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return EXIT_FAILED
    if path.exists() and not force:
        print(
            f"{path} already exists; nothing was written. Choose another name, or add "
            "--force to replace it.",
            file=sys.stderr,
        )
        return EXIT_FAILED
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(f"error: cannot create the folder {path.parent}: {why(error)}", file=sys.stderr)
        return EXIT_FAILED
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


# -- names a template must not take: the generator reads only .xlsx --
_NOT_XLSX = {
    ".xls": "Excel 97-2003 (.xls)",
    ".xlsm": "a macro-enabled workbook (.xlsm)",
    ".xlsb": "a binary workbook (.xlsb)",
    ".ods": "an OpenDocument spreadsheet (.ods)",
    ".csv": "a CSV file, which holds one sheet only,",
    ".pdf": "a PDF",
    ".pptx": "a PowerPoint deck",
    ".docx": "a Word document",
}


def _template_path(path: Path) -> tuple[Path, str]:
    """`q2` → `q2.xlsx`; a name for another kind of file is refused with the reason."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return path, ""
    if suffix in _NOT_XLSX:
        return path, (
            f"{path}: the template is an Excel workbook (.xlsx), not {_NOT_XLSX[suffix]}; "
            f"nothing was written. Give a name ending in .xlsx, e.g. {path.with_suffix('.xlsx')}"
        )
    return path.with_name(path.name + ".xlsx"), ""


def _build(args: argparse.Namespace, workbooks: Sequence[Path]) -> int:
    from generator.build import build
    from generator.options import RenderOptions

    options = RenderOptions(pptx_template=args.pptx_template)
    failures = 0
    total = len(workbooks)
    for number, workbook in enumerate(workbooks, start=1):
        if total > 1:
            print(f"[{number}/{total}] {workbook}")
        try:
            built = build(workbook, args.outdir, args.format, options)
        except GeneratorError as error:
            _print_failure(workbook, error, building=True)
            failures += 1
            continue
        except Exception as error:  # a bug of ours: say so plainly, keep the other workbooks
            if os.environ.get("PCC_SUMMARY_DEBUG"):
                raise
            _print_internal(workbook, error)
            failures += 1
            continue
        _print_warnings(built.warnings)
        for output in built.outputs:
            print(f"wrote {output}")
    if failures and total > 1:
        print(f"{failures} of {total} workbooks failed", file=sys.stderr)
    return EXIT_FAILED if failures else EXIT_OK


def _print_failure(workbook: Path, error: GeneratorError, building: bool = False) -> None:
    if isinstance(error, WorkbookError):
        count = len(error.problems)
        noun = "problem" if count == 1 else "problems"
        written = "; nothing was written" if building else ""
        print(f"{workbook} has {count} {noun}{written}:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
    else:
        print(f"{workbook}: {error}", file=sys.stderr)


def _print_warnings(warnings: Sequence[Problem], stream: TextIO | None = None) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=stream or sys.stderr)
