"""Every fixed word of the assessment and the at-a-glance summary, in one place.

The tables, the key, the summary page and slide, and `check` print these; a translation
(or a change of wording) is made here once. Keys are the model's enum values, so this
module imports nothing and any module may use it.
"""

from __future__ import annotations

# -- the assessment cell's word, by model.Assessment value; neutral and missing say nothing --
ASSESSMENT_LABELS = {
    "better": "Better",
    "worse": "Worse",
    "no change": "No change",
    "no significant change": "No significant change",
    "neutral": "",
    "unavailable": "",
}

KEY_LABEL = "Key:"
_SYMBOLS = "▲ rise, ▼ fall, ● no change, on the previous period. "
# -- Report `Assessment` = `direction`: the seed's rule, word for word as before --
KEY_DIRECTION = (
    _SYMBOLS + "Better (green) and Worse (red) say whether the change is an improvement for "
    "that measure; a change with no word has no better direction."
)
# -- Report `Assessment` = `significance` (the default): the rule in one plain sentence --
KEY_SIGNIFICANCE = (
    _SYMBOLS + "Better (green) or Worse (red) only when a 5% significance test finds more "
    "than chance, else No significant change; rates without a base and other figures: "
    "by direction."
)
KEYS = {"significance": KEY_SIGNIFICANCE, "direction": KEY_DIRECTION}  # by Report Assessment

# -- the at-a-glance summary (Content type `summary`) --
SUMMARY_HEADING = "At a glance"
TALLY_BETTER = "Better"
TALLY_WORSE = "Worse"
TALLY_NOT_SIGNIFICANT = "No significant change"
TALLY_NO_CHANGE = "No change"  # the same tally under Assessment = direction
TALLY_NO_DIRECTION = "No direction"
TALLY_MEASURE, TALLY_MEASURES = "measure", "measures"  # "23 measures: 15 better, ..."
SUMMARY_TABLE = "Every measure, by section"  # the table's caption or accessible name
SUMMARY_MEASURE = "Measure"
SUMMARY_LATEST = "Latest"
SUMMARY_CHANGE = "Change"
SUMMARY_ASSESSMENT = "Assessment"
