"""The deck's footer line follows the PDF's: footer and organisation, or whichever fits."""

from __future__ import annotations

from generator.model import Report
from layouts.deck.layout import _footer_text
from layouts.fonts import text_width

WIDTH = 600.0


def test_both_when_they_fit() -> None:
    report = Report(title="T", footer="Q2 summary", organisation="OPCC for Cleveland")
    assert _footer_text(report, 12, WIDTH) == "Q2 summary · OPCC for Cleveland"


def test_organisation_alone_when_there_is_no_footer() -> None:
    assert _footer_text(Report(title="T", organisation="OPCC"), 12, WIDTH) == "OPCC"
    assert _footer_text(Report(title="T"), 12, WIDTH) == ""


def test_footer_alone_when_both_are_too_long() -> None:
    report = Report(title="T", footer="Quarter 2 summary " * 5, organisation="Office " * 12)
    assert _footer_text(report, 12, WIDTH) == report.footer


def test_cut_with_an_ellipsis_as_a_last_resort_never_wrapped() -> None:
    report = Report(title="T", footer="A very long footer " * 20)
    text = _footer_text(report, 12, WIDTH)
    assert text.endswith("…") and report.footer.startswith(text[:-1])
    assert text_width(text, 12) <= WIDTH * 0.95
