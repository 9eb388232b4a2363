"""The HTML edition: one self-contained page for the website (`render_html` in layout.py)."""
