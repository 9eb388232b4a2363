"""Issue 9's corpus: workbooks with the slips and hostile cells real clients produce.

`cases.CASES` names every workbook and what `check` must say about it; the tests build
each with openpyxl (`cases.write`), some re-saved through LibreOffice Calc, and check the
exact messages, the printed figures in both outputs, and that `check` and `build` agree.
"""
