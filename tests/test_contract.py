"""The contract module agrees with the model, the parser and the template."""

from __future__ import annotations

import dataclasses
from typing import get_args

from generator import contract
from generator.model import Report, Unit
from generator.parse import content as parse_content


def test_every_report_field_fills_a_report_attribute_and_back():
    attributes = {f.name for f in dataclasses.fields(Report)} - {"sources"}
    assert {field.attribute for field in contract.REPORT_FIELDS} == attributes


def test_choice_fields_name_their_choices():
    for field in contract.REPORT_FIELDS:
        assert bool(field.choices) == (field.reader == "choice"), field.name


def test_field_names_match_loosely():
    found = contract.report_field("  measure   HEADING ")
    assert found is not None and found.attribute == "measure_heading"
    assert contract.report_field("Measures heading") is None


def test_fixed_words_come_from_the_model():
    assert tuple(unit.value for unit in Unit) == contract.UNITS
    assert get_args(contract.ContentType) == contract.CONTENT_TYPES
    assert parse_content.TYPES == contract.CONTENT_TYPES


def test_template_sheets_have_the_contract_headers(tmp_path):
    import openpyxl

    from generator.authoring.template import write_template

    path = tmp_path / "t.xlsx"
    write_template(path)
    book = openpyxl.load_workbook(path)
    header = {title: [c.value for c in book[title][1]] for title in book.sheetnames}
    assert tuple(header[contract.REPORT]) == contract.REPORT_HEADERS
    assert tuple(header[contract.CONTENT]) == contract.CONTENT_HEADERS
    measures = header[contract.MEASURES]
    assert tuple(measures[:4]) == contract.MEASURES_HEADERS
    assert tuple(measures[-3:]) == contract.MEASURES_OPTIONAL
    monthly = header[contract.MONTHLY]
    assert tuple(monthly[:4]) == contract.MEASURES_HEADERS
    assert tuple(monthly[-3:]) == contract.MEASURES_OPTIONAL
