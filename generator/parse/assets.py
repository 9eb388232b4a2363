"""Image files named in the workbook (Content `image` rows and the Report's Logo).

An image path is attacker-controlled text, so it must stay inside the workbook's folder,
be a real PNG or JPEG by its bytes, be of sane size, and survive Pillow's verification
with a pixel cap, before any layout opens it.
"""

from __future__ import annotations

import warnings
from pathlib import Path, PurePosixPath, PureWindowsPath

from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from generator.errors import Problems
from generator.model import Source

MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_PATH_CHARS = 255  # longest file name most file systems allow; a sentence is not a path
MAX_IMAGE_PIXELS = 40_000_000  # a 40-megapixel photo is generous; bombs claim far more
_MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def check_image(text: str, folder: Path, where: Source, problems: Problems) -> Path | None:
    """The resolved path of a usable image, or None after recording why not."""
    if not text:
        problems.error(where, "no file name; expected an image path relative to the workbook")
        return None
    relative = text.replace("\\", "/")
    if len(text) > MAX_PATH_CHARS or "\n" in text:
        problems.error(
            where,
            f'found "{_shorten(text)}" ({len(text):,} characters), which is not a file name; '
            "expected an image path relative to the workbook, such as images/logo.png",
        )
        return None
    if PurePosixPath(relative).is_absolute() or PureWindowsPath(text).is_absolute():
        problems.error(
            where,
            f'found the absolute path "{text}"; expected a path relative to the '
            "workbook's folder, such as images/logo.png",
        )
        return None
    try:
        return _resolved(text, relative, folder, where, problems)
    except OSError as error:  # a name the file system refuses (bad characters, too long)
        problems.error(
            where,
            f'"{_shorten(text)}" cannot be opened ({error.strerror or "invalid name"}); '
            "expected an image path relative to the workbook, such as images/logo.png",
        )
        return None


def _shorten(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 60 else line[:59] + "…"


def _resolved(
    text: str, relative: str, folder: Path, where: Source, problems: Problems
) -> Path | None:
    path = (folder / relative).resolve()
    if not path.is_relative_to(folder.resolve()):
        problems.error(
            where,
            f'"{text}" is outside the workbook\'s folder; expected a file in that '
            "folder or below it",
        )
        return None
    problem = _problem_with(path)
    if problem:
        problems.error(where, f'"{text}" {problem}')
        return None
    return path


def _problem_with(path: Path) -> str:
    if not path.is_file():
        return (
            f"does not exist in {path.parent}; expected the image file there, named exactly "
            "as typed (or correct the path, relative to the workbook's folder)"
        )
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        return f"is {size / 2**20:.0f} MB; expected at most {MAX_IMAGE_BYTES / 2**20:.0f} MB"
    with path.open("rb") as handle:
        head = handle.read(8)
    if not any(head.startswith(magic) for magic in _MAGIC):
        return "is not a PNG or JPEG image; expected a .png or .jpg file"
    return _verify(path)


def _verify(path: Path) -> str:
    """Pillow reads only the header here; the pixel cap is checked before decoding."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(path) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    return (
                        f"is {width:,} × {height:,} pixels; expected at most "
                        f"{MAX_IMAGE_PIXELS:,} pixels"
                    )
                image.verify()
    except (
        OSError,
        SyntaxError,
        ValueError,
        UnidentifiedImageError,
        PILImage.DecompressionBombError,
        PILImage.DecompressionBombWarning,
    ):
        return "is damaged or not a readable PNG or JPEG image; expected a valid image file"
    return ""
