"""Issue 9: the corpus's figures and text as printed, read back from both outputs (the PDF
with pdfplumber, the deck with python-pptx)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation

from generator.build import build
from tests.corpus.cases import BY_NAME, LONG, write


@dataclass(frozen=True)
class Printed:
    pdf_lines: list[str]  # every page's text lines
    deck_rows: list[list[str]]  # every table row of every slide
    deck_texts: list[str]  # every other text box of every slide

    @property
    def pdf(self) -> str:
        return " ".join(self.pdf_lines)

    @property
    def deck(self) -> str:
        return " ".join([*self.deck_texts, *(" ".join(row) for row in self.deck_rows)])


def printed(name: str, folder: Path) -> Printed:
    path = write(BY_NAME[name], folder)
    build(path, folder / "out")
    with pdfplumber.open(folder / "out" / f"{name}.pdf") as pdf:
        lines = [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]
    rows: list[list[str]] = []
    texts: list[str] = []
    for slide in Presentation(str(folder / "out" / f"{name}.pptx")).slides:
        for shape in slide.shapes:
            if shape.has_table:
                rows += [[cell.text for cell in row.cells] for row in shape.table.rows]
            elif shape.has_text_frame:
                texts.append(shape.text_frame.text)
    return Printed(lines, rows, texts)


def test_a_change_that_prints_as_zero_is_no_change(tmp_path: Path) -> None:
    out = printed("change_prints_as_zero", tmp_path)
    assert "% answered in 10 seconds 80.0% 85.7% 85.7% 0.0pts – ● No change" in out.pdf_lines
    assert [
        "% answered in 10 seconds",
        "80.0%",
        "85.7%",
        "85.7%",
        "0.0pts",
        "–",
        "● No change",
    ] in (out.deck_rows)


def test_no_percent_change_of_a_negative_value(tmp_path: Path) -> None:
    out = printed("negative_previous", tmp_path)
    assert "Budget variance £0 -£1,000 £250 +£1,250 – ▲ Better" in out.pdf_lines
    assert ["Budget variance", "£0", "-£1,000", "£250", "+£1,250", "–", "▲ Better"] in (
        out.deck_rows
    )


def test_a_row_of_fractions_prints_what_the_warning_said(tmp_path: Path) -> None:
    out = printed("fractions_whole_row", tmp_path)
    row = ["% answered in 10 seconds", "0.6%", "0.7%", "0.8%", "+0.1pts", "–", "▲ Better"]
    assert " ".join(row) in out.pdf_lines
    assert row in out.deck_rows


def test_outlook_line_breaks_are_kept_in_both_outputs(tmp_path: Path) -> None:
    out = printed("outlook_carriage_returns", tmp_path)
    at = out.pdf_lines.index("Calls fell.")
    assert out.pdf_lines[at + 1] == "Answer times improved."
    # -- python-pptx reads a line break (<a:br/>) back as a vertical tab --
    assert "Calls fell.\x0bAnswer times improved." in out.deck_texts
    assert "_x" not in out.pdf + out.deck


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("vertical_tab_and_bell", "Calls fell. Answer times improved."),
        ("control_in_measure_label", "Number of 999 calls received"),
        ("escaped_underscore_stays_literal", "File name_x000D_.csv"),
        ("welsh_and_polish", "Croeso i'r adroddiad: ŵ ŷ â. Zażółć gęślą jaźń."),
    ],
)
def test_pasted_text_prints_clean(name: str, text: str, tmp_path: Path) -> None:
    out = printed(name, tmp_path)
    assert text in out.pdf
    assert text in out.deck
    if name != "escaped_underscore_stays_literal":
        assert "_x" not in out.pdf + out.deck


def test_control_characters_in_report_and_table_cells(tmp_path: Path) -> None:
    out = printed("control_in_report_and_table", tmp_path)
    assert "_x" not in out.pdf + out.deck
    assert "\x1f" not in out.pdf + out.deck
    assert ["All\x0bcrime", "8.4%"] in out.deck_rows or ["All\ncrime", "8.4%"] in out.deck_rows


def test_long_unbroken_label_prints_whole(tmp_path: Path) -> None:
    out = printed("measure_label_unbroken", tmp_path)
    # -- the PDF breaks it by characters over several lines of its cell --
    assert sum(len(run) for run in re.findall(r"x{10,}", out.pdf)) == 300
    assert any(row[0] == "x" * 300 for row in out.deck_rows)


@pytest.mark.parametrize("name", ["section_title_is_a_paragraph", "report_title_is_a_paragraph"])
def test_a_pasted_paragraph_as_a_title_prints_whole(name: str, tmp_path: Path) -> None:
    """Both outputs print every word (the deck in smaller type); check warned about the
    section title, and the PDF's contents still link to it."""
    out = printed(name, tmp_path)
    words = " ".join(LONG.split())
    assert words in " ".join(out.pdf.split())
    assert words in " ".join(" ".join(out.deck_texts).split())
