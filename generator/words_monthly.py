"""The SPC trend's words, looked up in `generator/words.py` (English and Welsh), and the
messages of new-quarter and diff, which speak to the analyst in English.

Sentences with figures are templates: `Words.fill` for the editions' words, `str.format`
for the messages.
"""

from __future__ import annotations

from generator.model import TrendWords
from generator.spc import Variation
from generator.words import WordId, Words

VARIATION: dict[Variation, WordId] = {
    Variation.COMMON: "common cause",
    Variation.IMPROVEMENT: "special improvement",
    Variation.CONCERN: "special concern",
    Variation.SPECIAL: "special variation",
    Variation.RUN_CHART: "run chart result",
}
REASONS: dict[tuple[str, bool], WordId] = {
    ("limit", True): "limit above",
    ("limit", False): "limit below",
    ("shift", True): "shift above",
    ("shift", False): "shift below",
    ("trend", True): "trend up",
    ("trend", False): "trend down",
    ("two_of_three", True): "near upper",
    ("two_of_three", False): "near lower",
}


def result_line(variation: Variation, words: Words) -> str:
    """The line beside a trend: the latest month's result, or why there is none."""
    if variation is Variation.RUN_CHART:
        return words[VARIATION[variation]]
    return words.fill("latest result", result=words[VARIATION[variation]])


def trend_words(variation: Variation, title: str, words: Words) -> TrendWords:
    """Every word a trend block prints, in the document's language."""
    return TrendWords(
        result_line=result_line(variation, words),
        mean=words["mean"],
        median=words["median"],
        upper=words["upper limit"],
        lower=words["lower limit"],
        month=words["month"],
        variation=words["variation"],
        data_caption=words.fill("chart figures", title=title),
        points=tuple((kind, words[word]) for kind, word in VARIATION.items()),
    )


# -- new-quarter and check --
REVIEW_COMMENT = (
    "Kept from last quarter by new-quarter: check these words still hold for this "
    "quarter, then clear this cell's fill colour and delete this comment."
)
REVIEW_WARNING = (
    "kept from last quarter and flagged for review by new-quarter; check the words still "
    "hold, then clear the cell's orange fill"
)
CLEARED_WARNING = (
    'no figures yet for "{period}" (new-quarter cleared them for this quarter); the '
    "table prints – until they are typed"
)

# -- diff --
DIFF_TITLE = "Changes from {old} to {new}"
DIFF_NOTHING = "No changes to measures, figures, assessments or sections."
NO_ASSESSMENT = "no assessment"
DIFF_HEADINGS = {
    "added": "Measures added",
    "removed": "Measures removed",
    "revised": "Figures revised",
    "reassessed": "Assessments changed",
    "sections_added": "Sections added",
    "sections_removed": "Sections removed",
    "reworded": "Sections re-worded",
}
