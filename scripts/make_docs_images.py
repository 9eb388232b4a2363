"""Regenerate the README's pictures from the example: one PDF page and one slide.

Run after changing a layout: `python scripts/make_docs_images.py`. It needs pdftoppm
(poppler-utils) and LibreOffice (soffice) on the PATH; the generator itself needs neither.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
PDF_PAGE = 11  # "Prevent, reduce and tackle serious violence": a table with a footnote
SLIDE = 10  # the same section as a slide (the PDF has a contents page the deck has not)
RESOLUTION = 80


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


def main() -> int:
    for tool in ("pdftoppm", "soffice"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed", file=sys.stderr)
            return 1
    sys.path.insert(0, str(REPO))
    from generator.build import build

    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        built = build(REPO / "inputs" / "example.xlsx", out)
        pdf, deck = built.outputs
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
    print(f"wrote {DOCS / 'pdf-page.png'} and {DOCS / 'slide.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
