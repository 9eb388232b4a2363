"""Regenerates the committed input workbooks: inputs/template.xlsx and inputs/example.xlsx.

Run from the repository root after changing generator/authoring/template.py or
generator/authoring/example.py:
`python scripts/make_inputs.py`. The output is deterministic, so an unchanged workbook
rewrites to the same bytes and git shows no change.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # -- run as a plain script, the package is not on the path --

from generator.authoring.example import write_example  # noqa: E402
from generator.authoring.example_monthly import write_example_monthly  # noqa: E402
from generator.authoring.template import write_template  # noqa: E402

TEMPLATE = ROOT / "inputs" / "template.xlsx"
EXAMPLE = ROOT / "inputs" / "example.xlsx"
EXAMPLE_MONTHLY = ROOT / "inputs" / "example-monthly.xlsx"


def main() -> int:
    write_template(TEMPLATE)
    write_example(EXAMPLE)
    write_example_monthly(EXAMPLE_MONTHLY)
    for path in (TEMPLATE, EXAMPLE, EXAMPLE_MONTHLY):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
