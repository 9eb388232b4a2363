"""Issue 6's benchmark: how long a build takes, how much memory it needs, how it scales.

Run from the repository root:

    .venv/bin/python -m benchmarks.run             # medians of 5 runs
    .venv/bin/python -m benchmarks.run --quick     # 1 run of each, for a quick look
    .venv/bin/python -m benchmarks.run --runs 9
    .venv/bin/python -m benchmarks.run --profile   # cProfile of an in-process 200-section build

Every build runs in a fresh `python -m generator build` process, as a user runs it, so
interpreter start-up and imports count; its peak memory is the child's own maximum
resident set (`os.wait4`), so builds do not see each other's memory; the proportional
set size (Pss) of the child's whole process tree is also sampled every 20 ms, so a build
that renders in worker processes is charged for all of them (the larger figure is
shown). Synthetic workbooks (benchmarks/workbooks.py) of 20 and 200 sections are written
to a temporary folder and checked with `python -m generator check` first. Runs are
interleaved, so a busy moment on the machine spreads over every case rather than falling
on one; wall times and CPU times are medians, memory is the largest seen.

Targets:
- the example (PDF and PPTX together) within 1.5x the import floor, a fresh process doing
  nothing but `import matplotlib.pyplot, reportlab.platypus, pptx, openpyxl`;
- at most half the time of the usual alternative on the same content: pandoc to PPTX,
  then LibreOffice to PDF (skipped when either is not installed);
- 200 sections (both formats) in at most 8 s and 300 MB;
- t(200 sections) / t(20 sections), both formats, at most 11.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import alternative
from benchmarks.measure import ROOT, BenchmarkError, Sample, measure
from benchmarks.workbooks import write_workbook

EXAMPLE = ROOT / "inputs" / "example.xlsx"
SIZES = (20, 200)
FLOOR_IMPORTS = "import matplotlib.pyplot, reportlab.platypus, pptx, openpyxl"
FORMATS = {"pdf": "pdf", "pptx": "pptx", "both": "pdf,pptx"}

FLOOR_RATIO_TARGET = 1.5
ALTERNATIVE_RATIO_TARGET = 0.5
BIG_SECONDS_TARGET = 8.0
BIG_MEGABYTES_TARGET = 300.0
SCALING_TARGET = 11.0


@dataclass(frozen=True)
class Case:
    subject: str  # "example", "200 sections", "import floor", ...
    step: str  # "pdf", "pptx", "both", "imports", "pandoc", "soffice"
    argv: tuple[str, ...]
    sections: int = 0


@dataclass(frozen=True)
class Result:
    case: Case
    wall: float
    cpu: float
    megabytes: float


def _python(*args: str) -> tuple[str, ...]:
    return (sys.executable, *args)


def _build_cases(subject: str, workbook: Path, outdir: Path, sections: int) -> list[Case]:
    return [
        Case(
            subject,
            step,
            _python(
                "-m", "generator", "build", str(workbook), "-o", str(outdir / step), "--format", fmt
            ),
            sections,
        )
        for step, fmt in FORMATS.items()
    ]


def _check(workbook: Path) -> None:
    done = subprocess.run(
        _python("-m", "generator", "check", str(workbook)), cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode:
        raise BenchmarkError(f"generator check rejects {workbook}:\n{done.stderr.strip()}")
    print(done.stdout.strip(), file=sys.stderr)


def _alternative_cases(workdir: Path) -> list[Case]:
    from generator.parse import load_document

    markdown = alternative.write_markdown(load_document(EXAMPLE).document, workdir / "example.md")
    pptx = workdir / "pandoc" / "example.pptx"
    pptx.parent.mkdir()
    profile = workdir / "soffice-profile"
    return [
        Case("pandoc+LibreOffice", "pandoc", tuple(alternative.pandoc_command(markdown, pptx))),
        Case(
            "pandoc+LibreOffice",
            "soffice",
            tuple(alternative.soffice_command(pptx, workdir / "soffice", profile)),
        ),
    ]


def cases(workdir: Path) -> list[Case]:
    """Every command to time, in the order they run within one round."""
    found = [Case("import floor", "imports", _python("-c", FLOOR_IMPORTS))]
    found += _build_cases("example", EXAMPLE, workdir / "out-example", 0)
    for sections in SIZES:
        workbook = write_workbook(workdir / f"sections-{sections}.xlsx", sections)
        _check(workbook)
        found += _build_cases(
            f"{sections} sections", workbook, workdir / f"out-{sections}", sections
        )
    missing = alternative.tools_missing()
    if missing:
        print(f"comparison with pandoc+LibreOffice skipped: {', '.join(missing)} not found")
    else:
        found += _alternative_cases(workdir)
    return found


def _warm_up(found: list[Case]) -> None:
    # -- byte-compiled caches, the disk cache and LibreOffice's first-run profile set-up
    #    are one-off costs that a user pays once, not on every build --
    for case in found:
        if case.sections == 0 and case.step in ("imports", "both", "pandoc", "soffice"):
            measure(case.argv)


def run_all(found: list[Case], runs: int) -> list[Result]:
    samples: dict[Case, list[Sample]] = {case: [] for case in found}
    for number in range(1, runs + 1):
        for case in found:
            sample = measure(case.argv)
            samples[case].append(sample)
            print(
                f"run {number}/{runs}: {case.subject} {case.step}: {sample.wall:.2f} s",
                file=sys.stderr,
            )
    return [
        Result(
            case,
            statistics.median(s.wall for s in taken),
            statistics.median(s.cpu for s in taken),
            max(s.megabytes for s in taken),
        )
        for case, taken in samples.items()
    ]


def _find(results: list[Result], subject: str, step: str) -> Result | None:
    return next((r for r in results if (r.case.subject, r.case.step) == (subject, step)), None)


def format_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Plain text, first column left-aligned, the rest right-aligned."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
        return "  ".join((first, *rest)).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def results_table(results: list[Result]) -> str:
    rows = []
    for result in results:
        per_section = (
            f"{1000 * result.wall / result.case.sections:.0f}" if result.case.sections else ""
        )
        rows.append(
            (
                f"{result.case.subject} {result.case.step}",
                f"{result.wall:.2f}",
                f"{result.cpu:.2f}",
                f"{result.megabytes:.0f}",
                per_section,
            )
        )
    return format_table(("case", "wall s", "cpu s", "peak MB", "ms/section"), rows)


@dataclass(frozen=True)
class Verdict:
    target: str
    measured: str
    met: bool | None  # None: could not be measured here


def verdicts(results: list[Result]) -> list[Verdict]:
    floor = _find(results, "import floor", "imports")
    example = _find(results, "example", "both")
    small = _find(results, f"{SIZES[0]} sections", "both")
    big = _find(results, f"{SIZES[-1]} sections", "both")
    pandoc = _find(results, "pandoc+LibreOffice", "pandoc")
    soffice = _find(results, "pandoc+LibreOffice", "soffice")
    assert floor and example and small and big
    found = [
        _ratio_verdict(
            f"example (both) <= {FLOOR_RATIO_TARGET}x import floor",
            example.wall,
            floor.wall,
            FLOOR_RATIO_TARGET,
        )
    ]
    if pandoc and soffice:
        found.append(
            _ratio_verdict(
                f"example (both) <= {ALTERNATIVE_RATIO_TARGET}x pandoc+LibreOffice",
                example.wall,
                pandoc.wall + soffice.wall,
                ALTERNATIVE_RATIO_TARGET,
            )
        )
    else:
        found.append(Verdict("example <= 0.5x pandoc+LibreOffice", "skipped", None))
    found += [
        Verdict(
            f"{SIZES[-1]} sections <= {BIG_SECONDS_TARGET:.0f} s",
            f"{big.wall:.2f} s",
            big.wall <= BIG_SECONDS_TARGET,
        ),
        Verdict(
            f"{SIZES[-1]} sections <= {BIG_MEGABYTES_TARGET:.0f} MB",
            f"{big.megabytes:.0f} MB",
            big.megabytes <= BIG_MEGABYTES_TARGET,
        ),
        _ratio_verdict(
            f"t({SIZES[-1]})/t({SIZES[0]}) <= {SCALING_TARGET:.0f}",
            big.wall,
            small.wall,
            SCALING_TARGET,
        ),
    ]
    return found


def _ratio_verdict(target: str, numerator: float, denominator: float, limit: float) -> Verdict:
    ratio = numerator / denominator
    return Verdict(target, f"{ratio:.2f} ({numerator:.2f} s / {denominator:.2f} s)", ratio <= limit)


def verdict_table(found: list[Verdict]) -> str:
    words = {True: "met", False: "NOT met", None: "skipped"}
    return format_table(
        ("target", "measured", "result"), [(v.target, v.measured, words[v.met]) for v in found]
    )


def marginal_lines(results: list[Result]) -> list[str]:
    """The cost of one more section, free of the fixed start-up cost."""
    lines = []
    span = SIZES[-1] - SIZES[0]
    for step in FORMATS:
        small = _find(results, f"{SIZES[0]} sections", step)
        big = _find(results, f"{SIZES[-1]} sections", step)
        if small and big:
            each = 1000 * (big.wall - small.wall) / span
            fixed = small.wall - SIZES[0] * each / 1000
            lines.append(f"{step}: {each:.1f} ms per extra section, {fixed:.2f} s fixed")
    return lines


def machine() -> str:
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    version = sys.version.split()[0]
    return f"{os.cpu_count()} CPUs ({model}), Python {version}, {sys.platform}"


def profile(sections: int, formats: str, workdir: Path, top: int) -> None:
    """cProfile an in-process build, imports included, and print the costliest calls."""
    workbook = write_workbook(workdir / f"sections-{sections}.xlsx", sections)

    def build_once() -> None:
        from generator.build import build

        build(workbook, workdir / "out-profile", formats.split(","))  # type: ignore[arg-type]

    profiler = cProfile.Profile()
    profiler.runcall(build_once)
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(top)


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__.split("\n")[0] if __doc__ else None
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per case; medians are shown")
    parser.add_argument("--quick", action="store_true", help="one run per case")
    parser.add_argument("--profile", action="store_true", help="profile instead of timing")
    parser.add_argument("--profile-sections", type=int, default=SIZES[-1])
    parser.add_argument("--profile-format", default="pdf,pptx", choices=list(FORMATS.values()))
    parser.add_argument("--top", type=int, default=25, help="entries printed by --profile")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    return parser.parse_args(argv)


def report(results: list[Result]) -> None:
    print(f"machine: {machine()}")
    print()
    print(results_table(results))
    print()
    print("\n".join(marginal_lines(results)))
    print()
    print(verdict_table(verdicts(results)))


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    workdir = Path(tempfile.mkdtemp(prefix="pcc-bench-"))
    try:
        if args.profile:
            profile(args.profile_sections, args.profile_format, workdir, args.top)
            return 0
        found = cases(workdir)
        _warm_up(found)
        report(run_all(found, 1 if args.quick else max(1, args.runs)))
        return 0
    except BenchmarkError as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
