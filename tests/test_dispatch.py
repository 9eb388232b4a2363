"""Every block type of the model renders in every format of the registry.

mypy already names a layout whose `match` lacks a block type (`assert_never`); this test
makes the same promise at run time, and fails first when a new block type is added to
`model.Block` without a sample here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import get_args

import pytest

from generator.glance import fill_summaries
from generator.model import (
    Better,
    Block,
    Break,
    Document,
    Section,
    SpeakerNotes,
    Summary,
    Tally,
    Trend,
    Unit,
)
from generator.options import RenderOptions
from generator.parse.monthly import MonthlyRow
from generator.trend import spc_trend
from layouts.registry import FORMATS
from tests.deck_samples import deck_document
from tests.samples import SRC


def _trend() -> Trend:
    values = tuple(float(10 + (i * 7) % 5) for i in range(18))
    months = tuple(f"Month {i + 1}" for i in range(18))
    row = MonthlyRow(
        "T", "Crimes", Unit.COUNT, Better.LOWER, "crimes", "", "", values, SRC, SRC, SRC, SRC
    )
    return spc_trend(row, months, values, "Crimes by month", SRC)


def _every_block(folder) -> Document:
    base = deck_document(folder)
    extra = Section(
        "Notes and breaks",
        "",
        (
            *base.sections[0].blocks[:1],
            Break(SRC),
            *base.sections[0].blocks[:1],
            SpeakerNotes("Say this.", SRC),
            _trend(),
        ),
        SRC,
    )
    glance = Section(
        "At a glance",
        "",
        (Summary("At a glance", (), Tally(0, 0, 0, 0), "significance", SRC),),
        SRC,
    )
    sections = fill_summaries((glance, *base.sections, extra), "significance")
    return replace(base, sections=sections)


def test_the_sample_holds_every_block_type(tmp_path) -> None:
    present = {type(block) for s in _every_block(tmp_path).sections for block in s.blocks}
    assert set(get_args(Block)) <= present, "add the new block type to this sample"


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_block_type_renders(tmp_path, name: str) -> None:
    data = FORMATS[name].load()(_every_block(tmp_path), RenderOptions())
    assert len(data) > 1000
