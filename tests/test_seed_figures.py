"""Every measure row of the seed document, read from inputs/example.xlsx and compared.

The seed's values must come through unchanged; its hand-typed change columns are checked
against our computed ones. Where the seed is wrong, SEED_ERRORS says why and the test
asserts our correct value instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.figures import NOT_AVAILABLE
from generator.model import MeasureRow, MeasuresTable
from generator.parse import load_document

EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "example.xlsx"

# label as printed (with footnote marker), three values, printed change, printed % change
SEED_ROWS: list[tuple[str, tuple[str, str, str], str, str]] = [
    ("Number of 999 calls received", ("113,176", "121,752", "113,266"), "- 8,486", "-6.9%"),
    ("% 999 calls answered within 10 seconds", ("85.7%", "87.7%", "89.2%"), "+1.5pts", "-"),
    ("Number of non-999 calls received", ("224,337", "221,164", "208,698"), "-12,466", "-5.6%"),
    ("% of non-999 calls answered within 2 minutes", ("64.3%", "67.9%", "84.6%"), "+16.7pts", "-"),
    ("Total recorded crime", ("79,481", "82,023", "74,366"), "-7,657", "-9.3%"),
    ("Theft from person", ("536", "453", "280"), "-173", "-38.1%"),
    ("Residential burglary", ("3,497", "4,050", "3,131"), "-919", "-22.6%"),
    ("Vehicle crime", ("4,075", "4,491", "4,222"), "-269", "-5.9%"),
    ("Robbery", ("857", "914", "830"), "-84", "-9.1%"),
    ("Total neighbourhood crime", ("8,965", "9,908", "8,463"), "-1,445", "-14.5%"),
    ("Anti-social behaviour incidents – police", ("18,692", "18,074", "17,027"), "1,047", "-5.7%"),
    ("Domestic abuse crimes – police recorded", ("12,924", "14,316", "13,183"), "1133", "-7.9%"),
    ("Arrest rate", ("42.2%", "40.3%", "41.7%"), "+1.4pts", "-"),
    ("Repeat incident rate", ("44.9%", "46.0%", "44.1%"), "-1.9pts", "-"),
    ("Sexual offences – police recorded", ("2,614", "2,677", "2,553"), "-124", "-4.6%"),
    ("Rape offences – police recorded", ("1,015", "979", "896"), "-83", "-8.4%"),
    ("Homicides", ("8", "12", "11"), "-1", "-8.3%"),
    ("NHS Sharps admission – all ages*", ("100", "65", "90"), "25", "38.4"),
    ("NHS sharps admissions – under 25 years*", ("30", "20", "15"), "-5", "25%"),
    (
        "Serious violence offences – all ages – police recorded",
        ("1,843", "1,997", "1,821"),
        "-176",
        "8.8%",
    ),
    (
        "Serious violence offences – youth related – police recorded",
        ("626", "648", "521"),
        "-127",
        "-19.5%",
    ),
    (
        "Knife/sharps enabled serious violence offences – all ages – police recorded",
        ("822", "896", "820"),
        "-76",
        "-8.4%",
    ),
    (
        "Knife/sharps enabled serious violence offences – youth related – police recorded",
        ("313", "342", "257"),
        "-85",
        "-24.8%",
    ),
]

# label -> (reason the seed is wrong, our change, our % change)
SEED_ERRORS: dict[str, tuple[str, str, str]] = {
    "Number of 999 calls received": ("stray space after the minus sign", "-8,486", "-6.9%"),
    "Anti-social behaviour incidents – police": (
        "a fall of 1,047 printed without its minus sign",
        "-1,047",
        "-5.7%",
    ),
    "Domestic abuse crimes – police recorded": (
        "a fall of 1,133 printed without its sign or thousands separator",
        "-1,133",
        "-7.9%",
    ),
    "NHS Sharps admission – all ages*": (
        "a rise printed without + signs and the % change without %",
        "+25",
        "+38.4%",
    ),
    "NHS sharps admissions – under 25 years*": (
        "a fall of 25% printed as a rise, to no decimal",
        "-5",
        "-25.0%",
    ),
    "Serious violence offences – all ages – police recorded": (
        "a fall of 8.8% printed as a rise",
        "-176",
        "-8.8%",
    ),
}


@pytest.fixture(scope="module")
def rows() -> dict[str, MeasureRow]:
    if not EXAMPLE.exists():
        pytest.fail(f"{EXAMPLE} is missing; it is part of the repository")
    loaded = load_document(EXAMPLE)
    # -- no Published date; the prose check's note on the seed's "25% reduction" --
    assert [str(w.where) for w in loaded.warnings][1:] == ["Content!B51"]
    assert loaded.warnings[0].message.startswith("no Published date")
    found: dict[str, MeasureRow] = {}
    for section in loaded.document.sections:
        for block in section.blocks:
            if isinstance(block, MeasuresTable):
                found.update({row.label + row.marker: row for row in block.rows})
    return found


def test_every_seed_row_is_in_the_example(rows: dict[str, MeasureRow]) -> None:
    assert list(rows) == [label for label, *_ in SEED_ROWS]


@pytest.mark.parametrize(("label", "values", "change", "percent"), SEED_ROWS, ids=range(23))
def test_seed_row(
    rows: dict[str, MeasureRow],
    label: str,
    values: tuple[str, str, str],
    change: str,
    percent: str,
) -> None:
    row = rows[label]
    assert row.value_texts == values
    if label in SEED_ERRORS:
        _reason, change, percent = SEED_ERRORS[label]
    # -- the seed prints "-" where no % change applies; we print an en dash --
    expected_percent = NOT_AVAILABLE if percent == "-" else percent
    assert (row.change.text, row.change.percent_text) == (change, expected_percent)


def test_the_known_seed_errors_really_differ_from_the_seed() -> None:
    """Each listed error is a real difference, so the list cannot hide a passing row."""
    seed = {label: (change, percent) for label, _values, change, percent in SEED_ROWS}
    for label, (_reason, change, percent) in SEED_ERRORS.items():
        assert seed[label] != (change, percent), label


def test_serious_violence_footnote(rows: dict[str, MeasureRow]) -> None:
    loaded = load_document(EXAMPLE)
    [table] = [
        block
        for section in loaded.document.sections
        for block in section.blocks
        if isinstance(block, MeasuresTable) and block.footnotes
    ]
    assert [(f.marker, f.text) for f in table.footnotes] == [
        ("*", "12 months data up to June 2024")
    ]
    assert loaded.document.report.rounding == "truncate"


def corrected_seed_rows() -> list[tuple[str, tuple[str, str, str], str, str]]:
    """Every seed row as our documents must print it: the seed's errors corrected."""
    corrected = []
    for label, values, change, percent in SEED_ROWS:
        if label in SEED_ERRORS:
            _reason, change, percent = SEED_ERRORS[label]
        corrected.append((label, values, change, NOT_AVAILABLE if percent == "-" else percent))
    return corrected
