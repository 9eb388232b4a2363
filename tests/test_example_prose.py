"""The example takes its prose figures from placeholders yet reads exactly as the seed did,
and the prose check finds no contradiction in it."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation

from generator.build import render_all
from generator.model import Bullet, Callout, Note, Paragraph, plain_text
from generator.options import RenderOptions
from generator.parse import Loaded, load_document

EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "example.xlsx"

# -- the seed's sentences whose figures now come from placeholders, as the seed prints them --
SEED_SENTENCES = (
    "During the current reporting period, Cleveland Police have seen a 6.9% reduction in the "
    "number of 999 calls received (8,486 less calls on the previous year).",
    "Over the last 12 months Cleveland Police have seen a 5.6% reduction in the number of "
    "non-999 calls which equates to 12,466 fewer calls.",
    "During this reporting period total recorded crime in Cleveland has reduced by 9.3% "
    "equating to more than 7,600 fewer crimes, with a significant 14.5% reduction also "
    "recorded across neighbourhood crime categories, which includes a 22.6% reduction in "
    "residential burglary offences.",
    "As detailed below, these reductions have also been met by an overall reduction of 5.7% "
    "(-1,047 incidents) in the total number of anti-social behaviour incidents reported to "
    "the police,",
    "During this reporting period there has been a 7.9% reduction in total domestic related "
    "recorded crime,",
)


@pytest.fixture(scope="module")
def loaded() -> Loaded:
    return load_document(EXAMPLE)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_example_uses_placeholders_for_the_tables_figures(loaded: Loaded) -> None:
    placed = [finding for finding in loaded.prose if finding.placeholder]
    assert len(placed) == 10
    assert all(finding.verdict in ("agrees", "matched") for finding in placed)


def test_the_example_has_no_contradiction(loaded: Loaded) -> None:
    said = [str(w) for w in loaded.warnings if w.where and w.where.sheet == "Content"]
    # -- only the note that the seed's "25% reduction" (20 to 15) may be chance --
    assert said == [
        'Content!B51: the text calls 25% a reduction; "NHS sharps admissions – under 25 '
        'years" did fall (20 to 15), but not by more than chance (p = 0.50), so its table '
        'says "No significant change" (Measures!B20; a note, not a contradiction)'
    ]
    verdicts = {finding.verdict for finding in loaded.prose}
    assert "contradicts" not in verdicts and "near" not in verdicts


def test_resolved_prose_reads_as_the_seed(loaded: Loaded) -> None:
    prose = _flat(
        " ".join(
            plain_text(block.runs)
            for section in loaded.document.sections
            for block in section.blocks
            if isinstance(block, Paragraph | Bullet | Callout | Note)
        )
    )
    for sentence in SEED_SENTENCES:
        assert sentence in prose


def test_pdf_and_deck_read_as_the_seed(loaded: Loaded) -> None:
    rendered = render_all(loaded.document, ("pdf", "pptx"), RenderOptions())
    with pdfplumber.open(io.BytesIO(rendered["pdf"])) as pdf:
        pdf_text = _flat(" ".join(page.extract_text() or "" for page in pdf.pages))
    deck = Presentation(io.BytesIO(rendered["pptx"]))
    deck_text = _flat(
        " ".join(
            shape.text_frame.text
            for slide in deck.slides
            for shape in slide.shapes
            if shape.has_text_frame
        )
    )
    for sentence in SEED_SENTENCES:
        assert sentence in pdf_text
        assert sentence in deck_text
    assert "{" not in pdf_text and "{" not in deck_text
