"""The Invitations list in the admin (under Learners) and the Bulk enroll menu item."""

from __future__ import annotations

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

import django_filters

from core.spreadsheets import SafeSpreadsheetExportMixin
from courses.bulk_enroll.views import PERMISSION
from courses.models import CoursePage, Invitation


class BulkEnrollMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


def bulk_enroll_menu_item() -> MenuItem:
    return BulkEnrollMenuItem(
        gettext_lazy("Bulk enroll"),
        reverse("courses_bulk_enroll"),
        name="bulk-enroll",
        icon_name="group",
        order=255,
    )


class WhenColumn(Column):
    """A date and time as people write it, or a sentence when there is none."""

    def __init__(self, name, *, empty, **kwargs):
        super().__init__(name, **kwargs)
        self.empty = empty

    def get_value(self, instance):
        return _when(getattr(instance, self.name), self.empty)


class InviterColumn(Column):
    def get_value(self, instance):
        inviter = instance.invited_by
        if inviter is None:
            return ""
        return inviter.get_full_name() or inviter.email


def _when(value, empty: str) -> str:
    return formats.date_format(value, "DATETIME_FORMAT") if value else empty


class InvitationInspectView(InspectView):
    """One invitation, in sentences where a field is empty."""

    def get_invited_by_display_value(self):
        inviter = self.object.invited_by
        return (inviter.get_full_name() or inviter.email) if inviter else ""

    def get_created_at_display_value(self):
        return _when(self.object.created_at, "")

    def get_sent_at_display_value(self):
        return _when(self.object.sent_at, _("Not sent yet"))

    def get_accepted_at_display_value(self):
        return _when(
            self.object.accepted_at,
            _("Not yet: waiting for them to sign up and confirm their address"),
        )


class InvitationFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Course"),
        queryset=CoursePage.objects.order_by("title"),
        empty_label=gettext_lazy("All courses"),
    )
    accepted = django_filters.BooleanFilter(
        label=gettext_lazy("Accepted"),
        field_name="accepted_at",
        lookup_expr="isnull",
        exclude=True,
    )

    class Meta:
        model = Invitation
        fields = ["course", "accepted"]


class InvitationIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The invitations list; any export it gains is neutralised like the rest."""


class InvitationViewSet(ModelViewSet):
    """Invitations made by bulk enrollment: read-only, for following up."""

    model = Invitation
    icon = "mail"
    menu_label = gettext_lazy("Invitations")  # under the Learners menu
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "email",
        Column("course", label=gettext_lazy("Course"), accessor="course.title"),
        InviterColumn("invited_by", label=gettext_lazy("Invited by")),
        WhenColumn("created_at", label=gettext_lazy("Invited"), empty=""),
        WhenColumn(
            "sent_at", label=gettext_lazy("Email sent"), empty=gettext_lazy("Not yet")
        ),
        WhenColumn(
            "accepted_at",
            label=gettext_lazy("Accepted"),
            empty=gettext_lazy("Waiting for sign-up"),
        ),
    ]
    filterset_class = InvitationFilterSet
    inspect_view_class = InvitationInspectView
    index_view_class = InvitationIndexView
    search_fields = ["email", "first_name", "last_name"]
    inspect_view_fields = [
        "email",
        "first_name",
        "last_name",
        "course",
        "invited_by",
        "created_at",
        "sent_at",
        "accepted_at",
    ]
    form_fields = ["email"]  # required by ModelViewSet; editing is refused anyway

    def get_queryset(self, request):
        return Invitation.objects.select_related("course", "invited_by")
