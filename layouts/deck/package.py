"""Saving the deck byte-for-byte reproducibly: fixed metadata dates and zip timestamps.

python-pptx stamps zip entries with the current time and XlsxWriter stamps each chart's
embedded workbook with "now", so the same document would give a different file each run.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from pptx.presentation import Presentation as PresentationType

from generator.model import Report
from layouts.view import properties

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
PROPERTY_LIMIT = 255
_W3C_DATE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def metadata_date(report: Report) -> dt.datetime:
    return dt.datetime.combine(report.metadata_date, dt.time())


def set_core_properties(presentation: PresentationType, report: Report) -> None:
    """Title, author, subject, language, keywords and fixed dates (accessibility checkers
    read the title and language; fixed dates keep the file reproducible)."""
    core = presentation.core_properties
    core.title = _property(report.full_title)
    core.author = _property(report.organisation)
    core.last_modified_by = _property(report.organisation)
    core.subject = _property(properties(report).subject)
    core.language = report.language
    core.keywords = _property(", ".join(report.keywords))
    core.category = ""
    core.comments = ""
    core.revision = 1
    when = metadata_date(report)
    core.created = core.modified = core.last_printed = when


def _property(text: str) -> str:
    """python-pptx refuses a document property over 255 characters: a long title is cut
    there, with an ellipsis (the slides still show it whole)."""
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def save(presentation: PresentationType, report: Report) -> bytes:
    buffer = io.BytesIO()
    presentation.save(buffer)
    return normalise_zip(buffer.getvalue(), metadata_date(report))


def normalise_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same archive with fixed entry times; embedded workbooks normalised too."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename.endswith(".xlsx"):
                blob = normalise_zip(blob, when)
            elif info.filename == "docProps/core.xml":
                blob = _W3C_DATE.sub(rb"\g<1>" + stamp + rb"\g<2>", blob)
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, blob)
    return out.getvalue()
