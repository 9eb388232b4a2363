"""Small HTML builders: escaping, inline runs, and elements with attributes in a fixed order.

Everything the page prints passes through `esc`, so a `<` or `&` typed in the workbook
prints as typed and can never become markup.
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from generator.model import Runs


def esc(text: str) -> str:
    """Text as HTML, quotes included (safe in attributes too); line breaks kept."""
    return escape(text, quote=True).replace("\n", "<br>")


def attrs(**values: str | None) -> str:
    """` name="value"` pairs in the order given; None leaves an attribute out, and a
    trailing underscore is dropped (`class_`), as are `_` inside names (`aria_label`)."""
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        key = name.rstrip("_").replace("_", "-")
        parts.append(f' {key}="{escape(value, quote=True)}"')
    return "".join(parts)


def runs_html(runs: Runs) -> str:
    """Inline runs: bold as <strong>, links as <a> (http, https and mailto only: the
    parser refuses any other scheme)."""
    out = []
    for run in runs:
        html = esc(run.text)
        if run.bold:
            html = f"<strong>{html}</strong>"
        if run.href:
            html = f"<a{attrs(href=run.href)}>{html}</a>"
        out.append(html)
    return "".join(out)


_MIME = {b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg"}  # the parser admits only these


def data_uri(path: Path) -> str:
    """An image inside the page, so opening it requests nothing."""
    data = path.read_bytes()
    mime = next((kind for magic, kind in _MIME.items() if data.startswith(magic)), "image/png")
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def slug(prefix: str, number: int) -> str:
    """Ids from positions, not from titles: stable, unique, and never clashing."""
    return f"{prefix}-{number}"
