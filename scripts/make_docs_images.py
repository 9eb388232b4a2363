"""Regenerate the README's pictures from the example: one PDF page, one slide, and the
HTML page wide and at phone width, side by side.

Run after changing a layout: `python scripts/make_docs_images.py`. It needs pdftoppm
(poppler-utils), LibreOffice (soffice) and Chromium on the PATH; the generator itself
needs none of them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
PDF_PAGE = 12  # "Prevent, reduce and tackle serious violence": a table with a footnote
GLANCE_SLIDE = 2  # the at-a-glance summary's first slide
SLIDE = 13  # the same section as a slide (the deck has no contents page, three summary slides)
RESOLUTION = 80
PAGE_HEIGHT = 1500  # pixels of the HTML page shown
GAP = 24


def _png(pdf: Path, page: int, target: Path) -> None:
    stem = target.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(RESOLUTION),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )


def _screenshot(page: Path, width: int, target: Path) -> None:
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--hide-scrollbars",
            f"--window-size={width},{PAGE_HEIGHT}",
            f"--screenshot={target}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
    )


def _page_pictures(page: Path, out: Path, target: Path) -> None:
    """The page at desktop width and at 360 px, side by side, halved."""
    from PIL import Image

    _screenshot(page, 1100, out / "wide.png")
    _screenshot(page, 360, out / "narrow.png")
    wide, narrow = Image.open(out / "wide.png"), Image.open(out / "narrow.png")
    both = Image.new("RGB", (wide.width + GAP + narrow.width, PAGE_HEIGHT), "#B1B4B6")
    both.paste(wide, (0, 0))
    both.paste(narrow, (wide.width + GAP, 0))
    both.resize((both.width // 2, both.height // 2)).save(target, optimize=True)


def main() -> int:
    for tool in ("pdftoppm", "soffice", "chromium"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed", file=sys.stderr)
            return 1
    sys.path.insert(0, str(REPO))
    from generator.build import build

    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        built = build(REPO / "inputs" / "example.xlsx", out)
        pdf, deck, page = built.outputs
        subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation=file://{out}/lo",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out / "deck"),
                str(deck),
            ],
            check=True,
            capture_output=True,
        )
        DOCS.mkdir(exist_ok=True)
        _png(pdf, PDF_PAGE, DOCS / "pdf-page.png")
        _png(out / "deck" / "example.pdf", SLIDE, DOCS / "slide.png")
        _png(out / "deck" / "example.pdf", GLANCE_SLIDE, DOCS / "glance-slide.png")
        _page_pictures(page, out, DOCS / "html-page.png")
    names = ("pdf-page.png", "slide.png", "glance-slide.png", "html-page.png")
    print("wrote " + ", ".join(str(DOCS / name) for name in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
