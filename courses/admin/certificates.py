"""Certificates in the admin: list, filters, export and the inspect view."""

from __future__ import annotations

from collections import OrderedDict

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

import django_filters

from core.spreadsheets import SafeSpreadsheetExportMixin
from courses.models import (
    Certificate,
    CertificateStatus,
    CoursePage,
)
from courses.record_display import (
    approvals_list,
    approvals_text,
    credit_lines,
    credit_lines_text,
    credit_type_labels,
    hours_of_credit_type,
    hours_text,
    local_datetime,
)


class CertificateFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Course"),
        field_name="enrollment__course",
        queryset=CoursePage.objects.order_by("title"),
        empty_label=_("All courses"),
    )
    completed_on = django_filters.DateFromToRangeFilter(
        label=_("Completed on"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Certificate
        fields = ["status", "ce_credit", "course", "completed_on"]


class CertificateIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The listing; its CSV/XLSX export is the auditor's record, one row each.

    Credit lines come twice: as one readable column ("General 17.00 h;
    Ethics 3.00 h") and as one number column per credit type, so an auditor
    can filter and sum the ethics hours a board asks about.
    """

    def to_row_dict(self, item):
        return OrderedDict(
            (field, certificate_export_value(item, field)) for field in self.list_export
        )


def certificate_export_value(certificate: Certificate, field: str):
    if field.startswith(CREDIT_TYPE_PREFIX):
        label = field.removeprefix(CREDIT_TYPE_PREFIX)
        return hours_of_credit_type(certificate.credits, label)
    replaces = certificate.replaces
    values = {
        "status": certificate.get_status_display,
        "ce_credit": certificate.get_ce_credit_display,
        "replaces": lambda: replaces.serial if replaces else "",
        "learner_email": lambda: certificate.enrollment.user.email,
        "credits": lambda: credit_lines_text(certificate.credits),
        "approvals": lambda: approvals_text(certificate.approvals),
        "issued_at": lambda: local_datetime(certificate.issued_at),
        "revoked_at": lambda: local_datetime(certificate.revoked_at),
    }
    if field in values:
        return values[field]()
    return getattr(certificate, field)


CREDIT_TYPE_PREFIX = "credit_type:"


def _certificate_export_columns() -> tuple[list[str], dict[str, str]]:
    fields = [
        "serial",
        "status",
        "replaces",
        "learner_name",
        "learner_email",
        "license_type",
        "license_number",
        "license_state",
        "course_title",
        "completed_on",
        "ce_credit",
        "ce_hours",
        "credits",
    ]
    headings = {
        "status": _("Status"),
        "learner_email": _("Learner email"),
        "replaces": _("Corrects certificate"),
        "credits": _("Credit lines"),
    }
    for label in credit_type_labels():
        field = f"{CREDIT_TYPE_PREFIX}{label}"
        fields.append(field)
        headings[field] = _("%(credit_type)s hours") % {"credit_type": label}
    fields += [
        "ce_format",
        "ce_level",
        "approvals",
        "provider_name",
        "instructor",
        "post_test_score",
        "issued_at",
        "revoked_at",
        "revoke_reason",
    ]
    return fields, headings


class CertificateInspectView(InspectView):
    """The certificate as a document: what it prints, and what became of it."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = self.object
        context["certificate"] = certificate
        context["credit_lines"] = [
            (label, hours_text(hours))
            for label, hours in credit_lines(certificate.credits)
        ]
        context["approval_list"] = approvals_list(certificate.approvals)
        context["replaced_by"] = Certificate.objects.filter(
            replaces=certificate
        ).first()
        return context

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        certificate = self.object
        user = self.request.user
        if certificate.status == CertificateStatus.VALID and user.has_perm(
            "courses.change_certificate"
        ):
            buttons += [
                HeaderButton(
                    _("Revoke"),
                    url=reverse("courses_certificate_revoke", args=[certificate.pk]),
                    icon_name="cross",
                ),
                HeaderButton(
                    _("Issue corrected copy"),
                    url=reverse("courses_certificate_reissue", args=[certificate.pk]),
                    icon_name="copy",
                ),
            ]
        return buttons


class CertificateViewSet(ModelViewSet):
    """Every certificate issued, read-only; revoking and correcting are actions."""

    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = CertificateIndexView
    inspect_view_enabled = True
    inspect_view_class = CertificateInspectView
    inspect_template_name = "courses/admin/certificate_inspect.html"
    list_display = [
        "serial",
        Column("learner_name", label=_("Learner")),
        Column("email", label=_("Email"), accessor="enrollment.user.email"),
        "course_title",
        "completed_on",
        "ce_hours",
        Column("status", label=_("Status"), accessor="get_status_display"),
    ]
    filterset_class = CertificateFilterSet
    search_fields = ["serial", "learner_name", "enrollment__user__email"]
    list_export, export_headings = _certificate_export_columns()
    export_filename = "certificates"
    form_fields = ["status"]  # required by ModelViewSet; editing is refused anyway

    def get_queryset(self, request):
        return Certificate.objects.select_related("enrollment__user", "replaces")
