"""Workbook cells to the document model: one module per sheet kind, `load_document` on top."""

from generator.parse.document import Loaded, load_document

__all__ = ["Loaded", "load_document"]
