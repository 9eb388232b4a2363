"""Headless Chromium (Debian's package) driven by Playwright, for tests of the HTML edition.

Never `playwright install`: the browser is /usr/bin/chromium, installed by `.ci/run`.
Tests skip only when Chromium or Playwright is absent and CI is unset.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - a test dependency
    sync_playwright = None  # type: ignore[assignment]

needs_chromium = pytest.mark.skipif(
    (CHROMIUM is None or sync_playwright is None) and not os.environ.get("CI"),
    reason="Chromium or Playwright is not installed",
)
# -- the closed network refuses Chromium's own background connections: switch them off --
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def browser() -> Iterator[Any]:
    assert CHROMIUM is not None and sync_playwright is not None, "Chromium is required in CI"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
