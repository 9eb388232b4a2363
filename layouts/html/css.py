"""The page's stylesheet, inline so the file stands alone. GOV.UK's type scale and
colours; the brand colour only where white text on it reaches 4.5:1 (theme.colours_for)."""

from __future__ import annotations

from generator.model import Assessment
from layouts import theme

_CSS = """
:root { --brand: %(brand)s; --accent: %(accent)s; --text: %(text)s; --muted: %(muted)s;
  --rule: %(rule)s; --zebra: %(zebra)s; --callout: %(callout)s;
  --better: %(better)s; --worse: %(worse)s; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%%; }
body { margin: 0; color: var(--text); background: #fff; line-height: 1.5;
  font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 1.1875rem; }
a { color: var(--accent); text-decoration: underline; text-underline-offset: 0.15em; }
a:focus, [tabindex]:focus { outline: 3px solid #FFDD00; outline-offset: 0;
  box-shadow: 0 0 0 6px #0B0C0C; }
a:focus { background: #FFDD00; color: #0B0C0C; text-decoration: none; }
.skip-link { position: absolute; left: -9999px; top: 0; padding: 0.5rem 1rem;
  background: #FFDD00; color: #0B0C0C; z-index: 10; }
.skip-link:focus { left: 0; }
.width { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
.masthead { background: var(--brand); color: #fff; padding: 2rem 0 2.25rem; }
.masthead a { color: #fff; }
.masthead .organisation { margin: 0 0 1rem; font-weight: 700; }
.masthead h1 { margin: 0; font-size: 2.5rem; line-height: 1.1; }
.masthead .subtitle { margin: 0.5rem 0 0; font-size: 1.5rem; }
.masthead .edition { margin: 0.75rem 0 0; }
.masthead .logo { display: block; max-height: 4rem; max-width: 12rem; margin-bottom: 1rem;
  background: #fff; padding: 0.25rem; }
nav.contents { border-bottom: 1px solid var(--rule); padding: 1.5rem 0; }
nav.contents h2 { margin: 0 0 0.5rem; font-size: 1.5rem; }
nav.contents ol { margin: 0; padding-left: 1.25rem; }
nav.contents ol ol { list-style: disc; }
nav.contents li { margin: 0.25rem 0; }
main { padding-bottom: 2rem; }
main:focus { outline: none; }
h2.theme { margin: 2.5rem 0 0; padding: 0.35rem 0.75rem; background: var(--brand);
  color: #fff; font-size: 1.1875rem; letter-spacing: 0.02em; }
section.section > h2, section.section > h3 { font-size: 1.75rem; line-height: 1.2;
  margin: 2rem 0 1rem; }
p, ul { margin: 0 0 1rem; max-width: 42em; }
li { margin: 0.25rem 0; }
.callout { border-left: 0.5rem solid var(--brand); background: var(--callout);
  padding: 0.75rem 1rem; font-size: 1.5rem; font-weight: 700; color: var(--accent); }
.note { color: var(--muted); font-size: 1rem; }
.table-region { overflow-x: auto; margin: 0 0 0.5rem; max-width: 100%%; }
table { border-collapse: collapse; width: 100%%; font-size: 1rem;
  font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 700; padding: 0 0 0.5rem; }
th, td { padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: left;
  vertical-align: top; }
thead th { background: var(--brand); color: #fff; vertical-align: bottom; }
tbody tr:nth-child(even) { background: var(--zebra); }
tbody th { font-weight: 400; }
.num { text-align: right; }
td.num { white-space: nowrap; }  /* a figure never breaks; headings may wrap */
tbody th { min-width: 10em; }
.better { color: var(--better); }
.worse { color: var(--worse); }
.muted { color: var(--muted); }
ul.tally { display: flex; flex-wrap: wrap; gap: 0.75rem; list-style: none; padding: 0;
  margin: 0 0 1.5rem; max-width: none; }
ul.tally li { flex: 1 1 10rem; margin: 0; padding: 0.75rem 1rem; background: var(--callout);
  font-weight: 700; }
ul.tally .count { display: block; font-size: 2.5rem; line-height: 1.1; }
tr.group th { font-weight: 700; color: var(--accent); background: #fff;
  border-bottom: 2px solid var(--brand); padding-top: 1rem; }
figure.chart { margin: 1rem 0 0.5rem; }
figure.chart svg { display: block; width: 100%%; max-width: 40rem; height: auto; }
figure.chart svg text { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; }
figcaption { font-weight: 700; margin-bottom: 0.5rem; }
.image img { max-width: 100%%; height: auto; }
footer.page-footer { border-top: 1px solid var(--rule); color: var(--muted); padding: 1.5rem 0;
  font-size: 1rem; }
@media (max-width: 40rem) {
  body { font-size: 1rem; }
  .masthead h1 { font-size: 1.75rem; }
  section.section > h2, section.section > h3 { font-size: 1.375rem; }
  .callout { font-size: 1.1875rem; }
}
@media print {
  .skip-link, nav.contents { display: none; }
  body { font-size: 11pt; }
  .masthead { background: none; color: var(--text); padding: 0; }
  .masthead a { color: var(--text); }
  section.section { break-before: page; }
  .page-break { break-after: page; }
  h2, h3, caption, figure { break-after: avoid; }
  tr, figure { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-region { overflow: visible; }
}
"""


def stylesheet(brand: str) -> str:
    """The stylesheet with the document's colours filled in."""
    colours = theme.Colours(brand=brand)
    return _CSS % {
        "brand": colours.brand,
        "accent": colours.accent,
        "text": theme.TEXT,
        "muted": theme.MUTED_TEXT,
        "rule": theme.RULE,
        "zebra": theme.ZEBRA,
        "callout": theme.CALLOUT_FILL,
        "better": theme.ASSESSMENT_COLOURS[Assessment.BETTER],
        "worse": theme.ASSESSMENT_COLOURS[Assessment.WORSE],
    }
