"""Re-saving workbooks through LibreOffice Calc, as an analyst on LibreOffice would.

`needs_soffice` skips only when LibreOffice is absent and CI is unset (tests/render.py).
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from tests.render import SOFFICE


def resave(paths: Sequence[Path], outdir: Path, timeout: float = 300) -> dict[str, Path]:
    """Each workbook opened and saved as .xlsx by Calc, in one run; name -> new path."""
    if SOFFICE is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(outdir),
            *map(str, paths),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    saved = {path.stem: outdir / path.name for path in paths}
    missing = [name for name, path in saved.items() if not path.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not save {missing}")
    return saved
