"""The deck edition (python-pptx): `render_pptx` in `layout.py`."""
