"""The HTML edition: one self-contained page an OPCC can put on its website as it is.

Landmarks (header, nav, main, footer), one h1, themes and sections as h2/h3 in order,
a contents list of in-page links and a skip link; inline CSS and SVG, images as data
URIs, so opening it makes no request anywhere. Deterministic: same workbook, same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.model import Document, Report, Section, themes
from generator.options import RenderOptions
from generator.words import Words
from layouts import theme
from layouts.html.blocks import Counter, blocks_html
from layouts.html.css import stylesheet
from layouts.html.markup import attrs, data_uri, esc, slug
from layouts.view import key_table, printed_blocks, properties


def render_html(document: Document, options: RenderOptions) -> bytes:
    """The page as UTF-8 bytes."""
    return page_html(document).encode("utf-8")


def page_html(document: Document) -> str:
    report = document.report
    props = properties(report)
    counter = Counter(report, key_table(document), document.words)
    brand = theme.colours_for(report).brand
    meta = "".join(
        f"<meta{attrs(name=name, content=value)}>"
        for name, value in (
            ("description", props.subject),
            ("author", props.author),
            ("keywords", ", ".join(props.keywords)),
        )
        if value
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html{attrs(lang=report.language)}>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(props.title)}</title>\n{meta}\n"
        f"<style>{stylesheet(brand)}</style>\n</head>\n<body>\n"
        f'<a class="skip-link" href="#main">{esc(document.words["skip to content"])}</a>\n'
        f"{_masthead(document)}\n{_contents(document)}\n"
        f'<main id="main" tabindex="-1"><div class="width">\n'
        f"{''.join(_themes(document, counter))}</div></main>\n"
        f"{_footer(report, document.words)}\n</body>\n</html>\n"
    )


def _masthead(document: Document) -> str:
    report = document.report
    parts = []
    if report.logo is not None:
        parts.append(_logo(document))
    if report.organisation:
        parts.append(f'<p class="organisation">{esc(report.organisation)}</p>')
    parts.append(f"<h1>{esc(report.title)}</h1>")
    if report.subtitle:
        parts.append(f'<p class="subtitle">{esc(report.subtitle)}</p>')
    edition = " ".join(part for part in (report.year, report.period) if part)
    if edition:
        parts.append(f'<p class="edition">{esc(edition)}</p>')
    return f'<header class="masthead"><div class="width">{"".join(parts)}</div></header>'


def _logo(document: Document) -> str:
    logo = document.report.logo
    assert logo is not None
    path = logo if logo.is_absolute() else document.workbook.parent / logo
    source = data_uri(path)
    words, organisation = document.words, document.report.organisation
    alt = (
        words.fill("organisation logo", organisation=organisation)
        if organisation
        else words["logo"]
    )
    return f"<img{attrs(class_='logo', src=source, alt=alt)}>"


def _contents(document: Document) -> str:
    items, index = [], 0
    for group, (name, sections) in enumerate(themes(document)):
        links = []
        for section in sections:
            links.append(f'<li><a href="#{slug("section", index)}">{esc(section.title)}</a></li>')
            index += 1
        if name:
            items.append(
                f'<li><a href="#{slug("theme", group)}">{esc(name)}</a>'
                f"<ol>{''.join(links)}</ol></li>"
            )
        else:
            items += links
    return (
        '<nav class="contents" aria-labelledby="contents-heading"><div class="width">'
        f'<h2 id="contents-heading">{esc(document.words["contents"])}</h2>'
        f"<ol>{''.join(items)}</ol></div></nav>"
    )


def _themes(document: Document, counter: Counter) -> Iterator[str]:
    index = 0
    for group, (name, sections) in enumerate(themes(document)):
        if name:
            yield f'<h2 class="theme" id="{slug("theme", group)}">{esc(name)}</h2>\n'
        for section in sections:
            yield _section(section, slug("section", index), "h3" if name else "h2", counter)
            index += 1


def _section(section: Section, ident: str, heading: str, counter: Counter) -> str:
    body = blocks_html(printed_blocks(section), counter)
    return (
        f'<section class="section" aria-labelledby="{ident}">'
        f'<{heading} id="{ident}">{esc(section.title)}</{heading}>\n{body}\n</section>\n'
    )


def _footer(report: Report, words: Words) -> str:
    parts = [esc(line) for line in report.footer_lines[:1]]
    if report.published:
        parts.append(esc(words.fill("published", date=words.date(report.published))))
    text = " · ".join(parts)
    return f'<footer class="page-footer"><div class="width"><p>{text}</p></div></footer>'
