"""The PDF edition (reportlab): `render_pdf` in `layout.py`."""
