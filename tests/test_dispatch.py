"""Every block type of the model renders in every format of the registry.

mypy already names a layout whose `match` lacks a block type (`assert_never`); this test
makes the same promise at run time, and fails first when a new block type is added to
`model.Block` without a sample here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import get_args

import pytest

from generator.model import Block, Break, Document, Section, SpeakerNotes
from generator.options import RenderOptions
from layouts.registry import FORMATS
from tests.deck_samples import deck_document
from tests.samples import SRC


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
        ),
        SRC,
    )
    return replace(base, sections=(*base.sections, extra))


def test_the_sample_holds_every_block_type(tmp_path) -> None:
    present = {type(block) for s in _every_block(tmp_path).sections for block in s.blocks}
    assert set(get_args(Block)) <= present, "add the new block type to this sample"


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_block_type_renders(tmp_path, name: str) -> None:
    data = FORMATS[name].load()(_every_block(tmp_path), RenderOptions())
    assert len(data) > 1000
