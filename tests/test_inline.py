"""Inline markup: **bold** and [label](address); everything else is literal."""

from __future__ import annotations

import pytest

from generator.model import Run
from generator.parse.inline import parse_inline

BAD = "expected an address starting https://, http:// or mailto:"


def test_bold_and_plain_runs() -> None:
    assert parse_inline("a **6.9% reduction** in calls").runs == (
        Run("a "),
        Run("6.9% reduction", bold=True),
        Run(" in calls"),
    )


def test_link_inside_bold_keeps_both() -> None:
    runs = parse_inline("see **the [awards](https://example.org/a_(b))** now").runs
    assert runs == (
        Run("see "),
        Run("the ", bold=True),
        Run("awards", bold=True, href="https://example.org/a_(b)"),
        Run(" now"),
    )


@pytest.mark.parametrize(
    "text",
    [
        "<b>not html</b> & so on",
        "a lone ** stays",
        "**unclosed bold",
        "****",
        "x * y * z",
        "[sic] and (brackets)",
        "quotes \"double\" and 'single'",
        "Ελληνικά, Кириллица, Cymraeg: ŵ ŷ â",
    ],
)
def test_everything_else_is_literal(text: str) -> None:
    assert parse_inline(text) == ((Run(text),), ())


def test_mailto_is_allowed() -> None:
    assert parse_inline("[write](mailto:pcc@example.org)").runs == (
        Run("write", href="mailto:pcc@example.org"),
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[Awards](#)", f'link "Awards" goes to "#"; {BAD}'),
        ("[x](javascript:alert(1))", f'link "x" goes to "javascript:alert(1)"; {BAD}'),
        ("[x](file:///etc/passwd)", f'link "x" goes to "file:///etc/passwd"; {BAD}'),
        ("[x](www.example.org)", f'link "x" goes to "www.example.org"; {BAD}'),
        ("[x](not an address)", f'link "x" goes to "not an address"; {BAD} with no spaces'),
        ("[x](https://)", f'link "x" goes to "https://"; {BAD} and a site name'),
        (
            "[x](mailto:nobody)",
            f'link "x" goes to "mailto:nobody"; {BAD} and an email address after mailto:',
        ),
    ],
)
def test_bad_links_are_reported_and_print_as_their_label(text: str, problem: str) -> None:
    inline = parse_inline(text)
    assert inline.problems == (problem,)
    assert all(run.href is None for run in inline.runs)
