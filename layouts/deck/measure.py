"""The deck's text measuring engine: wraps runs into lines with the real font's metrics.

python-pptx does not lay out text, so the deck computes every line break itself with
Liberation Sans metrics (metric-compatible with the Arial the deck names) and sets exact
line spacing, so the heights computed here are the heights PowerPoint and LibreOffice draw.
"""

from __future__ import annotations

import functools

from generator.model import Run, Runs
from layouts.fonts import text_width

LINE_SPACING = 1.2  # exact line pitch as a multiple of the size: above Arial's 1.15 natural
# -- PowerPoint and LibreOffice break lines a hair earlier than the exact advance sum
# (kerning, rounding to EMU), so lines are measured against a slightly narrower width --
WIDTH_SAFETY = 0.97


# -- a piece of a line is a Run holding one word, or the space after it, in its run's
#    formatting: the model's own type, so lines turn back into runs without conversion --
Piece = Run
Line = tuple[Piece, ...]


def line_height(size: float) -> float:
    """The exact line pitch the deck sets for text of `size` points."""
    return size * LINE_SPACING


def _pieces(runs: Runs) -> list[Piece]:
    """Split runs into words and single spaces, each keeping its run's formatting."""
    pieces: list[Piece] = []
    for run in runs:
        word = ""
        for char in run.text:
            if char in " \t\n":
                if word:
                    pieces.append(Piece(word, run.bold, run.href))
                    word = ""
                # -- a line break (Alt+Enter in the cell) is kept, and forces a new line --
                pieces.append(Piece("\n" if char == "\n" else " ", run.bold, run.href))
            else:
                word += char
        if word:
            pieces.append(Piece(word, run.bold, run.href))
    return pieces


@functools.lru_cache(maxsize=16384)
def word_width(text: str, size: float, bold: bool) -> float:
    """`text_width`, remembered: the layout measures the same words at the same few sizes
    over and over (every chunk is tried at up to three scales). Bounded, so a long-running
    process does not grow without limit."""
    return text_width(text, size, bold)


def _width(piece: Piece, size: float) -> float:
    return word_width(piece.text, size, piece.bold)


def _break_long(piece: Piece, size: float, width: float) -> list[Piece]:
    """A word wider than the line is broken by characters, as PowerPoint does."""
    parts: list[Piece] = []
    current = ""
    for char in piece.text:
        if current and text_width(current + char, size, piece.bold) > width:
            parts.append(Piece(current, piece.bold, piece.href))
            current = ""
        current += char
    parts.append(Piece(current, piece.bold, piece.href))
    return parts


@functools.lru_cache(maxsize=512)  # a chunk's texts, for its three tries
def _words(runs: Runs) -> tuple[tuple[Piece, ...], ...]:
    """Groups of pieces that must stay together (a word split across runs, e.g. bold).

    Remembered: the layout wraps the same text at up to three sizes.
    """
    groups: list[list[Piece]] = [[]]
    for piece in _pieces(runs):
        if piece.text == "\n":
            groups.append([piece])
            groups.append([])
        elif piece.text == " ":
            groups[-1].append(piece)
            groups.append([])
        else:
            if groups[-1] and groups[-1][-1].text == " ":
                groups.append([])
            groups[-1].append(piece)
    return tuple(tuple(group) for group in groups if group)


def wrap_runs(runs: Runs, size: float, width: float) -> list[Line]:
    """Break `runs` into lines no wider than `width` points at `size` points."""
    usable = width * WIDTH_SAFETY
    lines: list[list[Piece]] = [[]]
    used = 0.0
    for group in _words(runs):
        if group[0].text == "\n":
            lines[-1].append(group[0])
            lines.append([])
            used = 0.0
            continue
        ink = [p for p in group if p.text != " "]
        ink_width = sum(_width(p, size) for p in ink)
        if lines[-1] and used + ink_width > usable:
            lines.append([])
            used = 0.0
        if not lines[-1] and ink_width > usable:
            for part in _break_long(ink[0] if len(ink) == 1 else _join(ink), size, usable):
                if lines[-1]:
                    lines.append([])
                lines[-1].append(part)
            used = _width(lines[-1][-1], size)
            continue
        lines[-1].extend(group)
        used += sum(_width(p, size) for p in group)
    return [tuple(line) for line in lines]


def _join(pieces: list[Piece]) -> Piece:
    return Piece("".join(p.text for p in pieces), pieces[0].bold, pieces[0].href)


def wrap_text(text: str, size: float, width: float, bold: bool = False) -> list[Line]:
    """`wrap_runs` for plain text (table cells, titles)."""
    return wrap_runs((Run(text, bold),), size, width)


def line_runs(line: Line) -> Runs:
    """A line back as runs, merging neighbours that share formatting."""
    merged: list[Run] = []
    for piece in line:
        if merged and (merged[-1].bold, merged[-1].href) == (piece.bold, piece.href):
            last = merged.pop()
            merged.append(Run(last.text + piece.text, last.bold, last.href))
        else:
            merged.append(piece)
    return tuple(merged)


def lines_runs(lines: list[Line]) -> Runs:
    """Several lines of one paragraph back as its runs (for a continued paragraph)."""
    return line_runs(tuple(piece for line in lines for piece in line))


def fit_size(text: str, sizes: tuple[float, ...], width: float, max_lines: int) -> float:
    """The largest of `sizes` at which `text` wraps into `max_lines` lines or fewer."""
    for size in sizes:
        if len(wrap_text(text, size, width)) <= max_lines:
            return size
    return sizes[-1]
