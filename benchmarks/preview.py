"""The HTML edition's preview loop: a warm rebuild of the example, and the time from
saving the workbook to the new page being served.

Target: a warm HTML rebuild of the example (read the workbook, draw the page) under
0.2 s. Save-to-page also includes the watcher's poll and settle (2 × POLL_SECONDS);
an open page adds up to its own 0.4 s poll before it reloads.

    .venv/bin/python -m benchmarks.preview
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
import urllib.request
from pathlib import Path

from benchmarks.measure import ROOT
from generator.options import RenderOptions
from generator.parse import load_document
from generator.preview import PreviewServer
from layouts.html.layout import render_html

EXAMPLE = ROOT / "inputs" / "example.xlsx"
REBUILD_TARGET = 0.2
PAGE_POLL = 0.4  # the open page's own poll (generator.preview.RELOAD_SCRIPT)


def warm_rebuild(runs: int = 7) -> float:
    """Median seconds of an in-process rebuild, as `preview` does after the first."""
    render_html(load_document(EXAMPLE).document, RenderOptions())
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render_html(load_document(EXAMPLE).document, RenderOptions())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def save_to_page(runs: int = 5) -> float:
    """Median seconds from replacing the workbook to the server handing out a new page."""
    folder = Path(tempfile.mkdtemp(prefix="pcc-preview-"))
    try:
        workbook = folder / "example.xlsx"
        shutil.copy(EXAMPLE, workbook)
        server = PreviewServer(workbook).start()
        try:
            return statistics.median(_one_save(server, workbook) for _ in range(runs))
        finally:
            server.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _one_save(server: PreviewServer, workbook: Path) -> float:
    before = _version(server.url)
    draft = workbook.with_name("draft.xlsx")
    shutil.copy(EXAMPLE, draft)
    start = time.perf_counter()
    os.replace(draft, workbook)
    while _version(server.url) == before:
        time.sleep(0.01)
    urllib.request.urlopen(server.url, timeout=10).read()
    return time.perf_counter() - start


def _version(url: str) -> str:
    with urllib.request.urlopen(url + "version", timeout=10) as response:
        return response.read().decode()


def main() -> int:
    rebuild = warm_rebuild()
    verdict = "met" if rebuild < REBUILD_TARGET else "NOT met"
    print(
        f"warm HTML rebuild of the example: {rebuild:.3f} s (target {REBUILD_TARGET} s: {verdict})"
    )
    saved = save_to_page()
    print(
        f"save to new page served: {saved:.2f} s; to the open page reloaded: at most "
        f"{saved + PAGE_POLL:.2f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
