"""Report exports that stream: rows are read in chunks and written one by one.

Wagtail's ``ReportView`` builds the listing's context before it exports, and
that context takes ``len()`` of the unpaginated queryset: every row of the
export would sit in memory, twice (the model instances and the file). A view
with :class:`StreamedExportMixin` skips the listing on export and hands the
spreadsheet writer ``queryset.iterator(chunk_size=…)``, so a CSV of 50,000
rows is written as it is read (PostgreSQL uses a server-side cursor).

Put it after ``SafeSpreadsheetExportMixin`` and before ``ReportView``::

    class MyReport(SafeSpreadsheetExportMixin, StreamedExportMixin, ReportView):
        ...

Give every exported field a heading in ``export_headings``: the iterator has
no ``model`` to read labels from.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

EXPORT_CHUNK_SIZE = 2000


class StreamedExportMixin:
    export_chunk_size = EXPORT_CHUNK_SIZE

    def get(self, request, *args, **kwargs):
        if getattr(self, "is_export", False):
            rows = self.export_rows(self.get_filtered_queryset())
            return self.as_spreadsheet(rows, request.GET.get("export"))
        return super().get(request, *args, **kwargs)

    def export_rows(self, queryset) -> Iterable:
        """What the export writes, row by row: a queryset is iterated in chunks."""
        if isinstance(queryset, QuerySet):
            return queryset.iterator(chunk_size=self.export_chunk_size)
        return queryset
