"""Fixed words of the Monthly sheet, SPC trends, new-quarter and diff, in one place.

Kept together so the integrator can move them into the shared word list (with Welsh)
in one step. Sentences with figures are templates filled with `str.format`.
"""

from __future__ import annotations

from generator.spc import Variation

VARIATION = {
    Variation.COMMON: "Common cause variation",
    Variation.IMPROVEMENT: "Special cause improvement",
    Variation.CONCERN: "Special cause concern",
    Variation.SPECIAL: "Special cause variation",
    Variation.RUN_CHART: "Run chart: too few months for limits",
}
SPC_TITLE = "SPC chart: {title} by month, {first} to {last}."
RUN_TITLE = "Run chart: {title} by month, {first} to {last}."
SPC_LIMITS = "Mean {mean}, limits {lower} to {upper}."
RUN_MEDIAN = "Median {median}. Fewer than 15 months, so no limits and no variation result."
REASONS = {
    ("limit", True): "The latest month is above the upper limit",
    ("limit", False): "The latest month is below the lower limit",
    ("shift", True): "The last {count} months are above the mean",
    ("shift", False): "The last {count} months are below the mean",
    ("trend", True): "The last {count} months have each risen",
    ("trend", False): "The last {count} months have each fallen",
    ("two_of_three", True): "2 of the last 3 months are close to the upper limit",
    ("two_of_three", False): "2 of the last 3 months are close to the lower limit",
}
NO_SIGNAL = "The latest month shows no special cause"
RESULT_SENTENCE = "{reason}: {result}."
LATEST_RESULT = "Latest month: {result}"


def result_line(variation: Variation) -> str:
    """The line beside a trend: the latest month's result, or why there is none."""
    if variation is Variation.RUN_CHART:
        return VARIATION[variation]
    return LATEST_RESULT.format(result=VARIATION[variation])


SERIES_NAMES = {
    "values": "{measure}",
    "centre": "Mean",
    "median": "Median",
    "upper": "Upper limit",
    "lower": "Lower limit",
}
MONTH_HEADING = "Month"
DATA_CAPTION = "Figures for the chart: {title}"
VARIATION_HEADING = "Variation"

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
