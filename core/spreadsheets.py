"""Spreadsheet exports that survive whatever a learner typed.

XML 1.0, which XLSX is made of, cannot carry most control characters (a bell,
an escape, a vertical tab). A learner's name or comment holding one made the
admin's XLSX exports answer 500 (openpyxl refuses the cell) or, written
through Wagtail's write-only cells, produce a file Excel cannot open. Every
export view mixes in :class:`XlsxSafeExportMixin`, which drops those
characters from text written to XLSX; CSV keeps the text as typed.
"""

from __future__ import annotations

import re

# Not XML 1.0 characters: C0 controls but tab, newline and carriage return
# (openpyxl's own list), lone surrogates, and the noncharacters U+FFFE, U+FFFF.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xlsx_text(value):
    """``value`` without the characters an XLSX cell cannot hold."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    return value


class XlsxSafeExportMixin:
    """For Wagtail's ``SpreadsheetExportMixin`` views (index views, reports)."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == "xlsx":
            return xlsx_text(value)
        return value
