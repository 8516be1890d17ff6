"""Every CSV cell we write goes through ``csv_cell_safe``: no spreadsheet formulas.

A learner writes her own name, license fields and email address, and the
instructor opens our CSV exports in Excel, LibreOffice or Google Sheets, which
evaluate a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a formula
(and a leading tab or carriage return is how an attacker hides one). We follow
OWASP's "CSV Injection" guidance: such a cell gets a leading single quote
``'``, which spreadsheets read as "this is text", and every cell is quoted.

One deliberate exception: a cell that is *only* a number (``-5``, ``-12.50``)
is left as it is. A spreadsheet reads it as a numeric constant; with nothing
but a minus sign, digits and one decimal point there is no function,
reference or DDE call to express, so no formula can run, and escaping it would
turn a number the instructor wants to sum into text. Python numbers (int,
Decimal, float) are written by our code, never typed by a learner, so they pass
unchanged too.

Wagtail's list exports go through ``SafeSpreadsheetExportMixin``; hand-written
CSVs use ``csv_writer``. XLSX exports are safe from formulas (Wagtail turns any
cell openpyxl would read as a formula back into a string cell), but XML 1.0,
which XLSX is made of, cannot carry most control characters (a bell, an escape,
a vertical tab): a learner's name holding one made an XLSX export answer 500 or
produce a file Excel cannot open. The same mixin drops those characters from
text written to XLSX (``xlsx_text``); CSV keeps the text as typed.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from wagtail.admin.views.mixins import Echo

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Not XML 1.0 characters: C0 controls but tab, newline and carriage return
# (openpyxl's own list), lone surrogates, and the noncharacters U+FFFE, U+FFFF.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PLAIN_NUMBER = re.compile(r"-\d+(\.\d+)?")


def csv_cell_safe(value: Any) -> Any:
    """The value as a CSV cell that no spreadsheet evaluates as a formula.

    Text beginning with a formula trigger (also after leading spaces) gets a
    leading ``'``; plain negative numbers and Python numbers are kept;
    ``None`` stays ``None`` (an empty cell).
    """
    if value is None or isinstance(value, (bool, int, float, Decimal)):
        return value
    text = str(value)
    if _PLAIN_NUMBER.fullmatch(text):
        return text
    if text.startswith(FORMULA_TRIGGERS) or text.lstrip(" ").startswith(
        FORMULA_TRIGGERS
    ):
        return "'" + text
    return text


class _SafeWriter:
    """A ``csv.writer`` whose every cell passes through ``csv_cell_safe``."""

    def __init__(self, file):
        self._writer = csv.writer(file, quoting=csv.QUOTE_ALL)

    def writerow(self, row: Iterable[Any]):
        return self._writer.writerow([csv_cell_safe(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(file) -> _SafeWriter:
    """The CSV writer for hand-written exports: cells neutralised and quoted."""
    return _SafeWriter(file)


def xlsx_text(value):
    """``value`` without the characters an XLSX cell cannot hold."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    return value


class SafeSpreadsheetExportMixin:
    """Put before Wagtail's ``IndexView`` / ``ReportView`` on every export view.

    Overrides the CSV half of Wagtail's ``SpreadsheetExportMixin``: headings
    and cells pass through ``csv_cell_safe`` after the usual preprocessing, and
    every cell is quoted. ``tests/security/test_csv_injection.py`` fails for
    any admin export of ours without it.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == "xlsx":
            return xlsx_text(value)
        return value

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: csv_cell_safe(
                    self.preprocess_field_value(field, value, self.FORMAT_CSV)
                )
                for field, value in row_dict.items()
            }
        )

    def stream_csv(self, queryset):
        writer = csv.DictWriter(
            Echo(), fieldnames=self.list_export, quoting=csv.QUOTE_ALL
        )
        yield writer.writerow(
            {
                field: csv_cell_safe(self.get_heading(queryset, field))
                for field in self.list_export
            }
        )
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))


def make_wagtail_exports_safe() -> None:
    """Give Wagtail's own CSV exports the same neutralising as ours.

    Site history (``LogEntriesView``) prints each object's label, for a learner
    her email address, which may begin with ``=``. Wagtail offers no setting for
    its exports, so its ``SpreadsheetExportMixin`` takes our CSV methods here,
    once, at start-up (``core.apps``). Our own views also name the mixin, so
    they stay safe whatever Wagtail's base class does in a later release.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "_practicum_safe_csv", False):
        return
    SpreadsheetExportMixin.write_csv_row = SafeSpreadsheetExportMixin.write_csv_row
    SpreadsheetExportMixin.stream_csv = SafeSpreadsheetExportMixin.stream_csv
    SpreadsheetExportMixin._practicum_safe_csv = True
