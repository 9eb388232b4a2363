"""`preview`: the HTML edition served on this machine, rebuilt whenever the workbook is
saved, and reloaded in the open page.

Analysts keep Excel open and watch the page change as they type. Standard library only,
bound to 127.0.0.1 so nothing outside the laptop can reach it. A workbook with errors
shows its problems, cell by cell, in place of the page; the page comes back when they
are fixed. The published HTML never carries the reload script: only this server adds it.
"""

from __future__ import annotations

import html
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generator.errors import GeneratorError, WorkbookError
from generator.options import RenderOptions
from generator.parse import load_document

POLL_SECONDS = 0.25  # how often the workbook's size and time are looked at
RELOAD_SCRIPT = """<script>(function () {
  var shown = "%s";
  setInterval(function () {
    fetch("/version", {cache: "no-store"}).then(function (r) { return r.text(); })
      .then(function (now) { if (now !== shown) { location.reload(); } })
      .catch(function () {});
  }, 400);
})();</script>"""


@dataclass(frozen=True)
class _Signature:
    """What changes when Excel or LibreOffice saves: the file's time and size."""

    mtime_ns: int
    size: int


def _signature(path: Path) -> _Signature | None:
    try:
        stat = path.stat()
    except OSError:  # mid-save, Excel briefly replaces the file
        return None
    return _Signature(stat.st_mtime_ns, stat.st_size)


class Edition:
    """The page now shown: the last build, or the workbook's problems; and its version."""

    def __init__(self, workbook: Path) -> None:
        self.workbook = workbook
        self.version = 0
        self.page = b""
        self.ok = False
        self._lock = threading.Lock()

    def rebuild(self) -> None:
        from layouts.html.layout import render_html

        try:
            document = load_document(self.workbook).document
            page, ok = render_html(document, RenderOptions()), True
        except GeneratorError as error:
            page, ok = _problems_page(self.workbook, error), False
        with self._lock:
            self.page, self.ok = page, ok
            self.version += 1

    def current(self) -> tuple[int, bytes]:
        with self._lock:
            return self.version, self.page


def _problems_page(workbook: Path, error: GeneratorError) -> bytes:
    problems = error.problems if isinstance(error, WorkbookError) else (error,)
    items = "".join(f"<li>{html.escape(str(problem))}</li>" for problem in problems)
    count = len(problems)
    title = f"{workbook.name} has {count} problem{'s' if count != 1 else ''}"
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:Arial,sans-serif;margin:2rem;color:#0B0C0C;line-height:1.5}"
        "h1{color:#AA2A16}li{margin:.5rem 0}</style></head><body><main>"
        f"<h1>{html.escape(title)}</h1><p>Fix these in the workbook and save it; this page "
        f"updates by itself.</p><ul>{items}</ul></main></body></html>"
    ).encode()


class PreviewServer:
    """The server and the thread that watches the workbook; `stop` ends both."""

    def __init__(self, workbook: Path, port: int = 0) -> None:
        self.edition = Edition(workbook)
        self.edition.rebuild()
        self._stop = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", port), _handler(self.edition))
        self._server.daemon_threads = True
        self._threads = [
            threading.Thread(target=self._server.serve_forever, daemon=True),
            threading.Thread(target=self._watch, daemon=True),
        ]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    def start(self) -> PreviewServer:
        for thread in self._threads:
            thread.start()
        return self

    def wait(self) -> None:
        """Block until stopped (Ctrl+C arrives as KeyboardInterrupt in the caller)."""
        while not self._stop.wait(0.5):
            pass

    def stop(self) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    def _watch(self) -> None:
        seen = _signature(self.edition.workbook)
        while not self._stop.wait(POLL_SECONDS):
            now = _signature(self.edition.workbook)
            if now == seen or now is None:
                continue
            # -- a save in progress keeps changing: rebuild once it has settled --
            if self._stop.wait(POLL_SECONDS) or _signature(self.edition.workbook) != now:
                continue
            seen = now
            self.edition.rebuild()


def _handler(edition: Edition) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            version, page = edition.current()
            if self.path == "/version":
                self._send(str(version).encode(), "text/plain; charset=utf-8")
            elif self.path in ("/", "/index.html"):
                script = (RELOAD_SCRIPT % version).encode()
                self._send(
                    page.replace(b"</body>", script + b"</body>", 1), "text/html; charset=utf-8"
                )
            else:
                self.send_error(HTTPStatus.NOT_FOUND)

        def _send(self, body: bytes, kind: str) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header(
                "Content-Type", kind if "charset" in kind else kind + "; charset=utf-8"
            )
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # -- the analyst's console shows rebuilds, not every request --

    return Handler
