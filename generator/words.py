"""Every fixed word the editions print, in English and Welsh: the one place that spells them.

Layouts never write a word of their own: they ask the document's `Words` (resolved once
from the Report's Language and the optional Words sheet) for it by id. Adding a word is
one line per language below, plus its id in `WordId`; a test fails if a language lacks it.
Words with `{name}` fields are filled in with `Words.fill`.

The Welsh is the Welsh Government's usage as far as it could be checked (Termau,
termau.cymru, and the Welsh Government's bilingual style for dates); see README.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args

WordId = Literal[
    "contents",
    "page n of N",
    "key",
    "key text",
    "key text significance",
    "better",
    "worse",
    "no change",
    "no significant change",
    "continued",
    "part n of N",
    "continued notes",
    "published",
    "measure",
    "change",
    "percent change",
    "assessment",
    "column chart",
    "bar chart",
    "line chart",
    "pie chart",
    "empty chart",
    "logo",
    "organisation logo",
    "skip to content",
    "chart figures",
    "at a glance",
    "no direction",
    "every measure",
    "latest",
    "tally measure",
    "tally measures",
    "window",
    "common cause",
    "special improvement",
    "special concern",
    "special variation",
    "run chart result",
    "spc title",
    "run title",
    "spc limits",
    "run median",
    "limit above",
    "limit below",
    "shift above",
    "shift below",
    "trend up",
    "trend down",
    "near upper",
    "near lower",
    "no signal",
    "result sentence",
    "latest result",
    "mean",
    "median",
    "upper limit",
    "lower limit",
    "month",
    "variation",
]
WORD_IDS: tuple[WordId, ...] = get_args(WordId)

ENGLISH: dict[WordId, str] = {
    "contents": "Contents",
    "page n of N": "Page {page} of {total}",
    "key": "Key",
    "key text": "▲ rise, ▼ fall, ● no change, on the previous period. Better (green) and Worse "
    "(red) say whether the change is an improvement for that measure; a change with no word "
    "has no better direction.",
    "key text significance": "▲ rise, ▼ fall, ● no change, on the previous period. Better "
    "(green) or Worse (red) only when a 5% significance test finds more than chance, else No "
    "significant change; rates without a base and other figures: by direction.",
    "better": "Better",
    "worse": "Worse",
    "no change": "No change",
    "no significant change": "No significant change",
    "continued": "{title} (continued)",
    "part n of N": "{title} ({part} of {total})",
    "continued notes": "Continued: {title}.",
    "published": "Published {date}",
    "measure": "Measure",
    "change": "Change",
    "percent change": "% change",
    "assessment": "Assessment",
    "column chart": "Column chart",
    "bar chart": "Bar chart",
    "line chart": "Line chart",
    "pie chart": "Pie chart",
    "empty chart": "No figures in the workbook for this chart",
    "logo": "Logo",
    "organisation logo": "{organisation} logo",
    "skip to content": "Skip to main content",
    "chart figures": "Figures for the chart: {title}",
    "at a glance": "At a glance",
    "no direction": "No direction",
    "every measure": "Every measure, by section",
    "latest": "Latest",
    "tally measure": "measure",
    "tally measures": "measures",
    # -- SPC trends and computed Monthly labels --
    "window": "{length} months {month}",
    "common cause": "Common cause variation",
    "special improvement": "Special cause improvement",
    "special concern": "Special cause concern",
    "special variation": "Special cause variation",
    "run chart result": "Run chart: too few months for limits",
    "spc title": "SPC chart: {title} by month, {first} to {last}.",
    "run title": "Run chart: {title} by month, {first} to {last}.",
    "spc limits": "Mean {mean}, limits {lower} to {upper}.",
    "run median": "Median {median}. Fewer than 15 months, so no limits and no variation result.",
    "limit above": "The latest month is above the upper limit",
    "limit below": "The latest month is below the lower limit",
    "shift above": "The last {count} months are above the mean",
    "shift below": "The last {count} months are below the mean",
    "trend up": "The last {count} months have each risen",
    "trend down": "The last {count} months have each fallen",
    "near upper": "2 of the last 3 months are close to the upper limit",
    "near lower": "2 of the last 3 months are close to the lower limit",
    "no signal": "The latest month shows no special cause",
    "result sentence": "{reason}: {result}.",
    "latest result": "Latest month: {result}",
    "mean": "Mean",
    "median": "Median",
    "upper limit": "Upper limit",
    "lower limit": "Lower limit",
    "month": "Month",
    "variation": "Variation",
}

WELSH: dict[WordId, str] = {
    "contents": "Cynnwys",
    "page n of N": "Tudalen {page} o {total}",
    "key": "Allwedd",
    "key text": "▲ cynnydd, ▼ gostyngiad, ● dim newid, o'i gymharu â'r cyfnod blaenorol. Mae "
    "Gwell (gwyrdd) a Gwaeth (coch) yn dangos a yw'r newid yn welliant ar gyfer y mesur "
    "hwnnw; nid oes cyfeiriad gwell i newid heb air.",
    "key text significance": "▲ cynnydd, ▼ gostyngiad, ● dim newid, o'i gymharu â'r cyfnod "
    "blaenorol. Gwell (gwyrdd) neu Gwaeth (coch) dim ond pan fo prawf arwyddocâd 5% yn canfod "
    "mwy na siawns, fel arall Dim newid arwyddocaol; cyfraddau heb sylfaen a ffigurau eraill: "
    "yn ôl cyfeiriad.",
    "better": "Gwell",
    "worse": "Gwaeth",
    "no change": "Dim newid",
    "no significant change": "Dim newid arwyddocaol",
    "continued": "{title} (parhad)",
    "part n of N": "{title} ({part} o {total})",
    "continued notes": "Parhad: {title}.",
    "published": "Cyhoeddwyd {date}",
    "measure": "Mesur",
    "change": "Newid",
    "percent change": "% newid",
    "assessment": "Asesiad",
    "column chart": "Siart colofn",
    "bar chart": "Siart bar",
    "line chart": "Siart llinell",
    "pie chart": "Siart cylch",
    "empty chart": "Dim ffigurau yn y llyfr gwaith ar gyfer y siart hwn",
    "logo": "Logo",
    "organisation logo": "Logo {organisation}",
    "skip to content": "Neidio i'r prif gynnwys",
    "chart figures": "Ffigurau'r siart: {title}",
    "at a glance": "Cipolwg",
    "no direction": "Dim cyfeiriad",
    "every measure": "Pob mesur, fesul adran",
    "latest": "Diweddaraf",
    # -- Welsh counts take the singular noun: 23 mesur --
    "tally measure": "mesur",
    "tally measures": "mesur",
    # -- SPC trends and computed Monthly labels --
    "window": "{length} mis {month}",
    "common cause": "Amrywiad achos cyffredin",
    "special improvement": "Gwelliant achos arbennig",
    "special concern": "Pryder achos arbennig",
    "special variation": "Amrywiad achos arbennig",
    "run chart result": "Siart rhediad: rhy ychydig o fisoedd ar gyfer terfynau",
    "spc title": "Siart SPC: {title} fesul mis, {first} i {last}.",
    "run title": "Siart rhediad: {title} fesul mis, {first} i {last}.",
    "spc limits": "Cymedr {mean}, terfynau {lower} i {upper}.",
    "run median": "Canolrif {median}. Llai na 15 mis, felly dim terfynau a dim canlyniad amrywiad.",
    "limit above": "Mae'r mis diweddaraf uwchlaw'r terfyn uchaf",
    "limit below": "Mae'r mis diweddaraf islaw'r terfyn isaf",
    "shift above": "Mae'r {count} mis diwethaf uwchlaw'r cymedr",
    "shift below": "Mae'r {count} mis diwethaf islaw'r cymedr",
    "trend up": "Mae pob un o'r {count} mis diwethaf wedi codi",
    "trend down": "Mae pob un o'r {count} mis diwethaf wedi gostwng",
    "near upper": "Mae 2 o'r 3 mis diwethaf yn agos at y terfyn uchaf",
    "near lower": "Mae 2 o'r 3 mis diwethaf yn agos at y terfyn isaf",
    "no signal": "Nid yw'r mis diweddaraf yn dangos achos arbennig",
    "result sentence": "{reason}: {result}.",
    "latest result": "Mis diweddaraf: {result}",
    "mean": "Cymedr",
    "median": "Canolrif",
    "upper limit": "Terfyn uchaf",
    "lower limit": "Terfyn isaf",
    "month": "Mis",
    "variation": "Amrywiad",
}

LANGUAGES: dict[str, dict[WordId, str]] = {"en": ENGLISH, "cy": WELSH}

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "cy": (
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ),
}
# -- Welsh abbreviations as the Welsh Government writes them; English as Excel's "mmm" --
MONTH_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "en": tuple(name[:3] for name in MONTHS["en"]),
    "cy": (
        "Ion",
        "Chwef",
        "Maw",
        "Ebr",
        "Mai",
        "Meh",
        "Gorff",
        "Awst",
        "Medi",
        "Hyd",
        "Tach",
        "Rhag",
    ),
}

_FIELD = re.compile(r"\{(\w+)\}")


def base_language(tag: str) -> str:
    """The table a BCP 47 tag reads from: `cy-GB` → `cy`; anything unknown → `en`."""
    primary = tag.split("-")[0].lower()
    return primary if primary in LANGUAGES else "en"


def fields_of(text: str) -> set[str]:
    """The `{name}` fields a word's text must keep, e.g. {"page", "total"}."""
    return set(_FIELD.findall(text))


def normalise_id(name: str) -> str:
    """How a Words sheet's Word cell is matched: case and spacing ignored."""
    return " ".join(name.replace("_", " ").split()).lower()


@dataclass(frozen=True)
class Words:
    """The words one document prints: its language's table with the Words sheet on top."""

    language: str = "en-GB"
    overrides: Mapping[WordId, str] = field(default_factory=dict)

    def __getitem__(self, word: WordId) -> str:
        if word in self.overrides:
            return self.overrides[word]
        return LANGUAGES[base_language(self.language)][word]

    def fill(self, word: WordId, **values: object) -> str:
        """The word with its `{name}` fields filled in (a field never given stays as typed)."""
        return _FIELD.sub(lambda m: str(values.get(m.group(1), m.group(0))), self[word])

    def month(self, month: int, short: bool = False) -> str:
        table = MONTH_ABBREVIATIONS if short else MONTHS
        return table[base_language(self.language)][month - 1]

    def date(self, day: dt.date) -> str:
        """`31 October 2024`, `31 Hydref 2024`: day, month name, year in both languages."""
        return f"{day.day} {self.month(day.month)} {day.year}"


def word_id(name: str) -> WordId | None:
    """The id a Words sheet's Word cell names, or None."""
    wanted = normalise_id(name)
    return next((word for word in WORD_IDS if word.lower() == wanted), None)


ENGLISH_WORDS = Words()  # the words where no Report says otherwise (`check`, tests)
