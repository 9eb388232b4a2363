"""Writing output files so that they are never half-written, and all or none change.

Each file is written to a hidden temporary name in its own folder, then renamed into
place. With several files (the PDF and the deck) the old ones are first set aside under
hidden names, so that if any step fails, every old file is put back as it was: an analyst
never ends up with this quarter's PDF beside last quarter's deck.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from generator.errors import OutputError

# -- what an analyst can do about each failure, instead of the system's own words --
_WHY = {
    errno.EACCES: "you do not have permission to write there, or the folder is read-only; "
    "choose another folder with -o",
    errno.EPERM: "you do not have permission to write there, or the folder is read-only; "
    "choose another folder with -o",
    errno.EROFS: "the drive is read-only; choose another folder with -o",
    errno.ENOSPC: "the drive is full; free some space or choose another folder with -o",
    errno.ENOENT: "the folder does not exist; check the path given with -o",
    errno.ENAMETOOLONG: "the path is too long; choose a shorter folder or file name",
}


def why(error: OSError) -> str:
    """The reason an output could not be written, in words that say what to do."""
    return _WHY.get(error.errno or 0, f"the system refused ({(error.strerror or '').lower()})")


def write_atomically(target: Path, data: bytes) -> Path:
    """Write one file via a temporary file and a rename; never half-written."""
    return write_all({target: data})[0]


def write_all(files: Mapping[Path, bytes]) -> tuple[Path, ...]:
    """Write every file, or leave every existing file exactly as it was."""
    for target in files:
        if target.is_dir():
            raise OutputError(f"cannot write {target}: a folder of that name is in the way")
    with _staged(files) as staged, _set_aside(list(staged)) as backups:
        placed: list[Path] = []
        try:
            for target, temporary in staged.items():
                _rename(temporary, target)
                placed.append(target)
        except OutputError:
            _put_back(placed, backups)
            raise
    return tuple(files)


@contextlib.contextmanager
def _staged(files: Mapping[Path, bytes]) -> Iterator[dict[Path, Path]]:
    """Each file's bytes in a temporary file beside its target; removed if left over."""
    staged: dict[Path, Path] = {}
    try:
        for target, data in files.items():
            staged[target] = _write_temporary(target, data)
        yield staged
    finally:
        for temporary in staged.values():
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()


def _write_temporary(target: Path, data: bytes) -> Path:
    try:
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except OSError as error:
        raise OutputError(f"cannot write in the folder {target.parent}: {why(error)}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        # -- mkstemp makes the file private (0600); a published report must stay readable --
        os.chmod(name, 0o644)
    except OSError as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise OutputError(f"cannot write {target}: {why(error)}") from None
    return Path(name)


@contextlib.contextmanager
def _set_aside(targets: list[Path]) -> Iterator[dict[Path, Path]]:
    """Move existing targets to hidden backups; a locked file stops everything here.

    On Windows a file open in PowerPoint or a PDF viewer cannot be renamed, so it is
    found before anything has changed. Backups are deleted once the new files are in.
    """
    backups: dict[Path, Path] = {}
    try:
        for target in targets:
            if target.exists():
                backup = target.with_name(f".{target.name}.previous")
                _rename(target, backup)
                backups[target] = backup
    except OutputError:
        _put_back([], backups)
        raise
    yield backups
    for backup in backups.values():
        with contextlib.suppress(OSError):
            backup.unlink()


def _put_back(placed: list[Path], backups: dict[Path, Path]) -> None:
    """Undo: remove the new files and return the old ones to their names."""
    for target in placed:
        with contextlib.suppress(OSError):
            target.unlink()
    for target, backup in backups.items():
        # -- a plain rename: the target name is free again, on Windows too --
        with contextlib.suppress(OSError):
            os.rename(backup, target)


def _rename(source: Path, target: Path) -> None:
    try:
        os.replace(source, target)
    except PermissionError:
        shown = target if not target.name.endswith(".previous") else source
        raise OutputError(
            f"cannot replace {shown}: permission denied. If it is open in another program "
            "(a PDF viewer or PowerPoint), close it and build again."
        ) from None
    except OSError as error:
        raise OutputError(f"cannot write {target}: {why(error)}") from None
