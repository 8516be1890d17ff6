"""Reports in the admin: the base view that shows the rows it exports."""

import datetime

from wagtail.admin.views.reports import ReportView

from core.spreadsheets import SafeSpreadsheetExportMixin


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
