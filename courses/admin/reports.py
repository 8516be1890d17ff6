"""Reports in the admin: the base view that shows the rows it exports."""

import datetime

from wagtail.admin.views.reports import ReportView

from core.spreadsheets import SafeSpreadsheetExportMixin
from core.streamed_reports import StreamedExportMixin


def _today() -> str:
    return datetime.date.today().isoformat()


class RowsReportView(SafeSpreadsheetExportMixin, ReportView):
    """A report whose table shows the rows ``decorate_paginated_queryset`` builds.

    ``ReportView`` builds its table before decorating the page; build it after,
    so the HTML listing and the export show the same rows.
    """

    def get(self, request, *args, **kwargs):
        self.object_list = self.get_filtered_queryset()
        context = self.get_context_data()
        rows = self.decorate_paginated_queryset(context["object_list"])
        context["object_list"] = rows
        context["table"] = self.get_table(rows)
        return self.render_to_response(context)


class StreamedRowsReportView(StreamedExportMixin, RowsReportView):
    """A rows report whose exports stream: one row built per database row.

    Subclasses define ``row(obj)``. The page shows one page of rows as
    ``RowsReportView`` does; an export goes through
    :class:`core.streamed_reports.StreamedExportMixin` (the queryset read in
    chunks, never held in memory) with each object turned into its row.
    """

    def row(self, obj):
        raise NotImplementedError

    def decorate_paginated_queryset(self, object_list):
        return [self.row(obj) for obj in object_list]

    def export_rows(self, queryset):
        return (self.row(obj) for obj in super().export_rows(queryset))
