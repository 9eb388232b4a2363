"""The optional Words sheet: an office's own text for any fixed word, in any language.

One row per word: `Word` names it (as the template's Instructions list them, e.g.
`Page n of N`), `Text` is what to print instead. A word with `{fields}` must keep them.
"""

from __future__ import annotations

from generator.contract import WORDS_HEADERS
from generator.errors import Problems, did_you_mean, one_of
from generator.parse.cells import cell_source, read_header, text_of
from generator.words import ENGLISH, WORD_IDS, WordId, fields_of, word_id
from generator.workbook import RawSheet

HEADERS = WORDS_HEADERS


def parse_words(sheet: RawSheet, problems: Problems) -> dict[WordId, str]:
    """Each row's word id and its text; unknown words and lost fields are errors."""
    header = read_header(sheet, HEADERS, problems)
    if header is None:
        return {}
    word_column, text_column = header.column("Word"), header.column("Text")
    if word_column is None or text_column is None:
        return {}
    overrides: dict[WordId, str] = {}
    for row in sheet.rows[1:]:
        name, text = text_of(row.get(word_column)), text_of(row.get(text_column))
        where = cell_source(sheet.title, word_column, row.number)
        if not name:
            if text:
                problems.warning(where, "a Text with no Word is ignored")
            continue
        word = word_id(name)
        if word is None:
            problems.error(
                where,
                f'unknown word "{name}"{did_you_mean(name, WORD_IDS)}; expected one of '
                f"{one_of(WORD_IDS)}",
            )
            continue
        text_where = cell_source(sheet.title, text_column, row.number)
        if not text:
            problems.warning(text_where, f'no Text for "{name}"; the usual word is printed')
        elif fields_of(text) != fields_of(ENGLISH[word]):
            wanted = ", ".join(f"{{{f}}}" for f in sorted(fields_of(ENGLISH[word]))) or "none"
            problems.error(
                text_where,
                f'found "{text}"; expected the text of "{name}" with the fields {wanted} '
                f'kept as typed (e.g. "{ENGLISH[word]}")',
            )
        else:
            overrides[word] = text
    return overrides
