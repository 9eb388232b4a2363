"""`preview` serves the HTML edition, follows the workbook as it is saved, shows errors
with their cells in the page, and stops cleanly on Ctrl+C."""

from __future__ import annotations

import html
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from generator.preview import PreviewServer
from tests.browser import browser, needs_chromium
from tests.conftest import _valid, build_workbook


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return html.unescape(response.read().decode("utf-8"))


def _save(path: Path, sheets) -> None:
    """As Excel does: write beside, then replace, so the watcher sees one new file."""
    draft = build_workbook(path.with_name("draft.xlsx"), sheets)
    os.replace(draft, path)


def _until(condition, seconds: float = 20.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_the_page_follows_the_workbook(tmp_path: Path) -> None:
    path = build_workbook(tmp_path / "q2.xlsx", _valid())
    server = PreviewServer(path).start()
    try:
        assert server.url.startswith("http://127.0.0.1:")
        assert "Emergency Calls (999 service)" in _get(server.url)
        sheets = _valid()
        sheets["Content"][2][1] = "Calls to 999 this quarter"
        _save(path, sheets)
        assert _until(lambda: "Calls to 999 this quarter" in _get(server.url))
        sheets["Measures"][1][2] = "counts"
        _save(path, sheets)
        assert _until(lambda: "Measures!C2" in _get(server.url))
        page = _get(server.url)
        assert 'unknown Unit "counts"' in page and "Calls to 999" not in page
        sheets["Measures"][1][2] = "count"
        _save(path, sheets)
        assert _until(lambda: "Calls to 999 this quarter" in _get(server.url))
    finally:
        server.stop()


@needs_chromium
def test_the_open_page_reloads_itself(tmp_path: Path) -> None:
    path = build_workbook(tmp_path / "q2.xlsx", _valid())
    server = PreviewServer(path).start()
    try:
        with browser() as chromium:
            page = chromium.new_page()
            page.goto(server.url)
            assert "Emergency Calls (999 service)" in page.inner_text("main")
            sheets = _valid()
            sheets["Content"][2][1] = "Calls to 999 this quarter"
            _save(path, sheets)
            page.wait_for_function(
                "document.body.innerText.includes('Calls to 999 this quarter')", timeout=20000
            )
            sheets["Content"][2][0] = "sectoin"
            _save(path, sheets)
            page.wait_for_function("document.body.innerText.includes('Content!A3')", timeout=20000)
    finally:
        server.stop()


def test_ctrl_c_stops_the_command_cleanly(tmp_path: Path) -> None:
    path = build_workbook(tmp_path / "q2.xlsx", _valid())
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "preview", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parent.parent,
    )
    try:
        first = process.stdout.readline() if process.stdout else ""
        assert first.startswith(f"Previewing {path} at http://127.0.0.1:")
        url = first.split(" at ", 1)[1].strip()
        assert process.stdout.readline().startswith("Save the workbook")
        assert "Emergency Calls" in _get(url)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 0
    assert "Stopped." in out
    assert "Traceback" not in err
