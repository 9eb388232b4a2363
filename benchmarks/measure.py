"""Measuring one command in a fresh process: wall time, CPU time and peak memory.

Peak memory is the larger of the child's own maximum resident set (`os.wait4`, which
covers this child only, unlike RUSAGE_CHILDREN's running maximum) and the proportional
set size of its whole process tree, sampled, so builds that use workers are charged for
all of them.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
SAMPLE_SECONDS = 0.02


class BenchmarkError(Exception):
    """A measured command failed; the message holds its error output."""


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and its children
    megabytes: float  # peak resident set: the largest single process, or the sampled tree


class _TreeSampler(threading.Thread):
    """Samples the summed resident memory of a process and all its descendants.

    wait4's ru_maxrss is the largest single process of the tree, not the sum: a build that
    renders its formats in worker processes would look smaller than it is without this.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_bytes = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(SAMPLE_SECONDS):
            self.peak_bytes = max(self.peak_bytes, _tree_bytes(self.pid))


def _tree_bytes(pid: int) -> int:
    total, stack = 0, [pid]
    while stack:
        process = Path("/proc") / str(stack.pop())
        try:
            total += _proportional_bytes(process)
            for task in (process / "task").iterdir():
                stack += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, ValueError, IndexError):
            continue  # the process ended between two reads
    return total


def _proportional_bytes(process: Path) -> int:
    # -- Pss shares each page among the processes that map it: a forked worker's
    #    copy-on-write pages are not counted twice, as summed RSS would count them --
    for line in (process / "smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) * 1024
    return int((process / "statm").read_text().split()[1]) * PAGE_BYTES


def measure(argv: Sequence[str]) -> Sample:
    """Run `argv` in a fresh process from the repository root and measure it."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors)
        sampler = _TreeSampler(process.pid)
        sampler.start()
        # -- wait4 gives this child's own usage; RUSAGE_CHILDREN would be a running max --
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        sampler.done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()
            raise BenchmarkError(f"{' '.join(argv)} failed ({process.returncode}):\n{message}")
    megabytes = max(usage.ru_maxrss / 1024, sampler.peak_bytes / 2**20)
    return Sample(wall, usage.ru_utime + usage.ru_stime, megabytes)
